// Runs in: the Electron main process.
/**
 * The keyring file (DESIGN.md §5): a few KiB of ciphertext the vault hands over, stored as
 * `keyring.sjk` in the user-data folder, never in IndexedDB (whose LevelDB files keep old
 * copies).
 *
 * write is atomic: temp file (exclusive create, 0600) → write → fsync → rename → fsync the
 * folder. A crash at any point leaves the old keyring or the new one, never a mix; a leftover
 * temp file is removed on the next read or write. wipe (panic) overwrites the file and any
 * leftover temp copy with random bytes, fsyncs and deletes them. Every operation runs after
 * the previous one, so a write racing a wipe cannot resurrect the keyring.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { IPC_LIMITS } from '../../../shared/ipc/contract';
import type { FileSystemPort } from '../ports';
import { closeQuietly, readFully, writeFully } from './file-io';
import { randomToken } from './handle-table';
import { IpcFailure, isNotFound } from './ipc-failure';

export const KEYRING_FILE = 'keyring.sjk';
const TEMP_PATTERN = /^keyring\.sjk\.[A-Za-z0-9_-]+\.tmp$/;
const WIPE_BLOCK = 64 * 1024;

/** Capabilities of the keyring store. */
export interface KeyringDeps {
  readonly fs: FileSystemPort;
  /** The user-data folder; read lazily so nothing touches the disk before the first call. */
  readonly directory: () => string;
  readonly maxBytes?: number;
  readonly random?: (length: number) => Uint8Array;
}

/** Builds readKeyring, writeKeyring and wipeKeyring over one keyring file. */
export function createKeyringStore(deps: KeyringDeps) {
  const { fs } = deps;
  const maxBytes = deps.maxBytes ?? IPC_LIMITS.keyringBytes;
  const random = deps.random ?? ((length: number) => new Uint8Array(randomBytes(length)));
  let tail: Promise<unknown> = Promise.resolve();

  function serialised<T>(operation: () => Promise<T>): Promise<T> {
    const run = tail.then(operation);
    tail = run.catch(() => undefined);
    return run;
  }

  async function leftoverTemps(directory: string): Promise<string[]> {
    try {
      return (await fs.readdir(directory)).filter((name) => TEMP_PATTERN.test(name)).map((name) => join(directory, name));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async function removeLeftovers(directory: string): Promise<void> {
    for (const temp of await leftoverTemps(directory)) {
      try {
        await fs.unlink(temp);
      } catch {
        // Best effort: a stale temp is ciphertext; the next call tries again.
      }
    }
  }

  /** Overwrites a file with random bytes, flushes and deletes it; absent files are fine. */
  async function shred(path: string): Promise<void> {
    let file;
    try {
      file = await fs.open(path, 'r+');
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    try {
      const { size } = await file.stat();
      for (let position = 0; position < size; position += WIPE_BLOCK) {
        await writeFully(file, random(Math.min(WIPE_BLOCK, size - position)), position);
      }
      await file.sync();
    } finally {
      await closeQuietly(file);
    }
    await fs.unlink(path);
  }

  return {
    readKeyring(): Promise<Uint8Array | null> {
      return serialised(async () => {
        const directory = deps.directory();
        await removeLeftovers(directory);
        let file;
        try {
          file = await fs.open(join(directory, KEYRING_FILE), 'r');
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
        try {
          const stat = await file.stat();
          if (!stat.isFile()) throw new IpcFailure('not-a-file');
          // Checked before allocating: a planted multi-GiB file must not exhaust memory.
          if (stat.size > maxBytes) throw new IpcFailure('too-large');
          return await readFully(file, stat.size, 0);
        } finally {
          await closeQuietly(file);
        }
      });
    },

    writeKeyring(bytes: Uint8Array): Promise<void> {
      return serialised(async () => {
        if (bytes.byteLength > maxBytes) throw new IpcFailure('too-large');
        const directory = deps.directory();
        await fs.mkdir(directory, 0o700);
        await removeLeftovers(directory);
        const temp = join(directory, `${KEYRING_FILE}.${randomToken()}.tmp`);
        const file = await fs.open(temp, 'wx', 0o600);
        try {
          try {
            await writeFully(file, bytes, 0);
            await file.sync();
          } finally {
            await closeQuietly(file);
          }
          await fs.rename(temp, join(directory, KEYRING_FILE));
        } catch (error) {
          // The old keyring is untouched; remove the half-made new one.
          await fs.unlink(temp).catch(() => undefined);
          throw error;
        }
        await fs.syncDirectory(directory);
      });
    },

    wipeKeyring(): Promise<void> {
      return serialised(async () => {
        const directory = deps.directory();
        for (const temp of await leftoverTemps(directory)) await shred(temp);
        await shred(join(directory, KEYRING_FILE));
        await fs.syncDirectory(directory).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      });
    },
  };
}
