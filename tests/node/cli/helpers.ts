/**
 * Running `sijill-bundle` in-process against real files in a fresh temporary folder, with
 * captured output and scripted passphrase prompts (the key file's, and a bundle's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CliIo } from '../../../cli/io';
import { run } from '../../../cli/run';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A new empty temporary folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sijill-cli-'));
  folders.push(folder);
  return folder;
}

/** The result of one run. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The key-file passphrase every test identity is made with (synthetic). */
export const KEY_PASS = 'مفتاح الشريك · key file passphrase';

/** Scripted answers: the key file's passphrase (default KEY_PASS) and bundle passphrases in order. */
export interface Secrets {
  readonly key?: string;
  readonly bundle?: readonly string[];
}

/** Runs the CLI in `cwd`, answering passphrase prompts from `secrets`. */
export async function cli(cwd: string, argv: readonly string[], secrets: Secrets = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const bundle = [...(secrets.bundle ?? [])];
  const io: CliIo = {
    cwd,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readSecret: async (_prompt, kind) => {
      const next = kind === 'key' ? (secrets.key ?? KEY_PASS) : bundle.shift();
      if (next === undefined) throw new Error('test gave no bundle passphrase');
      return next;
    },
  };
  const code = await run(argv, io);
  return { code, out, err };
}

/**
 * Creates two identities in `cwd` with the cheapest allowed Argon2id cost: Team A sends
 * (a.sijill-key, a.sijill-id), the Partner receives (b.sijill-key, b.sijill-id).
 */
export async function twoParties(cwd: string): Promise<void> {
  for (const [name, label] of [['a', 'Documentation Team A'], ['b', 'Partner Law Office']]) {
    const result = await cli(cwd, ['keygen', '--out', name ?? '', '--label', label ?? '', '--argon2', 'minimum']);
    if (result.code !== 0) throw new Error(result.err);
  }
}
