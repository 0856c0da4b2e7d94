/**
 * Memory of the unlocked app (issue 7: ≤ 500 MB at 100,000 testimonies, main thread and
 * workers together). Runs on the bench page's main thread, right after unlock → list → search
 * ready, when the case store, the search index and the vault worker are all loaded.
 *
 * Two readings, each saying what it covers:
 * - the renderer process's PSS from /proc, read by the runner (it hosts the page, the vault
 *   worker and the search worker: JS heaps, WASM memory, IndexedDB buffers, everything). The
 *   budget is on this one: it is what the machine pays;
 * - `performance.measureUserAgentSpecificMemory()` (JS and DOM of the page and its workers;
 *   needs cross-origin isolation, which the bench server provides).
 */
import type { Figure, ProcessMemory } from '../bench-types';

declare global {
  interface Window {
    /** Exposed by the runner: collects garbage on the page, then reads /proc. */
    benchProcessMemory?: () => Promise<ProcessMemory | null>;
  }
}

type MeasuredPerformance = Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };

const MB = 1e6;

async function userAgentMemory(): Promise<number | null> {
  const perf = performance as MeasuredPerformance;
  if (!crossOriginIsolated || !perf.measureUserAgentSpecificMemory) return null;
  try {
    return (await perf.measureUserAgentSpecificMemory()).bytes;
  } catch {
    return null;
  }
}

/** The memory figures of the unlocked app at `count` testimonies. */
export async function unlockedMemoryFigures(count: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const process = (await window.benchProcessMemory?.()) ?? null;
  const budget = { on: 'value', op: '<=', limit: 500 } as const;
  if (process) {
    figures.push({
      label: 'memory, unlocked (renderer PSS)',
      unit: 'MB',
      value: process.pss / MB,
      baseline: null,
      baselineLabel: '—',
      // The budget is set for 100,000; at smaller sizes it is shown, and holds a fortiori.
      budget,
      note: `/proc smaps_rollup of the page's renderer (page + vault and search workers); RSS ${(process.rss / MB).toFixed(0)} MB; ${process.processes - 1} other renderer(s), ${(process.othersPss / MB).toFixed(0)} MB, not counted; ${count} testimonies`,
    });
  }
  const agent = await userAgentMemory();
  if (agent !== null) {
    figures.push({ label: 'memory, unlocked (JS, UA-specific)', unit: 'MB', value: agent / MB, baseline: null, baselineLabel: '—', budget: null, note: 'measureUserAgentSpecificMemory: JS + DOM of page and workers' });
  }
  return figures;
}
