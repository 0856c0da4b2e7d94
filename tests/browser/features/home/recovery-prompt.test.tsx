/**
 * After a recovery-key unlock the home screen leads with a prompt to choose a new passphrase
 * (the old one may be forgotten), with the form right there; it goes once one is set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_RECOVERY_KEY } from '../../../fakes/fake-vault-client';
import { renderApp } from '../../support/render-app';
import { cleanUp, HYGIENIC, inputHygiene, locked, unlocked } from '../feature-support';

afterEach(cleanUp);

const NEW_PASSPHRASE = 'olive trees by the old stone wall';

describe('home after a recovery-key unlock', () => {
  it('prompts for a new passphrase first, sets it without the old one, then unlocks with it', async () => {
    const { screen, vault } = await renderApp({ fakeVault: { state: locked(), recoveryKey: FAKE_RECOVERY_KEY } });
    await screen.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await screen.getByLabelText('Recovery key', { exact: true }).fill(FAKE_RECOVERY_KEY);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();

    const prompt = screen.getByRole('region', { name: 'The vault was opened with the recovery key' });
    await expect.element(prompt).toBeVisible();
    // First thing after the page's lead paragraph: nobody scrolls past it by accident.
    const section = prompt.element();
    expect(section.previousElementSibling?.classList.contains('screen__lead')).toBe(true);
    expect(inputHygiene()).toEqual(Array(2).fill(expect.objectContaining(HYGIENIC)));

    await screen.getByRole('button', { name: 'Set the new passphrase' }).click();
    await expect.element(screen.getByText('Enter a passphrase.')).toBeVisible();
    await prompt.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await prompt.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: 'Set the new passphrase' }).click();
    await expect.element(screen.getByText('The new passphrase is set. Use it from now on; the recovery key keeps working.')).toBeVisible();
    await expect.element(screen.getByText(/replace it in the settings/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'The vault was opened with the recovery key' }).elements()).toEqual([]);
    expect(vault.calls.filter((call) => call.method === 'setNewPassphraseAfterRecovery').map((call) => call.args)).toEqual([[NEW_PASSPHRASE]]);

    await screen.getByRole('button', { name: 'Lock', exact: true }).click();
    await screen.getByLabelText('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'The vault was opened with the recovery key' }).elements()).toEqual([]);
  });

  it('shows no prompt after a passphrase unlock', async () => {
    const { screen } = await renderApp({ fakeVault: { state: unlocked() } });
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    expect(document.body.textContent).not.toContain('opened with the recovery key');
  });

  it('speaks Arabic, right to left', async () => {
    const { screen } = await renderApp({ language: 'ar', fakeVault: { state: unlocked({ openedWith: 'recovery-key', hasRecoveryKey: true }) } });
    await expect.element(screen.getByRole('region', { name: 'فُتحت الخزنة بمفتاح الاسترداد' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'تعيين عبارة المرور الجديدة' })).toBeVisible();
    expect(document.documentElement.dir).toBe('rtl');
  });
});
