/**
 * Search results grouped by kind (testimonies, facilities, alleged perpetrators), best first
 * in each group. Presentational. Runs on the main thread. Hits are plain text (titles and
 * snippets from the data layer), shown isolated and with bidi controls neutralised.
 */
import { useTranslation } from 'react-i18next';
import { NameText } from '../facility/form-kit/name-text';
import { RecordLink } from '../facility/form-kit/record-link';
import type { SearchHit, SearchKind, SearchResults } from '../records';

export interface SearchResultsListProps {
  results: Pick<SearchResults, 'testimonies' | 'facilities' | 'perpetrators'>;
  onOpen(kind: SearchKind, id: string): void;
}

function Group({ title, hits, onOpen }: { title: string; hits: readonly SearchHit[]; onOpen: SearchResultsListProps['onOpen'] }) {
  const { t } = useTranslation();
  if (hits.length === 0) return null;
  return (
    <section className="search__group" aria-label={title}>
      <h2>{t('search.groupCount', { group: title, count: hits.length })}</h2>
      <ul className="search__hits">
        {hits.map((hit) => (
          <li key={`${hit.kind}/${hit.id}`} className="search__hit">
            <RecordLink onOpen={() => onOpen(hit.kind, hit.id)}>
              {hit.kind === 'testimony' ? <bdi dir="ltr">{hit.title}</bdi> : <NameText text={hit.title} />}
            </RecordLink>
            {hit.snippet !== '' && hit.snippet !== hit.title && (
              <p className="search__snippet">
                <NameText text={hit.snippet} />
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The three groups, each shown only when it has hits. */
export function SearchResultsList({ results, onOpen }: SearchResultsListProps) {
  const { t } = useTranslation();
  return (
    <div className="search__results">
      <Group title={t('search.testimonies')} hits={results.testimonies} onOpen={onOpen} />
      <Group title={t('search.facilities')} hits={results.facilities} onOpen={onOpen} />
      <Group title={t('search.perpetrators')} hits={results.perpetrators} onOpen={onOpen} />
    </div>
  );
}
