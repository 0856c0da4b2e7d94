/**
 * Settings around the recovery key and the compromised-passphrase rotation: creating,
 * replacing and removing the recovery key after re-entering the passphrase (the new key shown
 * once, as at creation), a new passphrase without the old one in a recovery-key session, and
 * the rotation's progress.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_NEW_RECOVERY_KEY, FAKE_PASSPHRASE, FAKE_RECOVERY_KEY, type FakeVaultOptions } from '../../../fakes/fake-vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, HYGIENIC, inputHygiene, unlocked } from '../feature-support';

afterEach(cleanUp);

const NEW_PASSPHRASE = 'a new and longer passphrase';

async function openSettings(fakeVault: FakeVaultOptions = {}, language: 'en' | 'ar' = 'en') {
  const rendered = await renderApp({ language, fakeVault: { state: unlocked(), ...fakeVault } });
  await rendered.screen.getByRole('navigation').getByRole('button', { name: language === 'en' ? 'Settings' : 'الإعدادات' }).click();
  return rendered;
}

describe('recovery key settings', () => {
  it('creates a recovery key after the passphrase is re-entered and shows it once', async () => {
    const { screen, vault } = await openSettings();
    await expect.element(screen.getByText(/This vault has no recovery key/)).toBeVisible();
    await screen.getByRole('button', { name: 'Create a recovery key…' }).click();
    expect(inputHygiene().filter((input) => input.name === 'current')).toEqual([expect.objectContaining(HYGIENIC)]);

    const current = screen.getByLabelText('Current passphrase');
    await screen.getByRole('button', { name: 'Create the recovery key' }).click();
    await expect.element(screen.getByText('Enter your current passphrase.')).toBeVisible();
    await current.fill('not the passphrase');
    await screen.getByRole('button', { name: 'Create the recovery key' }).click();
    await expect.element(screen.getByText('The current passphrase is not correct. Nothing was changed.')).toBeVisible();
    await expect.element(current).toHaveValue('');

    await current.fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Create the recovery key' }).click();
    await expect.element(screen.getByTestId('recovery-key')).toHaveTextContent(FAKE_RECOVERY_KEY);
    await expect.element(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await screen.getByLabelText('I have stored the recovery key safely').click();
    await screen.getByRole('button', { name: 'Continue' }).click();
    await expect.element(screen.getByText('The new recovery key is in place.')).toBeVisible();
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_KEY);
    await expect.element(screen.getByText(/This vault has a recovery key/)).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'replaceRecoveryKey').map((call) => call.args)).toEqual([['not the passphrase'], [FAKE_PASSPHRASE]]);
  });

  it('replaces or removes an existing recovery key', async () => {
    const { screen, vault } = await openSettings({ state: unlocked({ hasRecoveryKey: true }), recoveryKey: FAKE_RECOVERY_KEY });
    await screen.getByRole('button', { name: 'Replace or remove the recovery key…' }).click();
    await expect.element(screen.getByText('The current recovery key stops working at once; the new one is shown once.')).toBeVisible();
    await screen.getByLabelText('Current passphrase').fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Replace the recovery key' }).click();
    await expect.element(screen.getByTestId('recovery-key')).toHaveTextContent(FAKE_NEW_RECOVERY_KEY);
    await screen.getByLabelText('I have stored the recovery key safely').click();
    await screen.getByRole('button', { name: 'Continue' }).click();

    await screen.getByLabelText('Current passphrase').fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Remove the recovery key', exact: true }).click();
    await expect.element(screen.getByText('The recovery key was removed. It no longer opens the vault.')).toBeVisible();
    await expect.element(screen.getByText(/This vault has no recovery key/)).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'removeRecoveryKey')).toHaveLength(1);
  });

  it('speaks Arabic', async () => {
    const { screen } = await openSettings({}, 'ar');
    await expect.element(screen.getByRole('heading', { level: 2, name: 'مفتاح الاسترداد' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'إنشاء مفتاح استرداد…' })).toBeVisible();
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('new passphrase after a recovery-key unlock', () => {
  it('asks for no current passphrase in a recovery-key session, and the normal form returns after', async () => {
    const { screen, vault } = await openSettings({ state: unlocked({ openedWith: 'recovery-key', hasRecoveryKey: true }), recoveryKey: FAKE_RECOVERY_KEY });
    await expect.element(screen.getByText('The vault was opened with the recovery key, so the current passphrase is not asked for.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Choose a new passphrase…' }).elements()).toEqual([]);
    await screen.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: 'Set the new passphrase' }).click();
    await expect.element(screen.getByText('The new passphrase is set. Use it from now on; the recovery key keeps working.')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Choose a new passphrase…' })).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'setNewPassphraseAfterRecovery')).toEqual([{ method: 'setNewPassphraseAfterRecovery', args: [NEW_PASSPHRASE] }]);
  });
});

describe('compromised passphrase progress', () => {
  it('counts the record keys re-encrypted, then asks partners to verify the new fingerprint', async () => {
    const steps = [
      { done: 0, total: 400 },
      { done: 200, total: 400 },
      { done: 400, total: 400 },
    ];
    const { screen, vault } = await openSettings({ rotationSteps: steps });
    await expect.element(screen.getByText(/This device also gets a new identity, and the audit trail a new key/)).toBeVisible();
    await screen.getByRole('button', { name: 'Replace the passphrase and the keys…' }).click();
    await screen.getByLabelText('Current passphrase').fill(FAKE_PASSPHRASE);
    await screen.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    const release = vault.hold('reportCompromised');
    await screen.getByRole('button', { name: 'Replace the passphrase and the keys', exact: true }).click();
    release();
    // The fake pauses after each step while a hold is set.
    const step = vault.hold('reportCompromised');
    await expect.element(screen.getByText('Record keys re-encrypted: 0 of 400')).toBeVisible();
    step();
    const next = vault.hold('reportCompromised');
    await expect.element(screen.getByText('Record keys re-encrypted: 200 of 400')).toBeVisible();
    const bar = screen.getByRole('progressbar');
    await expect.element(bar).toHaveAttribute('value', '200');
    await expect.element(bar).toHaveAttribute('max', '400');
    next();
    await expect.element(screen.getByText('The new passphrase and the new keys are in place.')).toBeVisible();
    await expect.element(screen.getByText(/Ask your partners to verify this device’s new fingerprint/)).toBeVisible();
  });
});
