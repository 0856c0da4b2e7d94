// The import screen over the real vault: a bundle from an unknown signer is checked and shown
// in quarantine (sender, fingerprint, contents) with the reason it cannot be merged, and no way
// to merge it, in English and Arabic; discarding adds nothing. A verified partner's bundle
// merges, the result is shown, and the open case file has the received testimony at once.
import { afterEach, describe, expect, it } from 'vitest';
import { ImportScreen } from '../../../../renderer/src/features/import';
import { ar } from '../../../../renderer/src/i18n/ar';
import { en } from '../../../../renderer/src/i18n/en';
import { testimonyKind } from '../../../../renderer/src/features/records/record-kinds';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { fingerprint, humanFingerprint } from '../../../../shared/bundle';
import type { DeviceIdentity } from '../../../../shared/crypto/identity';
import { addPartner } from '../../import/support';
import { deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../../vault/support/vault-harness';
import { cleanUp } from '../feature-support';
import { partnerBundle, renderImportUi } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const humanOf = async (identity: DeviceIdentity) => humanFingerprint(await fingerprint(identity.signPublicKey, identity.boxPublicKey));

/** Merge buttons a person could press. */
const enabledButtons = (name: string) => [...document.querySelectorAll('button')].filter((button) => button.textContent === name && !button.disabled);

async function importRows(client: VaultClient): Promise<unknown[]> {
  return (await client.auditTrail()).rows.filter((row) => row.action === 'import').map((row) => row.data);
}

describe('import screen', VAULT_TESTS, () => {
  for (const [language, m] of [['en', en], ['ar', ar]] as const) {
    it(`shows an unknown signer's bundle in quarantine, says why it cannot be merged, and discards it (${language})`, async () => {
      const { client } = await makeUnlockedVault();
      const { partner, bytes } = await partnerBundle(client, 'Unknown sender');
      let contacts = 0;
      const { screen, seen } = await renderImportUi(<ImportScreen onOpenContacts={() => (contacts += 1)} />, client, language, bytes);
      await screen.getByRole('button', { name: m.import.choose }).click();

      const summary = screen.getByRole('region', { name: m.import.summary.title });
      await expect.element(summary, { timeout: 30_000 }).toBeVisible();
      await expect.element(summary.getByText('Unknown sender', { exact: true })).toBeVisible();
      await expect.element(summary.getByText(await humanOf(partner), { exact: true })).toBeVisible();
      await expect.element(summary.getByText(m.import.types.testimony.replace('{{count}}', '1'), { exact: true })).toBeVisible();
      await expect.element(summary.getByRole('alert')).toHaveTextContent(m.import.summary.unverified);
      expect(enabledButtons(m.import.summary.merge)).toEqual([]);
      await summary.getByRole('button', { name: m.import.summary.openContacts }).click();
      expect(contacts).toBe(1);

      await summary.getByRole('button', { name: m.import.summary.discard }).click();
      await expect.element(screen.getByRole('status').filter({ hasText: m.import.discarded })).toBeVisible();
      expect((await client.records.list(testimonyKind)).records).toEqual([]);
      expect(seen.testimonies).toEqual([]);
      await client.dispose();
    });
  }

  it('merges a verified partner’s bundle and shows the result; the case file has the testimony', async () => {
    const { client } = await makeUnlockedVault();
    const { partner, bytes } = await partnerBundle(client);
    await addPartner(client, partner);
    const { screen, seen } = await renderImportUi(<ImportScreen onOpenContacts={() => undefined} />, client, 'en', bytes);
    await screen.getByRole('button', { name: en.import.choose }).click();

    const summary = screen.getByRole('region', { name: en.import.summary.title });
    await expect.element(summary.getByText(en.import.summary.verified), { timeout: 30_000 }).toBeVisible();
    await expect.element(summary.getByText(await humanOf(partner), { exact: true })).toBeVisible();
    expect(seen.testimonies).toEqual([]);
    await summary.getByRole('button', { name: en.import.summary.merge }).click();

    await expect
      .element(screen.getByRole('status').filter({ hasText: 'Merged. New records: 3; updated: 0; already up to date: 0; attachments: 1.' }), { timeout: 30_000 })
      .toBeVisible();
    await expect.element(screen.getByRole('button', { name: en.import.another })).toBeVisible();
    await expect.poll(() => seen.testimonies.map((entry) => entry.body.referenceCode)).toEqual(['T-2026-0042']);
    expect(await importRows(client)).toEqual([expect.objectContaining({ result: 'merged', created: 3, attachments: 1 })]);
    await client.dispose();
  });
});
