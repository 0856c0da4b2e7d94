/**
 * The device identity held in the keyring: an Ed25519 signing key and a separate X25519 box
 * key, bound by a signature of the signing key over both public keys.
 */
import { ascii, concatBytes } from './bytes';
import { drawRandom, wipe, type RandomBytes, type Sodium } from './sodium';

/** A device's keys. Secret halves never leave the vault worker. */
export interface DeviceIdentity {
  readonly signPublicKey: Uint8Array;
  /** libsodium's 64-byte form: seed || public key. */
  readonly signSecretKey: Uint8Array;
  readonly boxPublicKey: Uint8Array;
  readonly boxSecretKey: Uint8Array;
  /** Ed25519 signature by the signing key over `identityBindingMessage(signPk, boxPk)`. */
  readonly binding: Uint8Array;
}

const BINDING_LABEL = ascii('SJ-IDBIND-1');

/** What the binding signature covers: "SJ-IDBIND-1" || sign_pk[32] || box_pk[32]. */
export function identityBindingMessage(signPublicKey: Uint8Array, boxPublicKey: Uint8Array): Uint8Array {
  return concatBytes(BINDING_LABEL, signPublicKey, boxPublicKey);
}

/** Checks that `binding` is the signing key's signature over the box key (for contacts' identity cards too). */
export function verifyIdentityBinding(
  s: Sodium,
  signPublicKey: Uint8Array,
  boxPublicKey: Uint8Array,
  binding: Uint8Array,
): boolean {
  if (signPublicKey.length !== 32 || boxPublicKey.length !== 32 || binding.length !== 64) return false;
  try {
    return s.crypto_sign_verify_detached(binding, identityBindingMessage(signPublicKey, boxPublicKey), signPublicKey);
  } catch {
    return false;
  }
}

/** Rebuilds the full identity from the two 32-byte secrets stored in the keyring body. */
export function identityFromSecrets(s: Sodium, signSeed: Uint8Array, boxSecretKey: Uint8Array, binding: Uint8Array): DeviceIdentity {
  const sign = s.crypto_sign_seed_keypair(signSeed);
  return {
    signPublicKey: sign.publicKey,
    signSecretKey: sign.privateKey,
    boxPublicKey: s.crypto_scalarmult_base(boxSecretKey),
    boxSecretKey: boxSecretKey.slice(),
    binding: binding.slice(),
  };
}

/** Creates a fresh identity and its binding signature. */
export function createIdentity(s: Sodium, random: RandomBytes | undefined): DeviceIdentity {
  const signSeed = drawRandom(s, random, 32);
  const boxSecretKey = drawRandom(s, random, 32);
  const sign = s.crypto_sign_seed_keypair(signSeed);
  const boxPublicKey = s.crypto_scalarmult_base(boxSecretKey);
  const binding = s.crypto_sign_detached(identityBindingMessage(sign.publicKey, boxPublicKey), sign.privateKey);
  wipe(signSeed);
  return { signPublicKey: sign.publicKey, signSecretKey: sign.privateKey, boxPublicKey, boxSecretKey, binding };
}

/** The 32-byte seed inside a libsodium Ed25519 secret key (a view, not a copy). */
export function signSeedOf(identity: DeviceIdentity): Uint8Array {
  return identity.signSecretKey.subarray(0, 32);
}
