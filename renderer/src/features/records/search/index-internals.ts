/**
 * The part of minisearch 7's private state the testimony index reads and writes directly.
 * Runs in the search worker.
 *
 * Why reach inside: minisearch answers a query with an object per matching document and
 * serialises its index as an object per posting list; at 100,000 testimonies both are most of
 * the cost (issue 7). The engine scores from the posting lists itself (testimony-scorer.ts) and
 * saves and restores the index in its own compact form (search-snapshot.ts), so it needs these
 * fields. `indexInternals` checks their shape and returns null if a minisearch update changed
 * it: callers then fall back to the public API or restore nothing (the tests fail loudly).
 */
import type MiniSearch from 'minisearch';

/** What the term index's values are made of: a Map, or one of this feature's stand-ins (PairMap, PostingList). */
export interface NumberMap<V> extends Iterable<[number, V]> {
  readonly size: number;
  get(key: number): V | undefined;
  set(key: number, value: V): unknown;
  has(key: number): boolean;
  delete(key: number): boolean;
  keys(): IterableIterator<number>;
  entries(): IterableIterator<[number, V]>;
}

/** A term's posting lists (short id → frequency) by field id: Maps or PairMaps while short, PostingLists once long (posting-list.ts, pair-map.ts). */
export type FieldPostings = NumberMap<NumberMap<number>>;

/** minisearch's term tree (a SearchableMap): the calls used here. */
export interface TermTree extends Iterable<[string, FieldPostings]> {
  get(term: string): FieldPostings | undefined;
  set(term: string, fields: FieldPostings): unknown;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  readonly size: number;
}

/** Per-document field lengths, as minisearch reads and writes them (see FieldLengths). */
export interface FieldLengthMap {
  get(shortId: number): ArrayLike<number> & { forEach(visit: (length: number, fieldId: number) => void): void } | undefined;
  set(shortId: number, lengths: number[]): unknown;
  delete(shortId: number): boolean;
}

/** The private fields of a MiniSearch instance used by this feature. */
export interface IndexInternals {
  _index: TermTree;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: FieldLengthMap;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _nextId: number;
  _documentCount: number;
  _dirtCount: number;
  removeTerm(fieldId: number, shortId: number, term: string): void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `index`'s private state if it has the shape this module knows (minisearch 7.x), else null. */
export function indexInternals<T>(index: MiniSearch<T>): IndexInternals | null {
  const inner = index as unknown as Record<string, unknown>;
  const tree = inner['_index'];
  if (!isObject(tree) || typeof tree['get'] !== 'function' || typeof tree['set'] !== 'function' || typeof tree['atPrefix'] !== 'function' || !(Symbol.iterator in tree)) return null;
  if (!(inner['_documentIds'] instanceof Map) || !(inner['_idToShortId'] instanceof Map) || !isObject(inner['_fieldLength'])) return null;
  if (!Array.isArray(inner['_avgFieldLength']) || !isObject(inner['_fieldIds']) || typeof inner['removeTerm'] !== 'function') return null;
  if (typeof inner['_nextId'] !== 'number' || typeof inner['_documentCount'] !== 'number' || typeof inner['_dirtCount'] !== 'number') return null;
  return inner as unknown as IndexInternals;
}
