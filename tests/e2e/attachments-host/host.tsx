/**
 * A test host for the end-to-end attachment journeys: the real AttachmentPanel over the real
 * vault client, worker, web platform (keyring in OPFS) and CSP, built by Vite like the app,
 * with only a Create / Unlock / Lock bar around it. It exists because the panel's home (the
 * testimony editor) belongs to another feature; the storage path under test is the app's own.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KDF_FLOOR } from '../../../shared/crypto/kdf-params';
import { AppProviders } from '../../../renderer/src/app/app-providers';
import { AttachmentPanel } from '../../../renderer/src/features/attachments';
import { useVaultClient, useVaultState } from '../../../renderer/src/features/vault-session/vault-context';
import { createI18n } from '../../../renderer/src/i18n/create-i18n';
import { createWebPlatform } from '../../../renderer/src/platform/web-platform';
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import '../../../renderer/src/ui/fonts.css';

/** The owner every journey attaches to (a testimony id; the record itself need not exist). */
export const HOST_OWNER = 'HostTestimonyOwner00AA';
export const HOST_PASSPHRASE = 'host passphrase for attachment journeys';

function Host() {
  const vault = useVaultClient();
  const state = useVaultState();
  if (state.status === 'first-run') {
    return <button onClick={() => void vault.create({ passphrase: HOST_PASSPHRASE, profile: 'moderate', withRecoveryKey: false })}>Create</button>;
  }
  if (state.status === 'locked') {
    return (
      <>
        <h1>Locked</h1>
        <button onClick={() => void vault.unlock(HOST_PASSPHRASE)}>Unlock</button>
      </>
    );
  }
  if (state.status !== 'unlocked') return <p>{state.status}</p>;
  return (
    <>
      <h1>Open</h1>
      <button onClick={() => void vault.lock('manual')}>Lock</button>
      <AttachmentPanel ownerKind="testimony" ownerId={HOST_OWNER} />
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const platform = createWebPlatform();
const vault = createVaultClient({ platform, kdfParams: () => KDF_FLOOR });
void vault.init();
createRoot(root).render(
  <StrictMode>
    <AppProviders platform={platform} vault={vault} i18n={createI18n('en')}>
      <Host />
    </AppProviders>
  </StrictMode>,
);
