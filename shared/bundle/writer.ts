/**
 * Writes `sijill-bundle/1` (docs/bundle-format.md) as a stream of ciphertext pieces.
 *
 * Everything small is prepared up front (file key, stanzas, header, manifest, signature), so
 * the caller learns the bundle id and exact size before writing a byte; then the payload is
 * encrypted as the entries stream in, one 64 KiB chunk at a time. Memory stays flat whatever
 * the size: entries are never held whole (see entries.ts for how their hashes are known first).
 *
 * Randomness is drawn in this order, which frozen vectors depend on: file key (32), bundle id
 * (16), then per recipient in order: X25519 ephemeral secret (32) or passphrase salt (16) and
 * nonce (24); finally the payload stream header (24), when the first piece is pulled.
 */
import type { DeviceIdentity } from '../crypto/identity';
import { KDF_PROFILES, type KdfParams, type PassphraseKdf } from '../crypto/kdf-params';
import { passphraseBytes } from '../crypto/passphrase';
import { drawRandom, getSodium, type RandomBytes, type Sodium, wipe } from '../crypto/sodium';
import { openStreamingHasher, unmetExpectation, type StreamingHasherFactory } from '../stream/hashing';
import { encryptedStreamLength, encryptStream } from '../stream/streams';
import { toBase64url, toHex } from './encoding';
import type { EntrySource } from './entries';
import { BundleError } from './errors';
import { fingerprintText, fingerprintWith } from './fingerprint';
import { FRAME, ZERO_ID, encodeFrameHeader, signatureMessage } from './frames';
import { BUNDLE_SUBKEYS, bundleSubkey, encodeHeader, headerHash } from './header';
import type { PublicIdentity } from './identity-card';
import { FRAME_HEADER_BYTES, SIGNATURE_BYTES } from './limits';
import { BUNDLE_FORMAT, PASSPHRASE_RECIPIENT, encodeManifest, type Manifest, type ManifestEntry } from './manifest';
import { FILE_KEY_BYTES, PASSPHRASE_STANZA, X25519_STANZA, passphraseStanza, sealX25519Stanza } from './stanzas';

/** Who can open the bundle: a contact's public identity, or a passphrase (backups). */
export type BundleRecipient =
  | { readonly kind: 'identity'; readonly identity: PublicIdentity }
  | { readonly kind: 'passphrase'; readonly passphrase: string; readonly kdf?: KdfParams };

/** Everything a bundle says and carries. */
export interface WriteBundleOptions {
  /** The sending device's identity (its signing secret key signs the manifest). */
  readonly sender: Pick<DeviceIdentity, 'signPublicKey' | 'signSecretKey' | 'boxPublicKey'>;
  readonly senderLabel: string;
  readonly recipients: readonly BundleRecipient[];
  readonly entries: readonly EntrySource[];
  /** From `takeSenderSeq`: strictly increasing per device, persisted before the bundle leaves. */
  readonly senderSeq: number;
  readonly redaction: 'pseudonymised' | 'identified';
  readonly auditCheckpoint: { readonly seq: number; readonly head: Uint8Array };
  /** Informational ISO time; default now. */
  readonly created?: string;
  /** Tests only: deterministic randomness for frozen vectors. */
  readonly random?: RandomBytes;
  /** Where a passphrase recipient's Argon2id runs (default: this thread; see `PassphraseKdf`). */
  readonly kdf?: PassphraseKdf;
  /**
   * A platform hasher for the check of each entry as it is written (Node: the tool's hashing
   * thread, cli/hash-thread.ts, so the BLAKE2b runs beside the encryption), instead of the
   * in-thread one. Same check, same error.
   */
  readonly hasher?: StreamingHasherFactory;
}

