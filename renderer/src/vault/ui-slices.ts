/**
 * Long work on the UI thread in slices (DESIGN.md §13: no task over 100 ms): a loop calls
 * `slicer.maybeYield()` between items, and it yields to the browser once the current slice has
 * run SLICE_MS. Sliced by time rather than by count, because the same count of items takes two
 * or three times longer on a loaded machine, and a count small enough for that yields far too
 * often on an idle one. Runs on the renderer's main thread.
 */

/** Work per slice (wall time): a third of the 50 ms long-task threshold, so on a loaded machine (the thread descheduled part of the time) a slice plus a GC pause still stays under 100 ms. */
export const SLICE_MS = 16;
/** Items between two clock reads (reading the clock per item costs more than the check saves). */
const CHECK_EVERY = 8;

interface TaskScheduler {
  yield(): Promise<void>;
}

/**
 * Lets the browser paint and handle input, then resumes. scheduler.yield (Chromium) resumes
 * ahead of other queued tasks and without setTimeout's 4 ms clamp on nested timers.
 */
export function yieldToUi(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** A slicer for one loop (see the file comment). */
export interface Slicer {
  /** Yields if this slice has run SLICE_MS; otherwise resolves at once (without a task switch when awaited sparingly). */
  maybeYield(): Promise<void> | null;
}

/** Starts a slicer; `pause` is how it yields (default `yieldToUi`). */
export function createSlicer(pause: () => Promise<void> = yieldToUi): Slicer {
  let since = performance.now();
  let count = 0;
  return {
    maybeYield() {
      if (++count % CHECK_EVERY !== 0 || performance.now() - since < SLICE_MS) return null;
      return pause().then(() => {
        since = performance.now();
      });
    },
  };
}
