/**
 * What can be said about a bundle without any key: its header, parsed as strictly as the reader
 * does. Nothing here is authenticated (the MAC needs the file key): show it as a claim.
 */
import { getSodium } from '../crypto/sodium';
import { ByteQueue } from '../stream/byte-queue';
import { CIPHER_CHUNK_BYTES, STREAM_HEADER_BYTES } from '../stream/secretstream';
import { plaintextLengthOf } from '../stream/streams';
import { toHex } from './encoding';
import { headerHash, readHeader } from './header';

/** One stanza as seen from outside. */
export type StanzaSummary = { readonly type: 'x25519' } | { readonly type: 'passphrase'; readonly ops: number; readonly mem: number };

/** The unauthenticated header summary. */
export interface BundleInspection {
  readonly version: number;
  readonly stanzas: readonly StanzaSummary[];
  readonly headerBytes: number;
  /** BLAKE2b-256 of the header, as a signed manifest would state it (hex). */
  readonly headerHash: string;
  /** Only when the total size is known. */
  readonly payload?: { readonly bytes: number; readonly chunks: number; readonly plaintextBytes?: number };
}

/** Parses the header at the start of `source` (reads only the header). Throws `BundleError`. */
export async function inspectBundle(source: AsyncIterable<Uint8Array>, totalBytes?: number): Promise<BundleInspection> {
  const s = await getSodium();
  const input = new ByteQueue(source);
  try {
    const header = await readHeader(input);
    const stanzas: StanzaSummary[] = header.stanzas.map((stanza) => (stanza.type === 2 ? { type: 'passphrase', ops: stanza.kdf.ops, mem: stanza.kdf.mem } : { type: 'x25519' }));
    const base = { version: header.version, stanzas, headerBytes: header.bytes.length, headerHash: toHex(headerHash(s, header.bytes)) };
    if (totalBytes === undefined) return base;
    const bytes = totalBytes - header.bytes.length;
    const plaintextBytes = plaintextLengthOf(bytes);
    const chunks = Math.max(0, Math.ceil((bytes - STREAM_HEADER_BYTES) / CIPHER_CHUNK_BYTES));
    return { ...base, payload: { bytes, chunks, ...(plaintextBytes !== undefined ? { plaintextBytes } : {}) } };
  } finally {
    await input.close();
  }
}
