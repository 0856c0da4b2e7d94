/**
 * The vault keyring: create, unlock, change passphrase, recovery key, serialise, dispose.
 *
 *   passphrase ─NFC, UTF-8─▶ Argon2id(salt, ops, mem) ─kdf "SJK1pass"─▶ slot key ─┐
 *   recovery key (32 random bytes) ─kdf "SJK1rcvr"─▶ slot key ────────────────────┤ unwraps
 *                                                                                   ▼
 *   master key (32 random bytes) ─kdf "SJK1body"─▶ body key ─▶ keyring body (compartment
 *   keys, audit key and head, device identity, counters)
 *
 * Pure and async: no globals but libsodium, so it runs unchanged in a Web Worker (where the
 * vault keeps it, because Argon2id blocks its thread for about a second). Argon2id itself can
 * be injected (`KdfOptions.kdf`): libsodium's WebAssembly heap grows to the KDF's memory cost
 * (256 MiB by default) and never shrinks, so the vault runs it in a worker of its own that is
 * terminated right after (renderer/src/vault/worker/argon2id-lane.ts). Without it, Argon2id runs
 * on the calling thread, as the bundle tool and the tests do.
 */
import { aeadOpen, aeadSeal } from './aead';
import { concatBytes } from './bytes';
import { UnlockFailed } from './errors';
import { createIdentity } from './identity';
import { derivePassphraseKey, resolveKdfParams, type KdfParams, type KdfProfileName, type PassphraseKdf } from './kdf-params';
import { decodeKeyringBody, encodeKeyringBody, newKeyringBody } from './keyring-body';
import {
  encodePassphraseSlot,
  encodeRecoverySlot,
  keyringHeader,
  NONCE_BYTES,
  parseKeyring,
  passphraseSlotAd,
  recoverySlotAd,
  SALT_BYTES,
  TAG_BYTES,
  VAULT_ID_BYTES,
  type ParsedKeyring,
} from './keyring-format';
import { deriveKeyring, makeKeyring, secretsOf, type UnlockedKeyring } from './keyring-state';
import { passphraseBytes } from './passphrase';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from './recovery-key';
import { drawRandom, getSodium, wipe, type RandomBytes, type RandomOptions, type Sodium } from './sodium';
import { deriveSubkey, SUBKEYS } from './subkeys';

export { disposeKeyring, type UnlockedKeyring } from './keyring-state';

export type { PassphraseKdf };

/** Options of the calls that run Argon2id. */
export interface KdfOptions {
  /** Where Argon2id runs; default: on this thread, with this thread's libsodium. */
  readonly kdf?: PassphraseKdf;
}

/** Options for `createKeyring`. */
export interface CreateKeyringOptions extends RandomOptions, KdfOptions {
  /** Also add a recovery-key slot and return the key's text, to be shown once. */
  readonly withRecoveryKey?: boolean;
}

/** A new keyring: the file bytes to store, the unlocked keyring, and the recovery key text if asked for. */
export interface CreatedKeyring {
  readonly bytes: Uint8Array;
  readonly unlocked: UnlockedKeyring;
  readonly recoveryKey?: string;
}

async function passphraseSlot(
  s: Sodium,
  vaultId: Uint8Array,
  masterKey: Uint8Array,
  passphrase: string,
  kdf: KdfParams,
  options: RandomOptions & KdfOptions,
): Promise<Uint8Array> {
  const { random } = options;
  const pass = passphraseBytes(passphrase, 'new');
  const salt = drawRandom(s, random, SALT_BYTES);
  const nonce = drawRandom(s, random, NONCE_BYTES);
  let kek: Uint8Array | undefined;
  let slotKey: Uint8Array | undefined;
  try {
    kek = await derivePassphraseKey(s, options.kdf, pass, salt, kdf);
    slotKey = deriveSubkey(s, kek, SUBKEYS.passphraseSlot);
    const wrapped = aeadSeal(s, slotKey, nonce, masterKey, passphraseSlotAd(vaultId, kdf, salt));
    return encodePassphraseSlot(kdf, salt, nonce, wrapped);
  } finally {
    wipe(pass, kek, slotKey);
  }
}

function recoverySlot(s: Sodium, vaultId: Uint8Array, masterKey: Uint8Array, random: RandomBytes | undefined): { slot: Uint8Array; text: string } {
  const recoveryKey = drawRandom(s, random, RECOVERY_KEY_BYTES);
  const nonce = drawRandom(s, random, NONCE_BYTES);
  const slotKey = deriveSubkey(s, recoveryKey, SUBKEYS.recoverySlot);
  try {
    const wrapped = aeadSeal(s, slotKey, nonce, masterKey, recoverySlotAd(vaultId));
    return { slot: encodeRecoverySlot(nonce, wrapped), text: formatRecoveryKey(s, recoveryKey) };
  } finally {
    wipe(recoveryKey, slotKey);
  }
}

