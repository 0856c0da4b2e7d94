/**
 * Argon2id parameters: the profiles we write, and the hard bounds every parameter set must
 * satisfy before `crypto_pwhash` may run. Bounds are enforced on what we read from disk
 * (a tampered file could otherwise demand 4 GiB and hang the worker, or 1 pass and make
 * brute force cheap) and again right before deriving, so no path runs unchecked numbers.
 */
import { KdfError } from './errors';
import { wipe, type Sodium } from './sodium';

const MiB = 1024 * 1024;

/** Argon2id cost: passes (opslimit) and memory in bytes (memlimit). */
export interface KdfParams {
  readonly ops: number;
  readonly mem: number;
}

/** Never fewer passes or less memory than this (OWASP's Argon2id minimum: 2 passes, 19 MiB). */
export const KDF_FLOOR: KdfParams = Object.freeze({ ops: 2, mem: 19 * MiB });
/** Never more than this: bounds the time and memory a crafted file can make us spend. */
export const KDF_CAP: KdfParams = Object.freeze({ ops: 10, mem: 1024 * MiB });

/** Named profiles offered to users. */
export type KdfProfileName = 'moderate' | 'sensitive';

/**
 * `moderate` is the default (libsodium's MODERATE: 3 passes, 256 MiB, ~1 s on a laptop);
 * `sensitive` is for high-risk teams (libsodium's SENSITIVE: 4 passes, 1 GiB, several
 * seconds, and it needs a machine that can spare 1 GiB).
 */
export const KDF_PROFILES: Readonly<Record<KdfProfileName, KdfParams>> = Object.freeze({
  moderate: Object.freeze({ ops: 3, mem: 256 * MiB }),
  sensitive: Object.freeze({ ops: 4, mem: 1024 * MiB }),
});

/** Argon2id works in 1 KiB blocks; other values would be non-canonical encodings of the same cost. */
const MEM_GRANULE = 1024;

/**
 * Throws `KdfError` unless `params` lie within [KDF_FLOOR, KDF_CAP] and memory is a whole
 * number of KiB. Pure arithmetic: call it before anything is allocated or derived.
 */
export function validateKdfParams(params: KdfParams): KdfParams {
  const { ops, mem } = params;
  if (!Number.isSafeInteger(ops) || ops < KDF_FLOOR.ops || ops > KDF_CAP.ops) {
    throw new KdfError('ops-out-of-range');
  }
  if (!Number.isSafeInteger(mem) || mem < KDF_FLOOR.mem || mem > KDF_CAP.mem || mem % MEM_GRANULE !== 0) {
    throw new KdfError('mem-out-of-range');
  }
  return { ops, mem };
}

/** Resolves a profile name or explicit parameters to validated parameters. */
export function resolveKdfParams(profile: KdfProfileName | KdfParams): KdfParams {
  return validateKdfParams(typeof profile === 'string' ? KDF_PROFILES[profile] : profile);
}

/**
 * Argon2id13 over the normalised passphrase bytes → 32-byte key. Validates `params` first;
 * a failure inside libsodium (typically memory) becomes `KdfError('derivation-failed')`.
 * Synchronous and slow by design: run it in a worker.
 */
export function argon2id(s: Sodium, passphrase: Uint8Array, salt: Uint8Array, params: KdfParams): Uint8Array {
  const { ops, mem } = validateKdfParams(params);
  if (salt.length !== s.crypto_pwhash_SALTBYTES) throw new TypeError('salt must be 16 bytes');
  try {
    return s.crypto_pwhash(32, passphrase, salt, ops, mem, s.crypto_pwhash_ALG_ARGON2ID13);
  } catch {
    throw new KdfError('derivation-failed');
  }
}

/**
 * Argon2id13 of `passphrase` (normalised UTF-8 bytes) under `salt` → a 32-byte key. Called only
 * with parameters already validated; it must neither keep nor change `passphrase` (the caller
 * wipes it afterwards), and should fail with `KdfError('derivation-failed')`.
 *
 * Why injectable: libsodium's WebAssembly heap grows to the KDF's memory cost and never
 * shrinks, so the vault worker runs every Argon2id (keyring, backup and bundle passphrases) on a
 * short-lived thread of its own (renderer/src/vault/worker/argon2id-lane.ts).
 */
export type PassphraseKdf = (passphrase: Uint8Array, salt: Uint8Array, params: KdfParams) => Promise<Uint8Array>;

/** Argon2id through `kdf` (or on this thread), on checked parameters, with a checked result. */
export async function derivePassphraseKey(s: Sodium, kdf: PassphraseKdf | undefined, passphrase: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const checked = validateKdfParams(params);
  if (!kdf) return argon2id(s, passphrase, salt, checked);
  const key = await kdf(passphrase, salt, checked);
  if (key.length !== 32) {
    wipe(key);
    throw new KdfError('derivation-failed');
  }
  return key;
}
