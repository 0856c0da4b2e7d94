// Testimony summaries over the real vault: every save writes the summary row in the same
// transaction as the testimony (a save that fails writes neither); unlock lists summaries;
// a missing or stale summary is rebuilt from the full body and written back; and the summary
// row, like every row, holds no plaintext at rest.
import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId, testimonyKind } from '../../../../renderer/src/features/records/record-kinds';
import { testimonySummarySchema } from '../../../../renderer/src/features/records/testimony-summary';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { shardOf } from '../../../../renderer/src/vault/worker/head-index';
import { VaultStorageFullError } from '../../../../renderer/src/vault/vault-errors';
import { defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, rawDatabase, VAULT_TESTS } from '../../vault/support/vault-harness';
import { objectIds, openCase, quotaAfter, session, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

const CANARY_LATIN = 'SummaryCanary Saydnaya-4c1d';
const CANARY_ARABIC = 'ملخص كناري صيدنايا';

const ROTATED_PASSPHRASE = 'a new passphrase after a compromise';

const parseSummary = (input: unknown) => testimonySummarySchema.parse(input);

/** Creates a testimony and returns its id and the id of the row its save added beside it. */
async function createWithSummary(client: VaultClient, databaseName: string, narrative: string) {
  const before = await objectIds(databaseName);
  const input = testimonyInput({}, { narrative: { language: 'en', text: narrative }, tags: ['canary'] });
  const id = newRecordId();
  const record = await client.records.create(testimonyKind, { ...input, id, referenceCode: 'T-2026-0001' }, { id });
  const added = [...(await objectIds(databaseName))].filter((row) => !before.has(row));
  return { record, added };
}

describe('testimony summaries', VAULT_TESTS, () => {
  it('are written with the testimony, listed at unlock, and hold none of the heavy text', async () => {
    const harness = await makeUnlockedVault();
    const { client, databaseName } = harness;
    const { record, added } = await createWithSummary(client, databaseName, `${CANARY_LATIN} ${CANARY_ARABIC}`);
    // The testimony row and one summary row, under another random id.
    expect(added).toHaveLength(2);
    expect(added).toContain(record.id);

    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.unreadable).toEqual([]);
    const summary = defined(listed.records[0]);
    expect(summary).toMatchObject({ id: record.id, version: 1, savedAt: record.savedAt });
    expect(summary.body).toMatchObject({ referenceCode: 'T-2026-0001', status: 'draft', narrativeLanguage: 'en', tags: ['canary'] });
    expect(JSON.stringify(summary.body)).not.toContain('SummaryCanary');

    // A new version replaces the summary in the same row; a completed status shows in it.
    const full = await client.records.read(testimonyKind, record.id);
    const updated = await client.records.update(testimonyKind, record.id, { ...full.body, status: 'complete', sessions: [session()] }, 1);
    expect(await objectIds(databaseName)).toEqual(new Set(added));
    const after = defined((await client.records.listSummaries(testimonyKind, parseSummary)).records[0]);
    expect(after).toMatchObject({ version: 2, savedAt: updated.savedAt, body: { status: 'complete', sessionDates: ['2026-01-05'] } });

    // The case file holds the summary; the full body is read on demand.
    const { file } = await openCase(harness);
    expect(file.store.data.testimonies.get(record.id)?.body.status).toBe('complete');
    expect(file.store.data.testimonies.get(record.id)?.interviewDate).toBe('2026-01-05');

    // Deleting the testimony removes its summary too.
    await client.records.delete(testimonyKind, record.id, 2);
    expect([...(await objectIds(databaseName))].filter((row) => added.includes(row))).toEqual([]);
    await client.lock('manual');
  });

  it('are listed in parts that together give every summary once, in head-shard order', async () => {
    const { client } = await makeUnlockedVault();
    const created: string[] = [];
    for (let n = 1; n <= 24; n += 1) {
      const id = newRecordId();
      const input = testimonyInput({}, { narrative: { language: 'ar', text: `شهادة رقم ${n}` } });
      created.push((await client.records.create(testimonyKind, { ...input, id, referenceCode: `T-2026-${String(n).padStart(4, '0')}` }, { id })).id);
    }
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.unreadable).toEqual([]);
    const ids = listed.records.map((r) => r.id);
    expect([...ids].sort()).toEqual([...created].sort());
    // The parts are ranges of head shards asked for in order: the same order as one whole list.
    const shards = ids.map((id) => shardOf(id));
    expect(shards).toEqual([...shards].sort((a, b) => a - b));
    await client.lock('manual');
  });

  it('never writes a summary without its testimony version (a failed save writes neither)', async () => {
    const quota = quotaAfter();
    const { client, databaseName } = await makeUnlockedVault({ engine: { middleware: [quota.middleware] } });
    const { record, added } = await createWithSummary(client, databaseName, 'First version of the account.');
    const full = await client.records.read(testimonyKind, record.id);
    const rowsBefore = await dumpDatabase(databaseName);
    quota.arm(0);
    await expect(client.records.update(testimonyKind, record.id, { ...full.body, tags: ['changed'] }, 1)).rejects.toBeInstanceOf(VaultStorageFullError);
    quota.disarm();
    const rowsAfter = await dumpDatabase(databaseName);
    expect(rowsAfter['objects']).toEqual(rowsBefore['objects']);
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.records.map((r) => [r.id, r.version, r.body.tags])).toEqual([[record.id, 1, ['canary']]]);
    expect(added).toHaveLength(2);
  });

  it('rebuilds a missing or stale summary from the full body and writes it back', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const first = await createWithSummary(client, databaseName, 'An account whose summary goes missing.');
    const second = await createWithSummary(client, databaseName, 'An account whose summary goes stale.');
    const firstSummaryRow = defined(first.added.find((row) => row !== first.record.id));
    const secondSummaryRow = defined(second.added.find((row) => row !== second.record.id));
    // Keep the second summary as it is at version 1, then save version 2 and put the old row back.
    const db = await rawDatabase(databaseName);
    const oldRow: unknown = await db.table('objects').get(secondSummaryRow);
    db.close();
    const full = await client.records.read(testimonyKind, second.record.id);
    await client.records.update(testimonyKind, second.record.id, { ...full.body, tags: ['second version'] }, 1);
    await client.lock('manual');

    const tamper = await rawDatabase(databaseName);
    await tamper.table('objects').delete(firstSummaryRow);
    await tamper.table('objects').put(oldRow);
    tamper.close();

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.unreadable).toEqual([]);
    const byId = new Map(listed.records.map((r) => [r.id, r]));
    expect(byId.get(first.record.id)).toMatchObject({ version: 1, body: { tags: ['canary'] } });
    // The stale copy (version 1) is not believed: the summary comes from version 2's body.
    expect(byId.get(second.record.id)).toMatchObject({ version: 2, body: { tags: ['second version'] } });

    // Written back (audited): the next unlock finds both summaries in place and rebuilds nothing.
    const rebuilds = async () => (await client.auditTrail()).rows.filter((row) => row.action === 'record.summaries').length;
    const rebuilt = await rebuilds();
    expect(rebuilt).toBeGreaterThanOrEqual(1);
    await client.lock('manual');
    const rows = await objectIds(databaseName);
    expect(rows.size).toBe(4); // two testimonies, two summaries
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect((await client.auditTrail()).warning).toBeNull();
    const again = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(again.records.map((r) => r.body.tags).sort()).toEqual([['canary'], ['second version']]);
    expect(await rebuilds()).toBe(rebuilt);
    await client.lock('manual');
  });

  it('are re-wrapped by a compromise rotation and still believed after it (no rebuild)', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const { record, added } = await createWithSummary(client, databaseName, 'An account kept through a key rotation.');
    const summaryRow = defined(added.find((row) => row !== record.id));
    const epochOf = async (id: string) => {
      const db = await rawDatabase(databaseName);
      try {
        return ((await db.table('objects').get(id)) as { epoch: number }).epoch;
      } finally {
        db.close();
      }
    };
    expect(await epochOf(summaryRow)).toBe(1);

    expect(await client.reportCompromised(PASSPHRASE, ROTATED_PASSPHRASE)).toMatchObject({ ok: true });
    // Rotation re-wrapped the summary row in its record's compartment, and retired epoch 1.
    expect(await epochOf(summaryRow)).toBe(2);
    await client.lock('manual');
    expect(await client.unlock(ROTATED_PASSPHRASE)).toEqual({ ok: true });
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed).toMatchObject({ unreadable: [], records: [{ id: record.id, version: 1 }] });
    const actions = (await client.auditTrail()).rows.map((row) => row.action);
    expect(actions).toContain('vault.rotate-complete');
    expect(actions).not.toContain('record.summaries');
    await client.lock('manual');
  });

  it('keeps summaries unreadable at rest (no narrative, reference code or tag in clear)', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    await createWithSummary(client, databaseName, `${CANARY_LATIN} ${CANARY_ARABIC}`);
    await client.lock('manual');
    const dump = JSON.stringify(await dumpDatabase(databaseName), (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false }).decode(value) : value));
    for (const text of ['SummaryCanary', 'صيدنايا', 'T-2026-0001', 'canary', 'narrativeLanguage', 'record-summary', 'testimony']) expect(dump).not.toContain(text);
  });
});
