/**
 * A posting list of a common term as a bitmap over short ids. Runs in the search worker.
 *
 * Why: a word most testimonies say ("the", "في", a year in every reference code) has a
 * posting per testimony: 4 bytes each in a PostingList, 58 MB for the 700-odd common terms at
 * 100,000 testimonies (issue 7). A bit per short id costs 12.5 KB a list at 100,000 whatever
 * it holds, so once a list holds more than one id in 32 the bitmap is smaller (posting-list.ts
 * `compactPostings` and `decodeTerm` choose). Frequencies other than 1 (rare: indexWords gives
 * each word once per field; a key shared by two words of a field counts 2) are kept apart.
 *
 * It implements the part of Map that minisearch 7 uses on these values (get, set, has,
 * delete, size, keys, entries, iteration) with Map's behaviour, iteration in ascending id
 * order (insertion order here: minisearch hands out increasing short ids) over a copy, so
 * deleting while iterating is allowed.
 */
export class BitPostings {
  private bits: Uint32Array;
  private live = 0;
  /** Frequencies other than 1, by id; null while there are none. */
  private extra: Map<number, number> | null = null;

  private constructor(capacity: number) {
    this.bits = new Uint32Array(Math.ceil(capacity / 32));
  }

  /** Whether a list of `count` ids below `nextId` is smaller as a bitmap than as 4 bytes an id. */
  static pays(count: number, nextId: number): boolean {
    return count * 32 >= nextId;
  }

  /** A bitmap of `entries` (ids must be non-negative integers), with room for ids below `capacity`. */
  static from(entries: Iterable<[number, number]>, capacity = 0): BitPostings {
    const out = new BitPostings(capacity);
    for (const [id, freq] of entries) out.set(id, freq);
    return out;
  }

  get size(): number {
    return this.live;
  }

  /** The bitmap and the frequencies other than 1, as they are (no copy), for a scan that changes nothing meanwhile. */
  view(): { readonly bits: Uint32Array; readonly extra: ReadonlyMap<number, number> | null } {
    return { bits: this.bits, extra: this.extra };
  }

  private holds(id: number): boolean {
    const word = id >>> 5;
    return Number.isInteger(id) && id >= 0 && word < this.bits.length && ((this.bits[word] ?? 0) & (1 << (id & 31))) !== 0;
  }

  get(id: number): number | undefined {
    if (!this.holds(id)) return undefined;
    return this.extra?.get(id) ?? 1;
  }

  has(id: number): boolean {
    return this.holds(id);
  }

  set(id: number, freq: number): this {
    if (!Number.isSafeInteger(id) || id < 0 || id >= 2 ** 31) throw new RangeError('A short id is a non-negative integer');
    const word = id >>> 5;
    if (word >= this.bits.length) {
      const grown = new Uint32Array(Math.max(word + 1, Math.ceil(this.bits.length * 1.25) + 8));
      grown.set(this.bits);
      this.bits = grown;
    }
    if (!this.holds(id)) {
      this.bits[word] = ((this.bits[word] ?? 0) | (1 << (id & 31))) >>> 0;
      this.live += 1;
    }
    const value = Math.max(1, Math.min(Math.trunc(freq), 0xffff));
    if (value !== 1) (this.extra ??= new Map()).set(id, value);
    else this.extra?.delete(id);
    return this;
  }

  delete(id: number): boolean {
    if (!this.holds(id)) return false;
    const word = id >>> 5;
    this.bits[word] = ((this.bits[word] ?? 0) & ~(1 << (id & 31))) >>> 0;
    this.live -= 1;
    this.extra?.delete(id);
    return true;
  }

  /** Calls `visit` with each id, ascending, and its frequency, over the bitmap as it is. */
  forEach(visit: (id: number, freq: number) => void): void {
    const { bits, extra } = this;
    for (let at = 0; at < bits.length; at += 1) {
      let word = bits[at] ?? 0;
      while (word !== 0) {
        const low = word & -word;
        const id = at * 32 + 31 - Math.clz32(low);
        word ^= low;
        visit(id, extra?.get(id) ?? 1);
      }
    }
  }

  *entries(): IterableIterator<[number, number]> {
    // Over a copy: minisearch deletes entries while iterating (vacuuming, stale results).
    const out: [number, number][] = [];
    this.forEach((id, freq) => out.push([id, freq]));
    yield* out;
  }

  *keys(): IterableIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}
