/**
 * Writing one attachment as a stream. Runs in the vault worker.
 *
 * Crash safety (DESIGN.md §5, "pending → complete marker and a start-up sweep"):
 *   1. a sealed pending marker (attachment id → blob key) is committed before any chunk;
 *   2. chunks are encrypted first, then written CHUNK_BATCH rows per transaction, in order;
 *   3. the metadata record is committed under the attachment id (the "complete" marker);
 *   4. the pending marker is deleted.
 * A marker without a live record is an import that never finished: the sweep at unlock
 * (attachment-sweep.ts) deletes its chunks. A cancelled import deletes them at once.
 *
 * Memory: one 64 KiB plaintext buffer and at most one batch of ciphertext rows (2 MiB),
 * whatever the size of the attachment.
 */
import { getSodium, newRecordId, wipe } from '../../../../shared/crypto';
import { idFromBytes, idToBytes, type Id } from '../../../../shared/domain/ids';
import { CHUNK_BYTES, ChunkEncryptor } from '../../../../shared/stream';
import type { AttachmentDraft, AttachmentExtra, AttachmentInfo } from '../attachment-types';
import { AttachmentError, VaultStorageFullError } from '../vault-errors';
import { ATTACHMENT_TYPE, CHUNK_BATCH, deriveBlobKeys, disposeBlobKeys, MAX_ATTACHMENT_BYTES, PAD_MARKER, PENDING_TYPE, RowNamer, storedChunkCount, type BlobKeys } from './attachment-format';
import { openSha256, type Sha256Stream } from './attachment-hasher';
import { checkDraft, decodeAttachment, encodeAttachmentBody } from './attachment-record';
import { exactBytes, isQuotaError, type StoredChunk, type VaultDatabase } from './database';
import { createRecord } from './record-store';
import { sealRow } from './sealed-rows';
import type { Session } from './session';

/** Writes `rows` in one transaction that awaits only Dexie. */
export async function putChunks(db: VaultDatabase, rows: readonly StoredChunk[]): Promise<void> {
  try {
    await db.transaction('rw', db.chunks, () => db.chunks.bulkPut([...rows]));
  } catch (error) {
    if (isQuotaError(error)) throw new VaultStorageFullError();
    throw error;
  }
}

/**
 * Deletes chunk rows `0 .. count - 1`, last batch first: if this is cut short, what is left is
 * still a prefix, which the sweep finds by probing from row 0.
 */
export async function deleteChunks(db: VaultDatabase, namer: RowNamer, count: number): Promise<void> {
  for (let end = count; end > 0; end -= CHUNK_BATCH) {
    const start = Math.max(0, end - CHUNK_BATCH);
    const ids = namer.ids(start, end - start);
    await db.transaction('rw', db.chunks, () => db.chunks.bulkDelete(ids));
  }
}

/**
 * Seals and stores the pending marker of attachment `id`, under the session's write lock: a key
 * rotation (rotation.ts) switches epochs under that lock, then re-wraps the rows it finds, so a
 * marker is either sealed under the new epoch or already in the table when the re-wrap reads
 * it. Sealed outside the lock, a marker could be sealed under the old epoch and stored after the
 * re-wrap passed: once that epoch is retired, neither the sweep nor anything else could open it.
 */
export async function putPendingMarker(session: Session, id: Id, blobKey: Uint8Array): Promise<void> {
  const s = await getSodium();
  const body = { k: s.to_base64(blobKey, s.base64_variants.ORIGINAL) };
  await session.exclusive(async () => {
    const row = await sealRow(session.holder.keyring, { table: 'blobs', id, compartment: 'general' }, { type: PENDING_TYPE, version: 1, body });
    try {
      await session.db.transaction('rw', session.db.blobs, () => session.db.blobs.put(row));
    } catch (error) {
      if (isQuotaError(error)) throw new VaultStorageFullError();
      throw error;
    }
  });
}

