// End-to-end harness: a real Chromium (Debian's) driven by Playwright against the browser
// build served on 127.0.0.1. Every journey records console errors and every request, so a
// test can assert "no errors" and "nothing left 127.0.0.1".
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium';

export interface Journey {
  page: Page;
  context: BrowserContext;
  /** The profile directory on disk (for canary scans). */
  profileDir: string;
  baseUrl: string;
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Close the browser (the profile stays until `dispose`). */
  close(): Promise<void>;
  /** Close the browser and delete the profile. */
  dispose(): Promise<void>;
}

/** Requests that stay on this machine: the served app, or in-page data/blob URLs. */
export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const { protocol, hostname } = new URL(url);
  return (protocol === 'http:' || protocol === 'ws:') && hostname === '127.0.0.1';
}

/** Opens the app in a fresh persistent profile (or `profileDir`, to reopen one). */
export async function openApp(options: { profileDir?: string; locale?: string } = {}): Promise<Journey> {
  const baseUrl = inject('baseUrl');
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'sijill-e2e-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
  });
  const problems: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(baseUrl);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) await context.close();
    closed = true;
  };
  return {
    page,
    context,
    profileDir,
    baseUrl,
    problems,
    requests,
    close,
    dispose: async () => {
      await close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** What one test opened: its app and its scratch folder. */
export interface TestScratch {
  /** Opens the app (as `openApp`); it is disposed after the test. */
  openApp(options?: Parameters<typeof openApp>[0]): Promise<Journey>;
  /** A new empty folder under the system's temporary folder; deleted after the test. */
  folder(prefix: string): Promise<string>;
}

/**
 * For journeys that also write files (a backup, a bundle, the tool's keys): registers, in the
 * calling test file, an afterEach that disposes every app a test opened and deletes its folders,
 * whether the test passed or not.
 */
export function scratchPerTest(): TestScratch {
  const journeys: Journey[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const journey of journeys.splice(0)) await journey.dispose();
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  return {
    openApp: async (options) => {
      const journey = await openApp(options);
      journeys.push(journey);
      return journey;
    },
    folder: async (prefix) => {
      const folder = await mkdtemp(join(tmpdir(), prefix));
      folders.push(folder);
      return folder;
    },
  };
}
