// Import of partner bundles over the real vault (worker, IndexedDB, libsodium): a bundle made
// here with shared/bundle writeBundle and shared/exchange records from a synthetic, verified
// partner merges with provenance and local ids; every refusal (replay, unknown signer, changed
// key, another recipient, a flipped byte) changes nothing and leaves no attachment rows.
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { facilityKind, perpetratorKind, testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import { testimonySummarySchema } from '../../../renderer/src/features/records/testimony-summary';
import type { ImportRepository } from '../../../renderer/src/vault/client-import';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { ReceivedRecordError } from '../../../renderer/src/vault/vault-errors';
import { IDS } from '../../node/shared/domain/samples';
import { withNewBoxKey } from '../features/contacts/support';
import { defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { addPartner, caseFile, openedFile, ourRecipient, sealBundle } from './support';

afterEach(deleteTestDatabases);

const imports = (client: VaultClient): ImportRepository => defined(client.imports, 'imports');

async function counts(client: VaultClient) {
  const [t, f, p] = await Promise.all([client.records.list(testimonyKind), client.records.list(facilityKind), client.records.list(perpetratorKind)]);
  return { testimonies: t.records.length, facilities: f.records.length, perpetrators: p.records.length };
}

/** Attachment chunk rows and pending markers on disk. */
async function attachmentRows(name: string): Promise<{ chunks: number; pending: number }> {
  const dump = await dumpDatabase(name);
  return { chunks: dump['chunks']?.length ?? 0, pending: dump['blobs']?.length ?? 0 };
}

async function importActions(client: VaultClient): Promise<unknown[]> {
  return (await client.auditTrail()).rows.filter((row) => row.action === 'import').map((row) => row.data);
}

describe('bundle import', VAULT_TESTS, () => {
  it('merges a verified partner bundle with local ids, provenance and the attachment; a replay changes nothing', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const file = await caseFile();
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 5, ...file });

    const progress: number[] = [];
    const opened = await imports(client).open(openedFile(bytes), (p) => progress.push(p.bytes));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    expect(opened.summary.trust).toBe('verified');
    expect(opened.summary.canMerge).toBe(true);
    expect(opened.summary.records).toEqual({ facility: 1, perpetrator: 1, testimony: 1, 'attachment-info': 1 });
    expect(opened.summary.blobs).toBe(1);
    expect(opened.summary.sender.fingerprint).toMatch(/^\d{5}( \d{5}){11}$/);
    // Quarantine: the blob is stored encrypted as a pending attachment, nothing is merged yet.
    expect(await counts(client)).toEqual({ testimonies: 0, facilities: 0, perpetrators: 0 });
    expect((await attachmentRows(databaseName)).pending).toBe(1);

    const merged = await imports(client).merge(opened.summary.importId);
    expect(merged).toMatchObject({ ok: true, counts: { created: 3, updated: 0, unchanged: 0, attachments: 1 } });
    expect(await attachmentRows(databaseName)).toEqual({ chunks: 4, pending: 0 });

    const testimony = defined((await client.records.list(testimonyKind)).records[0]);
    const facility = defined((await client.records.list(facilityKind)).records[0]);
    const perpetrator = defined((await client.records.list(perpetratorKind)).records[0]);
    // Never the sender's ids; links point at the local copies.
    expect([testimony.id, facility.id, perpetrator.id]).not.toContain(IDS.testimony);
    expect(testimony.id).not.toBe(IDS.testimony);
    expect(testimony.body.referenceCode).toBe('T-2026-0042');
    expect(testimony.body.detentionEpisodes[0]?.facilityId).toBe(facility.id);
    expect(testimony.body.allegations[0]?.perpetratorId).toBe(perpetrator.id);
    expect(perpetrator.body.positions[0]?.facilityId).toBe(facility.id);
    expect(perpetrator.body.names[0]?.source.testimonyId).toBe(testimony.id);

    const listing = await client.attachments.list({ kind: 'testimony', id: testimony.id });
    expect(listing.attachments.map((a) => [a.id, a.name, a.size])).toEqual([[defined(testimony.body.attachmentIds[0]), 'drawing of the cell.png', 200_000]]);
    expect((await client.attachments.verify(testimony.body.attachmentIds[0] ?? '')).sha256).toBe(listing.attachments[0]?.sha256);

    const provenance = defined(await imports(client).provenance('testimony', testimony.id));
    expect(provenance).toEqual([
      expect.objectContaining({ bundleId: opened.summary.bundleId, senderLabel: 'Partner legal team', senderFingerprint: opened.summary.sender.fingerprint, verified: true, senderRecordId: IDS.testimony, senderVersion: 3, localVersion: 1 }),
    ]);
    expect(await imports(client).provenance('testimony', IDS.testimony)).toBeNull();

    // The same bundle again: refused as a replay, nothing changes.
    const again = await imports(client).open(openedFile(bytes));
    expect(again).toEqual({ ok: false, problem: 'replayed', code: 'replayed' });
    expect(await counts(client)).toEqual({ testimonies: 1, facilities: 1, perpetrators: 1 });
    expect(await attachmentRows(databaseName)).toEqual({ chunks: 4, pending: 0 });
    expect(await importActions(client)).toEqual([
      expect.objectContaining({ bundle: opened.summary.bundleId, result: 'merged', created: 3, attachments: 1 }),
      expect.objectContaining({ result: 'replayed' }),
    ]);
    expect((await client.auditTrail()).warning).toBeNull();
    await client.dispose();
  });

  it('keeps received testimonies read-only; a later bundle becomes their next version', async () => {
    const { client } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const us = await ourRecipient(client);
    const first = await imports(client).open(openedFile(await sealBundle({ sender: partner, recipients: [us], seq: 1, ...(await caseFile(3)) })));
    if (!first.ok) throw new Error(first.problem);
    await imports(client).merge(first.summary.importId);
    const testimony = defined((await client.records.list(testimonyKind)).records[0]);

    await expect(client.records.update(testimonyKind, testimony.id, { ...testimony.body, summary: 'edited' }, testimony.version)).rejects.toBeInstanceOf(ReceivedRecordError);
    await expect(client.records.delete(testimonyKind, testimony.id, testimony.version)).rejects.toBeInstanceOf(ReceivedRecordError);

    const later = await caseFile(4);
    const second = await imports(client).open(openedFile(await sealBundle({ sender: partner, recipients: [us], seq: 2, records: later.records.slice(0, 3) })));
    if (!second.ok) throw new Error(`${second.problem} ${second.code}`);
    expect(await imports(client).merge(second.summary.importId)).toMatchObject({ ok: true, counts: { created: 0, updated: 3, unchanged: 0, attachments: 0 } });
    const history = await client.records.history(testimonyKind, testimony.id);
    expect(history.map((v) => v.version)).toEqual([1, 2]);
    // The attachment received before is still linked (its id maps to the same local attachment).
    expect(history[1]?.body.attachmentIds).toEqual(testimony.body.attachmentIds);
    const provenance = defined(await imports(client).provenance('testimony', testimony.id));
    expect(provenance.map((p) => [p.senderVersion, p.localVersion, p.bundleId])).toEqual([
      [3, 1, first.summary.bundleId],
      [4, 2, second.summary.bundleId],
    ]);
    expect(await counts(client)).toEqual({ testimonies: 1, facilities: 1, perpetrators: 1 });
    // Both merges wrote each version's summary, as a save does: listing rebuilds none.
    const summaries = await client.records.listSummaries(testimonyKind, (input) => testimonySummarySchema.parse(input));
    expect(summaries.records.map((r) => [r.id, r.version, r.body.referenceCode])).toEqual([[testimony.id, 2, testimony.body.referenceCode]]);
    expect((await client.auditTrail()).rows.filter((row) => row.action === 'record.summaries')).toEqual([]);
    await client.dispose();
  });

  it('lets an unknown signer be inspected but never merged, and stores none of its blobs', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const stranger = createIdentity(await getSodium(), undefined);
    const bytes = await sealBundle({ sender: stranger, label: 'Unknown sender', recipients: [await ourRecipient(client)], seq: 1, ...(await caseFile()) });
    const opened = await imports(client).open(openedFile(bytes));
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.summary).toMatchObject({ trust: 'unverified', canMerge: false, sender: { label: 'Unknown sender' }, records: { testimony: 1 }, blobs: 1 });
    expect(await attachmentRows(databaseName)).toEqual({ chunks: 0, pending: 0 });
    expect(await imports(client).merge(opened.summary.importId)).toEqual({ ok: false, problem: 'untrusted-signer', code: 'signer-unverified' });
    expect(await counts(client)).toEqual({ testimonies: 0, facilities: 0, perpetrators: 0 });

    // An unverified contact is no better than a stranger.
    await addPartner(client, stranger, false);
    const again = await imports(client).open(openedFile(bytes));
    expect(again.ok && again.summary.canMerge).toBe(false);
    await client.dispose();
  });

  it('refuses a contact whose key changed, and a bundle sealed for someone else', async () => {
    const { client } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const changed = await withNewBoxKey(partner);
    const opened = await imports(client).open(openedFile(await sealBundle({ sender: changed, recipients: [await ourRecipient(client)], seq: 1, ...(await caseFile()) })));
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.summary).toMatchObject({ trust: 'key-changed', canMerge: false });
    expect(await imports(client).merge(opened.summary.importId)).toMatchObject({ ok: false, problem: 'key-changed' });

    const someoneElse = createIdentity(await getSodium(), undefined);
    const other = { label: 'other', signPublicKey: someoneElse.signPublicKey, boxPublicKey: someoneElse.boxPublicKey };
    const notOurs = await imports(client).open(openedFile(await sealBundle({ sender: partner, recipients: [other], seq: 2, ...(await caseFile()) })));
    expect(notOurs).toEqual({ ok: false, problem: 'not-for-us', code: 'not-a-recipient' });
    expect(await counts(client)).toEqual({ testimonies: 0, facilities: 0, perpetrators: 0 });
    await client.dispose();
  });

  it('refuses a flipped byte with nothing merged and no attachment rows left', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, ...(await caseFile(3, 300_000)) });
    // In the last chunk: the blob's first chunks are already pending when the damage is found.
    const flipped = bytes.slice();
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 1;
    expect(await imports(client).open(openedFile(flipped))).toEqual({ ok: false, problem: 'damaged', code: 'payload-auth-failed' });
    expect(await attachmentRows(databaseName)).toEqual({ chunks: 0, pending: 0 });
    expect(await counts(client)).toEqual({ testimonies: 0, facilities: 0, perpetrators: 0 });

    // The intact bundle still imports (the damaged one was not recorded as seen).
    const opened = await imports(client).open(openedFile(bytes));
    expect(opened.ok).toBe(true);
    if (opened.ok) await imports(client).discard(opened.summary.importId);
    expect(await attachmentRows(databaseName)).toEqual({ chunks: 0, pending: 0 });
    await client.dispose();
  });

  it('refuses a testimony whose facility link the bundle does not carry', async () => {
    const { client } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const file = await caseFile();
    const opened = await imports(client).open(openedFile(await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, records: file.records.slice(1, 3) })));
    expect(opened).toEqual({ ok: false, problem: 'invalid-records', code: 'missing-position-facility' });
    expect(await counts(client)).toEqual({ testimonies: 0, facilities: 0, perpetrators: 0 });
    await client.dispose();
  });
});
