/**
 * Streams the entry frames of a decrypted payload into the caller's quarantine sink, checking
 * each against the signed manifest: frame kind, entry id (missing, extra, duplicated and
 * reordered entries each get their own code), length, BLAKE2b-256, SHA-256 for blobs, and
 * that a record is UTF-8 JSON. Only the current entry's hash states are held; records (at
 * most 16 MiB) are also collected to be parsed.
 */
import { concatBytes } from '../crypto/bytes';
import type { Sodium } from '../crypto/sodium';
import type { ByteQueue } from '../stream/byte-queue';
import { openStreamingHasher, unmetExpectation, type HasherOptions } from '../stream/hashing';
import { CHUNK_BYTES } from '../stream/secretstream';
import { fromBase64url, fromHex } from './encoding';
import { BundleError } from './errors';
import { FRAME, decodeFrameHeader, sameId } from './frames';
import { FRAME_HEADER_BYTES } from './limits';
import type { Manifest, ManifestEntry } from './manifest';
import type { BundleSender } from './manifest-checks';

/**
 * Where entries go while the bundle is still unverified. Calls come in order, and each is
 * awaited before the next call (backpressure); while a `write` runs, the reader may decrypt
 * and hash the next piece, never more. On failure the reader lets a running write settle
 * before it rejects. Nothing here is trusted until `readBundle` resolves: on failure, discard
 * everything the sink received. Byte arrays passed to `write` are not reused by the reader.
 */
export interface QuarantineSink {
  /**
   * Optional: called once the manifest, its signature, the header binding and the replay check
   * all passed, before any entry. Throw here to stop early (e.g. an unverified sender).
   */
  begin?(manifest: Manifest, sender: BundleSender): void | Promise<void>;
  beginEntry(entry: ManifestEntry, index: number): void | Promise<void>;
  write(bytes: Uint8Array): void | Promise<void>;
  /** The entry's length and hashes matched the manifest (and a record parsed as JSON). */
  endEntry(entry: ManifestEntry, index: number): void | Promise<void>;
}

/** A sink that drops everything (verification only). */
export const DISCARD_SINK: QuarantineSink = { beginEntry() {}, write() {}, endEntry() {} };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isJsonObject(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function decodeId(entry: ManifestEntry): Uint8Array {
  const id = fromBase64url(entry.id, 16);
  if (!id) throw new BundleError('manifest-schema', 'an entry id does not decode'); // the schema already refused this
  return id;
}

/** Reads the frame header of entry `index` and checks it against the manifest. */
async function entryFrame(plain: ByteQueue, entries: readonly ManifestEntry[], ids: readonly Uint8Array[], index: number): Promise<void> {
  const entry = entries[index] as ManifestEntry;
  const head = await plain.read(FRAME_HEADER_BYTES);
  if (head.length === 0) throw new BundleError('entry-missing', `the payload ends before entry ${index} (the manifest lists ${entries.length})`);
  if (head.length < FRAME_HEADER_BYTES) throw new BundleError('bad-frame', `the payload ends inside the frame header of entry ${index}`);
  const frame = decodeFrameHeader(head);
  if (!sameId(frame.entryId, ids[index] as Uint8Array)) {
    const other = ids.findIndex((id) => sameId(id, frame.entryId));
    if (other > index) throw new BundleError('entry-out-of-order', `entry ${other} comes where the manifest puts entry ${index}`);
    if (other >= 0) throw new BundleError('entry-duplicate', `entry ${other} appears again where the manifest puts entry ${index}`);
    throw new BundleError('entry-unexpected', `a frame not listed in the manifest comes where entry ${index} should be`);
  }
  const kind = entry.kind === 'record' ? FRAME.record : FRAME.blob;
  if (frame.kind !== kind) throw new BundleError('entry-kind-mismatch', `entry ${index} is a ${entry.kind} in the manifest but its frame has kind ${frame.kind}`);
  if (frame.length !== entry.length) throw new BundleError('entry-length-mismatch', `entry ${index} frame is ${frame.length} bytes; the manifest says ${entry.length}`);
}

/**
 * Streams one entry's bytes to the sink and checks its hashes. Each piece is hashed before the
 * sink sees it; the sink's write of one piece is awaited only after the next piece has been
 * decrypted and hashed, so a sink writing to disk works while the CPU decrypts (at most one
 * write in flight, calls still in order, each awaited before the next call). An injected
 * streaming hasher (another thread) may make `update` wait while it is full, and its digest
 * arrives after the last piece: the comparison waits for it, so nothing passes unhashed.
 */
async function entryBody(s: Sodium, plain: ByteQueue, entry: ManifestEntry, index: number, sink: QuarantineSink, hashing: HasherOptions): Promise<void> {
  const hasher = openStreamingHasher(s, entry.kind === 'blob' ? ['blake2b', 'sha256'] : ['blake2b'], hashing);
  const parts: Uint8Array[] = [];
  let writing: void | Promise<void> = undefined;
  try {
    let remaining = entry.length;
    while (remaining > 0) {
      const piece = await plain.readSome(Math.min(remaining, CHUNK_BYTES));
      if (piece.length === 0) throw new BundleError('entry-length-mismatch', `the payload ends inside entry ${index}`);
      const hashed = hasher.update(piece);
      if (hashed) await hashed;
      if (entry.kind === 'record') parts.push(piece);
      await writing;
      writing = sink.write(piece);
      remaining -= piece.length;
    }
    await writing;
  } catch (error) {
    hasher.dispose();
    // Never leave a write running past a failure: the caller's cleanup may close its file next.
    await Promise.resolve(writing).catch(() => undefined);
    throw error;
  }
  const expected = { blake2b: fromHex(entry.blake2b, 32), sha256: entry.sha256 === undefined ? undefined : fromHex(entry.sha256, 32) };
  const unmet = unmetExpectation(await hasher.digest(), { ...(expected.blake2b ? { blake2b: expected.blake2b } : {}), ...(expected.sha256 ? { sha256: expected.sha256 } : {}) });
  if (unmet) throw new BundleError('entry-hash-mismatch', `entry ${index} does not match its ${unmet} in the manifest`);
  if (entry.kind === 'record' && !isJsonObject(concatBytes(...parts))) throw new BundleError('record-invalid', `record entry ${index} is not a UTF-8 JSON object`);
}

/**
 * Reads every entry frame, in manifest order, into `sink`; then requires the plaintext to end.
 * Reaching the end also completes the payload stream's own checks (FINAL chunk, no trailing bytes).
 */
export async function readEntries(s: Sodium, plain: ByteQueue, manifest: Manifest, sink: QuarantineSink, hashing: HasherOptions = {}): Promise<void> {
  const ids = manifest.entries.map(decodeId);
  for (const [index, entry] of manifest.entries.entries()) {
    await entryFrame(plain, manifest.entries, ids, index);
    await sink.beginEntry(entry, index);
    await entryBody(s, plain, entry, index, sink, hashing);
    await sink.endEntry(entry, index);
  }
  if (!(await plain.atEnd())) throw new BundleError('trailing-frames', 'the payload continues after the last entry of the manifest');
}
