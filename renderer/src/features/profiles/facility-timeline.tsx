/**
 * A facility's timeline: every detention episode and allegation recorded there or in one of
 * its parts, oldest first and undated last, each date exactly as precise as it is known
 * ("c. 2013", "March 2014", "14 March 2014"). Presentational. Runs on the main thread.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acts, labelOf, perpetratorRoles, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { NameText } from '../facility/form-kit/name-text';
import { partialDateText, periodText } from '../facility/form-kit/partial-date-text';
import type { FacilityTimelineItem } from '../records';
import { FacilityLink, PerpetratorLink, TestimonyLink, type ProfileNavigation } from './profile-links';
import type { RecordNames } from './use-record-names';

const PAGE_SIZE = 100;

export interface FacilityTimelineProps {
  /** The facility whose page this is (items in a part name the part). */
  facilityId: Id;
  items: readonly FacilityTimelineItem[];
  names: RecordNames;
  nav: ProfileNavigation;
}

/** An ordered list, one item per episode or allegation. */
export function FacilityTimeline({ facilityId, items, names, nav }: FacilityTimelineProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const [limit, setLimit] = useState(PAGE_SIZE);
  if (items.length === 0) return <p>{t('profiles.timelineEmpty')}</p>;
  const separator = lang === 'ar' ? '، ' : ', ';
  return (
    <>
      <ol className="timeline" aria-label={t('profiles.timeline')}>
        {items.slice(0, limit).map((item) => {
          const when =
            item.kind === 'episode'
              ? periodText(t, item.episode.from, item.episode.to, i18n.resolvedLanguage)
              : item.allegation.date
                ? partialDateText(t, item.allegation.date, i18n.resolvedLanguage)
                : '';
          const key = `${item.testimonyId}/${item.kind === 'episode' ? item.episode.id : item.allegation.id}`;
          return (
            <li key={key} className="timeline__item" data-testid="timeline-item">
              <span className="timeline__when">{when === '' ? t('profiles.undated') : when}</span>
              <span className="timeline__kind">{item.kind === 'episode' ? t('profiles.episode') : t('profiles.allegation')}</span>{' '}
              <TestimonyLink id={item.testimonyId} code={item.referenceCode} nav={nav} />
              {item.facilityId !== facilityId && (
                <>
                  {' '}
                  {t('profiles.inPart')} <FacilityLink id={item.facilityId} names={names} nav={nav} />
                </>
              )}
              {item.kind === 'episode' && item.episode.placeInFacility !== undefined && (
                <div className="record-muted">
                  {t('profiles.placeInFacility')}{' '}
                  <NameText text={item.episode.placeInFacility} />
                </div>
              )}
              {item.kind === 'allegation' && (
                <div>
                  {item.allegation.acts.map((act) => labelOf(acts, act, lang)).join(separator)} ({labelOf(perpetratorRoles, item.allegation.role, lang)}) —{' '}
                  {t('profiles.allegedBy')}{' '}
                  {item.allegation.perpetratorId !== undefined ? <PerpetratorLink id={item.allegation.perpetratorId} names={names} nav={nav} /> : t('profiles.unidentified')}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {items.length > limit && (
        <div className="record-list__more">
          <Button onClick={() => setLimit(limit + PAGE_SIZE)}>{t('facility.showMore')}</Button>
        </div>
      )}
    </>
  );
}
