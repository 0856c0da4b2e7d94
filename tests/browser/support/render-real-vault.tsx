/**
 * The shell over the REAL vault client (real worker, real IndexedDB, Argon2id at its floor) on a
 * fake platform, with a database of its own. Call `disposeRealVault()` in afterEach.
 *
 * Screens wait for Argon2id here (unlock, passphrase changes): on 2 busy cores that can take
 * longer than `expect.element`'s 1 s default, so the waits get 30 s while a real vault is up.
 */
import Dexie from 'dexie';
import { vi } from 'vitest';
import { cleanup } from 'vitest-browser-react';
import { KDF_FLOOR } from '../../../shared/crypto/kdf-params';
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { resetDocumentLanguage } from './document';
import { renderApp } from './render-app';

/** How long a screen may take to appear after a step that runs Argon2id. */
export const REAL_VAULT_WAIT_MS = 30_000;

let client: VaultClient | undefined;
let databaseName: string | undefined;

/** Renders the app over a fresh real vault client and runs its `init()`. */
export async function renderWithRealVault() {
  vi.setConfig({ expect: { poll: { timeout: REAL_VAULT_WAIT_MS } } });
  databaseName = `sijill-ui-test-${crypto.randomUUID()}`;
  const name = databaseName;
  const rendered = await renderApp({ vault: (platform) => createVaultClient({ platform, databaseName: name, kdfParams: () => KDF_FLOOR }) });
  client = rendered.vault;
  await rendered.vault.init();
  return { ...rendered, databaseName: name };
}

/** Unmounts, disposes the client and deletes its database. */
export async function disposeRealVault(): Promise<void> {
  await cleanup();
  resetDocumentLanguage();
  await client?.dispose();
  client = undefined;
  if (databaseName) await Dexie.delete(databaseName);
  databaseName = undefined;
  vi.resetConfig();
}
