/**
 * Records: create, read, update (new version), delete (tombstone), list by type, history.
 * Runs in the vault worker; the only code that turns stored rows into decrypted records.
 *
 * A record's current version sits in `objects` under its id; every version, the current one
 * included, also sits in `versions` under its own random id, so history needs no decryption
 * of old rows at save time. Both rows are sealed for their own place, so neither can be
 * moved into the other. The head index says which version is current: a row whose inner
 * version differs is refused as a replay.
 */
import { transfer } from 'comlink';
import { newRecordId, type Compartment, type RecordContent } from '../../../../shared/crypto';
import { idFromBytes, isId, type Id } from '../../../../shared/domain/ids';
import type { UnreadableRecord } from '../vault-client';
import { RecordIntegrityError, RecordNotFoundError, VersionConflictError } from '../vault-errors';
import type { DecryptedRecord, PackedRecords, SummaryPart } from '../worker-api';
import type { StoredObject } from './database';
import { SHARD_COUNT, shardOf, withEntry, type HeadEntry, type Shard } from './head-index';
import { getInKeyOrder, openVersion, packRecords, pickFields, readCurrent, type ListedEntry, type SummaryEntry } from './list-reading';
import { readListed } from './list-lane';
import { sealSummary, summarise } from './record-summaries';
import type { CacheShard } from './summary-cache';
import { heldRowKeys, sealRow, withRowOpener, type RowOpener } from './sealed-rows';
import type { Session } from './session';

async function randomId(): Promise<Id> {
  return idFromBytes(await newRecordId());
}

/** The live entry of `id` if it is a record of `type`; otherwise not found. */
function liveEntry(session: Session, type: string, id: Id): HeadEntry {
  if (!isId(id)) throw new RecordNotFoundError();
  const entry = session.heads.get(id);
  if (!entry || entry.deleted || entry.type !== type) throw new RecordNotFoundError();
  return entry;
}

/** Opens one version with `opener` (one per batch: sealed-rows.ts `rowOpener`). */
function openEntryVersion(opener: RowOpener, table: 'objects' | 'versions', rowId: Id, row: StoredObject | undefined, recordId: Id, entry: HeadEntry, version: number): DecryptedRecord {
  return openVersion(opener, table, rowId, row, recordId, entry.type, entry.compartment, version);
}

/**
 * Seals version `version` of a record into both tables, and its summary (kinds that have one,
 * record-summaries.ts) under `summaryId` or a fresh id; nothing is written yet.
 */
export async function sealVersion(session: Session, id: Id, type: string, compartment: Compartment, version: number, body: unknown, summaryId?: Id) {
  const keyring = session.holder.keyring;
  const savedAt = new Date().toISOString();
  const content: RecordContent = { type, version, body: { at: savedAt, b: body } };
  const versionId = await randomId();
  const object = await sealRow(keyring, { table: 'objects', id, compartment }, content);
  const versionRow = await sealRow(keyring, { table: 'versions', id: versionId, compartment }, content);
  const summary = summarise(type, body);
  let summaryRow: StoredObject | null = null;
  if (summary !== null) summaryRow = await sealSummary(session, summaryId ?? (await randomId()), compartment, id, version, savedAt, summary);
  // What a read would return: the body after its JSON round trip.
  const record: DecryptedRecord = { id, type, compartment, version, savedAt, body: JSON.parse(JSON.stringify(body)) as unknown };
  return { object, versionRow, versionId, record, summaryRow };
}

/** `entry` with its summary row set to `row`'s id, or without one. */
function withSummary(entry: HeadEntry, row: StoredObject | null): HeadEntry {
  const { summary: _old, ...rest } = entry;
  return row ? { ...rest, summary: row.id } : rest;
}

/**
 * Creates version 1 of a new record, under `chosenId` if given (a caller-made random id; one
 * the head index knows, live or tombstoned, is refused: ids are never reused).
 */