/** One attachment being written. Not safe for concurrent calls: await each. */
export class AttachmentWriter {
  private readonly buffer = new Uint8Array(CHUNK_BYTES);
  private fill = 0;
  private rows: StoredChunk[] = [];
  /** Rows committed to the database. */
  private written = 0;
  /** The batch being written, and how many rows it holds. */
  private inflight: Promise<void> | null = null;
  private queued = 0;
  private size = 0;
  private deferred: { readonly size: number; readonly sha256: string } | null = null;
  /** `deferred`: chunks sealed, the record is the caller's to commit (`finishDeferred`). */
  private state: 'open' | 'deferred' | 'finished' | 'aborted' = 'open';

  private constructor(
    private readonly session: Session,
    readonly id: Id,
    private readonly draft: AttachmentDraft,
    private readonly blobKey: Uint8Array,
    private readonly keys: BlobKeys,
    private readonly namer: RowNamer,
    private readonly encryptor: ChunkEncryptor,
    private readonly hasher: Sha256Stream,
  ) {}

  /** Checks the draft, draws the blob key and commits the pending marker. */
  static async begin(session: Session, draft: AttachmentDraft): Promise<AttachmentWriter> {
    session.checkOpen();
    checkDraft(draft);
    const s = await getSodium();
    const id = idFromBytes(await newRecordId());
    const blobKey = s.randombytes_buf(32);
    const keys = await deriveBlobKeys(blobKey);
    let hasher: Sha256Stream | undefined;
    try {
      const namer = await RowNamer.create(keys.rows);
      const encryptor = await ChunkEncryptor.create(keys.stream, { ad: idToBytes(id) });
      hasher = await openSha256();
      await putPendingMarker(session, id, blobKey);
      return new AttachmentWriter(session, id, draft, blobKey, keys, namer, encryptor, hasher);
    } catch (error) {
      hasher?.dispose();
      disposeBlobKeys(keys);
      wipe(blobKey);
      throw error;
    }
  }

  /** A namer of this attachment's rows, for test seams (the caller disposes it). */
  rowNamer(): Promise<RowNamer> {
    return RowNamer.create(this.keys.rows);
  }

  /** Bytes of the original received so far. */
  get bytes(): number {
    return this.size;
  }

  private check(): void {
    this.session.checkOpen();
    if (this.state === 'aborted') throw new AttachmentError('cancelled');
    if (this.state === 'finished') throw new AttachmentError('invalid-state');
  }

  /**
   * Starts writing the pending batch once the previous one has committed: batches still land
   * in order (what is on disk is always a prefix), but IndexedDB writes one batch while the
   * next is hashed and encrypted. At most two batches (4 MiB) are held.
   */
  private async flush(): Promise<void> {
    await this.settle();
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.queued = rows.length;
    const inflight = putChunks(this.session.db, rows);
    // Its failure is thrown by `settle` (or weighed by `abort`), which may come only after more
    // chunks are hashed and encrypted: until then a rejection with no handler is reported as
    // unhandled (a full disk surfaced twice, once as an unhandled error). Marked handled here.
    inflight.catch(() => undefined);
    this.inflight = inflight;
  }

  /** Waits for the batch being written; its failure is thrown here. */
  private async settle(): Promise<void> {
    const inflight = this.inflight;
    if (!inflight) return;
    this.inflight = null;
    const count = this.queued;
    this.queued = 0;
    await inflight;
    this.written += count;
  }

  /** Encrypts one full 64 KiB plaintext chunk into the pending batch. */
  private async pushChunk(plain: Uint8Array, final: boolean): Promise<void> {
    const index = this.written + this.queued + this.rows.length;
    this.rows.push({ id: this.namer.id(index), body: exactBytes(this.encryptor.push(plain, final)) });
    if (this.rows.length >= CHUNK_BATCH) await this.flush();
  }

