/**
 * The platform port: everything the renderer needs from the machine it runs on.
 *
 * Two implementations: electron-platform.ts (wraps the preload bridge; the only reader of the
 * preload global) and web-platform.ts (a plain browser). The rest of the renderer sees only
 * this interface, through usePlatform(), so every feature runs and is tested in the browser build.
 *
 * Everything passed to saveFile and keyring.write is already ciphertext.
 */
import type { AppInfo, LockSignal } from '../../../shared/ipc/contract';

export type { AppInfo, LockSignal };

/** Lock signals on the web add "hidden" (tab or window hidden, page unloading) to the desktop's reasons. */
export type PlatformLockSignal = LockSignal | 'hidden';

export interface FileFilter {
  name: string;
  /** Lower-case extensions without the dot, e.g. `sijill`. */
  extensions: string[];
}

export interface SaveRequest {
  suggestedName: string;
  filters: FileFilter[];
  /** The bytes to write, produced lazily so a large bundle never sits whole in memory. */
  chunks: AsyncIterable<Uint8Array>;
  /** Aborting (e.g. on lock) stops the save; nothing is left half-written. */
  signal?: AbortSignal;
}

export type SaveResult = { status: 'saved'; name: string } | { status: 'cancelled' };

/** A file the user picked; read it in slices, then close it. */
export interface OpenedFile {
  readonly name: string;
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the file. Rejects after close(). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file; safe to call twice. */
  close(): Promise<void>;
}

export interface KeyringStore {
  /** The keyring file's bytes, or null on first run. */
  read(): Promise<Uint8Array | null>;
  /** Atomic replace: after a crash the old or the new file exists, never a mix. */
  write(bytes: Uint8Array): Promise<void>;
  /** Overwrite, flush and delete (panic wipe). */
  wipe(): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  /**
   * What is running. In the browser build `platform` is `"web"`, `electron` is empty and
   * `chrome` is the browser's Chromium version when it tells us (empty otherwise).
   */
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveRequest): Promise<SaveResult>;
  /**
   * Let the user pick a file; null when they cancel. Call it straight from a click or key
   * handler: browsers only show a file chooser during a user gesture, and the web platform
   * rejects rather than wait for a chooser that will never open.
   */
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  readonly keyring: KeyringStore;
  /** Subscribe to "lock now" signals; returns the unsubscribe function. */
  onLockSignal(listener: (signal: PlatformLockSignal) => void): () => void;
}
