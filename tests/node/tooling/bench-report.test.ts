// The bench's pure parts: its command line, budget verdicts and the growth report. The bench
// itself is never run by `npm test` (speed is measured only by `npm run bench`).
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/bench-types';
import { parseArgs } from '../../bench/cli-args';
import { factorPer10x, growthRows } from '../../bench/growth';
import { growthTable, verdict } from '../../bench/report';

const figure = (label: string, unit: Figure['unit'], value: number, extra: Partial<Figure> = {}): Figure => ({ label, unit, value, baseline: null, baselineLabel: '—', budget: null, ...extra });

describe('bench command line', () => {
  it('has sizes, bundle sizes and sections', () => {
    expect(parseArgs([])).toMatchObject({ counts: [10_000], bundleMiB: 256, cache: true, browser: true, bundle: true });
    expect(parseArgs(['--large'])).toMatchObject({ counts: [100_000], bundleMiB: 1024 });
    expect(parseArgs(['--growth'])).toMatchObject({ counts: [1_000, 10_000, 100_000], size: 'growth' });
    expect(parseArgs(['--count', '5000', '--seed', '7', '--no-cache', '--only', 'bundle'])).toMatchObject({ counts: [5000], seed: 7, cache: false, browser: false, bundle: true, unlockOnly: false });
    expect(parseArgs(['--only', 'unlock'])).toMatchObject({ browser: true, bundle: false, unlockOnly: true });
    expect(parseArgs(['--reuse-kept'])).toMatchObject({ reuseKept: true, cache: true });
    expect(parseArgs([])).toMatchObject({ reuseKept: false });
    expect(parseArgs(['--only', 'browser'])).toMatchObject({ browser: true, bundle: false, unlockOnly: false });
  });

  it('refuses typos and bad numbers instead of benching the default', () => {
    expect(() => parseArgs(['--larg'])).toThrow(/unknown argument --larg/);
    expect(() => parseArgs(['--count', 'many'])).toThrow(/positive whole number/);
    expect(() => parseArgs(['--only', 'everything'])).toThrow(/browser.*bundle.*unlock/);
  });
});

describe('bench verdicts', () => {
  it('reads value and ratio budgets', () => {
    expect(verdict(figure('search p95', 'ms', 40, { budget: { on: 'value', op: '<=', limit: 50 } }))).toBe('PASS');
    expect(verdict(figure('read', 'MiB/s', 50, { baseline: 100, budget: { on: 'ratio', op: '>=', limit: 0.6 } }))).toBe('OVER');
    expect(verdict(figure('no budget', 'ms', 1))).toBe('');
  });
});

describe('growth report', () => {
  it('normalises a step to 10×', () => {
    expect(factorPer10x(10, 100, 1_000, 10_000)).toBeCloseTo(10);
    expect(factorPer10x(10, 40, 1_000, 100_000)).toBeCloseTo(2); // 4× over 100× is 2× per 10×
    expect(factorPer10x(0, 5, 1, 10)).toBeNull();
  });

  it('flags costs worse than near-linear and falling throughput, with a note', () => {
    const point = (count: number, unlock: number, search: number, rate: number) => ({
      count,
      figures: [figure('unlock', 'ms', unlock), figure('search p95', 'ms', search), figure('read', 'MiB/s', rate)],
      longTasks: [{ phase: 'save', count: 1, longestMs: 60, over100: 0 }],
    });
    const rows = growthRows([point(10_000, 1000, 20, 100), point(1_000, 100, 10, 100), point(100_000, 30_000, 40, 20)]);
    const byLabel = new Map(rows.map((row) => [row.label, row]));
    expect(byLabel.get('unlock')?.values).toEqual([100, 1000, 30_000]);
    expect(byLabel.get('unlock')?.flagged).toBe(true);
    expect(byLabel.get('unlock')?.note).toMatch(/30\.0× per 10×.*worse than linear/);
    expect(byLabel.get('search p95')?.flagged).toBe(false);
    expect(byLabel.get('read')?.flagged).toBe(true);
    expect(byLabel.get('longest UI task: save')?.per10x).toEqual([1, 1]);
    const text = growthTable([1_000, 10_000, 100_000], rows);
    expect(text).toContain('× per 10× (1k→10k)');
    expect(text).toContain('FLAG');
  });
});
