// Steps of the vault journeys, driven the way a person would: labels and buttons by their
// visible names (English unless a step says otherwise).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits until the level-1 heading reads `text`. */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 30_000 }).toBe(text);
}

/** From the welcome screen: creates a vault; returns the recovery key when one was asked for (and confirms it is stored). */
export async function createVault(page: Page, passphrase: string, options: { recoveryKey?: boolean; keepRecoveryScreen?: boolean } = {}): Promise<string | null> {
  await page.getByRole('button', { name: 'Create a vault' }).click();
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type the new passphrase again').fill(passphrase);
  if (options.recoveryKey) await page.getByLabel('Also create a recovery key').check();
  await page.getByRole('button', { name: 'Create the vault' }).click();
  if (!options.recoveryKey) {
    await expectHeading(page, 'The vault is open');
    return null;
  }
  await expectHeading(page, 'Your recovery key');
  const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  if (!options.keepRecoveryScreen) await confirmRecoveryKey(page);
  return key;
}

/** On the recovery key screen: "I have stored it safely", then Continue. */
export async function confirmRecoveryKey(page: Page): Promise<void> {
  await page.getByLabel('I have stored the recovery key safely').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHeading(page, 'The vault is open');
}

/** Locks with the keyboard shortcut. */
export async function lockWithShortcut(page: Page): Promise<void> {
  await page.keyboard.press('Control+l');
  await expectHeading(page, 'Sijill is locked');
}

/** On the lock screen: types `passphrase` and presses Unlock. */
export async function submitPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Opens a section of the open vault from the header. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}
