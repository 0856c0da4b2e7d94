/**
 * The screen for each vault status. The unlocked branch is its own component, so that a lock
 * unmounts it, and everything below it, in one step.
 */
import { useTranslation } from 'react-i18next';
import { RestoreScreen } from '../features/backup/restore-screen';
import { CreateVaultScreen } from '../features/create-vault/create-vault-screen';
import type { VaultCreation } from '../features/create-vault/use-vault-creation';
import { FirstRunScreen } from '../features/first-run/first-run-screen';
import { UnlockScreen } from '../features/lock/unlock-screen';
import type { VaultState } from '../vault/vault-client';
import type { Navigation } from './navigation';
import { StorageErrorScreen } from './storage-error-screen';
import { UnlockedScreens } from './unlocked-screens';

export interface VaultScreensProps {
  state: VaultState;
  navigation: Navigation;
  creation: VaultCreation;
}

/** Loading, storage error, first run, lock screen or the open vault. */
export function VaultScreens({ state, navigation, creation }: VaultScreensProps) {
  const { t } = useTranslation();
  const focusOnMount = navigation.moved;
  switch (state.status) {
    case 'starting':
      return (
        <p role="status" className="screen screen__muted">
          {t('shell.loading')}
        </p>
      );
    case 'unavailable':
      return <StorageErrorScreen focusOnMount={focusOnMount} />;
    case 'first-run':
      if (navigation.current === 'vault-restore') return <RestoreScreen focusOnMount={focusOnMount} onCancel={navigation.back} />;
      return navigation.current === 'vault-setup' ? (
        <CreateVaultScreen creation={creation} focusOnMount={focusOnMount} onCancel={navigation.back} />
      ) : (
        <FirstRunScreen focusOnMount={focusOnMount} onCreateVault={() => navigation.open('vault-setup')} onRestore={() => navigation.open('vault-restore')} />
      );
    case 'locked':
      return <UnlockScreen state={state} focusOnMount={focusOnMount} />;
    case 'unlocked':
      return <UnlockedScreens state={state} navigation={navigation} creation={creation} />;
  }
}