function serialise(s: Sodium, keyring: UnlockedKeyring, random: RandomBytes | undefined): Uint8Array {
  const hidden = secretsOf(keyring);
  const slots = hidden.recoverySlot ? [hidden.passphraseSlot, hidden.recoverySlot] : [hidden.passphraseSlot];
  const plaintext = encodeKeyringBody(s, keyring);
  const header = keyringHeader(keyring.vaultId, slots, plaintext.length + TAG_BYTES);
  // A fresh nonce on every write: the body changes between writes under the same master key.
  const nonce = drawRandom(s, random, NONCE_BYTES);
  const bodyKey = deriveSubkey(s, hidden.masterKey, SUBKEYS.keyringBody);
  try {
    return concatBytes(header, nonce, aeadSeal(s, bodyKey, nonce, plaintext, header));
  } finally {
    wipe(plaintext, bodyKey);
  }
}

/**
 * Creates a vault keyring: fresh vault id, master key, compartment keys (epoch 1), audit key
 * and device identity, one passphrase slot (the passphrase must pass the full policy) and
 * optionally a recovery-key slot. Runs Argon2id once.
 */
export async function createKeyring(
  passphrase: string,
  profile: KdfProfileName | KdfParams,
  options: CreateKeyringOptions = {},
): Promise<CreatedKeyring> {
  const s = await getSodium();
  const { random } = options;
  const kdf = resolveKdfParams(profile);
  wipe(passphraseBytes(passphrase, 'new')); // policy first: fail before drawing any key
  // The order of draws is part of the known-answer vectors: change it and they change.
  const vaultId = drawRandom(s, random, VAULT_ID_BYTES);
  const masterKey = drawRandom(s, random, 32);
  let passSlot: Uint8Array;
  let recovery: { slot: Uint8Array; text: string } | undefined;
  try {
    passSlot = await passphraseSlot(s, vaultId, masterKey, passphrase, kdf, options);
    recovery = options.withRecoveryKey ? recoverySlot(s, vaultId, masterKey, random) : undefined;
  } catch (error) {
    wipe(masterKey); // e.g. Argon2id ran out of memory
    throw error;
  }
  const keys = { general: drawRandom(s, random, 32), witness: drawRandom(s, random, 32), audit: drawRandom(s, random, 32) };
  const body = newKeyringBody(vaultId, keys, createIdentity(s, random));
  const unlocked = makeKeyring(body, kdf, { masterKey, passphraseSlot: passSlot, recoverySlot: recovery?.slot ?? null });
  const bytes = serialise(s, unlocked, random);
  return recovery ? { bytes, unlocked, recoveryKey: recovery.text } : { bytes, unlocked };
}

/** What can be read from a keyring file without unlocking it. */
export interface KeyringInfo {
  /** Argon2id cost of the passphrase slot (to warn that unlocking will take a while). */
  readonly kdf: KdfParams;
  /** Whether to offer "unlock with recovery key". */
  readonly hasRecoveryKey: boolean;
}

/**
 * Parses a keyring file without decrypting it. Throws `KeyringFormatError` or `KdfError`
 * exactly as unlocking would, so a damaged file can be reported before asking for a secret.
 */
export function readKeyringInfo(bytes: Uint8Array): KeyringInfo {
  const parsed = parseKeyring(bytes);
  return { kdf: { ...parsed.passphrase.kdf }, hasRecoveryKey: parsed.recovery !== null };
}

/** Decrypts the body with an unwrapped master key (taking ownership of it). */
function openBody(s: Sodium, parsed: ParsedKeyring, masterKey: Uint8Array | null): UnlockedKeyring {
  if (!masterKey) throw new UnlockFailed();
  const bodyKey = deriveSubkey(s, masterKey, SUBKEYS.keyringBody);
  const plaintext = aeadOpen(s, bodyKey, parsed.bodyNonce, parsed.bodyCiphertext, parsed.header);
  wipe(bodyKey);
  if (!plaintext) {
    wipe(masterKey);
    throw new UnlockFailed();
  }
  try {
    const body = decodeKeyringBody(s, plaintext, parsed.vaultId);
    return makeKeyring(body, parsed.passphrase.kdf, {
      masterKey,
      passphraseSlot: parsed.passphrase.raw.slice(),
      recoverySlot: parsed.recovery?.raw.slice() ?? null,
    });
  } catch (error) {
    wipe(masterKey);
    throw error;
  } finally {
    wipe(plaintext);
  }
}

/**
 * Unlocks keyring file bytes with a passphrase. Structural faults throw `KeyringFormatError`
 * (or `KdfError` for out-of-range Argon2 parameters, before Argon2 runs); a wrong passphrase
 * or any tampering with a slot or the body throws the one `UnlockFailed`. Never modifies `bytes`.
 */
