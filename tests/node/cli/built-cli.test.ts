/**
 * Smoke test of the built command: `vite build --config cli/vite.config.ts` into a temporary
 * folder, then `node sijill-bundle.mjs …` as a child process against real files, with the
 * passphrase piped on stdin (never argv) and errors as one line without a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'sijill-built-cli-'));
const script = join(work, 'dist', 'sijill-bundle.mjs');

beforeAll(async () => {
  await build({ configFile: resolve('cli/vite.config.ts'), logLevel: 'silent', build: { outDir: join(work, 'dist') } });
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs the built command in `work`, writing `input` to its stdin. */
function sijill(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('built sijill-bundle', () => {
  it('runs keygen, seal (passphrase on stdin), inspect, verify and open as a child process', async () => {
    expect((await sijill(['--help'])).code).toBe(0);
    expect((await sijill(['keygen', '--label', 'Team A', '--out', 'a.secret', '--card', 'a.card'])).code).toBe(0);
    writeFileSync(join(work, 'notes.txt'), 'fictional testimony notes');
    const sealed = await sijill(['seal', '--identity', 'a.secret', '--passphrase', '--argon2', 'minimum', '--out', 'b.sijill', 'notes.txt'], 'صيدنايا correct horse battery\n');
    expect(sealed.code, sealed.stderr).toBe(0);
    expect((await sijill(['inspect', 'b.sijill'])).stdout).toContain('passphrase (Argon2id, 2 passes, 19 MiB)');
    const verified = await sijill(['verify', 'b.sijill', '--passphrase', '--sender', 'a.card'], 'صيدنايا correct horse battery\n');
    expect(verified.code, verified.stderr).toBe(0);
    const opened = await sijill(['open', 'b.sijill', '--passphrase', '--sender', 'a.card', '--out', 'out'], 'صيدنايا correct horse battery\n');
    expect(opened.code, opened.stderr).toBe(0);
    expect(readFileSync(join(work, 'out', 'notes.txt'), 'utf8')).toBe('fictional testimony notes');
  });

  it('reports failures as one line with the documented exit code, never a stack trace', async () => {
    writeFileSync(join(work, 'junk.sijill'), 'x'.repeat(1000));
    const junk = await sijill(['verify', 'junk.sijill', '--passphrase'], 'whatever passphrase\n');
    expect(junk.code).toBe(5);
    expect(junk.stderr.trim().split('\n')).toHaveLength(1);
    expect(junk.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
    const wrong = await sijill(['verify', 'b.sijill', '--passphrase'], 'not the passphrase at all\n');
    expect(wrong.code).toBe(4);
    expect((await sijill(['open', 'b.sijill'])).code).toBe(2);
  });
});
