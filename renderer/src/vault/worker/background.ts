/**
 * Pacing for background work in the vault worker (the audit-chain check after unlock): one
 * batch at a time, each started only when the worker has nothing more urgent to do. Runs in the
 * vault worker.
 *
 * The worker is single-threaded: a request from the UI (the case file's summaries, a save)
 * waits for whatever runs before it, and a request in progress often waits on IndexedDB, which
 * would leave room for a background batch that then delays it. So background work runs only
 * while no request is in progress, and yields at background priority between batches, so
 * requests that arrived meanwhile start first.
 */

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Resolves once the worker's pending tasks of normal priority have run. `scheduler.postTask`
 * (Chromium, in workers too) runs it after them; elsewhere a zero timeout at least lets
 * messages already queued go first.
 */
export function yieldToOtherWork(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Counts requests in progress so background work can wait until there are none. */
export class Foreground {
  private active = 0;
  private waiting: (() => void)[] = [];

  /** Runs a request, counted as foreground work until it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  /**
   * Resolves once no request is in progress (at once if none is), then after the tasks already
   * queued. Call before each background batch. It does not wait for a second quiet moment: a
   * client that keeps one request in flight at all times must not starve background work.
   */
  async idle(): Promise<void> {
    if (this.active > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await yieldToOtherWork();
  }
}
