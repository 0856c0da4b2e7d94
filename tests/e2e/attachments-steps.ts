// Steps of the attachment journeys, in the real app: a new vault, a testimony saved once (so it
// has an id to attach to), the editor's attachment panel, lock and unlock back to the same
// testimony; plus memory sampling of the browser's whole process tree (proportional set size,
// so shared pages count once).
import { readdir, readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { addSession, expectSaved, lockAndUnlock, MESSAGES, openNav, startTestimony } from './records-steps';
import { createVault, expectHeading } from './vault-steps';

const m = MESSAGES.en;
export const PASSPHRASE = 'a quiet harbour before the winter storms';

/** The testimony editor's attachment panel. */
export function attachmentPanel(page: Page): Locator {
  return page.locator('section.attachment-panel');
}

/**
 * Creates a vault and a testimony (one session, autosaved), and waits for the editor's
 * attachment panel; returns the testimony's reference code.
 */
export async function newTestimonyWithPanel(page: Page): Promise<string> {
  await createVault(page, PASSPHRASE);
  await startTestimony(page, m);
  await addSession(page, m, 'Documenter D-11');
  await expectSaved(page);
  await attachmentPanel(page).getByText(m.attachments.empty).waitFor({ timeout: 30_000 });
  const code = /T-\d{4}-\d{4,6}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
  expect(code).not.toBe('');
  return code;
}

/** Locks with the shortcut (waits for the lock screen). */
export async function lock(page: Page): Promise<void> {
  await page.keyboard.press('Control+l');
  await expectHeading(page, m.unlock.title);
}

/** Locks, unlocks and opens the testimony `code` again from the list. */
export async function lockUnlockAndReopen(page: Page, code: string): Promise<void> {
  await lockAndUnlock(page, m, PASSPHRASE);
  await reopenTestimony(page, code);
}

/** From the open vault: the testimonies list, then the testimony `code`. */
export async function reopenTestimony(page: Page, code: string): Promise<void> {
  await openNav(page, m.testimony.nav);
  await expectHeading(page, m.testimony.list.title);
  await page.getByRole('button', { name: code, exact: true }).click();
  await attachmentPanel(page).waitFor({ timeout: 30_000 });
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
