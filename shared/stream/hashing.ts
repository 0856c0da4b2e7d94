/**
 * Incremental hashing of a plaintext as it streams past, so a multi-GiB attachment or bundle
 * entry is hashed without ever being held whole. libsodium keeps the hash states in WebAssembly
 * memory, freed by `*_final`; `digest()` and `dispose()` both finalise, so no path leaks one.
 *
 * SHA-256 may instead come from the platform (`Sha256Factory`): libsodium's WASM SHA-256 runs at
 * about a quarter of a native one with SHA instructions, and is the largest per-byte cost of
 * verifying a bundle. shared/ stays platform-free: Node callers inject `node:crypto`'s.
 *
 * A whole hasher may also come from the platform (`StreamingHasherFactory`): on Node the tool
 * hashes on a second thread while the first decrypts (or encrypts). Its `update` may be asynchronous (that is
 * its backpressure) and its digest arrives later; the default wraps `IncrementalHasher`.
 */
import { constantTimeEqual, type Sodium } from '../crypto/sodium';

/** Which hashes to compute: SHA-256 (what capture shows people) and/or BLAKE2b-256 (the bundle manifest's). */
export type HashName = 'sha256' | 'blake2b';

/** Computed digests (32 bytes each) and the number of bytes hashed. */
export interface Digests {
  readonly length: number;
  readonly sha256?: Uint8Array;
  readonly blake2b?: Uint8Array;
}

/** Expected values; any field left out is not checked. */
export interface Expectation {
  readonly length?: number;
  readonly sha256?: Uint8Array;
  readonly blake2b?: Uint8Array;
}

/** An incremental SHA-256 from the platform; `digest()` ends it and returns the 32 bytes. */
export interface Sha256State {
  update(bytes: Uint8Array): void;
  digest(): Uint8Array;
}

/** Starts a platform SHA-256 (e.g. `node:crypto`'s); must compute standard SHA-256. */
export type Sha256Factory = () => Sha256State;

/** Options of an `IncrementalHasher`. */
export interface HasherOptions {
  /** SHA-256 from the platform instead of libsodium's (faster where native code is at hand). */
  readonly sha256?: Sha256Factory | undefined;
  /**
   * A hasher from the platform for the whole stream (e.g. one on another thread); when given it
   * replaces the in-thread hashes, and `sha256` is not used. Through `openStreamingHasher` only
   * (bundle reads, and the bundle writer's check of each entry).
   */
  readonly streaming?: StreamingHasherFactory | undefined;
}

/**
 * A hasher that may work elsewhere. Pieces are hashed in the order given. `update` may return a
 * promise (the hasher is full: wait); until it settles the caller must not change the bytes,
 * afterwards the hasher holds no reference to them (it copied what it needed). `digest` settles
 * once every piece is hashed and ends the hasher; `dispose` ends it unread (error paths).
 */
export interface StreamingHasher {
  update(bytes: Uint8Array): void | Promise<void>;
  digest(): Promise<Digests>;
  dispose(): void;
}

/** Starts a platform hasher of `names`; it must compute the standard functions. */
export type StreamingHasherFactory = (names: readonly HashName[]) => StreamingHasher;

type StateAddress = ReturnType<Sodium['crypto_hash_sha256_init']>;

/** A platform SHA-256's result, refused unless it is 32 bytes (an injected bug must not pass as a hash). */
function platformDigest(state: Sha256State | undefined): Uint8Array | undefined {
  if (!state) return undefined;
  const digest = state.digest();
  if (!(digest instanceof Uint8Array) || digest.length !== 32) throw new TypeError('the platform SHA-256 did not return 32 bytes');
  return digest;
}

/** Hashes a byte stream incrementally with the chosen functions. */
export class IncrementalHasher {
  private sha: StateAddress | undefined;
  private platformSha: Sha256State | undefined;
  private blake: StateAddress | undefined;
  private count = 0;

  constructor(
    private readonly s: Sodium,
    names: Iterable<HashName>,
    options: HasherOptions = {},
  ) {
    const wanted = new Set(names);
    if (wanted.has('sha256')) {
      if (options.sha256) this.platformSha = options.sha256();
      else this.sha = s.crypto_hash_sha256_init();
    }
    if (wanted.has('blake2b')) this.blake = s.crypto_generichash_init(null, 32);
  }

  /** Bytes hashed so far. */
  get length(): number {
    return this.count;
  }

  update(bytes: Uint8Array): void {
    this.count += bytes.length;
    if (bytes.length === 0) return;
    if (this.sha) this.s.crypto_hash_sha256_update(this.sha, bytes);
    this.platformSha?.update(bytes);
    if (this.blake) this.s.crypto_generichash_update(this.blake, bytes);
  }

  /** Finishes every hash; the hasher cannot be used afterwards. */
  digest(): Digests {
    const sha256 = this.sha ? this.s.crypto_hash_sha256_final(this.sha) : platformDigest(this.platformSha);
    const blake2b = this.blake ? this.s.crypto_generichash_final(this.blake, 32) : undefined;
    this.sha = undefined;
    this.platformSha = undefined;
    this.blake = undefined;
    return { length: this.count, ...(sha256 ? { sha256 } : {}), ...(blake2b ? { blake2b } : {}) };
  }

  /** Releases the states without using the result (error paths). */
  dispose(): void {
    this.platformSha = undefined; // the platform's state holds nothing to free: dropped unread
    if (this.sha || this.blake) this.digest();
  }
}

/** The injected streaming hasher, or an in-thread `IncrementalHasher` behind the same interface. */
export function openStreamingHasher(s: Sodium, names: readonly HashName[], options: HasherOptions = {}): StreamingHasher {
  if (options.streaming) return options.streaming(names);
  const hasher = new IncrementalHasher(s, names, options);
  return {
    update: (bytes) => hasher.update(bytes),
    digest: () => Promise.resolve(hasher.digest()),
    dispose: () => hasher.dispose(),
  };
}

/** Hash functions needed to check `expect`, plus any the caller asked for. */
export function hashesFor(expect: Expectation | undefined, extra: readonly HashName[] = []): HashName[] {
  const names = new Set<HashName>(extra);
  if (expect?.sha256) names.add('sha256');
  if (expect?.blake2b) names.add('blake2b');
  return [...names];
}

/** The first expectation `digests` fails, or undefined if all hold. Hashes compare in constant time. */
export function unmetExpectation(digests: Digests, expect: Expectation | undefined): 'length' | 'sha256' | 'blake2b' | undefined {
  if (!expect) return undefined;
  if (expect.length !== undefined && expect.length !== digests.length) return 'length';
  if (expect.sha256 && !(digests.sha256 && constantTimeEqual(digests.sha256, expect.sha256))) return 'sha256';
  if (expect.blake2b && !(digests.blake2b && constantTimeEqual(digests.blake2b, expect.blake2b))) return 'blake2b';
  return undefined;
}
