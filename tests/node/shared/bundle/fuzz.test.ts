/**
 * A mutation fuzzer over valid bundles (issue 6 item 7): bytes flipped, the file cut, ranges
 * duplicated, ranges spliced in from another valid bundle, bytes inserted. `readBundle` must
 * refuse every mutation that changes the bytes with a `BundleError` (never another error type,
 * never hang: each run is bounded by fast-check's own `timeout`), and the quarantine sink must
 * never hold a finished entry it could mistake for a verified one.
 *
 * What "finished" can mean is fixed by the streaming design (docs/bundle-format.md §8): entries
 * reach the sink as they are decrypted and hashed, and only `readBundle` resolving says the
 * whole bundle verified. With the size known (every file reader passes it, as the app and the
 * command line do), a bundle whose payload is one chunk never finishes any entry when mutated
 * (same-size damage fails the chunk's authentication, other sizes fail step 11 before the first
 * entry); a longer bundle never finishes its last entry, and the caller drops the rest.
 * Seeded, with moderate run counts, so it costs seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { recordEntry } from '../../../../shared/bundle/entries';
import type { ReadBundleOptions } from '../../../../shared/bundle/reader';
import { CIPHER_CHUNK_BYTES } from '../../../../shared/stream/secretstream';
import { concat, pattern } from '../stream/helpers';
import { PASSPHRASE, id, memorySink, read, sampleEntries, withPassphrase, writeBytes } from './helpers';

/** Entries small enough that the whole payload is one chunk. */
async function smallEntries() {
  return [
    await recordEntry({ id: id(1), type: 'testimony', json: '{"code":"T-2026-0042","summary":"Fictional account for tests"}' }),
    ...(await sampleEntries(2_000)).slice(1),
  ];
}

interface Subject {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Another valid bundle of the same kind, to splice from. */
  readonly other: Uint8Array;
  readonly entries: number;
  /** Header bytes: 8 fixed + stanzas (3 + body) + 32 MAC. */
  readonly headerBytes: number;
  readonly options: Partial<ReadBundleOptions>;
}

const small = { entries: await smallEntries() };
const X25519_SMALL: Subject = { name: 'X25519, one chunk', bytes: await writeBytes(small), other: await writeBytes({ ...small, senderSeq: 8 }), entries: 3, headerBytes: 123, options: {} };
const X25519_TWO_CHUNKS: Subject = { name: 'X25519, two chunks', bytes: await writeBytes(), other: await writeBytes({ senderSeq: 8 }), entries: 3, headerBytes: 123, options: {} };
const backup = { ...small, recipients: [withPassphrase()] };
const PASSPHRASE_SMALL: Subject = { name: 'passphrase, one chunk', bytes: await writeBytes(backup), other: await writeBytes({ ...backup, senderSeq: 8 }), entries: 3, headerBytes: 8 + 99 + 32, options: { unlock: { passphrase: PASSPHRASE } } };

/** How many payload chunks a subject has. */
const chunksOf = (subject: Subject) => Math.ceil((subject.bytes.length - subject.headerBytes - 24) / CIPHER_CHUNK_BYTES);

/** A position: often inside the header and the first frames, where the parsers are. */
const position = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.nat());
const range = fc.record({ start: position, length: fc.integer({ min: 1, max: 400 }) });

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), range, at: position }),
  fc.record({ kind: fc.constant('splice' as const), range, from: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies `m` to `bytes` (positions taken modulo the length); `other` is the splice source. */
function mutate(bytes: Uint8Array, other: Uint8Array, m: Mutation): Uint8Array {
  const at = (n: number, length = bytes.length) => n % (length + 1);
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      const i = m.at % bytes.length;
      out[i] = (out[i] ?? 0) ^ m.mask;
      return out;
    }
    case 'cut':
      return bytes.subarray(0, at(m.at) % bytes.length);
    case 'duplicate': {
      const start = at(m.range.start);
      const copy = bytes.subarray(start, start + m.range.length);
      const where = at(m.at);
      return concat(bytes.subarray(0, where), copy, bytes.subarray(where));
    }
    case 'splice': {
      const start = at(m.range.start);
      const from = at(m.from, other.length);
      const foreign = other.subarray(from, from + m.range.length);
      return concat(bytes.subarray(0, start), foreign, bytes.subarray(start + foreign.length));
    }
    case 'insert': {
      const where = at(m.at);
      return concat(bytes.subarray(0, where), m.bytes, bytes.subarray(where));
    }
  }
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Reads a mutation of `subject`; asserts a BundleError and what the sink may have finished. */
async function refusesMutation(subject: Subject, m: Mutation, piece: number, sizeKnown: boolean): Promise<void> {
  const bytes = mutate(subject.bytes, subject.other, m);
  fc.pre(!same(bytes, subject.bytes));
  const { sink, entries } = memorySink();
  const error = await read(bytes, { ...subject.options, sink, ...(sizeKnown ? { totalBytes: bytes.length } : {}) }, piece).then(
    () => new Error('a mutated bundle was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  const finished = entries.filter((e) => e.ended).length;
  if (!sizeKnown) return; // trailing bytes are found after the last entry (the caller drops them all)
  if (chunksOf(subject) <= 1) expect(finished).toBe(0);
  else expect(finished).toBeLessThan(subject.entries);
}

const RUN = { seed: 0x5131_6c6c, timeout: 20_000 } as const;

describe('mutation fuzzer over valid bundles', () => {
  it('has the shapes it assumes: valid bundles of one and two chunks', async () => {
    for (const subject of [X25519_SMALL, X25519_TWO_CHUNKS, PASSPHRASE_SMALL]) {
      const { sink, entries } = memorySink();
      await read(subject.bytes, { ...subject.options, sink, totalBytes: subject.bytes.length });
      expect(entries.map((e) => e.ended)).toEqual([true, true, true]);
    }
    expect([X25519_SMALL, PASSPHRASE_SMALL, X25519_TWO_CHUNKS].map(chunksOf)).toEqual([1, 1, 2]);
  });

  it('refuses every mutation of X25519 bundles with a BundleError, finishing no entry it should not (size known)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(X25519_SMALL, X25519_TWO_CHUNKS), mutation, fc.constantFrom(1_000, 8_192, 65_536), (subject, m, piece) => refusesMutation(subject, m, piece, true)),
      { ...RUN, numRuns: 200 },
    );
  }, 120_000);

  it('refuses every mutation read as a stream of unknown size with a BundleError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(X25519_SMALL, X25519_TWO_CHUNKS), mutation, (subject, m) => refusesMutation(subject, m, 8_192, false)),
      { ...RUN, numRuns: 100 },
    );
  }, 120_000);

  // Each read that gets past the header runs Argon2id (19 MiB): fewer runs.
  it('refuses every mutation of a passphrase bundle with a BundleError', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, (m) => refusesMutation(PASSPHRASE_SMALL, m, 8_192, true)),
      { ...RUN, numRuns: 40 },
    );
  }, 120_000);

  it('keeps to BundleError on arbitrary bytes after a valid header', async () => {
    const header = X25519_SMALL.bytes.subarray(0, 123);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (tail) => {
        await expect(read(concat(header, tail))).rejects.toBeInstanceOf(BundleError);
      }),
      { ...RUN, numRuns: 100 },
    );
    await expect(read(concat(header, pattern(500)), {}, 7)).rejects.toBeInstanceOf(BundleError);
  });
});
