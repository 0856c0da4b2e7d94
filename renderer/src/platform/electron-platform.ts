/**
 * Platform over the Electron preload bridge. Runs in the renderer process.
 *
 * This is the ONLY module that reads the preload global (STYLE.md habit 1): the bridge's type
 * is declared here, locally, from the shared contract, so any other module that tried to reach
 * `window.sijill` would not even type-check.
 *
 * Main is the more privileged side, so checking its answers is not a security boundary; the
 * schema parses below catch a preload or main bug early, with a clear message.
 */
import { concatBytes } from '../../../shared/crypto/bytes';
import {
  appInfoSchema,
  BRIDGE_GLOBAL,
  INVOKE_METHODS,
  IPC_LIMITS,
  isLockSignal,
  openResult,
  saveBeginResult,
  type SijillBridge,
} from '../../../shared/ipc/contract';
import type { FileFilter, OpenedFile, Platform, SaveRequest, SaveResult } from './platform';
import { assertReadRange } from './read-range';

/** The window as the preload leaves it: the bridge is there only inside the desktop app. */
type BridgeWindow = Window & { readonly [BRIDGE_GLOBAL]?: unknown };

const BRIDGE_FUNCTIONS = [...INVOKE_METHODS, 'onLockSignal'] as const;

function isBridge(value: unknown): value is SijillBridge {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return BRIDGE_FUNCTIONS.every((name) => typeof record[name] === 'function');
}

/**
 * The preload bridge if this page runs inside the desktop app, else null.
 * Throws when a bridge global exists but lacks a function: silently falling back to the web
 * platform inside Electron would put the keyring somewhere the design says it must not be.
 */
export function readBridge(target: Window = window): SijillBridge | null {
  const candidate = (target as BridgeWindow)[BRIDGE_GLOBAL];
  if (candidate === undefined) return null;
  if (!isBridge(candidate)) throw new Error(`the preload global "${BRIDGE_GLOBAL}" is incomplete`);
  return candidate;
}

/** Largest piece sent in one IPC message; main refuses anything bigger. */
const MAX_CHUNK = IPC_LIMITS.chunkBytes;

async function saveThroughBridge(bridge: SijillBridge, request: SaveRequest): Promise<SaveResult> {
  const { signal } = request;
  signal?.throwIfAborted();
  const begin = saveBeginResult.parse(await bridge.saveFileBegin({ suggestedName: request.suggestedName, filters: request.filters }));
  if (begin.status === 'cancelled') return { status: 'cancelled' };
  const { handle } = begin;
  try {
    // The dialog may have stayed open while the app locked: check before the first byte.
    signal?.throwIfAborted();
    for await (const chunk of request.chunks) {
      for (let at = 0; at < chunk.byteLength; at += MAX_CHUNK) {
        signal?.throwIfAborted();
        await bridge.saveFileChunk({ handle, bytes: chunk.subarray(at, at + MAX_CHUNK) });
      }
    }
    signal?.throwIfAborted();
    await bridge.saveFileCommit({ handle });
    return { status: 'saved', name: begin.name };
  } catch (error) {
    // Main deletes its temp file on abort; a failing abort must not hide the original error.
    await bridge.saveFileAbort({ handle }).catch(() => undefined);
    throw error;
  }
}

/** An OpenedFile whose bytes stay in main; each read is one or more readFileChunk calls. */
class BridgeOpenedFile implements OpenedFile {
  #closed = false;

  constructor(
    private readonly bridge: SijillBridge,
    private readonly handle: string,
    readonly name: string,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    assertReadRange(offset, length);
    if (this.#closed) throw new Error('file is closed');
    const parts: Uint8Array[] = [];
    let done = 0;
    while (done < length) {
      const want = Math.min(MAX_CHUNK, length - done);
      const part = await this.bridge.readFileChunk({ handle: this.handle, offset: offset + done, length: want });
      if (!(part instanceof Uint8Array) || part.byteLength > want) throw new Error('bad chunk from main');
      parts.push(part);
      done += part.byteLength;
      if (part.byteLength < want) break; // end of file
    }
    return parts.length === 1 && parts[0] ? parts[0] : concatBytes(...parts);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.bridge.closeFile({ handle: this.handle });
  }
}

async function openThroughBridge(bridge: SijillBridge, filters: FileFilter[]): Promise<OpenedFile | null> {
  const result = openResult.parse(await bridge.openFile({ filters }));
  if (result.status === 'cancelled') return null;
  return new BridgeOpenedFile(bridge, result.handle, result.name, result.size);
}

/** The Platform port implemented over the preload bridge. */
export function createElectronPlatform(bridge: SijillBridge): Platform {
  return {
    kind: 'electron',
    appInfo: async () => appInfoSchema.parse(await bridge.appInfo()),
    saveFile: (request) => saveThroughBridge(bridge, request),
    openFile: (filters) => openThroughBridge(bridge, filters),
    keyring: {
      async read() {
        const bytes = await bridge.readKeyring();
        if (bytes !== null && !(bytes instanceof Uint8Array)) throw new Error('bad keyring bytes from main');
        return bytes;
      },
      write: (bytes) => bridge.writeKeyring(bytes),
      wipe: () => bridge.wipeKeyring(),
    },
    onLockSignal(listener) {
      return bridge.onLockSignal((signal) => {
        // An unknown reason still means "lock": err on the side of locking.
        listener(isLockSignal(signal) ? signal : 'lock-screen');
      });
    },
  };
}
