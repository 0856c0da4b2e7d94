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
  readonly unit: 'ms' | 'MiB/s' | 'MB' | 'tasks' | 's';
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

/** Fixed database names of a bench vault (a kept profile finds its vault by them). */
export interface BenchVaultNames {
  readonly vault: string;
  readonly plain: string;
}

/** Options the runner passes to the page to generate a vault. */
export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
  readonly names: BenchVaultNames;
}

/** A generated vault: what the runner keeps to open it again (the keyring is ciphertext). */
export interface Generated {
  readonly testimonies: number;
  readonly attachments: number;
  readonly ms: number;
  /** The keyring file, base64. */
  readonly keyring: string;
}

/** Options the runner passes to the page to run the workloads. */
export interface BenchOptions {
  readonly count: number;
  readonly seed: number;
  readonly saves: number;
  readonly attachmentMiB: number;
  readonly names: BenchVaultNames;
  readonly generated: Generated;
  /** `unlock`: Argon2id and the unlock workloads only (`--only unlock`); `all`: every workload. */
  readonly workloads: 'all' | 'unlock';
}

/**
 * One thread of the page's renderer process (the page or one of its dedicated workers, nested
 * ones included) as V8 sees it after a garbage collection, read over the DevTools protocol.
 */
export interface ThreadMemory {
  /** "page", or the worker's name (`new Worker(url, { name })`), else its script's file name. */
  readonly thread: string;
  /** Live JS objects after a full GC (Runtime.getHeapUsage usedSize). */
  readonly jsUsed: number;
  /** The same three before this thread's GC (garbage not yet collected included). */
  readonly beforeGc: { readonly jsUsed: number; readonly jsCommitted: number; readonly buffers: number };
  /** JS heap committed (totalSize): live objects plus the heap's free space. */
  readonly jsCommitted: number;
  /** ArrayBuffer backing stores outside the JS heap (typed arrays, transferred bytes). */
  readonly buffers: number;
  /** WebAssembly.Memory sizes (libsodium's heap): reserved and, once touched, resident; never shrinks. */
  readonly wasm: number;
}

/** Memory of the renderer processes as the runner reads it from /proc (see process-memory.ts). */
export interface ProcessMemory {
  /** Proportional set size of the page's renderer process (the largest renderer), bytes. */
  readonly pss: number;
  readonly rss: number;
  /** Renderer processes found, the page's included. */
  readonly processes: number;
  /** PSS of the other renderers (spare, blank), bytes: shown, not counted. */
  readonly othersPss: number;
  /** PSS once every thread (page and workers) collected its garbage, bytes; null if not read. */
  readonly collectedPss?: number | null;
  /** The page's threads (page, vault, search and other workers), measured after that. */
  readonly threads?: readonly ThreadMemory[];
  /** Each thread's heap as it was, nothing collected but the page's (the page-GC-only reading). */
  readonly heapsAsLeft?: readonly { readonly thread: string; readonly jsUsed: number; readonly jsCommitted: number; readonly buffers: number }[];
}

/** The page's whole answer. */
export interface PageResults {
  readonly userAgent: string;
  readonly crossOriginIsolated: boolean;
  readonly figures: readonly Figure[];
  readonly longTasks: readonly LongTaskSummary[];
  /** Workloads that failed ("name: message"); the others still report. */
  readonly failures: readonly string[];
}

/** What the page exposes on `window` for the runner to call. */
export interface BenchPageApi {
  generate(options: GenerateOptions): Promise<Generated>;
  run(options: BenchOptions): Promise<PageResults>;
}
