// The export engine over the real vault (worker, IndexedDB, libsodium): consent gated per
// testimony and per recipient, unverified and changed-key contacts refused, the bundle read
// back by the partner with the shared reader and its records parsed with shared/exchange, no
// witness name in a pseudonymised bundle, the sender sequence strictly increasing, the audit
// entry written only for a saved bundle.
import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/bundle/encoding';
import { parseExchangeRecord, type ExchangeRecordType } from '../../../shared/exchange';
import { applyPlan, planContact } from '../../../renderer/src/features/contacts';
import { partnerCard, withNewBoxKey } from '../features/contacts/support';
import { deleteTestDatabases, makeUnlockedVault, PASSPHRASE, VAULT_TESTS } from '../vault/support/vault-harness';
import { draftFor, patternBytes, rowLog, sha256Hex, tamper, vaultWithSeams } from '../attachments/support';
import { AttachmentError } from '../../../renderer/src/vault/vault-errors';
import { grantTo, pullAll, readAsPartner, request, seedEntities, seedTestimony, unverifiedPartner, verifiedPartner, WITNESS_NAMES, type ReceivedEntry } from './support';
import { withdrawal } from '../../node/shared/domain/consent-fixtures';
import { witness } from '../../node/shared/domain/samples';
import { newId } from '../../../shared/domain/ids';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import type { ExportRequest } from '../../../renderer/src/vault/export-types';

afterEach(deleteTestDatabases);

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function exportAndSave(client: VaultClient, req: ExportRequest) {
  const begun = await client.exports.begin(req);
  if (!begun.ok) throw new Error(`export refused: ${begun.refusal}`);
  const file = await pullAll(begun.job.chunks());
  const receipt = await begun.job.finish();
  return { started: begun.job.started, file, receipt };
}

function typesOf(entries: readonly ReceivedEntry[]): string[] {
  return entries.map(({ entry }) => entry.type);
}

