/**
 * Opens `sijill-bundle/1`, strictly and in the order of DESIGN.md §6:
 *
 *   size gate → header (magic, version, flags, stanza count and lengths, Argon2id bounds)
 *   → our stanza → header MAC (constant time) → payload stream (strict secretstream, AD =
 *   header_hash) → manifest frame → signature frame → signature, sender fingerprint, pinned
 *   contact → header_hash, recipients → replay → every entry into quarantine (kind, id, order,
 *   length, hashes) → end of plaintext, FINAL chunk, no trailing bytes → verified result.
 *
 * Every refusal is a `BundleError`. The bundle is read once, as a stream; nothing is held whole.
 */
import type { PassphraseKdf } from '../crypto/kdf-params';
import { getSodium, wipe } from '../crypto/sodium';
import { ByteQueue } from '../stream/byte-queue';
import { StreamError } from '../stream/errors';
import type { Sha256Factory, StreamingHasherFactory } from '../stream/hashing';
import { decryptStream, encryptedStreamLength, plaintextLengthOf } from '../stream/streams';
import { DISCARD_SINK, readEntries, type QuarantineSink } from './entry-reader';
import { BundleError, type BundleErrorCode } from './errors';
import { fingerprintText, fingerprintWith } from './fingerprint';
import { FRAME, ZERO_ID, decodeFrameHeader, sameId } from './frames';
import { BUNDLE_SUBKEYS, bundleSubkey, headerHash, readHeader, verifyHeaderMac, type BundleHeader } from './header';
import type { PublicIdentity } from './identity-card';
import { BUNDLE_LIMITS, FRAME_HEADER_BYTES, MIN_HEADER_BYTES, SIGNATURE_BYTES } from './limits';
import { PASSPHRASE_RECIPIENT, decodeManifest, type Manifest } from './manifest';
import { checkBinding, checkSender, type BundleSender, type ReplayQuery } from './manifest-checks';
import { unlockFileKey, type BundleUnlock } from './unlock';

/** How to open and what to check against. */
export interface ReadBundleOptions {
  readonly unlock: BundleUnlock;
  /** Where a passphrase's Argon2id runs (default: this thread; see `PassphraseKdf`). */
  readonly kdf?: PassphraseKdf;
  /** Receives the entries while they are unverified. Default: discard (verification only). */
  readonly sink?: QuarantineSink;
  /** Verified contacts; the signer's keys are compared with these (by key, never by label). */
  readonly pinned?: readonly PublicIdentity[];
  /** True if this bundle id or (sender, sequence) was already imported. */
  readonly isReplay?: (query: ReplayQuery) => boolean | Promise<boolean>;
  /** The bundle's size, when known (a file): checked before reading, and used to bound frames. */
  readonly totalBytes?: number;
  /** Size gate; default BUNDLE_LIMITS.defaultMaxBundleBytes. */
  readonly maxBytes?: number;
  /**
   * A platform SHA-256 for the blob hashes (Node: `node:crypto`'s, several times faster than
   * libsodium's WASM one). Default libsodium's. Every hash is still checked the same way.
   */
  readonly sha256?: Sha256Factory;
  /**
   * A platform hasher for every entry, used instead of the in-thread hashes (Node: the tool's
   * hashing thread, cli/hash-thread.ts). Its digests are checked exactly as the default's.
   */
  readonly hasher?: StreamingHasherFactory;
}

/** A bundle that passed every check. `sender.trust` still says whether to merge or quarantine. */
export interface VerifiedBundle {
  readonly manifest: Manifest;
  readonly sender: BundleSender;
  readonly headerHash: Uint8Array;
  readonly openedWith: { readonly via: 'identity' | 'passphrase'; readonly stanza: number };
}

/** Smallest size any bundle can have (one stanza, an empty-ish manifest). */
export const MIN_BUNDLE_BYTES = MIN_HEADER_BYTES + encryptedStreamLength(2 * FRAME_HEADER_BYTES + 2 + SIGNATURE_BYTES);

const STREAM_CODES: Record<string, BundleErrorCode> = {
  'bad-header': 'payload-truncated',
  truncated: 'payload-truncated',
  'auth-failed': 'payload-auth-failed',
  'after-final': 'trailing-data',
};

/** The payload plaintext, with stream errors translated into bundle errors. */
async function* payload(key: Uint8Array, input: ByteQueue, hash: Uint8Array): AsyncGenerator<Uint8Array> {
  try {
    yield* decryptStream(key, input, { ad: hash });
  } catch (error) {
    if (!(error instanceof StreamError)) throw error;
    throw new BundleError(STREAM_CODES[error.code] ?? 'payload-malformed', `payload: ${error.message}`, { cause: error });
  }
}

