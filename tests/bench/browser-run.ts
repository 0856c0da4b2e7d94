/**
 * The browser section of the bench: builds the bench page, serves it, and for each size
 * generates (or reuses) the synthetic vault in one headless Chromium, then runs the workloads
 * in another, fresh one on a copy of that profile. Runs in Node (runner.ts).
 *
 * The server sends COOP/COEP headers so the page is cross-origin isolated (for
 * `measureUserAgentSpecificMemory`). IndexedDB belongs to an origin, port included, so a kept
 * vault is only found again on the same port: the bench serves on 4179, and if another bench
 * holds that port it falls back to any port and generates afresh (said in the output).
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { BenchOptions, BenchVaultNames, Generated, PageResults } from './bench-types';
import { chromiumArgs, chromiumPath } from '../chromium';
import { workloadSizes } from './cli-args';
import { pageCollectedMemory, rendererMemory, unlockedMemory, type ProtocolSession } from './process-memory';
import { cacheSlot, copyKept, formatHash, keep, readKept, runDirectory, sweepDead, sweepRuns } from './vault-cache';

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
/** The port kept vaults were made on (their IndexedDB origin). */
const CACHE_PORT = 4179;
/** Headers for cross-origin isolation. */
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
/** Makes measureUserAgentSpecificMemory answer at once instead of at the next natural GC. */
const MEMORY_FLAG = '--enable-blink-features=ForceEagerMeasureMemory';

export interface BrowserSizeResult {
  readonly count: number;
  readonly generated: Generated;
  /** How the vault was obtained, for the output. */
  readonly source: string;
  readonly page: PageResults;
  readonly browserVersion: string;
}

export interface BenchPageServer {
  readonly url: string;
  /** True if on the kept vaults' port. */
  readonly cachePort: boolean;
  close(): Promise<void>;
}

/** Builds the bench page into its own folder (another bench may be serving the shared one) and serves it. */
export async function servePage(repoRoot: string): Promise<BenchPageServer> {
  // Pages of benches that were killed before they could clean up go first.
  await sweepDead(path.join(repoRoot, 'out', 'bench-page'), /^(\d+)$/);
  const outDir = path.join(repoRoot, 'out', 'bench-page', String(process.pid));
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const start = (port: number, strictPort: boolean) => preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort, headers: ISOLATION } });
  let server: PreviewServer;
  let cachePort = true;
  try {
    server = await start(CACHE_PORT, true);
  } catch {
    cachePort = false;
    server = await start(CACHE_PORT + 1, false);
  }
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no local address');
  return {
    url,
    cachePort,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

async function openPage(server: BenchPageServer, profile: string, log: (message: string) => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: [...chromiumArgs, MEMORY_FLAG], headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  // Errors only: the page never logs record contents, and neither do we.
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await page.exposeFunction('benchProgress', (message: string) => log(message));
  const withSession = async <T>(measure: (cdp: ProtocolSession) => Promise<T>): Promise<T> => {
    const cdp = await context.newCDPSession(page);
    try {
      return await measure(cdp);
    } finally {
      await cdp.detach();
    }
  };
  // Garbage of earlier steps (the baseline's rows) must not count as the app's memory: every thread collects first.
  await page.exposeFunction('benchProcessMemory', () => withSession((cdp) => unlockedMemory(cdp, profile)));
  // The page's thread collects, the workers keep what they have not collected yet.
  await page.exposeFunction('benchPageCollectedMemory', () => withSession((cdp) => pageCollectedMemory(cdp, profile)));
  // Nothing collected anywhere: the renderer's PSS as the machine sees it, read every second while the app settles.
  await page.exposeFunction('benchRendererMemory', () => rendererMemory(profile));
  await page.goto(server.url);
  await page.waitForFunction(() => window.sijillBench !== undefined);
  return { context, page };
}

/** Generates the vault in `profile` with a browser of its own, closed afterwards. */
async function generateIn(server: BenchPageServer, profile: string, count: number, seed: number, names: BenchVaultNames, log: (message: string) => void): Promise<Generated> {
  const { context, page } = await openPage(server, profile, log);
  try {
    return await page.evaluate((o) => {
      const api = window.sijillBench;
      if (!api) throw new Error('bench page not loaded');
      return api.generate(o);
    }, { count, seed, names });
  } finally {
    await context.close();
  }
}

/** Runs the workloads at `count` testimonies: kept vault copied into a fresh profile, or generated. */
export async function runSize(
  repoRoot: string,
  server: BenchPageServer,
  count: number,
  seed: number,
  cache: { readonly use: boolean; readonly reuseKept: boolean },
  workloads: BenchOptions['workloads'],
  log: (message: string) => void,
): Promise<BrowserSizeResult> {
  await sweepRuns(repoRoot);
  const names: BenchVaultNames = { vault: `sijill-bench-${seed}-${count}`, plain: `sijill-bench-plain-${seed}-${count}` };
  const useCache = cache.use;
  const slot = await cacheSlot(repoRoot, seed, count, cache.reuseKept);
  const profile = await runDirectory(repoRoot, String(count));
  const caching = useCache && server.cachePort;
  try {
    let generated = caching ? await readKept(slot) : null;
    let source: string;
    if (generated) {
      log(`using the kept vault ${path.relative(repoRoot, slot.dir)} (generated in ${(generated.ms / 1000).toFixed(1)} s); copying it into a fresh profile`);
      if (!slot.key.endsWith(await formatHash(repoRoot))) log('--reuse-kept: this vault was made by older sources of the stored format');
      await copyKept(slot, profile);
      source = `kept vault (out/bench-cache/${slot.key}), copied into a fresh profile`;
    } else {
      if (useCache && !server.cachePort) log(`port ${CACHE_PORT} is busy (another bench?): generating afresh and not keeping the vault`);
      const scratch = await runDirectory(repoRoot, `${count}-generate`);
      generated = await generateIn(server, scratch, count, seed, names, log).catch(async (error: unknown) => {
        await rm(scratch, { recursive: true, force: true });
        throw error;
      });
      log(`generated in ${(generated.ms / 1000).toFixed(1)} s`);
      if (caching) {
        await keep(repoRoot, slot, scratch, generated, seed, count);
        log(`kept the vault as ${path.relative(repoRoot, slot.dir)} (encrypted; --no-cache to skip)`);
        await copyKept(slot, profile);
        source = `generated this run (${(generated.ms / 1000).toFixed(1)} s), kept as out/bench-cache/${slot.key}`;
      } else {
        await rm(profile, { recursive: true, force: true });
        await rename(scratch, profile);
        source = `generated this run (${(generated.ms / 1000).toFixed(1)} s), not kept`;
      }
    }
    const { context, page } = await openPage(server, profile, log);
    try {
      const options: BenchOptions = { count, seed, ...workloadSizes(count), names, generated, workloads };
      const results = await page.evaluate((o) => {
        const api = window.sijillBench;
        if (!api) throw new Error('bench page not loaded');
        return api.run(o);
      }, options);
      const browserVersion = (results.userAgent.match(/(?:Headless)?Chrome\/([\d.]+)/) ?? [])[1] ?? results.userAgent;
      return { count, generated, source, page: results, browserVersion: `Chromium ${browserVersion}` };
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
