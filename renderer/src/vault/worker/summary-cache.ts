/**
 * The summary cache: the summaries of one head shard's testimonies in one sealed row, so unlock
 * reads 64 rows instead of one per testimony. A cache derived from the summary rows, like the
 * persisted search index: no history, no head entry, no audit entry; losing it costs reads,
 * never data (docs/vault-format.md, "Summary cache").
 *
 * Why: at 10,000 testimonies unlock read ~21,000 rows one key at a time, half of them summaries,
 * and IndexedDB costs about the same per read however small the row (~30 µs here: ~0.6 s for
 * those rows, as long as reading the whole table with every full body). 64 rows are read and
 * opened in a fraction of that.
 *
 * What is believed: a cached summary is used only for a record the head index lists, in the
 * general compartment, at exactly the cached version: an older genuine copy of the row put
 * back gives older versions, which are read from their rows instead. The row sits under a fixed
 * id per shard (bound into its associated data, so it cannot be moved to another shard), and
 * each entry's id must belong to that shard.
 *
 * Written by the vault worker (`storeSummaryCache`) from rows the list reader sealed
 * (list-reading.ts), only while the shard is still at the generation read and the compartment
 * key is still current (never under a key a rotation has retired). Deleting a record removes
 * its shard's cache row in the same transaction (session.ts), so a deleted testimony's summary
 * does not outlive its rows.
 */
import { epochKey, isRecordVersion, type RecordContent } from '../../../../shared/crypto';
import { idFromBytes, isId, type Id } from '../../../../shared/domain/ids';
import { RecordIntegrityError, RecordValidationError } from '../vault-errors';
import type { StoredObject } from './database';
import { shardOf, type HeadIndex } from './head-index';
import { isPlainRecord, sealRow, type RowKeys, type RowOpener } from './sealed-rows';
import type { Session } from './session';

/** Envelope type of a cache row (vault-internal; never a record kind). */
export const SUMMARY_CACHE_TYPE = 'summary-cache';

/**
 * Row id of shard `shard`'s cache: fixed structural bytes `ff 00 … 00 03 <shard>`, meaningless
 * like the settings row's. One row per shard serves the one kind with summaries (testimonies,
 * record-summaries.ts); a second such kind would need ids of its own (its rows would otherwise
 * replace each other's, every list).
 */
export function summaryCacheId(shard: number): Id {
  const bytes = new Uint8Array(16);
  bytes[0] = 0xff;
  bytes[14] = 3;
  bytes[15] = shard;
  return idFromBytes(bytes);
}

const cachePlace = (shard: number) => ({ table: 'vault', id: summaryCacheId(shard), compartment: 'general' }) as const;

/** A shard a summaries list covers whole, and the generation of its head shard when the list was decided. */
export type CacheShard = readonly [shard: number, generation: number];

/** One cached summary. */
export interface CachedSummary {
  readonly version: number;
  readonly savedAt: string;
  readonly summary: unknown;
}

/** A shard's cache as opened: its summaries by record id. */
export type ShardCache = ReadonlyMap<Id, CachedSummary>;

/** A cache row sealed by the reader, for the vault worker to write if the shard has not changed. */
export interface CacheRow {
  readonly shard: number;
  readonly generation: number;
  readonly row: StoredObject;
}

/**
 * Opens shard `shard`'s cache row of summaries of `type`, or null if there is none or it does
 * not open or fit (a damaged or foreign row is simply not used, and rebuilt).
 */
export function openShardCache(opener: RowOpener, shard: number, type: string, row: StoredObject | undefined): ShardCache | null {
  if (!row) return null;
  let content: RecordContent;
  try {
    content = opener.open(cachePlace(shard), row, { type: SUMMARY_CACHE_TYPE, headVersion: 1 });
  } catch (error) {
    if (error instanceof RecordIntegrityError) return null;
    throw error;
  }
  const body = content.body;
  if (!isPlainRecord(body) || body['t'] !== type || !Array.isArray(body['e'])) return null;
  const entries = new Map<Id, CachedSummary>();
  for (const item of body['e'] as unknown[]) {
    if (!Array.isArray(item) || item.length !== 4) return null;
    const [id, version, savedAt, summary] = item as unknown[];
    if (!isId(id) || shardOf(id) !== shard || !isRecordVersion(version) || typeof savedAt !== 'string' || entries.has(id)) return null;
    entries.set(id, { version, savedAt, summary });
  }
  return entries;
}

