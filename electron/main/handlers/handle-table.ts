// Runs in: the Electron main process.
/**
 * Opaque handles for open files. The renderer only ever holds a random token; the path and
 * the open file stay in main, so a compromised renderer cannot name a file it was not given.
 */
import { randomBytes } from 'node:crypto';
import { IpcFailure } from './ipc-failure';

/** 24 random bytes as base64url: 32 characters, matching the contract's handle pattern. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A bounded map from random tokens to open-file state. */
export class HandleTable<T> {
  readonly #entries = new Map<string, T>();
  readonly #capacity: number;
  readonly #newToken: () => string;

  constructor(capacity: number, newToken: () => string = randomToken) {
    this.#capacity = capacity;
    this.#newToken = newToken;
  }

  /** Fails before any dialog or file is opened when no slot is free. */
  assertRoom(): void {
    if (this.#entries.size >= this.#capacity) throw new IpcFailure('too-many-open-files');
  }

  /** Stores `value` under a fresh token and returns the token. */
  add(value: T): string {
    this.assertRoom();
    let token = this.#newToken();
    while (this.#entries.has(token)) token = this.#newToken();
    this.#entries.set(token, value);
    return token;
  }

  /** The entry for `token`; unknown or closed tokens are a failure. */
  get(token: string): T {
    const value = this.#entries.get(token);
    if (value === undefined) throw new IpcFailure('unknown-handle');
    return value;
  }

  /** Removes and returns the entry for `token`, if any. */
  take(token: string): T | undefined {
    const value = this.#entries.get(token);
    this.#entries.delete(token);
    return value;
  }

  /** Removes and returns every entry (window closed, renderer gone). */
  drain(): T[] {
    const values = [...this.#entries.values()];
    this.#entries.clear();
    return values;
  }

  get size(): number {
    return this.#entries.size;
  }
}
