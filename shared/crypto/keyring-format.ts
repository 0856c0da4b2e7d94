/**
 * The keyring file, byte by byte (version 1; docs/vault-format.md has the same table).
 *
 *   magic "SJK1" | version u8 = 1 | flags u8 = 0 | vault_id[16]            (the 22-byte prefix)
 *   slot_count u8 (1..2)
 *   slot_count × ( type u8 | len u16 | body[len] ):
 *     type 1, passphrase (exactly one, first), len = 96:
 *       ops u32 | mem u32 | salt[16] | nonce[24] | wrapped_master_key[48]
 *     type 2, recovery key (optional, second), len = 72:
 *       nonce[24] | wrapped_master_key[48]
 *   body_len u32 (272..4112, ≡ 16 mod 256)
 *   body_nonce[24] | body_ciphertext[body_len]
 *
 * A slot's associated data is the prefix followed by the slot's bytes before its nonce, so a
 * slot cannot be moved to another vault or have its Argon2 parameters or salt changed. The
 * body's associated data is the whole header: every byte before body_nonce.
 *
 * Parsing is strict: every length read from the file must equal a constant or lie within a
 * fixed bound before anything is sliced, so no allocation depends on the file; Argon2
 * parameters are validated here (before anything could run them); anything left over is an
 * error. Parsed fields are views into the input, which is never modified.
 */
import { ascii, ByteReader, ByteWriter, concatBytes } from './bytes';
import { KeyringFormatError } from './errors';
import { validateKdfParams, type KdfParams } from './kdf-params';

/** File magic. */
export const KEYRING_MAGIC = ascii('SJK1');
/** The only version this code reads and writes. */
export const KEYRING_VERSION = 1;
/** No real keyring comes near this; anything larger is refused before parsing. */
export const MAX_KEYRING_BYTES = 8192;

export const VAULT_ID_BYTES = 16;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
export const SALT_BYTES = 16;
const WRAPPED_KEY_BYTES = 32 + TAG_BYTES;

const SLOT_PASSPHRASE = 1;
const SLOT_RECOVERY = 2;
const PASSPHRASE_SLOT_LEN = 4 + 4 + SALT_BYTES + NONCE_BYTES + WRAPPED_KEY_BYTES; // 96
const RECOVERY_SLOT_LEN = NONCE_BYTES + WRAPPED_KEY_BYTES; // 72

/** The body plaintext is padded to a multiple of this, so its size says little. */
export const BODY_BLOCK = 256;
/** Largest padded body plaintext; bounds retained epochs (see keyring-body.ts). */
export const BODY_MAX_PLAINTEXT = 16 * BODY_BLOCK;

/** A parsed passphrase slot (views into the file). */
export interface PassphraseSlot {
  readonly kdf: KdfParams;
  readonly salt: Uint8Array;
  readonly nonce: Uint8Array;
  readonly wrapped: Uint8Array;
  /** Associated data for `wrapped`. */
  readonly ad: Uint8Array;
  /** The slot exactly as stored (type | len | body), kept verbatim when the file is rewritten. */
  readonly raw: Uint8Array;
}

/** A parsed recovery-key slot (views into the file). */
export interface RecoverySlot {
  readonly nonce: Uint8Array;
  readonly wrapped: Uint8Array;
  readonly ad: Uint8Array;
  readonly raw: Uint8Array;
}

/** A structurally valid keyring file, not yet decrypted. */
export interface ParsedKeyring {
  readonly vaultId: Uint8Array;
  readonly passphrase: PassphraseSlot;
  readonly recovery: RecoverySlot | null;
  /** Associated data of the body: every byte before `bodyNonce`. */
  readonly header: Uint8Array;
  readonly bodyNonce: Uint8Array;
  readonly bodyCiphertext: Uint8Array;
}

function prefix(vaultId: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(KEYRING_MAGIC).u8(KEYRING_VERSION).u8(0).bytes(vaultId).finish();
}

/** Associated data of a passphrase slot: prefix | type | len | ops | mem | salt. */
export function passphraseSlotAd(vaultId: Uint8Array, kdf: KdfParams, salt: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(prefix(vaultId)).u8(SLOT_PASSPHRASE).u16(PASSPHRASE_SLOT_LEN).u32(kdf.ops).u32(kdf.mem).bytes(salt).finish();
}

/** Associated data of the recovery slot: prefix | type | len. */
export function recoverySlotAd(vaultId: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(prefix(vaultId)).u8(SLOT_RECOVERY).u16(RECOVERY_SLOT_LEN).finish();
}

