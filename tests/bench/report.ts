/**
 * Turns the page's figures into the printed table and the budget verdicts. Runs in Node
 * (runner.ts). Pure.
 */
import type { Budget, Figure, LongTaskSummary, ProcessMemory } from './bench-types';
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

/** What each thread of the page is called in the memory rows (workers by their `name`). */
const THREAD_NAMES: Readonly<Record<string, string>> = {
  page: 'UI thread',
  'sijill-vault': 'vault worker',
  'sijill-search': 'search worker',
  'sijill-hash': 'attachment-hash worker',
  'sijill-kdf': 'Argon2id worker',
};

const MB = 1e6;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/**
 * Where the unlocked renderer's memory goes: indented rows under the PSS figure, no budget.
 * First the PSS once every thread has collected its garbage (the budget's figure collects only
 * on the page thread, so a worker's uncollected garbage counts there); then, per thread, its
 * live JS objects and its WebAssembly memory (libsodium's heap); then what is left of that PSS
 * once every thread's committed heap, ArrayBuffers and WASM memory are taken out (code, Blink,
 * IndexedDB and allocator buffers, stacks: not attributable from JavaScript). Heap and WASM
 * pages not yet touched are reserved but not resident, so the rest can come out below the
 * truth; it is never shown below zero.
 */
export function memoryBreakdown(memory: ProcessMemory): Figure[] {
  const threads = memory.threads ?? [];
  const row = (label: string, bytes: number, note: string): Figure => ({ label: `  ${label}`, unit: 'MB', value: bytes / MB, baseline: null, baselineLabel: '—', budget: null, note });
  const collected = memory.collectedPss ?? null;
  if (collected === null) return [];
  const rows: Figure[] = [row('after GC in every thread (PSS)', collected, `${((memory.pss - collected) / MB).toFixed(0)} MB of the settled reading is garbage not yet collected in a worker`)];
  let attributed = 0;
  for (const t of threads) {
    const name = THREAD_NAMES[t.thread] ?? t.thread;
    attributed += t.jsCommitted + t.buffers + t.wasm;
    const before = `before GC ${mb(t.beforeGc.jsUsed)} used of ${mb(t.beforeGc.jsCommitted)} committed, ArrayBuffers ${mb(t.beforeGc.buffers)}`;
    rows.push(row(`${name}: JS heap`, t.jsUsed, `live objects after GC; ${mb(t.jsCommitted)} committed; ArrayBuffers ${mb(t.buffers)}; ${before}`));
    if (t.wasm > 0) rows.push(row(`${name}: WebAssembly memory`, t.wasm, "libsodium's heap: grows to the largest call made in this thread, never shrinks"));
  }
  if (threads.length > 0) {
    rows.push(row('rest of the renderer (computed)', Math.max(0, collected - attributed), `PSS after GC − ${(attributed / MB).toFixed(0)} MB of heaps (committed), ArrayBuffers and WASM above: code, Blink, IndexedDB and allocator buffers, stacks`));
  }
  return rows;
}
