// Steps of the contacts and identity screens shared by the journeys that exchange bundles with a
// partner: take this device's identity card from the identity screen, and add a partner's card
// then mark it verified by the explicit "I compared the fingerprint" step.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openNav, press, type Messages } from './records-steps';
import { expectHeading } from './vault-steps';

/** This device's identity card, as the identity screen shows it for copying. */
export async function ownIdentityCard(page: Page, m: Messages): Promise<string> {
  await openNav(page, m.contacts.nav);
  await expectHeading(page, m.contacts.title);
  await press(page, m.contacts.openIdentity);
  await expectHeading(page, m.contacts.identity.title);
  const card = page.getByLabel(m.contacts.identity.card, { exact: true });
  await expect.poll(() => card.inputValue(), { timeout: 15_000 }).toContain('BEGIN');
  return card.inputValue();
}

/** Adds a partner from the text of its card and verifies it (fingerprint compared). */
export async function addVerifiedContact(page: Page, m: Messages, cardText: string): Promise<void> {
  await openNav(page, m.contacts.nav);
  await page.getByLabel(m.contacts.add.paste, { exact: true }).fill(cardText);
  await press(page, m.contacts.add.fromText);
  await expect.poll(() => page.getByText(m.contacts.add.added).count(), { timeout: 15_000 }).toBe(1);
  await press(page, m.contacts.verify.open);
  await page.getByLabel(m.contacts.verify.confirm).check();
  await page.locator('.contacts__compare').getByRole('button', { name: m.contacts.verify.open, exact: true }).click();
  await expect.poll(() => page.getByText(m.contacts.verify.done).count(), { timeout: 15_000 }).toBe(1);
}
