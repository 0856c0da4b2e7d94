/**
 * Everything an adversary in transit or in storage can do to a stream fails with a typed error:
 * truncation (at every chunk boundary and inside chunks), trailing bytes and rows, reordered,
 * duplicated, missing and spliced chunks, wrong key or associated data, bit flips, and chunks
 * that authenticate but break the size and tag rules (crafted with the key, as a malicious
 * writer could).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSodium } from '../../../../shared/crypto/sodium';
import { StreamError } from '../../../../shared/stream/errors';
import { CHUNK_BYTES, CIPHER_CHUNK_BYTES, ChunkDecryptor, ChunkEncryptor } from '../../../../shared/stream/secretstream';
import { decryptChunks, decryptStream, encryptChunks } from '../../../../shared/stream/streams';
import { collect, collectItems, concat, failsWith, flipBit, items, pattern, source } from './helpers';

const s = await getSodium();
const key = pattern(32, 21);
const ad = Uint8Array.of(1, 2, 3);
const TAG = {
  message: s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
  final: s.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
  push: s.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
  rekey: s.crypto_secretstream_xchacha20poly1305_TAG_REKEY,
};

/** A stream of three chunks (2 full + 10 bytes), as rows and as one byte string. */
async function threeChunks(seed = 1) {
  const encryptor = await ChunkEncryptor.create(key, { ad });
  const rows = await collectItems(encryptChunks(encryptor, source(pattern(2 * CHUNK_BYTES + 10, seed))));
  return { header: encryptor.header, rows, bytes: concat(encryptor.header, ...rows) };
}

/** Raw libsodium chunks with arbitrary sizes and tags: what a malicious writer holding the key can produce. */
function crafted(chunks: readonly { length: number; tag: number }[]) {
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  const rows = chunks.map((c) => s.crypto_secretstream_xchacha20poly1305_push(state, pattern(c.length), ad, c.tag));
  return { header, rows };
}

const readRows = async (header: Uint8Array, rows: readonly Uint8Array[], options = {}) =>
  collect(decryptChunks(await ChunkDecryptor.create(key, header, { ad, ...options }), items(rows)));
const readBytes = (bytes: Uint8Array, options = {}) => collect(decryptStream(key, source(bytes, 10_000), { ad, ...options }));

describe('truncation and trailing data', () => {
  it('refuses a stream cut at every chunk boundary (missing FINAL)', async () => {
    const { header, rows, bytes } = await threeChunks();
    for (const keep of [0, 1, 2]) {
      await failsWith(() => readRows(header, rows.slice(0, keep)), StreamError, 'truncated');
      await failsWith(() => readBytes(bytes.subarray(0, 24 + keep * CIPHER_CHUNK_BYTES)), StreamError, 'truncated');
    }
    await failsWith(() => readBytes(bytes.subarray(0, 10)), StreamError, 'bad-header');
  });

  it('refuses a stream cut inside a chunk', async () => {
    const { bytes } = await threeChunks();
    await failsWith(() => readBytes(bytes.subarray(0, 24 + 5)), StreamError, 'truncated');
    await failsWith(() => readBytes(bytes.subarray(0, 24 + 1000)), StreamError, 'auth-failed');
    await failsWith(() => readBytes(bytes.subarray(0, bytes.length - 1)), StreamError, 'auth-failed');
    await failsWith(() => readBytes(bytes.subarray(0, 24 + CIPHER_CHUNK_BYTES + 3)), StreamError, 'truncated');
  });

  it('refuses anything after FINAL: rows in a row stream, bytes after a full final chunk', async () => {
    const { header, rows } = await threeChunks();
    await failsWith(() => readRows(header, [...rows, rows[2] as Uint8Array]), StreamError, 'after-final');
    const full = await ChunkEncryptor.create(key, { ad });
    const fullBytes = concat(full.header, ...(await collectItems(encryptChunks(full, source(pattern(CHUNK_BYTES))))));
    await failsWith(() => readBytes(concat(fullBytes, Uint8Array.of(0))), StreamError, 'after-final');
    await failsWith(() => readBytes(concat(fullBytes, fullBytes.subarray(24))), StreamError, 'after-final');
  });

  it('refuses bytes appended after a short final chunk: they join that chunk, which then fails to authenticate', async () => {
    const { bytes } = await threeChunks();
    await failsWith(() => readBytes(concat(bytes, Uint8Array.of(0))), StreamError, 'auth-failed');
    await failsWith(() => readBytes(concat(bytes, bytes.subarray(24, 1000))), StreamError, 'auth-failed');
  });

  it('withholds the final chunk when bytes follow it', async () => {
    const { bytes } = await threeChunks();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const piece of decryptStream(key, source(concat(bytes, Uint8Array.of(9))), { ad })) seen.push(piece.length);
      })(),
    ).rejects.toThrow(StreamError);
    expect(seen).toEqual([CHUNK_BYTES, CHUNK_BYTES]);
  });
});

