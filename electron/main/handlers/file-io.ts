// Runs in: the Electron main process.
/** Full reads and writes over an open file: the OS may move fewer bytes than asked. */
import type { OpenFilePort } from '../ports';

/** Writes all of `bytes` at `position`. */
export async function writeFully(file: OpenFilePort, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const { bytesWritten } = await file.write(bytes, done, bytes.byteLength - done, position + done);
    if (bytesWritten <= 0) throw new Error('short write');
    done += bytesWritten;
  }
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export async function readFully(file: OpenFilePort, length: number, position: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead <= 0) break;
    done += bytesRead;
  }
  // Copy a short read: IPC would otherwise send the whole (mostly empty) buffer.
  return done === length ? buffer : buffer.slice(0, done);
}

/** Closes without throwing: used on paths that are already failing or cleaning up. */
export async function closeQuietly(file: OpenFilePort): Promise<void> {
  try {
    await file.close();
  } catch {
    // Already closed, or the disk is gone; nothing more to do.
  }
}
