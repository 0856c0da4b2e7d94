/**
 * The Sijill shell: header, and one screen at a time. The home screen follows the vault's
 * state (first run without a keyring, lock screen with one); other screens open over it.
 */
import { useTranslation } from 'react-i18next';
import { AboutView } from '../features/about/about-view';
import { FirstRunScreen } from '../features/first-run/first-run-screen';
import { VaultSetupPlaceholder } from '../features/first-run/vault-setup-placeholder';
import { LockScreen } from '../features/lock/lock-screen';
import '../ui/base.css';
import { AppHeader } from './app-header';
import './app-shell.css';
import { useNavigation, type Navigation } from './navigation';
import { StorageErrorScreen } from './storage-error-screen';
import { useVaultPresence, type VaultPresence } from './use-vault-presence';

function HomeScreen({ presence, navigation }: { presence: VaultPresence; navigation: Navigation }) {
  const { t } = useTranslation();
  const focusOnMount = navigation.moved;
  switch (presence) {
    case 'checking':
      return (
        <p role="status" className="screen screen__muted">
          {t('shell.loading')}
        </p>
      );
    case 'unreadable':
      return <StorageErrorScreen focusOnMount={focusOnMount} />;
    case 'absent':
      return <FirstRunScreen focusOnMount={focusOnMount} onCreateVault={() => navigation.open('vault-setup')} />;
    case 'present':
      return <LockScreen focusOnMount={focusOnMount} />;
  }
}

/** The whole renderer UI; needs AppProviders above it. */
export function App() {
  const presence = useVaultPresence();
  const navigation = useNavigation();
  const { current } = navigation;
  return (
    <div className="app">
      <AppHeader aboutOpen={current === 'about'} onOpenAbout={() => navigation.open('about')} />
      <main className="app-main">
        {current === 'about' && <AboutView focusOnMount={navigation.moved} onBack={navigation.back} />}
        {current === 'vault-setup' && <VaultSetupPlaceholder focusOnMount={navigation.moved} onBack={navigation.back} />}
        {current === null && <HomeScreen presence={presence} navigation={navigation} />}
      </main>
    </div>
  );
}
