/**
 * Per-record data keys and where a record sits.
 *
 * Each record (and each attachment blob) has its own random 32-byte data key, wrapped by the
 * compartment key of one epoch:
 *
 *   wrapped_key = format u8 = 1 | nonce[24] | XChaCha20-Poly1305(data_key)[48]      (73 bytes)
 *   key         = kdf(compartment key, 1, "SJR1wrap")
 *   ad          = "SJW1" | format | vault_id[16] | record_id[16] | compartment u8 | epoch u32
 *                 | table_len u8 | table
 *
 * Everything in the associated data is known to the reader before decrypting (it is where
 * the row sits), so a wrapped key copied to another record id, table, compartment, epoch or
 * vault does not open. Rotation re-wraps only these 73 bytes; record bodies stay untouched.
 */
import { aeadOpen, aeadSeal } from './aead';
import { ascii, ByteWriter } from './bytes';
import { COMPARTMENT_CODE, isEpoch, type Compartment, type EpochKey } from './compartments';
import { RecordError } from './errors';
import { drawRandom, getSodium, wipe, type RandomBytes, type RandomOptions, type Sodium } from './sodium';
import { deriveSubkey, SUBKEYS } from './subkeys';

/** Where a record sits: all of it is bound into the associated data. */
export interface RecordLocation {
  /** The vault's 16-byte id (from the unlocked keyring). */
  readonly vaultId: Uint8Array;
  /** The record's 16-byte random id (its primary key). */
  readonly recordId: Uint8Array;
  readonly compartment: Compartment;
  /** The store the row lives in, e.g. "records", "heads", "audit", "blobs": `[a-z][a-z0-9-]{0,31}`. */
  readonly table: string;
}

export const ID_BYTES = 16;
export const DATA_KEY_BYTES = 32;
const WRAP_FORMAT = 1;
const NONCE_BYTES = 24;
/** Length of a wrapped data key. */
export const WRAPPED_KEY_BYTES = 1 + NONCE_BYTES + DATA_KEY_BYTES + 16;
const TABLE = /^[a-z][a-z0-9-]{0,31}$/;
const WRAP_LABEL = ascii('SJW1');

/** Validates a location; throws `RecordError('invalid-input')`. */
export function checkLocation(location: RecordLocation): void {
  const { vaultId, recordId, compartment, table } = location;
  if (!(vaultId instanceof Uint8Array) || vaultId.length !== ID_BYTES || !(recordId instanceof Uint8Array) || recordId.length !== ID_BYTES) {
    throw new RecordError('invalid-input');
  }
  if (!Object.hasOwn(COMPARTMENT_CODE, compartment) || typeof table !== 'string' || !TABLE.test(table)) {
    throw new RecordError('invalid-input');
  }
}

/**
 * Validates a compartment key. An all-zero key is refused: it is what a key looks like after
 * `disposeKeyring`, and sealing under it would silently "work".
 */
export function checkEpochKey(s: Sodium, key: EpochKey): void {
  if (!isEpoch(key.epoch) || !(key.key instanceof Uint8Array) || key.key.length !== 32 || s.is_zero(key.key)) {
    throw new RecordError('invalid-input');
  }
}

/** The location fields shared by both associated data layouts: vault | record | compartment. */
export function locationBytes(location: RecordLocation): ByteWriter {
  return new ByteWriter().bytes(location.vaultId).bytes(location.recordId).u8(COMPARTMENT_CODE[location.compartment]);
}

function wrapAd(location: RecordLocation, epoch: number): Uint8Array {
  const table = ascii(location.table);
  return new ByteWriter().bytes(WRAP_LABEL).u8(WRAP_FORMAT).bytes(locationBytes(location).finish()).u32(epoch).u8(table.length).bytes(table).finish();
}

/** Wraps with validated inputs (shared by seal and re-wrap). */
export function wrapWith(s: Sodium, location: RecordLocation, dataKey: Uint8Array, key: EpochKey, random: RandomBytes | undefined): Uint8Array {
  if (dataKey.length !== DATA_KEY_BYTES) throw new RecordError('invalid-input');
  const nonce = drawRandom(s, random, NONCE_BYTES);
  const wrapKey = deriveSubkey(s, key.key, SUBKEYS.dataKeyWrap);
  try {
    return new ByteWriter().u8(WRAP_FORMAT).bytes(nonce).bytes(aeadSeal(s, wrapKey, nonce, dataKey, wrapAd(location, key.epoch))).finish();
  } finally {
    wipe(wrapKey);
  }
}

/** Unwraps with validated inputs; throws `RecordError`. The caller wipes the result. */
export function unwrapWith(s: Sodium, location: RecordLocation, wrapped: Uint8Array, key: EpochKey): Uint8Array {
  if (!(wrapped instanceof Uint8Array) || wrapped.length !== WRAPPED_KEY_BYTES) throw new RecordError('malformed');
  if (wrapped[0] !== WRAP_FORMAT) throw new RecordError('unsupported-format');
  const wrapKey = deriveSubkey(s, key.key, SUBKEYS.dataKeyWrap);
  const dataKey = aeadOpen(s, wrapKey, wrapped.subarray(1, 1 + NONCE_BYTES), wrapped.subarray(1 + NONCE_BYTES), wrapAd(location, key.epoch));
  wipe(wrapKey);
  if (!dataKey) throw new RecordError('auth-failed');
  return dataKey;
}

/** Wraps a data key (e.g. an attachment's blob key) for `location` under a compartment key. */
export async function wrapDataKey(location: RecordLocation, dataKey: Uint8Array, key: EpochKey, options: RandomOptions = {}): Promise<Uint8Array> {
  const s = await getSodium();
  checkLocation(location);
  checkEpochKey(s, key);
  return wrapWith(s, location, dataKey, key, options.random);
}

/** Unwraps a data key; `RecordError('auth-failed')` if it was wrapped elsewhere or tampered with. The caller wipes the result. */
export async function unwrapDataKey(location: RecordLocation, wrappedKey: Uint8Array, key: EpochKey): Promise<Uint8Array> {
  const s = await getSodium();
  checkLocation(location);
  checkEpochKey(s, key);
  return unwrapWith(s, location, wrappedKey, key);
}

/**
 * Re-wraps a data key from one epoch's key to another's (after `rotateCompartmentKeys`). The
 * record's envelope is not touched. Store the result together with the new epoch number.
 */
export async function rewrapDataKey(location: RecordLocation, wrappedKey: Uint8Array, from: EpochKey, to: EpochKey, options: RandomOptions = {}): Promise<Uint8Array> {
  const s = await getSodium();
  checkLocation(location);
  checkEpochKey(s, from);
  checkEpochKey(s, to);
  const dataKey = unwrapWith(s, location, wrappedKey, from);
  try {
    return wrapWith(s, location, dataKey, to, options.random);
  } finally {
    wipe(dataKey);
  }
}

/** A new random 16-byte record id. */
export async function newRecordId(options: RandomOptions = {}): Promise<Uint8Array> {
  return drawRandom(await getSodium(), options.random, ID_BYTES);
}
