/**
 * Strict chunk-level `crypto_secretstream_xchacha20poly1305`: one encryptor and one decryptor
 * per stream, one call per 64 KiB chunk. Used for bundle payloads and attachment rows alike.
 *
 * The rules (docs/bundle-format.md, "Payload stream"):
 * - every chunk but the last carries exactly 65536 plaintext bytes with TAG_MESSAGE;
 * - the last carries 1..65536 bytes with TAG_FINAL and nothing may follow it;
 * - an empty plaintext is one FINAL chunk of 0 bytes, accepted only where the caller allows
 *   empty streams (attachments); bundles never are empty;
 * - PUSH and REKEY tags are never written and always refused.
 * So one plaintext has exactly one encoding, and truncation, reordering, duplication and
 * splicing all fail: secretstream chains every chunk to the one before it.
 */
import { drawRandom, getSodium, type RandomOptions, type Sodium } from '../crypto/sodium';
import { StreamError } from './errors';
import { IncrementalHasher, hashesFor, unmetExpectation, type Digests, type Expectation, type HashName } from './hashing';

/** Plaintext bytes in every chunk but the last. */
export const CHUNK_BYTES = 65536;
/** Authentication overhead of one chunk (1 tag byte + 16 MAC bytes). */
export const CHUNK_OVERHEAD = 17;
/** Size of every non-final ciphertext chunk. */
export const CIPHER_CHUNK_BYTES = CHUNK_BYTES + CHUNK_OVERHEAD;
/** Size of the stream header (the random nonce material). */
export const STREAM_HEADER_BYTES = 24;
/** Size of a stream key. */
export const STREAM_KEY_BYTES = 32;

/** Associated data bound to each chunk: one value for all, or one per chunk index (0-based). */
export type AssociatedData = Uint8Array | ((index: number) => Uint8Array);

/** Options common to both directions. */
export interface StreamOptions {
  /** Associated data per chunk; both sides must supply the same. Default: none. */
  readonly ad?: AssociatedData;
  /** Accept (write) an empty plaintext as a single 0-byte FINAL chunk. Default false. */
  readonly allowEmpty?: boolean;
  /** Hashes to compute over the plaintext, reported by `finish()`. */
  readonly hash?: readonly HashName[];
}

/** Options of the decrypting side. */
export interface DecryptOptions extends StreamOptions {
  /** Expected plaintext length and hashes, checked incrementally (length) and at the end. */
  readonly expect?: Expectation;
  /** Refuse more plaintext than this, as soon as it is exceeded. */
  readonly maxLength?: number;
}

function adFor(ad: AssociatedData | undefined, index: number): Uint8Array | null {
  if (ad === undefined) return null;
  return typeof ad === 'function' ? ad(index) : ad;
}

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== STREAM_KEY_BYTES) throw new StreamError('invalid-input', 'a stream key is 32 bytes');
}

type State = ReturnType<Sodium['crypto_secretstream_xchacha20poly1305_init_pull']>;

/** Encrypts one stream, chunk by chunk. */
export class ChunkEncryptor {
  private index = 0;
  private done = false;
  private readonly hasher: IncrementalHasher;

  private constructor(
    private readonly s: Sodium,
    private readonly state: State,
    /** The 24-byte stream header; store or send it before the chunks. */
    readonly header: Uint8Array,
    private readonly options: StreamOptions,
  ) {
    this.hasher = new IncrementalHasher(s, options.hash ?? []);
  }

  /**
   * Starts a stream under `key`. The header comes from `random` (tests only) or the CSPRNG.
   * We derive the state with `init_pull` from a header we drew: libsodium's `init_push` does
   * exactly this (HChaCha20 of key and header, counter reset) after drawing the header
   * itself, so the bytes are identical; only this way can frozen vectors inject the header.
   */
  static async create(key: Uint8Array, options: StreamOptions & RandomOptions = {}): Promise<ChunkEncryptor> {
    const s = await getSodium();
    checkKey(key);
    const header = drawRandom(s, options.random, STREAM_HEADER_BYTES);
    return new ChunkEncryptor(s, s.crypto_secretstream_xchacha20poly1305_init_pull(header, key), header, options);
  }

  /** True once the FINAL chunk was written. */
  get finished(): boolean {
    return this.done;
  }

  /**
   * Encrypts one chunk: exactly 65536 bytes unless `final`; a final chunk carries 1..65536
   * bytes (0 only as the sole chunk of an allowed empty stream). Returns a new array.
   */
  push(plaintext: Uint8Array, final: boolean): Uint8Array {
    if (this.done) throw new StreamError('after-final', 'cannot write after the FINAL chunk');
    if (!final && plaintext.length !== CHUNK_BYTES) throw new StreamError('invalid-input', 'a non-final chunk carries exactly 65536 bytes');
    if (final && plaintext.length > CHUNK_BYTES) throw new StreamError('invalid-input', 'a chunk carries at most 65536 bytes');
    if (final && plaintext.length === 0 && !(this.index === 0 && this.options.allowEmpty)) {
      throw new StreamError(this.index === 0 ? 'empty' : 'invalid-input', 'an empty chunk is only allowed as the sole chunk of an empty stream');
    }
    const tag = final ? this.s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : this.s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const out = this.s.crypto_secretstream_xchacha20poly1305_push(this.state, plaintext, adFor(this.options.ad, this.index), tag);
    this.hasher.update(plaintext);
    this.index++;
    this.done = final;
    return out;
  }

