/**
 * The opened bundle as a stream, pulled slice by slice from the main thread. Runs in the vault
 * worker: `read` is a comlink proxy over `OpenedFile.read`, so the file is never whole in
 * either thread and the bundle's bytes (ciphertext) are the only thing that crosses.
 */
import type { ImportProgress, ImportSource } from '../../import-types';

/** Bytes asked for per pull: large enough that message passing costs little. */
export const PULL_BYTES = 1024 * 1024;

/** The source failed (the file went away, or returned something that is not bytes). */
export class SourceReadError extends Error {
  override readonly name = 'SourceReadError';
}

/** Yields the `size` bytes of the file in order; reports progress without ever waiting on it. */
export async function* pullSource(read: ImportSource, size: number, onProgress?: (progress: ImportProgress) => void): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < size; ) {
    let piece: unknown;
    try {
      piece = await read(offset, Math.min(PULL_BYTES, size - offset));
    } catch (cause) {
      throw new SourceReadError('the file could not be read', { cause });
    }
    if (!(piece instanceof Uint8Array) || piece.length === 0) throw new SourceReadError('the file ended early');
    offset += piece.length;
    if (onProgress) {
      try {
        void Promise.resolve(onProgress({ bytes: offset, total: size })).catch(() => undefined);
      } catch {
        // a listener that throws only loses its reports
      }
    }
    yield piece;
  }
}
