// The summary cache (worker/summary-cache.ts) over the real vault: a summaries list leaves one
// sealed row per head shard, and the next unlock is served from it; a cached summary is believed
// only at its record's head version (an older copy put back changes nothing), a deleted
// testimony's shard cache goes in the same commit, a moved or damaged row is read around and
// rebuilt, and the rows hold no plaintext at rest.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disposeKeyring, unlockWithPassphrase } from '../../../../shared/crypto';
import { newRecordId, testimonyKind } from '../../../../renderer/src/features/records/record-kinds';
import { testimonySummarySchema } from '../../../../renderer/src/features/records/testimony-summary';
import type { Id } from '../../../../shared/domain/ids';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { VaultDatabase } from '../../../../renderer/src/vault/worker/database';
import { emptyShard, shardOf } from '../../../../renderer/src/vault/worker/head-index';
import { readList } from '../../../../renderer/src/vault/worker/list-reading';
import { SUMMARY_TYPE } from '../../../../renderer/src/vault/worker/record-summaries';
import { heldRowKeys, sealRow, withRowOpener } from '../../../../renderer/src/vault/worker/sealed-rows';
import { freshCacheRows, openShardCache, summaryCacheId, type CacheRow } from '../../../../renderer/src/vault/worker/summary-cache';
import { BACKGROUND_WAIT, defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, rawDatabase, VAULT_TESTS } from '../../vault/support/vault-harness';
import { objectIds, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

const parseSummary = (input: unknown) => testimonySummarySchema.parse(input);
const CANARY = 'CacheCanary Sednaya-7e2a';

interface RawRow {
  readonly id: string;
  readonly epoch: number;
  readonly key: Uint8Array;
  readonly body: Uint8Array;
}

/** Creates `count` testimonies (Arabic and English accounts, synthetic) and returns them. */
async function createTestimonies(client: VaultClient, count: number) {
  const created = [];
  for (let n = 1; n <= count; n += 1) {
    const id = newRecordId();
    const narrative = n % 2 ? { language: 'ar' as const, text: `${CANARY} شهادة رقم ${n} عن الاحتجاز` } : { language: 'en' as const, text: `${CANARY} account number ${n} of detention` };
    const input = testimonyInput({}, { narrative, tags: [`tag-${n}`] });
    created.push(await client.records.create(testimonyKind, { ...input, id, referenceCode: `T-2026-${String(n).padStart(4, '0')}` }, { id }));
  }
  return created;
}

/** The raw cache rows of `shards` (absent ones left out). */
async function cacheRows(databaseName: string, shards: Iterable<number>): Promise<Map<number, RawRow>> {
  const db = await rawDatabase(databaseName);
  try {
    const out = new Map<number, RawRow>();
    for (const shard of shards) {
      const row = (await db.table('vault').get(summaryCacheId(shard))) as RawRow | undefined;
      if (row) out.set(shard, row);
    }
    return out;
  } finally {
    db.close();
  }
}

/** Waits until every shard of `ids` has a cache row (written just after the list returned). */
async function cacheWritten(databaseName: string, ids: readonly Id[]): Promise<Map<number, RawRow>> {
  const shards = new Set(ids.map((id) => shardOf(id)));
  let rows = new Map<number, RawRow>();
  await vi.waitFor(async () => {
    rows = await cacheRows(databaseName, shards);
    expect(rows.size).toBe(shards.size);
  }, BACKGROUND_WAIT);
  return rows;
}

/** Rows of `objects` that are not records of `ids`: the summary rows. */
async function deleteSummaryRows(databaseName: string, ids: readonly Id[]): Promise<number> {
  const db = await rawDatabase(databaseName);
  try {
    const keys = (await db.table('objects').toCollection().primaryKeys()).map(String).filter((key) => !ids.includes(key));
    await db.table('objects').bulkDelete(keys);
    return keys.length;
  } finally {
    db.close();
  }
}

async function putRaw(databaseName: string, rows: readonly RawRow[]): Promise<void> {
  const db = await rawDatabase(databaseName);
  try {
    await db.table('vault').bulkPut([...rows]);
  } finally {
    db.close();
  }
}

const rebuilds = async (client: VaultClient) => (await client.auditTrail()).rows.filter((row) => row.action === 'record.summaries').length;

describe('the summary cache', VAULT_TESTS, () => {
  it('serves the next unlock from one sealed row per shard, with no plaintext at rest', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 12);
    const ids = created.map((record) => record.id);
    const first = await client.records.listSummaries(testimonyKind, parseSummary);
    await cacheWritten(databaseName, ids);
    await client.lock('manual');

    // The summary rows go: only the cache can give the summaries now.
    expect(await deleteSummaryRows(databaseName, ids)).toBe(12);
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const again = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(again.unreadable).toEqual([]);
    expect(again.records).toEqual(first.records);
    expect(await rebuilds(client)).toBe(0); // nothing was stale, so nothing was rebuilt from a full body
    await client.lock('manual');

    const vault = JSON.stringify((await dumpDatabase(databaseName))['vault'], (_key, value: unknown) =>
      value instanceof Uint8Array ? `${new TextDecoder('utf-8', { fatal: false }).decode(value)}|${new TextDecoder('utf-16le', { fatal: false }).decode(value)}` : value,
    );
    for (const text of ['CacheCanary', 'شهادة', 'T-2026-0001', 'tag-1', 'testimony', 'summary-cache', 'narrativeLanguage']) expect(vault).not.toContain(text);
  });

  it('believes a cached summary only at the head version: an older row put back changes nothing', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 3);
    const target = defined(created[0]);
    await client.records.listSummaries(testimonyKind, parseSummary);
    const old = defined((await cacheWritten(databaseName, created.map((r) => r.id))).get(shardOf(target.id)));

    const full = await client.records.read(testimonyKind, target.id);
    await client.records.update(testimonyKind, target.id, { ...full.body, tags: ['second version'] }, 1);
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.records.find((r) => r.id === target.id)).toMatchObject({ version: 2, body: { tags: ['second version'] } });
    // The shard's cache was rebuilt at the new generation.
    await vi.waitFor(async () => expect((await cacheRows(databaseName, [shardOf(target.id)])).get(shardOf(target.id))?.body).not.toEqual(old.body), BACKGROUND_WAIT);
    await client.lock('manual');

    // The version-1 cache row put back (a replay): version 2 is still what is listed.
    await putRaw(databaseName, [old]);
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const after = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(after.unreadable).toEqual([]);
    expect(after.records.find((r) => r.id === target.id)).toMatchObject({ version: 2, body: { tags: ['second version'] } });
    expect(after.records).toHaveLength(3);
    await client.lock('manual');
  });

  it('loses a deleted testimony with its shard cache, in the same commit', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 4);
    const [gone, ...kept] = created as [(typeof created)[0], ...typeof created];
    await client.records.listSummaries(testimonyKind, parseSummary);
    await cacheWritten(databaseName, created.map((r) => r.id));

    await client.records.delete(testimonyKind, gone.id, 1);
    expect((await cacheRows(databaseName, [shardOf(gone.id)])).size).toBe(0);
    const listed = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(listed.records.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());
    await cacheWritten(databaseName, kept.map((r) => r.id));
    await client.lock('manual');

    // Served from the rebuilt caches alone, the deleted testimony does not come back.
    await deleteSummaryRows(databaseName, kept.map((r) => r.id));
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const again = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(again.records.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());
    await client.lock('manual');
  });

  it('reads around a cache row moved to another shard or damaged, and rebuilds it', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 12);
    const first = await client.records.listSummaries(testimonyKind, parseSummary);
    const rows = await cacheWritten(databaseName, created.map((r) => r.id));
    const [[shardA, rowA], [shardB], [shardC, rowC]] = [...rows] as [[number, RawRow], [number, RawRow], [number, RawRow]];
    await client.lock('manual');

    const damaged = rowC.body.slice();
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0x40;
    const planted = [
      { ...rowA, id: summaryCacheId(shardB) }, // shard A's cache under shard B's id
      { ...rowC, body: damaged },
    ];
    await putRaw(databaseName, planted);
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const again = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(again.unreadable).toEqual([]);
    expect(again.records).toEqual(first.records);
    // Both are rebuilt; shard A's own row was fine and is left as it was.
    await vi.waitFor(async () => {
      const now = await cacheRows(databaseName, [shardA, shardB, shardC]);
      expect(now.get(shardB)?.body).not.toEqual(rowA.body);
      expect(now.get(shardC)?.body).not.toEqual(damaged);
      expect(now.get(shardA)?.body).toEqual(rowA.body);
    }, BACKGROUND_WAIT);
    await client.lock('manual');
  });
});

