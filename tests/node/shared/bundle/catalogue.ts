/**
 * The bad-bundle catalogue of DESIGN.md §12 as bundles, for every reader of the format: the
 * command line (tests/node/cli/catalogue.test.ts) and the app's import engine
 * (tests/browser/import/hostile.test.ts). Each case is built by craft.ts around exactly one lie,
 * every other cryptographic layer intact, from `sender` to `recipient`, and names what a reader
 * that knows the file's size must answer: a reader error `code` (its category decides the exit
 * code or the import problem), or, for an authentic bundle, the `trust` it must not exceed.
 * Zip-slip names and replays depend on the reader (files written, a seen store): they are in
 * the readers' own tests.
 */
import { toBase64url } from '../../../../shared/bundle/encoding';
import type { BundleErrorCode } from '../../../../shared/bundle/errors';
import { FRAME, ZERO_ID, encodeFrameHeader } from '../../../../shared/bundle/frames';
import type { Manifest } from '../../../../shared/bundle/manifest';
import type { DeviceIdentity } from '../../../../shared/crypto/identity';
import { CIPHER_CHUNK_BYTES } from '../../../../shared/stream/secretstream';
import { concat, flipBit, pattern } from '../stream/helpers';
import { DEFAULT_ENTRIES, craftBundle, entryFrame, type Craft, type CraftEntry } from './craft';
import { carol, mallory } from './helpers';

/** One hostile bundle and the answer it must get. */
export interface HostileCase {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  /** The reader's refusal; absent when the bundle is authentic and only its signer is not trusted. */
  readonly code?: BundleErrorCode;
  /** For an authentic bundle: the signer matches no pinned contact, or one key of one differs. */
  readonly trust?: 'unverified' | 'key-changed';
}

const [rec1, blob2, rec3] = DEFAULT_ENTRIES as [CraftEntry, CraftEntry, CraftEntry];
/** The same entries with a blob of 140,000 bytes: a payload of three chunks (two full). */
const BIG: readonly CraftEntry[] = [rec1, { ...blob2, bytes: pattern(140_000, 9) }, rec3];
/** The third entry as long as the first: a frame of one can stand in for the other at the same size. */
const TWINS: readonly CraftEntry[] = [rec1, blob2, { ...rec3, bytes: new TextEncoder().encode(`{"name":"${'S'.repeat(rec1.bytes.length - 11)}"}`) }];
/** One X25519 stanza: 8 fixed + 3 + 80 + 32 (MAC) header bytes. */
const HEADER = 123;
const chunkStart = (i: number) => HEADER + 24 + i * CIPHER_CHUNK_BYTES;

/** A copy with a big-endian u8/u16 written at `offset`. */
function setUint(bytes: Uint8Array, offset: number, value: number, size: 1 | 2): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (size === 1) view.setUint8(offset, value);
  else view.setUint16(offset, value);
  return out;
}

const lie = (change: (m: Manifest) => void) => (m: Manifest) => (change(m), m);
const entryAt = (m: Manifest, i: number) => m.entries[i] as Manifest['entries'][number];

/** `n` copies of `entry` with distinct ids. */
function manyEntries(entry: Manifest['entries'][number], n: number): Manifest['entries'] {
  return Array.from({ length: n }, (_, i) => ({ ...entry, id: entry.id.slice(0, 16) + i.toString(36).padStart(5, '0') + 'A' }));
}

/** Who sends (a pinned, verified contact of the reader) and who reads (only public keys needed). */
export interface CatalogueParties {
  readonly sender: DeviceIdentity;
  readonly recipient: Pick<DeviceIdentity, 'signPublicKey' | 'boxPublicKey'>;
}

/**
 * The catalogue. `parties` is asked when a case's bytes are built, so a test file can name its
 * tests before the keys exist (they are made in `beforeAll`, or by the app under test).
 */
