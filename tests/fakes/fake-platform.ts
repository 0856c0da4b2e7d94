/**
 * An in-memory Platform for shell and feature tests: the keyring and app info are set by the
 * test, saves are recorded, and lock signals are emitted by hand.
 */
import type { AppInfo, OpenedFile, Platform, PlatformLockSignal, SaveRequest, SaveResult } from '../../renderer/src/platform/platform';

export interface FakePlatformOptions {
  kind?: Platform['kind'];
  /** The stored keyring; an Error makes read() reject with it. */
  keyring?: Uint8Array | null | Error;
  /** What appInfo() resolves to; an Error makes it reject. */
  appInfo?: AppInfo | Error;
}

export interface FakePlatform extends Platform {
  emitLockSignal(signal: PlatformLockSignal): void;
}

const WEB_INFO: AppInfo = { name: 'Sijill', version: '0.1.0', platform: 'web', electron: '', chrome: '156.0.0.0', packaged: false };

/** Creates a fake Platform; defaults to a web platform on first run. */
export function createFakePlatform(options: FakePlatformOptions = {}): FakePlatform {
  let keyring = options.keyring ?? null;
  const listeners = new Set<(signal: PlatformLockSignal) => void>();
  const info = options.appInfo ?? WEB_INFO;
  return {
    kind: options.kind ?? 'web',
    async appInfo() {
      if (info instanceof Error) throw info;
      return info;
    },
    async saveFile(request: SaveRequest): Promise<SaveResult> {
      for await (const _chunk of request.chunks) {
        // drained: the fake keeps nothing
      }
      return { status: 'saved', name: request.suggestedName };
    },
    async openFile(): Promise<OpenedFile | null> {
      return null;
    },
    keyring: {
      async read() {
        if (keyring instanceof Error) throw keyring;
        return keyring ? keyring.slice() : null;
      },
      async write(bytes) {
        keyring = bytes.slice();
      },
      async wipe() {
        keyring = null;
      },
    },
    onLockSignal(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emitLockSignal(signal) {
      for (const listener of listeners) listener(signal);
    },
  };
}
