/**
 * Compact posting lists for minisearch's index. Runs in the search worker.
 *
 * Why: minisearch keeps, for every term and field, a `Map<documentShortId, termFrequency>`.
 * A Map entry costs about 20 bytes in V8, and a testimony puts about 200 (term, field) postings
 * into the index (its distinct words, each under several search keys, in the narrative, summary
 * and, until index format 3, linked names): at 10,000 testimonies the postings were most of the
 * search worker's heap, and they grow with every testimony (issue 7: memory at 100,000). A
 * `PostingList` holds the same entries in typed arrays: 4 bytes a posting, plus 2 only once a
 * frequency other than 1 or a deletion occurs (indexWords gives each word once per field, so
 * nearly all are 1).
 *
 * It implements exactly the part of Map that minisearch 7 uses on these values (get, set, has,
 * delete, size, keys, entries, iteration), with Map's behaviour: iteration in ascending id
 * order, which is insertion order here because minisearch hands out increasing short ids;
 * deleting while iterating is allowed (iteration runs over a copy). `compactPostings` swaps
 * the large Maps of an index for PostingLists; small ones stay Maps (for a handful of entries a
 * Map is smaller than two typed arrays and their objects).
 */
import type MiniSearch from 'minisearch';
import { indexInternals, type FieldPostings, type NumberMap } from './index-internals';
import { BitPostings } from './bit-postings';
import { PairMap } from './pair-map';
import { decodeIds, encodeIds, type DecodedIds } from './postings-text';

/** Lists at least this long become PostingLists (measured: below it a Map costs less). */
export const COMPACT_FROM = 16;

/** A Map<number, number> of ascending short ids to term frequencies, in typed arrays. */
export class PostingList {
  private ids: Int32Array;
  /** Frequencies, 0 for a deleted entry; null while every entry is 1 and none was deleted. */
  private freqs: Uint16Array | null = null;
  /** Slots in use (deleted ones included). */
  private used: number;
  /** The slot `get` found last. */
  private hint = -1;
  private live: number;

  private constructor(ids: Int32Array, freqs: Uint16Array | null) {
    this.ids = ids;
    this.freqs = freqs;
    this.used = ids.length;
    this.live = ids.length;
  }

  /** A list over ascending `ids` (taken over, not copied) and their frequencies (null: all 1). */
  static sorted(ids: Int32Array, freqs: Uint16Array | null): PostingList {
    return new PostingList(ids, freqs);
  }

  /** A list holding `map`'s entries (ids must be non-negative integers). */
  static from(map: Iterable<[number, number]>): PostingList {
    const entries = [...map].sort((a, b) => a[0] - b[0]);
    const ids = Int32Array.from(entries, ([id]) => id);
    const freqs = entries.some(([, f]) => f !== 1) ? Uint16Array.from(entries, ([, f]) => Math.min(f, 0xffff)) : null;
    return new PostingList(ids, freqs);
  }

  get size(): number {
    return this.live;
  }

  /**
   * The list's arrays as they are, without a copy, for a scan that changes nothing meanwhile
   * (testimony-scorer.ts): ids ascending in slots below `used`; a frequency of 0 marks a deleted
   * entry; `freqs` null means every entry is 1.
   */
  view(): { readonly ids: Int32Array; readonly freqs: Uint16Array | null; readonly used: number } {
    return { ids: this.ids, freqs: this.freqs, used: this.used };
  }

