import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { FAKE_APP_INFO } from '../../fakes/fake-bridge';
import { resetDocumentLanguage } from '../support/document';
import { renderApp } from '../support/render-app';

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
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

  it('leads "Create a vault" to a clearly labelled placeholder that stores nothing, and back', async () => {
    const { screen, platform } = await renderApp();
    await screen.getByRole('button', { name: 'Create a vault' }).click();

    await expect.element(screen.getByRole('heading', { level: 1, name: 'Create a vault' })).toBeVisible();
    await expect.element(screen.getByText('Not available yet')).toBeVisible();
    await expect.element(screen.getByText('Nothing has been created or stored on this device.')).toBeVisible();
    expect(heading(document.activeElement)).toBe('Create a vault');
    expect(await platform.keyring.read()).toBeNull();

    await screen.getByRole('button', { name: 'Back to the welcome screen' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    expect(heading(document.activeElement)).toBe('Welcome to Sijill');
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

describe('lock screen', () => {
  it('appears when a keyring exists: a hygienic passphrase field and a disabled Unlock with its reason', async () => {
    const { screen } = await renderApp({ keyring: new Uint8Array([1, 2, 3]) });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();

    const field = screen.getByLabelText('Passphrase');
    await expect.element(field).toHaveAttribute('type', 'password');
    await expect.element(field).toHaveAttribute('autocomplete', 'off');
    await expect.element(field).toHaveAttribute('spellcheck', 'false');
    await expect.element(field).toHaveAccessibleDescription(/not available in this version yet/);

    const unlock = screen.getByRole('button', { name: 'Unlock' });
    await expect.element(unlock).toBeDisabled();
    await expect.element(unlock).toHaveAccessibleDescription(/not available in this version yet/);

    // Enter must not submit the form (the CSP forbids form submission).
    await field.fill('correct horse battery staple');
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
  });
});

describe('unreadable storage', () => {
  it('explains the problem and offers no way to create a vault over the old one', async () => {
    const { screen } = await renderApp({ keyring: new DOMException('gone', 'NotReadableError') });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill cannot read its storage' })).toBeVisible();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/Nothing has been changed/);
    await expect.element(screen.getByRole('button', { name: 'Create a vault' })).not.toBeInTheDocument();
  });
});
