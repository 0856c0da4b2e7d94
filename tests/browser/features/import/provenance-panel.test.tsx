// A testimony received in a partner bundle, opened in the testimony screen over the real vault:
// the provenance panel names the sender, its fingerprint (left to right, also in Arabic), the
// bundle id and whether the signer was verified, and the testimony is read-only: every field
// is read-only or disabled, and there is no save, status, amend, add or attach control.
import { afterEach, describe, expect, it } from 'vitest';
import { testimonyKind } from '../../../../renderer/src/features/records/record-kinds';
import { TestimonyScreen } from '../../../../renderer/src/features/testimony/editor/testimony-screen';
import { ar } from '../../../../renderer/src/i18n/ar';
import { en } from '../../../../renderer/src/i18n/en';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { addPartner, caseFile, openedFile, ourRecipient, sealBundle } from '../../import/support';
import { createIdentity } from '../../../../shared/crypto/identity';
import { getSodium } from '../../../../shared/crypto/sodium';
import type { ExchangeRecordInput } from '../../../../shared/exchange';
import { IDS } from '../../../node/shared/domain/samples';
import { defined, deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../../vault/support/vault-harness';
import { cleanUp } from '../feature-support';
import { partnerBundle, renderImportUi } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

/** Imports a verified partner's bundle through the vault; returns the received testimony's id and the summary. */
async function received(client: VaultClient) {
  const { partner, bytes } = await partnerBundle(client);
  await addPartner(client, partner);
  const imports = defined(client.imports, 'imports');
  const opened = await imports.open(openedFile(bytes));
  if (!opened.ok) throw new Error(`refused: ${opened.problem}`);
  const merged = await imports.merge(opened.summary.importId);
  if (!merged.ok) throw new Error(`not merged: ${merged.problem}`);
  const testimony = defined((await client.records.list(testimonyKind)).records[0], 'received testimony');
  return { id: testimony.id, summary: opened.summary };
}

/**
 * Controls in the testimony form that would accept input. `:read-write` and `:enabled` follow
 * the browser's own rules (readonly, disabled, and a disabled fieldset around a control).
 */
function editableControls(): string[] {
  const form = document.querySelector('form');
  if (!form) throw new Error('no testimony form');
  const open = form.querySelectorAll('input:read-write, textarea:read-write, select:enabled, input[type="checkbox"]:enabled, input[type="radio"]:enabled');
  return [...open].map((element) => element.outerHTML.slice(0, 120));
}

describe('provenance of a received testimony', VAULT_TESTS, () => {
  for (const [language, m] of [['en', en], ['ar', ar]] as const) {
    it(`shows sender, fingerprint and bundle, and offers no way to edit (${language})`, async () => {
      const { client } = await makeUnlockedVault();
      const { id, summary } = await received(client);
      const { screen } = await renderImportUi(<TestimonyScreen testimonyId={id} onBack={() => undefined} />, client, language);

      const panel = screen.getByRole('region', { name: m.import.provenance.title });
      await expect.element(panel, { timeout: 30_000 }).toBeVisible();
      await expect.element(panel.getByText(m.import.provenance.readOnly)).toBeVisible();
      await expect.element(panel.getByText('Partner legal team', { exact: true })).toBeVisible();
      await expect.element(panel.getByText(summary.sender.fingerprint, { exact: true })).toBeVisible();
      await expect.element(panel.getByText(summary.sender.fingerprint, { exact: true })).toHaveAttribute('dir', 'ltr');
      await expect.element(panel.getByText(summary.bundleId, { exact: true })).toBeVisible();
      await expect.element(panel.getByText(m.import.provenance.verified)).toBeVisible();

      // Read-only: the narrative is there to read, nothing accepts input, no edit actions.
      const narrative = screen.getByLabelText(m.testimony.account.narrative, { exact: true });
      await expect.element(narrative).toHaveAttribute('readonly');
      expect(document.querySelectorAll('form input, form textarea, form select').length).toBeGreaterThan(10);
      expect(editableControls()).toEqual([]);
      for (const name of [m.testimony.editor.saveNow, m.testimony.allegations.add, m.testimony.episodes.add, m.testimony.sessions.add, m.testimony.status.amend]) {
        expect(screen.getByRole('button', { name, exact: true }).elements()).toEqual([]);
      }
      expect(document.querySelectorAll('.autosave').length).toBe(0);
      expect(document.querySelectorAll('section.attachment-panel input[type="file"]').length).toBe(0);
      await client.dispose();
    });
  }

  it('shows the pseudonym code the sender names the witness by, left to right (ar)', async () => {
    const { client } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    const { records, blobs } = await caseFile();
    const named = records.map((record) => (record.type === 'testimony' ? ({ ...record, body: { ...record.body, witnessId: IDS.witness }, witness_code: 'W-0042' } as ExchangeRecordInput) : record));
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, records: named, blobs });
    await addPartner(client, partner);
    const imports = defined(client.imports, 'imports');
    const opened = await imports.open(openedFile(bytes));
    if (!opened.ok) throw new Error(`refused: ${opened.problem}`);
    expect(await imports.merge(opened.summary.importId)).toMatchObject({ ok: true });
    const id = defined((await client.records.list(testimonyKind)).records[0]).id;
    const { screen } = await renderImportUi(<TestimonyScreen testimonyId={id} onBack={() => undefined} />, client, 'ar');

    const panel = screen.getByRole('region', { name: ar.import.provenance.title });
    await expect.element(panel, { timeout: 30_000 }).toBeVisible();
    await expect.element(panel.getByText(ar.import.provenance.witnessCode, { exact: true })).toBeVisible();
    await expect.element(panel.getByText('W-0042', { exact: true })).toHaveAttribute('dir', 'ltr');
    await client.dispose();
  });
});
