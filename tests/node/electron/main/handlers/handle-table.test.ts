import { describe, expect, it } from 'vitest';
import { HandleTable, randomToken } from '../../../../../electron/main/handlers/handle-table';

describe('handle table', () => {
  it('hands out random tokens that fit the contract and never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, randomToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('retries on a collision instead of overwriting an entry', () => {
    const queue = ['a'.repeat(32), 'a'.repeat(32), 'b'.repeat(32)];
    const table = new HandleTable<string>(4, () => queue.shift() ?? 'z'.repeat(32));
    expect(table.add('first')).toBe('a'.repeat(32));
    expect(table.add('second')).toBe('b'.repeat(32));
    expect(table.get('a'.repeat(32))).toBe('first');
  });

  it('enforces its capacity and forgets taken and drained entries', () => {
    const table = new HandleTable<number>(2);
    const one = table.add(1);
    table.add(2);
    expect(() => table.add(3)).toThrow('too-many-open-files');
    expect(table.take(one)).toBe(1);
    expect(() => table.get(one)).toThrow('unknown-handle');
    expect(table.take(one)).toBeUndefined();
    table.add(3);
    expect(table.drain().sort()).toEqual([2, 3]);
    expect(table.size).toBe(0);
  });
});
