/**
 * Memory of the bench browser's renderer processes, from /proc (Linux). Runs in Node
 * (runner.ts). The browser process is the one started with our profile directory; its
 * renderers are the descendants started with `--type=renderer`. The page, the vault worker
 * and the search worker all live in the page's renderer process, so its PSS (shared pages
 * divided among the processes sharing them) is what the unlocked app costs the machine.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { ProcessMemory } from './bench-types';

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
