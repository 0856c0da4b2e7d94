/**
 * The bundle header: magic "SJB1" | version u8 = 1 | flags u8 = 0 | count u16 (1..64) |
 * count × (type u8 | len u16 | body) | mac[32]. Read strictly, field by field, from the stream:
 * each field is checked before the next is read, so a hostile header costs at most 6376 bytes
 * and never runs Argon2id with parameters out of bounds.
 */
import { ascii, ByteWriter, concatBytes } from '../crypto/bytes';
import { constantTimeEqual, type Sodium } from '../crypto/sodium';
import type { ByteQueue } from '../stream/byte-queue';
import { BundleError, type BundleErrorCode } from './errors';
import { BUNDLE_LIMITS, HEADER_FIXED_BYTES, MAC_BYTES } from './limits';
import { PASSPHRASE_STANZA, STANZA_LENGTH, parsePassphraseStanza, type PassphraseStanzaFields } from './stanzas';

/** The magic bytes that start every bundle. */
export const MAGIC = ascii('SJB1');
/** The only version this code reads and writes. */
export const VERSION = 1;

/** One stanza as read: its type and exact body (passphrase stanzas also decoded). */
export type Stanza =
  | { readonly type: 1; readonly body: Uint8Array }
  | { readonly type: 2; readonly body: Uint8Array; readonly kdf: PassphraseStanzaFields };

/** A parsed header. `bytes` is the whole header including the MAC (what header_hash covers). */
export interface BundleHeader {
  readonly version: number;
  readonly flags: number;
  readonly stanzas: readonly Stanza[];
  readonly bytes: Uint8Array;
  readonly mac: Uint8Array;
}

/** Subkey uses under the file key (crypto_kdf_derive_from_key, 8-byte contexts). */
export const BUNDLE_SUBKEYS = {
  headerMac: { id: 1, context: 'SJB1hmac' },
  payload: { id: 2, context: 'SJB1payl' },
} as const;

/** kdf(file_key, id, ctx) of DESIGN.md §6. The caller wipes the result. */
export function bundleSubkey(s: Sodium, fileKey: Uint8Array, use: (typeof BUNDLE_SUBKEYS)[keyof typeof BUNDLE_SUBKEYS]): Uint8Array {
  return s.crypto_kdf_derive_from_key(32, use.id, use.context, fileKey);
}

/** mac = BLAKE2b-256(key = kdf(file_key, 1, "SJB1hmac"), every header byte before the mac). */
export function headerMac(s: Sodium, fileKey: Uint8Array, headerWithoutMac: Uint8Array): Uint8Array {
  const macKey = bundleSubkey(s, fileKey, BUNDLE_SUBKEYS.headerMac);
  try {
    return s.crypto_generichash(MAC_BYTES, headerWithoutMac, macKey);
  } finally {
    s.memzero(macKey);
  }
}

/** Checks the header MAC in constant time. */
export function verifyHeaderMac(s: Sodium, fileKey: Uint8Array, header: BundleHeader): boolean {
  return constantTimeEqual(headerMac(s, fileKey, header.bytes.subarray(0, header.bytes.length - MAC_BYTES)), header.mac);
}

/** header_hash = BLAKE2b-256 (unkeyed) of the whole header including the MAC. */
export function headerHash(s: Sodium, headerBytes: Uint8Array): Uint8Array {
  return s.crypto_generichash(32, headerBytes, null);
}

/** Writes a header from stanza (type, body) pairs and MACs it under the file key. */
export function encodeHeader(s: Sodium, fileKey: Uint8Array, stanzas: readonly { type: number; body: Uint8Array }[]): Uint8Array {
  if (stanzas.length < 1 || stanzas.length > BUNDLE_LIMITS.maxStanzas) throw new BundleError('invalid-input', 'a bundle has 1..64 recipients');
  const writer = new ByteWriter().bytes(MAGIC).u8(VERSION).u8(0).u16(stanzas.length);
  for (const stanza of stanzas) writer.u8(stanza.type).u16(stanza.body.length).bytes(stanza.body);
  const body = writer.finish();
  return concatBytes(body, headerMac(s, fileKey, body));
}

async function exactly(queue: ByteQueue, length: number, what: string): Promise<Uint8Array> {
  const bytes = await queue.read(length);
  if (bytes.length !== length) throw new BundleError('header-truncated', `the input ends inside the header (${what})`);
  return bytes.slice();
}

function refuse(code: BundleErrorCode, message: string): never {
  throw new BundleError(code, message);
}

/**
 * Reads and checks the header from the start of `queue`: magic, version, flags 0, stanza count
 * 1..64, known stanza types with exact lengths, at most one passphrase stanza with Argon2id
 * parameters in bounds. Does not check the MAC (that needs the file key).
 */
export async function readHeader(queue: ByteQueue): Promise<BundleHeader> {
  const parts: Uint8Array[] = [];
  const fixed = await exactly(queue, HEADER_FIXED_BYTES, 'fixed fields');
  parts.push(fixed);
  if (!MAGIC.every((byte, i) => fixed[i] === byte)) refuse('bad-magic', 'not a Sijill bundle (magic is not "SJB1")');
  const version = fixed[4] ?? 0;
  const flags = fixed[5] ?? 0;
  const count = ((fixed[6] ?? 0) << 8) | (fixed[7] ?? 0);
  if (version !== VERSION) refuse('unsupported-version', `bundle version ${version} is not supported (this reader reads version 1)`);
  if (flags !== 0) refuse('bad-flags', `header flags must be 0, got ${flags}`);
  if (count < 1 || count > BUNDLE_LIMITS.maxStanzas) refuse('bad-stanza-count', `the header has ${count} stanzas; 1..64 are allowed`);
  const stanzas: Stanza[] = [];
  for (let i = 0; i < count; i++) {
    const head = await exactly(queue, 3, `stanza ${i}`);
    parts.push(head);
    const type = head[0] ?? 0;
    const length = ((head[1] ?? 0) << 8) | (head[2] ?? 0);
    const expected = STANZA_LENGTH[type];
    if (expected === undefined) refuse('bad-stanza-type', `stanza ${i} has unknown type ${type}`);
    if (length !== expected) refuse('bad-stanza-length', `stanza ${i} (type ${type}) is ${length} bytes; it must be ${expected}`);
    const body = await exactly(queue, length, `stanza ${i}`);
    parts.push(body);
    if (type === PASSPHRASE_STANZA) {
      if (stanzas.some((s) => s.type === PASSPHRASE_STANZA)) refuse('duplicate-passphrase-stanza', 'the header has more than one passphrase stanza');
      stanzas.push({ type: 2, body, kdf: parsePassphraseStanza(body) });
    } else {
      stanzas.push({ type: 1, body });
    }
  }
  const mac = await exactly(queue, MAC_BYTES, 'mac');
  parts.push(mac);
  return { version, flags, stanzas, bytes: concatBytes(...parts), mac };
}
