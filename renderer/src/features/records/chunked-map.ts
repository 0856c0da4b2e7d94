/**
 * An immutable map from id to value, split into buckets by the id's first two characters, so a
 * change copies only the buckets it touches: a save in a case file of 100,000 testimonies costs
 * a few hundred entries, not a new 100,000-entry Map (issue 7). Every snapshot of the case file
 * holds its own ChunkedMaps, and nothing ever changes one after it is built: a render still
 * reading an older snapshot sees that snapshot whole, however many saves came since.
 *
 * Ids are random base64url (shared/domain/ids.ts), so the buckets are even; the bucket of an id
 * comes from its first characters in string order, so a map built from ids in ascending order
 * iterates in ascending order (the order the vault lists records in). Pure; runs on the renderer's main thread.
 */
import type { Slicer } from '../../vault/ui-slices';

const BUCKETS = 256;

/**
 * Each base64url character's rank in code-unit order (`-` < digits < capitals < `_` < small
 * letters), the order ids sort in as strings; other characters get some rank below 64.
 */
const RANK = (() => {
  const rank = Array.from({ length: 128 }, (_, code) => code & 63);
  [...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'].forEach((char, index) => (rank[char.charCodeAt(0)] = index));
  return rank;
})();

/** 6 bits of the first character and the top 2 of the second: even for random ids, and in their order. */
function bucketOf(key: string): number {
  return ((RANK[key.charCodeAt(0) & 127] ?? 0) << 2) | ((RANK[key.charCodeAt(1) & 127] ?? 0) >> 4);
}

/** What one change does to a map: values to set (by their key) and keys to delete. */
export interface MapChange<K extends string, V> {
  readonly set?: Iterable<readonly [K, V]>;
  readonly delete?: Iterable<K>;
}

/** See the file comment. */
export class ChunkedMap<K extends string, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<K, V>[],
    readonly size: number,
  ) {}

  /** A map of `entries` (a later entry for the same key wins). */
  static of<K extends string, V>(entries: Iterable<readonly [K, V]>): ChunkedMap<K, V> {
    const builder = ChunkedMap.builder<K, V>();
    for (const [key, value] of entries) builder.set(key, value);
    return builder.build();
  }

  /**
   * A map of `items` keyed by `keyOf`, built in slices (`slicer` is asked after every item), so
   * a hundred thousand records never hold the UI thread for one long task.
   */
  static async ofSliced<K extends string, T, V>(items: Iterable<T>, keyOf: (item: T) => K, valueOf: (item: T) => V, slicer: Slicer): Promise<ChunkedMap<K, V>> {
    const builder = ChunkedMap.builder<K, V>();
    for (const item of items) {
      builder.set(keyOf(item), valueOf(item));
      const pause = slicer.maybeYield();
      if (pause) await pause;
    }
    return builder.build();
  }

  /** Fills a new map entry by entry (nobody can read it before `build`), for loops that yield. */
  static builder<K extends string, V>(): { set(key: K, value: V): void; build(): ChunkedMap<K, V> } {
    const buckets = Array.from({ length: BUCKETS }, () => new Map<K, V>());
    return {
      set: (key, value) => void buckets[bucketOf(key)]?.set(key, value),
      build: () => new ChunkedMap(buckets, buckets.reduce((sum, map) => sum + map.size, 0)),
    };
  }

  get(key: K): V | undefined {
    return this.buckets[bucketOf(key)]?.get(key);
  }

  has(key: K): boolean {
    return this.buckets[bucketOf(key)]?.has(key) ?? false;
  }

  /**
   * A new map with `change` applied; this one is left as it was. Copies only the buckets the
   * change touches (returns this map itself when the change is empty).
   */
  with(change: MapChange<K, V>): ChunkedMap<K, V> {
    let buckets: ReadonlyMap<K, V>[] | null = null;
    const copied = new Map<number, Map<K, V>>();
    let size = this.size;
    const bucket = (key: K): Map<K, V> => {
      const index = bucketOf(key);
      let map = copied.get(index);
      if (!map) {
        buckets ??= [...this.buckets];
        map = new Map(this.buckets[index]);
        copied.set(index, map);
        buckets[index] = map;
      }
      return map;
    };
    for (const key of change.delete ?? []) {
      if (!this.has(key)) continue;
      if (bucket(key).delete(key)) size -= 1;
    }
    for (const [key, value] of change.set ?? []) {
      const map = bucket(key);
      if (!map.has(key)) size += 1;
      map.set(key, value);
    }
    return buckets ? new ChunkedMap(buckets, size) : this;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const map of this.buckets) yield* map.entries();
  }

  *keys(): MapIterator<K> {
    for (const map of this.buckets) yield* map.keys();
  }

  *values(): MapIterator<V> {
    for (const map of this.buckets) yield* map.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
