/**
 * `useSearch(query)`: full-text search over the case file, grouped by kind. Runs on the
 * renderer's main thread; the work happens in the search worker. The latest query wins
 * (answers to older ones are dropped), and results refresh when the index changes.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SearchResults } from '../types';
import { useCaseFileContext } from '../use-case-file';
import type { SearchClient } from './search-client';

const noSubscribe = () => () => undefined;
/** Results per kind. */
export const SEARCH_LIMIT = 20;

function useSearchState(search: SearchClient | null): { status: SearchClient['status'] | null; revision: number } {
  const status = useSyncExternalStore(search ? (l) => search.subscribe(l) : noSubscribe, () => search?.status ?? null);
  const revision = useSyncExternalStore(search ? (l) => search.subscribe(l) : noSubscribe, () => search?.revision ?? 0);
  return { status, revision };
}

function empty(query: string, status: SearchResults['status']): SearchResults {
  return { status, query, testimonies: [], facilities: [], perpetrators: [] };
}

/** Search results for `query` (trimmed); `idle` for an empty query. */
export function useSearch(query: string): SearchResults {
  const file = useCaseFileContext();
  const snapshotStatus = useSyncExternalStore(file ? file.store.subscribe : noSubscribe, () => file?.store.getSnapshot().status ?? 'loading');
  const search = snapshotStatus === 'ready' ? (file?.store.search ?? null) : null;
  const { status, revision } = useSearchState(search);
  const trimmed = query.trim();
  const [results, setResults] = useState<SearchResults>(() => empty(trimmed, 'idle'));

  useEffect(() => {
    if (trimmed === '' || !search || status === 'closed') return;
    let current = true;
    search.search(trimmed, SEARCH_LIMIT).then(
      (raw) => current && setResults({ status: status === 'indexing' ? 'indexing' : 'ready', query: trimmed, ...raw }),
      () => current && setResults(empty(trimmed, 'failed')),
    );
    return () => {
      current = false;
    };
  }, [search, trimmed, status, revision]);

  if (trimmed === '') return empty('', 'idle');
  if (!search || status === 'closed') return empty(trimmed, snapshotStatus === 'failed' ? 'failed' : 'searching');
  if (status === 'failed') return empty(trimmed, 'failed');
  // Until the answer to this query arrives, say so (and keep nothing from another query).
  return results.query === trimmed ? results : empty(trimmed, 'searching');
}
