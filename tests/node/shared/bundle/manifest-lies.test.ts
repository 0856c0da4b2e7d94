/**
 * Bundles whose every cryptographic layer is intact but whose manifest or frames lie, as a
 * malicious sender can write them: lengths, hashes, counts, order, kinds, leading frames,
 * trailing frames, records that are not JSON.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { FRAME, ZERO_ID, encodeFrameHeader } from '../../../../shared/bundle/frames';
import { concat, failsWith, pattern } from '../stream/helpers';
import { DEFAULT_ENTRIES, craftBundle, entryFrame, type CraftEntry } from './craft';
import { id, memorySink, read } from './helpers';

const [rec1, blob2, rec3] = DEFAULT_ENTRIES as [CraftEntry, CraftEntry, CraftEntry];

async function refuses(craft: Parameters<typeof craftBundle>[0], code: string, options = {}) {
  const { bytes } = await craftBundle(craft);
  return failsWith(() => read(bytes, options), BundleError, code);
}

describe('an honest crafted bundle', () => {
  it('opens (so every refusal below is caused by its one lie)', async () => {
    const { bytes } = await craftBundle();
    const { sink, entries } = memorySink();
    const result = await read(bytes, { sink, totalBytes: bytes.length });
    expect(result.sender.trust.status).toBe('verified');
    expect(entries.map((e) => e.ended)).toEqual([true, true, true]);
  });
});

describe('manifest that lies about entries', () => {
  it('about a length (caught early when the size is known, else at the frame)', async () => {
    const lie = { manifest: (m: { entries: { length: number }[] }) => ((m.entries[1] as { length: number }).length = 999, m) };
    await refuses(lie, 'entry-length-mismatch');
    const { bytes } = await craftBundle(lie);
    await failsWith(() => read(bytes, { totalBytes: bytes.length }), BundleError, 'length-mismatch');
  });

  it('about a frame length matching a lying manifest (the hash still catches it)', async () => {
    const short = { ...blob2, bytes: blob2.bytes.subarray(0, 999) };
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(short), entryFrame(rec3)], manifest: (m) => ((m.entries[1] as { length: number }).length = 999, m) }, 'entry-hash-mismatch');
  });

  it('about a BLAKE2b or SHA-256 hash', async () => {
    await refuses({ manifest: (m) => ((m.entries[0] as { blake2b: string }).blake2b = '0'.repeat(64), m) }, 'entry-hash-mismatch');
    await refuses({ manifest: (m) => ((m.entries[1] as { sha256: string }).sha256 = 'f'.repeat(64), m) }, 'entry-hash-mismatch');
  });

  it('about the count: missing entries, an extra frame', async () => {
    await refuses({ frames: (f) => [f.manifest, f.signature, ...f.entries.slice(0, 2)] }, 'entry-missing');
    await refuses({ frames: (f) => [f.manifest, f.signature, ...f.entries, entryFrame({ ...rec1, id: id(40) })] }, 'trailing-frames');
    await refuses({ frames: (f) => [f.manifest, f.signature, ...f.entries, Uint8Array.of(0)] }, 'trailing-frames');
  });

  it('about the order: reordered, duplicated and unlisted entries', async () => {
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(blob2), entryFrame(rec1), entryFrame(rec3)] }, 'entry-out-of-order');
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(rec1), entryFrame(rec3)] }, 'entry-duplicate');
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame({ ...blob2, id: id(99) }), entryFrame(rec3)] }, 'entry-unexpected');
  });

  it('about a kind', async () => {
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1, { kind: FRAME.blob }), ...f.entries.slice(1)] }, 'entry-kind-mismatch');
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1, { kind: 7 }), ...f.entries.slice(1)] }, 'entry-kind-mismatch');
  });

  it('about a frame length running past the payload', async () => {
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(blob2, { length: 2 ** 40 })] }, 'entry-length-mismatch');
    await refuses({ frames: (f) => [f.manifest, f.signature, entryFrame(rec1), concat(entryFrame(blob2).subarray(0, 1), new Uint8Array(24).fill(0xff))] }, 'frame-too-large');
  });

  it('with a record that is not a UTF-8 JSON object', async () => {
    for (const bytes of [Uint8Array.of(0x7b, 0xff, 0x7d), new TextEncoder().encode('[1,2]'), new TextEncoder().encode('{"a":')]) {
      await refuses({ entries: [{ id: id(1), kind: 'record', type: 'testimony', bytes }] }, 'record-invalid');
    }
  });
});

describe('leading frames', () => {
  it('refuses a missing, misplaced or malformed signature or manifest frame', async () => {
    await refuses({ frames: (f) => [f.signature, f.manifest, ...f.entries] }, 'bad-frame');
    await refuses({ frames: (f) => [f.manifest, ...f.entries] }, 'bad-frame');
    await refuses({ signature: (sig) => sig.subarray(0, 63) }, 'bad-frame');
    await refuses({ signature: (sig) => concat(sig, Uint8Array.of(0)) }, 'frame-too-large');
    await refuses({ frames: (f) => [concat(Uint8Array.of(0), id(1), f.manifest.subarray(17)), f.signature, ...f.entries] }, 'bad-frame');
  });

  it('refuses a manifest frame longer than 16 MiB before allocating it', async () => {
    const huge = encodeFrameHeader(FRAME.manifest, ZERO_ID, 16 * 1024 * 1024 + 1);
    await refuses({ frames: () => [huge, pattern(100)] }, 'manifest-too-large');
  });

  it('bounds the manifest frame by the stated bundle size', async () => {
    const big = encodeFrameHeader(FRAME.manifest, ZERO_ID, 1_000_000);
    const { bytes } = await craftBundle({ frames: () => [big, pattern(100)] });
    await failsWith(() => read(bytes, { totalBytes: bytes.length }), BundleError, 'manifest-too-large');
  });
});
