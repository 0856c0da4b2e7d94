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
import { newRecordId, type Compartment, type RecordContent } from '../../../../shared/crypto';
import { idFromBytes, isId, type Id } from '../../../../shared/domain/ids';
import type { UnreadableRecord } from '../vault-client';
import { RecordIntegrityError, RecordNotFoundError, VersionConflictError } from '../vault-errors';
import type { DecryptedRecord } from '../worker-api';
import type { StoredObject } from './database';
import { withEntry, type HeadEntry } from './head-index';
import { isPlainRecord, openRow, sealRow } from './sealed-rows';
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

async function openVersion(session: Session, table: 'objects' | 'versions', rowId: Id, row: StoredObject | undefined, recordId: Id, entry: HeadEntry, version: number): Promise<DecryptedRecord> {
  if (!row) throw new RecordIntegrityError('missing');
  const keyring = session.holder.keyring;
  const content = await openRow(keyring, { table, id: rowId, compartment: entry.compartment }, row, { type: entry.type, headVersion: version });
  // openRecord accepts a *newer* version; our writes commit row and head together, so any
  // mismatch means someone put a row here that the head never pointed to.
  if (content.version !== version) throw new RecordIntegrityError('replayed');
  return decode(recordId, entry.compartment, content);
}

/** Seals version `version` of a record into both tables; nothing is written yet. */
async function sealVersion(session: Session, id: Id, type: string, compartment: Compartment, version: number, body: unknown) {
  const keyring = session.holder.keyring;
  const savedAt = new Date().toISOString();
  const content: RecordContent = { type, version, body: { at: savedAt, b: body } };
  const versionId = await randomId();
  const object = await sealRow(keyring, { table: 'objects', id, compartment }, content);
  const versionRow = await sealRow(keyring, { table: 'versions', id: versionId, compartment }, content);
  // What a read would return: the body after its JSON round trip.
  const record: DecryptedRecord = { id, type, compartment, version, savedAt, body: JSON.parse(JSON.stringify(body)) as unknown };
  return { object, versionRow, versionId, record };
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
    const entry: HeadEntry = { type, compartment, version: 1, history: [sealed.versionId], deleted: false };
    await session.commit({
      objects: { put: [sealed.object] },
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
  return openVersion(session, 'objects', id, await session.db.objects.get(id), id, entry, entry.version);
}

/** Writes version `expectedVersion + 1`. */
export function updateRecord(session: Session, type: string, id: Id, body: unknown, expectedVersion: number): Promise<DecryptedRecord> {
  return session.exclusive(async () => {
    const entry = liveEntry(session, type, id);
    if (entry.version !== expectedVersion) throw new VersionConflictError(entry.version);
    const version = entry.version + 1;
    const sealed = await sealVersion(session, id, type, entry.compartment, version, body);
    const next: HeadEntry = { ...entry, version, history: [...entry.history, sealed.versionId] };
    await session.commit({
      objects: { put: [sealed.object] },
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
      objects: { remove: [id] },
      versions: { remove: entry.history },
      shard: withEntry(session.heads.shardFor(id), id, { ...entry, history: [], deleted: true }),
      audit: [{ action: 'record.delete', data: { id, type, v: entry.version } }],
    });
  });
}

/** Every live record of `type`; rows that fail to open are reported, not dropped. */
export async function listRecords(session: Session, type: string): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }> {
  session.checkOpen();
  const wanted = [...session.heads.liveOfType(type)];
  const rows = await session.db.objects.bulkGet(wanted.map(([id]) => id));
  const records: DecryptedRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const [index, [id, entry]] of wanted.entries()) {
    try {
      records.push(await openVersion(session, 'objects', id, rows[index], id, entry, entry.version));
    } catch (error) {
      if (!(error instanceof RecordIntegrityError)) throw error;
      unreadable.push({ id, problem: error.problem });
    }
  }
  return { records, unreadable };
}

/** Every version of a record, oldest first. */
export async function recordHistory(session: Session, type: string, id: Id): Promise<DecryptedRecord[]> {
  session.checkOpen();
  const entry = liveEntry(session, type, id);
  const rows = await session.db.versions.bulkGet([...entry.history]);
  const out: DecryptedRecord[] = [];
  for (const [index, versionId] of entry.history.entries()) {
    out.push(await openVersion(session, 'versions', versionId, rows[index], id, entry, index + 1));
  }
  return out;
}
