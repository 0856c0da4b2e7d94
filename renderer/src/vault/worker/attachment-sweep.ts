/**
 * The start-up sweep of attachments. Runs in the vault worker, at every unlock, before the
 * session is handed to the user.
 *
 * A pending marker (table `blobs`) names an attachment whose import or deletion did not
 * finish: the process was killed, the vault locked mid-import, the disk filled. Its record
 * decides what it was:
 * - record live: the import committed (or a deletion never got as far as the record); the
 *   attachment is whole, only the marker is left over;
 * - no record, or a tombstone: the chunks belong to nothing and are deleted.
 * Chunks are always written, and deleted, so that those left form a prefix 0..n-1: probing
 * from row 0 finds them all.
 */
import { getSodium, KeyringStateError, wipe } from '../../../../shared/crypto';
import { isId } from '../../../../shared/domain/ids';
import { RecordIntegrityError } from '../vault-errors';
import { CHUNK_BATCH, deriveBlobKeys, disposeBlobKeys, PENDING_TYPE, RowNamer } from './attachment-format';
import { deleteChunks } from './attachment-writer';
import type { StoredObject, VaultDatabase } from './database';
import { isPlainRecord, openRow } from './sealed-rows';
import type { Session } from './session';

/** What a sweep did. */
export interface SweepResult {
  /** Unfinished imports (or deletions) whose chunks were deleted. */
  readonly orphans: number;
  readonly chunks: number;
  /** Markers no held key opens (left in place, reported). */
  readonly unreadable: number;
}

/** How many chunk rows, from row 0, exist. */
async function countPrefix(db: VaultDatabase, namer: RowNamer): Promise<number> {
  for (let from = 0; ; from += CHUNK_BATCH) {
    const ids = namer.ids(from, CHUNK_BATCH);
    const present = new Set(await db.chunks.where('id').anyOf(ids).primaryKeys());
    const gap = ids.findIndex((id) => !present.has(id));
    if (gap >= 0) return from + gap;
  }
}

async function markerKey(session: Session, row: StoredObject): Promise<Uint8Array | null> {
  const s = await getSodium();
  try {
    const content = await openRow(session.holder.keyring, { table: 'blobs', id: row.id, compartment: 'general' }, row, { type: PENDING_TYPE, headVersion: 1 });
    const body = content.body;
    if (!isPlainRecord(body) || typeof body['k'] !== 'string') return null;
    const key = s.from_base64(body['k'], s.base64_variants.ORIGINAL);
    return key.length === 32 ? key : null;
  } catch (error) {
    // A closing session is not an unreadable marker; anything else (tampered, bad base64) is.
    if (error instanceof KeyringStateError) throw error;
    return null;
  }
}

/** Finishes every unfinished import or deletion; see the module comment. */
export async function sweepAttachments(session: Session): Promise<SweepResult> {
  const db = session.db;
  let orphans = 0;
  let chunks = 0;
  let unreadable = 0;
  for (const row of await db.blobs.toArray()) {
    session.checkOpen();
    const blobKey = isId(row.id) ? await markerKey(session, row) : null;
    if (!blobKey) {
      unreadable += 1;
      continue;
    }
    let entry;
    try {
      entry = session.heads.get(row.id);
    } catch (error) {
      // The head shard is unreadable (reported at unlock): deciding blind could delete data.
      if (!(error instanceof RecordIntegrityError)) throw error;
      wipe(blobKey);
      unreadable += 1;
      continue;
    }
    const keys = await deriveBlobKeys(blobKey);
    wipe(blobKey);
    try {
      if (!entry || entry.deleted) {
        const namer = await RowNamer.create(keys.rows);
        const count = await countPrefix(db, namer);
        await deleteChunks(db, namer, count).finally(() => namer.dispose());
        orphans += 1;
        chunks += count;
      }
      await db.transaction('rw', db.blobs, () => db.blobs.delete(row.id));
    } finally {
      disposeBlobKeys(keys);
    }
  }
  return { orphans, chunks, unreadable };
}
