/**
 * Who the record is about, as sources state it: every name with its kind and source, status,
 * description, and the dated ranks and positions. Presentational. Runs on the main thread.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { labelOf, perpetratorStatuses, personNameKinds, type AllegedPerpetrator } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { NameText } from '../facility/form-kit/name-text';
import { partialDateText, periodText } from '../facility/form-kit/partial-date-text';
import { FacilityLink, type ProfileNavigation } from './profile-links';
import { SourceText } from './source-text';
import type { RecordNames } from './use-record-names';

export interface PerpetratorIdentityProps {
  body: AllegedPerpetrator;
  names: RecordNames;
  nav: ProfileNavigation;
}

/** Names, status, description and positions. */
export function PerpetratorIdentity({ body, names, nav }: PerpetratorIdentityProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const status = labelOf(perpetratorStatuses, body.status, lang);
  return (
    <>
      <h2>{t('profiles.names')}</h2>
      <ul className="profile__list">
        {body.names.map((name, index) => (
          <li key={index}>
            <strong>
              <NameText text={name.text} />
            </strong>{' '}
            <span className="record-muted">
              ({labelOf(personNameKinds, name.kind, lang)}; {t('profiles.nameSource')} <SourceText source={name.source} names={names} nav={nav} />)
            </span>
          </li>
        ))}
      </ul>
      <dl className="profile__facts">
        <dt>{t('profiles.status')}</dt>
        <dd>
          {body.statusAsOf === undefined ? status : t('profiles.statusAsOf', { status, date: formatDay(t, body.statusAsOf, i18n.resolvedLanguage) })}
        </dd>
        {body.description !== undefined && (
          <>
            <dt>{t('profiles.description')}</dt>
            <dd className="profile__text">
              <bdi>{body.description}</bdi>
            </dd>
          </>
        )}
      </dl>
      {body.positions.length > 0 && (
        <>
          <h2>{t('profiles.positions')}</h2>
          <div className="record-table__scroller">
            <table className="record-table">
              <thead>
                <tr>
                  <th scope="col">{t('profiles.positionRank')}</th>
                  <th scope="col">{t('profiles.positionUnit')}</th>
                  <th scope="col">{t('profiles.positionFacility')}</th>
                  <th scope="col">{t('profiles.positionRole')}</th>
                  <th scope="col">{t('profiles.positionPeriod')}</th>
                  <th scope="col">{t('profiles.positionSource')}</th>
                </tr>
              </thead>
              <tbody>
                {body.positions.map((position, index) => (
                  <tr key={index}>
                    <td>{position.rank !== undefined && <NameText text={position.rank} />}</td>
                    <td>{position.unit !== undefined && <NameText text={position.unit} />}</td>
                    <td>{position.facilityId !== undefined && <FacilityLink id={position.facilityId} names={names} nav={nav} />}</td>
                    <td>{position.role !== undefined && <NameText text={position.role} />}</td>
                    <td>{periodText(t, position.from, position.to, i18n.resolvedLanguage)}</td>
                    <td>
                      <SourceText source={position.source} names={names} nav={nav} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** A `YYYY-MM-DD` day in words, through the partial-date formatter (a day-precise date). */
function formatDay(t: TFunction, day: string, language: string | undefined): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return partialDateText(t, { year, month, day: date, precision: 'day', approximate: false }, language);
}
