// Runs in: the Electron main process.
/**
 * Streamed save of bytes the renderer already encrypted (a bundle, an export).
 *
 * begin: the native save dialog picks the target; a temp file is created beside it
 * (exclusive create, 0600, a random name that says nothing about the case) so the final
 * rename stays on one file system. chunk: appended in call order. commit: fsync, rename over
 * the target, fsync the folder. abort, a failed write, a closed window: the temp file is
 * deleted. The target is therefore either untouched or complete, never half-written.
 */
import { basename, dirname, join } from 'node:path';
import type { FileDialogsPort, FileFilterSpec, FileSystemPort, OpenFilePort } from '../ports';
import { closeQuietly, writeFully } from './file-io';
import { HandleTable, randomToken } from './handle-table';
import { IpcFailure } from './ipc-failure';

/** Concurrent saves; a renderer needs one or two, more means a leak or an attack. */
export const MAX_OPEN_SAVES = 4;

interface PendingSave {
  readonly file: OpenFilePort;
  readonly tempPath: string;
  readonly targetPath: string;
  written: number;
  state: 'open' | 'committed' | 'discarded';
  /** Every operation on one save runs after the previous one, in call order. */
  queue: Promise<void>;
}

/** Capabilities of the save handlers. */
export interface SaveFileDeps {
  readonly fs: FileSystemPort;
  readonly dialogs: FileDialogsPort;
  readonly maxOpen?: number;
  readonly newToken?: () => string;
}

/** Builds the saveFile* handlers and `abortAll` (for a closed window or a crashed renderer). */
export function createSaveFileHandlers(deps: SaveFileDeps) {
  const { fs, dialogs } = deps;
  const table = new HandleTable<PendingSave>(deps.maxOpen ?? MAX_OPEN_SAVES, deps.newToken);

  function enqueue(save: PendingSave, operation: () => Promise<void>): Promise<void> {
    const run = save.queue.then(operation);
    save.queue = run.catch(() => undefined);
    return run;
  }

  async function discard(save: PendingSave): Promise<void> {
    if (save.state === 'discarded') return;
    save.state = 'discarded';
    await closeQuietly(save.file);
    try {
      await fs.unlink(save.tempPath);
    } catch {
      // Already gone; nothing else can be done about a temp file we cannot delete.
    }
  }

  return {
    async saveFileBegin(request: { suggestedName: string; filters: FileFilterSpec[] }) {
      table.assertRoom();
      const targetPath = await dialogs.chooseSaveTarget(request.suggestedName, request.filters);
      if (targetPath === null) return { status: 'cancelled' as const };
      const tempPath = join(dirname(targetPath), `.sijill-${randomToken().slice(0, 16)}.part`);
      const file = await fs.open(tempPath, 'wx', 0o600);
      const save: PendingSave = { file, tempPath, targetPath, written: 0, state: 'open', queue: Promise.resolve() };
      let handle: string;
      try {
        handle = table.add(save);
      } catch (error) {
        await discard(save);
        throw error;
      }
      return { status: 'ready' as const, handle, name: basename(targetPath) };
    },

    async saveFileChunk(request: { handle: string; bytes: Uint8Array }): Promise<void> {
      const save = table.get(request.handle);
      await enqueue(save, async () => {
        if (save.state !== 'open') throw new IpcFailure('unknown-handle');
        try {
          await writeFully(save.file, request.bytes, save.written);
          save.written += request.bytes.byteLength;
        } catch (error) {
          // A failed write (disk full) ends the save: nothing partial stays behind.
          table.take(request.handle);
          await discard(save);
          throw error;
        }
      });
    },

    async saveFileCommit(request: { handle: string }): Promise<void> {
      const save = table.take(request.handle);
      if (save === undefined) throw new IpcFailure('unknown-handle');
      await enqueue(save, async () => {
        if (save.state !== 'open') throw new IpcFailure('failed');
        try {
          await save.file.sync();
          await save.file.close();
          await fs.rename(save.tempPath, save.targetPath);
          save.state = 'committed';
        } catch (error) {
          await discard(save);
          throw error;
        }
        await fs.syncDirectory(dirname(save.targetPath));
      });
    },

    async saveFileAbort(request: { handle: string }): Promise<void> {
      // Idempotent: the renderer aborts in `finally` paths, after failures main already handled.
      const save = table.take(request.handle);
      if (save !== undefined) await enqueue(save, () => discard(save));
    },

    /** Discards every unfinished save. */
    async abortAll(): Promise<void> {
      await Promise.all(table.drain().map((save) => enqueue(save, () => discard(save))));
    },
  };
}
