/**
 * Step 1, what: the testimony list's own filters (alleged perpetrator, facility with its parts
 * and a range of years, status, kind, consent; records/filters.ts underneath), then a ticked
 * list. "Choose all shown" takes every match; ticking rows one by one is the by-hand way.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, testimonyStatuses, type Id } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useTestimonies } from '../records';
import { ConsentBadge } from '../consent/consent-badge';
import { useVocabularyLang } from '../testimony/form/vocabulary-fields';
import { DEFAULT_CONTROLS, filterOf, sortOf, type ListControls } from '../testimony/list/list-controls';
import { ListFilters } from '../testimony/list/list-filters';
import { toggled } from './selection';

/** Rows rendered at most; "choose all shown" still takes every match. */
const MAX_ROWS = 300;

export interface StepWhatProps {
  selected: ReadonlySet<Id>;
  onChange(selected: ReadonlySet<Id>): void;
}

export function StepWhat({ selected, onChange }: StepWhatProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const [controls, setControls] = useState<ListControls>(DEFAULT_CONTROLS);
  const list = useTestimonies(filterOf(controls), sortOf(controls));
  return (
    <div className="export-step">
      <p>{t('exportBundle.what.intro')}</p>
      <ListFilters controls={controls} onChange={setControls} />
      {list.status === 'loading' && <p role="status">{t('exportBundle.what.loading')}</p>}
      {list.status === 'failed' && <Notice tone="danger">{t('exportBundle.what.failed')}</Notice>}
      {list.status === 'ready' && (
        <>
          <p role="status" className="screen__muted">
            {t('exportBundle.what.shown', { count: list.items.length })} {t('exportBundle.what.chosen', { count: selected.size })}
          </p>
          <div className="export-step__actions">
            <Button onClick={() => onChange(new Set([...selected, ...list.items.map((entry) => entry.id)]))} disabled={list.items.length === 0}>
              {t('exportBundle.what.selectShown')}
            </Button>
            <Button variant="quiet" onClick={() => onChange(new Set())} disabled={selected.size === 0}>
              {t('exportBundle.what.clear')}
            </Button>
          </div>
          {list.items.length === 0 && <p>{t('exportBundle.what.none')}</p>}
          <ul className="export-list">
            {list.items.slice(0, MAX_ROWS).map((entry) => (
              <li key={entry.id} className="export-list__item">
                <label className="export-list__label">
                  <input type="checkbox" checked={selected.has(entry.id)} onChange={(event) => onChange(toggled(selected, entry.id, event.target.checked))} />
                  <span className="export-list__code">{entry.body.referenceCode}</span>
                  <span className={`status-badge status-badge--${entry.body.status}`}>{labelOf(testimonyStatuses, entry.body.status, lang)}</span>
                  <ConsentBadge glance={entry.consent} compact />
                </label>
              </li>
            ))}
          </ul>
          {list.items.length > MAX_ROWS && <p className="screen__muted">{t('exportBundle.what.capped', { count: MAX_ROWS })}</p>}
        </>
      )}
    </div>
  );
}
