/**
 * The bench's command line. Unknown flags are an error: a typo must not silently bench the
 * default. Runs in Node (runner.ts). Pure.
 */

export const HELP = `npm run bench [-- OPTIONS]

Builds a bench page over the real vault, records and search code, runs it in headless
Chromium (/usr/bin/chromium or $SIJILL_CHROMIUM), then measures bundle throughput in Node.
Every figure is printed beside its baseline measured in the same run; results also go to
bench-results.json. Always exits 0 unless the bench itself cannot run.

  --quick          1,000 testimonies, 64 MiB bundle (a smoke run)
  (default)        10,000 testimonies, 256 MiB bundle
  --large          100,000 testimonies, 1 GiB bundle
  --growth         run the browser workloads at 1,000, 10,000 and 100,000 testimonies and
                   print how each figure grows per 10× (slow: the 100,000 vault is large)
  --count N        N testimonies instead
  --bundle-mib N   bundle section on N MiB instead
  --seed N         synthetic data seed (default 2026)
  --no-cache       generate the vault afresh, and do not keep it
  --reuse-kept     use the kept vault of this seed and size even if the code that decides
                   what is stored changed since it was made (a developer's shortcut: only
                   when the change cannot alter the stored bytes; the output says so)
  --only WHAT      only the "browser" section or only the "bundle" section; "unlock":
                   only Argon2id, the unlock workloads and the memory of the unlocked app
                   (a quick before/after check of unlock → first page and of memory)
  --help           this text

Generated vaults are kept (encrypted, as the vault stores them) under out/bench-cache/,
keyed by seed, size and a hash of the code that decides what is stored; a run copies the
kept vault into a fresh browser profile, so every run starts from the same bytes.`;

export interface BenchArgs {
  readonly help: boolean;
  /** Testimony counts of the browser section (several with --growth). */
  readonly counts: readonly number[];
  readonly size: 'quick' | 'default' | 'large' | 'custom' | 'growth';
  readonly seed: number;
  readonly bundleMiB: number;
  readonly cache: boolean;
  /** `--reuse-kept`: an older kept vault of the same seed and size is used if there is one. */
  readonly reuseKept: boolean;
  readonly browser: boolean;
  readonly bundle: boolean;
  /** Browser section limited to Argon2id and the unlock workloads (`--only unlock`). */
  readonly unlockOnly: boolean;
}

function positive(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
  return value;
}

/** Reads the command line (without node and script). */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let counts: number[] = [10_000];
  let size: BenchArgs['size'] = 'default';
  let seed = 2026;
  let bundleMiB: number | null = null;
  let cache = true;
  let reuseKept = false;
  let help = false;
  let only: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') [counts, size] = [[1_000], 'quick'];
    else if (arg === '--large') [counts, size] = [[100_000], 'large'];
    else if (arg === '--growth') [counts, size] = [[1_000, 10_000, 100_000], 'growth'];
    else if (arg === '--count') [counts, size] = [[positive('--count', argv[++i])], 'custom'];
    else if (arg === '--seed') seed = positive('--seed', argv[++i]);
    else if (arg === '--bundle-mib') bundleMiB = positive('--bundle-mib', argv[++i]);
    else if (arg === '--no-cache') cache = false;
    else if (arg === '--reuse-kept') reuseKept = true;
    else if (arg === '--only') {
      only = argv[++i] ?? '';
      if (only !== 'browser' && only !== 'bundle' && only !== 'unlock') throw new Error('--only takes "browser", "bundle" or "unlock"');
    } else if (arg === '--help' || arg === '-h') help = true;
    else throw new Error(`unknown argument ${String(arg)} (see npm run bench -- --help)`);
  }
  const defaultBundle = size === 'quick' ? 64 : size === 'large' ? 1024 : 256;
  return { help, counts, size, seed, bundleMiB: bundleMiB ?? defaultBundle, cache, reuseKept, browser: only !== 'bundle', bundle: only === null || only === 'bundle', unlockOnly: only === 'unlock' };
}

/** Saves and attachment bytes for one size: fewer for a smoke run. */
export function workloadSizes(count: number): { saves: number; attachmentMiB: number } {
  return count <= 2_000 ? { saves: 50, attachmentMiB: 16 } : { saves: 200, attachmentMiB: 64 };
}
