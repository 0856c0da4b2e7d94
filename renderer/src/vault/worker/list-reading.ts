/**
 * Reading a whole list of records for the UI thread: the rows read from IndexedDB, opened, and
 * packed as JSON chunks. Thread-agnostic: it runs on the list reader thread (list-lane.ts) and,
 * where no such thread can run, in the vault worker itself. What to read is decided by the
 * caller from the head index (record-store.ts); this module never sees the keyring, only the
 * epoch keys it is given (`RowKeys`).
 */
import type { Table } from 'dexie';
import type { Compartment } from '../../../../shared/crypto';
import type { Id } from '../../../../shared/domain/ids';
import type { UnreadableRecord } from '../vault-client';
import { RecordIntegrityError } from '../vault-errors';
import type { DecryptedRecord, PackedRecords } from '../worker-api';
import type { StoredObject, VaultDatabase } from './database';
import { shardOf } from './head-index';
import { openSummary } from './record-summaries';
import { isPlainRecord, withRowOpener, type RowKeys, type RowOpener } from './sealed-rows';
import { openShardCache, sealShardCache, summaryCacheId, type CachedSummary, type CacheRow, type CacheShard, type ShardCache } from './summary-cache';

/** One record to read: its id, compartment and head version (and its summary row, for summaries). */
export type ListedEntry = readonly [id: Id, compartment: Compartment, version: number];
export type SummaryEntry = readonly [id: Id, compartment: Compartment, version: number, summaryRow: Id];

/**
 * A list to read: current versions (optionally cut to `fields`), or summaries. A summaries list
 * names the head shards it covers whole (every live record of its type in them that has a
 * summary row is an entry), with their generations: their summary caches are read, and rebuilt
 * where they differ from the list.
 */
export type ListRequest =
  | { readonly kind: 'current'; readonly type: string; readonly entries: readonly ListedEntry[]; readonly fields?: readonly string[] }
  | { readonly kind: 'summaries'; readonly type: string; readonly entries: readonly SummaryEntry[]; readonly shards: readonly CacheShard[] };

/** The packed list, and (summaries) the records whose summary must be rebuilt from the full body. */
export interface ListReply extends PackedRecords {
  readonly stale: readonly Id[];
}

/**
 * A list read, and the summary cache rows it calls for (summary-cache.ts), sealed only when
 * asked: after the list has been sent, so that sealing them (~300 ms at 10,000 testimonies,
 * when every cache is built) does not delay it. Never throws: no cache rows instead.
 */
export interface ReadList {
  readonly reply: ListReply;
  readonly caches: () => Promise<readonly CacheRow[]>;
}

const NO_CACHES = () => Promise.resolve([]);

/** The compartments a request's rows are in (and general for a summaries list: its caches'): the keys it needs, and no others. */
export function compartmentsOf(request: ListRequest): Compartment[] {
  const compartments = new Set(request.entries.map((entry) => entry[1]));
  if (request.kind === 'summaries') compartments.add('general');
  return [...compartments];
}

/**
 * `bulkGet` of `keys` asked in key order, the rows given back in the caller's order. Row ids are
 * random, so a list in head-index order reads LevelDB at random places; in key order consecutive
 * reads can share blocks. In a scratch test of 10,000 rows of summary size read in 8 parts among
 * 30,000, key order took about 20 % less time than random order; on the kept bench vault the
 * difference is within the noise of unlock → first page.
 */
export async function getInKeyOrder(table: Table<StoredObject, string>, keys: readonly string[]): Promise<(StoredObject | undefined)[]> {
  // IndexedDB orders string keys by UTF-16 code units, as `<` does.
  const asked = keys.map((key, index) => ({ key, index })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const found = await table.bulkGet(asked.map(({ key }) => key));
  const rows = new Array<StoredObject | undefined>(keys.length);
  for (const [at, { index }] of asked.entries()) rows[index] = found[at];
  return rows;
}

/** Opens version `version` of record `recordId` stored at `rowId` with `opener` (one per batch). */
export function openVersion(opener: RowOpener, table: 'objects' | 'versions', rowId: Id, row: StoredObject | undefined, recordId: Id, type: string, compartment: Compartment, version: number): DecryptedRecord {
  if (!row) throw new RecordIntegrityError('missing');
  const content = opener.open({ table, id: rowId, compartment }, row, { type, headVersion: version });
  // openRecord accepts a *newer* version; our writes commit row and head together, so any
  // mismatch means someone put a row here that the head never pointed to.
  if (content.version !== version) throw new RecordIntegrityError('replayed');
  const inner = content.body;
  if (!isPlainRecord(inner) || typeof inner['at'] !== 'string' || !('b' in inner)) throw new RecordIntegrityError('tampered');
  return { id: recordId, type: content.type, compartment, version: content.version, savedAt: inner['at'], body: inner['b'] };
}

/** `body` cut down to its top-level `fields` (those present); a body that is not an object is kept whole, for the caller's schema to refuse. */
export function pickFields(body: unknown, fields: readonly string[]): unknown {
  if (!isPlainRecord(body)) return body;
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(body, field)) picked[field] = body[field];
  return picked;
}

