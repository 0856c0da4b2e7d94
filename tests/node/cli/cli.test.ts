/**
 * `sijill-bundle` in-process against real files: keygen, seal, inspect, verify, open, their
 * exit codes per failure class, and that a failed open leaves nothing behind.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIdentityCard } from '../../../shared/bundle/identity-card';
import { EXIT } from '../../../cli/exit-codes';
import { cli, tempFolder, twoParties } from './helpers';

const PASS = 'شهادة · correct horse battery';

/** A folder with a record, a blob and a hidden file; sealed from Team A to the Partner. */
async function sealed(cwd: string, extra: string[] = []): Promise<void> {
  await twoParties(cwd);
  mkdirSync(join(cwd, 'case'));
  writeFileSync(join(cwd, 'case', 'T-2026-0042.json'), '{"type":"testimony","code":"T-2026-0042","summary":"fictional"}');
  writeFileSync(join(cwd, 'case', 'photo.jpg'), Buffer.alloc(150_000, 7));
  writeFileSync(join(cwd, 'case', '.hidden'), 'skip me');
  const result = await cli(cwd, ['seal', '--identity', 'a.secret', '--to', 'b.card', '--out', 'case.sijill', '--records', '--seq', '5', ...extra, 'case']);
  expect(result.code, result.err).toBe(EXIT.ok);
}

const leftovers = (cwd: string) => readdirSync(cwd).filter((name) => name.includes('.partial-'));

describe('usage', () => {
  it('prints help with the exit codes, and refuses unknown commands and options', async () => {
    const cwd = tempFolder();
    const help = await cli(cwd, ['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain('8  replayed');
    expect((await cli(cwd, [])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['frobnicate'])).code).toBe(EXIT.usage);
    const unknown = await cli(cwd, ['verify', 'x', '--identity', 'a', '--bogus']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).not.toMatch(/\n\s+at /);
    expect((await cli(cwd, ['open', '--help'])).out).toContain('--allow-unverified');
    expect((await cli(cwd, ['verify', 'x.sijill', '--identity', 'a.secret', '--passphrase'])).code).toBe(EXIT.usage);
  });
});

describe('keygen', () => {
  it('writes a 0600 secret file and prints a valid card; never overwrites', async () => {
    const cwd = tempFolder();
    const result = await cli(cwd, ['keygen', '--label', 'Team A', '--out', 'me.secret']);
    expect(result.code).toBe(EXIT.ok);
    expect(statSync(join(cwd, 'me.secret')).mode & 0o777).toBe(0o600);
    const card = await parseIdentityCard(result.out.slice(0, result.out.indexOf('-----END SIJILL IDENTITY CARD-----') + 34));
    expect(card.label).toBe('Team A');
    expect(readFileSync(join(cwd, 'me.secret'), 'utf8')).not.toContain(Buffer.from(card.signPublicKey).toString('base64url'));
    const again = await cli(cwd, ['keygen', '--label', 'Team A', '--out', 'me.secret']);
    expect(again.code).toBe(EXIT.file);
    expect((await cli(cwd, ['keygen', '--label', 'bad\u202Elabel', '--out', 'x.secret'])).code).toBe(EXIT.usage);
  });
});

describe('seal, inspect, verify, open', () => {
  it('round-trips a folder: records as .json, blobs byte-exact, manifest.json, nothing hidden', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const inspect = await cli(cwd, ['inspect', 'case.sijill']);
    expect(inspect.out).toContain('X25519 recipient');
    const verify = await cli(cwd, ['verify', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card']);
    expect(verify.code, verify.err).toBe(EXIT.ok);
    expect(verify.out).toContain('VERIFIED: signed by the pinned card "Documentation Team A"');
    const open = await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card', '--out', 'received']);
    expect(open.code, open.err).toBe(EXIT.ok);
    expect(readdirSync(join(cwd, 'received')).sort()).toEqual(['T-2026-0042.json', 'manifest.json', 'photo.jpg']);
    expect(readFileSync(join(cwd, 'received', 'photo.jpg')).equals(Buffer.alloc(150_000, 7))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'received', 'manifest.json'), 'utf8')) as { entries: { kind: string; type: string }[]; sender_seq: number };
    expect(manifest.entries.map((e) => [e.kind, e.type])).toEqual([['record', 'testimony'], ['blob', 'attachment']]);
    expect(manifest.sender_seq).toBe(5);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('seals for a passphrase and opens with it; a wrong passphrase is "not for us"', async () => {
    const cwd = tempFolder();
    await twoParties(cwd);
    writeFileSync(join(cwd, 'notes.txt'), 'fictional notes');
    expect((await cli(cwd, ['seal', '--identity', 'a.secret', '--passphrase', '--argon2', 'minimum', '--out', 'backup.sijill', 'notes.txt'], [PASS])).code).toBe(EXIT.ok);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--passphrase', '--sender', 'a.card'], [PASS.normalize('NFD')])).code).toBe(EXIT.ok);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--passphrase', '--sender', 'a.card'], ['wrong passphrase here'])).code).toBe(EXIT.notForUs);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--identity', 'b.secret'])).code).toBe(EXIT.notForUs);
    expect((await cli(cwd, ['seal', '--identity', 'a.secret', '--passphrase', '--argon2', 'minimum', '--out', 'weak.sijill', 'notes.txt'], ['short'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['seal', '--identity', 'a.secret', '--passphrase', '--argon2', 'fast', '--out', 'weak.sijill', 'notes.txt'], [PASS])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['inspect', 'backup.sijill'])).out).toContain('passphrase (Argon2id, 2 passes, 19 MiB)');
  });

  it('never overwrites: an existing bundle or output folder is refused and left alone', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const before = readFileSync(join(cwd, 'case.sijill'));
    expect((await cli(cwd, ['seal', '--identity', 'a.secret', '--to', 'b.card', '--out', 'case.sijill', 'case'])).code).toBe(EXIT.file);
    expect(readFileSync(join(cwd, 'case.sijill')).equals(before)).toBe(true);
    mkdirSync(join(cwd, 'received'));
    writeFileSync(join(cwd, 'received', 'mine.txt'), 'keep');
    expect((await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card', '--out', 'received'])).code).toBe(EXIT.file);
    expect(readdirSync(join(cwd, 'received'))).toEqual(['mine.txt']);
  });
});

