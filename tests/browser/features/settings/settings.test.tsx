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

describe('automatic locking', () => {
  it('saves whole minutes from 1 to 240 and re-arms the idle timer', async () => {
    const { screen, vault } = await openSettings();
    const minutes = screen.getByLabelText('Lock after this many minutes without activity');
    await expect.element(minutes).toHaveValue(5);
    const save = screen.getByRole('button', { name: 'Save' }).first();

    for (const bad of ['0', '241', '2.5', '']) {
      await minutes.fill(bad);
      await save.click();
      await expect.element(screen.getByText('Enter a whole number of minutes from 1 to 240.')).toBeVisible();
    }
    await minutes.fill('15');
    await save.click();
    await expect.element(screen.getByText('Saved.')).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'updateSettings')).toEqual([{ method: 'updateSettings', args: [{ idleLockMinutes: 15 }] }]);
    expect([...vault.timers.pending.values()].map((timer) => timer.ms)).toEqual([15 * 60_000]);
  });

  it('says so when saving fails', async () => {
    const { screen } = await openSettings({ failing: ['updateSettings'] });
    await screen.getByRole('button', { name: 'Save' }).first().click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The setting could not be saved. Nothing was changed.');
  });
});

describe('change the passphrase', () => {
  it('re-checks the current passphrase, then changes it', async () => {
    const { screen, vault } = await openSettings();
    await screen.getByRole('button', { name: 'Choose a new passphrase…' }).click();
    expect(inputHygiene().filter((input) => input.name !== 'minutes')).toEqual(Array(4).fill(expect.objectContaining(HYGIENIC)));
    const current = screen.getByLabelText('Current passphrase');
    await current.fill('a wrong current passphrase');
    await screen.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: 'Change the passphrase', exact: true }).click();
    await expect.element(screen.getByText('The current passphrase is not correct. Nothing was changed.')).toBeVisible();
    await expect.element(current).toHaveValue('');

    await current.fill(FAKE_PASSPHRASE);
    await screen.getByRole('button', { name: 'Change the passphrase', exact: true }).click();
    await expect.element(screen.getByText('The passphrase was changed. Use the new one from now on.')).toBeVisible();
    expect([...document.querySelectorAll('input[type="password"]')].map((input) => (input as HTMLInputElement).value)).toEqual(['', '', '']);
    expect(vault.calls.filter((call) => call.method === 'changePassphrase').at(-1)?.args).toEqual([FAKE_PASSPHRASE, NEW_PASSPHRASE]);

    await screen.getByRole('button', { name: 'Lock', exact: true }).click();
    await screen.getByLabelText('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
  });

  it('applies the new-passphrase policy', async () => {
    const { screen, vault } = await openSettings();
    await screen.getByRole('button', { name: 'Choose a new passphrase…' }).click();
    await screen.getByRole('button', { name: 'Change the passphrase', exact: true }).click();
    await expect.element(screen.getByText('Enter your current passphrase.')).toBeVisible();
    await expect.element(screen.getByText('Enter a passphrase.')).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'changePassphrase')).toEqual([]);
  });
});

describe('my passphrase may be compromised', () => {
  it('explains the key rotation, shows progress, and shows the replaced recovery key once', async () => {
    const { screen, vault } = await openSettings({ state: unlocked({ hasRecoveryKey: true }), recoveryKey: FAKE_RECOVERY_KEY });
    await expect.element(screen.getByText(/creates new encryption keys and re-encrypts every record’s key/)).toBeVisible();
    await expect.element(screen.getByText(/Your recovery key is replaced too/)).toBeVisible();
    await screen.getByRole('button', { name: 'Replace the passphrase and the keys…' }).click();
    await screen.getByLabelText('Current passphrase').fill(FAKE_PASSPHRASE);
    await screen.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    const release = vault.hold('reportCompromised');
    await screen.getByRole('button', { name: 'Replace the passphrase and the keys', exact: true }).click();
    await expect.element(screen.getByRole('status').filter({ hasText: 'Replacing the keys and re-encrypting every record key' })).toBeVisible();
    release();

    await expect.element(screen.getByTestId('recovery-key')).toHaveTextContent(FAKE_NEW_RECOVERY_KEY);
    await expect.element(screen.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await screen.getByLabelText('I have stored the recovery key safely').click();
    await screen.getByRole('button', { name: 'Continue' }).click();
    await expect.element(screen.getByText('The new passphrase and the new keys are in place.')).toBeVisible();
    expect(document.body.textContent).not.toContain(FAKE_NEW_RECOVERY_KEY);
  });
});

describe('wipe after failed unlocks', () => {
  it('is off by default, says honestly what it cannot do, and saves a limit from 3 to 100', async () => {
    const { screen, vault } = await openSettings();
    const toggle = screen.getByLabelText('Wipe this vault after repeated failed unlock attempts');
    await expect.element(toggle).not.toBeChecked();
    await expect.element(toggle).toHaveAccessibleDescription(/anyone who copies the disk first can guess on another computer without limit/);

    await toggle.click();
    const limit = screen.getByLabelText('Failed attempts in a row before the wipe');
    await expect.element(limit).toHaveValue(10);
    await limit.fill('2');
    const save = screen.getByRole('button', { name: 'Save' }).nth(1);
    await save.click();
    await expect.element(screen.getByText('Enter a whole number from 3 to 100.')).toBeVisible();
    await limit.fill('5');
    await save.click();
    await expect.element(screen.getByText('Saved.')).toBeVisible();

    await toggle.click();
    await save.click();
    expect(vault.calls.filter((call) => call.method === 'updateSettings').map((call) => call.args[0])).toEqual([
      { wipeAfterFailedUnlocks: 5 },
      { wipeAfterFailedUnlocks: null },
    ]);
  });
});

describe('panic wipe', () => {
  it('needs the exact English word, warns it is irreversible, and returns to first run', async () => {
    const { screen, vault } = await openSettings();
    await expect.element(screen.getByText('This cannot be undone. Nothing can bring the vault back.')).toBeVisible();
    const word = screen.getByLabelText('To confirm, type “WIPE”');
    const wipe = screen.getByRole('button', { name: 'Wipe this vault now' });
    for (const wrong of ['', 'wipe', 'WIP', 'مسح', 'WIPE IT']) {
      await word.fill(wrong);
      await expect.element(wipe).toBeDisabled();
    }
    await word.fill(' WIPE ');
    await expect.element(wipe).toBeEnabled();
    await wipe.click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Welcome to Sijill' })).toBeVisible();
    expect(vault.calls.filter((call) => call.method === 'panicWipe')).toHaveLength(1);
  });

  it('needs the Arabic word in Arabic', async () => {
    const { screen } = await openSettings({}, 'ar');
    const word = screen.getByLabelText('للتأكيد، اكتب كلمة «مسح»');
    const wipe = screen.getByRole('button', { name: 'امسح هذه الخزنة الآن' });
    await word.fill('WIPE');
    await expect.element(wipe).toBeDisabled();
    await word.fill('مسح');
    await wipe.click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'مرحبًا بك في سجل' })).toBeVisible();
  });

  it('reports a wipe that did not finish', async () => {
    const { screen } = await openSettings({ failing: ['panicWipe'] });
    await screen.getByLabelText('To confirm, type “WIPE”').fill('WIPE');
    await screen.getByRole('button', { name: 'Wipe this vault now' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The wipe did not finish. Try again at once.');
  });
});
