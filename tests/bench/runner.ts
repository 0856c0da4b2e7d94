/**
 * `npm run bench` (DESIGN.md §13, issue 7): builds the bench page, serves it on 127.0.0.1,
 * runs every workload in headless Debian Chromium with a fresh profile, prints each figure
 * beside its same-run baseline with ratio and budget, and writes bench-results.json.
 * Runs in Node. Always exits 0: a bench reports, it does not gate CI.
 *
 *   npm run bench                # 10,000 testimonies
 *   npm run bench -- --quick     # 1,000 (a smoke run, about a minute)
 *   npm run bench -- --large     # 100,000
 *   npm run bench -- --count 5000 --seed 7
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { BenchOptions, PageResults } from './bench-types';
import { chromiumArgs, chromiumPath } from '../chromium';
import { figuresTable, longTaskTable, verdict } from './report';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

/** Reads the command line; unknown flags are an error (a typo must not bench the default silently). */
export function parseArgs(argv: readonly string[]): BenchOptions & { size: string } {
  let count = 10_000;
  let size = 'default';
  let seed = 2026;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') [count, size] = [1_000, 'quick'];
    else if (arg === '--large') [count, size] = [100_000, 'large'];
    else if (arg === '--count') [count, size] = [Number(argv[++i]), 'custom'];
    else if (arg === '--seed') seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${String(arg)} (use --quick, --large, --count N, --seed N)`);
  }
  if (!Number.isInteger(count) || count < 1) throw new Error('--count needs a positive whole number');
  const quick = count <= 2_000;
  return { count, seed, size, saves: quick ? 50 : 200, attachmentMiB: quick ? 16 : 64 };
}

function machine(browserVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser: browserVersion,
    /** Other work on the machine skews every figure: printed so a reader can tell. */
    loadAverage1m: Number((os.loadavg()[0] ?? 0).toFixed(2)),
  };
}

const log = (message: string) => console.log(`[bench] ${message}`);

/** Builds, serves, runs, reports. */
export async function main(argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv);
  const wall = performance.now();
  log(`building the bench page`);
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({ configFile, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  const profile = await mkdtemp(path.join(os.tmpdir(), 'sijill-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  try {
    if (!url) throw new Error('the preview server has no local address');
    const page = context.pages()[0] ?? (await context.newPage());
    // Errors only: the page never logs record contents, and neither do we.
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    await page.exposeFunction('benchProgress', (message: string) => log(message));
    await page.goto(url);
    await page.waitForFunction(() => window.sijillBench !== undefined);
    const { size: _size, ...pageOptions } = options;
    const results: PageResults = await page.evaluate((o) => {
      const api = window.sijillBench;
      if (!api) throw new Error('bench page not loaded');
      return api.run(o);
    }, pageOptions);
    const browserVersion = (results.userAgent.match(/(?:Headless)?Chrome\/([\d.]+)/) ?? [])[1] ?? results.userAgent;
    report(options, results, machine(`Chromium ${browserVersion}`), performance.now() - wall);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await rm(profile, { recursive: true, force: true });
  }
}

function report(options: ReturnType<typeof parseArgs>, results: PageResults, facts: ReturnType<typeof machine>, wallMs: number): void {
  const { generation } = results;
  console.log('');
  console.log(`Sijill bench — ${generation.testimonies} testimonies (${options.size}), seed ${options.seed}`);
  console.log(`${facts.cpu} · ${facts.cores} cores · ${facts.memoryGiB} GiB · ${facts.os} · ${facts.browser} · Node ${facts.node}`);
  if (facts.loadAverage1m > facts.cores) console.log(`warning: load average ${facts.loadAverage1m} on ${facts.cores} cores: other work is skewing these figures`);
  console.log(`generation (not measured): ${(generation.ms / 1000).toFixed(1)} s, ${generation.attachments} attachments`);
  console.log('');
  console.log(figuresTable(results.figures));
  console.log('');
  console.log(longTaskTable(results.longTasks));
  const over = results.figures.filter((f) => verdict(f) === 'OVER').length + results.longTasks.filter((t) => t.longestMs > 100).length;
  console.log('');
  console.log(over === 0 ? 'Every budget holds.' : `${over} budget(s) OVER (reported, not failed).`);
  const file = path.join(repoRoot, 'bench-results.json');
  const json = { date: new Date().toISOString(), options, machine: facts, wallSeconds: Math.round(wallMs / 1000), generation, figures: results.figures.map((f) => ({ ...f, verdict: verdict(f) })), longTasks: results.longTasks };
  void writeFile(file, `${JSON.stringify(json, null, 2)}\n`).then(() => log(`wrote ${path.relative(process.cwd(), file) || file}`));
}
