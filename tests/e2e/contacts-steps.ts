// Steps of the contacts and identity screens shared by the journeys that exchange bundles with a
// partner: take this device's identity card from the identity screen, and add a partner's card
// then mark it verified by the explicit "I compared the fingerprint" step; and both at once
// with a partner whose key the command-line tool's keygen makes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { EXIT } from '../../cli/exit-codes';
import { cli } from '../node/cli/helpers';
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

/**
 * A partner without the app: the tool's keygen makes its key in `work` (partner.sijill-key,
 * label "Partner Lawyers", key-file passphrase KEY_PASS of the CLI helpers); this device's card
 * is written to work/team.sijill-id for the partner, and the partner's card is added here and
 * verified. Returns the partner's fingerprint as keygen printed it.
 */
export async function exchangeCardsWithPartner(page: Page, m: Messages, work: string): Promise<string> {
  const keygen = await cli(work, ['keygen', '--out', 'partner', '--label', 'Partner Lawyers', '--argon2', 'minimum']);
  expect(keygen.code, keygen.err).toBe(EXIT.ok);
  const fingerprint = /^fingerprint ((?:\d{5} ){11}\d{5})$/m.exec(keygen.out)?.[1] ?? '';
  expect(fingerprint).not.toBe('');
  await writeFile(join(work, 'team.sijill-id'), await ownIdentityCard(page, m));
  await addVerifiedContact(page, m, await readFile(join(work, 'partner.sijill-id'), 'utf8'));
  return fingerprint;
}
