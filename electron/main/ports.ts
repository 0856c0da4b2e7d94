// Runs in: the Electron main process (types only).
/**
 * The capabilities main-process logic receives as parameters (STYLE.md habit 5).
 *
 * Only main.ts and adapters/ import Electron or touch the disk. Everything else is written
 * against these narrow shapes, which the real Electron objects and the Node adapters satisfy
 * structurally, so tests hand in fakes or real temp-dir files and never load Electron.
 */

/**
 * An Electron-style event emitter. Generic in the listener's arguments so each call site
 * states the payload it expects (from Electron's documentation for that event).
 */
export interface EmitterPort {
  on<Args extends unknown[]>(event: string, listener: (...args: Args) => void): unknown;
}

/** The slice of Electron's WebFrameMain the sender check reads. */
export interface FramePort {
  readonly url: string;
  readonly parent: unknown;
}

/** The slice of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventPort {
  readonly sender: unknown;
  readonly senderFrame: FramePort | null;
}

/** The slice of Electron's ipcMain used to register invoke handlers. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: InvokeEventPort, ...args: unknown[]) => Promise<unknown>): void;
}

/** File metadata the handlers need. */
export interface FileStatPort {
  readonly size: number;
  isFile(): boolean;
}

/** An open file (Node's FileHandle has this shape). Positions are explicit: no shared cursor. */
export interface OpenFilePort {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<FileStatPort>;
  close(): Promise<void>;
}

/**
 * The file system as the handlers see it. `wx` is exclusive create (fails if the path exists),
 * so a temp file can never be a pre-planted symlink or someone else's file.
 */
export interface FileSystemPort {
  open(path: string, flags: 'r' | 'r+' | 'wx', mode?: number): Promise<OpenFilePort>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Recursive; a no-op when the directory exists. */
  mkdir(path: string, mode: number): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** Flushes a directory entry (after a rename) where the platform supports it. */
  syncDirectory(path: string): Promise<void>;
}

/** What the app:// protocol needs to serve the packaged renderer. */
export interface AssetReaderPort {
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
}

/** A file type filter for the native dialogs. */
export interface FileFilterSpec {
  name: string;
  extensions: string[];
}

/** Native file dialogs; both resolve to null when the user cancels. */
export interface FileDialogsPort {
  chooseSaveTarget(suggestedName: string, filters: FileFilterSpec[]): Promise<string | null>;
  chooseFileToOpen(filters: FileFilterSpec[]): Promise<string | null>;
}
