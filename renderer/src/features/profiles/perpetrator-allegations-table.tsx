/**
 * Every allegation against one person, one row each: testimony (by reference code), witness
 * (by pseudonym only), date as precisely as known, facility, acts, role, basis of
 * identification. Presentational. Runs on the main thread. A page of rows at a time, so a
 * profile with hundreds of allegations opens quickly.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acts, identificationBases, labelOf, perpetratorRoles } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { partialDateText } from '../facility/form-kit/partial-date-text';
import type { AllegationRef } from '../records';
import { FacilityLink, TestimonyLink, type ProfileNavigation } from './profile-links';
import type { RecordNames } from './use-record-names';

const PAGE_SIZE = 100;

export interface PerpetratorAllegationsTableProps {
  allegations: readonly AllegationRef[];
  names: RecordNames;
  nav: ProfileNavigation;
}

/** The allegations table with "show more". */
export function PerpetratorAllegationsTable({ allegations, names, nav }: PerpetratorAllegationsTableProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const list = (codes: readonly string[], label: (code: string) => string) => codes.map(label).join(lang === 'ar' ? '، ' : ', ');
  return (
    <section aria-labelledby="perpetrator-allegations" className="profile__section">
      <h2 id="perpetrator-allegations">{t('profiles.allegations')}</h2>
      {allegations.length === 0 ? (
        <p>{t('profiles.noAllegations')}</p>
      ) : (
        <div className="record-table__scroller">
          <table className="record-table">
            <caption>{t('profiles.allegationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profiles.columnTestimony')}</th>
                <th scope="col">{t('profiles.columnWitness')}</th>
                <th scope="col">{t('profiles.columnDate')}</th>
                <th scope="col">{t('profiles.columnFacility')}</th>
                <th scope="col">{t('profiles.columnActs')}</th>
                <th scope="col">{t('profiles.columnRole')}</th>
                <th scope="col">{t('profiles.columnBasis')}</th>
              </tr>
            </thead>
            <tbody>
              {allegations.slice(0, limit).map(({ testimonyId, referenceCode, witnessPseudonym, allegation }) => (
                <tr key={`${testimonyId}/${allegation.id}`}>
                  <th scope="row">
                    <TestimonyLink id={testimonyId} code={referenceCode} nav={nav} />
                  </th>
                  <td>{witnessPseudonym === null ? '—' : <bdi dir="ltr">{witnessPseudonym}</bdi>}</td>
                  <td>{allegation.date ? partialDateText(t, allegation.date, i18n.resolvedLanguage) : t('profiles.undated')}</td>
                  <td>{allegation.facilityId !== undefined && <FacilityLink id={allegation.facilityId} names={names} nav={nav} />}</td>
                  <td>{list(allegation.acts, (act) => labelOf(acts, act as (typeof allegation.acts)[number], lang))}</td>
                  <td>{labelOf(perpetratorRoles, allegation.role, lang)}</td>
                  <td>{list(allegation.identificationBasis, (basis) => labelOf(identificationBases, basis as (typeof allegation.identificationBasis)[number], lang))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {allegations.length > limit && (
        <div className="record-list__more">
          <Button onClick={() => setLimit(limit + PAGE_SIZE)}>{t('facility.showMore')}</Button>
        </div>
      )}
    </section>
  );
}
