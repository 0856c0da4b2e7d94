import { afterEach, describe, expect, it } from 'vitest';
import type { VaultState } from '../../../../renderer/src/vault/vault-client';
import { FAKE_PASSPHRASE, FAKE_RECOVERY_KEY } from '../../../fakes/fake-vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, HYGIENIC, inputHygiene, locked } from '../feature-support';

afterEach(cleanUp);

const GENERIC = 'That passphrase did not open the vault.';

async function renderLocked(state: VaultState = locked(), options: { recoveryKey?: string; language?: 'en' | 'ar' } = {}) {
  const rendered = await renderApp({ language: options.language ?? 'en', fakeVault: { state, ...(options.recoveryKey ? { recoveryKey: options.recoveryKey } : {}) } });
  return rendered;
}

describe('unlock with the passphrase', () => {
  it('shows one generic error for a wrong passphrase, clears the field and counts the attempt', async () => {
    const { screen, vault } = await renderLocked();
    const field = screen.getByLabelText('Passphrase', { exact: true });
    await expect.element(field).toHaveAttribute('type', 'password');
    expect(inputHygiene()).toEqual([expect.objectContaining(HYGIENIC)]);

    await field.fill('not the passphrase at all');
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();

    await expect.element(screen.getByRole('alert')).toHaveTextContent(GENERIC);
    await expect.element(field).toHaveValue('');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect.element(screen.getByText('Failed unlock attempts since the vault was last opened: 1')).toBeVisible();
    await expect.poll(() => document.activeElement).toBe(field.element());
    expect(vault.calls).toEqual([{ method: 'unlock', args: ['not the passphrase at all'] }]);

    await field.fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    await expect.element(screen.getByText(/Failed unlock attempts since the vault was last opened: 1\. If these were not yours/)).toBeVisible();
  });

  it('says it is working while the passphrase is checked, and sends nothing for an empty field', async () => {
    const { screen, vault } = await renderLocked();
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    expect(vault.calls).toEqual([]);

    const release = vault.hold('unlock');
    await screen.getByLabelText('Passphrase', { exact: true }).fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('status').filter({ hasText: 'Opening the vault…' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Unlock', exact: true })).toBeDisabled();
    release();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
  });

  it('says why the vault locked and how many attempts failed', async () => {
    const { screen } = await renderLocked({ status: 'locked', failedAttempts: 4, lastLockReason: 'idle', wipeAfterFailedUnlocks: null });
    await expect.element(screen.getByText('The vault locked itself after a period without activity.')).toBeVisible();
    await expect.element(screen.getByText('Failed unlock attempts since the vault was last opened: 4')).toBeVisible();
  });

  it('warns how many attempts are left when the vault wipes itself after failed unlocks', async () => {
    const { screen } = await renderLocked(locked(2, 5));
    await expect.element(screen.getByText(/set to wipe itself after 5 failed attempts in a row\. Attempts left before everything on this device is destroyed: 3\./)).toBeVisible();
  });

  it('counts down with each failed attempt and gives no wipe warning when the policy is off', async () => {
    const { screen } = await renderLocked(locked(0, 3));
    await expect.element(screen.getByText(/Attempts left before everything on this device is destroyed: 3\./)).toBeVisible();
    await screen.getByLabelText('Passphrase', { exact: true }).fill('not the passphrase at all');
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByText(/Attempts left before everything on this device is destroyed: 2\./)).toBeVisible();
    await cleanUp();
    const off = await renderLocked(locked(1, null));
    await expect.element(off.screen.getByText('Failed unlock attempts since the vault was last opened: 1')).toBeVisible();
    expect(document.body.textContent).not.toContain('wipe itself');
  });

  it('gives the same generic error in Arabic', async () => {
    const { screen } = await renderLocked(locked(), { language: 'ar' });
    await screen.getByLabelText('عبارة المرور', { exact: true }).fill('خطأ خطأ خطأ خطأ');
    await screen.getByRole('button', { name: 'فتح القفل', exact: true }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('لم تفتح عبارة المرور هذه الخزنة.');
    await expect.element(screen.getByText('عدد محاولات فتح القفل الفاشلة منذ آخر فتح للخزنة: 1')).toBeVisible();
  });
});

describe('unlock with the recovery key', () => {
  it('tells a typing mistake from a key that does not open the vault, then opens with the right one', async () => {
    const { screen } = await renderLocked(locked(), { recoveryKey: FAKE_RECOVERY_KEY });
    await screen.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Unlock with the recovery key' })).toBeVisible();
    const field = screen.getByLabelText('Recovery key', { exact: true });
    await expect.element(field).toHaveAttribute('dir', 'ltr');
    expect(inputHygiene()).toEqual([expect.objectContaining(HYGIENIC)]);

    await field.fill('7K3M-Q9TZ');
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/typing mistake/);
    await expect.element(field).toHaveValue('7K3M-Q9TZ');

    await field.fill('A'.repeat(56));
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('That recovery key did not open the vault.');
    await expect.element(field).toHaveValue('');

    await field.fill(FAKE_RECOVERY_KEY.toLowerCase());
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
  });

  it('puts the cursor in the recovery key field, and goes back to the passphrase', async () => {
    const { screen } = await renderLocked();
    await screen.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await expect.poll(() => document.activeElement).toBe(screen.getByLabelText('Recovery key', { exact: true }).element());
    await screen.getByRole('button', { name: 'Use the passphrase instead' }).click();
    await expect.element(screen.getByLabelText('Passphrase', { exact: true })).toBeVisible();
  });
});
