/**
 * The record envelope: how one record is stored.
 *
 *   envelope  = format u8 = 1 | nonce[24] | XChaCha20-Poly1305(data_key, padded, ad)
 *   ad        = "SJE1" | format | vault_id[16] | record_id[16] | compartment u8 | table_len u8 | table
 *   padded    = type_len u8 (1..48) | type (ASCII) | version u32 | body_len u32 | body (UTF-8 JSON)
 *               | zero bytes up to the Padmé length (at least 256)
 *
 * Type and version travel inside the ciphertext, so storage shows no record kinds. AEAD alone
 * accepts an older genuine copy of a record (a replay), so the reader compares the version
 * with the record's head version, which the vault keeps encrypted elsewhere (see
 * docs/vault-format.md, "Replay"). The epoch is bound through the wrapped data key rather than
 * here, so that rotation re-wraps 73 bytes instead of re-encrypting every record.
 *
 * Every seal draws a fresh data key: one key, one message.
 */
import { aeadOpen, aeadSeal } from './aead';
import { ascii, ByteReader, ByteWriter } from './bytes';
import type { EpochKey } from './compartments';
import { checkEpochKey, checkLocation, DATA_KEY_BYTES, dataKeyWrapKey, LOCATION_BYTES, unwrapWithKey, wrapWith, writeLocation, type RecordLocation } from './data-key';
import { RecordError } from './errors';
import { paddedLength } from './padding';
import { drawRandom, getSodium, wipe, type RandomOptions } from './sodium';

/** What a record says about itself, inside the ciphertext. */
export interface RecordContent {
  /** The record type, e.g. "testimony": `[a-z][a-z0-9-]{0,47}`. */
  readonly type: string;
  /** Version of this record, 1 for the first write, +1 per update (u32). */
  readonly version: number;
  /** Any JSON-serialisable value; validate it with the domain schema after opening. */
  readonly body: unknown;
}

/** What the vault stores for a record, next to its id and its key epoch. */
export interface SealedRecord {
  readonly wrappedKey: Uint8Array;
  readonly envelope: Uint8Array;
}

/** What the reader expects: the type it asked for and the head version from its head index. */
export interface RecordExpectation {
  readonly type: string;
  /** The record's current version per the head index; an older version is a replay. */
  readonly headVersion: number;
}

/** Largest JSON body of one record. */
export const MAX_RECORD_BODY_BYTES = 4 * 1024 * 1024;
const ENVELOPE_FORMAT = 1;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const TYPE = /^[a-z][a-z0-9-]{0,47}$/;
const MAX_VERSION = 0xffffffff;
const INNER_OVERHEAD = 1 + 48 + 4 + 4;
const MAX_PADDED = paddedLength(INNER_OVERHEAD + MAX_RECORD_BODY_BYTES);
const MIN_ENVELOPE = 1 + NONCE_BYTES + paddedLength(0) + TAG_BYTES;
/** Largest envelope this code writes or reads. */
export const MAX_ENVELOPE_BYTES = 1 + NONCE_BYTES + MAX_PADDED + TAG_BYTES;
const ENVELOPE_LABEL = ascii('SJE1');

/** `ENVELOPE_LABEL | format | location (writeLocation) | table_len | table`, written into one array (unlock builds one per row). */
function envelopeAd(location: RecordLocation): Uint8Array {
  const table = ascii(location.table);
  const ad = new Uint8Array(ENVELOPE_LABEL.length + 1 + LOCATION_BYTES + 1 + table.length);
  ad.set(ENVELOPE_LABEL);
  ad[ENVELOPE_LABEL.length] = ENVELOPE_FORMAT;
  const at = writeLocation(ad, ENVELOPE_LABEL.length + 1, location);
  ad[at] = table.length;
  ad.set(table, at + 1);
  return ad;
}

/** True if `value` is a record version: an integer from 1 to 2^32 − 1 (u32 in the envelope). */
export function isRecordVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_VERSION;
}

function encodeInner(content: RecordContent): Uint8Array {
  if (typeof content.type !== 'string' || !TYPE.test(content.type) || !isRecordVersion(content.version)) {
    throw new RecordError('invalid-input');
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(content.body);
  } catch {
    throw new RecordError('invalid-input');
  }
  if (json === undefined) throw new RecordError('invalid-input');
  const body = new TextEncoder().encode(json);
  if (body.length > MAX_RECORD_BODY_BYTES) throw new RecordError('too-large');
  const type = ascii(content.type);
  const inner = new ByteWriter().u8(type.length).bytes(type).u32(content.version).u32(body.length).bytes(body).finish();
  const padded = new Uint8Array(paddedLength(inner.length));
  padded.set(inner);
  wipe(inner, body);
  return padded;
}

// Decoders made once: unlock opens tens of thousands of records in a row.
const ASCII = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A plain loop: `every` with a closure costs several times more per byte on this hot path. */
function allZero(bytes: Uint8Array): boolean {
  let any = 0;
  for (let i = 0; i < bytes.length; i++) any |= bytes[i] ?? 0;
  return any === 0;
}

