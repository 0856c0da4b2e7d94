/**
 * The facilities list: filter by name, type and top level; sort by name, last saved or
 * number of testimonies. Runs on the main thread. Filtering and sorting happen in the case
 * file (keys computed once per version); this screen renders at most a page of rows at a
 * time, so thousands of facilities stay fast.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { facilityTypes, labelOf, type FacilityType, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { useFacilities, type FacilityFilter, type FacilitySort } from '../records';
import { FacilityTable } from './facility-table';
import './form-kit/record-list.css';

/** Rows rendered per "show more". */
export const PAGE_SIZE = 100;

export interface FacilitiesScreenProps {
  focusOnMount?: boolean;
  onOpen(id: Id): void;
  onNew(): void;
}

/** Filters, the table and "new facility". */
export function FacilitiesScreen({ focusOnMount = false, onOpen, onNew }: FacilitiesScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<FacilityType | ''>('');
  const [topLevel, setTopLevel] = useState(false);
  const [sort, setSort] = useState<FacilitySort>({ by: 'name', direction: 'asc' });
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Typing stays responsive: the list follows the query at a lower priority.
  const deferredQuery = useDeferredValue(query);
  const filter = useMemo<FacilityFilter>(
    () => ({ ...(deferredQuery.trim() === '' ? {} : { query: deferredQuery }), ...(type === '' ? {} : { type: [type] }), ...(topLevel ? { parentId: null } : {}) }),
    [deferredQuery, type, topLevel],
  );
  const list = useFacilities(filter, sort);
  const all = useFacilities();
  const byId = useMemo(() => new Map(all.items.map((entry) => [entry.id, entry])), [all.items]);
  const rows = list.items.slice(0, limit);
  return (
    <Screen title={t('facility.listTitle')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('facility.listIntro')}</p>
      <div className="screen__actions">
        <Button variant="primary" onClick={onNew}>
          {t('facility.newButton')}
        </Button>
      </div>
      <div className="record-filters" role="search">
        <Field label={t('facility.filterQuery')}>
          {(control) => <input {...control} type="search" className="input" dir="auto" value={query} onChange={(event) => setQuery(event.target.value)} {...SENSITIVE_INPUT_PROPS} />}
        </Field>
        <Field label={t('facility.filterType')}>
          {(control) => (
            <select {...control} className="input" value={type} onChange={(event) => setType(event.target.value as FacilityType | '')}>
              <option value="">{t('facility.filterAllTypes')}</option>
              {facilityTypes.entries.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {labelOf(facilityTypes, entry.code, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Checkbox label={t('facility.filterTopLevel')} checked={topLevel} onChange={(event) => setTopLevel(event.target.checked)} />
        <Field label={t('facility.sortBy')}>
          {(control) => (
            <select {...control} className="input" value={sort.by} onChange={(event) => setSort({ ...sort, by: event.target.value as FacilitySort['by'] })}>
              <option value="name">{t('facility.sortName')}</option>
              <option value="saved">{t('facility.sortSaved')}</option>
              <option value="testimonies">{t('facility.sortTestimonies')}</option>
            </select>
          )}
        </Field>
        <Field label={t('facility.direction')}>
          {(control) => (
            <select {...control} className="input" value={sort.direction} onChange={(event) => setSort({ ...sort, direction: event.target.value as FacilitySort['direction'] })}>
              <option value="asc">{t('facility.sortAsc')}</option>
              <option value="desc">{t('facility.sortDesc')}</option>
            </select>
          )}
        </Field>
      </div>
      {list.status === 'loading' && <p role="status">{t('facility.loading')}</p>}
      {list.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('facility.loadFailed')}</p>
        </Notice>
      )}
      {list.status === 'ready' && list.total === 0 && <p>{t('facility.empty')}</p>}
      {list.status === 'ready' && list.total > 0 && list.items.length === 0 && <p role="status">{t('facility.noMatch')}</p>}
      {rows.length > 0 && (
        <FacilityTable rows={rows} byId={byId} caption={t('facility.countShown', { shown: rows.length, total: list.items.length })} onOpen={onOpen} />
      )}
      {list.items.length > rows.length && (
        <div className="record-list__more">
          <Button onClick={() => setLimit(limit + PAGE_SIZE)}>{t('facility.showMore')}</Button>
        </div>
      )}
    </Screen>
  );
}