/** A prepared bundle: its identity and size now, its bytes as you pull them. */
export interface WrittenBundle {
  readonly bundleId: Uint8Array;
  readonly manifest: Manifest;
  readonly headerHash: Uint8Array;
  /** Exact size of the bundle in bytes. */
  readonly size: number;
  /** The bundle's bytes, in order. Iterate once, to the end; stop early by breaking out or calling `return()`, even before the first pull (the keys are wiped then too). */
  readonly chunks: AsyncIterable<Uint8Array>;
}

async function stanzaFor(s: Sodium, fileKey: Uint8Array, recipient: BundleRecipient, random: RandomBytes | undefined, kdf: PassphraseKdf | undefined): Promise<{ type: number; body: Uint8Array; listed: string }> {
  if (recipient.kind === 'identity') {
    const { signPublicKey, boxPublicKey } = recipient.identity;
    const listed = fingerprintText(fingerprintWith(s, signPublicKey, boxPublicKey));
    return { type: X25519_STANZA, body: sealX25519Stanza(s, fileKey, boxPublicKey, random), listed };
  }
  let secret: Uint8Array;
  try {
    secret = passphraseBytes(recipient.passphrase, 'new');
  } catch (cause) {
    throw new BundleError('invalid-input', 'the bundle passphrase breaks the passphrase policy (12..1000 characters)', { cause });
  }
  try {
    const body = await passphraseStanza(s, fileKey, secret, recipient.kdf ?? KDF_PROFILES.moderate, random, kdf);
    return { type: PASSPHRASE_STANZA, body, listed: PASSPHRASE_RECIPIENT };
  } finally {
    wipe(secret);
  }
}

function manifestEntry(entry: EntrySource): ManifestEntry {
  if (!(entry.id instanceof Uint8Array) || entry.id.length !== 16) throw new BundleError('invalid-input', 'an entry id is 16 bytes');
  return {
    id: toBase64url(entry.id),
    kind: entry.kind,
    type: entry.type,
    length: entry.length,
    blake2b: toHex(entry.blake2b),
    ...(entry.sha256 ? { sha256: toHex(entry.sha256) } : {}),
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    ...(entry.mediaType !== undefined ? { media_type: entry.mediaType } : {}),
  };
}

/**
 * Streams one entry's bytes, refusing a source that no longer matches its description. Length
 * and BLAKE2b-256 suffice to detect a change (SHA-256 is left to readers: it would double the
 * hashing cost of writing and add nothing collision resistance does not already give).
 */
async function* entryBytes(s: Sodium, entry: EntrySource, index: number, platform: StreamingHasherFactory | undefined): AsyncGenerator<Uint8Array> {
  const hasher = openStreamingHasher(s, ['blake2b'], { streaming: platform });
  const changed = (what: string) => new BundleError('source-mismatch', `entry ${index} changed since it was described (${what})`);
  let length = 0;
  let digested = false;
  try {
    for await (const piece of entry.open()) {
      length += piece.length;
      if (length > entry.length) throw changed('longer');
      // A hasher on another thread copies the piece before this settles: it is then free to encrypt.
      const pending = hasher.update(piece);
      if (pending) await pending;
      yield piece;
    }
    const digests = await hasher.digest();
    digested = true;
    // The length counted here, not the hasher's: a platform hasher's count is not what was yielded.
    const unmet = unmetExpectation({ ...digests, length }, { length: entry.length, blake2b: entry.blake2b });
    if (unmet) throw changed(unmet);
  } finally {
    // An error, or a consumer that stopped pulling (the generator returned): end the hash state unread.
    if (!digested) hasher.dispose();
  }
}

async function* plaintextFrames(s: Sodium, manifest: Uint8Array, signature: Uint8Array, entries: readonly EntrySource[], hasher: StreamingHasherFactory | undefined): AsyncGenerator<Uint8Array> {
  yield encodeFrameHeader(FRAME.manifest, ZERO_ID, manifest.length);
  yield manifest;
  yield encodeFrameHeader(FRAME.signature, ZERO_ID, signature.length);
  yield signature;
  for (const [index, entry] of entries.entries()) {
    yield encodeFrameHeader(entry.kind === 'record' ? FRAME.record : FRAME.blob, entry.id, entry.length);
    yield* entryBytes(s, entry, index, hasher);
  }
}

