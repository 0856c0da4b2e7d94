/**
 * The built command as partners' scripts run it: `vite build --config cli/vite.config.ts` into
 * a temporary folder, then `node sijill-bundle.mjs …` as a child process against real files,
 * with the command line of issue 6 item 6 verbatim, passphrases from SIJILL_PASSPHRASE /
 * SIJILL_BUNDLE_PASSPHRASE (never argv, no terminal here), every exit code, and errors as one
 * line without a stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKeyFile } from '../../../cli/key-file';
import { formatIdentityCard } from '../../../shared/bundle/identity-card';
import type { Manifest } from '../../../shared/bundle/manifest';
import { KDF_FLOOR } from '../../../shared/crypto/kdf-params';
import { craftBundle } from '../shared/bundle/craft';
import { alice, bob, id } from '../shared/bundle/helpers';
import { digest, pattern } from '../shared/stream/helpers';

const work = mkdtempSync(join(tmpdir(), 'sijill-built-cli-'));
const script = join(work, 'dist', 'sijill-bundle.mjs');
const KEY_PASS = 'correct horse battery staple, synthetic';
const BUNDLE_PASS = 'صيدنايا correct horse battery';

beforeAll(async () => {
  await build({ configFile: resolve('cli/vite.config.ts'), logLevel: 'silent', build: { outDir: join(work, 'dist') } });
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built command in `work` with `env` added (and no passphrase variables otherwise). */
function sijill(args: string[], env: Record<string, string> = { SIJILL_PASSPHRASE: KEY_PASS }): Promise<Outcome> {
  const { SIJILL_PASSPHRASE: _key, SIJILL_BUNDLE_PASSPHRASE: _bundle, ...inherited } = process.env;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'], env: { ...inherited, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(); // stdin is not a terminal and holds no passphrase
  });
}

// Each step is a new Node process that loads libsodium and runs Argon2id: allow for a busy
// machine (a generous ceiling against hangs, not a speed check).

/** One line on stderr, no stack trace. */
function expectOneLine(outcome: Outcome): void {
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
}