  /** Slot of `id`, or -(insertion point) - 1. */
  private find(id: number): number {
    let low = 0;
    let high = this.used - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.ids[mid] ?? 0;
      if (at < id) low = mid + 1;
      else if (at > id) high = mid - 1;
      else return mid;
    }
    return -low - 1;
  }

  private freqAt(slot: number): number {
    return this.freqs ? (this.freqs[slot] ?? 0) : 1;
  }

  get(id: number): number | undefined {
    // minisearch reads each id right after `keys` yielded it, in order: try the next slot first.
    const hinted = this.hint + 1;
    const slot = hinted < this.used && this.ids[hinted] === id ? hinted : this.find(id);
    if (slot < 0) return undefined;
    this.hint = slot;
    const freq = this.freqAt(slot);
    return freq === 0 ? undefined : freq;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  private ensureFreqs(): Uint16Array {
    this.freqs ??= new Uint16Array(this.ids.length).fill(1);
    return this.freqs;
  }

  set(id: number, freq: number): this {
    const value = Math.max(1, Math.min(Math.trunc(freq), 0xffff));
    let slot = this.find(id);
    if (slot >= 0) {
      if (this.freqAt(slot) === 0) this.live += 1;
      if (value !== 1 || this.freqs) this.ensureFreqs()[slot] = value;
      return this;
    }
    slot = -slot - 1;
    if (this.used === this.ids.length) this.grow();
    // Appending (new documents get the highest ids) moves nothing; an insertion shifts the tail.
    this.ids.copyWithin(slot + 1, slot, this.used);
    this.ids[slot] = id;
    if (this.freqs) {
      this.freqs.copyWithin(slot + 1, slot, this.used);
      this.freqs[slot] = value;
    } else if (value !== 1) this.ensureFreqs()[slot] = value;
    this.used += 1;
    this.live += 1;
    return this;
  }

  private grow(): void {
    const capacity = Math.ceil(this.ids.length * 1.25) + 8;
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.used));
    this.ids = ids;
    if (this.freqs) {
      const freqs = new Uint16Array(capacity);
      freqs.set(this.freqs.subarray(0, this.used));
      this.freqs = freqs;
    }
  }

  /** Marks the entry deleted (O(log n)); the slots are reclaimed once half are deleted. */
  delete(id: number): boolean {
    const slot = this.find(id);
    if (slot < 0 || this.freqAt(slot) === 0) return false;
    this.ensureFreqs()[slot] = 0;
    this.live -= 1;
    if (this.live * 2 < this.used) this.trim();
    return true;
  }

  /** Drops deleted slots and spare capacity. */
  trim(): void {
    if (this.used === this.live && this.ids.length === this.used) return;
    const ids = new Int32Array(this.live);
    const freqs = this.freqs ? new Uint16Array(this.live) : null;
    let out = 0;
    let allOnes = true;
    for (let slot = 0; slot < this.used; slot += 1) {
      const freq = this.freqAt(slot);
      if (freq === 0) continue;
      ids[out] = this.ids[slot] ?? 0;
      if (freqs) freqs[out] = freq;
      if (freq !== 1) allOnes = false;
      out += 1;
    }
    this.ids = ids;
    this.freqs = allOnes ? null : freqs;
    this.used = this.live;
  }

  *entries(): IterableIterator<[number, number]> {
    // Over a copy: minisearch deletes entries while iterating (vacuuming, stale results).
    const ids = this.ids.slice(0, this.used);
    const freqs = this.freqs?.slice(0, this.used) ?? null;
    for (let slot = 0; slot < ids.length; slot += 1) {
      const freq = freqs ? (freqs[slot] ?? 0) : 1;
      if (freq !== 0) yield [ids[slot] ?? 0, freq];
    }
  }

  keys(): IterableIterator<number> {
    // The hot path of every search: a copy's native iterator when nothing is deleted.
    if (this.live === this.used) return this.ids.slice(0, this.used).values();
    return (function* (list: PostingList) {
      for (const [id] of list.entries()) yield id;
    })(this);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}

/**
 * Makes the postings of `index` compact: lists of COMPACT_FROM or more entries become
 * PostingLists, or BitPostings when a bitmap is smaller (bit-postings.ts), and back when one
 * thins out; PostingLists are trimmed; Maps of one or two entries (a term said by one
 * testimony: most terms) become PairMaps. Returns how many lists changed form; 0 (and nothing
 * changed) if the index is not shaped as expected.
 */
export function compactPostings<T>(index: MiniSearch<T>): number {
  const internals = indexInternals(index);
  if (!internals) return 0;
  const { _index: terms, _nextId: nextId } = internals;
  let converted = 0;
  const pairs: [string, FieldPostings][] = [];
  for (const [term, fields] of terms) {
    for (const [fieldId, postings] of fields) {
      const replacement = compacted(postings, nextId);
      if (replacement !== postings) {
        fields.set(fieldId, replacement);
        converted += postings instanceof Map && replacement instanceof PairMap ? 0 : 1;
      }
    }
    if (fields instanceof Map && fields.size <= 2) pairs.push([term, PairMap.from(fields)]);
  }
  for (const [term, fields] of pairs) terms.set(term, fields);
  return converted;
}

