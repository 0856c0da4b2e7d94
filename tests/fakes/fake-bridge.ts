/**
 * A see-through stand-in for the Electron preload bridge: it records every call, keeps saved
 * bytes and the keyring in memory, serves "opened" files from memory, and can be told to
 * cancel a dialog, fail a chunk or emit a lock signal. Used by the electron-platform tests.
 */
import { concatBytes } from '../../shared/crypto/bytes';
import type { AppInfo, LockSignal, SijillBridge } from '../../shared/ipc/contract';

type Arg<M extends keyof SijillBridge> = Parameters<SijillBridge[M]>[0];

export interface FakeSave {
  readonly name: string;
  readonly chunks: Uint8Array[];
  committed: boolean;
  aborted: boolean;
}

export const FAKE_APP_INFO: AppInfo = {
  name: 'Sijill',
  version: '0.1.0',
  platform: 'linux',
  electron: '45.5.0',
  chrome: '142.0.7444.52',
  packaged: true,
};

/** An in-memory SijillBridge with knobs and a call log. */
export class FakeBridge implements SijillBridge {
  /** Method names in call order. */
  readonly calls: string[] = [];
  readonly saves = new Map<string, FakeSave>();
  /** What the save dialog does: return this name, or cancel when null. */
  saveDialogName: string | null = 'chosen.sijill';
  /** Throw from the n-th saveFileChunk call (1-based), if set. */
  failOnChunk: number | null = null;
  /** The file the open dialog returns, or null to cancel. */
  fileToOpen: { name: string; bytes: Uint8Array } | null = null;
  readonly openFiles = new Map<string, Uint8Array>();
  readonly closedHandles: string[] = [];
  keyring: Uint8Array | null = null;
  /** What appInfo() resolves to; `unknown` so tests can feed main's bad answers. */
  appInfoResult: unknown = FAKE_APP_INFO;
  readonly #lockListeners = new Set<(signal: LockSignal) => void>();
  #nextHandle = 1;
  #chunkCalls = 0;

  #handle(): string {
    return `handle-${String(this.#nextHandle++).padStart(12, '0')}`;
  }

  async appInfo(): Promise<AppInfo> {
    this.calls.push('appInfo');
    return this.appInfoResult as AppInfo;
  }

  async saveFileBegin(_request: Arg<'saveFileBegin'>) {
    this.calls.push('saveFileBegin');
    if (this.saveDialogName === null) return { status: 'cancelled' as const };
    const handle = this.#handle();
    this.saves.set(handle, { name: this.saveDialogName, chunks: [], committed: false, aborted: false });
    return { status: 'ready' as const, handle, name: this.saveDialogName };
  }

  async saveFileChunk({ handle, bytes }: Arg<'saveFileChunk'>): Promise<void> {
    this.calls.push('saveFileChunk');
    this.#chunkCalls += 1;
    if (this.failOnChunk === this.#chunkCalls) throw new Error('disk full');
    // Copy, as structured cloning over IPC would.
    this.#save(handle).chunks.push(bytes.slice());
  }

  async saveFileCommit({ handle }: Arg<'saveFileCommit'>): Promise<void> {
    this.calls.push('saveFileCommit');
    this.#save(handle).committed = true;
  }

  async saveFileAbort({ handle }: Arg<'saveFileAbort'>): Promise<void> {
    this.calls.push('saveFileAbort');
    this.#save(handle).aborted = true;
  }

  async openFile(_request: Arg<'openFile'>) {
    this.calls.push('openFile');
    if (!this.fileToOpen) return { status: 'cancelled' as const };
    const handle = this.#handle();
    this.openFiles.set(handle, this.fileToOpen.bytes);
    return { status: 'opened' as const, handle, name: this.fileToOpen.name, size: this.fileToOpen.bytes.byteLength };
  }

  async readFileChunk({ handle, offset, length }: Arg<'readFileChunk'>): Promise<Uint8Array> {
    this.calls.push('readFileChunk');
    const bytes = this.openFiles.get(handle);
    if (!bytes) throw new Error('unknown handle');
    return bytes.slice(offset, offset + length);
  }

  async closeFile({ handle }: Arg<'closeFile'>): Promise<void> {
    this.calls.push('closeFile');
    this.openFiles.delete(handle);
    this.closedHandles.push(handle);
  }

  async readKeyring(): Promise<Uint8Array | null> {
    this.calls.push('readKeyring');
    return this.keyring ? this.keyring.slice() : null;
  }

  async writeKeyring(bytes: Arg<'writeKeyring'>): Promise<void> {
    this.calls.push('writeKeyring');
    this.keyring = bytes.slice();
  }

  async wipeKeyring(): Promise<void> {
    this.calls.push('wipeKeyring');
    this.keyring = null;
  }

  onLockSignal(listener: (signal: LockSignal) => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  /** Test side: main sends a lock signal (any string, to feed bad ones too). */
  emitLockSignal(signal: string): void {
    for (const listener of this.#lockListeners) listener(signal as LockSignal);
  }

  /** Everything written to a save, joined. */
  savedBytes(handle: string): Uint8Array {
    return concatBytes(...this.#save(handle).chunks);
  }

  #save(handle: string): FakeSave {
    const save = this.saves.get(handle);
    if (!save) throw new Error(`unknown save handle ${handle}`);
    return save;
  }
}
