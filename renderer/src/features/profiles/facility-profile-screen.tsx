/**
 * A facility's page: where it sits in the hierarchy (its ancestors as a breadcrumb, its
 * parts), its own data, the timeline of detentions and allegations there or in its parts,
 * and the alleged perpetrators linked to it. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { Disclosure } from '../../ui/disclosure';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import '../facility/form-kit/record-list.css';
import { NameText, neutraliseBidi } from '../facility/form-kit/name-text';
import { HistoryView } from '../history/history-view';
import { displayName, useFacilityProfile, type FacilityProfile } from '../records';
import { FacilityDetails } from './facility-details';
import { FacilityTimeline } from './facility-timeline';
import { FacilityLink, PerpetratorLink, type ProfileNavigation } from './profile-links';
import './profiles.css';
import { useRecordNames, type RecordNames } from './use-record-names';

export interface FacilityProfileScreenProps extends ProfileNavigation {
  id: Id;
  focusOnMount?: boolean;
  onEdit(id: Id): void;
}

/** The page, or loading / gone. */
export function FacilityProfileScreen({ id, focusOnMount = false, onEdit, ...nav }: FacilityProfileScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const lookup = useFacilityProfile(id);
  const names = useRecordNames();
  if (lookup.status !== 'found') {
    return (
      <Screen title={t('profiles.facilityKind')} focusOnMount={focusOnMount}>
        {lookup.status === 'loading' ? (
          <p role="status">{t('profiles.loading')}</p>
        ) : (
          <Notice tone="danger" role="alert">
            <p>{t('profiles.facilityMissing')}</p>
          </Notice>
        )}
      </Screen>
    );
  }
  const profile = lookup.value;
  const entry = profile.facility;
  const title = `\u2068${neutraliseBidi(displayName(entry.body.names, lang))}\u2069`;
  return (
    <Screen title={title} focusOnMount={focusOnMount}>
      <Hierarchy profile={profile} names={names} nav={nav} />
      <div className="screen__actions">
        <Button onClick={() => onEdit(entry.id)}>{t('profiles.edit')}</Button>
      </div>
      <FacilityDetails body={entry.body} />
      <section className="profile__section" aria-labelledby="facility-timeline">
        <h2 id="facility-timeline">{t('profiles.timeline')}</h2>
        <p className="record-muted">{t('profiles.timelineHint')}</p>
        <p>{t('profiles.testimoniesHere', { count: profile.testimonyIds.length })}</p>
        <FacilityTimeline facilityId={entry.id} items={profile.timeline} names={names} nav={nav} />
      </section>
      <section className="profile__section" aria-labelledby="facility-perpetrators">
        <h2 id="facility-perpetrators">{t('profiles.perpetratorsHere')}</h2>
        {profile.perpetrators.length === 0 ? (
          <p>{t('profiles.perpetratorsHereEmpty')}</p>
        ) : (
          <ul className="profile__list">
            {profile.perpetrators.map((link) => (
              <li key={link.perpetratorId}>
                <PerpetratorLink id={link.perpetratorId} names={names} nav={nav} />{' '}
                <span className="record-muted">
                  ({t('profiles.allegationsHere', { count: link.allegationCount })}; {t('profiles.positionsHere', { count: link.positions.length })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Disclosure label={t('profiles.showHistory')}>
        <HistoryView kind="facility" id={entry.id} />
      </Disclosure>
    </Screen>
  );
}

/** Ancestors as a breadcrumb (root first), then the parts of this facility. */
function Hierarchy({ profile, names, nav }: { profile: FacilityProfile; names: RecordNames; nav: ProfileNavigation }) {
  const { t } = useTranslation();
  return (
    <section className="profile__section" aria-labelledby="facility-hierarchy">
      <h2 id="facility-hierarchy">{t('profiles.hierarchy')}</h2>
      {profile.ancestors.length > 0 && (
        <nav className="profile__breadcrumb" aria-label={t('profiles.breadcrumb')}>
          <ol>
            {profile.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <FacilityLink id={ancestor.id} names={names} nav={nav} />
              </li>
            ))}
            <li aria-current="page">
              <NameText text={names.facility(profile.facility.id) ?? ''} />
            </li>
          </ol>
        </nav>
      )}
      <h3>{t('profiles.parts')}</h3>
      {profile.children.length === 0 ? (
        <p className="record-muted">{t('profiles.noParts')}</p>
      ) : (
        <ul className="profile__list" aria-label={t('profiles.parts')}>
          {profile.children.map((child) => (
            <li key={child.id}>
              <FacilityLink id={child.id} names={names} nav={nav} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