/** The compact form of one posting list (itself if it is already in it). */
function compacted(postings: NumberMap<number>, nextId: number): NumberMap<number> {
  // Hysteresis: a bitmap goes back to a list only once it holds half of what made it pay.
  if (postings instanceof BitPostings) return BitPostings.pays(postings.size * 2, nextId) ? postings : PostingList.from(postings);
  if (postings.size >= COMPACT_FROM && BitPostings.pays(postings.size, nextId)) return BitPostings.from(postings, nextId);
  if (postings instanceof PostingList) {
    postings.trim();
    return postings;
  }
  if (postings.size >= COMPACT_FROM) return PostingList.from(postings);
  return postings instanceof Map && postings.size <= 2 ? PairMap.from(postings) : postings;
}

/**
 * A term's postings as a snapshot stores them: per field, the ascending short ids as text
 * (postings-text.ts: a few bits an id) and the frequencies, or 0 when all are 1. minisearch's
 * own toJSON writes an object per list with a property per document, which at restore is
 * parsed into that many dictionary entries and then into Maps: several times the memory of the
 * index it becomes, all of it garbage a moment later.
 */
export type EncodedTerm = [term: string, fields: [fieldId: number, ids: string, freqs: number[] | 0][]];

/** `term`'s postings of documents that are `live`, encoded; null if none is left. */
export function encodeTerm(term: string, fields: FieldPostings, live: (shortId: number) => boolean): EncodedTerm | null {
  const encoded: EncodedTerm[1] = [];
  for (const [fieldId, postings] of fields) {
    const entries = [...postings].filter(([id]) => live(id)).sort((a, b) => a[0] - b[0]);
    if (entries.length === 0) continue;
    encoded.push([fieldId, encodeIds(entries.map(([id]) => id)), entries.every(([, f]) => f === 1) ? 0 : entries.map(([, f]) => f)]);
  }
  return encoded.length === 0 ? null : [term, encoded];
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * One decoded posting list in the form `compactPostings` would give it, built straight from
 * the text (no list of entries on the way: a restore decodes about a million of them).
 */
function decodedList(ids: DecodedIds, freqs: readonly number[] | null, nextId: number): NumberMap<number> {
  if (ids.count >= COMPACT_FROM) {
    if (!freqs && BitPostings.pays(ids.count, nextId)) {
      const bits = BitPostings.from([], nextId);
      ids.forEach((id) => bits.set(id, 1));
      return bits;
    }
    const list = new Int32Array(ids.count);
    let at = 0;
    ids.forEach((id) => (list[at++] = id));
    return PostingList.sorted(list, freqs ? Uint16Array.from(freqs) : null);
  }
  const out = ids.count <= 2 ? new PairMap<number>() : new Map<number, number>();
  let at = 0;
  ids.forEach((id) => out.set(id, freqs ? (freqs[at++] ?? 1) : 1));
  return out;
}

/**
 * The posting lists of one encoded term (`encodeTerm`): common terms straight into bitmaps
 * (no list of ids on the way), long lists into PostingLists, one or two entries (most terms)
 * into PairMaps, the rest into Maps as minisearch makes them. Checks every value (field ids
 * below `fields`, ids ascending and below `nextId`, frequencies 1–65535); null if anything is off.
 */
export function decodeTerm(item: unknown, fields: number, nextId: number): { term: string; postings: FieldPostings } | null {
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !Array.isArray(item[1]) || item[1].length === 0) return null;
  const byField = new PairMap<NumberMap<number>>();
  for (const entry of item[1] as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return null;
    const [fieldId, text, freqs] = entry as unknown[];
    if (!isCount(fieldId) || fieldId >= fields || byField.has(fieldId)) return null;
    const ids = decodeIds(text, nextId);
    if (!ids) return null;
    if (freqs !== 0 && !(Array.isArray(freqs) && freqs.length === ids.count && freqs.every((f) => isCount(f) && f > 0 && f <= 0xffff))) return null;
    byField.set(fieldId, decodedList(ids, freqs === 0 ? null : (freqs as number[]), nextId));
  }
  return { term: item[0] as string, postings: byField };
}
