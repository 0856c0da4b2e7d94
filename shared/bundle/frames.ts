/**
 * The plaintext of the payload is a sequence of frames, independent of chunk boundaries:
 *
 *   frame = kind u8 | entry_id[16] | length u64 | bytes
 *   kind 0 manifest (entry_id zero) · kind 1 signature (entry_id zero, 64 bytes) ·
 *   kind 2 record (UTF-8 JSON) · kind 3 blob (raw bytes)
 *
 * The signature is Ed25519 over "SJB1 manifest\0" || manifest bytes; the prefix keeps it from
 * ever being valid for anything else the same key signs (identity bindings, other formats).
 */
import { ascii, ByteReader, ByteWriter, concatBytes } from '../crypto/bytes';
import { BundleError } from './errors';
import { FRAME_HEADER_BYTES } from './limits';

/** Frame kinds. */
export const FRAME = { manifest: 0, signature: 1, record: 2, blob: 3 } as const;
/** The entry id of the manifest and signature frames. */
export const ZERO_ID = new Uint8Array(16);

const SIGNATURE_PREFIX = concatBytes(ascii('SJB1 manifest'), Uint8Array.of(0));

/** What the manifest signature signs: "SJB1 manifest\0" || manifest bytes. */
export function signatureMessage(manifest: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_PREFIX, manifest);
}

/** A frame's header fields. */
export interface FrameHeader {
  readonly kind: number;
  readonly entryId: Uint8Array;
  readonly length: number;
}

/** Encodes a frame header (25 bytes). */
export function encodeFrameHeader(kind: number, entryId: Uint8Array, length: number): Uint8Array {
  if (entryId.length !== 16) throw new BundleError('invalid-input', 'an entry id is 16 bytes');
  return new ByteWriter().u8(kind).bytes(entryId).u64(length).finish();
}

/** Decodes a 25-byte frame header; lengths above 2^53 − 1 are refused. */
export function decodeFrameHeader(bytes: Uint8Array): FrameHeader {
  const reader = new ByteReader(bytes, (why) =>
    why === 'overflow' ? new BundleError('frame-too-large', 'a frame length exceeds 2^53 − 1') : new BundleError('bad-frame', 'a frame header is cut short'),
  );
  const kind = reader.u8();
  const entryId = reader.take(16).slice();
  const length = reader.u64();
  if (bytes.length !== FRAME_HEADER_BYTES) throw new BundleError('bad-frame', 'a frame header is 25 bytes');
  return { kind, entryId, length };
}

/** True if two 16-byte ids are equal (ids are public: no constant time needed). */
export function sameId(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
