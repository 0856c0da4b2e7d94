/**
 * One row of the testimony list: reference code (opens it), status, kind, witness by
 * pseudonym, first facility, interview date and consent at a glance. One line, fixed height.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, testimonyKinds, testimonyStatuses, type Lang } from '../../../../../shared/domain';
import { NameText } from '../../facility';
import { ConsentBadge } from '../../consent/consent-badge';
import type { TestimonyEntry } from '../../records';
import { calendarDateText } from '../form/calendar-date-text';
import '../../facility/form-kit/record-list.css';

export interface TestimonyRowProps {
  entry: TestimonyEntry;
  lang: Lang;
  /** The first linked facility's name, if any. */
  facilityName: string | undefined;
  onOpen(id: string): void;
}

/** The row's content (inside the list's <li>). */
export const TestimonyRow = memo(function TestimonyRow({ entry, lang, facilityName, onOpen }: TestimonyRowProps) {
  const { t, i18n } = useTranslation();
  const { body } = entry;
  return (
    <div className="testimony-row">
      <div className="testimony-row__line">
        <button type="button" className="record-link testimony-row__code" data-row-focus="" onClick={() => onOpen(entry.id)}>
          {body.referenceCode}
        </button>
        <span className={`status-badge status-badge--${body.status}`}>{labelOf(testimonyStatuses, body.status, lang)}</span>
        <span className="testimony-row__kind">{labelOf(testimonyKinds, body.kind, lang)}</span>
        <ConsentBadge glance={entry.consent} compact />
      </div>
      <div className="testimony-row__line testimony-row__details">
        <span>{entry.witnessPseudonym ? <NameText text={entry.witnessPseudonym} className="witness-code" /> : t('testimony.list.noWitness')}</span>
        {facilityName && <NameText text={facilityName} />}
        {entry.interviewDate && <span>{calendarDateText(entry.interviewDate, i18n.resolvedLanguage)}</span>}
      </div>
    </div>
  );
});
