/**
 * Scores testimony hits straight from the posting lists of the testimony index. Runs in the
 * search worker.
 *
 * Why: a common word (a year in every reference code, a facility linked from a third of the
 * archive) matches most of 100,000 testimonies, and minisearch answers each word with an
 * object, an array and a dictionary per matching document, which the engine then merged into
 * Maps keyed by id (issue 7: search p95 0.6 s). Here every score lives in a Float64Array by
 * short id, the query keys each testimony matched in a bit mask, and the words already matched
 * in a Uint8Array, so the passes over the postings allocate nothing per document, and only the
 * best `limit` are turned into hits (a small heap, no sort of every match).
 *
 * The scores are minisearch 7's for one AND query over the words (each word an OR over its
 * search keys, the last one also as a prefix), plus the linked-name part of
 * testimony-ranking.ts: the same BM25 (k 1.2, b 0.7, d 0.5), field boosts, prefix weight,
 * and the final factor "raw × query keys matched". Only the order of additions differs
 * (last-bit rounding). Equal scores are ordered by short id, that is by when each testimony
 * was last indexed (minisearch ordered them by where it met them first in its posting lists:
 * also the oldest indexed first, for the same keys).
 */
import { BitPostings } from './bit-postings';
import type { FieldLengths } from './field-lengths';
import type { FieldPostings, IndexInternals } from './index-internals';
import { PostingList } from './posting-list';
import { BM25, LINKED_BOOST, PREFIX_WEIGHT } from './testimony-ranking';

/** A ranked testimony, by its short id in the index. */
export interface ScoredHit {
  readonly shortId: number;
  readonly score: number;
}

/** A facility or perpetrator whose names matched a word, and the testimonies linking it. */
export interface LinkedName {
  /** How well its names matched (testimony-ranking.ts `nameWeight`). */
  readonly weight: number;
  /** The query keys its names matched. */
  readonly keys: readonly string[];
  /** Calls `visit` with the short id of every testimony linking it. */
  forEachDoc(visit: (shortId: number) => void): void;
}

/** One query word: its search keys (as minisearch would query them), prefix rule and linked names. */
export interface ScoredWord {
  readonly keys: readonly string[];
  readonly prefix: (key: string) => boolean;
  readonly linked: readonly LinkedName[];
}

/** A term of the index a word matched, with the posting lists to look a hit up in. */
export interface MatchedTerm {
  readonly term: string;
  readonly postings: FieldPostings;
}

/** The best testimonies, best first, and each word's matched index terms (for snippets). */
export interface Scored {
  readonly hits: ScoredHit[];
  readonly terms: readonly (readonly MatchedTerm[])[];
}

/** What the scorer needs of the index. */
export interface ScoredIndex {
  readonly internals: IndexInternals;
  readonly lengths: FieldLengths;
  /** Field names in minisearch's order, and their boosts. */
  readonly fields: readonly string[];
  readonly boost: Readonly<Record<string, number>>;
}

/** Reusable per-query arrays, sized to the index's short ids. */
export class TestimonyScorer {
  private score = new Float64Array(0);
  private mask = new Uint32Array(0);
  private level = new Uint8Array(0);
  private linkedWeight = new Float64Array(0);
  private linkedMask = new Uint32Array(0);
  private touched = new Int32Array(0);
  private linkedTouched = new Int32Array(0);
  private maskWords = 1;

  private size(capacity: number, maskWords: number): void {
    if (this.level.length < capacity) {
      const grown = Math.max(capacity, Math.ceil(this.level.length * 1.25));
      this.score = new Float64Array(grown);
      this.level = new Uint8Array(grown);
      this.linkedWeight = new Float64Array(grown);
      this.touched = new Int32Array(grown);
      this.linkedTouched = new Int32Array(grown);
      this.mask = new Uint32Array(grown * maskWords);
      this.linkedMask = new Uint32Array(grown * maskWords);
      this.maskWords = maskWords;
    } else if (this.maskWords !== maskWords || this.mask.length < this.level.length * maskWords) {
      this.mask = new Uint32Array(this.level.length * maskWords);
      this.linkedMask = new Uint32Array(this.level.length * maskWords);
      this.maskWords = maskWords;
    }
  }