  /** Length and requested hashes of everything written. Only after the FINAL chunk. */
  finish(): Digests {
    if (!this.done) throw new StreamError('invalid-input', 'the stream has no FINAL chunk yet');
    return this.hasher.digest();
  }
}

/** Decrypts one stream, chunk by chunk, enforcing every rule in the module comment. */
export class ChunkDecryptor {
  private index = 0;
  private done = false;
  private broken = false;
  private readonly hasher: IncrementalHasher;

  private constructor(
    private readonly s: Sodium,
    private readonly state: State,
    private readonly options: DecryptOptions,
  ) {
    this.hasher = new IncrementalHasher(s, hashesFor(options.expect, options.hash));
  }

  /** Starts reading a stream whose 24-byte header is `header`. */
  static async create(key: Uint8Array, header: Uint8Array, options: DecryptOptions = {}): Promise<ChunkDecryptor> {
    const s = await getSodium();
    checkKey(key);
    if (header.length !== STREAM_HEADER_BYTES) throw new StreamError('bad-header', 'the stream header is not 24 bytes');
    return new ChunkDecryptor(s, s.crypto_secretstream_xchacha20poly1305_init_pull(header, key), options);
  }

  /** True once the FINAL chunk authenticated. */
  get finished(): boolean {
    return this.done;
  }

  /** Chunks accepted so far. */
  get chunks(): number {
    return this.index;
  }

  private fail(code: ConstructorParameters<typeof StreamError>[0], message: string): never {
    this.broken = true;
    this.hasher.dispose();
    throw new StreamError(code, message);
  }

  /** Authenticates and decrypts the next chunk; any rule broken throws and ends the stream. */
  pull(chunk: Uint8Array): Uint8Array {
    if (this.broken) throw new StreamError('invalid-input', 'the stream already failed');
    const at = `chunk ${this.index}`;
    if (this.done) this.fail('after-final', `${at} follows the FINAL chunk`);
    if (chunk.length < CHUNK_OVERHEAD || chunk.length > CIPHER_CHUNK_BYTES) {
      this.fail('chunk-size', `${at} is ${chunk.length} bytes; a chunk is 17..65553 bytes`);
    }
    let opened: { message: Uint8Array; tag: number } | false;
    try {
      opened = this.s.crypto_secretstream_xchacha20poly1305_pull(this.state, chunk, adFor(this.options.ad, this.index));
    } catch {
      opened = false;
    }
    if (!opened) {
      this.fail('auth-failed', `${at} failed authentication (tampered, cut, reordered, duplicated, from another stream, or wrong key)`);
    }
    const { message, tag } = opened;
    if (tag === this.s.crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (message.length === 0 && !(this.index === 0 && this.options.allowEmpty)) {
        this.fail(this.index === 0 ? 'empty' : 'chunk-size', `${at} is an empty FINAL chunk, which only an allowed empty stream may have`);
      }
      this.done = true;
    } else if (tag === this.s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      if (message.length !== CHUNK_BYTES) this.fail('chunk-size', `${at} is a non-final chunk of ${message.length} bytes; it must carry 65536`);
    } else {
      this.fail('bad-tag', `${at} has tag ${tag}; only MESSAGE and FINAL are allowed`);
    }
    const total = this.hasher.length + message.length;
    if (this.options.maxLength !== undefined && total > this.options.maxLength) this.fail('too-long', `the stream exceeds ${this.options.maxLength} bytes`);
    const expected = this.options.expect?.length;
    if (expected !== undefined && total > expected) this.fail('length-mismatch', `the stream is longer than the expected ${expected} bytes`);
    this.hasher.update(message);
    this.index++;
    return message;
  }

  /**
   * Ends the stream: throws `truncated` if no FINAL chunk came, `length-mismatch` or
   * `hash-mismatch` if an expectation fails; otherwise returns the length and hashes.
   */
  finish(): Digests {
    if (this.broken) throw new StreamError('invalid-input', 'the stream already failed');
    if (!this.done) this.fail('truncated', `the stream ends after ${this.index} chunks without a FINAL chunk`);
    const digests = this.hasher.digest();
    this.broken = true; // finish() runs once
    const unmet = unmetExpectation(digests, this.options.expect);
    if (unmet === 'length') throw new StreamError('length-mismatch', `the stream is ${digests.length} bytes, not the expected ${this.options.expect?.length ?? 0}`);
    if (unmet) throw new StreamError('hash-mismatch', `the stream's ${unmet} differs from the expected hash`);
    return digests;
  }
}
