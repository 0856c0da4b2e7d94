/**
 * Attachments as stored records: load, list by owner, verify, delete. Runs in the vault worker;
 * the only code (with the writer, reader and sweep) that touches attachment rows.
 */
import { wipe } from '../../../../shared/crypto';
import type { Id } from '../../../../shared/domain/ids';
import type { AttachmentInfo, AttachmentListing, AttachmentOwner, AttachmentVerification } from '../attachment-types';
import { RecordIntegrityError } from '../vault-errors';
import { ATTACHMENT_TYPE, deriveBlobKeys, disposeBlobKeys, RowNamer, storedChunkCount } from './attachment-format';
import { readAttachmentStream } from './attachment-reader';
import { decodeAttachment, type AttachmentRecord } from './attachment-record';
import { deleteChunks, putPendingMarker } from './attachment-writer';
import { deleteRecord, listRecords, readRecord } from './record-store';
import type { Session } from './session';

/** Test seams of the attachment store; the app passes none. */
export interface AttachmentSeams {
  /** Told the row naming of every attachment a writer starts (to find and tamper rows). */
  readonly onRows?: (id: Id, rowId: (index: number) => string) => void;
  /** Rewrites decrypted metadata before use (to feed the reader a record that lies). */
  readonly metadata?: (info: AttachmentInfo) => AttachmentInfo;
}

/** The decrypted metadata record of attachment `id` (RecordNotFoundError if there is none). */
export async function loadAttachment(session: Session, id: Id, seams: AttachmentSeams = {}): Promise<AttachmentRecord> {
  session.checkOpen();
  const record = await decodeAttachment(await readRecord(session, ATTACHMENT_TYPE, id));
  return seams.metadata ? { ...record, info: seams.metadata(record.info) } : record;
}

/**
 * The attachments of `owner`, oldest first. Metadata that fails to decrypt cannot be assigned
 * to an owner, so every unreadable attachment record is reported (never silently dropped).
 */
export async function listAttachments(session: Session, owner: AttachmentOwner): Promise<AttachmentListing> {
  session.checkOpen();
  const { records, unreadable } = await listRecords(session, ATTACHMENT_TYPE);
  const attachments: AttachmentInfo[] = [];
  const broken: Id[] = unreadable.map((item) => item.id);
  for (const record of records) {
    try {
      const { info, blobKey } = await decodeAttachment(record);
      wipe(blobKey);
      if (info.owner.kind === owner.kind && info.owner.id === owner.id) attachments.push(info);
    } catch (error) {
      if (!(error instanceof RecordIntegrityError)) throw error;
      broken.push(record.id);
    }
  }
  attachments.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  return { attachments, unreadable: broken };
}

/** Decrypts every chunk again and checks length, padding and SHA-256 against the metadata. */
export async function verifyAttachment(session: Session, id: Id, seams: AttachmentSeams = {}): Promise<AttachmentVerification> {
  const record = await loadAttachment(session, id, seams);
  try {
    const stream = readAttachmentStream(session.db, record);
    for (;;) {
      const next = await stream.next();
      if (next.done) return { id, size: next.value.size, sha256: next.value.sha256, checkedAt: new Date().toISOString() };
      session.checkOpen();
    }
  } finally {
    wipe(record.blobKey);
  }
}

/**
 * Deletes an attachment: marker (with the blob key) first, then the record (from here on the
 * attachment is gone for the user), then its chunks, then the marker. Cut short anywhere, the
 * sweep at the next unlock finishes the job.
 */
export async function deleteAttachment(session: Session, id: Id): Promise<void> {
  const record = await loadAttachment(session, id);
  const keys = await deriveBlobKeys(record.blobKey);
  try {
    await putPendingMarker(session, id, record.blobKey);
    await deleteRecord(session, ATTACHMENT_TYPE, id, record.version);
    const namer = await RowNamer.create(keys.rows);
    await deleteChunks(session.db, namer, storedChunkCount(record.info.size)).finally(() => namer.dispose());
    await session.db.transaction('rw', session.db.blobs, () => session.db.blobs.delete(id));
  } finally {
    disposeBlobKeys(keys);
    wipe(record.blobKey);
  }
}
