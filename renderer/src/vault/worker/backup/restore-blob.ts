/**
 * One attachment of a backup, re-encrypted into the restored vault as it streams out of the
 * bundle: a new blob key, chunk rows in the format of docs/attachment-format.md (padded,
 * 64 KiB, keyed row ids, FINAL last). Runs in the vault worker.
 *
 * No pending marker: during a restore the whole database is pending. The keyring is written
 * only after every entry verified and committed, and until then nothing in the database can
 * be opened; a failure deletes the database (restore.ts), a crash leaves a database without a
 * keyring, which the next start deletes (create-vault-client.ts `init`).
 */
import { getSodium, wipe } from '../../../../../shared/crypto';
import { idToBytes, type Id } from '../../../../../shared/domain/ids';
import { CHUNK_BYTES, ChunkEncryptor, IncrementalHasher } from '../../../../../shared/stream';
import { CHUNK_BATCH, deriveBlobKeys, disposeBlobKeys, PAD_MARKER, RowNamer, storedChunkCount, toHex, type BlobKeys } from '../attachment-format';
import { putChunks } from '../attachment-writer';
import { exactBytes, type StoredChunk, type VaultDatabase } from '../database';

/** What the metadata record needs once the stream is stored. */
export interface StoredBlob {
  readonly blobKey: Uint8Array;
  readonly header: Uint8Array;
  readonly size: number;
  readonly sha256: string;
}

/** Writes one attachment's chunks. Await each call. */
export class RestoredBlob {
  private readonly buffer = new Uint8Array(CHUNK_BYTES);
  private fill = 0;
  private size = 0;
  private index = 0;
  private rows: StoredChunk[] = [];

  private constructor(
    private readonly db: VaultDatabase,
    private readonly blobKey: Uint8Array,
    private readonly keys: BlobKeys,
    private readonly namer: RowNamer,
    private readonly encryptor: ChunkEncryptor,
    private readonly hasher: IncrementalHasher,
  ) {}

  static async begin(db: VaultDatabase, id: Id): Promise<RestoredBlob> {
    const s = await getSodium();
    const blobKey = s.randombytes_buf(32);
    const keys = await deriveBlobKeys(blobKey);
    const namer = await RowNamer.create(keys.rows);
    const encryptor = await ChunkEncryptor.create(keys.stream, { ad: idToBytes(id) });
    return new RestoredBlob(db, blobKey, keys, namer, encryptor, new IncrementalHasher(s, ['sha256']));
  }

  private async push(plain: Uint8Array, final: boolean): Promise<void> {
    this.rows.push({ id: this.namer.id(this.index), body: exactBytes(this.encryptor.push(plain, final)) });
    this.index += 1;
    if (this.rows.length >= CHUNK_BATCH || final) {
      const rows = this.rows;
      this.rows = [];
      await putChunks(this.db, rows);
    }
  }

  async append(bytes: Uint8Array): Promise<void> {
    this.hasher.update(bytes);
    this.size += bytes.length;
    for (let offset = 0; offset < bytes.length; ) {
      const n = Math.min(CHUNK_BYTES - this.fill, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + n), this.fill);
      this.fill += n;
      offset += n;
      if (this.fill === CHUNK_BYTES) {
        await this.push(this.buffer, false);
        this.fill = 0;
      }
    }
  }

  /** Pads and writes the last chunks; the caller owns the returned blob key. */
  async finish(): Promise<StoredBlob> {
    const total = storedChunkCount(this.size);
    this.buffer.fill(0, this.fill);
    this.buffer[this.fill] = PAD_MARKER;
    await this.push(this.buffer, this.index === total - 1);
    this.buffer.fill(0);
    while (this.index < total) await this.push(this.buffer, this.index === total - 1);
    const sha256 = toHex(this.hasher.digest().sha256 ?? new Uint8Array());
    this.namer.dispose();
    disposeBlobKeys(this.keys);
    return { blobKey: this.blobKey, header: this.encryptor.header.slice(), size: this.size, sha256 };
  }

  /** Forgets the keys (the rows go with the database on failure). */
  dispose(): void {
    this.hasher.dispose();
    this.buffer.fill(0);
    this.namer.dispose();
    disposeBlobKeys(this.keys);
    wipe(this.blobKey);
  }
}