describe('export engine', VAULT_TESTS, () => {
  it('writes a pseudonymised bundle the partner verifies, with parseable records, no witness name, and an audit entry', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    const photo = patternBytes(150_000);
    await client.attachments.importFile(new Blob([photo]), draftFor({ kind: 'testimony', id: t.id }, 'sketch of the cell.png', 'image/png'));

    const preview = await client.exports.preview(request([t.id], [contact.id], { includeAttachments: true }));
    expect(preview.included.map((i) => i.referenceCode)).toEqual([t.referenceCode]);
    expect(preview.excluded).toEqual([]);
    expect(preview).toMatchObject({ facilities: 1, perpetrators: 1, witnesses: 0, attachments: 1, attachmentBytes: photo.length, entryCount: 5 });

    const { started, file, receipt } = await exportAndSave(client, request([t.id], [contact.id], { includeAttachments: true }));
    expect(file.length).toBe(started.size);
    const own = await client.identity();
    const { bundle, entries } = await readAsPartner(file, partner, own);
    expect(bundle.sender.trust.status).toBe('verified');
    expect(bundle.manifest.bundle_id).toBe(started.bundleId);
    expect(bundle.manifest.redaction).toBe('pseudonymised');
    expect(bundle.manifest.sender_seq).toBe(started.senderSeq);
    expect(typesOf(entries)).toEqual(['facility', 'perpetrator', 'testimony', 'attachment-info', 'attachment']);

    const records = entries.filter(({ entry }) => entry.kind === 'record').map(({ entry, bytes }) => parseExchangeRecord(bytes, entry.type as ExchangeRecordType));
    const testimonyRecord = records.find((r) => r.type === 'testimony');
    expect(testimonyRecord?.id).toBe(t.id);
    expect(testimonyRecord?.type === 'testimony' && testimonyRecord.body.allegations[0]?.perpetratorId).toBe(links.perpetratorId);
    const info = records.find((r) => r.type === 'attachment-info');
    const blob = entries.find(({ entry }) => entry.kind === 'blob');
    expect(info?.type === 'attachment-info' && info.body.entry).toBe(blob?.entry.id);
    expect(blob?.entry.name).toBe('sketch of the cell.png');
    expect(blob?.entry.media_type).toBe('image/png');
    expect(toHex(blob?.bytes ?? new Uint8Array())).toBe(toHex(photo));
    expect(blob?.entry.sha256).toBe(await sha256Hex(photo));

    // Pseudonymised: neither the witness's name nor a witness or consent record anywhere.
    for (const { bytes } of entries.filter(({ entry }) => entry.kind === 'record')) {
      for (const name of WITNESS_NAMES) expect(text(bytes)).not.toContain(name);
    }
    expect(records.some((r) => r.type === 'witness' || r.type === 'consent')).toBe(false);
    // …but the testimony names its witness by pseudonym code.
    expect(testimonyRecord?.type === 'testimony' && testimonyRecord.witness_code).toBe(witness().pseudonymCode);

    const audit = (await client.auditTrail()).rows.filter((row) => row.action === 'export');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toMatchObject({ bundle: started.bundleId, entries: 5, redaction: 'pseudonymised', recipients: receipt.fingerprints, seq: started.senderSeq });
    expect(receipt.fingerprints).toEqual([(await readAsPartnerFingerprint(client, contact.id))]);
    await client.dispose();
  });

  it('evaluates consent per testimony and per recipient, and names each exclusion', async () => {
    const { client } = await makeUnlockedVault();
    const { contact: un } = await verifiedPartner(client, 'UN Working Group');
    const { contact: lawyer } = await verifiedPartner(client, 'Lawyer L.');
    const links = await seedEntities(client);
    const both = await seedTestimony(client, links, [grantTo([un.id, lawyer.id])], 1);
    const withdrawn = await seedTestimony(client, links, [grantTo([un.id, lawyer.id]), withdrawal({ date: '2026-02-01' })], 2);
    const outOfScope = await seedTestimony(client, links, [grantTo([], { scopes: ['internal_archive'] })], 3);
    const onlyUn = await seedTestimony(client, links, [grantTo([un.id])], 4);
    const named = await seedTestimony(client, links, [grantTo([un.id, lawyer.id], { identityDisclosure: 'named', namedDisclosureTo: { contactIds: [un.id, lawyer.id], recipientClasses: [] } })], 5);
    const all = [both.id, withdrawn.id, outOfScope.id, onlyUn.id, named.id];

    const toUn = await client.exports.preview(request(all, [un.id]));
    expect(toUn.included.map((i) => i.id).sort()).toEqual([both.id, onlyUn.id, named.id].sort());

    // One bundle for both: a testimony goes only if every recipient may have it.
    const toBoth = await client.exports.preview(request(all, [un.id, lawyer.id]));
    expect(toBoth.included.map((i) => i.id).sort()).toEqual([both.id, named.id].sort());
    const reasons = Object.fromEntries(toBoth.excluded.map((e) => [e.testimonyId, e.reason]));
    expect(reasons).toEqual({ [withdrawn.id]: 'consent_withdrawn', [outOfScope.id]: 'sharing_not_consented', [onlyUn.id]: 'recipient_not_covered' });
    expect(toBoth.excluded.find((e) => e.testimonyId === onlyUn.id)?.contactId).toBe(lawyer.id);

    // Identified: only the testimony whose witness agreed to be named to both.
    const identified = await client.exports.preview(request(all, [un.id, lawyer.id], { redaction: 'identified' }));
    expect(identified.included.map((i) => i.id)).toEqual([named.id]);
    expect(identified.excluded.find((e) => e.testimonyId === both.id)?.reason).toBe('identity_not_disclosable');
    expect(identified.witnesses).toBe(1);

    // Nothing allowed: refused before anything is reserved or written.
    const seqBefore = (await client.auditTrail()).rows.length;
    const refused = await client.exports.begin(request([withdrawn.id, outOfScope.id], [un.id]));
    expect(refused).toMatchObject({ ok: false, refusal: 'nothing-to-export' });
    expect((await client.auditTrail()).rows.length).toBe(seqBefore);
    await client.dispose();
  });

  it('an identified bundle carries the witness and consent records, after the testimonies', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const named = await seedTestimony(client, links, [grantTo([contact.id], { identityDisclosure: 'named', namedDisclosureTo: { contactIds: [contact.id], recipientClasses: [] } })], 7);
    const { file } = await exportAndSave(client, request([named.id], [contact.id], { redaction: 'identified' }));
    const { bundle, entries } = await readAsPartner(file, partner, await client.identity());
    expect(bundle.manifest.redaction).toBe('identified');
    expect(typesOf(entries)).toEqual(['facility', 'perpetrator', 'testimony', 'witness', 'consent']);
    const witnessRecord = parseExchangeRecord(entries[3]?.bytes ?? new Uint8Array(), 'witness');
    expect(witnessRecord.body.fullName).toBe(WITNESS_NAMES[0]);
    expect(parseExchangeRecord(entries[2]?.bytes ?? new Uint8Array(), 'testimony').witness_code).toBe(witnessRecord.body.pseudonymCode);
    await client.dispose();
  });

  it('includes nothing until a recipient is chosen (consent is about recipients)', async () => {
    const { client } = await makeUnlockedVault();
    const { contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    const none = await client.exports.preview(request([t.id], []));
    expect(none).toMatchObject({ included: [], recipients: [], facilities: 0, perpetrators: 0, attachments: 0, entryCount: 0 });
    expect(await client.exports.begin(request([t.id], []))).toMatchObject({ ok: false, refusal: 'recipients' });
    // A recipient whose contact is gone counts as no recipient, not as "allowed".
    const gone = await client.exports.preview(request([t.id], [contact.id, newId((n) => crypto.getRandomValues(new Uint8Array(n)))]));
    expect(gone.included).toEqual([]);
    expect(gone.recipients.map((r) => r.problem)).toEqual([null, 'not_found']);
    expect((await client.exports.preview(request([t.id], [contact.id]))).included.map((i) => i.id)).toEqual([t.id]);
    await client.dispose();
  });

  it('refuses unverified and changed-key recipients before anything is written', async () => {
    const { client } = await makeUnlockedVault();
    const { identity, contact } = await verifiedPartner(client, 'Lawyer L.');
    const stranger = await unverifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id, stranger.id])], 1);

    const unverified = await client.exports.begin(request([t.id], [contact.id, stranger.id]));
    expect(unverified.ok).toBe(false);
    if (!unverified.ok) {
      expect(unverified.refusal).toBe('recipients');
      expect(unverified.preview?.recipients.find((r) => r.contactId === stranger.id)?.problem).toBe('unverified');
    }

    const { card } = await partnerCard('Lawyer L. (new laptop)', await withNewBoxKey(identity));
    const changed = await applyPlan(client, await planContact(client, card));
    expect(changed.id).toBe(contact.id);
    const afterChange = await client.exports.begin(request([t.id], [contact.id]));
    expect(afterChange.ok).toBe(false);
    if (!afterChange.ok) expect(afterChange.preview?.recipients[0]?.problem).toBe('key_changed');
    expect((await client.auditTrail()).rows.some((row) => row.action === 'export')).toBe(false);
    await client.dispose();
  });

  it('refuses to export a damaged attachment: nothing is reserved, written or audited', async () => {
    const log = rowLog();
    const { client, databaseName } = await vaultWithSeams(log.seams);
    const { contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    const info = await client.attachments.importFile(new Blob([patternBytes(200_000)]), draftFor({ kind: 'testimony', id: t.id }));
    await tamper(databaseName, async (chunks) => {
      const id = log.rowId(info.id, 1);
      const row = await chunks.get(id);
      if (!row) throw new Error('row not found');
      const body = row.body.slice();
      body[100] = (body[100] ?? 0) ^ 1;
      await chunks.put({ id, body });
    });
    const error = await client.exports.begin(request([t.id], [contact.id], { includeAttachments: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((await client.auditTrail()).rows.some((row) => row.action === 'export')).toBe(false);
    // Without the attachment the same testimony still goes, with the first sequence number.
    const retry = await client.exports.begin(request([t.id], [contact.id]));
    expect(retry.ok && retry.job.started.senderSeq).toBe(1);
    if (retry.ok) await retry.job.abort();
    await client.dispose();
  });

  it('takes a strictly increasing sender sequence, and a cancelled export is not audited', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    // Larger than one pull, so leaving the loop after the first piece cancels mid-file.
    await client.attachments.importFile(new Blob([patternBytes(2_500_000)]), draftFor({ kind: 'testimony', id: t.id }, 'recording.webm', 'audio/webm;codecs=opus'));
    const first = await exportAndSave(client, request([t.id], [contact.id]));

    // Cancelled after it began: the job is gone, nothing is audited.
    const cancelled = await client.exports.begin(request([t.id], [contact.id], { includeAttachments: true }));
    if (!cancelled.ok) throw new Error('expected a job');
    for await (const piece of cancelled.job.chunks()) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    await expect(cancelled.job.finish()).rejects.toThrow();

    // The reserved numbers are in the keyring file: they survive a lock.
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    const second = await exportAndSave(client, request([t.id], [contact.id]));
    expect(cancelled.job.started.senderSeq).toBeGreaterThan(first.started.senderSeq);
    expect(second.started.senderSeq).toBeGreaterThan(cancelled.job.started.senderSeq);
    const own = await client.identity();
    const seqs = [];
    for (const saved of [first, second]) seqs.push((await readAsPartner(saved.file, partner, own)).bundle.manifest.sender_seq);
    expect(seqs[1]).toBeGreaterThan(seqs[0] ?? Infinity);
    expect((await client.auditTrail()).rows.filter((row) => row.action === 'export').map((row) => row.data['seq'])).toEqual([first.started.senderSeq, second.started.senderSeq]);
    await client.dispose();
  });
});

/** The recipient fingerprint as the app shows it (12 groups of 5 digits), from the preview. */
async function readAsPartnerFingerprint(client: VaultClient, contactId: string): Promise<string | null> {
  const preview = await client.exports.preview(request([], [contactId]));
  return preview.recipients[0]?.fingerprint ?? null;
}