describe('the summary cache, around writes and rotation', VAULT_TESTS, () => {
  it('is not written for a shard that changed between the list and the write', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 8);
    const [gone, ...kept] = created as [(typeof created)[0], ...typeof created];
    await client.records.listSummaries(testimonyKind, parseSummary);
    // The list's cache rows wait a moment before their write: the delete comes first.
    await client.records.delete(testimonyKind, gone.id, 1);
    const untouched = kept.filter((record) => shardOf(record.id) !== shardOf(gone.id));
    await cacheWritten(databaseName, untouched.map((r) => r.id));
    expect((await cacheRows(databaseName, [shardOf(gone.id)])).size).toBe(0);
    await client.lock('manual');
  });

  it('is re-wrapped by a compromise rotation and still serves the next unlock', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const created = await createTestimonies(client, 6);
    const ids = created.map((r) => r.id);
    const first = await client.records.listSummaries(testimonyKind, parseSummary);
    await cacheWritten(databaseName, ids);
    const rotated = 'a new passphrase after a compromise';
    expect(await client.reportCompromised(PASSPHRASE, rotated)).toMatchObject({ ok: true });
    await client.lock('manual');
    const rows = await cacheRows(databaseName, ids.map((id) => shardOf(id)));
    expect([...rows.values()].map((row) => row.epoch)).toEqual([...rows.values()].map(() => 2));

    await deleteSummaryRows(databaseName, ids);
    expect(await client.unlock(rotated)).toEqual({ ok: true });
    const again = await client.records.listSummaries(testimonyKind, parseSummary);
    expect(again.records).toEqual(first.records);
    expect(await rebuilds(client)).toBe(0);
    await client.lock('manual');
  });

  it('holds and serves general-compartment summaries only', async () => {
    const { client, databaseName, keyring } = await makeUnlockedVault();
    const before = await objectIds(databaseName);
    const [testimony] = await createTestimonies(client, 1);
    const { id } = defined(testimony);
    const summaryRow = defined([...(await objectIds(databaseName))].find((row) => !before.has(row) && row !== id));
    await client.records.listSummaries(testimonyKind, parseSummary);
    await cacheWritten(databaseName, [id]);
    await client.lock('manual');

    const holder = { keyring: await unlockWithPassphrase(defined(keyring.bytes), PASSPHRASE) };
    const keys = heldRowKeys(holder);
    const db = new VaultDatabase(databaseName);
    await db.open();
    try {
      // The cache holds the testimony at version 1, but the entry says witness: its row is read (and fails there).
      const asWitness = (await readList(db, keys, { kind: 'summaries', type: 'testimony', entries: [[id, 'witness', 1, summaryRow]], shards: [[shardOf(id), 1]] })).reply;
      expect(asWitness.stale).toEqual([id]);
      expect(asWitness.chunks).toEqual([]);

      // A summary in the witness compartment is listed from its row and never put in a cache.
      let other = newRecordId();
      while (shardOf(other) === shardOf(id)) other = newRecordId();
      const rowId = newRecordId();
      const content = { type: SUMMARY_TYPE, version: 1, body: { of: other, at: '2026-03-01T10:00:00.000Z', b: { referenceCode: 'T-2026-0042' } } };
      await db.objects.put(await sealRow(keys, { table: 'objects', id: rowId, compartment: 'witness' }, content));
      const listed = await readList(db, keys, { kind: 'summaries', type: 'testimony', entries: [[other, 'witness', 1, rowId]], shards: [[shardOf(other), 3]] });
      expect(listed.reply.stale).toEqual([]);
      expect(JSON.parse(new TextDecoder().decode(defined(listed.reply.chunks[0])))).toMatchObject([{ id: other, compartment: 'witness', version: 1 }]);
      expect(await listed.caches()).toEqual([]);

      // Beside a general one in the same shard, the cache written holds the general one only.
      const both = await readList(db, keys, { kind: 'summaries', type: 'testimony', entries: [[id, 'general', 1, summaryRow], [other, 'witness', 1, rowId]], shards: [[shardOf(id), 1], [shardOf(other), 3]] });
      expect(await both.caches()).toEqual([]); // the general one's cache is exactly right, and the witness one is never cached
      await db.vault.delete(summaryCacheId(shardOf(id)));
      const rebuilt = await (await readList(db, keys, { kind: 'summaries', type: 'testimony', entries: [[id, 'general', 1, summaryRow], [other, 'witness', 1, rowId]], shards: [[shardOf(id), 1], [shardOf(other), 3]] })).caches();
      expect(rebuilt.map((row) => row.shard)).toEqual([shardOf(id)]);
      const opened = await withRowOpener(keys, (opener) => openShardCache(opener, shardOf(id), 'testimony', defined(rebuilt[0]).row));
      expect([...defined(opened).keys()]).toEqual([id]);
    } finally {
      db.close();
      disposeKeyring(holder.keyring);
    }
  });
});

