// The strict reader's reads, row by row: it asks IndexedDB for exactly the stored rows plus the
// one after FINAL (which must not exist), in batches of at most CHUNK_BATCH + 1 rows, and never
// for rows past that one. In Chromium every key of a bulkGet is a request to the storage
// process whether the row exists or not, so a small attachment asking for a whole batch of 32
// paid for 30 rows it never used (the export reads hundreds of small attachments).
// A real stream is sealed here as the writer seals it (padding, row names, chunk AD) into a real
// IndexedDB, and read back through a fetch that records what it was asked for.
import { afterEach, describe, expect, it } from 'vitest';
import { getSodium } from '../../../shared/crypto';
import { idFromBytes, idToBytes, type Id } from '../../../shared/domain/ids';
import { CHUNK_BYTES, ChunkEncryptor } from '../../../shared/stream';
import { AttachmentError } from '../../../renderer/src/vault/vault-errors';
import { CHUNK_BATCH, deriveBlobKeys, disposeBlobKeys, PAD_MARKER, RowNamer, storedChunkCount } from '../../../renderer/src/vault/worker/attachment-format';
import { readAttachmentStream, type ChunkFetch } from '../../../renderer/src/vault/worker/attachment-reader';
import type { AttachmentRecord } from '../../../renderer/src/vault/worker/attachment-record';
import { VaultDatabase, type StoredChunk } from '../../../renderer/src/vault/worker/database';
import { deleteTestDatabases, testDatabaseName, VAULT_TESTS } from '../vault/support/vault-harness';
import { patternBytes, sha256Hex } from './support';

afterEach(deleteTestDatabases);

interface Sealed {
  readonly record: AttachmentRecord;
  readonly bytes: Uint8Array;
  /** Row ids of chunks 0 .. count (the last one is the row after FINAL, not stored). */
  readonly rowIds: Id[];
}

/** Seals `size` pattern bytes into `db` as the attachment writer would. */
async function seal(db: VaultDatabase, size: number): Promise<Sealed> {
  const s = await getSodium();
  const id = idFromBytes(s.randombytes_buf(16));
  const blobKey = s.randombytes_buf(32);
  const keys = await deriveBlobKeys(blobKey);
  const namer = await RowNamer.create(keys.rows);
  try {
    const bytes = patternBytes(size, size % 251);
    const count = storedChunkCount(size);
    const padded = new Uint8Array(count * CHUNK_BYTES);
    padded.set(bytes);
    padded[size] = PAD_MARKER;
    const encryptor = await ChunkEncryptor.create(keys.stream, { ad: idToBytes(id) });
    const rows: StoredChunk[] = [];
    for (let index = 0; index < count; index += 1) {
      const body = encryptor.push(padded.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES), index === count - 1);
      rows.push({ id: namer.id(index), body: body.slice() });
    }
    await db.chunks.bulkPut(rows);
    const info = { id, name: 'scan.bin', mediaType: 'application/octet-stream', owner: { kind: 'testimony' as const, id }, source: 'file' as const, size, sha256: await sha256Hex(bytes), capturedAt: '2026-01-01T00:00:00.000Z', addedAt: '2026-01-01T00:00:00.000Z' };
    return { record: { info, version: 1, blobKey, header: encryptor.header }, bytes, rowIds: namer.ids(0, count + 1) };
  } finally {
    namer.dispose();
    disposeBlobKeys(keys);
  }
}

/** A fetch over `db` that records every list of ids it is asked for. */
function recordingFetch(db: VaultDatabase): { fetch: ChunkFetch; asked: Id[][] } {
  const asked: Id[][] = [];
  const fetch: ChunkFetch = (ids) => {
    asked.push([...ids]);
    return db.chunks.bulkGet(ids);
  };
  return { asked, fetch };
}

async function readAll(db: VaultDatabase, record: AttachmentRecord, fetch: ChunkFetch): Promise<{ bytes: Uint8Array; sha256: string }> {
  const pieces: Uint8Array[] = [];
  const stream = readAttachmentStream(db, record, fetch);
  for (;;) {
    const next = await stream.next();
    if (next.done) {
      const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
      let at = 0;
      for (const piece of pieces) {
        bytes.set(piece, at);
        at += piece.length;
      }
      return { bytes, sha256: next.value.sha256 };
    }
    pieces.push(next.value);
  }
}

/** The problem a read of `record` is refused with. */
async function refusal(db: VaultDatabase, record: AttachmentRecord): Promise<string> {
  try {
    await readAll(db, record, recordingFetch(db).fetch);
  } catch (error) {
    if (error instanceof AttachmentError) return error.problem;
    throw error;
  }
  throw new Error('the damaged stream was accepted');
}

describe('attachment reader batches', VAULT_TESTS, () => {
  it('asks for exactly the stored rows and the one after FINAL, in batches, and reads every byte', async () => {
    const db = new VaultDatabase(testDatabaseName());
    try {
      // 1 row; 2 rows; a last chunk ending a batch exactly (32 rows); a batch and a bit (40 rows).
      for (const size of [0, 70_000, (CHUNK_BATCH - 1) * CHUNK_BYTES + 5, (CHUNK_BATCH + 7) * CHUNK_BYTES + 9]) {
        const { record, bytes, rowIds } = await seal(db, size);
        const { fetch, asked } = recordingFetch(db);
        const read = await readAll(db, record, fetch);
        // Compared by length and SHA-256 (a deep compare of MiBs element by element is too slow).
        expect(read.bytes.length).toBe(bytes.length);
        expect(await sha256Hex(read.bytes.slice())).toBe(record.info.sha256);
        expect(read.sha256).toBe(record.info.sha256);
        // Batches in order, none larger than CHUNK_BATCH + 1, together every row once.
        expect(asked.flat()).toEqual(rowIds);
        for (const ids of asked) expect(ids.length).toBeLessThanOrEqual(CHUNK_BATCH + 1);
        expect(asked.length).toBe(Math.ceil(rowIds.length / CHUNK_BATCH) - (rowIds.length % CHUNK_BATCH === 1 ? 1 : 0));
      }
    } finally {
      db.close();
    }
  });

  it('still refuses a row after FINAL and a missing row of a small attachment', async () => {
    const db = new VaultDatabase(testDatabaseName());
    try {
      const appended = await seal(db, 70_000);
      const after = appended.rowIds.at(-1);
      const someRow = await db.chunks.get(appended.rowIds[0] ?? '');
      if (after === undefined || !someRow) throw new Error('no rows sealed');
      await db.chunks.put({ id: after, body: someRow.body });
      expect(await refusal(db, appended.record)).toBe('after-final');

      const missing = await seal(db, 3 * CHUNK_BYTES);
      await db.chunks.delete(missing.rowIds[1] ?? '');
      expect(await refusal(db, missing.record)).toBe('missing-chunk');
    } finally {
      db.close();
    }
  });
});
