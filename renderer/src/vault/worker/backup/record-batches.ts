/**
 * Record entries of a backup: every version of every record, as `backup-records` batches.
 * Runs in the vault worker.
 *
 * The bundle manifest states each entry's length and hash before the first byte is written,
 * and a vault can hold far more records than fit in memory comfortably, so batches are made
 * in two passes over the same snapshot: `planRecordBatches` decrypts every version once,
 * hashing the batch JSON as it goes and keeping only where each batch starts; the writer then
 * asks each batch to `open()` again (second pass) and re-checks length and hash. Nothing but
 * one record's history is held at a time.
 */
import { getSodium, newRecordId } from '../../../../../shared/crypto';
import type { EntrySource } from '../../../../../shared/bundle';
import { IncrementalHasher } from '../../../../../shared/stream';
import { BackupError, RecordNotFoundError } from '../../vault-errors';
import { ATTACHMENT_TYPE } from '../attachment-format';
import { recordHistory } from '../record-store';
import type { Session } from '../session';
import { BACKUP_TYPES, RECORD_BATCH_BYTES, type LiveItem, type RecordItem } from './layout';
import type { RecordRef } from './snapshot';

const encoder = new TextEncoder();
const OPEN = encoder.encode('{"items":[');
const COMMA = encoder.encode(',');
const CLOSE = encoder.encode(']}');

/** Where a batch starts: record index and version (1-based). */
interface Cursor {
  readonly record: number;
  readonly version: number;
}

/** An attachment's body without its blob key and stream header (the restore draws new ones). */
function portableBody(type: string, body: unknown): unknown {
  if (type !== ATTACHMENT_TYPE || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { k: _key, h: _header, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** The items of record `ref` from `fromVersion`, as JSON bytes. */
async function* itemsOf(session: Session, ref: RecordRef, fromVersion: number): AsyncGenerator<Uint8Array> {
  const { id, entry } = ref;
  if (entry.deleted) {
    const item: RecordItem = { id, type: entry.type, compartment: entry.compartment, version: entry.version, deleted: true };
    yield encoder.encode(JSON.stringify(item));
    return;
  }
  let history;
  try {
    history = await recordHistory(session, entry.type, id);
  } catch (error) {
    if (error instanceof RecordNotFoundError) throw new BackupError('changed');
    throw error;
  }
  if (history.length < entry.version) throw new BackupError('changed');
  for (const version of history.slice(fromVersion - 1, entry.version)) {
    const item: RecordItem = {
      id,
      type: entry.type,
      compartment: entry.compartment,
      version: version.version,
      of: entry.version,
      savedAt: version.savedAt,
      body: portableBody(entry.type, version.body) as LiveItem['body'],
    };
    yield encoder.encode(JSON.stringify(item));
  }
}

/** Every item from `start` on, with the cursor of the item after it. */
async function* itemsFrom(session: Session, records: readonly RecordRef[], start: Cursor): AsyncGenerator<{ bytes: Uint8Array; next: Cursor }> {
  for (let index = start.record; index < records.length; index++) {
    const ref = records[index] as RecordRef;
    const first = index === start.record ? start.version : 1;
    let version = first;
    for await (const bytes of itemsOf(session, ref, first)) {
      version += 1;
      const last = ref.entry.deleted || version > ref.entry.version;
      yield { bytes, next: last ? { record: index + 1, version: 1 } : { record: index, version } };
    }
    session.checkOpen();
  }
}

/** A planned batch: where it starts, how many items, and its length and hash. */
interface PlannedBatch {
  readonly start: Cursor;
  readonly count: number;
  readonly length: number;
  readonly blake2b: Uint8Array;
}

/** The bytes of a batch: `{"items":[` item `,` item … `]}`. */
async function* batchBytes(session: Session, records: readonly RecordRef[], batch: PlannedBatch): AsyncGenerator<Uint8Array> {
  yield OPEN;
  let written = 0;
  for await (const { bytes } of itemsFrom(session, records, batch.start)) {
    if (written > 0) yield COMMA;
    yield bytes;
    written += 1;
    if (written === batch.count) break;
  }
  if (written !== batch.count) throw new BackupError('changed');
  yield CLOSE;
}

/**
 * First pass: decrypts every version once and cuts batches of about RECORD_BATCH_BYTES.
 * Returns the entries (their second pass is `open()`).
 */
export async function planRecordBatches(session: Session, records: readonly RecordRef[], onRecord: (done: number) => void): Promise<EntrySource[]> {
  const s = await getSodium();
  const planned: PlannedBatch[] = [];
  let hasher: IncrementalHasher | null = null;
  let start: Cursor = { record: 0, version: 1 };
  let count = 0;
  const close = () => {
    if (!hasher) return;
    hasher.update(CLOSE);
    const digest = hasher.digest();
    planned.push({ start, count, length: digest.length, blake2b: digest.blake2b ?? new Uint8Array() });
    hasher = null;
  };
  try {
    let cursor: Cursor = start;
    for await (const { bytes, next } of itemsFrom(session, records, start)) {
      if (!hasher) {
        hasher = new IncrementalHasher(s, ['blake2b']);
        hasher.update(OPEN);
        start = cursor;
        count = 0;
      } else hasher.update(COMMA);
      hasher.update(bytes);
      count += 1;
      if (next.record !== cursor.record) onRecord(next.record);
      cursor = next;
      if (hasher.length >= RECORD_BATCH_BYTES) close();
    }
    close();
  } finally {
    (hasher as IncrementalHasher | null)?.dispose();
  }
  const entries: EntrySource[] = [];
  for (const batch of planned) {
    entries.push({
      id: await newRecordId(),
      kind: 'record',
      type: BACKUP_TYPES.records,
      length: batch.length,
      blake2b: batch.blake2b,
      open: () => batchBytes(session, records, batch),
    });
  }
  return entries;
}
