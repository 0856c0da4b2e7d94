/**
 * The tool's hashing thread (cli/hash-thread.ts) must be the same functions as the in-thread
 * hashes wherever the bytes are cut, and reading through it must fail closed exactly as before:
 * a manifest that lies about a blob's BLAKE2b-256 or SHA-256 is refused, and so is a thread
 * that fails. Each test closes its thread; the run ending at all shows none is left running.
 */
import { randomFillSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntrySource } from '../../../shared/bundle/entries';
import type { QuarantineSink } from '../../../shared/bundle/entry-reader';
import { describeEntry } from '../../../shared/bundle/entries';
import { BundleError } from '../../../shared/bundle/errors';
import { writeBundle } from '../../../shared/bundle/writer';
import { IncrementalHasher, type HashName, type StreamingHasherFactory } from '../../../shared/stream/hashing';
import { startHashThread, type HashThread } from '../../../cli/hash-thread';
import { fixedRandom } from '../../fixtures/crypto/fixed-random';
import { craftBundle } from '../shared/bundle/craft';
import { baseOptions, id, memorySink, read, s, sampleEntries, writeBytes } from '../shared/bundle/helpers';
import { collect, failsWith, pattern, source } from '../shared/stream/helpers';

const threads: HashThread[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.close();
});

/** A thread closed after the test; a small bound so the tests also cross the waiting path. */
function thread(maxBatches = 2): HashThread {
  const started = startHashThread({ maxBatches });
  threads.push(started);
  return started;
}

function random(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) randomFillSync(bytes, at, Math.min(65_536, length - at));
  return bytes;
}

const KiB = 1024;
const MiB = 1024 * KiB;

describe('the hashing thread', () => {
  it.each([0, 1, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, MiB - 1, MiB + 1, 5 * MiB + 17])('gives the in-thread digests on %i random bytes', async (length) => {
    const bytes = random(length);
    const names: HashName[] = ['blake2b', 'sha256'];
    const hasher = thread().hasher(names);
    // Uneven pieces around the 64 KiB the reader hands out, so batches split pieces.
    for (let at = 0; at < length; ) {
      const size = 65_536 + ((at / 7) % 1000) - 500;
      const pending = hasher.update(bytes.subarray(at, at + size));
      if (pending) await pending;
      at += size;
    }
    const local = new IncrementalHasher(s, names);
    local.update(bytes);
    expect(await hasher.digest()).toEqual(local.digest());
  });

  it('keeps streams apart and hashes only BLAKE2b when asked', async () => {
    const { hasher, ready } = thread();
    await expect(ready).resolves.toBeUndefined();
    const a = hasher(['blake2b']);
    const b = hasher(['blake2b', 'sha256']);
    await a.update(pattern(100_000, 1));
    await b.update(pattern(70_000, 2));
    const local = new IncrementalHasher(s, ['blake2b']);
    local.update(pattern(100_000, 1));
    expect(await a.digest()).toEqual(local.digest());
    expect((await b.digest()).length).toBe(70_000);
  });

  it('refuses work once closed, without hanging', async () => {
    const started = startHashThread();
    const hasher = started.hasher(['sha256']);
    await started.close();
    await expect(started.ready).rejects.toThrow(/closed/);
    expect(() => hasher.update(new Uint8Array(10))).toThrow(/closed/);
    await expect(hasher.digest()).rejects.toThrow(/closed/);
  });
});

describe('readBundle through the hashing thread', () => {
  it('opens a bundle and delivers every entry as the in-thread hashes do', async () => {
    const bytes = await writeBytes();
    const threaded = memorySink();
    const local = memorySink();
    const a = await read(bytes, { sink: threaded.sink, totalBytes: bytes.length, hasher: thread().hasher });
    const b = await read(bytes, { sink: local.sink, totalBytes: bytes.length });
    expect(a.manifest).toEqual(b.manifest);
    expect(threaded.entries).toEqual(local.entries);
  });

  it.each(['blake2b', 'sha256'] as const)('refuses a blob whose %s the manifest lies about (the other hash intact)', async (field) => {
    const { bytes } = await craftBundle({ manifest: (m) => ((m.entries[1] as Record<typeof field, string>)[field] = 'f'.repeat(64), m) });
    const sink = memorySink();
    const error = await failsWith(() => read(bytes, { sink: sink.sink, hasher: thread().hasher }), BundleError, 'entry-hash-mismatch');
    expect(error.message).toContain(field);
    expect(sink.entries.filter((entry) => entry.ended)).toHaveLength(1); // the record before it only
  });

  it('fails the read, and ends no entry, when the thread goes away mid-entry', async () => {
    const bytes = await writeBytes({ entries: [(await sampleEntries(3 * MiB))[2] as EntrySource] });
    const failing = thread(1);
    let ended = 0;
    // The first write of the blob stops the thread, as a crash would.
    const sink: QuarantineSink = { beginEntry() {}, write: () => failing.close(), endEntry: () => void ended++ };
    await expect(read(bytes, { sink, hasher: failing.hasher }, 65_536)).rejects.toThrow(/closed/);
    expect(ended).toBe(0);
  });
});

