/**
 * The search box's text, kept while the vault is open so Back from a result returns to the
 * same results. Runs on the main thread. Held in React state under the unlocked subtree:
 * locking unmounts it, so no query outlives the session (and none is ever stored).
 */
import { createContext, use, useState, type ReactNode } from 'react';

type QueryState = readonly [string, (query: string) => void];

const SearchQueryContext = createContext<QueryState | null>(null);

/** Holds the query for the screens below it (mount inside the unlocked subtree). */
export function SearchQueryProvider({ children }: { children: ReactNode }) {
  const state = useState('');
  return <SearchQueryContext value={state}>{children}</SearchQueryContext>;
}

/** The kept query, or a query of this component's own when no provider is above. */
export function useSearchQuery(): QueryState {
  const shared = use(SearchQueryContext);
  const own = useState('');
  return shared ?? own;
}
