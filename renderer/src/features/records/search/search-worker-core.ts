/**
 * The search worker's API over the search and duplicate engines. Pure (no worker globals), so
 * tests can run it in-process. Runs in the search worker.
 */
import { DuplicateEngine } from '../duplicates/duplicate-engine';
import { SearchEngine } from './search-engine';
import type { SearchWorkerApi } from './search-worker-api';

/** A fresh API with empty indexes. */
export function createSearchWorkerApi(): SearchWorkerApi {
  const search = new SearchEngine();
  const duplicates = new DuplicateEngine();
  return {
    apply(change) {
      search.apply(change);
      duplicates.remove('facility', change.removed?.facilities ?? []);
      duplicates.remove('perpetrator', change.removed?.perpetrators ?? []);
      duplicates.put('facility', change.facilities ?? []);
      duplicates.put('perpetrator', change.perpetrators ?? []);
    },
    search: (query, limit) => search.search(query, limit),
    duplicates: (kind) => duplicates.suggestions(kind),
    suggestionsFor: (kind, names, excludeId) => duplicates.suggestionsFor(kind, names, excludeId),
  };
}
