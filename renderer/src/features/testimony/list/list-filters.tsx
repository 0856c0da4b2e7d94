/**
 * Filters and sort order of the testimony list: status, kind, facility (with its parts),
 * alleged perpetrator, a range of years (of the events or of the interview), consent state.
 * Controlled: every change re-filters at once (the data layer filters 10,000 rows in a few
 * milliseconds).
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, testimonyKinds, testimonyStatuses, type Vocabulary } from '../../../../../shared/domain';
import { Button } from '../../../ui/button';
import { SENSITIVE_INPUT_PROPS } from '../../../ui/sensitive-input';
import { FacilityPicker } from '../../facility';
import { displayName, useFacilities, usePerpetrators } from '../../records';
import { useVocabularyLang } from '../form/vocabulary-fields';
import { badYear, CONSENT_GLANCES, DEFAULT_CONTROLS, type ListControls } from './list-controls';

export interface ListFiltersProps {
  controls: ListControls;
  onChange(controls: ListControls): void;
}

/** How many filters are set (the summary says so while the panel is closed). */
function activeCount(controls: ListControls): number {
  const lists = [controls.status, controls.kind, controls.consent].filter((list) => list.length > 0).length;
  const single = [controls.facilityId, controls.perpetratorId, controls.yearFrom, controls.yearTo].filter((value) => value.trim() !== '').length;
  return lists + single;
}

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((item) => item !== value));

function ChoiceGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="case-form__choices">
      <legend className="field__label">{legend}</legend>
      <div className="case-form__choice-list">{children}</div>
    </fieldset>
  );
}

/** The filter panel. */
export function ListFilters({ controls, onChange }: ListFiltersProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const id = useId();
  const facilities = useFacilities();
  const perpetrators = usePerpetrators();
  const set = (patch: Partial<ListControls>) => onChange({ ...controls, ...patch });
  const codes = <C extends string>(vocabulary: Vocabulary<C>, chosen: readonly C[], key: 'status' | 'kind') =>
    vocabulary.entries.map((entry) => (
      <label key={entry.code} className="case-form__choice">
        <input type="checkbox" checked={chosen.includes(entry.code)} onChange={(event) => set({ [key]: toggled(chosen, entry.code, event.target.checked) })} />
        <span>{labelOf(vocabulary, entry.code, lang)}</span>
      </label>
    ));
  const yearError = (text: string) => (badYear(text) ? t('testimony.list.badYear') : undefined);
  return (
    // A native disclosure: Enter or Space on the summary opens it; closed, the list comes first.
    <details className="list-filters">
      <summary>{t('testimony.list.filtersActive', { count: activeCount(controls) })}</summary>
      <ChoiceGroup legend={t('testimony.list.status')}>{codes(testimonyStatuses, controls.status, 'status')}</ChoiceGroup>
      <ChoiceGroup legend={t('testimony.list.kind')}>{codes(testimonyKinds, controls.kind, 'kind')}</ChoiceGroup>
      <ChoiceGroup legend={t('testimony.list.consent')}>
        {CONSENT_GLANCES.map((glance) => (
          <label key={glance} className="case-form__choice">
            <input type="checkbox" checked={controls.consent.includes(glance)} onChange={(event) => set({ consent: toggled(controls.consent, glance, event.target.checked) })} />
            <span>{t(`testimony.list.consentStates.${glance}`)}</span>
          </label>
        ))}
      </ChoiceGroup>
      <div className="case-form__row">
        <div className="field">
          <label htmlFor={`${id}-facility`} className="field__label">
            {t('testimony.list.facility')}
          </label>
          <FacilityPicker
            id={`${id}-facility`}
            entries={facilities.items}
            selected={controls.facilityId}
            value={controls.facilityId}
            onChange={(event) => set({ facilityId: event.target.value })}
            noneLabel={t('testimony.list.anyFacility')}
            filterLabel={t('testimony.list.facilityFilter')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-perpetrator`} className="field__label">
            {t('testimony.list.perpetrator')}
          </label>
          <select id={`${id}-perpetrator`} className="input" value={controls.perpetratorId} onChange={(event) => set({ perpetratorId: event.target.value })}>
            <option value="">{t('testimony.list.anyPerpetrator')}</option>
            {perpetrators.items.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {displayName(entry.body.names, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="case-form__row">
        {(['yearFrom', 'yearTo'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`} className="field__label">
              {t(`testimony.list.${key}`)}
            </label>
            <input
              id={`${id}-${key}`}
              className="input input--short"
              inputMode="numeric"
              maxLength={4}
              value={controls[key]}
              onChange={(event) => set({ [key]: event.target.value })}
              aria-invalid={yearError(controls[key]) ? true : undefined}
              {...SENSITIVE_INPUT_PROPS}
            />
            {yearError(controls[key]) && <p className="field__error">{yearError(controls[key])}</p>}
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-on`} className="field__label">
            {t('testimony.list.dateOn')}
          </label>
          <select id={`${id}-on`} className="input" value={controls.dateOn} onChange={(event) => set({ dateOn: event.target.value as ListControls['dateOn'] })}>
            <option value="events">{t('testimony.list.dateOnEvents')}</option>
            <option value="interview">{t('testimony.list.dateOnInterview')}</option>
          </select>
        </div>
      </div>
      <div className="case-form__row">
        <div className="field">
          <label htmlFor={`${id}-sort`} className="field__label">
            {t('testimony.list.sortBy')}
          </label>
          <select id={`${id}-sort`} className="input" value={controls.sortBy} onChange={(event) => set({ sortBy: event.target.value as ListControls['sortBy'] })}>
            {(['reference', 'saved', 'status', 'interview-date', 'event-date'] as const).map((by) => (
              <option key={by} value={by}>
                {t(`testimony.list.sort.${by}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`} className="field__label">
            {t('testimony.list.direction')}
          </label>
          <select id={`${id}-direction`} className="input" value={controls.direction} onChange={(event) => set({ direction: event.target.value as ListControls['direction'] })}>
            <option value="desc">{t('testimony.list.descending')}</option>
            <option value="asc">{t('testimony.list.ascending')}</option>
          </select>
        </div>
      </div>
      <Button variant="quiet" onClick={() => onChange(DEFAULT_CONTROLS)}>
        {t('testimony.list.clearFilters')}
      </Button>
    </details>
  );
}
