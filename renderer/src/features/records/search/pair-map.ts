/**
 * A Map of number keys holding up to two entries in the object itself. Runs in the search worker.
 *
 * Why: most terms of the testimony index are said by one testimony only (every reference code
 * and interview number is its own term), and minisearch gives each such term a Map of fields
 * holding a Map of one posting per field: about 100 bytes a Map, roughly 20 MB at 100,000
 * testimonies (issue 7). A PairMap of one or two entries is about 30 bytes. Past two entries it
 * keeps a real Map inside, so it behaves as a Map whatever minisearch adds later.
 *
 * It implements the part of Map that minisearch 7 and this feature use on the term index's
 * values (get, set, has, delete, size, keys, values, entries, iteration), with Map's
 * behaviour: insertion order, and deleting while iterating allowed (iteration runs over a copy).
 */
export class PairMap<V> {
  private count = 0;
  private key0 = 0;
  private value0: V | undefined;
  private key1 = 0;
  private value1: V | undefined;
  /** Every entry, once there were more than two. */
  private map: Map<number, V> | null = null;

  /** A PairMap of `entries`' entries, in order. */
  static from<V>(entries: Iterable<[number, V]>): PairMap<V> {
    const out = new PairMap<V>();
    for (const [key, value] of entries) out.set(key, value);
    return out;
  }

  get size(): number {
    return this.map ? this.map.size : this.count;
  }

  get(key: number): V | undefined {
    if (this.map) return this.map.get(key);
    if (this.count > 0 && this.key0 === key) return this.value0;
    if (this.count > 1 && this.key1 === key) return this.value1;
    return undefined;
  }

  has(key: number): boolean {
    if (this.map) return this.map.has(key);
    return (this.count > 0 && this.key0 === key) || (this.count > 1 && this.key1 === key);
  }

  set(key: number, value: V): this {
    if (this.map) {
      this.map.set(key, value);
    } else if (this.count > 0 && this.key0 === key) {
      this.value0 = value;
    } else if (this.count > 1 && this.key1 === key) {
      this.value1 = value;
    } else if (this.count === 0) {
      [this.key0, this.value0, this.count] = [key, value, 1];
    } else if (this.count === 1) {
      [this.key1, this.value1, this.count] = [key, value, 2];
    } else {
      this.map = new Map(this.inline());
      this.map.set(key, value);
      [this.value0, this.value1, this.count] = [undefined, undefined, 0];
    }
    return this;
  }

  delete(key: number): boolean {
    if (this.map) return this.map.delete(key);
    if (this.count > 0 && this.key0 === key) {
      [this.key0, this.value0] = [this.key1, this.value1];
    } else if (!(this.count > 1 && this.key1 === key)) {
      return false;
    }
    this.value1 = undefined;
    this.count -= 1;
    return true;
  }

  private inline(): [number, V][] {
    const out: [number, V][] = [];
    if (this.count > 0) out.push([this.key0, this.value0 as V]);
    if (this.count > 1) out.push([this.key1, this.value1 as V]);
    return out;
  }

  entries(): IterableIterator<[number, V]> {
    return (this.map ? [...this.map] : this.inline()).values();
  }

  keys(): IterableIterator<number> {
    return (this.map ? [...this.map.keys()] : this.inline().map(([key]) => key)).values();
  }

  values(): IterableIterator<V> {
    return (this.map ? [...this.map.values()] : this.inline().map(([, value]) => value)).values();
  }

  [Symbol.iterator](): IterableIterator<[number, V]> {
    return this.entries();
  }
}
