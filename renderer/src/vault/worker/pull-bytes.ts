/**
 * The main thread reads the worker's streams (an attachment, an export, a backup) by pulling
 * them a piece at a time: each piece gathers several chunks into one buffer, so a file costs
 * few round trips, and the buffer is transferred, never copied.
 */
import { concatBytes } from '../../../../shared/crypto/bytes';

export interface PulledBytes {
  /** The gathered chunks, in a buffer of their own (safe to transfer). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** True when `source` has ended (`bytes` may still hold its last chunks). */
  readonly done: boolean;
}

/**
 * Takes chunks from `source` until at least `limit` bytes are gathered or it ends.
 * `beforeEach` runs before every chunk (e.g. to stop at once when the session locks). An
 * error from either is passed on; the caller decides what happens to the source then.
 */
export async function pullBytes(source: AsyncIterator<Uint8Array, unknown>, limit: number, beforeEach?: () => void): Promise<PulledBytes> {
  const parts: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < limit) {
    beforeEach?.();
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  return { bytes: concatBytes(...parts), done };
}
