// The attachment journeys' host page (attachments-host/): built with Vite the way the app is
// (React, the CSP written into the page, the vault worker bundled), served on 127.0.0.1, and
// opened in Debian's Chromium with a persistent profile, plus memory sampling of the
// browser's whole process tree (proportional set size, so shared pages count once).
import react from '@vitejs/plugin-react';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { rendererBuild } from '../../renderer.config';
import { chromiumArgs, chromiumPath } from '../chromium';

const HOST_ROOT = new URL('./attachments-host/', import.meta.url).pathname;

export interface HostServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the host page into a temporary folder and serves it. */
export async function serveAttachmentHost(): Promise<HostServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'sijill-attachments-host-'));
  await build({
    configFile: false,
    root: HOST_ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [react(), ...rendererBuild.plugins],
    define: rendererBuild.define,
    build: { ...rendererBuild.build, outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const server = await preview({ configFile: false, root: HOST_ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the host server has no local URL');
  return {
    url,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

export interface HostJourney {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly profileDir: string;
  /** Console errors and warnings, and uncaught page errors. */
  readonly problems: string[];
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/** Opens the host in a fresh persistent profile and creates (or unlocks) its vault. */
export async function openHost(server: HostServer): Promise<HostJourney> {
  const profileDir = await mkdtemp(join(tmpdir(), 'sijill-e2e-attach-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--enable-precise-memory-info'],
    locale: 'en-US',
  });
  const problems: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Open' }).waitFor({ timeout: 30_000 });
  let closed = false;
  const close = async () => {
    if (!closed) await context.close();
    closed = true;
  };
  return {
    page,
    context,
    profileDir,
    problems,
    close,
    dispose: async () => {
      await close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Locks through the host's button and waits for the locked screen. */
export async function lockHost(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Locked' }).waitFor({ timeout: 30_000 });
}

export async function unlockHost(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Open' }).waitFor({ timeout: 30_000 });
}

async function parentOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Field 4 after the parenthesised command name (which may itself contain spaces).
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[1] ? Number(fields[1]) : null;
}

/** PIDs of the Chromium started on `profileDir` and all its descendants. */
async function processTree(profileDir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map<number, number | null>();
  const roots: number[] = [];
  for (const pid of pids) {
    parents.set(pid, await parentOf(pid));
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--user-data-dir=${profileDir}`) && !cmdline.includes('--type=')) roots.push(pid);
  }
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (parent !== null && tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Proportional set size of the whole browser (every process of the profile), in bytes. */
export async function browserPss(profileDir: string): Promise<number> {
  let total = 0;
  for (const pid of await processTree(profileDir)) {
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const kb = /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1];
    if (kb) total += Number(kb) * 1024;
  }
  return total;
}
