// Utf8Sink (shared/stream/utf8-sink.ts): the same bytes as encoding the whole text at once,
// across growth, with every buffer it stops using handed to `discard`.
import { describe, expect, it } from 'vitest';
import { Utf8Sink } from '../../../../shared/stream/utf8-sink';

describe('Utf8Sink', () => {
  it('gives the UTF-8 of everything appended, across growth, and hands back each buffer it drops', () => {
    const discarded: number[] = [];
    const sink = new Utf8Sink(8, (bytes) => discarded.push(bytes.length));
    const pieces = ['سجل', ' register ', '🙂', 'صيدنايا'.repeat(40), ''];
    for (const piece of pieces) sink.append(piece);

    expect(sink.finish()).toEqual(new TextEncoder().encode(pieces.join('')));
    expect(discarded.length).toBeGreaterThanOrEqual(2); // outgrown at least once, then the last at finish
    expect(sink.finish()).toEqual(new Uint8Array(0));
  });
});
