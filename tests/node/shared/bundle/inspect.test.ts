/** Inspecting a bundle without keys: the header summary, strictly parsed, nothing decrypted. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { inspectBundle } from '../../../../shared/bundle/inspect';
import { readBundle } from '../../../../shared/bundle/reader';
import { failsWith, source } from '../stream/helpers';
import { BOB, CAROL, bob, to, withPassphrase, writeBytes } from './helpers';

describe('inspectBundle', () => {
  it('summarises stanzas and sizes without any key', async () => {
    const bytes = await writeBytes({ recipients: [to(BOB), to(CAROL), withPassphrase()] });
    const result = await inspectBundle(source(bytes, 50), bytes.length);
    expect(result.stanzas).toEqual([{ type: 'x25519' }, { type: 'x25519' }, { type: 'passphrase', ops: 2, mem: 19 * 1024 * 1024 }]);
    expect(result.headerBytes).toBe(8 + 2 * 83 + 99 + 32);
    expect(result.headerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.payload?.chunks).toBe(2);
    expect(result.payload?.bytes).toBe(bytes.length - result.headerBytes);
  });

  it('refuses what the reader refuses in the header', async () => {
    const bytes = await writeBytes();
    const bad = bytes.slice();
    bad[5] = 1;
    await failsWith(() => inspectBundle(source(bad)), BundleError, 'bad-flags');
  });
});

describe('arbitrary input', () => {
  it('never throws anything but BundleError (property)', async () => {
    const valid = await writeBytes();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ maxLength: 600 }).map((tail) => Uint8Array.from([...valid.subarray(0, 8), ...tail]))), async (bytes) => {
        await expect(readBundle(source(bytes, 7), { unlock: { identity: bob } })).rejects.toBeInstanceOf(BundleError);
        await inspectBundle(source(bytes)).then(
          (result) => expect(result.stanzas.length).toBeGreaterThan(0),
          (error: unknown) => expect(error).toBeInstanceOf(BundleError),
        );
      }),
      { numRuns: 150 },
    );
  });
});
