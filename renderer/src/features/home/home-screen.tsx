/**
 * The open vault's home: the testimonies first (the main entry, given by the shell), then
 * what else the vault offers (audit trail, settings, locking).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { lockShortcutLabel } from '../lock/lock-shortcut';
import { RecoveryPassphrasePrompt } from '../recovery/recovery-passphrase-prompt';
import type { UnlockedState } from '../vault-session/vault-context';
import './home.css';

export interface HomeScreenProps {
  state: UnlockedState;
  focusOnMount?: boolean;
  onOpenAudit(): void;
  onOpenSettings(): void;
  /** The main entry (the testimonies), shown first. */
  mainEntry?: ReactNode;
}

/** What the open vault offers today. */
export function HomeScreen({ state, focusOnMount = false, onOpenAudit, onOpenSettings, mainEntry }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const shortcut = lockShortcutLabel();
  // Set here, not from the vault's state: the state stops saying "recovery key" at that moment.
  const [passphraseSet, setPassphraseSet] = useState(false);
  return (
    <Screen title={t('home.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('home.intro')}</p>
      {state.openedWith === 'recovery-key' && <RecoveryPassphrasePrompt onDone={() => setPassphraseSet(true)} />}
      {passphraseSet && (
        <Notice tone="success" role="status">
          <p>{t('home.recoveryDone')}</p>
          <p>{t('home.recoveryReplaceHint')}</p>
        </Notice>
      )}
      {state.failedAttemptsSinceLastUnlock > 0 && (
        <Notice tone="danger" role="status">
          <p>{t('home.failedSince', { count: state.failedAttemptsSinceLastUnlock })}</p>
        </Notice>
      )}
      {mainEntry}
      <h2>{t('home.nowTitle')}</h2>
      <ul className="home__list">
        <li>{t('home.nowAudit')}</li>
        <li>{t('home.nowSettings')}</li>
        <li>
          {t('home.nowLock', {
            shortcut,
            duration: formatMinutes(state.settings.idleLockMinutes, i18n.resolvedLanguage),
          })}
        </li>
      </ul>
      <div className="screen__actions">
        <Button onClick={onOpenAudit}>{t('home.openAudit')}</Button>
        <Button onClick={onOpenSettings}>{t('home.openSettings')}</Button>
      </div>
    </Screen>
  );
}
