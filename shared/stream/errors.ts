/**
 * Typed errors of the strict secretstream layer. Callers branch on `code`, never on the
 * message; messages name the chunk index and the rule broken, never key or plaintext bytes.
 */

/** Why a stream was refused (reading) or could not be written. */
export type StreamErrorCode =
  /** The header is missing or not 24 bytes. */
  | 'bad-header'
  /** The input ended before a FINAL chunk: cut at a chunk boundary or inside the last chunk's first 17 bytes. */
  | 'truncated'
  /** Bytes or chunks follow the FINAL chunk. */
  | 'after-final'
  /** A chunk of the wrong size: a non-final chunk that is not exactly 65536 (+17) bytes, a final one outside 1..65536 (+17). */
  | 'chunk-size'
  /** A chunk did not authenticate: wrong key or associated data, tampered, reordered, duplicated, missing or spliced. */
  | 'auth-failed'
  /** A chunk carried a tag other than MESSAGE or FINAL (PUSH and REKEY are never written). */
  | 'bad-tag'
  /** The stream is empty and this use does not allow empty streams. */
  | 'empty'
  /** More plaintext than the caller's maximum. */
  | 'too-long'
  /** The plaintext length differs from the expected length. */
  | 'length-mismatch'
  /** The plaintext hash differs from the expected hash. */
  | 'hash-mismatch'
  /** Programming error on the writing side: wrong key size, push after FINAL, wrong chunk size. */
  | 'invalid-input';

/** A stream was refused or misused. */
export class StreamError extends Error {
  override readonly name = 'StreamError';
  constructor(
    readonly code: StreamErrorCode,
    message: string,
  ) {
    super(message);
  }
}
