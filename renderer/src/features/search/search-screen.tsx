/**
 * Search as you type over testimonies, facilities and alleged perpetrators (the case file's
 * in-memory index, DESIGN.md §10), results grouped by kind; opening one navigates to it.
 * Runs on the main thread. The query reaches the index a moment after typing pauses, and the
 * last results stay on screen until the new ones arrive, so the list does not flicker.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import '../facility/form-kit/record-list.css';
import { useSearch, type SearchKind, type SearchResults } from '../records';
import { useSearchQuery } from './search-query';
import { SearchResultsList } from './search-results';
import './search.css';

/** Pause after the last keystroke before searching. */
const DEBOUNCE_MS = 120;

export interface SearchScreenProps {
  focusOnMount?: boolean;
  onOpen(kind: SearchKind, id: string): void;
}

/** The search box and its results. */
export function SearchScreen({ focusOnMount = false, onOpen }: SearchScreenProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useSearchQuery();
  const [debounced, setDebounced] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  // The box is what this screen is for: focus it (after the heading took focus for readers).
  useEffect(() => {
    input.current?.focus();
  }, []);
  const results = useSearch(debounced);
  const shown = useShownResults(results);
  const count = shown ? shown.testimonies.length + shown.facilities.length + shown.perpetrators.length : 0;
  return (
    <Screen title={t('search.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('search.intro')}</p>
      <div className="search__box field" role="search">
        <label htmlFor="search-query" className="field__label">
          {t('search.label')}
        </label>
        <input
          ref={input}
          id="search-query"
          type="search"
          className="input"
          dir="auto"
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          {...SENSITIVE_INPUT_PROPS}
        />
      </div>
      <div aria-live="polite" className="search__status">
        {results.status === 'indexing' && <p>{t('search.indexing')}</p>}
        {results.status === 'failed' && (
          <Notice tone="danger">
            <p>{t('search.failed')}</p>
          </Notice>
        )}
        {results.status === 'searching' && !shown && <p>{t('search.searching')}</p>}
        {(results.status === 'ready' || results.status === 'indexing') && <p>{count === 0 ? t('search.noResults') : t('search.resultsSummary', { count })}</p>}
      </div>
      {shown && <SearchResultsList results={shown} onOpen={onOpen} />}
    </Screen>
  );
}

/** The latest settled results, kept while a newer query is being answered; none for an empty query. */
function useShownResults(results: SearchResults): SearchResults | null {
  const last = useRef<SearchResults | null>(null);
  if (results.status === 'idle') last.current = null;
  else if (results.status === 'ready' || results.status === 'indexing') last.current = results;
  else if (results.status === 'failed') last.current = null;
  return last.current;
}
