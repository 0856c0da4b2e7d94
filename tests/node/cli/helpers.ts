/**
 * Running `sijill-bundle` in-process against real files in a fresh temporary folder, with
 * captured output and a scripted passphrase prompt.
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

/** Runs the CLI in `cwd`; `secrets` answer the passphrase prompts in order. */
export async function cli(cwd: string, argv: readonly string[], secrets: readonly string[] = []): Promise<CliRun> {
  let out = '';
  let err = '';
  const queue = [...secrets];
  const io: CliIo = {
    cwd,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readSecret: async () => {
      const next = queue.shift();
      if (next === undefined) throw new Error('test gave no passphrase');
      return next;
    },
  };
  const code = await run(argv, io);
  return { code, out, err };
}

/** Creates two identities (Team A sends, Partner receives) with their cards, in `cwd`. */
export async function twoParties(cwd: string): Promise<void> {
  for (const [name, label] of [['a', 'Documentation Team A'], ['b', 'Partner Law Office']]) {
    const result = await cli(cwd, ['keygen', '--label', label ?? '', '--out', `${name}.secret`, '--card', `${name}.card`]);
    if (result.code !== 0) throw new Error(result.err);
  }
}