export function createRecord(session: Session, type: string, compartment: Compartment, body: unknown, chosenId?: Id): Promise<DecryptedRecord> {
  return session.exclusive(async () => {
    if (chosenId !== undefined && !isId(chosenId)) throw new RecordIntegrityError('tampered');
    const id = chosenId ?? (await randomId());
    if (session.heads.get(id)) throw new RecordIntegrityError('tampered'); // random: 2^-128; chosen: a reused id
    const sealed = await sealVersion(session, id, type, compartment, 1, body);
    const entry = withSummary({ type, compartment, version: 1, history: [sealed.versionId], deleted: false }, sealed.summaryRow);
    await session.commit({
      objects: { put: sealed.summaryRow ? [sealed.object, sealed.summaryRow] : [sealed.object] },
      versions: { put: [sealed.versionRow] },
      shard: withEntry(session.heads.shardFor(id), id, entry),
      audit: [{ action: 'record.create', data: { id, type, v: 1 } }],
    });
    return sealed.record;
  });
}

/** The current version of a record. */
export async function readRecord(session: Session, type: string, id: Id): Promise<DecryptedRecord> {
  session.checkOpen();
  const entry = liveEntry(session, type, id);
  const row = await session.db.objects.get(id);
  return withRowOpener(session.holder.keyring, (opener) => openEntryVersion(opener, 'objects', id, row, id, entry, entry.version));
}

/** Writes version `expectedVersion + 1`. */
export function updateRecord(session: Session, type: string, id: Id, body: unknown, expectedVersion: number): Promise<DecryptedRecord> {
  return session.exclusive(async () => {
    const entry = liveEntry(session, type, id);
    if (entry.version !== expectedVersion) throw new VersionConflictError(entry.version);
    const version = entry.version + 1;
    const sealed = await sealVersion(session, id, type, entry.compartment, version, body, entry.summary);
    const next = withSummary({ ...entry, version, history: [...entry.history, sealed.versionId] }, sealed.summaryRow);
    // A summary that could not be made this time must not survive as the old version's.
    const dropped = entry.summary !== undefined && !sealed.summaryRow ? [entry.summary] : [];
    await session.commit({
      objects: { put: sealed.summaryRow ? [sealed.object, sealed.summaryRow] : [sealed.object], ...(dropped.length ? { remove: dropped } : {}) },
      versions: { put: [sealed.versionRow] },
      shard: withEntry(session.heads.shardFor(id), id, next),
      audit: [{ action: 'record.update', data: { id, type, v: version } }],
    });
    return sealed.record;
  });
}

/**
 * Deletes a record: its rows are removed (their data keys with them, so the ciphertext left in
 * LevelDB's old files is unreadable) and the head keeps a tombstone so no old copy can return.
 */
export function deleteRecord(session: Session, type: string, id: Id, expectedVersion: number): Promise<void> {
  return session.exclusive(async () => {
    const entry = liveEntry(session, type, id);
    if (entry.version !== expectedVersion) throw new VersionConflictError(entry.version);
    await session.commit({
      objects: { remove: entry.summary === undefined ? [id] : [id, entry.summary] },
      versions: { remove: entry.history },
      shard: withEntry(session.heads.shardFor(id), id, withSummary({ ...entry, history: [], deleted: true }, null)),
      audit: [{ action: 'record.delete', data: { id, type, v: entry.version } }],
    });
  });
}

/** Every live record of `type`; rows that fail to open are reported, not dropped. */
export async function listRecords(session: Session, type: string): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  session.checkOpen();
  return openCurrent(session, type, [...session.heads.liveOfType(type)]);
}

