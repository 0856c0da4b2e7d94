/**
 * `npm run bench` (DESIGN.md §13, issues 6 and 7): the browser section (a synthetic vault in
 * headless Debian Chromium, every workload beside its same-run baseline, at one size or, with
 * --growth, at three) and the bundle section (Node: shared/bundle, the sijill-bundle tool and
 * age on the same bytes). Prints the tables and writes bench-results.json. Runs in Node.
 * Exits 0 whatever the figures: a bench reports, it does not gate CI (`--help` for options).
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure, LongTaskSummary } from './bench-types';
import { runSize, servePage, type BrowserSizeResult } from './browser-run';
import { bundleBench, type BundleSection } from './bundle-bench';
import { HELP, parseArgs, type BenchArgs } from './cli-args';
import { growthRows } from './growth';
import { figuresTable, growthTable, longTaskTable, verdict } from './report';
import { sweepDead } from './vault-cache';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function machine(browserVersion: string | null, loadAtStart: number) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser: browserVersion ?? 'not run',
    /** Other work on the machine skews every figure: printed so a reader can tell. */
    loadAverage1mAtStart: Number(loadAtStart.toFixed(2)),
    loadAverage1mAtEnd: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  };
}

const log = (message: string) => console.log(`[bench] ${message}`);

const overCount = (figures: readonly Figure[], longTasks: readonly LongTaskSummary[]) =>
  figures.filter((f) => verdict(f) === 'OVER').length + longTasks.filter((t) => t.longestMs > 100 || (t.over100 ?? 0) > 0).length;

/** Builds, serves, runs, reports. */
export async function main(argv: readonly string[]): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(HELP);
    return;
  }
  const loadAtStart = os.loadavg()[0] ?? 0;
  const wall = performance.now();
  const sizes: BrowserSizeResult[] = [];
  if (args.browser) {
    log('building the bench page');
    const server = await servePage(repoRoot);
    try {
      for (const count of args.counts) {
        log(`${count.toLocaleString('en')} testimonies`);
        const size = await runSize(repoRoot, server, count, args.seed, { use: args.cache, reuseKept: args.reuseKept }, args.unlockOnly ? 'unlock' : 'all', log);
        sizes.push(size);
        // Printed as soon as it is known: a --growth run takes long, and may be cut short.
        printSize(size);
      }
    } finally {
      await server.close();
    }
  }
  let bundle: BundleSection | null = null;
  if (args.bundle) {
    const scratch = path.join(repoRoot, 'out', 'bench-bundle');
    await sweepDead(scratch, /^(\d+)$/); // bundles of benches killed mid-run (up to 1.25 GiB each)
    bundle = await bundleBench(repoRoot, args.bundleMiB, path.join(scratch, String(process.pid)), log);
  }
  await report(args, sizes, bundle, machine(sizes[0]?.browserVersion ?? null, loadAtStart), performance.now() - wall);
}

/** One size's tables. */
function printSize(size: BrowserSizeResult): void {
  console.log('');
  console.log(`── ${size.count.toLocaleString('en')} testimonies, ${size.generated.attachments} attachments · vault: ${size.source}${size.page.crossOriginIsolated ? '' : ' · page not cross-origin isolated'}`);
  console.log('');
  console.log(figuresTable(size.page.figures));
  console.log('');
  console.log(longTaskTable(size.page.longTasks));
  for (const failure of size.page.failures) console.log(`FAILED workload ${failure}`);
}

async function report(args: BenchArgs, sizes: readonly BrowserSizeResult[], bundle: BundleSection | null, facts: ReturnType<typeof machine>, wallMs: number): Promise<void> {
  const line = (text = '') => console.log(text);
  line();
  line(`Sijill bench (${args.size}), seed ${args.seed} · ${facts.cpu} · ${facts.cores} cores · ${facts.memoryGiB} GiB · ${facts.os} · ${facts.browser} · Node ${facts.node}`);
  line(`load average (1 min): ${facts.loadAverage1mAtStart} at start, ${facts.loadAverage1mAtEnd} at end, on ${facts.cores} cores`);
  if (Math.max(facts.loadAverage1mAtStart, facts.loadAverage1mAtEnd) > facts.cores) line('warning: the machine was busy with other work: every figure is skewed by it');
  let over = 0;
  for (const size of sizes) over += overCount(size.page.figures, size.page.longTasks);
  const failed = sizes.reduce((sum, size) => sum + size.page.failures.length, 0);
  const growth = sizes.length > 1 ? growthRows(sizes.map((s) => ({ count: s.count, figures: s.page.figures, longTasks: s.page.longTasks }))) : null;
  if (growth) {
    line();
    line('── growth with the vault (near-linear: ≤ 12× per 10× testimonies; FLAG: worse, with why)');
    line();
    line(growthTable(sizes.map((s) => s.count), growth));
  }
  if (bundle) {
    line();
    line(`── bundles, ${args.bundleMiB} MiB of attachment-like bytes (Node ${facts.node})`);
    line();
    line(figuresTable(bundle.figures));
    for (const note of bundle.notes) line(note);
    over += overCount(bundle.figures, []);
  }
  line();
  if (failed > 0) line(`${failed} workload(s) FAILED (see above): their figures are missing.`);
  line(over === 0 ? 'Every budget holds.' : `${over} budget(s) OVER (reported, not failed).`);
  line(`wall time ${(wallMs / 1000).toFixed(0)} s`);
  const file = path.join(repoRoot, 'bench-results.json');
  const withVerdicts = (figures: readonly Figure[]) => figures.map((f) => ({ ...f, verdict: verdict(f) }));
  const json = {
    date: new Date().toISOString(),
    options: args,
    machine: facts,
    wallSeconds: Math.round(wallMs / 1000),
    sizes: sizes.map((s) => ({
      testimonies: s.count,
      attachments: s.generated.attachments,
      generationSeconds: Number((s.generated.ms / 1000).toFixed(1)),
      vault: s.source,
      crossOriginIsolated: s.page.crossOriginIsolated,
      figures: withVerdicts(s.page.figures),
      longTasks: s.page.longTasks,
      failures: s.page.failures,
    })),
    growth,
    bundle: bundle ? { mib: args.bundleMiB, figures: withVerdicts(bundle.figures), notes: bundle.notes } : null,
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file) || file}`);
}
