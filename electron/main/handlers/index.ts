// Runs in: the Electron main process.
/**
 * Assembles every IPC handler from its capabilities. The result is typed as `InvokeHandlers`,
 * so a contract method without a handler (or with the wrong signature) fails to compile.
 */
import type { InvokeHandlers } from '../ipc';
import type { FileDialogsPort, FileSystemPort } from '../ports';
import { createAppInfoHandler, type AppInfoSource } from './app-info';
import { createKeyringStore } from './keyring';
import { createOpenFileHandlers } from './open-file';
import { createSaveFileHandlers } from './save-file';

/** Everything the handlers need from the outside world. */
export interface HandlerDeps {
  readonly fs: FileSystemPort;
  readonly dialogs: FileDialogsPort;
  readonly appInfo: () => AppInfoSource;
  /** The folder that holds keyring.sjk (Electron's userData). */
  readonly keyringDirectory: () => string;
}

/** The handlers, plus `releaseAll` to drop open files and unfinished saves. */
export interface AssembledHandlers {
  readonly handlers: InvokeHandlers;
  /** Closes open files and deletes unfinished saves' temp files (window closed, renderer gone). */
  releaseAll(): Promise<void>;
}

/** Builds every handler of the contract. */
export function createInvokeHandlers(deps: HandlerDeps): AssembledHandlers {
  const save = createSaveFileHandlers({ fs: deps.fs, dialogs: deps.dialogs });
  const open = createOpenFileHandlers({ fs: deps.fs, dialogs: deps.dialogs });
  const keyring = createKeyringStore({ fs: deps.fs, directory: deps.keyringDirectory });
  const handlers: InvokeHandlers = {
    appInfo: createAppInfoHandler(deps.appInfo),
    saveFileBegin: save.saveFileBegin,
    saveFileChunk: save.saveFileChunk,
    saveFileCommit: save.saveFileCommit,
    saveFileAbort: save.saveFileAbort,
    openFile: open.openFile,
    readFileChunk: open.readFileChunk,
    closeFile: open.closeFile,
    readKeyring: keyring.readKeyring,
    writeKeyring: keyring.writeKeyring,
    wipeKeyring: keyring.wipeKeyring,
  };
  return {
    handlers,
    async releaseAll() {
      await Promise.all([save.abortAll(), open.closeAll()]);
    },
  };
}
