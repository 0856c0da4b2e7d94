/**
 * Memory of the bench browser's renderer processes, from /proc (Linux). Runs in Node
 * (runner.ts). The browser process is the one started with our profile directory; its
 * renderers are the descendants started with `--type=renderer`. The page, the vault worker
 * and the search worker all live in the page's renderer process, so its PSS (shared pages
 * divided among the processes sharing them) is what the unlocked app costs the machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { ProcessMemory, ThreadMemory } from './bench-types';

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly cmdline: string;
}

async function processes(): Promise<Proc[]> {
  const out: Proc[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the fields after its last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

async function smapsRollup(pid: number): Promise<{ pss: number; rss: number } | null> {
  try {
    const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { pss: kib('Pss'), rss: kib('Rss') };
  } catch {
    return null;
  }
}

/** PSS and RSS of the page's renderer process of the browser using `profileDir`; null off Linux. */
export async function rendererMemory(profileDir: string): Promise<ProcessMemory | null> {
  if (process.platform !== 'linux') return null;
  const all = await processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='));
  if (!browser) return null;
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const renderers: Proc[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.cmdline.includes('--type=renderer')) renderers.push(child);
      walk(child.pid);
    }
  };
  walk(browser.pid);
  const measured: { pss: number; rss: number }[] = [];
  for (const renderer of renderers) {
    const memory = await smapsRollup(renderer.pid);
    if (memory) measured.push(memory);
  }
  // The page, with its workers, is by far the largest renderer; the rest are Chromium's spare
  // or blank renderers, reported beside it but not counted as the app.
  measured.sort((a, b) => b.pss - a.pss);
  const [page, ...others] = measured;
  if (!page) return null;
  return { pss: page.pss, rss: page.rss, processes: measured.length, othersPss: others.reduce((sum, m) => sum + m.pss, 0) };
}

/** The slice of a CDP session the measurement needs (playwright-core's CDPSession has it). */
export interface ProtocolSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: string, listener: (params: unknown) => void): unknown;
  off(event: string, listener: (params: unknown) => void): unknown;
}

type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly title: string;
  readonly url: string;
  readonly parentId?: string;
}

const GROUP = 'bench-memory';
const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** The figures of a Runtime.getHeapUsage answer. */
function heapUsage(usage: Record<string, unknown>): ThreadMemory['beforeGc'] {
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  return { jsUsed: number(usage['usedSize']), jsCommitted: number(usage['totalSize']), buffers: number(usage['backingStorageSize']) };
}

