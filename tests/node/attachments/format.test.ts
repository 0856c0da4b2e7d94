// The pure parts of the attachment format: chunk counts with Padmé rounding, the padding check,
// and row naming (docs/attachment-format.md).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK_BYTES } from '../../../shared/stream';
import { deriveBlobKeys, originalBytesIn, PAD_MARKER, padme, RowNamer, storedChunkCount } from '../../../renderer/src/vault/worker/attachment-format';

describe('stored chunk counts', () => {
  it('always leave room for the padding marker', () => {
    expect([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1].map(storedChunkCount)).toEqual([1, 1, 1, 2, 2]);
    expect(storedChunkCount(257 * CHUNK_BYTES)).toBe(272); // 258 chunks, rounded up by Padmé
    expect(storedChunkCount(16384 * CHUNK_BYTES - 1)).toBe(16384); // 1 GiB − 1: a power of two stays
  });

  it('Padmé never shrinks a count, costs at most 12 %, and under 7 % from 256 chunks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (count) => {
        const padded = padme(count);
        expect(padded).toBeGreaterThanOrEqual(count);
        expect(padded / count).toBeLessThanOrEqual(count >= 256 ? 1.07 : 1.12);
        expect(padme(padded)).toBe(padded);
      }),
    );
  });

  it('refuses sizes it cannot represent', () => {
    expect(() => storedChunkCount(-1)).toThrow(RangeError);
    expect(() => storedChunkCount(1.5)).toThrow(RangeError);
    expect(() => padme(0)).toThrow(RangeError);
  });
});

describe('the padding check', () => {
  const chunk = (content: number, fill: (i: number) => number = () => 7): Uint8Array => {
    const out = new Uint8Array(16);
    for (let i = 0; i < content; i++) out[i] = fill(i);
    if (content < 16) out[content] = PAD_MARKER;
    return out;
  };

  it('counts the original bytes of a chunk and accepts exact padding', () => {
    expect(originalBytesIn(chunk(5), 0, 5)).toBe(5);
    expect(originalBytesIn(chunk(0), 16, 16)).toBe(0); // the marker opens the next chunk
    expect(originalBytesIn(new Uint8Array(16), 32, 16)).toBe(0); // a chunk of zeros after it
    expect(originalBytesIn(chunk(16), 0, 40)).toBe(16);
  });

  it('refuses a misplaced marker, a missing one, or non-zero bytes after it', () => {
    expect(originalBytesIn(chunk(5), 0, 4)).toBe(-1);
    expect(originalBytesIn(chunk(5), 0, 6)).toBe(-1);
    const dirty = chunk(5);
    dirty[12] = 1;
    expect(originalBytesIn(dirty, 0, 5)).toBe(-1);
    expect(originalBytesIn(Uint8Array.of(0, 0, 1), 32, 16)).toBe(-1);
  });
});

describe('row names', () => {
  it('are canonical ids, distinct per index and per blob key, and stable', async () => {
    const a = await RowNamer.create((await deriveBlobKeys(new Uint8Array(32).fill(1))).rows);
    const b = await RowNamer.create((await deriveBlobKeys(new Uint8Array(32).fill(2))).rows);
    const ids = a.ids(0, 300);
    expect(new Set(ids).size).toBe(300);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{21}[AQgw]$/.test(id))).toBe(true);
    expect(a.id(7)).toBe(ids[7]);
    expect(b.id(7)).not.toBe(a.id(7));
    // Keys sort in no relation to chunk order (rows of one file interleave with others').
    expect([...ids].sort()).not.toEqual(ids);
  });
});
