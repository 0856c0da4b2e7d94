/**
 * Tampering with the encrypted payload: bit flips anywhere, truncation at every chunk boundary
 * and inside chunks, reordered / duplicated / spliced chunks (also from another bundle),
 * trailing data, a header joined to another bundle's payload. Nothing reaches the sink as
 * finished unless the whole bundle verifies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { CIPHER_CHUNK_BYTES } from '../../../../shared/stream/secretstream';
import { concat, failsWith, flipBit } from '../stream/helpers';
import { plaintextLengthOf } from '../../../../shared/stream/streams';
import { memorySink, read, sampleEntries, writeBytes } from './helpers';

const HEADER = 123;
const bytes = await writeBytes({ entries: await sampleEntries(140_000) }); // payload: stream header + 3 chunks (2 full)
const other = await writeBytes({ entries: await sampleEntries(140_000) }); // same sender, recipient, entries; new file key
const chunkStart = (i: number) => HEADER + 24 + i * CIPHER_CHUNK_BYTES;
const chunks = [0, 1, 2].map((i) => bytes.subarray(chunkStart(i), Math.min(chunkStart(i + 1), bytes.length)));
const streamHeader = bytes.subarray(HEADER, HEADER + 24);
const header = bytes.subarray(0, HEADER);

it('has the layout these tests assume', () => {
  expect(bytes.length).toBeGreaterThan(chunkStart(2));
  expect(bytes.length).toBeLessThan(chunkStart(3));
});

describe('payload tampering', () => {
  it('fails on any flipped payload bit (property), and nothing is marked finished past the damage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: HEADER * 8, max: bytes.length * 8 - 1 }), async (bit) => {
        const { sink, entries } = memorySink();
        await expect(read(flipBit(bytes, bit), { sink })).rejects.toBeInstanceOf(BundleError);
        expect(entries.filter((e) => e.ended).length).toBeLessThan(3);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses the payload cut at every chunk boundary', async () => {
    for (const keep of [0, 1, 2]) {
      await failsWith(() => read(bytes.subarray(0, chunkStart(keep))), BundleError, 'payload-truncated');
    }
    await failsWith(() => read(bytes.subarray(0, HEADER + 10)), BundleError, 'payload-truncated');
  });

  it('refuses the payload cut inside a chunk', async () => {
    for (const cut of [chunkStart(0) + 1, chunkStart(0) + 16, chunkStart(1) - 1, chunkStart(1) + 100, bytes.length - 1]) {
      const error = await read(bytes.subarray(0, cut)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      expect(['payload-truncated', 'payload-auth-failed']).toContain((error as BundleError).code);
    }
  });

  it('refuses reordered, duplicated and missing chunks', async () => {
    const [a, b, c] = chunks as [Uint8Array, Uint8Array, Uint8Array];
    for (const order of [[b, a, c], [a, a, b, c], [a, c], [a, b, b, c]]) {
      await failsWith(() => read(concat(header, streamHeader, ...order)), BundleError, 'payload-auth-failed');
    }
  });

  it('refuses chunks spliced from another bundle, and a header joined to another payload', async () => {
    const foreign = other.subarray(chunkStart(1), chunkStart(2));
    await failsWith(() => read(concat(bytes.subarray(0, chunkStart(1)), foreign, bytes.subarray(chunkStart(2)))), BundleError, 'payload-auth-failed');
    await failsWith(() => read(concat(header, other.subarray(HEADER))), BundleError, 'payload-auth-failed');
    await failsWith(() => read(concat(other.subarray(0, HEADER), bytes.subarray(HEADER))), BundleError, 'payload-auth-failed');
  });

  it('refuses trailing data, whatever its size', async () => {
    for (const extra of [Uint8Array.of(0), new Uint8Array(17), bytes.subarray(0, 200), new Uint8Array(CIPHER_CHUNK_BYTES)]) {
      const error = await read(concat(bytes, extra)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      expect(['trailing-data', 'payload-auth-failed']).toContain((error as BundleError).code);
    }
  });

  it('refuses trailing data after a full final chunk as trailing-data', async () => {
    // Size the blob so the plaintext is exactly 3 × 65536 bytes: the last chunk is full, and
    // extra bytes then form a chunk of their own instead of running into the last one.
    const probe = plaintextLengthOf(bytes.length - HEADER) ?? 0;
    const exact = await writeBytes({ entries: await sampleEntries(140_000 + 3 * 65536 - probe) });
    expect(exact.length).toBe(HEADER + 24 + 3 * CIPHER_CHUNK_BYTES);
    await failsWith(() => read(concat(exact, new Uint8Array(30))), BundleError, 'trailing-data');
    await failsWith(() => read(concat(exact, exact.subarray(HEADER + 24, HEADER + 24 + CIPHER_CHUNK_BYTES))), BundleError, 'trailing-data');
  });

  it('refuses a stated size that disagrees with the bytes', async () => {
    await expect(read(bytes, { totalBytes: bytes.length + 1 })).rejects.toBeInstanceOf(BundleError);
    await failsWith(() => read(concat(bytes, new Uint8Array(1)), { totalBytes: bytes.length }), BundleError, 'too-large');
  });
});
