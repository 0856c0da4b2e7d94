/**
 * Turns the page's figures into the printed table and the budget verdicts. Runs in Node
 * (runner.ts). Pure.
 */
import type { Budget, Figure, LongTaskSummary } from './bench-types';
import type { GrowthRow } from './growth';

/** PASS / OVER for a figure's budget, or '' without one. */
export function verdict(figure: Figure): 'PASS' | 'OVER' | '' {
  const { budget } = figure;
  if (!budget) return '';
  const measured = budget.on === 'ratio' ? ratio(figure) : figure.value;
  if (measured === null) return '';
  return (budget.op === '<=' ? measured <= budget.limit : measured >= budget.limit) ? 'PASS' : 'OVER';
}

/** value ÷ baseline, or null. */
export function ratio(figure: Figure): number | null {
  return figure.baseline === null || figure.baseline === 0 ? null : figure.value / figure.baseline;
}

const number = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function budgetText(budget: Budget | null, unit: string): string {
  if (!budget) return '';
  const op = budget.op === '<=' ? '≤' : '≥';
  return budget.on === 'ratio' ? `${op} ${(budget.limit * 100).toFixed(0)} % of baseline` : `${op} ${budget.limit} ${unit}`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)).join('  ').trimEnd()).join('\n');
}

/** The figures table: figure, value, baseline, ratio, budget, verdict, note. */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const r = ratio(f);
    return [
      f.label,
      `${number(f.value)} ${f.unit}`,
      f.baseline === null ? '—' : `${number(f.baseline)} ${f.unit} (${f.baselineLabel})`,
      r === null ? '—' : `${r.toFixed(2)}×`,
      budgetText(f.budget, f.unit),
      verdict(f),
      f.note ?? '',
    ];
  });
  return table([['figure', 'value', 'baseline (same run)', 'ratio', 'budget', '', 'note'], ...rows]);
}

/** Long tasks per phase; budget: none over 100 ms (DESIGN.md §13). */
export function longTaskTable(summaries: readonly LongTaskSummary[]): string {
  const rows = summaries.map((s) => [
    s.phase,
    s.count === null ? '—' : String(s.count),
    `${s.longestMs.toFixed(0)} ms`,
    s.over100 === null ? '—' : String(s.over100),
    s.longestMs <= 100 ? 'PASS' : 'OVER',
  ]);
  return table([['UI-thread long tasks during', 'count ≥ 50 ms', 'longest', 'over 100 ms', 'none > 100 ms'], ...rows]);
}

/** The growth table: one column per size, one per step (× per 10× testimonies), and notes. */
export function growthTable(counts: readonly number[], rows: readonly GrowthRow[]): string {
  const sorted = [...counts].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((to, i) => `× per 10× (${short(sorted[i] ?? 0)}→${short(to)})`);
  const body = rows.map((row) => [
    row.label,
    ...row.values.map((v) => (v === null ? '—' : `${number(v)} ${row.unit}`)),
    ...row.per10x.map((f) => (f === null ? '—' : `${f.toFixed(1)}×`)),
    row.flagged ? 'FLAG' : '',
    row.note,
  ]);
  return table([['figure', ...sorted.map((c) => c.toLocaleString('en')), ...steps, '', 'note'], ...body]);
}

function short(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);
}
