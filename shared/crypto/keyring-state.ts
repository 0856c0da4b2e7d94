/**
 * The in-memory unlocked keyring and its lifecycle.
 *
 * An `UnlockedKeyring` is immutable: every change returns a new one with its own copies of
 * the keys, so the caller can write the new file first and switch over only once the write
 * succeeded, then dispose the old value. What callers must never touch (the master key and
 * the stored slots) sits in a module-private WeakMap, not on the object.
 */
import type { CompartmentKeys, Compartment, EpochKey } from './compartments';
import { KeyringStateError } from './errors';
import type { DeviceIdentity } from './identity';
import type { KdfParams } from './kdf-params';
import type { KeyringBody } from './keyring-body';
import { wipe } from './sodium';

/** An unlocked vault keyring. Treat every byte array as read-only. */
export interface UnlockedKeyring extends KeyringBody {
  /** Argon2id parameters of the passphrase slot (e.g. to offer an upgrade). */
  readonly kdf: KdfParams;
  /** Whether a recovery key can unlock this keyring. */
  readonly hasRecoveryKey: boolean;
}

/** The parts only keyring code may see. */
export interface KeyringSecrets {
  readonly masterKey: Uint8Array;
  /** Stored slots (type | len | body), rewritten verbatim: they stay valid while the master key does. */
  readonly passphraseSlot: Uint8Array;
  readonly recoverySlot: Uint8Array | null;
}

const secrets = new WeakMap<UnlockedKeyring, KeyringSecrets>();

/** Builds a keyring object; takes ownership of every buffer passed in. */
export function makeKeyring(body: KeyringBody, kdf: KdfParams, hidden: KeyringSecrets): UnlockedKeyring {
  const keyring: UnlockedKeyring = Object.freeze({
    ...body,
    compartments: Object.freeze({ ...body.compartments }),
    kdf: Object.freeze({ ...kdf }),
    hasRecoveryKey: hidden.recoverySlot !== null,
  });
  secrets.set(keyring, hidden);
  return keyring;
}

/** The hidden parts, or `KeyringStateError('disposed')`. */
export function secretsOf(keyring: UnlockedKeyring): KeyringSecrets {
  const hidden = secrets.get(keyring);
  if (!hidden) throw new KeyringStateError('disposed');
  return hidden;
}

function copyEpochs(keys: CompartmentKeys): CompartmentKeys {
  return {
    current: { epoch: keys.current.epoch, key: keys.current.key.slice() },
    previous: keys.previous.map((k): EpochKey => ({ epoch: k.epoch, key: k.key.slice() })),
  };
}

function copyIdentity(identity: DeviceIdentity): DeviceIdentity {
  return {
    signPublicKey: identity.signPublicKey.slice(),
    signSecretKey: identity.signSecretKey.slice(),
    boxPublicKey: identity.boxPublicKey.slice(),
    boxSecretKey: identity.boxSecretKey.slice(),
    binding: identity.binding.slice(),
  };
}

/** Changes a derived keyring may carry; anything not given is copied from the old one. */
export interface KeyringChanges {
  readonly senderSeq?: number;
  readonly auditHead?: KeyringBody['auditHead'];
  /** A new audit key (a new chain segment starts under it; see audit-segments.ts). */
  readonly auditKey?: Uint8Array;
  /** A new device identity (its binding already signed). */
  readonly identity?: DeviceIdentity;
  readonly compartments?: Partial<Record<Compartment, CompartmentKeys>>;
  readonly kdf?: KdfParams;
  readonly secrets?: Partial<KeyringSecrets>;
}

/**
 * A new keyring with `changes` applied, its own copies of every unchanged key, and the
 * generation counter advanced: each state change is a new generation on disk. Buffers in
 * `changes` are taken over, not copied.
 */
export function deriveKeyring(old: UnlockedKeyring, changes: KeyringChanges): UnlockedKeyring {
  const hidden = secretsOf(old);
  if (old.generation >= Number.MAX_SAFE_INTEGER) throw new KeyringStateError('counter-overflow');
  const body: KeyringBody = {
    vaultId: old.vaultId.slice(),
    generation: old.generation + 1,
    senderSeq: changes.senderSeq ?? old.senderSeq,
    auditKey: changes.auditKey ?? old.auditKey.slice(),
    auditHead: changes.auditHead ?? { seq: old.auditHead.seq, hash: old.auditHead.hash.slice() },
    identity: changes.identity ?? copyIdentity(old.identity),
    compartments: {
      general: changes.compartments?.general ?? copyEpochs(old.compartments.general),
      witness: changes.compartments?.witness ?? copyEpochs(old.compartments.witness),
    },
  };
  const recoverySlot = changes.secrets?.recoverySlot !== undefined ? changes.secrets.recoverySlot : hidden.recoverySlot?.slice() ?? null;
  return makeKeyring(body, changes.kdf ?? old.kdf, {
    masterKey: changes.secrets?.masterKey ?? hidden.masterKey.slice(),
    passphraseSlot: changes.secrets?.passphraseSlot ?? hidden.passphraseSlot.slice(),
    recoverySlot,
  });
}

/**
 * Wipes every key of `keyring` and makes it unusable; later operations on it throw
 * `KeyringStateError('disposed')`. Idempotent. Other keyrings derived from it are unaffected.
 */
export function disposeKeyring(keyring: UnlockedKeyring): void {
  const hidden = secrets.get(keyring);
  if (!hidden) return;
  secrets.delete(keyring);
  const { identity, compartments } = keyring;
  wipe(hidden.masterKey, hidden.passphraseSlot, hidden.recoverySlot, keyring.auditKey, keyring.auditHead.hash);
  wipe(identity.signSecretKey, identity.boxSecretKey);
  for (const keys of [compartments.general, compartments.witness]) {
    wipe(keys.current.key, ...keys.previous.map((k) => k.key));
  }
}
