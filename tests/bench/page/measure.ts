/**
 * Timing helpers of the bench page: percentiles and a long-task recorder. Runs on the page's
 * main thread (the UI thread whose long tasks the budgets are about).
 */
import type { LongTaskSummary } from '../bench-types';

/** The p-th percentile (nearest rank) of `samples`; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Milliseconds `task` took. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Records long tasks (≥ 50 ms, the browser's threshold) by phase. One observer for the whole
 * run: entries are delivered late (after the task), so each is filed under the phase whose
 * time window contains its start, not the phase current at delivery.
 */
export class LongTaskRecorder {
  private readonly entries: { start: number; duration: number }[] = [];
  private readonly phases: { name: string; from: number; to: number }[] = [];
  private readonly observer: PerformanceObserver | null;

  constructor() {
    this.observer = PerformanceObserver.supportedEntryTypes.includes('longtask')
      ? new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) this.entries.push({ start: entry.startTime, duration: entry.duration });
        })
      : null;
    this.observer?.observe({ type: 'longtask' });
  }

  /** Runs `task` as phase `name`. */
  async phase<T>(name: string, task: () => Promise<T>): Promise<T> {
    // Yields on both sides: a task that straddles a boundary (the caller's code running on
    // after `await phase(...)`) must not be filed under this phase by its start time.
    await nextTask();
    const from = performance.now();
    try {
      return await task();
    } finally {
      this.phases.push({ name, from, to: performance.now() });
      await nextTask();
    }
  }

  /** Summaries per phase (waits a moment so the last entries are delivered). */
  async summary(): Promise<LongTaskSummary[]> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    this.observer?.takeRecords().forEach((entry) => this.entries.push({ start: entry.startTime, duration: entry.duration }));
    this.observer?.disconnect();
    return this.phases.map(({ name, from, to }) => {
      const inside = this.entries.filter((e) => e.start >= from && e.start < to);
      return {
        phase: name,
        count: inside.length,
        longestMs: inside.reduce((max, e) => Math.max(max, e.duration), 0),
        over100: inside.filter((e) => e.duration > 100).length,
      };
    });
  }
}
