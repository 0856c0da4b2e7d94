/**
 * Round trips of the strict secretstream over byte streams and rows, at the boundary sizes of
 * DESIGN.md §12 (0, 1, 64 KiB ± 1, 257 chunks), with inputs cut into pieces of any size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSodium } from '../../../../shared/crypto/sodium';
import { StreamError } from '../../../../shared/stream/errors';
import { CHUNK_BYTES, CIPHER_CHUNK_BYTES, ChunkDecryptor, ChunkEncryptor } from '../../../../shared/stream/secretstream';
import { decryptChunks, decryptStream, encryptChunks, encryptStream, encryptedStreamLength, plaintextLengthOf } from '../../../../shared/stream/streams';
import type { Digests } from '../../../../shared/stream/hashing';
import { collect, collectItems, digest, failsWith, items, pattern, source } from './helpers';

const s = await getSodium();
const key = pattern(32, 7);
const ad = new TextEncoder().encode('attachment 42');

describe('byte-stream round trips', () => {
  it.each([1, 2, 1000, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES, 3 * CHUNK_BYTES + 5])('round-trips %i bytes at the exact predicted size', async (length) => {
    const plaintext = pattern(length, length);
    const ciphertext = await collect(encryptStream(key, source(plaintext, 4096), { ad }));
    expect(ciphertext.length).toBe(encryptedStreamLength(length));
    expect(plaintextLengthOf(ciphertext.length)).toBe(length);
    expect(digest(await collect(decryptStream(key, source(ciphertext, 5000), { ad })))).toBe(digest(plaintext));
  });

  it('round-trips 257 chunks and cuts every non-final chunk at exactly 65553 bytes', async () => {
    const length = 256 * CHUNK_BYTES + 3;
    const plaintext = pattern(length, 3);
    const encryptor = await ChunkEncryptor.create(key, { ad });
    const rows = await collectItems(encryptChunks(encryptor, source(plaintext, 100_000)));
    expect(rows).toHaveLength(257);
    expect(rows.slice(0, -1).every((row) => row.length === CIPHER_CHUNK_BYTES)).toBe(true);
    expect(rows.at(-1)).toHaveLength(3 + 17);
    const decryptor = await ChunkDecryptor.create(key, encryptor.header, { ad, expect: { length } });
    expect(digest(await collect(decryptChunks(decryptor, items(rows))))).toBe(digest(plaintext));
  });

  it('round-trips any plaintext cut into any pieces (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 * CHUNK_BYTES }), fc.integer({ min: 1, max: 70_000 }), fc.integer({ min: 1, max: 70_000 }), async (length, inPiece, outPiece) => {
        const plaintext = pattern(length, length + inPiece);
        const ciphertext = await collect(encryptStream(key, source(plaintext, inPiece)));
        expect(digest(await collect(decryptStream(key, source(ciphertext, outPiece))))).toBe(digest(plaintext));
      }),
      { numRuns: 25 },
    );
  });

  it('predicts sizes consistently and rejects sizes no stream can have', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (length) => plaintextLengthOf(encryptedStreamLength(length)) === Math.max(length, 0)),
    );
    expect(plaintextLengthOf(24 + CIPHER_CHUNK_BYTES + 5)).toBeUndefined();
    expect(plaintextLengthOf(10)).toBeUndefined();
  });
});

describe('empty streams', () => {
  it('refuses to write an empty stream unless allowed', async () => {
    await failsWith(() => collect(encryptStream(key, source(new Uint8Array(0)))), StreamError, 'empty');
  });

  it('represents an allowed empty stream as one 0-byte FINAL chunk (17 bytes)', async () => {
    const encryptor = await ChunkEncryptor.create(key, { allowEmpty: true });
    const rows = await collectItems(encryptChunks(encryptor, source(new Uint8Array(0))));
    expect(rows.map((row) => row.length)).toEqual([17]);
    const decryptor = await ChunkDecryptor.create(key, encryptor.header, { allowEmpty: true, expect: { length: 0 } });
    expect(await collect(decryptChunks(decryptor, items(rows)))).toHaveLength(0);
  });

  it('refuses an empty stream where empty is not allowed, and an empty stream with no chunk at all', async () => {
    const encryptor = await ChunkEncryptor.create(key, { allowEmpty: true });
    const rows = await collectItems(encryptChunks(encryptor, source(new Uint8Array(0))));
    await failsWith(async () => collect(decryptChunks(await ChunkDecryptor.create(key, encryptor.header), items(rows))), StreamError, 'empty');
    await failsWith(async () => collect(decryptChunks(await ChunkDecryptor.create(key, encryptor.header, { allowEmpty: true }), items([]))), StreamError, 'truncated');
  });
});

describe('hashes and lengths', () => {
  const plaintext = pattern(CHUNK_BYTES + 99, 11);
  const sha256 = s.crypto_hash_sha256(plaintext);
  const blake2b = s.crypto_generichash(32, plaintext, null);

  it('computes SHA-256 and BLAKE2b-256 incrementally, on both sides, equal to one-shot hashes', async () => {
    let written: Digests | undefined;
    let read: Digests | undefined;
    const ciphertext = await collect(encryptStream(key, source(plaintext, 777), { hash: ['sha256', 'blake2b'], onComplete: (d) => (written = d) }));
    await collect(decryptStream(key, source(ciphertext), { expect: { length: plaintext.length, sha256, blake2b }, onComplete: (d) => (read = d) }));
    expect(written).toEqual({ length: plaintext.length, sha256, blake2b });
    expect(read).toEqual({ length: plaintext.length, sha256, blake2b });
  });

  it('refuses a wrong expected length, SHA-256 or BLAKE2b, and more than the maximum', async () => {
    const ciphertext = await collect(encryptStream(key, source(plaintext)));
    const open = (options: Parameters<typeof decryptStream>[2]) => () => collect(decryptStream(key, source(ciphertext), options));
    await failsWith(open({ expect: { length: plaintext.length + 1 } }), StreamError, 'length-mismatch');
    await failsWith(open({ expect: { length: plaintext.length - 1 } }), StreamError, 'length-mismatch');
    await failsWith(open({ expect: { sha256: blake2b } }), StreamError, 'hash-mismatch');
    await failsWith(open({ expect: { blake2b: sha256 } }), StreamError, 'hash-mismatch');
    await failsWith(open({ maxLength: CHUNK_BYTES }), StreamError, 'too-long');
  });
});

describe('streaming', () => {
  it('decrypts chunk by chunk without reading ahead of what it returns', async () => {
    const plaintext = pattern(8 * CHUNK_BYTES, 5);
    const ciphertext = await collect(encryptStream(key, source(plaintext)));
    let pulled = 0;
    const counting = (async function* () {
      for await (const piece of source(ciphertext, 1000)) {
        pulled += piece.length;
        yield piece;
      }
    })();
    const iterator = decryptStream(key, counting)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toHaveLength(CHUNK_BYTES);
    expect(pulled).toBeLessThanOrEqual(24 + CIPHER_CHUNK_BYTES + 1000);
    await iterator.return?.(undefined);
  });

  it('writes the same bytes from the same injected randomness, and libsodium reads them', async () => {
    const fixed = () => pattern(24, 99);
    const a = await collect(encryptStream(key, source(pattern(300)), { random: fixed, ad }));
    const b = await collect(encryptStream(key, source(pattern(300)), { random: fixed, ad }));
    expect(digest(a)).toBe(digest(b));
    const state = s.crypto_secretstream_xchacha20poly1305_init_pull(a.subarray(0, 24), key);
    const opened = s.crypto_secretstream_xchacha20poly1305_pull(state, a.subarray(24), ad);
    expect(opened && opened.tag).toBe(s.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    expect(opened && opened.message).toEqual(pattern(300));
  });

  it('reads a stream written by libsodium init_push', async () => {
    const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
    const first = s.crypto_secretstream_xchacha20poly1305_push(state, pattern(CHUNK_BYTES, 1), ad, s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    const last = s.crypto_secretstream_xchacha20poly1305_push(state, pattern(10, 2), ad, s.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    const decryptor = await ChunkDecryptor.create(key, header, { ad });
    expect((await collectItems(decryptChunks(decryptor, items([first, last])))).map(digest)).toEqual([digest(pattern(CHUNK_BYTES, 1)), digest(pattern(10, 2))]);
  });

  it('refuses misuse on the writing side', async () => {
    await failsWith(() => ChunkEncryptor.create(new Uint8Array(31)), StreamError, 'invalid-input');
    const encryptor = await ChunkEncryptor.create(key);
    expect(() => encryptor.push(new Uint8Array(10), false)).toThrow(StreamError);
    expect(() => encryptor.push(new Uint8Array(CHUNK_BYTES + 1), true)).toThrow(StreamError);
    expect(() => encryptor.finish()).toThrow(StreamError);
    encryptor.push(new Uint8Array(1), true);
    expect(() => encryptor.push(new Uint8Array(1), true)).toThrow(StreamError);
  });
});
