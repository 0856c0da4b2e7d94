/**
 * Recipient stanzas: how the 32-byte file key reaches each recipient.
 *
 *   type 1 (X25519):     body = crypto_box_seal(file_key, recipient_box_pk)                  80 bytes
 *   type 2 (passphrase): body = ops u32 | mem u32 | salt[16] | nonce[24] | wrapped[48]       96 bytes
 *                        wrapped = XChaCha20-Poly1305(Argon2id(NFC passphrase, salt, ops, mem),
 *                                  nonce, file_key, ad = body[0..24])
 *
 * The sealed box is built here from its parts (ephemeral key pair, nonce = BLAKE2b-192(epk ||
 * pk), crypto_box_easy), exactly as libsodium's crypto_box_seal does, so that frozen vectors
 * can inject the ephemeral secret; libsodium's own crypto_box_seal_open opens it.
 */
import { aeadOpen, aeadSeal } from '../crypto/aead';
import { ByteReader, ByteWriter, concatBytes } from '../crypto/bytes';
import { derivePassphraseKey, type KdfParams, type PassphraseKdf, validateKdfParams } from '../crypto/kdf-params';
import { drawRandom, type RandomBytes, type Sodium, wipe } from '../crypto/sodium';
import { BundleError } from './errors';

/** Stanza type of an X25519 recipient. */
export const X25519_STANZA = 1;
/** Stanza type of a passphrase. */
export const PASSPHRASE_STANZA = 2;
/** Exact body length of each stanza type. */
export const STANZA_LENGTH: Readonly<Record<number, number>> = { [X25519_STANZA]: 80, [PASSPHRASE_STANZA]: 96 };
/** Size of the file key. */
export const FILE_KEY_BYTES = 32;

/** The fields of a passphrase stanza body. */
export interface PassphraseStanzaFields extends KdfParams {
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
  readonly wrapped: Uint8Array;
}

/** Seals the file key to one X25519 public key (80 bytes: epk[32] || box[48]). */
export function sealX25519Stanza(s: Sodium, fileKey: Uint8Array, recipientBoxPk: Uint8Array, random: RandomBytes | undefined): Uint8Array {
  const esk = drawRandom(s, random, 32);
  try {
    const epk = s.crypto_scalarmult_base(esk);
    const nonce = s.crypto_generichash(s.crypto_box_NONCEBYTES, concatBytes(epk, recipientBoxPk), null);
    return concatBytes(epk, s.crypto_box_easy(fileKey, nonce, recipientBoxPk, esk));
  } catch (cause) {
    // crypto_box refuses low-order public keys (an all-zero shared secret).
    throw new BundleError('invalid-input', 'a recipient box key is not a usable X25519 public key', { cause });
  } finally {
    wipe(esk);
  }
}

/** Opens an X25519 stanza with our box key pair, or returns undefined if it is not ours. */
export function openX25519Stanza(s: Sodium, body: Uint8Array, boxPublicKey: Uint8Array, boxSecretKey: Uint8Array): Uint8Array | undefined {
  try {
    const key = s.crypto_box_seal_open(body, boxPublicKey, boxSecretKey);
    return key.length === FILE_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the fields of a 96-byte passphrase stanza body, refusing Argon2id parameters out of bounds. */
export function parsePassphraseStanza(body: Uint8Array): PassphraseStanzaFields {
  const reader = new ByteReader(body, () => new BundleError('bad-stanza-length', 'passphrase stanza too short'));
  const ops = reader.u32();
  const mem = reader.u32();
  try {
    validateKdfParams({ ops, mem });
  } catch {
    throw new BundleError('bad-kdf-params', `Argon2id parameters out of bounds (ops ${ops}, mem ${mem}; allowed 2..10 passes, 19 MiB..1 GiB in whole KiB)`);
  }
  return { ops, mem, salt: reader.take(16), nonce: reader.take(24), wrapped: reader.take(48) };
}

/**
 * Wraps the file key under a passphrase (already NFC UTF-8 bytes) with the given Argon2id cost.
 * `kdf`: where Argon2id runs (default: this thread; see `PassphraseKdf`).
 */
export async function passphraseStanza(s: Sodium, fileKey: Uint8Array, passphrase: Uint8Array, params: KdfParams, random: RandomBytes | undefined, kdf?: PassphraseKdf): Promise<Uint8Array> {
  const { ops, mem } = validateKdfParams(params);
  const salt = drawRandom(s, random, 16);
  const nonce = drawRandom(s, random, 24);
  const ad = new ByteWriter().u32(ops).u32(mem).bytes(salt).finish();
  const key = await derivePassphraseKey(s, kdf, passphrase, salt, { ops, mem });
  try {
    return concatBytes(ad, nonce, aeadSeal(s, key, nonce, fileKey, ad));
  } finally {
    wipe(key);
  }
}

/** Unwraps the file key with a passphrase, or returns undefined (wrong passphrase or tampered stanza). */
export async function openPassphraseStanza(s: Sodium, body: Uint8Array, passphrase: Uint8Array, kdf?: PassphraseKdf): Promise<Uint8Array | undefined> {
  const fields = parsePassphraseStanza(body);
  const key = await derivePassphraseKey(s, kdf, passphrase, fields.salt, fields);
  try {
    const fileKey = aeadOpen(s, key, fields.nonce, fields.wrapped, body.subarray(0, 24));
    return fileKey?.length === FILE_KEY_BYTES ? fileKey : undefined;
  } finally {
    wipe(key);
  }
}