/** The current versions of `wanted` (records of `type`), opened on this thread (list-reading.ts `readCurrent`). */
function openCurrent(session: Session, type: string, wanted: readonly (readonly [Id, HeadEntry])[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  return readCurrent(session.db, heldRowKeys(session.holder), type, wanted.map(([id, entry]) => [id, entry.compartment, entry.version] as const));
}

/** Field names `listFields` accepts: a few top-level keys of a body. */
const FIELD = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const MAX_FIELDS = 16;

/** The live records of `type` as the list reader is told them (list-reading.ts). */
function listedEntries(session: Session, type: string): ListedEntry[] {
  const entries: ListedEntry[] = [];
  for (const [id, entry] of session.heads.liveOfType(type)) entries.push([id, entry.compartment, entry.version]);
  return entries;
}

/**
 * `listed` with its unreadable records checked again on this thread against the head index and
 * keyring of now: the reader read the rows a moment after the head index was consulted, so a
 * record saved, deleted or re-keyed meanwhile came back unreadable although nothing is wrong
 * with it. Those opened now are listed (after the others, cut to `fields` if asked), those
 * deleted meanwhile dropped, and only those that still fail are reported.
 */
async function settleUnreadable(session: Session, type: string, listed: PackedRecords, fields?: readonly string[]): Promise<PackedRecords> {
  if (listed.unreadable.length === 0) return listed;
  const again = await readRecords(session, type, listed.unreadable.map(({ id }) => id));
  const records = fields ? again.records.map((record) => ({ ...record, body: pickFields(record.body, fields) })) : again.records;
  const unreadable = again.unreadable.filter(({ id }) => {
    const entry = session.heads.get(id);
    return entry !== undefined && !entry.deleted && entry.type === type;
  });
  return { chunks: [...listed.chunks, ...packRecords({ records, unreadable: [] }).chunks], unreadable };
}

/**
 * Every live record of `type`, packed for the UI thread, read on the list reader thread
 * (list-lane.ts). Rows that fail to open are reported, not dropped.
 */
export async function listPacked(session: Session, type: string): Promise<PackedRecords> {
  session.checkOpen();
  const { chunks, unreadable } = await readListed(session, { kind: 'current', type, entries: listedEntries(session, type) });
  return settleUnreadable(session, type, { chunks, unreadable });
}

/**
 * Every live record of `type` with each body cut down to its top-level `fields` (those present),
 * for lists that need one field of many records: the UI thread then receives, parses and
 * validates a few bytes per record instead of the whole body (at unlock, 50,000 witnesses for
 * their pseudonyms), and the rest of each body never leaves the vault. A body that is not a
 * plain object is listed as it is, for the caller's schema to refuse. Rows that fail to open are
 * reported, as by `listPacked`.
 */
export async function listFields(session: Session, type: string, fields: readonly string[]): Promise<PackedRecords> {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_FIELDS || !fields.every((field) => typeof field === 'string' && FIELD.test(field))) {
    throw new RangeError('invalid field list');
  }
  session.checkOpen();
  const picked = [...fields];
  const { chunks, unreadable } = await readListed(session, { kind: 'current', type, entries: listedEntries(session, type), fields: picked });
  return settleUnreadable(session, type, { chunks, unreadable }, picked);
}

/** Every version of a record, oldest first. */
export async function recordHistory(session: Session, type: string, id: Id): Promise<DecryptedRecord[]> {
  session.checkOpen();
  const entry = liveEntry(session, type, id);
  const rows = await getInKeyOrder(session.db.versions, entry.history);
  return withRowOpener(session.holder.keyring, (opener) => entry.history.map((versionId, index) => openEntryVersion(opener, 'versions', versionId, rows[index], id, entry, index + 1)));
}

