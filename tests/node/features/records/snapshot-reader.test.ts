// Reading a saved index's bytes a batch of items at a time (snapshot-reader.ts): the items
// come out exactly as JSON.parse of each whole line gives them, whatever a string holds
// (commas, brackets, quotes, escapes, Arabic), however the batches fall; anything that is not
// `["k",item,…]` lines after a header throws instead of being half read.
import { describe, expect, it } from 'vitest';
import { itemBatches, readHeader } from '../../../../renderer/src/features/records/search/snapshot-reader';

const bytesOf = (lines: readonly unknown[]) => new TextEncoder().encode(lines.map((line) => JSON.stringify(line)).join('\n'));

/** The header, every line's items by kind (each kind here has one line), and how many batches came. */
function readAll(bytes: Uint8Array): { header: unknown; lines: Map<string, unknown[]>; batches: number } {
  const { value, next } = readHeader(bytes);
  const lines = new Map<string, unknown[]>();
  let batches = 0;
  for (const [kind, items] of itemBatches(bytes, next)) {
    batches += 1;
    lines.set(kind, [...(lines.get(kind) ?? []), ...items]);
  }
  return { header: value, lines, batches };
}

describe('saved index reader', () => {
  it('gives each line\'s items as JSON.parse does, in batches of a few KB', () => {
    const awkward = ['a,b', 'x]y', 'q"uote', 'back\\slash', '{not: an object}', 'صيدنايا', '\u2028', 'tab\tnew\nline', ''];
    const terms = Array.from({ length: 3000 }, (_, n) => [`${awkward[n % awkward.length]}${n}`, [[n % 5, 'vAB', n % 7 === 0 ? [1, 2] : 0]]]);
    const rows = Array.from({ length: 500 }, (_, n) => [n, `id${n}`, 1, `REF-${n}`, [1, 2, 3, 4, 5], []]);
    const bytes = bytesOf([{ v: 4, e: [] }, ['t', ...rows], ['i', ...terms]]);
    const read = readAll(bytes);
    expect(read.header).toEqual({ v: 4, e: [] });
    expect([...read.lines.keys()]).toEqual(['t', 'i']);
    expect(read.lines.get('t')).toEqual(rows);
    expect(read.lines.get('i')).toEqual(terms);
    // The term line is ~60 KB: it came in several batches.
    expect(read.batches).toBeGreaterThan(3);
  });

  it('reads a header alone, and a line with one item longer than a batch', () => {
    expect(readAll(bytesOf([{ v: 4 }])).lines.size).toBe(0);
    const long = ['x'.repeat(100_000)];
    const read = readAll(bytesOf([{ v: 4 }, ['i', long, long]]));
    expect(read.lines.get('i')).toEqual([long, long]);
    expect(read.batches).toBe(2);
  });

  it('throws on anything but header and ["k",item,…] lines', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const bad = [
      '{"v":4}\n',
      '{"v":4}\n["t"]',
      '{"v":4}\n["t",]',
      '{"v":4}\n["t",1,,2]',
      '{"v":4}\n["t",1,2',
      '{"v":4}\n["t",1,2]x',
      '{"v":4}\n["t",1,2]]',
      '{"v":4}\n["t",[1,2]',
      '{"v":4}\n["T",1]',
      '{"v":4}\n ["t",1]',
      '{"v":4}\n{"t":1}',
      '{"v":4}\n["t","unfinished]',
      '{"v":4}\n["t",\uFEFF1]',
      'not json\n["t",1]',
    ];
    for (const text of bad) {
      expect(() => [...itemBatches(encode(text), readHeader(encode(text)).next)], text).toThrow();
    }
    // Bytes that are not UTF-8, inside an item.
    const bytes = Uint8Array.of(...encode('{"v":4}\n["t","'), 0xff, ...encode('"]'));
    expect(() => [...itemBatches(bytes, readHeader(bytes).next)]).toThrow();
  });
});
