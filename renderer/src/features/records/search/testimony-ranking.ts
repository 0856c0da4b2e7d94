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
import type { SearchResult } from 'minisearch';
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
/** minisearch 7's defaults: BM25 k, b (unused: average length), d, and the prefix match weight. */
const BM25_K = 1.2;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.375;

/** `a` and what `b` adds to it (`a` itself when nothing: arrays shared between hits are never written). */
export function union(a: readonly string[], b: readonly string[]): readonly string[] {
  const extra = b.filter((x) => !a.includes(x));
  return extra.length === 0 ? a : [...a, ...extra];
}

/**
 * One word's own-text hits. minisearch gives each hit raw × (query keys matched); the factor is
 * taken back out so words can be summed and it applied once over the whole query, as minisearch does.
 */
export function ownMatches(results: readonly SearchResult[]): Matches {
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
  const scored = [...matches].map(([id, m]) => ({ id, score: m.raw * Math.max(1, m.keys.length), terms: m.terms }));
  scored.sort((x, y) => y.score - x.score);
  return scored.slice(0, limit);
}