/** Records of `ids` (of `type`), current versions; ids not live are reported as `missing`. */
export async function readRecords(session: Session, type: string, ids: readonly Id[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  session.checkOpen();
  const unreadable: UnreadableRecord[] = [];
  const wanted: [Id, HeadEntry][] = [];
  for (const id of ids) {
    const entry = isId(id) ? session.heads.get(id) : undefined;
    if (entry && !entry.deleted && entry.type === type) wanted.push([id, entry]);
    else unreadable.push({ id, problem: 'missing' });
  }
  const opened = await openCurrent(session, type, wanted);
  return { records: opened.records, unreadable: [...unreadable, ...opened.unreadable] };
}

/** A summary rebuilt from a full body, to be written back. */
interface Rebuilt {
  readonly id: Id;
  readonly entry: HeadEntry;
  readonly row: StoredObject;
}

/**
 * Writes rebuilt summaries, one commit per head shard (each shard write is audited), skipping
 * records saved or deleted since they were read.
 */
async function writeRebuilt(session: Session, rebuilt: readonly Rebuilt[]): Promise<void> {
  const byShard = new Map<number, Rebuilt[]>();
  for (const item of rebuilt) {
    const number = shardOf(item.id);
    byShard.set(number, [...(byShard.get(number) ?? []), item]);
  }
  for (const items of byShard.values()) {
    await session.exclusive(async () => {
      const first = items[0];
      if (!first) return;
      let shard: Shard = session.heads.shardFor(first.id);
      const rows: StoredObject[] = [];
      const entries = new Map(shard.entries);
      for (const { id, entry, row } of items) {
        if (entries.get(id) !== entry) continue; // changed meanwhile: its save wrote a summary
        entries.set(id, withSummary(entry, row));
        rows.push(row);
      }
      if (rows.length === 0) return;
      shard = { number: shard.number, generation: shard.generation + 1, entries };
      await session.commit({ objects: { put: rows }, shard, audit: [{ action: 'record.summaries', data: { count: rows.length } }] });
    });
  }
}

/**
 * The shards of part `index` of `of`: a contiguous range, so the parts listed in order give the
 * records in the same order as one whole list.
 */
function partOfShards(part: SummaryPart): (shard: number) => boolean {
  const { index, of } = part;
  if (!Number.isInteger(of) || of < 1 || of > SHARD_COUNT || !Number.isInteger(index) || index < 0 || index >= of) throw new RangeError('summary part out of range');
  return (shard) => Math.floor((shard * of) / SHARD_COUNT) === index;
}

/**
 * Every live record of `type` as its summary (`body` is the summary), or those of one `part`
 * (a range of head shards: the client asks for the parts at once and validates the first while
 * this worker still decrypts the next). A summary that is missing or stale is rebuilt from the
 * full body and written back before this returns, so a vault from before summaries is migrated
 * by its first unlock. Rows that fail to open are reported, not dropped.
 */
export async function listSummaries(session: Session, type: string, part: SummaryPart = { index: 0, of: 1 }): Promise<PackedRecords> {
  session.checkOpen();
  const inPart = partOfShards(part);
  const wanted = [...session.heads.liveOfType(type, inPart)];
  const entries: SummaryEntry[] = [];
  const stale = new Set<Id>();
  for (const [id, entry] of wanted) {
    if (entry.summary === undefined) stale.add(id);
    else entries.push([id, entry.compartment, entry.version, entry.summary]);
  }
  const shards: CacheShard[] = session.heads.all().filter((shard) => inPart(shard.number) && !session.heads.broken.has(shard.number)).map((shard) => [shard.number, shard.generation]);
  const listed = await readListed(session, { kind: 'summaries', type, entries, shards });
  for (const id of listed.stale) stale.add(id);
  if (stale.size === 0) return { chunks: listed.chunks, unreadable: listed.unreadable };
  // In head-index order, as the list itself.
  const full = await readRecords(session, type, wanted.filter(([id]) => stale.has(id)).map(([id]) => id));
  const asListed = new Map(wanted);
  const records: DecryptedRecord[] = [];
  const rebuilt: Rebuilt[] = [];
  for (const record of full.records) {
    const entry = asListed.get(record.id);
    const summary = summarise(type, record.body);
    if (!entry || summary === null) {
      // No summary can be made: the full body is listed (the main thread validates it as a summary).
      records.push(record);
      continue;
    }
    records.push({ ...record, body: JSON.parse(JSON.stringify(summary)) as unknown });
    const row = await sealSummary(session, entry.summary ?? (await randomId()), entry.compartment, record.id, record.version, record.savedAt, summary);
    rebuilt.push({ id: record.id, entry, row });
  }
  await writeRebuilt(session, rebuilt);
  // The rebuilt ones come last, after those the reader opened.
  return { chunks: [...listed.chunks, ...packRecords({ records, unreadable: [] }).chunks], unreadable: [...listed.unreadable, ...full.unreadable] };
}

/** `list` with its chunks marked for transfer (comlink), for the engine's list requests. */
export function transferPacked(list: PackedRecords): PackedRecords {
  return transfer(list, list.chunks.map((chunk) => chunk.buffer));
}
