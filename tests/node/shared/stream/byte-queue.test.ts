/** Pull-based reading across pieces of any size, with a size limit and early release of the source. */
import { describe, expect, it } from 'vitest';
import { ByteQueue } from '../../../../shared/stream/byte-queue';
import { items, pattern, source } from './helpers';

describe('ByteQueue', () => {
  it('reads exact lengths across piece boundaries, and fewer only at the end', async () => {
    const bytes = pattern(100);
    const queue = new ByteQueue(items([bytes.subarray(0, 3), new Uint8Array(0), bytes.subarray(3, 50), bytes.subarray(50)]));
    expect(await queue.read(10)).toEqual(bytes.subarray(0, 10));
    expect(await queue.read(45)).toEqual(bytes.subarray(10, 55));
    expect(queue.position).toBe(55);
    expect(await queue.readSome(1000)).toEqual(bytes.subarray(55));
    expect(await queue.atEnd()).toBe(true);
    expect(await queue.read(5)).toHaveLength(0);
    expect(await queue.readSome(5)).toHaveLength(0);
  });

  it('refuses more input than its limit with the caller’s error', async () => {
    const queue = new ByteQueue(source(pattern(100), 30), { maxBytes: 50, tooLarge: () => new RangeError('limit') });
    await expect(queue.read(100)).rejects.toThrow('limit');
  });

  it('refuses pieces that are not byte arrays and bad lengths', async () => {
    const queue = new ByteQueue((async function* () {
      yield 'text' as unknown as Uint8Array;
    })());
    await expect(queue.read(1)).rejects.toThrow(TypeError);
    await expect(new ByteQueue(items([])).read(-1)).rejects.toThrow(RangeError);
    await expect(new ByteQueue(items([])).readSome(0)).rejects.toThrow(RangeError);
  });

  it('releases the source when closed', async () => {
    let released = false;
    const queue = new ByteQueue((async function* () {
      try {
        yield pattern(10);
        yield pattern(10);
      } finally {
        released = true;
      }
    })());
    await queue.read(5);
    await queue.close();
    expect(released).toBe(true);
    await queue.close();
  });
});