/** Reads one of the two leading frames (manifest, signature): kind, zero id, bounded length. */
async function leadingFrame(plain: ByteQueue, kind: number, maxLength: number, what: string): Promise<Uint8Array> {
  const head = await plain.read(FRAME_HEADER_BYTES);
  if (head.length !== FRAME_HEADER_BYTES) throw new BundleError('bad-frame', `the payload ends before the ${what} frame`);
  const frame = decodeFrameHeader(head);
  if (frame.kind !== kind || !sameId(frame.entryId, ZERO_ID)) throw new BundleError('bad-frame', `the ${what} frame is missing or out of place`);
  if (frame.length > maxLength) throw new BundleError(kind === FRAME.manifest ? 'manifest-too-large' : 'frame-too-large', `the ${what} frame is too long`);
  const body = await plain.read(frame.length);
  if (body.length !== frame.length) throw new BundleError('bad-frame', `the payload ends inside the ${what} frame`);
  return body.slice();
}

/** Plaintext length the manifest implies: every frame header and body. */
function declaredPlaintext(manifestLength: number, manifest: Manifest): number {
  return manifest.entries.reduce((sum, entry) => sum + FRAME_HEADER_BYTES + entry.length, 2 * FRAME_HEADER_BYTES + manifestLength + SIGNATURE_BYTES);
}

function sizeGate(options: ReadBundleOptions): number {
  const max = options.maxBytes ?? BUNDLE_LIMITS.defaultMaxBundleBytes;
  const total = options.totalBytes;
  if (total === undefined) return max;
  if (!Number.isSafeInteger(total) || total < MIN_BUNDLE_BYTES) throw new BundleError('too-small', `${total} bytes is too small to be a bundle`);
  if (total > max) throw new BundleError('too-large', `the bundle is ${total} bytes; the limit is ${max}`);
  return total;
}

/** Opens and verifies a bundle read from `source`, streaming entries into `options.sink`. */
export async function readBundle(source: AsyncIterable<Uint8Array>, options: ReadBundleOptions): Promise<VerifiedBundle> {
  const s = await getSodium();
  const limit = sizeGate(options);
  const input = new ByteQueue(source, { maxBytes: limit, tooLarge: () => new BundleError('too-large', `the bundle exceeds ${limit} bytes`) });
  let fileKey: Uint8Array | undefined;
  let payloadKey: Uint8Array | undefined;
  try {
    const header: BundleHeader = await readHeader(input);
    const unlocked = await unlockFileKey(s, header, options.unlock, options.kdf);
    fileKey = unlocked.fileKey;
    if (!verifyHeaderMac(s, fileKey, header)) throw new BundleError('bad-mac', 'the header MAC does not verify: the header was altered');
    const hash = headerHash(s, header.bytes);
    payloadKey = bundleSubkey(s, fileKey, BUNDLE_SUBKEYS.payload);
    wipe(fileKey); // only the payload key is needed from here on
    const plain = new ByteQueue(payload(payloadKey, input, hash));
    const expectedPlain = options.totalBytes === undefined ? undefined : plaintextLengthOf(options.totalBytes - header.bytes.length);
    const manifestMax = Math.min(BUNDLE_LIMITS.maxManifestBytes, expectedPlain ?? Infinity);
    const manifestBytes = await leadingFrame(plain, FRAME.manifest, manifestMax, 'manifest');
    const signature = await leadingFrame(plain, FRAME.signature, SIGNATURE_BYTES, 'signature');
    if (signature.length !== SIGNATURE_BYTES) throw new BundleError('bad-frame', 'the signature frame is not 64 bytes');
    const manifest = decodeManifest(manifestBytes);
    const sender = checkSender(s, manifest, manifestBytes, signature, options.pinned ?? []);
    const identity = 'identity' in options.unlock ? options.unlock.identity : undefined;
    const ourEntry = identity ? fingerprintText(fingerprintWith(s, identity.signPublicKey, identity.boxPublicKey)) : PASSPHRASE_RECIPIENT;
    checkBinding(manifest, header, hash, unlocked, ourEntry);
    if (options.isReplay && (await options.isReplay({ senderFingerprint: manifest.sender.fingerprint, bundleId: manifest.bundle_id, senderSeq: manifest.sender_seq }))) {
      throw new BundleError('replayed', 'this bundle (its id or its sender sequence number) was already received');
    }
    if (expectedPlain !== undefined && declaredPlaintext(manifestBytes.length, manifest) !== expectedPlain) {
      throw new BundleError('length-mismatch', 'the entry lengths in the manifest do not add up to the size of the bundle');
    }
    const sink = options.sink ?? DISCARD_SINK;
    await sink.begin?.(manifest, sender);
    await readEntries(s, plain, manifest, sink, { sha256: options.sha256, streaming: options.hasher });
    return { manifest, sender, headerHash: hash, openedWith: { via: unlocked.via, stanza: unlocked.stanza } };
  } finally {
    wipe(fileKey, payloadKey);
    await input.close();
  }
}
