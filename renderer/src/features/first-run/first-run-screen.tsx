/**
 * The first screen on a device without a vault: what Sijill is, how it protects what is
 * recorded, and the way forward (creating a vault, or first exploring a separate demo vault).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { ExploreDemo } from '../demo/explore-demo';
import './first-run.css';

export interface FirstRunScreenProps {
  focusOnMount?: boolean;
  onCreateVault(): void;
  /** Opens "Restore from backup" (features/backup). */
  onRestore?(): void;
}

/** Welcome, protection promises, and the "Create a vault" action. */
export function FirstRunScreen({ focusOnMount = false, onCreateVault, onRestore }: FirstRunScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen title={t('firstRun.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('firstRun.intro')}</p>
      <h2>{t('firstRun.protectionTitle')}</h2>
      <ul className="first-run__promises">
        <li>{t('firstRun.protectEncrypted')}</li>
        <li>{t('firstRun.protectOffline')}</li>
        <li>{t('firstRun.protectPassphrase')}</li>
      </ul>
      <p className="screen__muted">{t('firstRun.vaultExplained')}</p>
      <div className="screen__actions">
        <Button variant="primary" onClick={onCreateVault}>
          {t('firstRun.create')}
        </Button>
        {onRestore && <Button onClick={onRestore}>{t('backup.restoreOpen')}</Button>}
      </div>
      <ExploreDemo />
    </Screen>
  );
}