/** Heap usage and WebAssembly memories of the thread behind `call` (collect garbage first). */
async function measureThread(thread: string, call: Call): Promise<Omit<ThreadMemory, 'beforeGc'>> {
  const usage = await call('Runtime.getHeapUsage');
  // Every WebAssembly.Memory alive in this thread: queryObjects walks the heap for objects of a prototype.
  const prototype = await call('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: GROUP });
  const found = await call('Runtime.queryObjects', { prototypeObjectId: field(field(prototype, 'result'), 'objectId'), objectGroup: GROUP });
  const summed = await call('Runtime.callFunctionOn', {
    objectId: field(field(found, 'objects'), 'objectId'),
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await call('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  const wasm = field(field(summed, 'result'), 'value');
  return { thread, ...heapUsage(usage), wasm: typeof wasm === 'number' ? wasm : 0 };
}

/** How long one protocol call into a worker may take before the measurement gives up on it. */
const WORKER_CALL_MS = 30_000;

/**
 * Runs `visit` on each thread of the page behind `session` (a CDP session attached to the page):
 * the page itself, then every dedicated worker whose chain of parents leads to it. Workers are
 * reached through Target.attachToTarget without flattening (playwright-core's CDPSession cannot
 * address a child session), with messages wrapped in Target.sendMessageToTarget.
 */
async function eachThread<T>(session: ProtocolSession, visit: (thread: string, call: Call) => Promise<T>): Promise<T[]> {
  const call: Call = async (method, params) => (await session.send(method, params)) as Record<string, unknown>;
  const self = field(await call('Target.getTargetInfo'), 'targetInfo') as TargetInfo;
  const targets = field(await call('Target.getTargets'), 'targetInfos') as TargetInfo[];
  const byId = new Map(targets.map((t) => [t.targetId, t]));
  const descends = (t: TargetInfo): boolean => {
    for (let at: TargetInfo | undefined = t; at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.parentId === self.targetId) return true;
    return false;
  };
  const out: T[] = [await visit('page', call)];
  let next = 0;
  const waiting = new Map<number, (message: Record<string, unknown>) => void>();
  const listener = (event: unknown) => {
    const message = JSON.parse(String(field(event, 'message'))) as Record<string, unknown>;
    const id = message['id'];
    if (typeof id === 'number') waiting.get(id)?.(message);
  };
  session.on('Target.receivedMessageFromTarget', listener);
  try {
    for (const target of targets.filter((t) => t.type === 'worker' && descends(t))) {
      let sessionId: unknown;
      try {
        sessionId = field(await call('Target.attachToTarget', { targetId: target.targetId, flatten: false }), 'sessionId');
      } catch {
        continue; // it ended meanwhile
      }
      const inWorker: Call = (method, params = {}) =>
        new Promise((resolve, reject) => {
          const id = (next += 1);
          const timer = setTimeout(() => reject(new Error(`${method}: no answer from the worker`)), WORKER_CALL_MS);
          waiting.set(id, (message) => {
            clearTimeout(timer);
            waiting.delete(id);
            if (message['error']) reject(new Error(`${method}: ${JSON.stringify(message['error'])}`));
            else resolve((message['result'] ?? {}) as Record<string, unknown>);
          });
          session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
        });
      try {
        const name = target.title && target.title !== target.url ? target.title : (target.url.split('/').pop() ?? target.url);
        out.push(await visit(name, inWorker));
      } catch {
        // A worker that ended while being measured is left out (a run's output lists the threads it found).
      } finally {
        await call('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    }
  } finally {
    session.off('Target.receivedMessageFromTarget', listener);
  }
  return out;
}

/**
 * The renderer's PSS after a GC on the page thread only: the workers' garbage, which they
 * collect in their own time, stays in. Null off Linux.
 */
export async function pageCollectedMemory(session: ProtocolSession, profileDir: string): Promise<ProcessMemory | null> {
  await session.send('HeapProfiler.collectGarbage');
  const memory = await rendererMemory(profileDir);
  if (!memory) return null;
  const heapsAsLeft = await eachThread(session, async (thread, call) => ({ thread, ...heapUsage(await call('Runtime.getHeapUsage')) }));
  return { ...memory, heapsAsLeft };
}

/**
 * The unlocked app's memory, in three readings of the same moment:
 * - the renderer's PSS from /proc after a GC on the page thread only, as every earlier run
 *   measured it (the budget's figure): garbage that the workers have not collected yet is paid
 *   for until they do, so it counts;
 * - the PSS again after a GC in every thread (each is its own V8 isolate: collecting the page's
 *   leaves a worker's garbage in place): what the app really holds;
 * - each thread's JS heap, ArrayBuffers and WebAssembly memory.
 * Null off Linux.
 */
export async function unlockedMemory(session: ProtocolSession, profileDir: string): Promise<ProcessMemory | null> {
  const asLeft = await pageCollectedMemory(session, profileDir);
  if (!asLeft) return null;
  // Each thread's heap as left, then collected: says which thread holds the garbage.
  const before = new Map(
    await eachThread(session, async (thread, call) => {
      const usage = heapUsage(await call('Runtime.getHeapUsage'));
      await call('HeapProfiler.collectGarbage');
      return [thread, usage] as const;
    }),
  );
  const collected = await rendererMemory(profileDir);
  const threads = (await eachThread(session, measureThread)).map((t) => ({ ...t, beforeGc: before.get(t.thread) ?? { jsUsed: t.jsUsed, jsCommitted: t.jsCommitted, buffers: t.buffers } }));
  return { ...asLeft, collectedPss: collected?.pss ?? null, threads };
}