/**
 * Seals shard `shard`'s cache of `entries` (summaries of `type`), made from the shard at head
 * generation `generation` (the write checks it), under the current general key of `keys`; null
 * if it cannot be one row (over the body limit).
 */
export async function sealShardCache(keys: RowKeys, shard: number, generation: number, type: string, entries: readonly (readonly [Id, CachedSummary])[]): Promise<CacheRow | null> {
  const e = entries.map(([id, { version, savedAt, summary }]) => [id, version, savedAt, summary]);
  try {
    const row = await sealRow(keys, cachePlace(shard), { type: SUMMARY_CACHE_TYPE, version: 1, body: { t: type, e } });
    return { shard, generation, row };
  } catch (error) {
    if (error instanceof RecordValidationError) return null;
    throw error;
  }
}

/**
 * The rows of `rows` still worth writing: each is its shard's cache row (the vault table also
 * holds the settings and the search index), its head shard is readable and still at the
 * generation the list was decided at (a record saved or deleted since would make the row stale,
 * or keep a deleted summary), and it is sealed under the general key's current epoch (a
 * rotation since would leave it under a retired key).
 */
export function freshCacheRows(rows: readonly CacheRow[], heads: Pick<HeadIndex, 'all' | 'broken'>, currentEpoch: number): CacheRow[] {
  const shards = heads.all();
  return rows.filter(({ shard, generation, row }) => row.id === summaryCacheId(shard) && !heads.broken.has(shard) && shards[shard]?.generation === generation && row.epoch === currentEpoch);
}

/**
 * How long after the last summaries list its cache rows are written. The parts of one unlock's
 * list arrive within it, so they are written in one transaction once the lists are read rather
 * than one durable write per part in the middle of their reads (which cost the first unlock at
 * 10,000 testimonies most of a second).
 */
const WRITE_DELAY_MS = 1500;

/** Cache rows waiting for their write, per session, and the timer that writes them. */
interface Queue {
  readonly rows: CacheRow[];
  timer?: ReturnType<typeof setTimeout>;
}
const queues = new WeakMap<Session, Queue>();

/**
 * Queues the cache rows a summaries list brought back, to be written `WRITE_DELAY_MS` after the
 * last list (`storeSummaryCache`); dropped if the session locks first.
 */
export function queueSummaryCache(session: Session, rows: readonly CacheRow[]): void {
  if (rows.length === 0 || session.signal.aborted) return;
  let queue = queues.get(session);
  if (!queue) {
    const created: Queue = { rows: [] };
    queues.set(session, created);
    session.signal.addEventListener('abort', () => clearTimeout(created.timer), { once: true });
    queue = created;
  }
  const due = queue;
  due.rows.push(...rows);
  clearTimeout(due.timer);
  due.timer = setTimeout(() => {
    queues.delete(session);
    void storeSummaryCache(session, due.rows);
  }, WRITE_DELAY_MS);
}

/**
 * Writes cache rows a summaries list brought back, those still fresh (`freshCacheRows`),
 * under the write lock so that no write slips in between the check and the write.
 *
 * Failures are dropped: the vault is complete without the cache (locked meanwhile, a full disk),
 * and the next unlock reads those summaries from their rows and tries again.
 */
async function storeSummaryCache(session: Session, rows: readonly CacheRow[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await session.exclusive(async () => {
      const fresh = freshCacheRows(rows, session.heads, epochKey(session.holder.keyring, 'general').epoch);
      if (fresh.length === 0) return;
      const db = session.db;
      await db.transaction('rw', db.vault, () => db.vault.bulkPut(fresh.map(({ row }) => row)));
    });
  } catch {
    // See above: a cache that was not written is read around next time.
  }
}
