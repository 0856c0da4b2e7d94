/**
 * Writes a stream of pieces to an open file with one `writev` per ~1 MiB instead of one
 * `write` per piece. `open` receives a bundle entry as 64 KiB pieces; each file-system call is
 * a round trip to libuv's thread pool, so batching cuts those sixteen-fold without copying
 * (the reader never reuses a piece it handed out, so holding them until the flush is safe).
 */
import type { FileHandle } from 'node:fs/promises';

/** Bytes collected before they are written. */
export const BATCH_BYTES = 1024 * 1024;

/** The two calls used, as FileHandle has them. */
export type WritableHandle = Pick<FileHandle, 'write' | 'writev'>;

/**
 * Writes every piece, in order, at the file's current position. A short write (a regular file
 * normally writes all or fails, but POSIX allows fewer bytes) resumes where it stopped.
 */
export async function writeAllPieces(handle: WritableHandle, pieces: readonly Uint8Array[]): Promise<void> {
  if (pieces.length === 0) return;
  let done = (await handle.writev(pieces)).bytesWritten;
  for (const piece of pieces) {
    if (done >= piece.length) {
      done -= piece.length;
      continue;
    }
    for (let offset = done; offset < piece.length; ) offset += (await handle.write(piece, offset)).bytesWritten;
    done = 0;
  }
}

/** Collects pieces for one file; `flush()` before syncing or closing it. */
export class BatchedFileWriter {
  private pieces: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly handle: WritableHandle) {}

  /** Keeps `bytes` (not copied: the caller must not change it) and writes once a batch is full. */
  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.pieces.push(bytes);
    this.size += bytes.length;
    if (this.size >= BATCH_BYTES) await this.flush();
  }

  /** Writes whatever is collected. */
  async flush(): Promise<void> {
    const pieces = this.pieces;
    this.pieces = [];
    this.size = 0;
    await writeAllPieces(this.handle, pieces);
  }
}