describe('built sijill-bundle', () => {
  it('is what `npm run build` builds and package.json `bin` declares', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin['sijill-bundle']).toBe('out/cli/sijill-bundle.mjs');
    expect(pkg.scripts.build).toContain('npm run build:cli');
    expect(pkg.scripts['build:cli']).toBe('vite build --config cli/vite.config.ts');
    expect(readFileSync(script, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs keygen, seal, inspect, verify and open with the issue’s flags, passphrases from the environment', async () => {
    expect((await sijill(['--help'])).code).toBe(0);
    const team = await sijill(['keygen', '--out', 'team', '--argon2', 'minimum']);
    expect(team.code, team.stderr).toBe(0);
    expect(team.stdout).toMatch(/^fingerprint (\d{5} ){11}\d{5}$/m);
    expect((await sijill(['keygen', '--out', 'partner', '--label', 'Partner Law Office', '--argon2', 'minimum'])).code).toBe(0);
    expect(readdirSync(work).filter((name) => name.startsWith('team') || name.startsWith('partner')).sort()).toEqual(['partner.sijill-id', 'partner.sijill-key', 'team.sijill-id', 'team.sijill-key']);
    writeFileSync(join(work, 'notes.txt'), 'fictional testimony notes');
    writeFileSync(join(work, 'scan.pdf'), 'fictional scan');
    const sealed = await sijill(['seal', '--key', 'team.sijill-key', '--to', 'partner.sijill-id', '--to', 'team.sijill-id', '--out', 'case.sijill', 'notes.txt', 'scan.pdf']);
    expect(sealed.code, sealed.stderr).toBe(0);
    const inspect = await sijill(['inspect', 'case.sijill'], {});
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('stanzas     2');
    const verified = await sijill(['verify', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id']);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(team.stdout.split('\n')[0] ?? 'no fingerprint');
    expect(verified.stdout).toContain('"notes.txt"');
    const opened = await sijill(['open', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'out']);
    expect(opened.code, opened.stderr).toBe(0);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['manifest.json', 'notes.txt', 'scan.pdf']);
    expect(readFileSync(join(work, 'out', 'notes.txt'), 'utf8')).toBe('fictional testimony notes');

    // A passphrase bundle, its passphrase from SIJILL_BUNDLE_PASSPHRASE.
    const backup = await sijill(['seal', '--key', 'team.sijill-key', '--passphrase', '--argon2', 'minimum', '--out', 'backup.sijill', 'notes.txt'], { SIJILL_PASSPHRASE: KEY_PASS, SIJILL_BUNDLE_PASSPHRASE: BUNDLE_PASS });
    expect(backup.code, backup.stderr).toBe(0);
    expect((await sijill(['verify', 'backup.sijill', '--passphrase', '--trust', 'team.sijill-id'], { SIJILL_BUNDLE_PASSPHRASE: BUNDLE_PASS })).code).toBe(0);
  }, 120_000);

  it('exits 1, 2, 3, 4 and 5 as documented, one line on stderr, and open creates no DIR', async () => {
    const cases: [string[], Record<string, string> | undefined, number][] = [
      [['open', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'out'], undefined, 1], // DIR exists
      [['verify', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id'], { SIJILL_PASSPHRASE: 'not the key passphrase' }, 1],
      [['verify', 'missing.sijill', '--key', 'partner.sijill-key'], undefined, 1],
      [['open', 'case.sijill'], undefined, 2],
      [['verify', 'case.sijill', '--identity', 'partner.sijill-key'], undefined, 2],
      [['verify', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id'], {}, 2], // no terminal, no SIJILL_PASSPHRASE
      [['keygen', '--out', 'third', '--argon2', 'minimum'], { SIJILL_PASSPHRASE: 'short' }, 2],
      [['open', 'backup.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'd3'], undefined, 3],
      [['open', 'backup.sijill', '--passphrase', '--trust', 'team.sijill-id', '--out', 'd3'], { SIJILL_BUNDLE_PASSPHRASE: 'not the bundle passphrase' }, 3],
      [['open', 'junk.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'd4'], undefined, 4],
      [['open', 'cut.sijill', '--key', 'partner.sijill-key', '--trust', 'team.sijill-id', '--out', 'd4'], undefined, 4],
      [['open', 'case.sijill', '--key', 'partner.sijill-key', '--trust', 'partner.sijill-id', '--out', 'd5'], undefined, 5],
      [['verify', 'case.sijill', '--key', 'partner.sijill-key'], undefined, 5],
    ];
    writeFileSync(join(work, 'junk.sijill'), 'x'.repeat(1000));
    const bytes = readFileSync(join(work, 'case.sijill'));
    writeFileSync(join(work, 'cut.sijill'), bytes.subarray(0, bytes.length - 17));
    for (const [args, env, code] of cases) {
      const outcome = await sijill(args, env);
      expect(outcome.code, `${args.join(' ')}: ${outcome.stderr}`).toBe(code);
      expectOneLine(outcome);
    }
    for (const dir of ['d3', 'd4', 'd5']) expect(existsSync(join(work, dir))).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('.partial-') || name.startsWith('third'))).toEqual([]);
  }, 120_000);

  // open and verify hash on a second thread (cli/hash-thread.ts): the built tool is its own
  // worker script. Several MiB, so batches are in flight when the lie is found; every run must
  // end (a hashing thread left running would keep the process alive and time the test out).
  it('hashes on its second thread: a manifest lying about a BLAKE2b or SHA-256 exits 4 and writes nothing', async () => {
    writeFileSync(join(work, 'bob.sijill-key'), await formatKeyFile({ label: 'Partner Law Office', identity: bob }, KEY_PASS, KDF_FLOOR), { mode: 0o600 });
    writeFileSync(join(work, 'alice.sijill-id'), await formatIdentityCard(alice, 'Documentation Team A'));
    const scan = pattern(5 * 1024 * 1024 + 17, 41);
    const entries = [{ id: id(1), kind: 'blob', type: 'attachment', bytes: scan, name: 'scan.bin' }] as const;
    const lie = (field: 'blake2b' | 'sha256') => (m: Manifest) => ((m.entries[0] as Record<typeof field, string>)[field] = 'f'.repeat(64), m);
    writeFileSync(join(work, 'honest.sijill'), (await craftBundle({ entries })).bytes);
    writeFileSync(join(work, 'lies-blake2b.sijill'), (await craftBundle({ entries, manifest: lie('blake2b') })).bytes);
    writeFileSync(join(work, 'lies-sha256.sijill'), (await craftBundle({ entries, manifest: lie('sha256') })).bytes);
    const trust = ['--key', 'bob.sijill-key', '--trust', 'alice.sijill-id'];
    for (const field of ['blake2b', 'sha256'] as const) {
      for (const command of ['verify', 'open']) {
        const outcome = await sijill([command, `lies-${field}.sijill`, ...trust, ...(command === 'open' ? ['--out', `lie-${field}`] : [])]);
        expect(outcome.code, outcome.stderr).toBe(4);
        expect(outcome.stderr).toContain(field);
        expect(outcome.stdout).toBe('');
        expectOneLine(outcome);
      }
      expect(existsSync(join(work, `lie-${field}`))).toBe(false);
    }
    expect(readdirSync(work).filter((name) => name.includes('.partial-'))).toEqual([]);
    const opened = await sijill(['open', 'honest.sijill', ...trust, '--out', 'honest']);
    expect(opened.code, opened.stderr).toBe(0);
    expect(digest(readFileSync(join(work, 'honest', 'scan.bin')))).toBe(digest(scan)); // toEqual is slow on MiBs
  }, 120_000);
});