/** Records per chunk of a packed list: about 60 KB of JSON, a millisecond or two to parse on the UI thread. */
export const PACKED_CHUNK = 200;

/**
 * A list packed for the UI thread as UTF-8 JSON chunks of PACKED_CHUNK records, transferred
 * rather than cloned: structured-cloning ten thousand summaries arrives as one message, which
 * the UI thread deserialises in one long task (and then collects); chunks let it parse a few
 * hundred at a time between frames (client-records.ts `unpack`).
 */
export function packRecords(list: { records: readonly DecryptedRecord[]; unreadable: UnreadableRecord[] }): PackedRecords {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let from = 0; from < list.records.length; from += PACKED_CHUNK) chunks.push(encoder.encode(JSON.stringify(list.records.slice(from, from + PACKED_CHUNK))));
  return { chunks, unreadable: list.unreadable };
}

/**
 * Reads, opens and packs `request`'s list from `db`. Rows that fail to open are reported as
 * unreadable (current versions) or stale (summaries: the caller rebuilds them from the full
 * body). The rows are opened in one synchronous run once read: concurrent lists then finish one
 * after the other in the order their rows arrived (the UI thread validates the first while the
 * next is opened), instead of interleaving row by row and all finishing last.
 */
export async function readList(db: VaultDatabase, keys: RowKeys, request: ListRequest): Promise<ReadList> {
  if (request.kind === 'current') {
    const { records, unreadable } = await readCurrent(db, keys, request.type, request.entries);
    const { fields } = request;
    return { reply: { ...packRecords({ records: fields ? records.map((record) => ({ ...record, body: pickFields(record.body, fields) })) : records, unreadable }), stale: [] }, caches: NO_CACHES };
  }
  return readSummaries(db, keys, request);
}

/**
 * A summaries list: each entry from its shard's cache (summary-cache.ts) if that holds it at
 * its head version, otherwise from its summary row; then the caches to write, for the shards
 * whose cache was missing, unreadable, or not exactly the shard's summaries.
 *
 * The cache is optional: a failure to read or seal it reads every summary from its row, or
 * writes no cache, and never fails the list.
 */
async function readSummaries(db: VaultDatabase, keys: RowKeys, request: SummariesRequest): Promise<ReadList> {
  const { type, entries } = request;
  const found = new Array<DecryptedRecord | null>(entries.length).fill(null);
  const caches = await readCaches(db, keys, request).catch(() => new Map<number, ShardCache | null>());
  const missed: (readonly [index: number, entry: SummaryEntry])[] = [];
  for (const [index, entry] of entries.entries()) {
    const [id, compartment, version] = entry;
    // Only the general compartment is cached (the cache row is sealed under its key).
    const cached = compartment === 'general' ? caches.get(shardOf(id))?.get(id) : undefined;
    if (cached?.version === version) found[index] = { id, type, compartment, version, savedAt: cached.savedAt, body: cached.summary };
    else missed.push([index, entry]);
  }
  const stale: Id[] = [];
  const rows = await getInKeyOrder(db.objects, missed.map(([, entry]) => entry[3]));
  await withRowOpener(keys, (opener) => {
    for (const [at, [index, [id, compartment, version, summaryRow]]] of missed.entries()) {
      const opened = openSummary(opener, summaryRow, rows[at], compartment, id, version);
      if (opened) found[index] = { id, type, compartment, version, savedAt: opened.savedAt, body: opened.summary };
      else stale.push(id);
    }
  });
  return {
    reply: { ...packRecords({ records: found.filter((record) => record !== null), unreadable: [] }), stale },
    caches: () => cachesToWrite(keys, request, found, missed, caches).catch(() => []),
  };
}

type SummariesRequest = Extract<ListRequest, { kind: 'summaries' }>;

/** The caches of the shards `request` covers, each null if absent or not usable. */
async function readCaches(db: VaultDatabase, keys: RowKeys, request: SummariesRequest): Promise<Map<number, ShardCache | null>> {
  const rows = await db.vault.bulkGet(request.shards.map(([shard]) => summaryCacheId(shard)));
  return withRowOpener(keys, (opener) => new Map(request.shards.map(([shard], index) => [shard, openShardCache(opener, shard, request.type, rows[index])] as const)));
}

/**
 * The cache rows to write after a summaries list (see `readSummaries`), sealed here: for each
 * shard whose general summaries did not all come from its cache, or whose cache holds others
 * (deleted since). A shard whose cache was exactly right is left as it is, even if other
 * records in it were saved since (its generation moved on; each entry is checked on its own).
 */
