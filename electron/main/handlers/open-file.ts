// Runs in: the Electron main process.
/**
 * Reading a file the user picked (a received bundle, an attachment to import) in slices, so
 * a file of several GiB never sits whole in one message or in memory. The renderer gets a
 * handle, the file's name and size; the path stays here.
 */
import { basename } from 'node:path';
import type { FileDialogsPort, FileFilterSpec, FileSystemPort, OpenFilePort } from '../ports';
import { closeQuietly, readFully } from './file-io';
import { HandleTable } from './handle-table';
import { IpcFailure } from './ipc-failure';

/** Concurrently open files. */
export const MAX_OPEN_FILES = 8;

/** Capabilities of the open-file handlers. */
export interface OpenFileDeps {
  readonly fs: FileSystemPort;
  readonly dialogs: FileDialogsPort;
  readonly maxOpen?: number;
  readonly newToken?: () => string;
}

/** Builds openFile, readFileChunk, closeFile and `closeAll`. */
export function createOpenFileHandlers(deps: OpenFileDeps) {
  const { fs, dialogs } = deps;
  const table = new HandleTable<OpenFilePort>(deps.maxOpen ?? MAX_OPEN_FILES, deps.newToken);

  return {
    async openFile(request: { filters: FileFilterSpec[] }) {
      table.assertRoom();
      const path = await dialogs.chooseFileToOpen(request.filters);
      if (path === null) return { status: 'cancelled' as const };
      const file = await fs.open(path, 'r');
      try {
        const stat = await file.stat();
        if (!stat.isFile()) throw new IpcFailure('not-a-file');
        const handle = table.add(file);
        return { status: 'opened' as const, handle, name: basename(path), size: stat.size };
      } catch (error) {
        await closeQuietly(file);
        throw error;
      }
    },

    async readFileChunk(request: { handle: string; offset: number; length: number }): Promise<Uint8Array> {
      const file = table.get(request.handle);
      return readFully(file, request.length, request.offset);
    },

    async closeFile(request: { handle: string }): Promise<void> {
      // Idempotent, like saveFileAbort.
      const file = table.take(request.handle);
      if (file !== undefined) await closeQuietly(file);
    },

    /** Closes every open file. */
    async closeAll(): Promise<void> {
      await Promise.all(table.drain().map((file) => closeQuietly(file)));
    },
  };
}
