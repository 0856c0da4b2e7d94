import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { FAKE_APP_INFO } from '../../fakes/fake-bridge';
import { DEFAULT_FAKE_SETTINGS, FAKE_PASSPHRASE } from '../../fakes/fake-vault-client';
import type { VaultState } from '../../../renderer/src/vault/vault-client';
import { resetDocumentLanguage } from '../support/document';
import { renderApp } from '../support/render-app';

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
});

const LOCKED: VaultState = { status: 'locked', failedAttempts: 0, lastLockReason: null, wipeAfterFailedUnlocks: null };
const unlocked = (): VaultState => ({
  status: 'unlocked',
  auditWarning: null,
  settings: DEFAULT_FAKE_SETTINGS,
  hasRecoveryKey: false,
  failedAttemptsSinceLastUnlock: 0,
  openedWith: 'passphrase',
});

const heading = (element: Element | null) => (element instanceof HTMLHeadingElement ? element.textContent : null);

describe('first run', () => {
  it('welcomes, says the data stays encrypted and offline, and leaves focus alone on load', async () => {
    const { screen } = await renderApp();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    await expect.element(screen.getByText('Everything you record is encrypted on this device before it is stored.')).toBeVisible();
    await expect.element(screen.getByText('Nothing is sent over the network. Sijill works entirely offline.')).toBeVisible();
    await expect.element(screen.getByRole('main')).toBeInTheDocument();
    await expect.element(screen.getByRole('banner')).toBeInTheDocument();
    expect(document.activeElement).toBe(document.body);
  });

  it('leads "Create a vault" to the create form, and back', async () => {
    const { screen, vault } = await renderApp();
    await screen.getByRole('button', { name: 'Create a vault' }).click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'Create a vault' })).toBeVisible();
    expect(heading(document.activeElement)).toBe('Create a vault');

    await screen.getByRole('button', { name: 'Back to the welcome screen' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    expect(heading(document.activeElement)).toBe('Welcome to Sijill');
    expect(vault.calls).toEqual([]);
  });
});

describe('about', () => {
  it('opens from the navigation, describes the browser build, and goes back', async () => {
    const { screen } = await renderApp();
    const aboutLink = screen.getByRole('navigation').getByRole('button', { name: 'About' });
    await aboutLink.click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'About Sijill' })).toBeVisible();
    await expect.element(aboutLink).toHaveAttribute('aria-current', 'page');
    await expect.element(screen.getByText('Browser build', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('Chromium 156.0.0.0')).toBeVisible();
    await expect.element(screen.getByText(/keeps the vault in this site’s private storage/)).toBeVisible();
    await expect.element(screen.getByText('AGPL-3.0-only')).toBeVisible();
    await expect.element(screen.getByText(/GNU Affero General Public License, version 3 only/)).toBeVisible();

    await screen.getByRole('button', { name: 'Back', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    await expect.element(aboutLink).not.toHaveAttribute('aria-current');
  });

  it('shows the desktop runtime from the platform’s app info', async () => {
    const { screen } = await renderApp({ kind: 'electron', appInfo: FAKE_APP_INFO });
    await screen.getByRole('button', { name: 'About' }).click();
    await expect.element(screen.getByText('Desktop app', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('Electron 45.5.0 · Chromium 142.0.7444.52 · linux')).toBeVisible();
    await expect.element(screen.getByText('Release', { exact: true })).toBeVisible();
    await expect.element(screen.getByText(/private storage/)).not.toBeInTheDocument();
  });

  it('says so when the app info cannot be read', async () => {
    const { screen } = await renderApp({ appInfo: new Error('no bridge') });
    await screen.getByRole('button', { name: 'About' }).click();
    await expect.element(screen.getByText('Version information is not available.')).toBeVisible();
  });

  it('is keyboard operable', async () => {
    const { screen } = await renderApp();
    (screen.getByRole('button', { name: 'About' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'About Sijill' })).toBeVisible();
    expect(heading(document.activeElement)).toBe('About Sijill');
  });
});

describe('vault states', () => {
  it('says it is opening while the vault starts', async () => {
    const { screen } = await renderApp({ fakeVault: { state: { status: 'starting' } } });
    await expect.element(screen.getByRole('status')).toHaveTextContent('Opening Sijill…');
    await expect.element(screen.getByRole('button', { name: 'Lock' })).not.toBeInTheDocument();
  });

  it('shows the lock screen when a vault exists, with no vault navigation and no Lock button', async () => {
    const { screen } = await renderApp({ fakeVault: { state: LOCKED } });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled();
    await expect.element(screen.getByRole('button', { name: 'Settings' })).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Lock', exact: true })).not.toBeInTheDocument();
  });

  it('shows home, the vault navigation and the Lock button once unlocked', async () => {
    const { screen } = await renderApp({ fakeVault: { state: LOCKED } });
    await screen.getByLabelText('Passphrase', { exact: true }).fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(heading(document.activeElement)).toBe('The vault is open');
    const nav = screen.getByRole('navigation');
    await expect.element(nav.getByRole('button', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await expect.element(nav.getByRole('button', { name: 'Audit trail' })).toBeVisible();
    await expect.element(nav.getByRole('button', { name: 'Settings' })).toBeVisible();
    const lock = screen.getByRole('button', { name: 'Lock', exact: true });
    await expect.element(lock).toHaveAttribute('aria-keyshortcuts', 'Control+L Meta+L');
    await expect.element(lock).toHaveTextContent('Ctrl+L');
  });

  it('locks from the header: the unlocked screens unmount and navigation starts over', async () => {
    const { screen, vault } = await renderApp({ fakeVault: { state: unlocked() } });
    await screen.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await screen.getByRole('button', { name: 'Choose a new passphrase…' }).click();
    await screen.getByLabelText('Current passphrase').fill('typed but not sent');

    await screen.getByRole('button', { name: 'Lock', exact: true }).click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByText('The vault was locked.')).toBeVisible();
    expect(document.body.textContent).not.toContain('Settings');
    expect([...document.querySelectorAll('input')].map((input) => input.value)).toEqual(['']);
    expect(vault.calls.at(-1)).toEqual({ method: 'lock', args: ['manual'] });

    await screen.getByLabelText('Passphrase', { exact: true }).fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
  });
});

describe('unreadable storage', () => {
  it('explains the problem and offers no way to create a vault over the old one', async () => {
    const { screen } = await renderApp({ fakeVault: { state: { status: 'unavailable' } } });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill cannot read its storage' })).toBeVisible();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/Nothing has been changed/);
    await expect.element(screen.getByRole('button', { name: 'Create a vault' })).not.toBeInTheDocument();
  });
});
