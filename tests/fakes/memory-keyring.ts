/**
 * An in-memory keyring store and lock-signal source for vault tests: the keyring "file" is a
 * byte array the test can read, replace and fail on purpose, and every write is counted.
 */
import type { KeyringStore, Platform, PlatformLockSignal } from '../../renderer/src/platform/platform';

export interface MemoryKeyring extends KeyringStore {
  /** The stored bytes (a copy), or null. */
  readonly bytes: Uint8Array | null;
  /** Writes that succeeded so far. */
  readonly writes: number;
  /** Replaces the stored bytes directly (to plant an old or tampered keyring). */
  set(bytes: Uint8Array | null): void;
  /** Makes the next write reject with `error` (once). */
  failNextWrite(error: Error): void;
}

/** Creates an empty (first-run) memory keyring, or one holding `initial`. */
export function createMemoryKeyring(initial: Uint8Array | null = null): MemoryKeyring {
  let stored = initial ? initial.slice() : null;
  let writes = 0;
  let failure: Error | null = null;
  return {
    get bytes() {
      return stored ? stored.slice() : null;
    },
    get writes() {
      return writes;
    },
    set(bytes) {
      stored = bytes ? bytes.slice() : null;
    },
    failNextWrite(error) {
      failure = error;
    },
    async read() {
      return stored ? stored.slice() : null;
    },
    async write(bytes) {
      if (failure) {
        const error = failure;
        failure = null;
        throw error;
      }
      stored = bytes.slice();
      writes += 1;
    },
    async wipe() {
      stored = null;
    },
  };
}

/** The slice of the platform the vault uses, over a memory keyring, with signals sent by hand. */
export interface MemoryVaultPlatform extends Pick<Platform, 'keyring' | 'onLockSignal'> {
  readonly keyring: MemoryKeyring;
  emit(signal: PlatformLockSignal): void;
}

/** Creates the platform slice for `keyring`. */
export function createMemoryVaultPlatform(keyring: MemoryKeyring = createMemoryKeyring()): MemoryVaultPlatform {
  const listeners = new Set<(signal: PlatformLockSignal) => void>();
  return {
    keyring,
    onLockSignal(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(signal) {
      for (const listener of [...listeners]) listener(signal);
    },
  };
}
