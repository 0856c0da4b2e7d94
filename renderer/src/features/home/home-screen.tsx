/**
 * The open vault's home, until case records arrive (the next issue): it says plainly what
 * exists now (the vault, its audit trail, settings, locking) and what does not yet. No
 * pretend features.
 */
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { lockShortcutLabel } from '../lock/lock-shortcut';
import type { UnlockedState } from '../vault-session/vault-context';
import './home.css';

export interface HomeScreenProps {
  state: UnlockedState;
  focusOnMount?: boolean;
  onOpenAudit(): void;
  onOpenSettings(): void;
}

/** What the open vault offers today. */
export function HomeScreen({ state, focusOnMount = false, onOpenAudit, onOpenSettings }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const shortcut = lockShortcutLabel();
  return (
    <Screen title={t('home.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('home.intro')}</p>
      {state.failedAttemptsSinceLastUnlock > 0 && (
        <Notice tone="danger" role="status">
          <p>{t('home.failedSince', { count: state.failedAttemptsSinceLastUnlock })}</p>
        </Notice>
      )}
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
      <h2>{t('home.nextTitle')}</h2>
      <p className="screen__muted">{t('home.nextBody')}</p>
    </Screen>
  );
}
