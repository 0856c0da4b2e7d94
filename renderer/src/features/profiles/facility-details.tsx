/**
 * A facility's own data on its page: names, type, authority, place, coordinates, period of
 * operation, notes. Presentational. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import { facilityNameKinds, facilityTypes, labelOf, type Facility } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { languageLabel } from '../facility/form-kit/language-options';
import { NameText } from '../facility/form-kit/name-text';
import { periodText } from '../facility/form-kit/partial-date-text';

/** Names list and the facts table. */
export function FacilityDetails({ body }: { body: Facility }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const place = [body.governorate, body.district].filter((part): part is string => part !== undefined);
  const period = periodText(t, body.operation?.from, body.operation?.to, i18n.resolvedLanguage);
  return (
    <>
      <h2>{t('profiles.names')}</h2>
      <ul className="profile__list" aria-label={t('profiles.names')}>
        {body.names.map((name, index) => (
          <li key={index}>
            <strong>
              <NameText text={name.text} />
            </strong>{' '}
            <span className="record-muted">
              ({labelOf(facilityNameKinds, name.kind, lang)}; {languageLabel(t, name.lang)})
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('profiles.details')}</h2>
      <dl className="profile__facts">
        <dt>{t('profiles.type')}</dt>
        <dd>{labelOf(facilityTypes, body.type, lang)}</dd>
        {body.authority !== undefined && (
          <>
            <dt>{t('profiles.authority')}</dt>
            <dd>
              <NameText text={body.authority} />
            </dd>
          </>
        )}
        {place.length > 0 && (
          <>
            <dt>{t('profiles.place')}</dt>
            <dd>
              {place.map((part, index) => (
                <span key={index}>
                  {index > 0 && (lang === 'ar' ? '، ' : ', ')}
                  <NameText text={part} />
                </span>
              ))}
            </dd>
          </>
        )}
        {body.coordinates && (
          <>
            <dt>{t('profiles.coordinates')}</dt>
            <dd>
              <bdi dir="ltr">{t('profiles.coordinatesValue', { lat: body.coordinates.lat, lon: body.coordinates.lon })}</bdi>
              {body.coordinates.precisionMetres !== undefined && <> {t('profiles.coordinatesPrecision', { metres: body.coordinates.precisionMetres })}</>}
            </dd>
          </>
        )}
        {period !== '' && (
          <>
            <dt>{t('profiles.operation')}</dt>
            <dd>{period}</dd>
          </>
        )}
        {body.notes !== undefined && (
          <>
            <dt>{t('profiles.notes')}</dt>
            <dd className="profile__text">
              <bdi>{body.notes}</bdi>
            </dd>
          </>
        )}
      </dl>
    </>
  );
}
