/**
 * Keeping generated bench vaults between runs. Runs in Node (runner.ts).
 *
 * A kept vault is a Chromium profile directory (its IndexedDB holds only what the vault
 * stores: ciphertext under random ids) plus `vault.json` with the keyring file (ciphertext
 * too; the bench passphrase is public, the data synthetic). The key is seed + count + a hash
 * of every source file that decides what gets stored (vault, crypto, domain, record kinds,
 * contacts, the synthetic data, its partner and its writer), so a change to any of them regenerates instead of
 * benchmarking a stale format. A run never uses the kept profile itself: it works on a copy,
 * so every run starts from the same bytes.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Generated } from './bench-types';

/** Folders and files whose contents decide the stored bytes of a bench vault. */
const FORMAT_SOURCES = [
  'renderer/src/vault',
  'renderer/src/features/records',
  'renderer/src/features/contacts', // the partner contact
  'shared/crypto',
  'shared/domain',
  'tests/bench/page/synthetic-vault.ts',
  'tests/bench/page/populate.ts',
  'tests/bench/page/partner.ts',
  'tests/bench/page/bulk-writer.worker.ts',
  'tests/browser/import/support.ts', // addPartner, which verifies the partner
];

async function filesUnder(root: string, relative: string): Promise<string[]> {
  const full = path.join(root, relative);
  const entries = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [relative];
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(root, path.join(relative, entry.name)) : [path.join(relative, entry.name)])));
  return nested.flat();
}

/** A short hash of the format sources (paths and contents). */
export async function formatHash(repoRoot: string): Promise<string> {
  const files = (await Promise.all(FORMAT_SOURCES.map((source) => filesUnder(repoRoot, source)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(repoRoot, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Where kept vaults live. */
export function cacheRoot(repoRoot: string): string {
  return path.join(repoRoot, 'out', 'bench-cache');
}

export interface CacheSlot {
  readonly dir: string;
  readonly profile: string;
  readonly key: string;
}

function slotOf(repoRoot: string, key: string): CacheSlot {
  const dir = path.join(cacheRoot(repoRoot), key);
  return { dir, profile: path.join(dir, 'profile'), key };
}

/**
 * The slot of a vault of `count` testimonies for `seed` at the current format. With
 * `reuseOlder` (`--reuse-kept`), a completed slot of the same seed and size kept by other
 * sources is taken when the current one has none: for a developer who changed code that
 * cannot alter the stored bytes and does not want to wait for a regeneration (minutes at
 * 100,000). The caller says so in the output.
 */
export async function cacheSlot(repoRoot: string, seed: number, count: number, reuseOlder = false): Promise<CacheSlot> {
  const current = slotOf(repoRoot, `s${seed}-n${count}-${await formatHash(repoRoot)}`);
  if (!reuseOlder || (await readKept(current))) return current;
  const prefix = `s${seed}-n${count}-`;
  for (const name of await readdir(cacheRoot(repoRoot)).catch(() => [])) {
    const older = slotOf(repoRoot, name);
    if (name.startsWith(prefix) && (await readKept(older))) return older;
  }
  return current;
}

/** The kept vault of `slot`, or null if none was completed. */
export async function readKept(slot: CacheSlot): Promise<Generated | null> {
  try {
    return JSON.parse(await readFile(path.join(slot.dir, 'vault.json'), 'utf8')) as Generated;
  } catch {
    return null;
  }
}

/**
 * Keeps `profile` (a closed browser's profile holding a freshly generated vault) as `slot`,
 * replacing kept vaults of the same seed and size at older formats. `vault.json` is written
 * last: a slot without it was cut short and is never used.
 */
export async function keep(repoRoot: string, slot: CacheSlot, profile: string, generated: Generated, seed: number, count: number): Promise<void> {
  const root = cacheRoot(repoRoot);
  for (const name of await readdir(root)) {
    if (name.startsWith(`s${seed}-n${count}-`)) await rm(path.join(root, name), { recursive: true, force: true });
  }
  await mkdir(slot.dir, { recursive: true });
  await rename(profile, slot.profile);
  await writeFile(path.join(slot.dir, 'vault.json'), JSON.stringify(generated));
}

/** A fresh run directory under the cache root (removed by the caller). */
export async function runDirectory(repoRoot: string, label: string): Promise<string> {
  const dir = path.join(cacheRoot(repoRoot), `run-${process.pid}-${label}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Copies the kept profile of `slot` to `target` (which must be empty). */
export async function copyKept(slot: CacheSlot, target: string): Promise<void> {
  await cp(slot.profile, target, { recursive: true });
}

/** Removes run directories left by bench processes that no longer exist. */
export async function sweepRuns(repoRoot: string): Promise<void> {
  await sweepDead(cacheRoot(repoRoot), /^run-(\d+)-/);
}

/** Removes the entries of `root` whose name carries (by `pattern`) the id of a process that no longer exists. */
export async function sweepDead(root: string, pattern: RegExp): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const name of await readdir(root)) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    let alive = true;
    try {
      process.kill(Number(pid), 0);
    } catch {
      alive = false;
    }
    if (!alive) await rm(path.join(root, name), { recursive: true, force: true });
  }
}
