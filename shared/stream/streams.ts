/**
 * Async-iterable helpers over the chunk classes: plaintext of any piece sizes in, ciphertext
 * out, and back. Two shapes of ciphertext:
 * - rows: one array per chunk, the header kept apart (attachments: one database row per chunk);
 * - a byte stream: header then chunks back to back (bundle payloads, files), cut into chunks
 *   again by size, which works because every non-final chunk is exactly 65553 bytes.
 * At most one chunk is held at a time, so memory stays flat whatever the size.
 *
 * Decryption withholds the final chunk's plaintext until every end-of-stream check has passed
 * (FINAL seen, nothing after it, length and hashes as expected). Earlier chunks are released as
 * they authenticate: treat everything as quarantined until the iteration completes.
 */
import type { RandomOptions } from '../crypto/sodium';
import { ByteQueue } from './byte-queue';
import { StreamError } from './errors';
import type { Digests } from './hashing';
import {
  CHUNK_BYTES,
  CHUNK_OVERHEAD,
  CIPHER_CHUNK_BYTES,
  ChunkDecryptor,
  ChunkEncryptor,
  STREAM_HEADER_BYTES,
  type DecryptOptions,
  type StreamOptions,
} from './secretstream';

/** Receives the plaintext length and requested hashes once a stream completed successfully. */
export interface CompletionOptions {
  readonly onComplete?: (digests: Digests) => void;
}

/**
 * Regroups `source` into CHUNK_BYTES pieces, flagging the last. A full buffer is held back
 * until more input arrives, because only then is it known not to be the last one. The yielded
 * array is reused: consume it before asking for the next.
 */
async function* regroup(source: AsyncIterable<Uint8Array>): AsyncGenerator<{ chunk: Uint8Array; final: boolean }> {
  const buffer = new Uint8Array(CHUNK_BYTES);
  let fill = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      if (fill === CHUNK_BYTES) {
        yield { chunk: buffer, final: false };
        fill = 0;
      }
      const n = Math.min(CHUNK_BYTES - fill, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + n), fill);
      fill += n;
      offset += n;
    }
  }
  yield { chunk: buffer.subarray(0, fill), final: true };
}

/** Encrypts `plaintext` with `encryptor`, one ciphertext array per chunk (rows). */
export async function* encryptChunks(encryptor: ChunkEncryptor, plaintext: AsyncIterable<Uint8Array>, options: CompletionOptions = {}): AsyncGenerator<Uint8Array> {
  for await (const { chunk, final } of regroup(plaintext)) yield encryptor.push(chunk, final);
  options.onComplete?.(encryptor.finish());
}

/**
 * Decrypts rows (each item exactly one ciphertext chunk) with `decryptor`. Throws
 * `StreamError` on any broken rule, including rows after the FINAL chunk and a missing FINAL.
 */
export async function* decryptChunks(decryptor: ChunkDecryptor, rows: AsyncIterable<Uint8Array>, options: CompletionOptions = {}): AsyncGenerator<Uint8Array> {
  const iterator = rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const plaintext = decryptor.pull(next.value);
      if (decryptor.finished) {
        if (!(await iterator.next()).done) throw new StreamError('after-final', `a row follows the FINAL chunk ${decryptor.chunks - 1}`);
        const digests = decryptor.finish();
        yield plaintext;
        options.onComplete?.(digests);
        return;
      }
      yield plaintext;
    }
    decryptor.finish(); // throws 'truncated': the rows ran out before a FINAL chunk
  } finally {
    await iterator.return?.();
  }
}

/** Encrypts `plaintext` under `key` into one byte stream: header, then every chunk. */
export async function* encryptStream(
  key: Uint8Array,
  plaintext: AsyncIterable<Uint8Array>,
  options: StreamOptions & RandomOptions & CompletionOptions = {},
): AsyncGenerator<Uint8Array> {
  const encryptor = await ChunkEncryptor.create(key, options);
  yield encryptor.header;
  yield* encryptChunks(encryptor, plaintext, options);
}

/**
 * Decrypts a byte stream written by `encryptStream` (pieces of any size). Throws
 * `StreamError`: `bad-header`, `truncated` (cut at a chunk boundary, or inside a chunk's first
 * 17 bytes), `auth-failed`, `chunk-size`, `bad-tag`, `after-final` (trailing bytes),
 * `length-mismatch`, `hash-mismatch`, `too-long`, `empty`.
 */
export async function* decryptStream(
  key: Uint8Array,
  ciphertext: AsyncIterable<Uint8Array> | ByteQueue,
  options: DecryptOptions & CompletionOptions = {},
): AsyncGenerator<Uint8Array> {
  const input = ciphertext instanceof ByteQueue ? ciphertext : new ByteQueue(ciphertext);
  try {
    const header = await input.read(STREAM_HEADER_BYTES);
    if (header.length !== STREAM_HEADER_BYTES) throw new StreamError('bad-header', 'the stream is shorter than its 24-byte header');
    const decryptor = await ChunkDecryptor.create(key, header.slice(), options);
    for (;;) {
      const chunk = await input.read(CIPHER_CHUNK_BYTES);
      if (chunk.length === 0) break;
      if (chunk.length < CHUNK_OVERHEAD) throw new StreamError('truncated', `the stream ends inside chunk ${decryptor.chunks}`);
      const plaintext = decryptor.pull(chunk);
      if (decryptor.finished) {
        if (!(await input.atEnd())) throw new StreamError('after-final', `bytes follow the FINAL chunk ${decryptor.chunks - 1}`);
        const digests = decryptor.finish();
        yield plaintext;
        options.onComplete?.(digests);
        return;
      }
      yield plaintext;
    }
    decryptor.finish(); // throws 'truncated'
  } finally {
    await input.close();
  }
}

/** Ciphertext size of a byte stream carrying `plaintextLength` bytes (for size gates and progress). */
export function encryptedStreamLength(plaintextLength: number): number {
  const chunks = Math.max(1, Math.ceil(plaintextLength / CHUNK_BYTES));
  return STREAM_HEADER_BYTES + plaintextLength + chunks * CHUNK_OVERHEAD;
}

/**
 * Plaintext size of a well-formed byte stream of `ciphertextLength` bytes, or undefined if no
 * well-formed stream has that size (lets a reader bound frame lengths before decrypting).
 */
export function plaintextLengthOf(ciphertextLength: number): number | undefined {
  const body = ciphertextLength - STREAM_HEADER_BYTES;
  if (!Number.isSafeInteger(body) || body < CHUNK_OVERHEAD) return undefined;
  const chunks = Math.ceil(body / CIPHER_CHUNK_BYTES);
  const length = body - chunks * CHUNK_OVERHEAD;
  return length >= 0 && encryptedStreamLength(length) === ciphertextLength ? length : undefined;
}
