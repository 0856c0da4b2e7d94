// The bench's memory breakdown rows (tests/bench/report.ts): pure arithmetic over what the
// runner read from /proc and the DevTools protocol. The bench itself is never run by `npm test`.
import { describe, expect, it } from 'vitest';
import type { ProcessMemory, ThreadMemory } from '../../bench/bench-types';
import { figuresTable, memoryBreakdown, verdict } from '../../bench/report';

const MB = 1e6;
const thread = (name: string, used: number, committed: number, buffers: number, wasm: number): ThreadMemory => ({
  thread: name,
  jsUsed: used * MB,
  beforeGc: { jsUsed: (used + 100) * MB, jsCommitted: (committed + 150) * MB, buffers: (buffers + 5) * MB },
  jsCommitted: committed * MB,
  buffers: buffers * MB,
  wasm: wasm * MB,
});
const process = (extra: Partial<ProcessMemory>): ProcessMemory => ({ pss: 600 * MB, rss: 700 * MB, processes: 3, othersPss: 90 * MB, ...extra });

describe('bench memory breakdown', () => {
  it('names each thread, shows its heap and WebAssembly memory, and computes the rest', () => {
    const rows = memoryBreakdown(
      process({
        collectedPss: 250 * MB,
        threads: [thread('page', 30, 34, 2, 20), thread('sijill-vault', 7, 9, 1, 20), thread('sijill-search', 46, 47, 0, 0), thread('sijill-kdf', 1, 2, 0, 0)],
      }),
    );
    const byLabel = new Map(rows.map((row) => [row.label, row]));
    expect([...byLabel.keys()]).toEqual([
      '  after GC in every thread (PSS)',
      '  UI thread: JS heap',
      '  UI thread: WebAssembly memory',
      '  vault worker: JS heap',
      '  vault worker: WebAssembly memory',
      '  search worker: JS heap',
      '  Argon2id worker: JS heap',
      '  rest of the renderer (computed)',
    ]);
    expect(byLabel.get('  after GC in every thread (PSS)')?.value).toBeCloseTo(250);
    expect(byLabel.get('  after GC in every thread (PSS)')?.note).toMatch(/^350 MB of the settled reading is garbage/);
    expect(byLabel.get('  search worker: JS heap')?.value).toBeCloseTo(46);
    expect(byLabel.get('  search worker: JS heap')?.note).toBe('live objects after GC; 47 MB committed; ArrayBuffers 0.0 MB; before GC 146 MB used of 197 MB committed, ArrayBuffers 5.0 MB');
    expect(byLabel.get('  vault worker: WebAssembly memory')?.value).toBeCloseTo(20);
    // 250 − (34 + 2 + 20) − (9 + 1 + 20) − 47 − 2 = 115: committed heaps, buffers and WASM come out.
    expect(byLabel.get('  rest of the renderer (computed)')?.value).toBeCloseTo(115);
    // Rows carry no budget: the budget is on the settled PSS figure above them.
    expect(rows.every((row) => row.budget === null && verdict(row) === '')).toBe(true);
    expect(figuresTable(rows)).toContain('  vault worker: WebAssembly memory');
  });

  it('keeps an unknown worker by its own name and never shows a negative rest', () => {
    const rows = memoryBreakdown(process({ collectedPss: 10 * MB, threads: [thread('blob-worker.js', 20, 30, 0, 0)] }));
    expect(rows.map((row) => row.label)).toContain('  blob-worker.js: JS heap');
    expect(rows.find((row) => row.label.includes('rest'))?.value).toBe(0);
  });

  it('adds nothing when the runner could not read the threads', () => {
    expect(memoryBreakdown(process({}))).toEqual([]);
    expect(memoryBreakdown(process({ collectedPss: null }))).toEqual([]);
  });
});
