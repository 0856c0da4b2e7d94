/**
 * The search worker's API over the search and duplicate engines. Pure apart from comlink's
 * `transfer` marker (no worker globals), so tests can run it in-process. Runs in the search worker.
 */
import { transfer } from 'comlink';
import { DuplicateEngine } from '../duplicates/duplicate-engine';
import { currentEntries } from './current-list';
import { PersistentSearchEngine, release } from './search-snapshot';
import type { SearchWorkerApi } from './search-worker-api';

/** A fresh API with empty indexes. */
export function createSearchWorkerApi(): SearchWorkerApi {
  const search = new PersistentSearchEngine();
  const duplicates = new DuplicateEngine();
  return {
    prepare(saved) {
      // Read a few KB of items at a time, then freed at once: the saved index's bytes are not kept (or left as garbage) beside the index they became.
      search.prepare(saved);
      if (saved) release(saved);
    },
    restore(current, names) {
      duplicates.put('facility', names.facilities);
      duplicates.put('perpetrator', names.perpetrators);
      const outcome = search.restore(null, currentEntries(current), names);
      release(current.versions); // transferred here, read once
      return outcome;
    },
    apply(change) {
      const missing = search.apply(change);
      duplicates.remove('facility', change.removed?.facilities ?? []);
      duplicates.remove('perpetrator', change.removed?.perpetrators ?? []);
      duplicates.put('facility', change.facilities ?? []);
      duplicates.put('perpetrator', change.perpetrators ?? []);
      return missing;
    },
    search: (query, limit) => search.search(query, limit),
    snippets(docs, hits) {
      search.remember(docs);
      return search.snippets(hits);
    },
    snapshot() {
      const bytes = search.snapshotBytes();
      return transfer(bytes, [bytes.buffer]);
    },
    duplicates: (kind) => duplicates.suggestions(kind),
    suggestionsFor: (kind, names, excludeId) => duplicates.suggestionsFor(kind, names, excludeId),
  };
}
