// The parallel SHA-256 of attachment bytes (vault/worker/attachment-hasher.ts): it runs on its
// own worker here (real Chromium), and gives WebCrypto's digest whatever the piece sizes, with
// several streams interleaved, and past its back-pressure mark (more than 8 MiB posted).
import { describe, expect, it } from 'vitest';
import { hashingWorkerRuns, openSha256 } from '../../../renderer/src/vault/worker/attachment-hasher';
import { patternBytes, sha256Hex } from './support';

const MiB = 1024 * 1024;

/** Feeds `bytes` to a hash stream cut at `cuts` (offsets), and returns the digest. */
async function hashInPieces(bytes: Uint8Array, cuts: readonly number[]): Promise<string> {
  const stream = await openSha256();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    await stream.update(bytes.subarray(at, cut));
    at = cut;
  }
  return stream.digest();
}

describe('the hashing worker', () => {
  it('starts in the browser, so hashing leaves the thread that encrypts', async () => {
    expect(await hashingWorkerRuns()).toBe(true);
  });

  it('gives the SHA-256 of the bytes as given, for any piece sizes', async () => {
    for (const [length, cuts] of [
      [0, []],
      [1, []],
      [MiB - 1, [1, 65_536]],
      [MiB, [MiB - 1]],
      [MiB + 1, [0, 0, MiB]],
      [3 * MiB + 5, [7, 2 * MiB, 2 * MiB + 1]],
    ] as const) {
      const bytes = patternBytes(length, length + 3);
      expect(await hashInPieces(bytes, cuts)).toBe(await sha256Hex(bytes));
    }
  });

  it('keeps interleaved streams apart, also past the back-pressure mark, and leaves the caller its bytes', async () => {
    const a = patternBytes(20 * MiB + 17, 11);
    const b = patternBytes(5 * MiB + 3, 12);
    const before = await sha256Hex(a);
    const [left, right] = await Promise.all([openSha256(), openSha256()]);
    for (let at = 0; at < a.length; at += 3 * MiB) {
      await left.update(a.subarray(at, at + 3 * MiB));
      if (at < b.length) await right.update(b.subarray(at, at + 3 * MiB));
    }
    expect(await right.digest()).toBe(await sha256Hex(b));
    expect(await left.digest()).toBe(before);
    expect(await sha256Hex(a)).toBe(before); // copied, not taken: the caller's bytes are intact
  });

  it('refuses a stream once it is finished or dropped', async () => {
    const done = await openSha256();
    await done.update(new Uint8Array([1, 2, 3]));
    expect(await done.digest()).toBe(await sha256Hex(new Uint8Array([1, 2, 3])));
    await expect(done.update(new Uint8Array([4]))).rejects.toThrow();
    const dropped = await openSha256();
    await dropped.update(new Uint8Array([1]));
    dropped.dispose();
    await expect(dropped.digest()).rejects.toThrow();
  });
});
