/**
 * Scoring testimony hits when a query word may match a testimony's own text or the names of
 * the facilities and alleged perpetrators it links to. Pure; runs in the search worker.
 *
 * Linked names are indexed once, in the entities' own documents (search-links.ts says why),
 * so minisearch cannot score them as a field of the testimony. The engine runs one query per
 * word instead, adds the testimonies reached through matching names, keeps those matching
 * every word, and scores them as minisearch scored its AND query over the old `linkedNames`
 * field: own-text matches exactly as before, linked ones as BM25 of a term said once in a
 * field of average length, with that field's 1.5 boost and the word's rarity among testimonies.
 */
import type MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import type { Id } from '../../../vault/vault-client';

/** A testimony's match so far: summed scores before minisearch's quality factor, query keys and index terms matched. */
export interface Match {
  readonly raw: number;
  readonly keys: readonly string[];
  readonly terms: readonly string[];
}

export type Matches = Map<Id, Match>;

/** How one word reached a testimony through linked names: the best name match's weight. */
export interface NameMatch {
  readonly weight: number;
  readonly keys: readonly string[];
  readonly terms: readonly string[];
}

/** Boost the old `linkedNames` field had (referenceCode 3, summary and tags 2, texts 1). */
export const LINKED_BOOST = 1.5;
/** minisearch 7's defaults: BM25 k and d (b drops out at average field length), and the prefix match weight. */
const BM25_K = 1.2;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.375;

/** `a` and what `b` adds to it (`a` itself when nothing: arrays shared between hits are never written). */
export function union(a: readonly string[], b: readonly string[]): readonly string[] {
  // Called for every testimony a word reaches: allocate only when `b` adds something.
  if (a === b) return a;
  let out: string[] | null = null;
  for (const x of b) {
    if (a.includes(x) || out?.includes(x)) continue;
    out ??= [...a];
    out.push(x);
  }
  return out ?? a;
}

/** The part of minisearch 7's private API `ownMatches` uses, when it is there. */
interface RawQuery {
  executeQuery(query: Query): Map<number, { readonly score: number; readonly terms: string[]; readonly match: object }>;
  readonly _documentIds: Map<number, unknown>;
}

function rawQuery<T>(index: MiniSearch<T>): RawQuery | null {
  const inner = index as unknown as Partial<RawQuery>;
  return typeof inner.executeQuery === 'function' && inner._documentIds instanceof Map ? (inner as RawQuery) : null;
}

/**
 * One word's own-text hits in `index`, with summed scores before the quality factor (applied
 * once over the whole query, as minisearch does). A word such as a year in every reference
 * code matches most of the archive: minisearch's unsorted internal results are read directly
 * when its private shape is as known (7.x), instead of a sorted list of result objects per
 * word; otherwise the public search, with the factor taken back out.
 */
export function ownMatches<T>(index: MiniSearch<T>, query: Query): Matches {
  const raw = rawQuery(index);
  if (!raw) return resultMatches(index.search(query));
  const out: Matches = new Map();
  for (const [shortId, hit] of raw.executeQuery(query)) {
    const id = raw._documentIds.get(shortId);
    if (typeof id === 'string') out.set(id, { raw: hit.score, keys: hit.terms, terms: Object.keys(hit.match) });
  }
  return out;
}

/** `ownMatches` from minisearch's public results: each score is raw × query keys matched, so the factor is taken back out. */
export function resultMatches(results: readonly SearchResult[]): Matches {
  const out: Matches = new Map();
  for (const result of results) {
    out.set(result.id as Id, { raw: result.score / Math.max(1, result.queryTerms.length), keys: result.queryTerms, terms: result.terms });
  }
  return out;
}

/**
 * How well an entity's names matched one word: per query key matched, 1 if exactly, else
 * minisearch's weight for the closest prefix match (longer completions weigh less).
 */
export function nameWeight(result: SearchResult): number {
  let weight = 0;
  for (const key of result.queryTerms) {
    if (result.terms.includes(key)) {
      weight += 1;
      continue;
    }
    let best = 0;
    for (const term of result.terms) {
      if (term.length <= key.length || !term.startsWith(key)) continue;
      best = Math.max(best, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - key.length)));
    }
    weight += best === 0 ? PREFIX_WEIGHT : best;
  }
  return weight;
}

/** Adds to `matches` (one word's) the testimonies `linked` reached, out of `documentCount`. */
export function addLinked(matches: Matches, linked: ReadonlyMap<Id, NameMatch>, documentCount: number): void {
  if (linked.size === 0) return;
  const n = linked.size;
  const idf = Math.log(1 + (Math.max(documentCount, n) - n + 0.5) / (n + 0.5));
  // BM25's term part for a frequency of 1 in a field of average length: d + (k + 1) / (1 + k).
  const perWeight = LINKED_BOOST * idf * (BM25_D + (BM25_K + 1) / (1 + BM25_K));
  for (const [id, name] of linked) {
    const own = matches.get(id);
    const raw = perWeight * name.weight;
    matches.set(id, own ? { raw: own.raw + raw, keys: union(own.keys, name.keys), terms: union(own.terms, name.terms) } : { raw, keys: name.keys, terms: name.terms });
  }
}

/** The testimonies in both `a` (earlier words) and `b` (this word), scores summed. */
export function intersect(a: Matches, b: Matches): Matches {
  const out: Matches = new Map();
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [id, x] of small) {
    const y = large.get(id);
    if (y) out.set(id, { raw: x.raw + y.raw, keys: union(x.keys, y.keys), terms: union(x.terms, y.terms) });
  }
  return out;
}

/** The best `limit` matches, best first, scored as minisearch does: raw × query keys matched. */
export function ranked(matches: Matches, limit: number): { id: Id; score: number; terms: readonly string[] }[] {
  if (limit <= 0 || matches.size === 0) return [];
  // A name linked from a third of the archive matches thousands: find the limit-th best score
  // in a typed array (a numeric sort, no objects) and sort only what reaches it.
  const scores = new Float64Array(matches.size);
  let at = 0;
  for (const m of matches.values()) scores[at++] = m.raw * Math.max(1, m.keys.length);
  const threshold = matches.size <= limit ? -Infinity : (scores.slice().sort()[matches.size - limit] ?? -Infinity);
  const best: { id: Id; score: number; terms: readonly string[] }[] = [];
  at = 0;
  for (const [id, m] of matches) {
    const score = scores[at++] ?? 0;
    if (score >= threshold) best.push({ id, score, terms: m.terms });
  }
  best.sort((x, y) => y.score - x.score);
  return best.slice(0, limit);
}
