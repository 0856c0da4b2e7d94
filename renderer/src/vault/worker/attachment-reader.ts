/**
 * The strict reader of an attachment's stored stream. Runs in the vault worker.
 *
 * Built on shared/stream's ChunkDecryptor (which refuses bad sizes, bad tags, failed
 * authentication and anything after FINAL), plus what only the vault can check: rows are
 * looked up by their keyed ids in order, so a missing row, a row after FINAL, or a stream
 * whose length, padding or SHA-256 differs from the metadata record is refused too.
 * Reordered or duplicated rows fail authentication: secretstream chains each chunk to the last.
 *
 * Earlier pieces are released as their chunks authenticate (for progressive playback); the
 * last piece only once every end-of-stream check has passed, so a consumer that waits for
 * `done` never sees a byte of a stream that is later refused.
 */
import { idToBytes, type Id } from '../../../../shared/domain/ids';
import { CHUNK_BYTES, CIPHER_CHUNK_BYTES, ChunkDecryptor, StreamError } from '../../../../shared/stream';
import { AttachmentError, type AttachmentProblem } from '../vault-errors';
import { CHUNK_BATCH, deriveBlobKeys, disposeBlobKeys, originalBytesIn, RowNamer, storedChunkCount } from './attachment-format';
import { openSha256, type Sha256Stream } from './attachment-hasher';
import type { AttachmentRecord } from './attachment-record';
import type { StoredChunk, VaultDatabase } from './database';

const STREAM_PROBLEMS: Readonly<Record<string, AttachmentProblem>> = {
  truncated: 'truncated',
  'after-final': 'after-final',
  'chunk-size': 'chunk-size',
  'auth-failed': 'auth-failed',
  'bad-tag': 'bad-tag',
  'length-mismatch': 'length-mismatch',
  'hash-mismatch': 'hash-mismatch',
  empty: 'chunk-size',
  'too-long': 'length-mismatch',
  'bad-header': 'auth-failed',
  'invalid-input': 'invalid-state',
};

/** Rethrows a stream error as the attachment problem it means. */
function asAttachmentError(error: unknown): unknown {
  if (error instanceof StreamError) return new AttachmentError(STREAM_PROBLEMS[error.code] ?? 'auth-failed');
  return error;
}

/** True if a chunk row `id` exists (reads the key only, not the 64 KiB body). */
export async function hasChunk(db: VaultDatabase, id: string): Promise<boolean> {
  return (await db.chunks.where('id').equals(id).count()) > 0;
}

/** What a complete, verified read measured. */
export interface ReadResult {
  readonly size: number;
  readonly sha256: string;
}

/**
 * Where a read gets its chunk rows, in the order of `ids` (undefined for a row that does not
 * exist). By default one `bulkGet` per batch; the export's first pass passes a fetch that joins
 * the requests of several attachments read at once into one (export/coalesced-chunks.ts).
 */
export type ChunkFetch = (ids: Id[]) => Promise<(StoredChunk | undefined)[]>;

/**
 * Yields the original bytes of `record`, piece by piece (one per chunk, views into fresh
 * arrays), and returns the verified length and SHA-256. Throws `AttachmentError`. Every check is
 * the reader's own whatever `fetchRows` is: a row it returns is authenticated like any other.
 *
 * Speed without giving up a check: the next batch of rows is fetched while this one is
 * decrypted (IndexedDB works in the browser's storage thread meanwhile), and the SHA-256 is
 * computed on the hashing worker in parallel (attachment-hasher.ts). The last piece still
 * waits for the digest, so nothing of a refused stream completes.
 */
export async function* readAttachmentStream(db: VaultDatabase, record: AttachmentRecord, fetchRows: ChunkFetch = (ids) => db.chunks.bulkGet(ids)): AsyncGenerator<Uint8Array, ReadResult> {
  const size = record.info.size;
  const expected = storedChunkCount(size);
  const keys = await deriveBlobKeys(record.blobKey);
  const namer = await RowNamer.create(keys.rows);
  let hasher: Sha256Stream | undefined;
  /**
   * Starts fetching the batch from row `from` (an error is rethrown where it is awaited). The
   * batch that holds the last expected row ends with the row after it, which must not exist:
   * the after-FINAL check then costs no request of its own. Rows past that one are never asked
   * for: in Chromium every key of a bulkGet is a request to the storage process, found or not,
   * and a small attachment (2–5 rows) asking for a whole batch of 32 cost ten times its reads.
   */
  const fetchBatch = (from: number): Promise<(StoredChunk | undefined)[]> => {
    const count = Math.max(1, Math.min(CHUNK_BATCH, expected - from) + (from + CHUNK_BATCH >= expected ? 1 : 0));
    const rows = fetchRows(namer.ids(from, count));
    rows.catch(() => undefined); // not left unhandled if the stream ends before it is awaited
    return rows;
  };
  try {
    hasher = await openSha256();
    const decryptor = await ChunkDecryptor.create(keys.stream, record.header, { ad: idToBytes(record.info.id) }).catch((error: unknown) => {
      throw asAttachmentError(error);
    });
    let batch = fetchBatch(0);
    for (let index = 0; ; ) {
      const rows = await batch;
      // Rows past the expected count are never needed ahead: FINAL must come at expected − 1.
      const ahead = index + CHUNK_BATCH < expected ? fetchBatch(index + CHUNK_BATCH) : null;
      for (const [position, row] of rows.entries()) {
        if (!row) {
          // Nothing further authenticates without this row: say whether rows follow it.
          throw new AttachmentError((await hasChunk(db, namer.id(index + 1))) ? 'missing-chunk' : 'truncated');
        }
        if (row.body.length !== CIPHER_CHUNK_BYTES) throw new AttachmentError('chunk-size');
        let plain: Uint8Array;
        try {
          plain = decryptor.pull(row.body);
        } catch (error) {
          throw asAttachmentError(error);
        }
        const start = index * CHUNK_BYTES;
        index += 1;
        const original = originalBytesIn(plain, start, size);
        if (original < 0) throw new AttachmentError('length-mismatch');
        const piece = plain.subarray(0, original);
        await hasher.update(piece);
        if (!decryptor.finished) {
          if (index >= expected) throw new AttachmentError('length-mismatch');
          if (piece.length > 0) yield piece;
          continue;
        }
        // The row after FINAL (id `index`) was fetched with this batch, unless the batch ended here.
        const after = position + 1 < rows.length ? rows[position + 1] !== undefined : await hasChunk(db, namer.id(index));
        if (after) throw new AttachmentError('after-final');
        if (index !== expected) throw new AttachmentError('length-mismatch');
        const sha256 = await hasher.digest();
        // Not a secret: both hashes are shown to the user. A plain compare is fine here.
        if (sha256 !== record.info.sha256) throw new AttachmentError('hash-mismatch');
        if (piece.length > 0) yield piece;
        return { size, sha256 };
      }
      batch = ahead ?? fetchBatch(index); // no batch ahead: past the expected count, a damaged stream
    }
  } finally {
    hasher?.dispose();
    namer.dispose();
    disposeBlobKeys(keys);
  }
}
