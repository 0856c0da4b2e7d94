/**
 * What the bench page hands back to the runner (runner.ts ↔ page/main.ts). Types only, so
 * the Node runner and the browser page share them without pulling each other's code in.
 */

/** A budget on a figure's value, or on its ratio to the baseline (streams: ≥ 60 % of raw). */
export interface Budget {
  readonly on: 'value' | 'ratio';
  readonly op: '<=' | '>=';
  readonly limit: number;
}

/** One measured figure beside the baseline measured in the same run. */
export interface Figure {
  readonly label: string;
  readonly unit: 'ms' | 'MiB/s' | 'MB' | 'tasks';
  readonly value: number;
  /** Null when there is no fair baseline (the note says why). */
  readonly baseline: number | null;
  readonly baselineLabel: string;
  readonly budget: Budget | null;
  readonly note?: string;
}

/** Long tasks (PerformanceObserver 'longtask') on the page's UI thread during one workload. */
export interface LongTaskSummary {
  readonly phase: string;
  /** Null where only the longest is known (the attachment bench reports just that). */
  readonly count: number | null;
  readonly longestMs: number;
  readonly over100: number | null;
}

/** Options the runner passes to the page. */
export interface BenchOptions {
  readonly count: number;
  readonly seed: number;
  readonly saves: number;
  readonly attachmentMiB: number;
}

/** The page's whole answer. */
export interface PageResults {
  readonly userAgent: string;
  readonly generation: { readonly testimonies: number; readonly attachments: number; readonly ms: number };
  readonly figures: readonly Figure[];
  readonly longTasks: readonly LongTaskSummary[];
}

/** What the page exposes on `window` for the runner to call. */
export interface BenchPageApi {
  run(options: BenchOptions): Promise<PageResults>;
}
