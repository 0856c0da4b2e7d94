/**
 * The one place that initialises libsodium (sumo build: only it has `crypto_pwhash`).
 *
 * Runs anywhere: main thread, Web Worker, Node. Everything in shared/crypto receives the
 * initialised instance from `getSodium()`; nothing else imports libsodium directly, so a test
 * can spy on a primitive (e.g. assert `crypto_pwhash` never ran) through this one object.
 */
import sodium from 'libsodium-wrappers-sumo';

/** The initialised libsodium API. */
export type Sodium = typeof sodium;

/**
 * A source of random bytes. Production code always uses libsodium's CSPRNG (`systemRandom`);
 * the parameter exists only so known-answer tests can replay fixed keys and nonces.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** Options accepted by every operation that draws randomness. */
export interface RandomOptions {
  /**
   * Tests only: a deterministic source for frozen vectors. Never pass this in the app; a node
   * test (tests/node/tooling/app-boundaries.test.ts) fails if renderer/ or electron/ code does.
   */
  readonly random?: RandomBytes;
}

let readyPromise: Promise<Sodium> | undefined;

/** Resolves once libsodium's WebAssembly is ready; cheap after the first call. */
export function getSodium(): Promise<Sodium> {
  readyPromise ??= sodium.ready.then(() => sodium);
  return readyPromise;
}

/** Most bytes one `crypto.getRandomValues` call may return. */
const MAX_PLATFORM_DRAW = 65_536;

/**
 * WebCrypto's CSPRNG where the platform has it (browsers, workers, Node 20+). shared/ is typed
 * without DOM or Node globals, so the one function used is declared here.
 */
const platformCrypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> } }).crypto;

/**
 * The system CSPRNG as a `RandomBytes`: `crypto.getRandomValues`, asked once per draw. It is
 * the source libsodium.js draws from itself, but libsodium.js asks it for 4 bytes per call
 * (about 20 calls for the keys and nonces of one sealed row), which was a third of the cost of
 * sealing a row. Larger draws than one call may return, or a platform without it, go through
 * libsodium as before.
 */
export function systemRandom(s: Sodium): RandomBytes {
  return (length) => (platformCrypto && length <= MAX_PLATFORM_DRAW ? platformCrypto.getRandomValues(new Uint8Array(length)) : s.randombytes_buf(length));
}

/**
 * Draws `length` bytes and checks the source returned exactly that many: a short read from a
 * broken or injected source must never become a short key or nonce.
 */
export function drawRandom(s: Sodium, random: RandomBytes | undefined, length: number): Uint8Array {
  const out = (random ?? systemRandom(s))(length);
  if (!(out instanceof Uint8Array) || out.length !== length) {
    throw new TypeError('random source returned the wrong number of bytes');
  }
  return out;
}

/**
 * Overwrites buffers with zeros (best effort: JavaScript may have copied them before, and
 * strings cannot be wiped at all). Accepts `undefined` so cleanup paths stay one line.
 *
 * It cannot reach libsodium's own copies: libsodium.js copies every argument and result
 * through its WebAssembly heap and frees them without zeroing, so keys and plaintexts stay in
 * that heap until reused. The real wipe is terminating the worker that ran the crypto.
 */
export function wipe(...buffers: (Uint8Array | undefined | null)[]): void {
  // memzero is plain JavaScript in libsodium.js, usable before `ready` (so dispose can be sync).
  for (const buffer of buffers) {
    if (buffer) sodium.memzero(buffer);
  }
}

/**
 * Constant-time equality for secrets and MACs. Lengths are public, so a length mismatch
 * returns false at once (sodium.memcmp itself throws on unequal lengths).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return sodium.memcmp(a, b);
}