describe('which cache rows are written', () => {
  const row = (shard: number, generation: number, epoch: number): CacheRow => ({ shard, generation, row: { id: summaryCacheId(shard), epoch, key: new Uint8Array(0), body: new Uint8Array(0) } });
  const heads = (generations: readonly number[], broken: readonly number[] = []) => ({
    all: () => generations.map((generation, number) => ({ ...emptyShard(number), generation })),
    broken: new Set(broken),
  });

  it('only rows of a readable shard still at the generation read, sealed under the current epoch', () => {
    const rows = [row(0, 3, 2), row(1, 4, 2), row(2, 1, 2), row(3, 1, 1)];
    // Shard 1 was written since (generation 5), shard 2 is unreadable now, shard 3's row is under a retired epoch.
    expect(freshCacheRows(rows, heads([3, 5, 1, 1], [2]), 2)).toEqual([row(0, 3, 2)]);
    expect(freshCacheRows(rows, heads([3, 4, 1, 1]), 2)).toEqual([row(0, 3, 2), row(1, 4, 2), row(2, 1, 2)]);
    expect(freshCacheRows([row(9, 1, 2)], heads([1]), 2)).toEqual([]); // no such shard
    // A row under any other id (the vault table also holds the settings and the search index) is never written.
    const elsewhere = { ...row(0, 3, 2), row: { ...row(0, 3, 2).row, id: summaryCacheId(1) } };
    expect(freshCacheRows([elsewhere], heads([3, 4]), 2)).toEqual([]);
  });
});
