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
import type { Table } from 'dexie';
import { newRecordId, type Compartment, type RecordContent } from '../../../../shared/crypto';
import { idFromBytes, isId, type Id } from '../../../../shared/domain/ids';
import type { UnreadableRecord } from '../vault-client';
import { RecordIntegrityError, RecordNotFoundError, VersionConflictError } from '../vault-errors';
import type { DecryptedRecord, PackedRecords, SummaryPart } from '../worker-api';
import type { StoredObject } from './database';
import { SHARD_COUNT, shardOf, withEntry, type HeadEntry, type Shard } from './head-index';
import { openSummary, sealSummary, summarise } from './record-summaries';
import { isPlainRecord, sealRow, withRowOpener, type RowOpener } from './sealed-rows';
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

function decode(id: Id, compartment: Compartment, content: RecordContent): DecryptedRecord {
  const inner = content.body;
  if (!isPlainRecord(inner) || typeof inner['at'] !== 'string' || !('b' in inner)) throw new RecordIntegrityError('tampered');
  return { id, type: content.type, compartment, version: content.version, savedAt: inner['at'], body: inner['b'] };
}

/** Opens one version with `opener` (one per batch: sealed-rows.ts `rowOpener`). */
function openVersion(opener: RowOpener, table: 'objects' | 'versions', rowId: Id, row: StoredObject | undefined, recordId: Id, entry: HeadEntry, version: number): DecryptedRecord {
  if (!row) throw new RecordIntegrityError('missing');
  const content = opener.open({ table, id: rowId, compartment: entry.compartment }, row, { type: entry.type, headVersion: version });
  // openRecord accepts a *newer* version; our writes commit row and head together, so any
  // mismatch means someone put a row here that the head never pointed to.
  if (content.version !== version) throw new RecordIntegrityError('replayed');
  return decode(recordId, entry.compartment, content);
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
  return withRowOpener(session.holder.keyring, (opener) => openVersion(opener, 'objects', id, row, id, entry, entry.version));
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
  const records: DecryptedRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  await openCurrent(session, [...session.heads.liveOfType(type)], records, unreadable);
  return { records, unreadable };
}

/**
 * `bulkGet` of `keys` asked in key order, the rows given back in the caller's order. Row ids are
 * random, so a list in head-index order reads LevelDB at random places; in key order consecutive
 * reads can share blocks. In a scratch test of 10,000 rows of summary size read in 8 parts among
 * 30,000, key order took about 20 % less time than random order; on the kept bench vault the
 * difference is within the noise of unlock → first page.
 */
async function getInKeyOrder(table: Table<StoredObject, string>, keys: readonly string[]): Promise<(StoredObject | undefined)[]> {
  // IndexedDB orders string keys by UTF-16 code units, as `<` does.
  const asked = keys.map((key, index) => ({ key, index })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const found = await table.bulkGet(asked.map(({ key }) => key));
  const rows = new Array<StoredObject | undefined>(keys.length);
  for (const [at, { index }] of asked.entries()) rows[index] = found[at];
  return rows;
}

/**
 * Opens the current version of each of `wanted`; rows that fail to open go to `unreadable`.
 * Once the rows are read, they are opened in one synchronous run: concurrent lists then finish
 * one after the other in the order their rows arrived (the UI thread validates the first while
 * this worker opens the next), instead of interleaving row by row and all finishing last.
 */
async function openCurrent(session: Session, wanted: readonly (readonly [Id, HeadEntry])[], records: DecryptedRecord[], unreadable: UnreadableRecord[]): Promise<void> {
  const rows = await getInKeyOrder(session.db.objects, wanted.map(([id]) => id));
  await withRowOpener(session.holder.keyring, (opener) => {
    for (const [index, [id, entry]] of wanted.entries()) {
      try {
        records.push(openVersion(opener, 'objects', id, rows[index], id, entry, entry.version));
      } catch (error) {
        if (!(error instanceof RecordIntegrityError)) throw error;
        unreadable.push({ id, problem: error.problem });
      }
    }
  });
}

/** Field names `listFields` accepts: a few top-level keys of a body. */
const FIELD = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const MAX_FIELDS = 16;

/**
 * Every live record of `type` with each body cut down to its top-level `fields` (those present),
 * for lists that need one field of many records: the UI thread then receives, parses and
 * validates a few bytes per record instead of the whole body (at unlock, 50,000 witnesses for
 * their pseudonyms), and the rest of each body stays in this worker. A body that is not a plain
 * object is listed as it is, for the caller's schema to refuse. Rows that fail to open are
 * reported, as by `listRecords`.
 */
export async function listFields(session: Session, type: string, fields: readonly string[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_FIELDS || !fields.every((field) => typeof field === 'string' && FIELD.test(field))) {
    throw new RangeError('invalid field list');
  }
  const list = await listRecords(session, type);
  const records = list.records.map((record) => ({ ...record, body: pickFields(record.body, fields) }));
  return { records, unreadable: list.unreadable };
}

function pickFields(body: unknown, fields: readonly string[]): unknown {
  if (!isPlainRecord(body)) return body;
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(body, field)) picked[field] = body[field];
  return picked;
}