  /**
   * The best `limit` testimonies matching every word (by own text or linked names); linked
   * names are rare or common among `linkedOutOf` testimonies. At most 255 words.
   */
  rank(index: ScoredIndex, words: readonly ScoredWord[], linkedOutOf: number, limit: number): Scored {
    const { internals } = index;
    const terms: MatchedTerm[][] = words.map(() => []);
    if (words.length === 0 || words.length > 255 || limit <= 0) return { hits: [], terms };
    const bits = new Map<string, number>();
    for (const word of words) for (const key of word.keys) if (!bits.has(key)) bits.set(key, bits.size);
    const maskWords = Math.max(1, Math.ceil(bits.size / 32));
    const capacity = Math.max(internals._nextId, index.lengths.capacity);
    this.size(capacity, maskWords);
    const { score, mask, level, touched } = this;
    let touchedCount = 0;
    const lengths = index.lengths.table();
    const fieldCount = index.lengths.fields;
    const fields = index.fields.map((name) => ({ id: internals._fieldIds[name] ?? -1, boost: index.boost[name] ?? 1 })).filter((f) => f.id >= 0);
    const { k, b, d } = BM25;
    const documentCount = internals._documentCount;

    /** Records that `id` matched word `at`; false if it missed an earlier word. */
    const reach = (id: number, at: number): boolean => {
      const reached = level[id] ?? 0;
      if (reached < at) return false;
      if (reached === at) {
        level[id] = at + 1;
        if (at === 0) {
          touched[touchedCount++] = id;
          score[id] = 0;
          mask.fill(0, id * maskWords, (id + 1) * maskWords);
        }
      }
      return true;
    };

    try {
      for (const [at, word] of words.entries()) {
        // Testimonies still in the running (every earlier word matched): a common word's bitmap is
        // then probed for them instead of walked whole. Only while no discarded testimony's
        // postings wait for a vacuum: a walk counts those out as it meets them, as minisearch does.
        let running = at === 0 ? Infinity : 0;
        for (let i = 0; i < touchedCount && at > 0; i += 1) if (level[touched[i] ?? 0] === at) running += 1;
        const probe = running < Infinity && internals._dirtCount === 0;
        for (const key of word.keys) {
          const bit = bits.get(key) ?? 0;
          const slot = bit >>> 5;
          const flag = (1 << (bit & 31)) >>> 0;
          const exact = internals._index.get(key);
          const candidates: [string, FieldPostings, number][] = exact ? [[key, exact, 1]] : [];
          if (word.prefix(key)) {
            for (const [term, postings] of internals._index.atPrefix(key)) {
              const distance = term.length - key.length;
              if (distance > 0) candidates.push([term, postings, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance)]);
            }
          }
          for (const [term, postings, weight] of candidates) {
            terms[at]?.push({ term, postings });
            for (const field of fields) {
              const list = postings.get(field.id);
              if (!list) continue;
              const avg = internals._avgFieldLength[field.id] ?? 0;
              const factor = weight * field.boost;
              let matching = list.size;
              let idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
              let dead: number[] | null = null;
              const visit = (id: number, freq: number) => {
                const stored = lengths[id * fieldCount + field.id] ?? 0;
                if (stored === 0) {
                  // A discarded testimony's posting, not vacuumed yet: dropped as minisearch does, and not counted.
                  (dead ??= []).push(id);
                  matching -= 1;
                  idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
                  return;
                }
                if (!reach(id, at)) return;
                const length = stored - 1;
                score[id] = (score[id] ?? 0) + factor * idf * (d + (freq * (k + 1)) / (freq + k * (1 - b + (b * length) / avg)));
                const m = id * maskWords + slot;
                mask[m] = ((mask[m] ?? 0) | flag) >>> 0;
              };
              if (list instanceof PostingList) {
                const { ids, freqs, used } = list.view();
                for (let s = 0; s < used; s += 1) {
                  const freq = freqs ? (freqs[s] ?? 0) : 1;
                  if (freq !== 0) visit(ids[s] ?? 0, freq);
                }
              } else if (list instanceof BitPostings && probe && running < list.size) {
                const { bits, extra } = list.view();
                for (let i = 0; i < touchedCount; i += 1) {
                  const id = touched[i] ?? 0;
                  if ((level[id] ?? 0) >= at && ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0) visit(id, extra?.get(id) ?? 1);
                }
              } else if (list instanceof BitPostings) {
                list.forEach(visit);
              } else {
                for (const [id, freq] of list) visit(id, freq);
              }
              for (const id of dead ?? []) internals.removeTerm(field.id, id, term);
            }
          }
        }
        this.addLinked(word, at, bits, linkedOutOf, reach);
        if (!touched.subarray(0, touchedCount).some((id) => level[id] === at + 1)) return { hits: [], terms };
      }
      return { hits: this.best(words.length, touchedCount, limit), terms };
    } finally {
      for (let i = 0; i < touchedCount; i += 1) level[touched[i] ?? 0] = 0;
    }
  }

  /** Adds word `at`'s linked-name scores (testimony-ranking.ts: BM25 of a name said once, rarity among testimonies). */
  private addLinked(word: ScoredWord, at: number, bits: ReadonlyMap<string, number>, documentCount: number, reach: (id: number, at: number) => boolean): void {
    if (word.linked.length === 0) return;
    const { linkedWeight, linkedMask, linkedTouched, maskWords, score, mask } = this;
    let count = 0;
    for (const name of word.linked) {
      const keyBits = name.keys.map((key) => bits.get(key) ?? 0);
      name.forEachDoc((id) => {
        const held = linkedWeight[id] ?? 0;
        if (held === 0) {
          linkedTouched[count++] = id;
          linkedMask.fill(0, id * maskWords, (id + 1) * maskWords);
        }
        // A weight is never 0 (nameWeight gives at least the prefix weight per key): 0 means unseen.
        linkedWeight[id] = Math.max(held, name.weight);
        for (const bit of keyBits) {
          const m = id * maskWords + (bit >>> 5);
          linkedMask[m] = ((linkedMask[m] ?? 0) | (1 << (bit & 31))) >>> 0;
        }
      });
    }
    const n = count;
    const idf = Math.log(1 + (Math.max(documentCount, n) - n + 0.5) / (n + 0.5));
    // BM25's term part for a frequency of 1 in a field of average length: d + (k + 1) / (1 + k).
    const perWeight = LINKED_BOOST * idf * (BM25.d + (BM25.k + 1) / (1 + BM25.k));
    for (let i = 0; i < count; i += 1) {
      const id = linkedTouched[i] ?? 0;
      if (reach(id, at)) {
        score[id] = (score[id] ?? 0) + perWeight * (linkedWeight[id] ?? 0);
        for (let w = 0; w < maskWords; w += 1) mask[id * maskWords + w] = ((mask[id * maskWords + w] ?? 0) | (linkedMask[id * maskWords + w] ?? 0)) >>> 0;
      }
      linkedWeight[id] = 0;
    }
  }

  /** The `limit` best of the testimonies that matched all `words` words, best first (ties: lower short id first). */
  private best(words: number, touchedCount: number, limit: number): ScoredHit[] {
    const { score, mask, level, touched, maskWords } = this;
    // A min-heap of the best so far: its root is the one a better hit replaces.
    const heap: ScoredHit[] = [];
    const worse = (i: number, j: number) => {
      const x = heap[i];
      const y = heap[j];
      return x !== undefined && y !== undefined && (x.score < y.score || (x.score === y.score && x.shortId > y.shortId));
    };
    const swap = (i: number, j: number) => {
      const x = heap[i];
      const y = heap[j];
      if (x === undefined || y === undefined) return;
      heap[i] = y;
      heap[j] = x;
    };
    for (let i = 0; i < touchedCount; i += 1) {
      const id = touched[i] ?? 0;
      if (level[id] !== words) continue;
      let keys = 0;
      for (let w = 0; w < maskWords; w += 1) keys += popcount(mask[id * maskWords + w] ?? 0);
      const hit = { shortId: id, score: (score[id] ?? 0) * Math.max(1, keys) };
      if (heap.length < limit) {
        heap.push(hit);
        for (let c = heap.length - 1, p = (c - 1) >> 1; c > 0 && worse(c, p); c = p, p = (c - 1) >> 1) swap(c, p);
        continue;
      }
      const root = heap[0];
      if (!root || hit.score < root.score || (hit.score === root.score && hit.shortId > root.shortId)) continue;
      heap[0] = hit;
      for (let at = 0; ; ) {
        const l = 2 * at + 1;
        let m = at;
        if (l < heap.length && worse(l, m)) m = l;
        if (l + 1 < heap.length && worse(l + 1, m)) m = l + 1;
        if (m === at) break;
        swap(at, m);
        at = m;
      }
    }
    return heap.sort((x, y) => y.score - x.score || x.shortId - y.shortId);
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether the posting lists of `term` hold `shortId` in any field. */
export function termHolds(term: MatchedTerm, shortId: number): boolean {
  for (const [, list] of term.postings) if (list.get(shortId) !== undefined) return true;
  return false;
}