/**
 * The generator's own `finally` wipes the payload key, but only once it has started: `return()`
 * on a generator never pulled completes it without running its body, so a job aborted before
 * its first pull would leave the key to the garbage collector. This wrapper wipes it on
 * `return()` whatever the generator's state (wiping twice is harmless).
 */
function wipingOnReturn(generator: AsyncGenerator<Uint8Array, void, undefined>, key: Uint8Array): AsyncIterableIterator<Uint8Array> {
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: () => generator.next(),
    return: async () => {
      try {
        return await generator.return(undefined);
      } finally {
        wipe(key);
      }
    },
    throw: async (error?: unknown) => {
      try {
        return await generator.throw(error);
      } finally {
        wipe(key);
      }
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** Prepares a bundle. Throws `BundleError('invalid-input')` for anything that cannot be written. */
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const s = await getSodium();
  const { sender, recipients, entries, random } = options;
  if (sender.signSecretKey.length !== 64 || !sender.signSecretKey.subarray(32).every((b, i) => b === sender.signPublicKey[i])) {
    throw new BundleError('invalid-input', 'the sender signing key pair does not match');
  }
  if (recipients.filter((r) => r.kind === 'passphrase').length > 1) throw new BundleError('invalid-input', 'at most one passphrase per bundle');
  const fileKey = drawRandom(s, random, FILE_KEY_BYTES);
  let payloadKey: Uint8Array | undefined;
  try {
    const bundleId = drawRandom(s, random, 16);
    // In order, one at a time: the randomness is drawn in recipient order (frozen vectors).
    const stanzas: Awaited<ReturnType<typeof stanzaFor>>[] = [];
    for (const recipient of recipients) stanzas.push(await stanzaFor(s, fileKey, recipient, random, options.kdf));
    const header = encodeHeader(s, fileKey, stanzas);
    const hash = headerHash(s, header);
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      bundle_id: toBase64url(bundleId),
      created: options.created ?? new Date().toISOString(),
      sender: {
        label: options.senderLabel,
        sign_pk: toBase64url(sender.signPublicKey),
        box_pk: toBase64url(sender.boxPublicKey),
        fingerprint: fingerprintText(fingerprintWith(s, sender.signPublicKey, sender.boxPublicKey)),
      },
      recipients: stanzas.map((stanza) => stanza.listed),
      header_hash: toHex(hash),
      sender_seq: options.senderSeq,
      redaction: options.redaction,
      entries: entries.map(manifestEntry),
      audit_checkpoint: { seq: options.auditCheckpoint.seq, head: toHex(options.auditCheckpoint.head) },
    };
    const manifestBytes = encodeManifest(manifest);
    const signature = s.crypto_sign_detached(signatureMessage(manifestBytes), sender.signSecretKey);
    const plaintextLength = entries.reduce((sum, e) => sum + FRAME_HEADER_BYTES + e.length, 2 * FRAME_HEADER_BYTES + manifestBytes.length + SIGNATURE_BYTES);
    payloadKey = bundleSubkey(s, fileKey, BUNDLE_SUBKEYS.payload);
    const key = payloadKey;
    const generator = (async function* () {
      try {
        yield header;
        yield* encryptStream(key, plaintextFrames(s, manifestBytes, signature, entries, options.hasher), { ad: hash, ...(random ? { random } : {}) });
      } finally {
        wipe(key);
      }
    })();
    return { bundleId, manifest, headerHash: hash, size: header.length + encryptedStreamLength(plaintextLength), chunks: wipingOnReturn(generator, key) };
  } catch (error) {
    wipe(payloadKey);
    throw error;
  } finally {
    wipe(fileKey);
  }
}