async function cachesToWrite(keys: RowKeys, request: SummariesRequest, found: readonly (DecryptedRecord | null)[], missed: readonly (readonly [number, SummaryEntry])[], caches: ReadonlyMap<number, ShardCache | null>): Promise<CacheRow[]> {
  const short = new Set<number>();
  for (const [, [id, compartment]] of missed) if (compartment === 'general') short.add(shardOf(id));
  const byShard = new Map<number, [Id, CachedSummary][]>();
  for (const record of found) {
    if (record?.compartment !== 'general') continue;
    const shard = shardOf(record.id);
    const list = byShard.get(shard) ?? [];
    list.push([record.id, { version: record.version, savedAt: record.savedAt, summary: record.body }]);
    byShard.set(shard, list);
  }
  const rows: CacheRow[] = [];
  for (const [shard, generation] of request.shards) {
    const cached = caches.get(shard)?.size ?? 0;
    const listed = byShard.get(shard) ?? [];
    // Nothing missed, and as many cached as listed: the cache holds exactly the listed summaries.
    if (!short.has(shard) && cached === listed.length) continue;
    const row = await sealShardCache(keys, shard, generation, request.type, listed);
    if (row) rows.push(row);
  }
  return rows;
}

/** The current versions of `entries` (records of `type`), opened; rows that fail to open are reported as unreadable. */
export async function readCurrent(db: VaultDatabase, keys: RowKeys, type: string, entries: readonly ListedEntry[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  const records: DecryptedRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  const rows = await getInKeyOrder(db.objects, entries.map((entry) => entry[0]));
  await withRowOpener(keys, (opener) => {
    for (const [index, [id, compartment, version]] of entries.entries()) {
      try {
        records.push(openVersion(opener, 'objects', id, rows[index], id, type, compartment, version));
      } catch (error) {
        if (!(error instanceof RecordIntegrityError)) throw error;
        unreadable.push({ id, problem: error.problem });
      }
    }
  });
  return { records, unreadable };
}

/** A batch of audit rows in key order after `after` (null: from the first), for the audit check. */
export interface RowsRequest {
  readonly kind: 'rows';
  readonly after: string | null;
  readonly limit: number;
}

/** Opens the database and answers null: a thread is started and ready before it is needed (row-fetcher.ts). */
export interface PingRequest {
  readonly kind: 'ping';
}

/** Rows packed into one buffer: row i's key is `bytes[ends[2i - 1] ?? 0, ends[2i])`, its body `[ends[2i], ends[2i + 1])`. */
export interface PackedRows {
  readonly ids: readonly string[];
  readonly epochs: readonly number[];
  readonly ends: Uint32Array<ArrayBuffer>;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Reads `request`'s audit rows and packs them into one buffer (moved to the vault worker, which
 * opens them: `unpackRows`). Ciphertext only: no key is needed or given.
 */
export async function readRows(db: VaultDatabase, request: RowsRequest): Promise<PackedRows> {
  const { after, limit } = request;
  const rows = await (after === null ? db.audit.orderBy(':id') : db.audit.where(':id').above(after)).limit(limit).toArray();
  // A stored key or body that is not bytes (a planted or damaged row) is passed on as no bytes,
  // which the opener refuses as malformed, as it refused the value itself: never a throw here,
  // which would end the check without its verdict.
  const bytesOf = (value: unknown) => (value instanceof Uint8Array ? value : new Uint8Array(0));
  const ends = new Uint32Array(rows.length * 2);
  let size = 0;
  rows.forEach((row, index) => {
    size += bytesOf(row.key).length;
    ends[2 * index] = size;
    size += bytesOf(row.body).length;
    ends[2 * index + 1] = size;
  });
  const bytes = new Uint8Array(size);
  rows.forEach((row, index) => {
    bytes.set(bytesOf(row.key), ends[2 * index - 1] ?? 0);
    bytes.set(bytesOf(row.body), ends[2 * index] ?? 0);
  });
  // The epoch as stored, whatever it is: the opener judges it, as it judged the row's own.
  return { ids: rows.map((row) => row.id), epochs: rows.map((row) => row.epoch), ends, bytes };
}

/** The rows of `packed`, their key and body views into its one buffer. */
export function unpackRows(packed: PackedRows): StoredObject[] {
  return packed.ids.map((id, index) => {
    const start = packed.ends[2 * index - 1] ?? 0;
    const middle = packed.ends[2 * index] ?? start;
    const end = packed.ends[2 * index + 1] ?? middle;
    // `epochs[index]` is the stored value as it was, even if not a number (see `readRows`).
    return { id, epoch: packed.epochs[index] as number, key: packed.bytes.subarray(start, middle), body: packed.bytes.subarray(middle, end) };
  });
}
