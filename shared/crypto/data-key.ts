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

/**
 * The wrap associated data, written into one array: unlock unwraps one key per row, and a
 * ByteWriter's small arrays cost about as much as the unwrap itself:
 * `WRAP_LABEL | format | location (writeLocation) | u32 epoch | table_len | table`.
 */
function wrapAd(location: RecordLocation, epoch: number): Uint8Array {
  if (!isEpoch(epoch)) throw new RecordError('invalid-input');
  const table = ascii(location.table);
  const ad = new Uint8Array(WRAP_LABEL.length + 1 + LOCATION_BYTES + 4 + 1 + table.length);
  ad.set(WRAP_LABEL);
  ad[WRAP_LABEL.length] = WRAP_FORMAT;
  const at = writeLocation(ad, WRAP_LABEL.length + 1, location);
  new DataView(ad.buffer).setUint32(at, epoch);
  ad[at + 4] = table.length;
  ad.set(table, at + 5);
  return ad;
}

/** Length of the location fields shared by both associated data layouts: vault | record | compartment. */
export const LOCATION_BYTES = 2 * ID_BYTES + 1;

/** Writes the location fields (vault id, record id, compartment code) into `out` at `at`; returns the offset after them. */
export function writeLocation(out: Uint8Array, at: number, location: RecordLocation): number {
  out.set(location.vaultId, at);
  out.set(location.recordId, at + ID_BYTES);
  out[at + 2 * ID_BYTES] = COMPARTMENT_CODE[location.compartment];
  return at + LOCATION_BYTES;
}

/** Wraps with validated inputs (shared by seal and re-wrap). */
export function wrapWith(s: Sodium, location: RecordLocation, dataKey: Uint8Array, key: EpochKey, random: RandomBytes | undefined): Uint8Array {
  if (dataKey.length !== DATA_KEY_BYTES) throw new RecordError('invalid-input');
  const nonce = drawRandom(s, random, NONCE_BYTES);
  const wrapKey = dataKeyWrapKey(s, key);
  try {
    return new ByteWriter().u8(WRAP_FORMAT).bytes(nonce).bytes(aeadSeal(s, wrapKey, nonce, dataKey, wrapAd(location, key.epoch))).finish();
  } finally {
    wipe(wrapKey);
  }
}

/**
 * The key that wraps data keys under `key` (a subkey of it). Unwrapping many rows under one
 * epoch key derives it once (`unwrapWithKey`) instead of per row; the caller wipes it.
 */
export function dataKeyWrapKey(s: Sodium, key: EpochKey): Uint8Array {
  return deriveSubkey(s, key.key, SUBKEYS.dataKeyWrap);
}

/** Unwraps with validated inputs; throws `RecordError`. The caller wipes the result. */
export function unwrapWith(s: Sodium, location: RecordLocation, wrapped: Uint8Array, key: EpochKey): Uint8Array {
  const wrapKey = dataKeyWrapKey(s, key);
  try {
    return unwrapWithKey(s, location, wrapped, wrapKey, key.epoch);
  } finally {
    wipe(wrapKey);
  }
}

/** `unwrapWith` with the wrap key of epoch `epoch` already derived (`dataKeyWrapKey`). */
export function unwrapWithKey(s: Sodium, location: RecordLocation, wrapped: Uint8Array, wrapKey: Uint8Array, epoch: number): Uint8Array {
  if (!(wrapped instanceof Uint8Array) || wrapped.length !== WRAPPED_KEY_BYTES) throw new RecordError('malformed');
  if (wrapped[0] !== WRAP_FORMAT) throw new RecordError('unsupported-format');
  const dataKey = aeadOpen(s, wrapKey, wrapped.subarray(1, 1 + NONCE_BYTES), wrapped.subarray(1 + NONCE_BYTES), wrapAd(location, epoch));
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
