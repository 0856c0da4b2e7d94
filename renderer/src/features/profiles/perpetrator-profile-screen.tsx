/**
 * The alleged perpetrator's page: who the record is about (names with sources, status,
 * positions), then everything alleged across testimonies — how many testimonies and distinct
 * witnesses, the period, facilities, acts, roles, how each witness identified them — and
 * every allegation. Runs on the main thread. "Alleged" throughout: a notice at the top says
 * this page gathers allegations, not findings.
 */
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { Disclosure } from '../../ui/disclosure';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import '../facility/form-kit/record-list.css';
import { neutraliseBidi } from '../facility/form-kit/name-text';
import { HistoryView } from '../history/history-view';
import { displayName, usePerpetratorProfile } from '../records';
import { PerpetratorAllegationsTable } from './perpetrator-allegations-table';
import { PerpetratorIdentity } from './perpetrator-identity';
import { PerpetratorSummary } from './perpetrator-summary';
import type { ProfileNavigation } from './profile-links';
import './profiles.css';
import { useRecordNames } from './use-record-names';

export interface PerpetratorProfileScreenProps extends ProfileNavigation {
  id: Id;
  focusOnMount?: boolean;
  onEdit(id: Id): void;
}

/** The profile, or loading / gone. */
export function PerpetratorProfileScreen({ id, focusOnMount = false, onEdit, ...nav }: PerpetratorProfileScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const lookup = usePerpetratorProfile(id);
  const names = useRecordNames();
  if (lookup.status !== 'found') {
    return (
      <Screen title={t('profiles.perpetratorKind')} focusOnMount={focusOnMount}>
        {lookup.status === 'loading' ? (
          <p role="status">{t('profiles.loading')}</p>
        ) : (
          <Notice tone="danger" role="alert">
            <p>{t('profiles.perpetratorMissing')}</p>
          </Notice>
        )}
      </Screen>
    );
  }
  const profile = lookup.value;
  const entry = profile.perpetrator;
  // The <h1> is plain text: isolate the name with FSI…PDI, the plain-text <bdi>.
  const title = `${t('profiles.perpetratorKind')}: \u2068${neutraliseBidi(displayName(entry.body.names, lang))}\u2069`;
  return (
    <Screen title={title} focusOnMount={focusOnMount}>
      <Notice>
        <p>{t('profiles.allegedNotice')}</p>
      </Notice>
      <div className="screen__actions">
        <Button onClick={() => onEdit(entry.id)}>{t('profiles.edit')}</Button>
      </div>
      <PerpetratorIdentity body={entry.body} names={names} nav={nav} />
      <PerpetratorSummary profile={profile} names={names} nav={nav} />
      <PerpetratorAllegationsTable allegations={profile.allegations} names={names} nav={nav} />
      <Disclosure label={t('profiles.showHistory')}>
        <HistoryView kind="perpetrator" id={entry.id} />
      </Disclosure>
    </Screen>
  );
}