  /** Appends original bytes; full chunks are encrypted at once (a padding byte always follows). */
  async append(bytes: Uint8Array): Promise<void> {
    this.check();
    if (!(bytes instanceof Uint8Array)) throw new AttachmentError('invalid-state'); // it crossed from the main thread
    if (this.size + bytes.length > MAX_ATTACHMENT_BYTES) throw new AttachmentError('too-large');
    await this.hasher.update(bytes);
    this.size += bytes.length;
    let offset = 0;
    while (offset < bytes.length) {
      const n = Math.min(CHUNK_BYTES - this.fill, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + n), this.fill);
      this.fill += n;
      offset += n;
      if (this.fill === CHUNK_BYTES) {
        await this.pushChunk(this.buffer, false);
        this.fill = 0;
      }
    }
  }

  /** Pads and writes the remaining chunks, the last one FINAL; returns the SHA-256 of the original. */
  private async writeFinal(): Promise<string> {
    const total = storedChunkCount(this.size);
    this.buffer.fill(0, this.fill);
    this.buffer[this.fill] = PAD_MARKER;
    let index = this.written + this.queued + this.rows.length;
    await this.pushChunk(this.buffer, index === total - 1);
    this.buffer.fill(0);
    for (index += 1; index < total; index++) await this.pushChunk(this.buffer, index === total - 1);
    await this.flush();
    await this.settle();
    return this.hasher.digest();
  }

  /**
   * Bundle import (worker/import): writes the FINAL chunk but commits nothing; the marker stays,
   * so the attachment is still PENDING. The importer seals `deferredBody` into its one merge
   * transaction (deleting the marker there), then calls `release`; or `abort` deletes the rows.
   */
  async finishDeferred(): Promise<{ readonly size: number; readonly sha256: string }> {
    this.check();
    try {
      const sha256 = await this.writeFinal();
      this.state = 'deferred';
      this.deferred = { size: this.size, sha256 };
      return this.deferred;
    } catch (error) {
      await this.abort().catch(() => undefined);
      throw error;
    }
  }

  /** The metadata record body for `draft` of a `finishDeferred` stream (carries the blob key). */
  async deferredBody(draft: AttachmentDraft): Promise<Record<string, unknown>> {
    if (this.state !== 'deferred' || !this.deferred) throw new AttachmentError('invalid-state');
    return encodeAttachmentBody(checkDraft(draft), {}, { blobKey: this.blobKey, header: this.encryptor.header, ...this.deferred });
  }

  /** After the importer's transaction committed the record and removed the marker: drop the keys. */
  release(): void {
    if (this.state !== 'deferred') return;
    this.state = 'finished';
    this.dispose();
  }

  /** Pads, writes the FINAL chunk, commits the metadata record and removes the marker. */
  async finish(extra: AttachmentExtra = {}): Promise<AttachmentInfo> {
    this.check();
    this.state = 'finished';
    let committed = false;
    try {
      const sha256 = await this.writeFinal();
      const body = await encodeAttachmentBody(this.draft, extra, { blobKey: this.blobKey, header: this.encryptor.header, size: this.size, sha256 });
      const record = await createRecord(this.session, ATTACHMENT_TYPE, 'general', body, this.id);
      committed = true;
      // The record now owns the blob key. A marker left by a failure or crash here is one the
      // sweep recognises as finished (its record is live) and simply removes.
      const db = this.session.db;
      await db.transaction('rw', db.blobs, () => db.blobs.delete(this.id)).catch(() => undefined);
      return (await decodeAttachment(record)).info;
    } catch (error) {
      if (!committed) {
        this.state = 'open';
        await this.abort().catch(() => undefined);
      }
      throw error;
    } finally {
      this.dispose();
    }
  }

  /** Deletes every row written so far, then the marker. Safe to call more than once. */
  async abort(): Promise<void> {
    if (this.state !== 'open' && this.state !== 'deferred') return;
    this.state = 'aborted';
    this.rows = [];
    try {
      const db = this.session.db;
      // A batch still being written may have committed: count it before deleting.
      const inflight = this.inflight;
      if (inflight && (await inflight.then(() => true, () => false))) this.written += this.queued;
      this.inflight = null;
      await deleteChunks(db, this.namer, this.written);
      await db.transaction('rw', db.blobs, () => db.blobs.delete(this.id));
    } finally {
      this.dispose();
    }
  }

  private dispose(): void {
    this.hasher.dispose();
    this.buffer.fill(0);
    this.namer.dispose();
    disposeBlobKeys(this.keys);
    wipe(this.blobKey);
  }
}