export async function unlockWithPassphrase(bytes: Uint8Array, passphrase: string, options: KdfOptions = {}): Promise<UnlockedKeyring> {
  const s = await getSodium();
  const parsed = parseKeyring(bytes);
  const slot = parsed.passphrase;
  const pass = passphraseBytes(passphrase, 'unlock');
  let kek: Uint8Array | undefined;
  let slotKey: Uint8Array | undefined;
  try {
    kek = await derivePassphraseKey(s, options.kdf, pass, slot.salt, slot.kdf);
    slotKey = deriveSubkey(s, kek, SUBKEYS.passphraseSlot);
    return openBody(s, parsed, aeadOpen(s, slotKey, slot.nonce, slot.wrapped, slot.ad));
  } finally {
    wipe(pass, kek, slotKey);
  }
}

/**
 * Unlocks with the recovery key text. A typo is reported as `RecoveryKeyError` before any
 * decryption; a keyring without a recovery slot, a wrong key or tampering throws `UnlockFailed`.
 */
export async function unlockWithRecoveryKey(bytes: Uint8Array, recoveryKey: string): Promise<UnlockedKeyring> {
  const s = await getSodium();
  const parsed = parseKeyring(bytes);
  const key = parseRecoveryKey(s, recoveryKey);
  const slot = parsed.recovery;
  if (!slot) {
    wipe(key);
    throw new UnlockFailed();
  }
  const slotKey = deriveSubkey(s, key, SUBKEYS.recoverySlot);
  wipe(key);
  try {
    return openBody(s, parsed, aeadOpen(s, slotKey, slot.nonce, slot.wrapped, slot.ad));
  } finally {
    wipe(slotKey);
  }
}

/** Options for `changePassphrase`. */
export interface ChangePassphraseOptions extends RandomOptions, KdfOptions {
  /** Argon2id cost of the new slot; defaults to the current one. */
  readonly profile?: KdfProfileName | KdfParams;
  /**
   * Also replace the master key — use when the old passphrase may be compromised, since an old
   * copy of the file plus the old passphrase yields the master key. This drops the recovery
   * slot (its key is not held in memory); call `replaceRecoveryKey` afterwards to issue a new one.
   */
  readonly rotateMasterKey?: boolean;
}

/**
 * Re-wraps the master key under a new passphrase (full policy applies), with a new salt and
 * nonce. Nothing else changes unless `rotateMasterKey` is set. Runs Argon2id once.
 */
export async function changePassphrase(
  unlocked: UnlockedKeyring,
  newPassphrase: string,
  options: ChangePassphraseOptions = {},
): Promise<UnlockedKeyring> {
  const s = await getSodium();
  const hidden = secretsOf(unlocked);
  const kdf = resolveKdfParams(options.profile ?? unlocked.kdf);
  wipe(passphraseBytes(newPassphrase, 'new'));
  const masterKey = options.rotateMasterKey ? drawRandom(s, options.random, 32) : hidden.masterKey.slice();
  try {
    const slot = await passphraseSlot(s, unlocked.vaultId, masterKey, newPassphrase, kdf, options);
    const recoverySlotChange = options.rotateMasterKey ? { recoverySlot: null } : {};
    return deriveKeyring(unlocked, { kdf, secrets: { masterKey, passphraseSlot: slot, ...recoverySlotChange } });
  } catch (error) {
    wipe(masterKey);
    throw error;
  }
}

/**
 * Adds a recovery-key slot, or replaces the existing one (e.g. the printed key was exposed).
 * Returns the new keyring and the key text to show once.
 */
export async function replaceRecoveryKey(
  unlocked: UnlockedKeyring,
  options: RandomOptions = {},
): Promise<{ readonly unlocked: UnlockedKeyring; readonly recoveryKey: string }> {
  const s = await getSodium();
  const recovery = recoverySlot(s, unlocked.vaultId, secretsOf(unlocked).masterKey, options.random);
  return { unlocked: deriveKeyring(unlocked, { secrets: { recoverySlot: recovery.slot } }), recoveryKey: recovery.text };
}

/** Removes the recovery-key slot. */
export function removeRecoveryKey(unlocked: UnlockedKeyring): UnlockedKeyring {
  return deriveKeyring(unlocked, { secrets: { recoverySlot: null } });
}

/**
 * The keyring file bytes for `unlocked`: slots verbatim, body encrypted under a fresh nonce.
 * Write them atomically (temp file, fsync, rename) before switching to `unlocked`.
 */
export async function serialiseKeyring(unlocked: UnlockedKeyring, options: RandomOptions = {}): Promise<Uint8Array> {
  return serialise(await getSodium(), unlocked, options.random);
}
