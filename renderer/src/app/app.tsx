/**
 * The Sijill shell: header, and one screen at a time, rendered from the vault's state alone:
 * starting → loading; unavailable → storage error; first run → welcome and the create form;
 * locked → the lock screen; unlocked → home, audit trail, settings. About opens over any.
 *
 * Locking unmounts the whole unlocked subtree (its branch disappears), so every decrypted view
 * state, form value and loaded audit row goes with it.
 */
import { useVaultCreation } from '../features/create-vault/use-vault-creation';
import { AboutView } from '../features/about/about-view';
import { useLockTriggers } from '../features/lock/use-lock-triggers';
import { useVaultClient, useVaultState } from '../features/vault-session/vault-context';
import '../ui/base.css';
import { AppHeader } from './app-header';
import './app-shell.css';
import { useNavigation } from './navigation';
import { VaultScreens } from './vault-screens';

/** The whole renderer UI; needs AppProviders above it. */
export function App() {
  const client = useVaultClient();
  const state = useVaultState();
  const navigation = useNavigation(state.status);
  const creation = useVaultCreation(client, state.status);
  const unlocked = state.status === 'unlocked';
  useLockTriggers(client, unlocked);
  const { current } = navigation;
  return (
    <div className="app">
      <AppHeader
        current={current}
        // While a fresh recovery key waits for "stored safely", the vault's screens stay closed.
        showVaultNav={unlocked && creation.state.phase === 'idle'}
        onGo={navigation.go}
        onOpenAbout={() => navigation.open('about')}
        onLock={unlocked ? () => void client.lock('manual') : undefined}
      />
      <main className="app-main">
        {current === 'about' ? (
          <AboutView focusOnMount={navigation.moved} onBack={navigation.back} />
        ) : (
          <VaultScreens state={state} navigation={navigation} creation={creation} />
        )}
      </main>
    </div>
  );
}
