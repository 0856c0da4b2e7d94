/**
 * Scoring testimony hits when a query word may match a testimony's own text or the names of
 * the facilities and alleged perpetrators it links to. Pure; runs in the search worker.
 *
 * Linked names are indexed once, in the entities' own documents (search-links.ts says why),
 * so minisearch cannot score them as a field of the testimony. For each word the engine adds
 * the testimonies reached through matching names to those matching it by their own text, keeps
 * those matching every word, and scores them as minisearch scored its AND query over the old
 * `linkedNames` field (testimony-scorer.ts does the arithmetic): own-text matches exactly as
 * before, linked ones as BM25 of a term said once in a field of average length, with that
 * field's 1.5 boost and the word's rarity among testimonies.
 */
import type { SearchResult } from 'minisearch';

/** Boost the old `linkedNames` field had (referenceCode 3, summary and tags 2, texts 1). */
export const LINKED_BOOST = 1.5;
/** minisearch 7's defaults: BM25 k, b and d, and the prefix match weight. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
export const PREFIX_WEIGHT = 0.375;

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