export function hostileCatalogue(parties: () => CatalogueParties): HostileCase[] {
  const sender = () => parties().sender;
  /** A crafted bundle from the sender to the recipient, with `craft`'s lie. */
  function crafted(craft: Craft = {}): Promise<Uint8Array> {
    const { sender, recipient } = parties();
    return craftBundle({ sender, recipients: [recipient], ...craft }).then((made) => made.bytes);
  }

  /** The big bundle's three chunks rearranged by `order`. */
  async function rechunked(order: (chunks: Uint8Array[]) => (Uint8Array | undefined)[]): Promise<Uint8Array> {
    const bytes = await crafted({ entries: BIG });
    const chunks = [0, 1, 2].map((i) => bytes.subarray(chunkStart(i), Math.min(chunkStart(i + 1), bytes.length)));
    return concat(bytes.subarray(0, chunkStart(0)), ...order(chunks).map((c) => c ?? new Uint8Array(0)));
  }

  /** The second chunk replaced by the second chunk of another bundle of the same parties. */
  async function spliced(): Promise<Uint8Array> {
    const [bytes, other] = [await crafted({ entries: BIG }), await crafted({ entries: BIG })];
    return concat(bytes.subarray(0, chunkStart(1)), other.subarray(chunkStart(1), chunkStart(2)), bytes.subarray(chunkStart(2)));
  }

  /** A bundle whose plaintext fills exactly two chunks, followed by a copy of its first chunk. */
  async function trailingChunk(): Promise<Uint8Array> {
    // A 6-digit blob length in the probe too, so the manifest keeps its size.
    const probe = await crafted({ entries: [{ ...blob2, bytes: new Uint8Array(100_000) }] });
    const overhead = probe.length - chunkStart(0) - 2 * 17 - 100_000; // plaintext bytes besides the blob
    const exact = await crafted({ entries: [{ ...blob2, bytes: pattern(2 * 65536 - overhead, 4) }] });
    if (exact.length !== chunkStart(2)) throw new Error('the two-chunk bundle is not two full chunks');
    return concat(exact, exact.subarray(chunkStart(0), chunkStart(1)));
  }

  return [
    // Who it is for and who signed it.
    { name: 'a bundle for another recipient', bytes: () => crafted({ recipients: [carol] }), code: 'not-a-recipient' },
    { name: 'an unknown signer', bytes: () => crafted({ sender: mallory, manifest: lie((m) => (m.sender.label = 'Unknown Sender')) }), trust: 'unverified' },
    { name: 'an impostor signer (the trusted label, another key)', bytes: () => crafted({ sender: mallory }), trust: 'unverified' },
    { name: 'a changed box key (the trusted signing key)', bytes: () => crafted({ sender: { ...sender(), boxPublicKey: mallory.boxPublicKey } }), trust: 'key-changed' },
    { name: 'a changed signing key (the trusted box key)', bytes: () => crafted({ sender: { ...mallory, boxPublicKey: sender().boxPublicKey } }), trust: 'key-changed' },
    { name: 'a manifest signed by another key than it names', bytes: () => crafted({ signer: mallory }), code: 'bad-signature' },

    // Header: stanza lengths and counts, fixed fields, MAC.
    { name: 'an X25519 stanza of 81 bytes (MAC intact)', bytes: () => crafted({ stanzas: (_, honest) => honest.map((st) => ({ ...st, body: concat(st.body, Uint8Array.of(0)) })) }), code: 'bad-stanza-length' },
    { name: 'an X25519 stanza length of 79', bytes: async () => setUint(await crafted(), 9, 79, 2), code: 'bad-stanza-length' },
    { name: 'a passphrase stanza of 95 bytes', bytes: () => crafted({ stanzas: (_, honest) => [...honest, { type: 2, body: new Uint8Array(95) }] }), code: 'bad-stanza-length' },
    { name: 'a stanza count of 0', bytes: async () => setUint(await crafted(), 6, 0, 2), code: 'bad-stanza-count' },
    { name: 'a stanza count of 65', bytes: async () => setUint(await crafted(), 6, 65, 2), code: 'bad-stanza-count' },
    { name: 'a stanza count of 65535', bytes: async () => setUint(await crafted(), 6, 0xffff, 2), code: 'bad-stanza-count' },
    { name: 'an unknown stanza type', bytes: async () => setUint(await crafted(), 8, 3, 1), code: 'bad-stanza-type' },
    { name: 'a wrong magic', bytes: async () => setUint(await crafted(), 3, 0x32, 1), code: 'bad-magic' },
    { name: 'version 2', bytes: async () => setUint(await crafted(), 4, 2, 1), code: 'unsupported-version' },
    { name: 'flags set', bytes: async () => setUint(await crafted(), 5, 1, 1), code: 'bad-flags' },
    { name: 'a flipped MAC bit', bytes: async () => flipBit(await crafted(), (HEADER - 1) * 8), code: 'bad-mac' },
    // The sealed file key no longer opens: to the reader that is a stanza that is not ours.
    { name: 'a flipped stanza byte', bytes: async () => flipBit(await crafted(), 40 * 8), code: 'not-a-recipient' },

    // Sizes and truncation.
    { name: 'a bundle of 0 bytes', bytes: () => Promise.resolve(new Uint8Array(0)), code: 'too-small' },
    { name: 'a bundle of 1 byte', bytes: () => Promise.resolve(Uint8Array.of(0x53)), code: 'too-small' },
    { name: 'cut inside the header', bytes: async () => (await crafted()).subarray(0, 60), code: 'too-small' },
    { name: 'cut after the stream header', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(0)), code: 'too-small' },
    // The file's size is known: a size the manifest's entry lengths do not imply is refused
    // before any entry is read (docs/bundle-format.md §8 step 11), so cuts, inserted chunks and
    // trailing bytes all end there; same-size damage reaches the payload's authentication.
    { name: 'cut at a chunk boundary', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(1)), code: 'length-mismatch' },
    { name: 'cut inside a chunk', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(1) + 100), code: 'length-mismatch' },
    { name: 'cut by one byte', bytes: async () => (await crafted({ entries: BIG })).subarray(0, -1), code: 'length-mismatch' },

    // Chunks: reordered, duplicated, spliced from another bundle; trailing data.
    { name: 'reordered chunks', bytes: () => rechunked((c) => [c[1], c[0], c[2]]), code: 'payload-auth-failed' },
    { name: 'a chunk duplicated over the next', bytes: () => rechunked((c) => [c[0], c[0], c[2]]), code: 'payload-auth-failed' },
    { name: 'a chunk duplicated (inserted)', bytes: () => rechunked((c) => [c[0], c[0], c[1], c[2]]), code: 'length-mismatch' },
    { name: 'a missing chunk', bytes: () => rechunked((c) => [c[0], c[2]]), code: 'length-mismatch' },
    { name: 'a chunk spliced from another bundle', bytes: spliced, code: 'payload-auth-failed' },
    { name: 'one trailing byte', bytes: async () => concat(await crafted({ entries: BIG }), Uint8Array.of(0)), code: 'length-mismatch' },
    { name: 'a trailing copy of a chunk', bytes: async () => trailingChunk(), code: 'length-mismatch' },

    // Manifests that lie (signed, every layer intact).
    { name: 'a manifest lying about a length', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).length = 999)) }), code: 'length-mismatch' },
    { name: 'a manifest lying about a BLAKE2b hash', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 0).blake2b = '0'.repeat(64))) }), code: 'entry-hash-mismatch' },
    { name: 'a manifest lying about a SHA-256 hash', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).sha256 = 'f'.repeat(64))) }), code: 'entry-hash-mismatch' },
    { name: 'a manifest lying about the count (a frame missing)', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, ...f.entries.slice(0, 2)] }), code: 'length-mismatch' },
    { name: 'a manifest lying about the count (an extra frame)', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, ...f.entries, entryFrame(rec1)] }), code: 'length-mismatch' },
    { name: 'a manifest lying about the order', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, entryFrame(blob2), entryFrame(rec1), entryFrame(rec3)] }), code: 'entry-out-of-order' },
    { name: 'a duplicated entry frame', bytes: () => crafted({ entries: TWINS, frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(blob2), entryFrame(rec1)] }), code: 'entry-duplicate' },
    { name: 'an unlisted entry frame', bytes: () => crafted({ entries: TWINS, frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(blob2), entryFrame({ ...rec1, id: blob2.id.map((b) => b ^ 0xff) })] }), code: 'entry-unexpected' },
    { name: 'duplicate entry ids in the manifest', bytes: () => crafted({ manifest: lie((m) => m.entries.push(entryAt(m, 0))) }), code: 'manifest-schema' },
    { name: 'recipients without us', bytes: () => crafted({ manifest: lie((m) => (m.recipients = [m.sender.fingerprint])) }), code: 'not-listed-recipient' },
    { name: 'another header hash', bytes: () => crafted({ manifest: lie((m) => (m.header_hash = '0'.repeat(64))) }), code: 'header-hash-mismatch' },

    // Names and text: control and bidi characters never pass; invalid UTF-8; lone surrogates.
    { name: 'an entry name with NUL', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'photo\u0000.jpg')) }), code: 'manifest-schema' },
    { name: 'an entry name with a bidi override', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'gpj.\u202Eexe')) }), code: 'manifest-schema' },
    { name: 'invalid UTF-8 in the manifest', bytes: () => crafted({ manifestBytes: (c) => concat(c.subarray(0, 30), Uint8Array.of(0xc3, 0x28), c.subarray(30)) }), code: 'manifest-invalid-utf8' },
    { name: 'a lone surrogate encoded as UTF-8 bytes (ED A0 80)', bytes: () => crafted({ manifestBytes: (c) => concat(c.subarray(0, 30), Uint8Array.of(0xed, 0xa0, 0x80), c.subarray(30)) }), code: 'manifest-invalid-utf8' },
    { name: 'a lone surrogate in the sender label', bytes: () => crafted({ manifest: lie((m) => (m.sender.label = 'Team \uD800')) }), code: 'manifest-schema' },

    // Oversized fields and counts.
    { name: 'a sender label of 201 characters', bytes: () => crafted({ manifest: lie((m) => (m.sender.label = 'x'.repeat(201))) }), code: 'manifest-schema' },
    { name: 'an entry name of 256 characters', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'n'.repeat(256))) }), code: 'manifest-schema' },
    { name: 'a record entry above 16 MiB', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 0).length = 16 * 1024 * 1024 + 1)) }), code: 'manifest-schema' },
    { name: '50,001 manifest entries', bytes: () => crafted({ manifest: lie((m) => (m.entries = manyEntries(entryAt(m, 0), 50_001))) }), code: 'manifest-schema' },
    { name: '65 recipients', bytes: () => crafted({ manifest: lie((m) => (m.recipients = Array.from({ length: 65 }, (_, i) => toBase64url(pattern(64, i + 1))))) }), code: 'manifest-schema' },
    { name: 'a manifest frame above 16 MiB', bytes: () => crafted({ frames: () => [encodeFrameHeader(FRAME.manifest, ZERO_ID, 16 * 1024 * 1024 + 1), pattern(100)] }), code: 'manifest-too-large' },
    { name: 'a manifest frame longer than the bundle', bytes: () => crafted({ frames: () => [encodeFrameHeader(FRAME.manifest, ZERO_ID, 1_000_000), pattern(100)] }), code: 'manifest-too-large' },
  ];
}
