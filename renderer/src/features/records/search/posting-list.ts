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
  static from(map: ReadonlyMap<number, number>): PostingList {
    const entries = [...map].sort((a, b) => a[0] - b[0]);
    const ids = Int32Array.from(entries, ([id]) => id);
    const freqs = entries.some(([, f]) => f !== 1) ? Uint16Array.from(entries, ([, f]) => Math.min(f, 0xffff)) : null;
    return new PostingList(ids, freqs);
  }

  get size(): number {
    return this.live;
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

type FieldPostings = Map<number, Map<number, number> | PostingList>;
type TermIndex = Iterable<[string, FieldPostings]> & { set(term: string, fields: FieldPostings): unknown; readonly size: number };

/** minisearch's private term index (a SearchableMap), if it has the shape this module knows (7.x). */
function termIndex<T>(index: MiniSearch<T>): TermIndex | null {
  const inner: unknown = (index as unknown as { _index?: unknown })._index;
  if (typeof inner !== 'object' || inner === null || !(Symbol.iterator in inner)) return null;
  return typeof (inner as { set?: unknown }).set === 'function' ? (inner as TermIndex) : null;
}

/**
 * Replaces every posting Map of `index` with COMPACT_FROM or more entries by a PostingList,
 * and trims the PostingLists already there. Returns how many lists were converted; 0 (and
 * nothing changed) if the index is not shaped as expected.
 */
export function compactPostings<T>(index: MiniSearch<T>): number {
  const terms = termIndex(index);
  if (!terms) return 0;
  let converted = 0;
  for (const [, fields] of terms) {
    if (!(fields instanceof Map)) return converted;
    for (const [fieldId, postings] of fields) {
      if (postings instanceof PostingList) postings.trim();
      else if (postings instanceof Map && postings.size >= COMPACT_FROM) {
        fields.set(fieldId, PostingList.from(postings));
        converted += 1;
      }
    }
  }
  return converted;
}

/**
 * A term's postings as a snapshot stores them: per field, the ascending short ids as gaps from
 * the previous one (small numbers: short JSON, packed arrays when parsed) and the frequencies,
 * or 0 when all are 1. minisearch's own toJSON writes an object per list with a property per
 * document, which at restore is parsed into that many dictionary entries and then into Maps:
 * several times the memory of the index it becomes, all of it garbage a moment later.
 */
export type EncodedTerm = [term: string, fields: [fieldId: number, gaps: number[], freqs: number[] | 0][]];

/** The postings of `index`, encoded; null if the index is not shaped as expected. */
export function encodePostings<T>(index: MiniSearch<T>): EncodedTerm[] | null {
  const terms = termIndex(index);
  if (!terms) return null;
  const out: EncodedTerm[] = [];
  for (const [term, fields] of terms) {
    const encoded: EncodedTerm[1] = [];
    for (const [fieldId, postings] of fields) {
      const entries = [...postings].sort((a, b) => a[0] - b[0]);
      let previous = 0;
      const gaps = entries.map(([id]) => {
        const gap = id - previous;
        previous = id;
        return gap;
      });
      encoded.push([fieldId, gaps, entries.every(([, f]) => f === 1) ? 0 : entries.map(([, f]) => f)]);
    }
    out.push([term, encoded]);
  }
  return out;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Puts `encoded` postings into `index` (restored from a snapshot without its own postings):
 * lists of COMPACT_FROM or more straight into PostingLists, shorter ones into Maps. Checks
 * every value first (field ids below `fields`, ids below `nextId`, frequencies 1–65535); false,
 * and the index must be dropped, if anything is off.
 */
export function decodePostings<T>(index: MiniSearch<T>, encoded: unknown, fields: number, nextId: number): boolean {
  const terms = termIndex(index);
  if (!terms || terms.size !== 0 || !Array.isArray(encoded)) return false;
  for (const item of encoded as unknown[]) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !Array.isArray(item[1])) return false;
    const byField: FieldPostings = new Map();
    for (const entry of item[1] as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) return false;
      const [fieldId, gaps, freqs] = entry as unknown[];
      if (!isCount(fieldId) || fieldId >= fields || byField.has(fieldId) || !Array.isArray(gaps) || gaps.length === 0) return false;
      if (freqs !== 0 && !(Array.isArray(freqs) && freqs.length === gaps.length)) return false;
      const ids = new Int32Array(gaps.length);
      const counts = freqs === 0 ? null : new Uint16Array(gaps.length);
      let id = 0;
      for (const [at, gap] of (gaps as unknown[]).entries()) {
        const freq = counts ? (freqs as unknown[])[at] : 1;
        if (!isCount(gap) || (at > 0 && gap === 0) || !isCount(freq) || freq === 0 || freq > 0xffff) return false;
        id += gap;
        ids[at] = id;
        if (counts) counts[at] = freq;
      }
      if (id >= nextId) return false;
      // Long lists as they are; short ones as Maps, as minisearch makes them.
      const small = () => new Map(Array.from(ids, (at, slot) => [at, counts ? (counts[slot] ?? 1) : 1] as [number, number]));
      byField.set(fieldId, ids.length >= COMPACT_FROM ? PostingList.sorted(ids, counts) : small());
    }
    terms.set(item[0] as string, byField);
  }
  return true;
}
