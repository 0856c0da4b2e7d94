// A received testimony keeps the pseudonym code its sender knows the witness by (the testimony
// record's `witness_code`, docs/bundle-format.md §16): a pseudonymised bundle carries no witness
// record, so the code is all the partner has, and it is kept in the testimony's provenance. A
// bundle whose witness record bears another code than the testimony names is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentity, type DeviceIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import type { ExchangeRecordInput } from '../../../shared/exchange';
import { testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { IDS, witness } from '../../node/shared/domain/samples';
import { defined, deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { addPartner, caseFile, exchange, openedFile, ourRecipient, sealBundle, type TestBlob } from './support';

afterEach(deleteTestDatabases);

/**
 * The case file's records, its testimony naming witness `IDS.witness` by `code`; with `carried`,
 * that witness record too (before the attachment-info, in bundle order).
 */
async function namedByCode(code: string, carried?: ExchangeRecordInput): Promise<{ records: ExchangeRecordInput[]; blobs: TestBlob[] }> {
  const { records, blobs } = await caseFile();
  const named = records.flatMap((record) => {
    if (record.type === 'testimony') return [{ ...record, body: { ...record.body, witnessId: IDS.witness }, witness_code: code } as ExchangeRecordInput];
    if (record.type === 'attachment-info' && carried) return [carried, record];
    return [record];
  });
  return { records: named, blobs };
}

async function partnerOf(client: VaultClient): Promise<DeviceIdentity> {
  const partner = createIdentity(await getSodium(), undefined);
  await addPartner(client, partner);
  return partner;
}

describe('witness pseudonym code of a received testimony', VAULT_TESTS, () => {
  it('keeps the code of a pseudonymised testimony in its provenance', async () => {
    const { client } = await makeUnlockedVault();
    const partner = await partnerOf(client);
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, ...(await namedByCode('W-0042')) });
    const imports = defined(client.imports, 'imports');
    const opened = await imports.open(openedFile(bytes));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    expect(await imports.merge(opened.summary.importId)).toMatchObject({ ok: true });

    const testimony = defined((await client.records.list(testimonyKind)).records[0]);
    // The sender's witness id resolves to nothing here and is dropped; the code stays.
    expect(testimony.body.witnessId).toBeUndefined();
    const provenance = defined(await imports.provenance('testimony', testimony.id));
    expect(provenance.map((p) => p.witnessCode)).toEqual(['W-0042']);
    await client.dispose();
  });

  it('refuses a bundle whose witness record bears another code than its testimony names, and merges a matching one', async () => {
    const { client } = await makeUnlockedVault();
    const partner = await partnerOf(client);
    const us = await ourRecipient(client);
    const imports = defined(client.imports, 'imports');
    const witnessRecord = exchange('witness', IDS.witness, { ...witness(), pseudonymCode: 'W-0042' });

    const mismatched = await sealBundle({ sender: partner, recipients: [us], seq: 1, ...(await namedByCode('W-0007', witnessRecord)) });
    expect(await imports.open(openedFile(mismatched))).toEqual({ ok: false, problem: 'invalid-records', code: 'witness-code-mismatch' });
    expect((await client.records.list(testimonyKind)).records).toEqual([]);

    const matching = await sealBundle({ sender: partner, recipients: [us], seq: 2, ...(await namedByCode('W-0042', witnessRecord)) });
    const opened = await imports.open(openedFile(matching));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    expect(await imports.merge(opened.summary.importId)).toMatchObject({ ok: true });
    const testimony = defined((await client.records.list(testimonyKind)).records[0]);
    expect(testimony.body.witnessId).toBeDefined();
    expect(defined(await imports.provenance('testimony', testimony.id)).map((p) => p.witnessCode)).toEqual(['W-0042']);
    await client.dispose();
  });

  it('refuses a bundle that says it is pseudonymised but carries a witness record, and merges nothing', async () => {
    const { client } = await makeUnlockedVault();
    const partner = await partnerOf(client);
    const witnessRecord = exchange('witness', IDS.witness, { ...witness(), pseudonymCode: 'W-0042' });
    const contents = await namedByCode('W-0042', witnessRecord);
    const lying = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 1, redaction: 'pseudonymised', ...contents });
    const imports = defined(client.imports, 'imports');
    expect(await imports.open(openedFile(lying))).toEqual({ ok: false, problem: 'invalid-records', code: 'redaction-mismatch' });
    expect((await client.records.list(testimonyKind)).records).toEqual([]);
    await client.dispose();
  });
});