describe('reordering, duplication, splicing', () => {
  it('refuses reordered, duplicated and missing chunks', async () => {
    const { header, rows } = await threeChunks();
    const [a, b, c] = rows as [Uint8Array, Uint8Array, Uint8Array];
    await failsWith(() => readRows(header, [b, a, c]), StreamError, 'auth-failed');
    await failsWith(() => readRows(header, [a, a, b, c]), StreamError, 'auth-failed');
    await failsWith(() => readRows(header, [a, c]), StreamError, 'auth-failed');
    await failsWith(() => readRows(header, [a, b, b, c]), StreamError, 'auth-failed');
  });

  it('refuses a chunk spliced in from another stream under the same key, and another header', async () => {
    const one = await threeChunks(1);
    const two = await threeChunks(2);
    await failsWith(() => readRows(one.header, [one.rows[0] as Uint8Array, two.rows[1] as Uint8Array, one.rows[2] as Uint8Array]), StreamError, 'auth-failed');
    await failsWith(() => readRows(two.header, one.rows), StreamError, 'auth-failed');
  });

  it('refuses a wrong key and wrong associated data (constant or per chunk)', async () => {
    const { header, rows } = await threeChunks();
    await failsWith(async () => collect(decryptChunks(await ChunkDecryptor.create(pattern(32, 22), header, { ad }), items(rows))), StreamError, 'auth-failed');
    await failsWith(() => readRows(header, rows, { ad: Uint8Array.of(1, 2, 4) }), StreamError, 'auth-failed');
    await failsWith(() => readRows(header, rows, { ad: (i: number) => (i === 1 ? Uint8Array.of(0) : ad) }), StreamError, 'auth-failed');
  });

  it('binds per-chunk associated data to each index', async () => {
    const perChunk = (i: number) => Uint8Array.of(i);
    const encryptor = await ChunkEncryptor.create(key, { ad: perChunk });
    const rows = await collectItems(encryptChunks(encryptor, source(pattern(CHUNK_BYTES + 1))));
    const open = async (ad: (i: number) => Uint8Array) => collect(decryptChunks(await ChunkDecryptor.create(key, encryptor.header, { ad }), items(rows)));
    expect(await open(perChunk)).toHaveLength(CHUNK_BYTES + 1);
    await failsWith(() => open((i) => Uint8Array.of(i + 1)), StreamError, 'auth-failed');
  });

  it('fails on any single flipped bit of the header or any chunk (property)', async () => {
    const { bytes } = await threeChunks();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), async (bit) => {
        await expect(readBytes(flipBit(bytes, bit))).rejects.toThrow(StreamError);
      }),
      { numRuns: 60 },
    );
  });
});

describe('size and tag rules (chunks crafted with the key)', () => {
  it('refuses a short non-final chunk', async () => {
    const { header, rows } = crafted([{ length: 100, tag: TAG.message }, { length: 5, tag: TAG.final }]);
    await failsWith(() => readRows(header, rows), StreamError, 'chunk-size');
    // In a byte stream a short chunk cannot even be delimited: it runs into the next one.
    await failsWith(() => readBytes(concat(header, ...rows)), StreamError, 'auth-failed');
  });

  it('refuses an oversized chunk before decrypting it, and an undersized row', async () => {
    const { header } = crafted([]);
    await failsWith(() => readRows(header, [new Uint8Array(CIPHER_CHUNK_BYTES + 1)]), StreamError, 'chunk-size');
    await failsWith(() => readRows(header, [new Uint8Array(16)]), StreamError, 'chunk-size');
  });

  it('refuses an empty FINAL chunk after data (one plaintext, one encoding)', async () => {
    const { header, rows } = crafted([{ length: CHUNK_BYTES, tag: TAG.message }, { length: 0, tag: TAG.final }]);
    await failsWith(() => readRows(header, rows, { allowEmpty: true }), StreamError, 'chunk-size');
  });

  it('refuses PUSH and REKEY tags', async () => {
    for (const tag of [TAG.push, TAG.rekey]) {
      const { header, rows } = crafted([{ length: CHUNK_BYTES, tag }, { length: 1, tag: TAG.final }]);
      await failsWith(() => readRows(header, rows), StreamError, 'bad-tag');
    }
  });

  it('refuses a header of the wrong size and a reader used after failing', async () => {
    await failsWith(() => ChunkDecryptor.create(key, new Uint8Array(23)), StreamError, 'bad-header');
    const { header, rows } = await threeChunks();
    const decryptor = await ChunkDecryptor.create(key, header, { ad });
    expect(() => decryptor.pull(rows[1] as Uint8Array)).toThrow(StreamError);
    expect(() => decryptor.pull(rows[0] as Uint8Array)).toThrow(/already failed/);
  });
});
