/**
 * How the reader drives a slow (asynchronous) quarantine sink: it decrypts and hashes the next
 * piece while the sink writes the previous one, but never has more than one write in flight,
 * keeps every call in order, finishes the last write before `endEntry`, and on a failure lets a
 * running write settle before it rejects (the caller's cleanup may close the file next).
 */
import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../../shared/bundle/entries';
import type { QuarantineSink } from '../../../../shared/bundle/entry-reader';
import { BundleError } from '../../../../shared/bundle/errors';
import { CIPHER_CHUNK_BYTES } from '../../../../shared/stream/secretstream';
import { digest, failsWith, pattern, source } from '../stream/helpers';
import { id, read, writeBytes } from './helpers';

/** A sink whose writes settle a few event-loop turns later, recording what it saw. */
function slowSink(failOnWrite?: number) {
  const calls: string[] = [];
  const parts: Uint8Array[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let writes = 0;
  const sink: QuarantineSink = {
    beginEntry(_entry, index) {
      calls.push(`begin ${index} (${inFlight} in flight)`);
      parts.push([]);
    },
    async write(bytes) {
      const n = ++writes;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      parts[parts.length - 1]?.push(bytes.slice());
      inFlight--;
      if (n === failOnWrite) throw new Error('disk full (simulated)');
    },
    endEntry(_entry, index) {
      calls.push(`end ${index} (${inFlight} in flight)`);
    },
  };
  return { sink, calls, parts, inFlight: () => inFlight, maxInFlight: () => maxInFlight, writes: () => writes };
}

const blob = (length: number) => describeEntry({ id: id(3), kind: 'blob', type: 'attachment', open: () => source(pattern(length, 3), 10_000) });

describe('a slow sink', () => {
  it('gets every byte, in order, one write at a time, each entry ended after its last write', async () => {
    const bytes = await writeBytes({ entries: [await blob(300_000)] });
    const slow = slowSink();
    await read(bytes, { sink: slow.sink, totalBytes: bytes.length });
    expect(slow.maxInFlight()).toBe(1);
    expect(slow.writes()).toBeGreaterThan(4); // several pieces, so overlap was possible
    expect(slow.calls).toEqual(['begin 0 (0 in flight)', 'end 0 (0 in flight)']);
    const joined = Uint8Array.from((slow.parts[0] ?? []).flatMap((part) => [...part]));
    expect(digest(joined)).toEqual(digest(pattern(300_000, 3)));
  });

  it('has no write running when a later chunk fails authentication', async () => {
    const bytes = await writeBytes({ entries: [await blob(300_000)] });
    const tampered = bytes.slice();
    const at = tampered.length - CIPHER_CHUNK_BYTES; // inside the last full chunk, after writes began
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    const slow = slowSink();
    await failsWith(() => read(tampered, { sink: slow.sink }), BundleError, 'payload-auth-failed');
    expect(slow.writes()).toBeGreaterThan(0);
    expect(slow.inFlight()).toBe(0);
  });

  it('passes on the sink’s own failure, with no write left running', async () => {
    const bytes = await writeBytes({ entries: [await blob(300_000)] });
    const slow = slowSink(2);
    await expect(read(bytes, { sink: slow.sink })).rejects.toThrow('disk full (simulated)');
    expect(slow.inFlight()).toBe(0);
    expect(slow.writes()).toBeLessThanOrEqual(3); // stopped at the failure, not after the entry
  });
});
