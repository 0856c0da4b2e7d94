/**
 * The stored form of an attachment's bytes (docs/attachment-format.md). Runs in the vault worker.
 *
 *   blob key (32 random bytes, kept only inside the attachment's encrypted metadata record)
 *     → stream key = kdf(blob key, 1, "SJA1strm")   secretstream key of the chunks
 *     → row key    = kdf(blob key, 1, "SJA1rows")   names the chunk rows
 *   row id of chunk i = id(BLAKE2b-128(key = row key, i as u32 big-endian))
 *   padded plaintext  = original bytes | 0x80 | zero bytes, to N × 65536 bytes, where N is the
 *                       Padmé rounding of ceil((size + 1) / 65536) chunks
 *   row body          = secretstream chunk (65553 bytes, always); the last chunk tagged FINAL
 *
 * Why: DESIGN.md §5 allows no sizes in clear. Every row has the same key shape (a random-looking
 * id) and the same size, and rows of different attachments interleave in key order, so the keys
 * and sizes alone say only how much attachment data the vault holds in total (rounded to 64 KiB).
 * Padmé rounding of the chunk count (at most ~12 %, under 7 % from 256 chunks) blunts what a
 * forensic look at LevelDB write order could still tell about one attachment's size.
 */
import { getSodium, wipe } from '../../../../shared/crypto';
import { idFromBytes, type Id } from '../../../../shared/domain/ids';
import { CHUNK_BYTES } from '../../../../shared/stream';

/** Envelope type of an attachment's metadata record (vault-internal: never a feature's kind). */
export const ATTACHMENT_TYPE = 'attachment';
/** Envelope type of a pending marker (an import or deletion not yet finished). */
export const PENDING_TYPE = 'attachment-pending';
/** The byte that ends the original bytes in the padded plaintext. */
export const PAD_MARKER = 0x80;
/** Chunk rows written (or read) per IndexedDB transaction: 2 MiB. */
export const CHUNK_BATCH = 32;
/** Largest attachment: the u32 chunk index in row ids allows far more; this bounds the metadata. */
export const MAX_ATTACHMENT_BYTES = 2 ** 45;

const STREAM_KEY = { id: 1, context: 'SJA1strm' } as const;
const ROW_KEY = { id: 1, context: 'SJA1rows' } as const;

/** The two subkeys of a blob key. Wipe with `disposeBlobKeys`. */
export interface BlobKeys {
  readonly stream: Uint8Array;
  readonly rows: Uint8Array;
}

/** Derives the stream and row keys of `blobKey` (32 bytes). */
export async function deriveBlobKeys(blobKey: Uint8Array): Promise<BlobKeys> {
  const s = await getSodium();
  if (blobKey.length !== 32) throw new RangeError('a blob key is 32 bytes');
  return {
    stream: s.crypto_kdf_derive_from_key(32, STREAM_KEY.id, STREAM_KEY.context, blobKey),
    rows: s.crypto_kdf_derive_from_key(32, ROW_KEY.id, ROW_KEY.context, blobKey),
  };
}

export function disposeBlobKeys(keys: BlobKeys): void {
  wipe(keys.stream, keys.rows);
}

/** Names chunk rows: a keyed hash of the index, so ids look random and group nothing. */
export class RowNamer {
  private constructor(
    private readonly hash: (message: Uint8Array, key: Uint8Array) => Uint8Array,
    private readonly key: Uint8Array,
  ) {}

  /** A namer over a copy of `rowKey` (wipe it with `dispose`). */
  static async create(rowKey: Uint8Array): Promise<RowNamer> {
    const s = await getSodium();
    return new RowNamer((message, key) => s.crypto_generichash(16, message, key), rowKey.slice());
  }

  dispose(): void {
    wipe(this.key);
  }

  /** The row id of chunk `index`. */
  id(index: number): Id {
    if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) throw new RangeError('chunk index out of range');
    const message = new Uint8Array(4);
    new DataView(message.buffer).setUint32(0, index, false);
    return idFromBytes(this.hash(message, this.key));
  }

  /** Row ids of chunks `from` .. `from + count - 1`. */
  ids(from: number, count: number): Id[] {
    return Array.from({ length: count }, (_, offset) => this.id(from + offset));
  }
}

/**
 * Padmé (Nikitin et al., PETS 2019) over a count: keeps the top bits, rounds the rest up, so the
 * stored count reveals O(log log n) bits of the true one. Small counts are left as they are.
 */
export function padme(count: number): number {
  if (!Number.isSafeInteger(count) || count < 1 || count >= 2 ** 31) throw new RangeError('count out of range');
  if (count < 4) return count;
  const e = 31 - Math.clz32(count); // floor(log2 count); counts stay below 2^31
  const s = 32 - Math.clz32(e); // floor(log2 e) + 1
  const unit = 2 ** (e - s);
  return Math.ceil(count / unit) * unit;
}

/** Chunks stored for an original of `size` bytes (the padding marker always needs a byte). */
export function storedChunkCount(size: number): number {
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_ATTACHMENT_BYTES) throw new RangeError('size out of range');
  return padme(Math.floor(size / CHUNK_BYTES) + 1);
}

/**
 * Checks the padding part of chunk plaintext `plain` that starts at padded offset `start`, for
 * an original of `size` bytes, and returns how many of its bytes are original bytes. Returns
 * -1 if the padding is wrong (a marker missing or misplaced, a non-zero byte after it): the
 * stream is not `size` bytes long.
 */
export function originalBytesIn(plain: Uint8Array, start: number, size: number): number {
  const original = Math.max(0, Math.min(plain.length, size - start));
  let at = original;
  if (size >= start && size < start + plain.length) {
    if (plain[at] !== PAD_MARKER) return -1;
    at += 1;
  }
  for (; at < plain.length; at++) if (plain[at] !== 0) return -1;
  return original;
}

/** Lowercase hex of a digest. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