/** Every version of a record, oldest first. */
export async function recordHistory(session: Session, type: string, id: Id): Promise<DecryptedRecord[]> {
  session.checkOpen();
  const entry = liveEntry(session, type, id);
  const rows = await getInKeyOrder(session.db.versions, entry.history);
  return withRowOpener(session.holder.keyring, (opener) => entry.history.map((versionId, index) => openVersion(opener, 'versions', versionId, rows[index], id, entry, index + 1)));
}

/** Records of `ids` (of `type`), current versions; ids not live are reported as `missing`. */
export async function readRecords(session: Session, type: string, ids: readonly Id[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  session.checkOpen();
  const records: DecryptedRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  const wanted: [Id, HeadEntry][] = [];
  for (const id of ids) {
    const entry = isId(id) ? session.heads.get(id) : undefined;
    if (entry && !entry.deleted && entry.type === type) wanted.push([id, entry]);
    else unreadable.push({ id, problem: 'missing' });
  }
  await openCurrent(session, wanted, records, unreadable);
  return { records, unreadable };
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
export async function listSummaries(session: Session, type: string, part: SummaryPart = { index: 0, of: 1 }): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  session.checkOpen();
  const wanted = [...session.heads.liveOfType(type, partOfShards(part))];
  const withRow = wanted.filter(([, entry]) => entry.summary !== undefined);
  const found = await getInKeyOrder(session.db.objects, withRow.map(([, entry]) => entry.summary ?? ''));
  const rows = new Map(withRow.map(([id], index) => [id, found[index]]));
  const records: DecryptedRecord[] = [];
  const stale: [Id, HeadEntry][] = [];
  // One synchronous run, as in openCurrent: the parts finish in the order asked.
  await withRowOpener(session.holder.keyring, (opener) => {
    for (const [id, entry] of wanted) {
      const opened = entry.summary === undefined ? null : openSummary(opener, entry.summary, rows.get(id), entry.compartment, id, entry.version);
      if (opened) records.push({ id, type, compartment: entry.compartment, version: entry.version, savedAt: opened.savedAt, body: opened.summary });
      else stale.push([id, entry]);
    }
  });
  if (stale.length === 0) return { records, unreadable: [] };
  const full = await readRecords(session, type, stale.map(([id]) => id));
  const entries = new Map(stale);
  const rebuilt: Rebuilt[] = [];
  for (const record of full.records) {
    const entry = entries.get(record.id);
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
  return { records, unreadable: full.unreadable };
}

/** Records per chunk of a packed list: about 60 KB of JSON, a millisecond or two to parse on the UI thread. */
export const PACKED_CHUNK = 200;

/** A packed list with its chunks marked for transfer (comlink), for the engine's list requests. */
export function transferPacked(list: { records: DecryptedRecord[]; unreadable: UnreadableRecord[] }): PackedRecords {
  const packed = packRecords(list);
  return transfer(packed, packed.chunks.map((chunk) => chunk.buffer));
}

/**
 * A list packed for the UI thread as UTF-8 JSON chunks of PACKED_CHUNK records, transferred
 * rather than cloned: structured-cloning ten thousand summaries arrives as one message, which
 * the UI thread deserialises in one long task (and then collects); chunks let it parse a few
 * hundred at a time between frames (client-records.ts `unpack`).
 */
export function packRecords(list: { records: DecryptedRecord[]; unreadable: UnreadableRecord[] }): PackedRecords {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let from = 0; from < list.records.length; from += PACKED_CHUNK) chunks.push(encoder.encode(JSON.stringify(list.records.slice(from, from + PACKED_CHUNK))));
  return { chunks, unreadable: list.unreadable };
}
