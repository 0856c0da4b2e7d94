// The shell over the REAL vault client: the lock screen's wipe warning comes from the vault's
// own locked state, and a recovery-key unlock leads to choosing a new passphrase from home.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { disposeRealVault, renderWithRealVault } from '../support/render-real-vault';

const PASSPHRASE = 'زيتون قديم قرب الجدار الحجري';
const NEW_PASSPHRASE = 'a fresh passphrase after recovery';

afterEach(disposeRealVault);

type Screen = Awaited<ReturnType<typeof renderWithRealVault>>['screen'];

async function createVault(screen: Screen, withRecoveryKey: boolean): Promise<void> {
  await screen.getByRole('button', { name: 'Create a vault' }).click();
  await screen.getByLabelText('New passphrase', { exact: true }).fill(PASSPHRASE);
  await screen.getByLabelText('Type the new passphrase again').fill(PASSPHRASE);
  if (withRecoveryKey) await screen.getByLabelText('Also create a recovery key').click();
  await screen.getByRole('button', { name: 'Create the vault' }).click();
}

async function unlockWith(screen: Screen, passphrase: string): Promise<void> {
  await screen.getByLabelText('Passphrase', { exact: true }).fill(passphrase);
  await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('the real vault client in the shell', { timeout: 60_000 }, () => {
  it('warns on the lock screen how many attempts are left once wipe-after-N is on', async () => {
    const { screen } = await renderWithRealVault();
    await createVault(screen, false);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    await screen.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await screen.getByLabelText('Wipe this vault after repeated failed unlock attempts').click();
    await screen.getByLabelText('Failed attempts in a row before the wipe').fill('3');
    await screen.getByRole('button', { name: 'Save' }).nth(1).click();
    await expect.element(screen.getByText('Saved.')).toBeVisible();

    await userEvent.keyboard('{Control>}l{/Control}');
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Sijill is locked' })).toBeVisible();
    await expect.element(screen.getByText(/set to wipe itself after 3 failed attempts in a row\. Attempts left before everything on this device is destroyed: 3\./)).toBeVisible();
    await unlockWith(screen, 'a wrong passphrase, long enough');
    await expect.element(screen.getByText(/Attempts left before everything on this device is destroyed: 2\./)).toBeVisible();
    await unlockWith(screen, PASSPHRASE);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
  });

  it('after a recovery-key unlock, sets a new passphrase from home that then opens the vault', async () => {
    const { screen } = await renderWithRealVault();
    await createVault(screen, true);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'Your recovery key' })).toBeVisible();
    const recoveryKey = (screen.getByTestId('recovery-key').element().textContent ?? '').trim();
    await screen.getByLabelText('I have stored the recovery key safely').click();
    await screen.getByRole('button', { name: 'Continue' }).click();
    await userEvent.keyboard('{Control>}l{/Control}');

    await screen.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await screen.getByLabelText('Recovery key', { exact: true }).fill(recoveryKey);
    await screen.getByRole('button', { name: 'Unlock', exact: true }).click();
    const prompt = screen.getByRole('region', { name: 'The vault was opened with the recovery key' });
    await expect.element(prompt).toBeVisible();
    await prompt.getByLabelText('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await prompt.getByLabelText('Type the new passphrase again').fill(NEW_PASSPHRASE);
    await prompt.getByRole('button', { name: 'Set the new passphrase' }).click();
    await expect.element(screen.getByText('The new passphrase is set. Use it from now on; the recovery key keeps working.')).toBeVisible();

    await userEvent.keyboard('{Control>}l{/Control}');
    await unlockWith(screen, PASSPHRASE);
    await expect.element(screen.getByRole('alert')).toHaveTextContent('That passphrase did not open the vault.');
    await unlockWith(screen, NEW_PASSPHRASE);
    await expect.element(screen.getByRole('heading', { level: 1, name: 'The vault is open' })).toBeVisible();
    await screen.getByRole('navigation').getByRole('button', { name: 'Audit trail' }).click();
    await expect.element(screen.getByText(/The chain verifies/)).toBeVisible();
    await expect.element(screen.getByText('Set after unlocking with the recovery key')).toBeVisible();
  });
});