describe('writeBundle checking each entry on the hashing thread', () => {
  /** The thread's hasher, recording what the writer asks of it. */
  function recording(started: HashThread) {
    const calls: string[] = [];
    let hashed = 0;
    const hasher: StreamingHasherFactory = (names) => {
      calls.push(`start ${names.join('+')}`);
      const inner = started.hasher(names);
      return {
        update: (bytes) => ((hashed += bytes.length), inner.update(bytes)),
        digest: () => (calls.push('digest'), inner.digest()),
        dispose: () => (calls.push('dispose'), inner.dispose()),
      };
    };
    return { hasher, calls, hashed: () => hashed };
  }

  it('writes the very bytes the in-thread check writes, hashing every entry there', async () => {
    const entries = await sampleEntries(2 * MiB + 5);
    const spy = recording(thread());
    const threaded = await collect((await writeBundle(await baseOptions({ entries, random: fixedRandom(s, 'thread'), hasher: spy.hasher }))).chunks);
    const local = await collect((await writeBundle(await baseOptions({ entries, random: fixedRandom(s, 'thread') }))).chunks);
    expect(threaded).toEqual(local);
    expect(spy.calls).toEqual(Array.from(entries, () => ['start blake2b', 'digest']).flat());
    expect(spy.hashed()).toBe(entries.reduce((sum, entry) => sum + entry.length, 0));
    const sink = memorySink();
    await read(threaded, { sink: sink.sink });
    expect(sink.entries.map((entry) => entry.bytes.length)).toEqual([entries[0]?.length, entries[1]?.length, 2 * MiB + 5]);
  });

  it.each([
    ['its bytes changed', (round: number) => pattern(200_000, round)],
    ['it grew', (round: number) => pattern(200_000 + (round > 1 ? 1 : 0), 1)],
    ['it shrank', (round: number) => pattern(200_000 - (round > 1 ? 1 : 0), 1)],
  ] as const)('refuses a source when %s after it was described', async (_what, bytesAt) => {
    let round = 0;
    const entries = [await describeEntry({ id: id(5), kind: 'blob', type: 'attachment', open: () => source(bytesAt(++round), 65_536) })];
    await failsWith(async () => collect((await writeBundle(await baseOptions({ entries, hasher: thread().hasher }))).chunks), BundleError, 'source-mismatch');
  });

  it("checks the platform hasher's digest, not one of its own", async () => {
    const entries = [await describeEntry({ id: id(5), kind: 'blob', type: 'attachment', open: () => source(pattern(100_000, 2), 65_536) })];
    const started = thread();
    const lying: StreamingHasherFactory = (names) => {
      const inner = started.hasher(names);
      return { ...inner, digest: async () => ({ ...(await inner.digest()), blake2b: new Uint8Array(32) }) };
    };
    await failsWith(async () => collect((await writeBundle(await baseOptions({ entries, hasher: lying }))).chunks), BundleError, 'source-mismatch');
  });

  it('ends the hash stream when the reader stops early, so the thread serves the next write', async () => {
    const started = thread(1);
    const spy = recording(started);
    const entries = [await describeEntry({ id: id(5), kind: 'blob', type: 'attachment', open: () => source(pattern(3 * MiB, 4), 65_536) })];
    const written = await writeBundle(await baseOptions({ entries, hasher: spy.hasher }));
    let pulled = 0;
    for await (const chunk of written.chunks) if (chunk.length > 0 && ++pulled === 5) break;
    expect(spy.calls).toEqual(['start blake2b', 'dispose']);
    // A batch the stopped stream kept would leave this one-batch thread waiting for ever.
    const again = await collect((await writeBundle(await baseOptions({ entries, hasher: started.hasher }))).chunks);
    const sink = memorySink();
    await read(again, { sink: sink.sink });
    expect(sink.entries[0]?.bytes.length).toBe(3 * MiB);
  });

  it('fails the write when the thread goes away mid-entry', async () => {
    const entries = [await describeEntry({ id: id(5), kind: 'blob', type: 'attachment', open: () => source(pattern(3 * MiB, 4), 65_536) })];
    const failing = thread(1);
    const written = await writeBundle(await baseOptions({ entries, hasher: failing.hasher }));
    let pulled = 0;
    await expect(
      (async () => {
        for await (const chunk of written.chunks) if (chunk.length > 0 && ++pulled === 3) await failing.close();
      })(),
    ).rejects.toThrow(/closed/);
  });
});