describe('failures: exit codes and nothing half-written', () => {
  it('an unpinned or wrong sender: 7, and open writes nothing unless --allow-unverified', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    expect((await cli(cwd, ['verify', 'case.sijill', '--identity', 'b.secret'])).code).toBe(EXIT.unverifiedSender);
    expect((await cli(cwd, ['verify', 'case.sijill', '--identity', 'b.secret', '--sender', 'b.card'])).code).toBe(EXIT.unverifiedSender);
    const refused = await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--out', 'received']);
    expect(refused.code).toBe(EXIT.unverifiedSender);
    expect(refused.err).toMatch(/signed by "Documentation Team A" \(fingerprint (\d{5} ){11}\d{5}\), which matches no pinned/);
    expect(readdirSync(cwd)).not.toContain('received');
    const allowed = await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--out', 'suspect', '--allow-unverified']);
    expect(allowed.code).toBe(EXIT.unverifiedSender);
    expect(allowed.out).toContain('SENDER NOT VERIFIED');
    expect(readdirSync(join(cwd, 'suspect'))).toContain('photo.jpg');
    expect(leftovers(cwd)).toEqual([]);
  });

  it('not for us: 4; malformed: 5; tampered or cut: 6; and a failed open leaves no folder', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const bytes = readFileSync(join(cwd, 'case.sijill'));
    expect((await cli(cwd, ['verify', 'case.sijill', '--identity', 'a.secret', '--sender', 'a.card'])).code).toBe(EXIT.notForUs);
    writeFileSync(join(cwd, 'junk.sijill'), 'not a bundle at all, just text that is long enough to pass the size gate '.repeat(5));
    const junk = await cli(cwd, ['verify', 'junk.sijill', '--identity', 'b.secret']);
    expect(junk.code).toBe(EXIT.malformed);
    expect(junk.err).toMatch(/^sijill-bundle: .*\[bad-magic\]\n$/);
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 70_000) ^ 1, flipped.length - 70_000); // inside the blob, second chunk
    writeFileSync(join(cwd, 'flipped.sijill'), flipped);
    writeFileSync(join(cwd, 'cut.sijill'), bytes.subarray(0, 123 + 24 + 65553));
    for (const file of ['flipped.sijill', 'cut.sijill']) {
      const result = await cli(cwd, ['open', file, '--identity', 'b.secret', '--sender', 'a.card', '--out', 'received']);
      expect(result.code, result.err).toBe(EXIT.tampered);
      expect(readdirSync(cwd)).not.toContain('received');
      expect(leftovers(cwd)).toEqual([]);
    }
    expect((await cli(cwd, ['inspect', 'junk.sijill'])).code).toBe(EXIT.malformed);
    expect((await cli(cwd, ['verify', 'missing.sijill', '--identity', 'b.secret'])).code).toBe(EXIT.file);
  });

  it('replayed: 8 with a seen-file that open filled', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const first = await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card', '--out', 'one', '--seen', 'seen.json']);
    expect(first.code, first.err).toBe(EXIT.ok);
    const again = await cli(cwd, ['open', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card', '--out', 'two', '--seen', 'seen.json']);
    expect(again.code).toBe(EXIT.replayed);
    expect(readdirSync(cwd)).not.toContain('two');
    expect((await cli(cwd, ['verify', 'case.sijill', '--identity', 'b.secret', '--sender', 'a.card', '--seen', 'seen.json'])).code).toBe(EXIT.replayed);
  });
});
