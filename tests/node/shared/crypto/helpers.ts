/**
 * Shared helpers for the crypto tests (node tier). Argon2id always runs at the floor
 * (2 passes, 19 MiB) here: the production profiles would make the suite take minutes.
 */
import { expect } from 'vitest';
import type { CryptoError } from '../../../../shared/crypto/errors';
import { KDF_FLOOR } from '../../../../shared/crypto/kdf-params';

/** The cheapest parameters the policy allows. */
export const FAST = KDF_FLOOR;

/**
 * Timeout of a test (or hook) that runs Argon2id. At the floor one run takes ~50 ms on an idle
 * machine, but CI runs the node and browser tiers together on 2 cores, where a run can take ten
 * times as long and the 5 s default failed once. Generous on purpose: a hang still fails, a
 * busy machine does not.
 */
export const ARGON2_TIMEOUT_MS = 60_000;

/** `describe` options for a block whose tests run Argon2id. */
export const ARGON2_TESTS = { timeout: ARGON2_TIMEOUT_MS } as const;

/** A passphrase that passes the policy. */
export const PASS = 'correct horse battery staple';

/** A copy of `bytes` with bit `bit` (0 = most significant bit of byte 0) flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  const index = Math.floor(bit / 8);
  out[index] = (out[index] ?? 0) ^ (0x80 >>> (bit % 8));
  return out;
}

type ErrorClass = abstract new (...args: never[]) => CryptoError;

/** Awaits `run` and asserts it throws an instance of `type` (with `code`, if given). Returns the error. */
export async function rejection<E extends ErrorClass>(run: () => Promise<unknown>, type: E, code?: string): Promise<InstanceType<E>> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  if (code !== undefined) expect((caught as CryptoError).code).toBe(code);
  return caught as InstanceType<E>;
}

/** Synchronous variant of `rejection`. */
export function thrown<E extends ErrorClass>(run: () => unknown, type: E, code?: string): InstanceType<E> {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  if (code !== undefined) expect((caught as CryptoError).code).toBe(code);
  return caught as InstanceType<E>;
}

/** Byte arrays as plain arrays, for readable equality failures. */
export function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A copy of `bytes` with a big-endian u32 written at `offset`. */
export function withU32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(offset, value);
  return out;
}

/** A copy of `bytes` with one byte replaced. */
export function withByte(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  out[offset] = value;
  return out;
}

/** Offsets in a v1 keyring file (see keyring-format.ts). */
export const KEYRING_OFFSETS = {
  version: 4,
  flags: 5,
  vaultId: 6,
  slotCount: 22,
  passType: 23,
  passLen: 24,
  ops: 26,
  mem: 30,
  salt: 34,
  /** Second slot (recovery) when present. */
  recoveryType: 122,
  recoveryLen: 123,
  /** body_len with a recovery slot / without. */
  bodyLenWithRecovery: 197,
  bodyLenWithoutRecovery: 122,
} as const;
