// Import hardening found in the security review of issue 6, over the real vault (worker,
// IndexedDB, libsodium): the importer's own record types cannot be forged from outside the
// importer, a partner's attachment names cannot carry control or bidi characters into the vault,
// and a hostile entry type cannot corrupt the quarantine summary.
import { afterEach, describe, expect, it } from 'vitest';
import { recordEntry, writeBundle } from '../../../shared/bundle';
import { concatBytes } from '../../../shared/crypto/bytes';
import { createIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import type { ImportRepository } from '../../../renderer/src/vault/client-import';
import type { RecordKind, VaultClient } from '../../../renderer/src/vault/vault-client';
import { ReceivedRecordError } from '../../../renderer/src/vault/vault-errors';
import { defined, deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { addPartner, caseFile, openedFile, ourRecipient, sealBundle } from './support';

afterEach(deleteTestDatabases);

const imports = (client: VaultClient): ImportRepository => defined(client.imports, 'imports');

/** A record kind of any type, as a caller outside the importer could name it. */
const kindOf = (type: string): RecordKind<unknown> => ({ type, compartment: 'general', parse: (input) => input });

describe('import hardening', VAULT_TESTS, () => {
  it('refuses to create the import ledger or provenance from outside the importer (a second, empty ledger would reset the replay check)', async () => {
    const { client } = await makeUnlockedVault();
    await expect(client.records.create(kindOf('import-ledger'), { f: 1, seen: [], received: {} })).rejects.toBeInstanceOf(ReceivedRecordError);
    await expect(client.records.create(kindOf('received-provenance'), { recordId: 'x' })).rejects.toBeInstanceOf(ReceivedRecordError);
    expect((await client.records.list(kindOf('import-ledger'))).records).toEqual([]);
    await client.dispose();
  });

  it("stores a partner's attachment name and author as labels: no bidi or control characters", async () => {
    const { client } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    const file = await caseFile();
    // The attachment-info record (not the manifest label, which the format already checks)
    // names the file with a right-to-left override that would make "...gnp.exe" read "...exe.png".
    const records = file.records.map((record) =>
      record.type === 'attachment-info' ? { ...record, body: { ...record.body, name: 'photo\u202Egnp.exe\u0007', media_type: 'image/png\u2066', added_by: 'Field\u200F team' } } : record,
    );
    const opened = await imports(client).open(openedFile(await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, records, blobs: file.blobs })));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    expect(await imports(client).merge(opened.summary.importId)).toMatchObject({ ok: true });
    const testimony = defined((await client.records.list(testimonyKind)).records[0]);
    const [attachment] = (await client.attachments.list({ kind: 'testimony', id: testimony.id })).attachments;
    expect([attachment?.name, attachment?.mediaType, attachment?.addedBy]).toEqual(['photognp.exe', 'image/png', 'Field team']);
    await client.dispose();
  });

  it('counts a hostile entry type named like an Object member from zero in the quarantine summary', async () => {
    const { client } = await makeUnlockedVault();
    const stranger = createIdentity(await getSodium(), undefined);
    const s = await getSodium();
    const written = await writeBundle({
      sender: stranger,
      senderLabel: 'Unknown sender',
      recipients: [{ kind: 'identity', identity: await ourRecipient(client) }],
      entries: [await recordEntry({ id: s.randombytes_buf(16), type: 'constructor', json: '{}' }), await recordEntry({ id: s.randombytes_buf(16), type: 'tostring', json: '{}' })],
      senderSeq: 1,
      redaction: 'pseudonymised',
      auditCheckpoint: { seq: 1, head: new Uint8Array(32) },
    });
    const parts: Uint8Array[] = [];
    for await (const chunk of written.chunks) parts.push(chunk);
    const bytes = concatBytes(...parts);
    const opened = await imports(client).open(openedFile(bytes));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    expect(opened.summary).toMatchObject({ trust: 'unverified', canMerge: false });
    expect(opened.summary.records).toEqual({ constructor: 1, tostring: 1 });
    await imports(client).discard(opened.summary.importId);
    await client.dispose();
  });
});
