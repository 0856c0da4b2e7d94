/**
 * Entry sources for the writer. The manifest comes first in the payload and carries every
 * entry's length and hashes, so they must be known before the first byte is encrypted. Two
 * ways, neither of which holds an entry in memory:
 * - the caller already knows them (attachments: size and SHA-256 are recorded at capture; the
 *   vault computes BLAKE2b-256 while re-reading, or stores it alongside);
 * - `describeEntry` reads a re-readable source once to compute them (first pass); the writer
 *   reads it again while encrypting (second pass) and refuses the bundle if the bytes changed.
 * Records are small JSON and are hashed in memory (`recordEntry`).
 */
import { getSodium } from '../crypto/sodium';
import { IncrementalHasher, type HasherOptions } from '../stream/hashing';
import { BundleError } from './errors';
import { BLOB_TYPE, RECORD_TYPE } from './manifest';
import { BUNDLE_LIMITS } from './limits';

/** One entry to write: its description and a way to stream its bytes. */
export interface EntrySource {
  /** 16 bytes, unique within the bundle. */
  readonly id: Uint8Array;
  readonly kind: 'record' | 'blob';
  /** Record type, or "attachment" for blobs. */
  readonly type: string;
  readonly length: number;
  /** BLAKE2b-256 of the bytes. */
  readonly blake2b: Uint8Array;
  /** SHA-256 of the bytes (blobs only: the hash shown at capture). */
  readonly sha256?: Uint8Array;
  /** A label only, never a path. */
  readonly name?: string;
  readonly mediaType?: string;
  /**
   * Streams the bytes. Called once by the writer; must yield exactly the described bytes, and
   * never change a piece once yielded (the writer hashes it at once, but encrypts it later).
   */
  readonly open: () => AsyncIterable<Uint8Array>;
}

/** What `describeEntry` needs: everything but the length and hashes. */
export type EntryDescription = Omit<EntrySource, 'length' | 'blake2b' | 'sha256'>;

/** A record entry from its JSON bytes (or text). Checks the type; the JSON is the caller's. */
export async function recordEntry(entry: { readonly id: Uint8Array; readonly type: string; readonly json: Uint8Array | string; readonly name?: string }): Promise<EntrySource> {
  const s = await getSodium();
  if (!RECORD_TYPE.test(entry.type) || entry.type === BLOB_TYPE) throw new BundleError('invalid-input', 'not a record type');
  const bytes = typeof entry.json === 'string' ? new TextEncoder().encode(entry.json) : entry.json.slice();
  if (bytes.length > BUNDLE_LIMITS.maxRecordBytes) throw new BundleError('invalid-input', 'record larger than 16 MiB');
  return {
    id: entry.id,
    kind: 'record',
    type: entry.type,
    length: bytes.length,
    blake2b: s.crypto_generichash(32, bytes, null),
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    open: async function* () {
      yield bytes;
    },
  };
}

/**
 * First pass over a re-readable source: reads `open()` once, streaming, and returns the entry
 * with its length, BLAKE2b-256 and (for blobs) SHA-256 filled in. `hashing.sha256` lets a Node
 * caller use its native SHA-256 (the same digest, several times faster than libsodium's WASM).
 */
export async function describeEntry(description: EntryDescription, hashing: HasherOptions = {}): Promise<EntrySource> {
  const s = await getSodium();
  const hasher = new IncrementalHasher(s, description.kind === 'blob' ? ['blake2b', 'sha256'] : ['blake2b'], hashing);
  try {
    for await (const piece of description.open()) hasher.update(piece);
  } catch (error) {
    hasher.dispose();
    throw error;
  }
  const digests = hasher.digest();
  if (!digests.blake2b) throw new BundleError('invalid-input', 'hashing failed');
  return { ...description, length: digests.length, blake2b: digests.blake2b, ...(digests.sha256 ? { sha256: digests.sha256 } : {}) };
}
