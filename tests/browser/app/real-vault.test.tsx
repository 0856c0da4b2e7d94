// The shell over the REAL vault client (real worker, real IndexedDB, real Argon2id at its floor
// cost), on a fake platform: the screens and the vault agree on states, errors and locking.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { KDF_FLOOR } from '../../../shared/crypto/kdf-params';
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { resetDocumentLanguage } from '../support/document';
import { renderApp } from '../support/render-app';
import { REAL_VAULT_WAIT_MS } from '../support/render-real-vault';

const PASSPHRASE = 'زيتون قديم قرب الجدار الحجري';
let client: VaultClient | undefined;
const databaseName = `sijill-ui-test-${crypto.randomUUID()}`;

// Screens wait for Argon2id in the worker: more than expect.element's 1 s on 2 busy cores.
beforeEach(() => vi.setConfig({ expect: { poll: { timeout: REAL_VAULT_WAIT_MS } } }));

afterEach(async () => {
  vi.resetConfig();
  await cleanup();
  resetDocumentLanguage();
  await client?.dispose();
  client = undefined;
  await Dexie.delete(databaseName);
});

async function renderWithRealVault() {
  const rendered = await renderApp({
    vault: (platform) => createVaultClient({ platform, databaseName, kdfParams: () => KDF_FLOOR }),
  });
  client = rendered.vault;
  await rendered.vault.init();
  return rendered;
}

// Argon2id runs several times here; CI shares 2 cores between both test tiers.
describe('the shell over the real vault client', { timeout: 60_000 }, () => {
  it('creates, locks on a platform signal, refuses a wrong passphrase, unlocks, audits and wipes', async () => {
    const { screen, platform } = await renderWithRealVault();
    await screen.getByRole('button', { name: 'Create a vault' }).click();
    await screen.getByLabelText('New passphrase', { exact: true }).fill(PASSPHRASE);
    await screen.getByLabelText('Type the new passphrase again').fill(PASSPHRASE);
    await screen.getByRole('button', { name: 'Create the vault' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(await platform.keyring.read()).not.toBeNull();

    // The screen locked (the platform's signal reaches the vault's LockManager).
    platform.emitLockSignal('lock-screen');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByText('The vault locked when the screen was locked.')).toBeVisible();

    const field = screen.getByLabelText('Passphrase', { exact: true });
    await field.fill('a wrong passphrase, long enough');
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('That passphrase did not open the vault.');
    await expect.element(screen.getByText('Failed unlock attempts since the vault was last opened: 1')).toBeVisible();

    await field.fill(PASSPHRASE.normalize('NFD'));
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();

    await screen.getByRole('navigation').getByRole('button', { name: 'Audit trail' }).click();
    await expect.element(screen.getByText(/The chain verifies/)).toBeVisible();
    const events = () => [...document.querySelectorAll('tbody tr td:nth-child(3)')].map((cell) => cell.textContent);
    expect(events()).toEqual(['Vault created', 'Failed unlock attempts', 'Vault unlocked']);

    await userEvent.keyboard('{Control>}l{/Control}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await field.fill(PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await screen.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await screen.getByLabelText('To confirm, type “WIPE”').fill('WIPE');
    await screen.getByRole('button', { name: 'Wipe this vault now' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    expect(await platform.keyring.read()).toBeNull();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(databaseName);
  });
});