/** Encodes a passphrase slot (type | len | body). */
export function encodePassphraseSlot(kdf: KdfParams, salt: Uint8Array, nonce: Uint8Array, wrapped: Uint8Array): Uint8Array {
  validateKdfParams(kdf);
  checkLengths([salt, SALT_BYTES], [nonce, NONCE_BYTES], [wrapped, WRAPPED_KEY_BYTES]);
  return new ByteWriter().u8(SLOT_PASSPHRASE).u16(PASSPHRASE_SLOT_LEN).u32(kdf.ops).u32(kdf.mem).bytes(salt).bytes(nonce).bytes(wrapped).finish();
}

/** Encodes a recovery slot (type | len | body). */
export function encodeRecoverySlot(nonce: Uint8Array, wrapped: Uint8Array): Uint8Array {
  checkLengths([nonce, NONCE_BYTES], [wrapped, WRAPPED_KEY_BYTES]);
  return new ByteWriter().u8(SLOT_RECOVERY).u16(RECOVERY_SLOT_LEN).bytes(nonce).bytes(wrapped).finish();
}

/** The body's associated data for the given slots and ciphertext length. */
export function keyringHeader(vaultId: Uint8Array, slots: readonly Uint8Array[], bodyCiphertextLength: number): Uint8Array {
  checkLengths([vaultId, VAULT_ID_BYTES]);
  return new ByteWriter().bytes(prefix(vaultId)).u8(slots.length).bytes(concatBytes(...slots)).u32(bodyCiphertextLength).finish();
}

function checkLengths(...pairs: [Uint8Array, number][]): void {
  for (const [bytes, length] of pairs) {
    if (bytes.length !== length) throw new TypeError('field has the wrong length');
  }
}

function readSlot(reader: ByteReader, expectedType: number, expectedLength: number): { body: ByteReader; raw: Uint8Array } {
  const start = reader.position;
  const type = reader.u8();
  if (type !== expectedType) throw new KeyringFormatError('bad-slot-type');
  if (reader.u16() !== expectedLength) throw new KeyringFormatError('bad-slot-length');
  const body = reader.take(expectedLength);
  return { body: new ByteReader(body, () => new KeyringFormatError('truncated')), raw: reader.view(start, reader.position) };
}

/**
 * Parses a keyring file without decrypting anything. Throws `KeyringFormatError` for any
 * structural fault and `KdfError` for Argon2 parameters out of range.
 */
export function parseKeyring(bytes: Uint8Array): ParsedKeyring {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new KeyringFormatError('empty');
  if (bytes.length > MAX_KEYRING_BYTES) throw new KeyringFormatError('too-large');
  const reader = new ByteReader(bytes, () => new KeyringFormatError('truncated'));
  const magic = reader.take(Math.min(KEYRING_MAGIC.length, bytes.length));
  if (!magic.every((byte, i) => byte === KEYRING_MAGIC[i])) throw new KeyringFormatError('bad-magic');
  if (magic.length < KEYRING_MAGIC.length) throw new KeyringFormatError('truncated');
  if (reader.u8() !== KEYRING_VERSION) throw new KeyringFormatError('unsupported-version');
  if (reader.u8() !== 0) throw new KeyringFormatError('bad-flags');
  const vaultId = reader.take(VAULT_ID_BYTES);
  const slotCount = reader.u8();
  if (slotCount < 1 || slotCount > 2) throw new KeyringFormatError('bad-slot-count');

  const pass = readSlot(reader, SLOT_PASSPHRASE, PASSPHRASE_SLOT_LEN);
  const kdf = validateKdfParams({ ops: pass.body.u32(), mem: pass.body.u32() });
  const salt = pass.body.take(SALT_BYTES);
  const passphrase: PassphraseSlot = {
    kdf,
    salt,
    nonce: pass.body.take(NONCE_BYTES),
    wrapped: pass.body.take(WRAPPED_KEY_BYTES),
    ad: passphraseSlotAd(vaultId, kdf, salt),
    raw: pass.raw,
  };

  let recovery: RecoverySlot | null = null;
  if (slotCount === 2) {
    const slot = readSlot(reader, SLOT_RECOVERY, RECOVERY_SLOT_LEN);
    recovery = { nonce: slot.body.take(NONCE_BYTES), wrapped: slot.body.take(WRAPPED_KEY_BYTES), ad: recoverySlotAd(vaultId), raw: slot.raw };
  }

  const bodyLength = reader.u32();
  const padded = bodyLength - TAG_BYTES;
  if (padded < BODY_BLOCK || padded > BODY_MAX_PLAINTEXT || padded % BODY_BLOCK !== 0) {
    throw new KeyringFormatError('bad-body-length');
  }
  const header = reader.view(0, reader.position);
  const bodyNonce = reader.take(NONCE_BYTES);
  const bodyCiphertext = reader.take(bodyLength);
  if (reader.remaining !== 0) throw new KeyringFormatError('trailing-bytes');
  return { vaultId, passphrase, recovery, header, bodyNonce, bodyCiphertext };
}
