/**
 * Writing results so that nothing is half-written and nothing is overwritten: bytes go to a
 * temporary file or folder next to the target, and only a complete, verified result is moved
 * into place. A failure removes the temporary.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, link, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CliError, EXIT } from './exit-codes';

/** Throws a file error if `path` exists. */
export async function mustNotExist(path: string): Promise<void> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) throw new CliError(`${path} already exists; nothing was overwritten`, EXIT.other);
}

/** A hidden temporary name next to `target`. */
export function temporaryNear(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
}

/**
 * Moves a finished temporary file to `target` without ever replacing an existing file: a hard
 * link fails if the target exists. File systems without hard links fall back to check-then-rename.
 */
export async function moveIntoPlace(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    await unlink(temp);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') throw new CliError(`${target} already exists; nothing was overwritten`, EXIT.other);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    await mustNotExist(target);
    await rename(temp, target);
  }
}

/**
 * Streams `chunks` into a new file at `target` (0600), complete or not at all. A 1 MiB write
 * buffer lets the disk write while the next chunks are produced; at the default 16 KiB every
 * 65,553-byte bundle chunk would wait for the previous one to reach the file system.
 */
export async function writeNewFile(target: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  await mustNotExist(target);
  const temp = temporaryNear(target);
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 1024 * 1024 }));
    await moveIntoPlace(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
