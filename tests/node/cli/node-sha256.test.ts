/**
 * The tool's SHA-256 (node:crypto, injected into shared/bundle) must be the same function as
 * libsodium's, wherever the bytes are cut, and checks must not weaken with it: a manifest that
 * lies about a blob's SHA-256 is still refused, and a broken platform hash fails closed.
 */
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '../../../cli/node-sha256';
import { describeEntry } from '../../../shared/bundle/entries';
import { BundleError } from '../../../shared/bundle/errors';
import { IncrementalHasher } from '../../../shared/stream/hashing';
import { craftBundle } from '../shared/bundle/craft';
import { id, memorySink, read, s, writeBytes } from '../shared/bundle/helpers';
import { failsWith, pattern, source } from '../shared/stream/helpers';

describe('nodeSha256', () => {
  it.each([0, 1, 63, 64, 65_536, 200_003])('equals libsodium SHA-256 on %i bytes fed in uneven pieces', (length) => {
    const bytes = pattern(length, length + 5);
    const state = nodeSha256();
    for (let at = 0; at < length; at += 1000 + (at % 7)) state.update(bytes.subarray(at, at + 1000 + (at % 7)));
    const digest = state.digest();
    expect(digest.constructor).toBe(Uint8Array); // a plain array, comparable with libsodium's
    expect(digest).toEqual(s.crypto_hash_sha256(bytes));
  });

  it('gives describeEntry the same length and hashes as the default', async () => {
    const description = { id: id(8), kind: 'blob', type: 'attachment', open: () => source(pattern(150_000, 8), 9999) } as const;
    const native = await describeEntry(description, { sha256: nodeSha256 });
    const wasm = await describeEntry(description);
    expect({ length: native.length, blake2b: native.blake2b, sha256: native.sha256 }).toEqual({ length: wasm.length, blake2b: wasm.blake2b, sha256: wasm.sha256 });
  });
});

describe('readBundle with the injected SHA-256', () => {
  it('opens a bundle and delivers every entry as without it', async () => {
    const bytes = await writeBytes();
    const native = memorySink();
    const wasm = memorySink();
    const a = await read(bytes, { sink: native.sink, totalBytes: bytes.length, sha256: nodeSha256 });
    const b = await read(bytes, { sink: wasm.sink, totalBytes: bytes.length });
    expect(a.manifest).toEqual(b.manifest);
    expect(native.entries).toEqual(wasm.entries);
    expect(native.entries.map((e) => e.ended)).toEqual([true, true, true]);
  });

  it('still refuses a manifest that lies about a blob SHA-256 (BLAKE2b intact)', async () => {
    const { bytes } = await craftBundle({ manifest: (m) => ((m.entries[1] as { sha256: string }).sha256 = 'f'.repeat(64), m) });
    const error = await failsWith(() => read(bytes, { sha256: nodeSha256 }), BundleError, 'entry-hash-mismatch');
    expect(error.message).toContain('sha256');
  });

  it('fails closed when a platform SHA-256 returns anything but 32 bytes', async () => {
    const broken = () => ({ update() {}, digest: () => new Uint8Array(20) });
    const hasher = new IncrementalHasher(s, ['sha256'], { sha256: broken });
    hasher.update(Uint8Array.of(1, 2, 3));
    expect(() => hasher.digest()).toThrow(TypeError);
    const bytes = await writeBytes();
    await expect(read(bytes, { sha256: broken })).rejects.toThrow(TypeError);
  });
});
