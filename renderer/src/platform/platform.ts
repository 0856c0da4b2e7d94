/**
 * The platform port: everything the renderer needs from the machine it runs on.
 *
 * Two implementations: electron-platform.ts (wraps the preload bridge; the only reader of the
 * preload global) and web-platform.ts (a plain browser). The rest of the renderer sees only
 * this interface, so every feature runs and is tested in the browser build.
 *
 * Everything passed to saveFile and keyring.write is already ciphertext.
 */
import type { AppInfo, LockSignal } from '../../../shared/ipc/contract';

export type { AppInfo, LockSignal };

/** Lock signals on the web add "hidden" (tab or window hidden) to the desktop's reasons. */
export type PlatformLockSignal = LockSignal | 'hidden';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveRequest {
  suggestedName: string;
  filters: FileFilter[];
  /** The bytes to write, produced lazily so a large bundle never sits whole in memory. */
  chunks: AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
}

export type SaveResult = { status: 'saved'; name: string } | { status: 'cancelled' };

/** A file the user picked; read it in slices, then close it. */
export interface OpenedFile {
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
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
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveRequest): Promise<SaveResult>;
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  readonly keyring: KeyringStore;
  /** Subscribe to "lock now" signals; returns the unsubscribe function. */
  onLockSignal(listener: (signal: PlatformLockSignal) => void): () => void;
}
