/**
 * The alleged perpetrators list: filter by name, status and linked facility; sort by name,
 * last saved, allegations or testimonies. Runs on the main thread. Filtering happens in the
 * case file; a page of rows is rendered at a time.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, perpetratorStatuses, type Id, type PerpetratorStatus } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { FacilityPicker } from '../facility/facility-picker';
import '../facility/form-kit/record-list.css';
import { useFacilities, usePerpetrators, type PerpetratorFilter, type PerpetratorSort } from '../records';
import { PerpetratorTable } from './perpetrator-table';

const PAGE_SIZE = 100;

export interface PerpetratorsScreenProps {
  focusOnMount?: boolean;
  onOpen(id: Id): void;
  onNew(): void;
}

/** Filters, the table and "new alleged perpetrator". */
export function PerpetratorsScreen({ focusOnMount = false, onOpen, onNew }: PerpetratorsScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<PerpetratorStatus | ''>('');
  const [facilityId, setFacilityId] = useState('');
  const [sort, setSort] = useState<PerpetratorSort>({ by: 'name', direction: 'asc' });
  const [limit, setLimit] = useState(PAGE_SIZE);
  const deferredQuery = useDeferredValue(query);
  const filter = useMemo<PerpetratorFilter>(
    () => ({
      ...(deferredQuery.trim() === '' ? {} : { query: deferredQuery }),
      ...(status === '' ? {} : { status: [status] }),
      ...(facilityId === '' ? {} : { facilityId }),
    }),
    [deferredQuery, status, facilityId],
  );
  const list = usePerpetrators(filter, sort);
  const facilities = useFacilities();
  const rows = list.items.slice(0, limit);
  return (
    <Screen title={t('perpetrator.listTitle')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('perpetrator.listIntro')}</p>
      <div className="screen__actions">
        <Button variant="primary" onClick={onNew}>
          {t('perpetrator.newButton')}
        </Button>
      </div>
      <div className="record-filters" role="search">
        <Field label={t('perpetrator.filterQuery')}>
          {(control) => <input {...control} type="search" className="input" dir="auto" value={query} onChange={(event) => setQuery(event.target.value)} {...SENSITIVE_INPUT_PROPS} />}
        </Field>
        <Field label={t('perpetrator.filterStatus')}>
          {(control) => (
            <select {...control} className="input" value={status} onChange={(event) => setStatus(event.target.value as PerpetratorStatus | '')}>
              <option value="">{t('perpetrator.filterAllStatuses')}</option>
              {perpetratorStatuses.entries.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {labelOf(perpetratorStatuses, entry.code, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('perpetrator.filterFacility')}>
          {(control) => (
            <FacilityPicker
              {...control}
              entries={facilities.items}
              selected={facilityId}
              value={facilityId}
              onChange={(event) => setFacilityId(event.target.value)}
              noneLabel={t('perpetrator.filterAnyFacility')}
              filterLabel={t('perpetrator.facilityFilter')}
            />
          )}
        </Field>
        <Field label={t('perpetrator.sortBy')}>
          {(control) => (
            <select {...control} className="input" value={sort.by} onChange={(event) => setSort({ ...sort, by: event.target.value as PerpetratorSort['by'] })}>
              <option value="name">{t('perpetrator.sortName')}</option>
              <option value="saved">{t('perpetrator.sortSaved')}</option>
              <option value="allegations">{t('perpetrator.sortAllegations')}</option>
              <option value="testimonies">{t('perpetrator.sortTestimonies')}</option>
            </select>
          )}
        </Field>
        <Field label={t('perpetrator.direction')}>
          {(control) => (
            <select {...control} className="input" value={sort.direction} onChange={(event) => setSort({ ...sort, direction: event.target.value as PerpetratorSort['direction'] })}>
              <option value="asc">{t('perpetrator.sortAsc')}</option>
              <option value="desc">{t('perpetrator.sortDesc')}</option>
            </select>
          )}
        </Field>
      </div>
      {list.status === 'loading' && <p role="status">{t('perpetrator.loading')}</p>}
      {list.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('perpetrator.loadFailed')}</p>
        </Notice>
      )}
      {list.status === 'ready' && list.total === 0 && <p>{t('perpetrator.empty')}</p>}
      {list.status === 'ready' && list.total > 0 && list.items.length === 0 && <p role="status">{t('perpetrator.noMatch')}</p>}
      {rows.length > 0 && <PerpetratorTable rows={rows} caption={t('perpetrator.countShown', { shown: rows.length, total: list.items.length })} onOpen={onOpen} />}
      {list.items.length > rows.length && (
        <div className="record-list__more">
          <Button onClick={() => setLimit(limit + PAGE_SIZE)}>{t('perpetrator.showMore')}</Button>
        </div>
      )}
    </Screen>
  );
}
