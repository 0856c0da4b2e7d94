/**
 * The aggregate of every allegation against one person: how many allegations, testimonies
 * and distinct witnesses, the period, the facilities, the acts and roles alleged, and how
 * each witness identified them. Presentational. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import { acts, identificationBases, labelOf, perpetratorRoles } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { periodText } from '../facility/form-kit/partial-date-text';
import type { PerpetratorProfile } from '../records';
import { FacilityLink, TestimonyLink, type ProfileNavigation } from './profile-links';
import type { RecordNames } from './use-record-names';

export interface PerpetratorSummaryProps {
  profile: PerpetratorProfile;
  names: RecordNames;
  nav: ProfileNavigation;
}

/** Counts, period, facilities, acts, roles and identification. */
export function PerpetratorSummary({ profile, names, nav }: PerpetratorSummaryProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const period = profile.period ? periodText(t, profile.period.earliest, profile.period.latest, i18n.resolvedLanguage) : t('profiles.periodUnknown');
  return (
    <section aria-labelledby="perpetrator-summary" className="profile__section">
      <h2 id="perpetrator-summary">{t('profiles.summary')}</h2>
      <ul className="profile__stats" data-testid="allegation-stats">
        <li>{t('profiles.allegationCount', { count: profile.allegations.length })}</li>
        <li>{t('profiles.testimonyCount', { count: profile.testimonyIds.length })}</li>
        <li>{t('profiles.distinctWitnesses', { count: profile.distinctWitnesses })}</li>
        {profile.testimoniesWithoutWitness > 0 && <li>{t('profiles.withoutWitness', { count: profile.testimoniesWithoutWitness })}</li>}
      </ul>
      <dl className="profile__facts">
        <dt>{t('profiles.period')}</dt>
        <dd>{period}</dd>
        <dt>{t('profiles.facilities')}</dt>
        <dd>
          <ul className="profile__inline-list">
            {profile.facilities.map(({ facilityId, allegationCount }) => (
              <li key={facilityId}>
                <FacilityLink id={facilityId} names={names} nav={nav} /> <span className="record-muted">({t('profiles.facilityAllegations', { count: allegationCount })})</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('profiles.acts')}</dt>
        <dd>
          <ul className="profile__inline-list" aria-label={t('profiles.acts')}>
            {profile.acts.map(({ act, count }) => (
              <li key={act}>{t('profiles.actCount', { act: labelOf(acts, act, lang), count })}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('profiles.roles')}</dt>
        <dd>
          <ul className="profile__inline-list" aria-label={t('profiles.roles')}>
            {profile.roles.map(({ role, count }) => (
              <li key={role}>{t('profiles.actCount', { act: labelOf(perpetratorRoles, role, lang), count })}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <h3>{t('profiles.identification')}</h3>
      <div className="record-table__scroller">
        <table className="record-table" aria-label={t('profiles.identification')}>
          <thead>
            <tr>
              <th scope="col">{t('profiles.witness')}</th>
              <th scope="col">{t('profiles.basis')}</th>
              <th scope="col">{t('profiles.inTestimonies')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.identification.map((row, index) => (
              <tr key={row.witnessId ?? `none-${index}`}>
                <th scope="row">{row.witnessPseudonym === null ? t('profiles.witnessUnknown') : <bdi dir="ltr">{row.witnessPseudonym}</bdi>}</th>
                <td>{row.bases.map((basis) => labelOf(identificationBases, basis, lang)).join(lang === 'ar' ? '، ' : ', ')}</td>
                <td>
                  {row.testimonyIds.map((id, position) => (
                    <span key={id}>
                      {position > 0 && ' '}
                      <TestimonyLink id={id} code={names.referenceCode(id)} nav={nav} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