function decodeInner(padded: Uint8Array): RecordContent {
  const r = new ByteReader(padded, () => new RecordError('bad-plaintext'));
  const typeLength = r.u8();
  if (typeLength < 1 || typeLength > 48) throw new RecordError('bad-plaintext');
  const type = ASCII.decode(r.take(typeLength));
  const version = r.u32();
  const bodyLength = r.u32();
  if (!TYPE.test(type) || !isRecordVersion(version) || bodyLength > MAX_RECORD_BODY_BYTES) throw new RecordError('bad-plaintext');
  const bodyBytes = r.take(bodyLength);
  // Canonical padding only: exactly the Padmé length, and nothing but zeros after the body.
  if (padded.length !== paddedLength(r.position) || !allZero(r.take(r.remaining))) {
    throw new RecordError('bad-plaintext');
  }
  try {
    return { type, version, body: JSON.parse(UTF8.decode(bodyBytes)) as unknown };
  } catch {
    throw new RecordError('bad-plaintext');
  }
}

/**
 * Seals a record at `location` under the compartment key `key` (use the current epoch):
 * a fresh data key encrypts the padded content and is wrapped for this exact location and epoch.
 */
export async function sealRecord(location: RecordLocation, content: RecordContent, key: EpochKey, options: RandomOptions = {}): Promise<SealedRecord> {
  const s = await getSodium();
  checkLocation(location);
  checkEpochKey(s, key);
  const padded = encodeInner(content);
  const dataKey = drawRandom(s, options.random, DATA_KEY_BYTES);
  try {
    const wrappedKey = wrapWith(s, location, dataKey, key, options.random);
    const nonce = drawRandom(s, options.random, NONCE_BYTES);
    const envelope = new ByteWriter().u8(ENVELOPE_FORMAT).bytes(nonce).bytes(aeadSeal(s, dataKey, nonce, padded, envelopeAd(location))).finish();
    return { wrappedKey, envelope };
  } finally {
    wipe(dataKey, padded);
  }
}

/**
 * Opens a record read from `location` with the key of the epoch it was stored under.
 * Throws `RecordError`: `malformed` / `unsupported-format` / `too-large` before decrypting,
 * `auth-failed` for tampering, a wrong key, or a record moved to another vault, id, table,
 * compartment or epoch; `wrong-type` if it is not `expect.type`; `replayed` if its version is
 * older than `expect.headVersion`. A newer version than the head is accepted (the head index
 * write may have been lost in a crash); the caller then advances the head.
 */
export async function openRecord(location: RecordLocation, sealed: SealedRecord, key: EpochKey, expect: RecordExpectation): Promise<RecordContent> {
  const opener = await recordOpener();
  try {
    return opener.open(location, sealed, key, expect);
  } finally {
    opener.dispose();
  }
}

/** Opens many records in a row (`recordOpener`). */
export interface RecordOpener {
  /** `openRecord`, synchronously: same checks, same errors. */
  open(location: RecordLocation, sealed: SealedRecord, key: EpochKey, expect: RecordExpectation): RecordContent;
  /** Wipes the wrap keys derived so far. Call when the batch is done (a `finally`). */
  dispose(): void;
}

/**
 * An opener for a batch of records (unlock opens tens of thousands in a row): each epoch key's
 * data-key wrap key is derived once for the batch rather than once per record (a KDF call per
 * row was ~6 % of unlock's worker time), and nothing awaits between records. The derived keys
 * live until `dispose`, which wipes them; every `open` still checks its key as `openRecord` does,
 * so a key disposed meanwhile (the vault locking) is refused.
 */
export async function recordOpener(): Promise<RecordOpener> {
  const s = await getSodium();
  const wrapKeys = new Map<EpochKey, Uint8Array>();
  return {
    open(location, sealed, key, expect) {
      checkLocation(location);
      checkEpochKey(s, key);
      if (typeof expect.type !== 'string' || !TYPE.test(expect.type) || !isRecordVersion(expect.headVersion)) throw new RecordError('invalid-input');
      const { envelope } = sealed;
      if (!(envelope instanceof Uint8Array) || envelope.length < MIN_ENVELOPE) throw new RecordError('malformed');
      if (envelope[0] !== ENVELOPE_FORMAT) throw new RecordError('unsupported-format');
      if (envelope.length > MAX_ENVELOPE_BYTES) throw new RecordError('too-large');

      let wrapKey = wrapKeys.get(key);
      if (!wrapKey) {
        wrapKey = dataKeyWrapKey(s, key);
        wrapKeys.set(key, wrapKey);
      }
      const dataKey = unwrapWithKey(s, location, sealed.wrappedKey, wrapKey, key.epoch);
      const padded = aeadOpen(s, dataKey, envelope.subarray(1, 1 + NONCE_BYTES), envelope.subarray(1 + NONCE_BYTES), envelopeAd(location));
      wipe(dataKey);
      if (!padded) throw new RecordError('auth-failed');
      try {
        const content = decodeInner(padded);
        if (content.type !== expect.type) throw new RecordError('wrong-type');
        if (content.version < expect.headVersion) throw new RecordError('replayed');
        return content;
      } finally {
        wipe(padded);
      }
    },
    dispose() {
      for (const wrapKey of wrapKeys.values()) wipe(wrapKey);
      wrapKeys.clear();
    },
  };
}
