/**
 * The keyring file in a plain browser, kept in the origin-private file system (OPFS).
 * Runs on the renderer's main thread.
 *
 * Not IndexedDB: its LevelDB files keep old copies of what was overwritten (DESIGN.md §5).
 * The bytes are already encrypted by the vault; this module only stores them.
 */
import { IPC_LIMITS } from '../../../shared/ipc/contract';
import type { KeyringStore } from './platform';

/** The keyring's file name inside the directory. */
export const KEYRING_FILE = 'keyring.sjk';
/** The file a new keyring is written to before it replaces the old one. */
export const KEYRING_TEMP_FILE = 'keyring.sjk.tmp';

/** FileSystemHandle.move() is in Chromium but not yet in TypeScript's DOM types. */
type MovableHandle = FileSystemFileHandle & {
  move(destination: FileSystemDirectoryHandle, name: string): Promise<void>;
};

function canMove(handle: FileSystemFileHandle): handle is MovableHandle {
  return typeof (handle as Partial<MovableHandle>).move === 'function';
}

async function fileHandleOrNull(directory: FileSystemDirectoryHandle, name: string): Promise<FileSystemFileHandle | null> {
  try {
    return await directory.getFileHandle(name);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return null;
    throw error;
  }
}

async function removeIfPresent(directory: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await directory.removeEntry(name);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  }
}

/** Writes the whole file; createWritable() stages into a swap file and commits on close(). */
async function writeWhole(handle: FileSystemFileHandle, bytes: Uint8Array): Promise<void> {
  const writable = await handle.createWritable({ keepExistingData: false });
  try {
    // slice(): the stream wants bytes backed by a plain ArrayBuffer.
    await writable.write(bytes.slice());
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call.
  for (let at = 0; at < length; at += 65536) crypto.getRandomValues(out.subarray(at, at + 65536));
  return out;
}

/**
 * Overwrite with random bytes of the same length, then delete. Best effort only: Chromium's
 * createWritable commits through a swap file, so the old blocks are not overwritten in place
 * (nor are they on SSDs and journaling file systems in general). What makes the wipe hold is
 * that the keyring is encrypted: once the file is gone, the passphrase unlocks nothing.
 */
async function shred(directory: FileSystemDirectoryHandle, name: string): Promise<void> {
  const handle = await fileHandleOrNull(directory, name);
  if (!handle) return;
  const { size } = await handle.getFile();
  if (size > 0) await writeWhole(handle, randomBytes(size));
  await directory.removeEntry(name);
}

/** Where the store lives; injectable so tests can use a private directory of their own. */
export type DirectoryProvider = () => Promise<FileSystemDirectoryHandle>;

/**
 * A KeyringStore in the origin-private file system.
 *
 * Atomic replace: the new bytes go to `keyring.sjk.tmp` (itself committed atomically when its
 * writable stream closes), then move() renames it over `keyring.sjk`, which Chromium does in
 * one step. Where move() is missing, the keyring file is written directly: createWritable()
 * still stages the bytes in a swap file and swaps them in on close, so a crash leaves the old
 * or the new keyring, and no temp file is left over to confuse the next read.
 */
export function createOpfsKeyringStore(getDirectory: DirectoryProvider = () => navigator.storage.getDirectory()): KeyringStore {
  return {
    async read() {
      const directory = await getDirectory();
      const handle = await fileHandleOrNull(directory, KEYRING_FILE);
      if (!handle) return null;
      const file = await handle.getFile();
      // Refuse before allocating: a huge keyring is an attack or a bug, never ours.
      if (file.size > IPC_LIMITS.keyringBytes) throw new Error('keyring file is too large');
      return new Uint8Array(await file.arrayBuffer());
    },

    async write(bytes) {
      if (bytes.byteLength > IPC_LIMITS.keyringBytes) throw new RangeError('keyring is too large');
      const directory = await getDirectory();
      const temp = await directory.getFileHandle(KEYRING_TEMP_FILE, { create: true });
      if (!canMove(temp)) {
        await removeIfPresent(directory, KEYRING_TEMP_FILE);
        await writeWhole(await directory.getFileHandle(KEYRING_FILE, { create: true }), bytes);
        return;
      }
      try {
        await writeWhole(temp, bytes);
        await temp.move(directory, KEYRING_FILE);
      } catch (error) {
        // The old keyring is untouched; drop the half-made temp file.
        await removeIfPresent(directory, KEYRING_TEMP_FILE).catch(() => undefined);
        throw error;
      }
    },

    async wipe() {
      const directory = await getDirectory();
      // A temp file left by an interrupted write holds a complete keyring too.
      await shred(directory, KEYRING_TEMP_FILE);
      await shred(directory, KEYRING_FILE);
    },
  };
}
