/**
 * How each figure grows with the vault (issue 7: from 1,000 to 10,000 to 100,000 testimonies
 * the growth must be near-linear or better). Runs in Node (runner.ts). Pure.
 *
 * For each step between two sizes the growth is given as the factor per 10× more testimonies
 * (normalised when a step is not exactly 10×). Costs (times, memory, long tasks) are flagged
 * when that factor is above NEAR_LINEAR; throughputs (MiB/s) should not depend on the vault at
 * all and are flagged when they fall below half per 10×.
 */
import type { Figure, LongTaskSummary } from './bench-types';

/** A cost growing 10× per 10× is linear; up to this is "near-linear". */
export const NEAR_LINEAR = 12;
/** A throughput that keeps at least this fraction per 10× is fine. */
const THROUGHPUT_FLOOR = 0.5;

/** One size's figures and long tasks. */
export interface SizePoint {
  readonly count: number;
  readonly figures: readonly Figure[];
  readonly longTasks: readonly LongTaskSummary[];
}

export interface GrowthRow {
  readonly label: string;
  readonly unit: string;
  /** Value at each size, in the order of the sizes (null where absent). */
  readonly values: readonly (number | null)[];
  /** Factor per 10× for each step between consecutive sizes (null where not computable). */
  readonly per10x: readonly (number | null)[];
  readonly flagged: boolean;
  readonly note: string;
}

/** `value` at `to` over `from`, rescaled to a 10× step: (b / a)^(1 / log10(to / from)). */
export function factorPer10x(a: number, b: number, from: number, to: number): number | null {
  if (a <= 0 || b <= 0 || to <= from) return null;
  return (b / a) ** (1 / Math.log10(to / from));
}

function seriesOf(points: readonly SizePoint[]): Map<string, { unit: string; values: (number | null)[] }> {
  const series = new Map<string, { unit: string; values: (number | null)[] }>();
  const put = (label: string, unit: string, index: number, value: number) => {
    const entry = series.get(label) ?? { unit, values: points.map(() => null) };
    entry.values[index] = value;
    series.set(label, entry);
  };
  points.forEach((point, index) => {
    for (const figure of point.figures) put(figure.label.trim(), figure.unit, index, figure.value);
    for (const task of point.longTasks) put(`longest UI task: ${task.phase}`, 'ms', index, task.longestMs);
  });
  return series;
}

/** The growth rows of `points` (sorted by count). */
export function growthRows(points: readonly SizePoint[]): GrowthRow[] {
  const sorted = [...points].sort((a, b) => a.count - b.count);
  const rows: GrowthRow[] = [];
  for (const [label, { unit, values }] of seriesOf(sorted)) {
    const per10x: (number | null)[] = [];
    for (let i = 1; i < sorted.length; i += 1) {
      const [a, b, from, to] = [values[i - 1], values[i], sorted[i - 1]?.count ?? 0, sorted[i]?.count ?? 0];
      per10x.push(a === null || a === undefined || b === null || b === undefined ? null : factorPer10x(a, b, from, to));
    }
    const throughput = unit === 'MiB/s';
    // Long tasks under 50 ms are not reported by the browser (0): nothing to grow from.
    const bad = per10x.filter((f): f is number => f !== null).filter((f) => (throughput ? f < THROUGHPUT_FLOOR : f > NEAR_LINEAR));
    const worst = bad.length === 0 ? null : throughput ? Math.min(...bad) : Math.max(...bad);
    const note =
      worst === null
        ? ''
        : throughput
          ? `falls ${(1 / worst).toFixed(1)}× per 10× testimonies: throughput should not depend on the vault`
          : `grows ${worst.toFixed(1)}× per 10× testimonies (n^${Math.log10(worst).toFixed(2)}): worse than linear`;
    rows.push({ label, unit, values, per10x, flagged: worst !== null, note });
  }
  return rows;
}
