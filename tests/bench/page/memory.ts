/**
 * Memory of the unlocked app (issue 7: ≤ 500 MB at 100,000 testimonies, main thread and
 * workers together). Runs on the bench page's main thread, right after unlock → list → search
 * ready, when the case store, the search index and the vault worker are all loaded.
 *
 * Two readings, each saying what it covers:
 * - the renderer process's PSS from /proc, read by the runner (it hosts the page, the vault
 *   worker and the search worker: JS heaps, WASM memory, IndexedDB buffers, everything). The
 *   budget is on this one: it is what the machine pays. Under it, indented rows break it down
 *   by thread (JS heap and WebAssembly memory of the page and of each worker, read over the
 *   DevTools protocol by the runner: process-memory.ts) and the rest;
 * - `performance.measureUserAgentSpecificMemory()` (JS and DOM of the page and its workers;
 *   needs cross-origin isolation, which the bench server provides).
 */
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { createMemoryVaultPlatform } from '../../fakes/memory-keyring';
import type { Figure, ProcessMemory } from '../bench-types';
import { memoryBreakdown } from '../report';
import { BENCH_PASSPHRASE } from './populate';

declare global {
  interface Window {
    /** Exposed by the runner: collects garbage, reads /proc and each thread's heaps (process-memory.ts). */
    benchProcessMemory?: () => Promise<ProcessMemory | null>;
    /** Exposed by the runner: collects garbage on the page thread only, reads /proc. */
    benchPageCollectedMemory?: () => Promise<ProcessMemory | null>;
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

/** Each thread's JS heap as it was at a reading (used of committed, ArrayBuffers). */
function heapsNote(memory: ProcessMemory): string {
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)}`;
  return (memory.heapsAsLeft ?? []).map((h) => `${h.thread}: ${mb(h.jsUsed)}/${mb(h.jsCommitted)} MB JS, ${mb(h.buffers)} MB buffers`).join('; ');
}

/** A row of the renderer's PSS. */
function pssFigure(label: string, memory: ProcessMemory, budget: Figure['budget'], note: string): Figure {
  return { label, unit: 'MB', value: memory.pss / MB, baseline: null, baselineLabel: '—', budget, note };
}

/** How long the unlocked app is left alone before the "at rest" reading. */
const REST_MS = 10_000;

/**
 * The memory figures of the unlocked app at `count` testimonies: right after unlock → search
 * ready (the budget's figure), then at rest — once the background audit check has ended and
 * after REST_MS with nothing asked of the app, with no GC forced in any worker, so what the
 * workers' own collectors left is what is read — then the breakdown by thread.
 */
export async function unlockedMemoryFigures(count: number, client: VaultClient): Promise<Figure[]> {
  const figures: Figure[] = [];
  const right = (await window.benchPageCollectedMemory?.()) ?? null;
  const budget = { on: 'value', op: '<=', limit: 500 } as const;
  // The budget is set for 100,000; at smaller sizes it is shown, and holds a fortiori.
  if (right) figures.push(pssFigure('memory, unlocked (renderer PSS)', right, budget, `right after search ready; /proc smaps_rollup of the page's renderer (page + vault and search workers), GC on the page thread only; RSS ${(right.rss / MB).toFixed(0)} MB; ${right.processes - 1} other renderer(s), ${(right.othersPss / MB).toFixed(0)} MB, not counted; ${count} testimonies; ${heapsNote(right)}`));
  const checkStarted = performance.now();
  await client.auditChecked();
  const checkMs = performance.now() - checkStarted;
  await new Promise((resolve) => setTimeout(resolve, REST_MS));
  const process = (await window.benchProcessMemory?.()) ?? null;
  if (process) {
    figures.push(pssFigure('  at rest (renderer PSS)', process, null, `the audit check ended ${(checkMs / 1000).toFixed(1)} s after the reading above, then ${REST_MS / 1000} s idle; GC on the page thread only: the workers' garbage is what their own collectors left`));
    // Where it goes, thread by thread (no budget): what to cut first.
    figures.push(...memoryBreakdown(process));
  }
  const agent = await userAgentMemory();
  if (agent !== null) {
    figures.push({ label: 'memory, unlocked (JS, UA-specific)', unit: 'MB', value: agent / MB, baseline: null, baselineLabel: '—', budget: null, note: 'measureUserAgentSpecificMemory: JS + DOM of page and workers; WebAssembly memory not included' });
  }
  return figures;
}

/**
 * The vault worker's WebAssembly memory after an unlock at the app's default Argon2id cost
 * (`moderate`: 256 MiB), which the bench vault, made at the floor cost so unlock figures are
 * not dominated by Argon2id, does not show. libsodium's heap grows to Argon2id's memory and
 * never shrinks, so Argon2id runs in a worker of its own, terminated after each derivation
 * (renderer/src/vault/worker/argon2id-lane.ts): this figure says whether the vault worker still
 * pays for it. On an empty vault of its own, after the bench vault's client is gone (two vault
 * workers would be indistinguishable by name).
 */
export async function defaultCostUnlockFigures(): Promise<Figure[]> {
  const client = createVaultClient({ platform: createMemoryVaultPlatform(), databaseName: `sijill-bench-moderate-${crypto.randomUUID()}` });
  try {
    await client.init();
    await client.create({ passphrase: BENCH_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    await client.lock('manual');
    if (!(await client.unlock(BENCH_PASSPHRASE)).ok) throw new Error('the moderate-cost vault did not unlock');
    const memory = (await window.benchProcessMemory?.()) ?? null;
    const vault = memory?.threads?.find((t) => t.thread === 'sijill-vault');
    if (!memory || !vault) return [];
    const kdfWorkers = memory.threads?.filter((t) => t.thread === 'sijill-kdf').length ?? 0;
    return [
      {
        label: 'vault worker WASM after unlock at default cost',
        unit: 'MB',
        value: vault.wasm / MB,
        baseline: null,
        baselineLabel: '—',
        budget: null,
        note: `moderate Argon2id (256 MiB), empty vault; Argon2id workers alive: ${kdfWorkers}; renderer PSS then ${(memory.pss / MB).toFixed(0)} MB`,
      },
    ];
  } finally {
    await client.dispose();
  }
}
