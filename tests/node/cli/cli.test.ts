/**
 * `sijill-bundle` in-process against real files, with the command line of issue 6 item 6:
 * `keygen --out NAME`, `seal --key --to --out`, `inspect`, `verify --key --trust`,
 * `open --key --trust --out`; every exit code (0 ok, 1 other, 2 usage, 3 not addressed to this
 * key, 4 damaged or not a bundle, 5 signer not trusted), and that a failure writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { humanFingerprint } from '../../../shared/bundle/fingerprint';
import { formatIdentityCard, parseIdentityCard } from '../../../shared/bundle/identity-card';
import { identityBindingMessage } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { EXIT } from '../../../cli/exit-codes';
import { readKeyFile } from '../../../cli/key-file';
import { cli, KEY_PASS, tempFolder, twoParties } from './helpers';

const PASS = 'شهادة · correct horse battery';

/** A folder with a record, a blob and a hidden file; sealed from Team A to the Partner. */
async function sealed(cwd: string): Promise<void> {
  await twoParties(cwd);
  mkdirSync(join(cwd, 'case'));
  writeFileSync(join(cwd, 'case', 'T-2026-0042.json'), '{"type":"testimony","code":"T-2026-0042","summary":"fictional"}');
  writeFileSync(join(cwd, 'case', 'photo.jpg'), Buffer.alloc(150_000, 7));
  writeFileSync(join(cwd, 'case', '.hidden'), 'skip me');
  const result = await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'b.sijill-id', '--out', 'case.sijill', '--records', '--seq', '5', 'case']);
  expect(result.code, result.err).toBe(EXIT.ok);
}

const leftovers = (cwd: string) => readdirSync(cwd).filter((name) => name.includes('.partial-'));
/** Open as the Partner, trusting Team A's card, into `out`. */
const openArgs = (file: string, out: string) => ['open', file, '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--out', out];

describe('usage (exit 2)', () => {
  it('prints help with the exit codes, and refuses unknown commands, options and the old flag names', async () => {
    const cwd = tempFolder();
    const help = await cli(cwd, ['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const line of ['3  not addressed to this key', '4  damaged or not a valid bundle', '5  signer not trusted', 'SIJILL_PASSPHRASE']) expect(help.out).toContain(line);
    expect(EXIT).toEqual({ ok: 0, other: 1, usage: 2, notForThisKey: 3, damaged: 4, untrusted: 5 });
    expect((await cli(cwd, [])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['frobnicate'])).code).toBe(EXIT.usage);
    const unknown = await cli(cwd, ['verify', 'x', '--key', 'a', '--bogus']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).not.toMatch(/\n\s+at /);
    for (const old of [
      ['verify', 'x.sijill', '--identity', 'a.secret'],
      ['verify', 'x.sijill', '--key', 'a.sijill-key', '--sender', 'a.card'],
      ['open', 'x.sijill', '--key', 'a.sijill-key', '--out', 'd', '--allow-unverified'],
      ['keygen', '--out', 'x', '--card', 'x.card'],
    ]) {
      expect((await cli(cwd, old)).code, old.join(' ')).toBe(EXIT.usage);
    }
    expect((await cli(cwd, ['open', '--help'])).out).toContain('--trust CARD');
    expect((await cli(cwd, ['verify', 'x.sijill', '--key', 'a.sijill-key', '--passphrase'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['verify', 'x.sijill', '--trust', 'a.sijill-id'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['open', 'x.sijill', '--key', 'a.sijill-key'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['keygen'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--out', 'x.sijill', 'notes.txt'])).code).toBe(EXIT.usage);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('keygen --out NAME', () => {
  it('writes NAME.sijill-key (0600, sealed under the passphrase) and NAME.sijill-id, and prints the fingerprint', async () => {
    const cwd = tempFolder();
    const result = await cli(cwd, ['keygen', '--out', 'partner', '--argon2', 'minimum']);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(readdirSync(cwd).sort()).toEqual(['partner.sijill-id', 'partner.sijill-key']);
    expect(statSync(join(cwd, 'partner.sijill-key')).mode & 0o777).toBe(0o600);
    const card = await parseIdentityCard(readFileSync(join(cwd, 'partner.sijill-id'), 'utf8'));
    expect(card.label).toBe('partner'); // the default label: the last part of NAME
    expect(result.out).toContain(`fingerprint ${humanFingerprint(card.fingerprint)}`);
    expect(result.out).toMatch(/^fingerprint (\d{5} ){11}\d{5}$/m);
    // The key opens with its passphrase only, and holds the card's keys.
    const key = await readKeyFile(join(cwd, 'partner.sijill-key'), () => Promise.resolve(KEY_PASS), () => undefined);
    expect(Buffer.from(key.identity.signPublicKey).equals(Buffer.from(card.signPublicKey))).toBe(true);
    expect(Buffer.from(key.identity.boxPublicKey).equals(Buffer.from(card.boxPublicKey))).toBe(true);
    const keyText = readFileSync(join(cwd, 'partner.sijill-key'), 'utf8');
    expect(keyText).toMatch(/^-----BEGIN SIJILL SECRET KEY-----\nversion: 1\nlabel: partner\nops: 2\nmem: 19922944\nsalt: /);
    expect(keyText).not.toContain(Buffer.from(key.identity.boxSecretKey).toString('base64url'));
    expect(keyText).not.toContain(Buffer.from(key.identity.signSecretKey.subarray(0, 32)).toString('base64url'));
  });

  it('takes --label, and refuses (writing neither file) an existing file, a short passphrase or a bad label', async () => {
    const cwd = tempFolder();
    expect((await cli(cwd, ['keygen', '--out', join('keys', 'team'), '--label', 'Documentation Team A', '--argon2', 'minimum'])).code).toBe(EXIT.other); // no such folder
    mkdirSync(join(cwd, 'keys'));
    const made = await cli(cwd, ['keygen', '--out', join('keys', 'team'), '--label', 'Documentation Team A', '--argon2', 'minimum']);
    expect(made.code, made.err).toBe(EXIT.ok);
    expect((await parseIdentityCard(readFileSync(join(cwd, 'keys', 'team.sijill-id'), 'utf8'))).label).toBe('Documentation Team A');
    const before = readFileSync(join(cwd, 'keys', 'team.sijill-key'));
    const again = await cli(cwd, ['keygen', '--out', join('keys', 'team'), '--argon2', 'minimum']);
    expect(again.code).toBe(EXIT.other);
    expect(again.err).toMatch(/^sijill-bundle: .*team\.sijill-key already exists; nothing was overwritten\n$/);
    expect(readFileSync(join(cwd, 'keys', 'team.sijill-key')).equals(before)).toBe(true);
    writeFileSync(join(cwd, 'lone.sijill-id'), 'someone else’s card');
    expect((await cli(cwd, ['keygen', '--out', 'lone', '--argon2', 'minimum'])).code).toBe(EXIT.other);
    expect(existsSync(join(cwd, 'lone.sijill-key'))).toBe(false);
    const short = await cli(cwd, ['keygen', '--out', 'short', '--argon2', 'minimum'], { key: 'too short' });
    expect(short.code).toBe(EXIT.usage);
    expect(short.err).toContain('too short');
    expect((await cli(cwd, ['keygen', '--out', 'bidi', '--label', 'bad\u202Elabel'])).code).toBe(EXIT.usage);
    expect((await cli(cwd, ['keygen', '--out', 'cost', '--argon2', 'fast'])).code).toBe(EXIT.usage);
    expect(readdirSync(cwd).sort()).toEqual(['keys', 'lone.sijill-id']);
  });

  it('a wrong passphrase or an edited key file is exit 1 (the key, not the bundle, is at fault)', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const wrong = await cli(cwd, ['verify', 'case.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id'], { key: 'not the key passphrase' });
    expect(wrong.code).toBe(EXIT.other);
    expect(wrong.err).toBe('sijill-bundle: wrong passphrase for b.sijill-key (or the key file is damaged)\n');
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'b.sijill-id', '--out', 'x.sijill', 'case'], { key: 'not the key passphrase' })).code).toBe(EXIT.other);
    expect(existsSync(join(cwd, 'x.sijill'))).toBe(false);
    const text = readFileSync(join(cwd, 'b.sijill-key'), 'utf8');
    writeFileSync(join(cwd, 'relabelled.sijill-key'), text.replace('label: Partner Law Office', 'label: Partner Law Offices'), { mode: 0o600 });
    expect((await cli(cwd, ['verify', 'case.sijill', '--key', 'relabelled.sijill-key'])).code).toBe(EXIT.other);
    writeFileSync(join(cwd, 'costly.sijill-key'), text.replace(/^mem: \d+$/m, `mem: ${4096 * 1024 * 1024}`), { mode: 0o600 });
    const costly = await cli(cwd, ['verify', 'case.sijill', '--key', 'costly.sijill-key']);
    expect(costly.code).toBe(EXIT.other);
    expect(costly.err).toContain('outside the allowed range');
    expect((await cli(cwd, ['verify', 'case.sijill', '--key', 'a.sijill-id'])).code).toBe(EXIT.other);
  });
});

describe('seal, inspect, verify, open', () => {
  it('round-trips a folder: verify prints the sender fingerprint and entries; open writes records as .json, blobs byte-exact, manifest.json', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const inspect = await cli(cwd, ['inspect', 'case.sijill']);
    expect(inspect.code).toBe(EXIT.ok);
    expect(inspect.out).toContain('X25519 recipient');
    const verify = await cli(cwd, ['verify', 'case.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id']);
    expect(verify.code, verify.err).toBe(EXIT.ok);
    const teamA = await parseIdentityCard(readFileSync(join(cwd, 'a.sijill-id'), 'utf8'));
    expect(verify.out).toContain(`fingerprint ${humanFingerprint(teamA.fingerprint)}`);
    expect(verify.out).toContain('TRUSTED: signed by the --trust card "Documentation Team A"');
    expect(verify.out).toContain('1. record testimony "T-2026-0042.json"');
    expect(verify.out).toContain('2. blob attachment "photo.jpg" 146.5 KiB');
    const open = await cli(cwd, openArgs('case.sijill', 'received'));
    expect(open.code, open.err).toBe(EXIT.ok);
    expect(readdirSync(join(cwd, 'received')).sort()).toEqual(['T-2026-0042.json', 'manifest.json', 'photo.jpg']);
    expect(readFileSync(join(cwd, 'received', 'photo.jpg')).equals(Buffer.alloc(150_000, 7))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(cwd, 'received', 'manifest.json'), 'utf8')) as { entries: { kind: string; type: string }[]; sender_seq: number };
    expect(manifest.entries.map((e) => [e.kind, e.type])).toEqual([['record', 'testimony'], ['blob', 'attachment']]);
    expect(manifest.sender_seq).toBe(5);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('seals for several cards: each recipient opens it', async () => {
    const cwd = tempFolder();
    await twoParties(cwd);
    expect((await cli(cwd, ['keygen', '--out', 'c', '--label', 'UN Mechanism Desk', '--argon2', 'minimum'])).code).toBe(EXIT.ok);
    writeFileSync(join(cwd, 'notes.txt'), 'fictional notes');
    const sealedTwice = await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'b.sijill-id', '--to', 'c.sijill-id', '--out', 'both.sijill', 'notes.txt']);
    expect(sealedTwice.code, sealedTwice.err).toBe(EXIT.ok);
    for (const key of ['b.sijill-key', 'c.sijill-key']) expect((await cli(cwd, ['verify', 'both.sijill', '--key', key, '--trust', 'a.sijill-id'])).code).toBe(EXIT.ok);
    expect((await cli(cwd, ['inspect', 'both.sijill'])).out).toContain('stanzas     2');
  });

  it('seals for a bundle passphrase and opens with it; a wrong one is 3 (not addressed to this key)', async () => {
    const cwd = tempFolder();
    await twoParties(cwd);
    writeFileSync(join(cwd, 'notes.txt'), 'fictional notes');
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--passphrase', '--argon2', 'minimum', '--out', 'backup.sijill', 'notes.txt'], { bundle: [PASS] })).code).toBe(EXIT.ok);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--passphrase', '--trust', 'a.sijill-id'], { bundle: [PASS.normalize('NFD')] })).code).toBe(EXIT.ok);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--passphrase', '--trust', 'a.sijill-id'], { bundle: ['wrong passphrase here'] })).code).toBe(EXIT.notForThisKey);
    expect((await cli(cwd, ['verify', 'backup.sijill', '--key', 'b.sijill-key'])).code).toBe(EXIT.notForThisKey);
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--passphrase', '--argon2', 'minimum', '--out', 'weak.sijill', 'notes.txt'], { bundle: ['short'] })).code).toBe(EXIT.usage);
    expect(existsSync(join(cwd, 'weak.sijill'))).toBe(false);
    expect((await cli(cwd, ['inspect', 'backup.sijill'])).out).toContain('passphrase (Argon2id, 2 passes, 19 MiB)');
  });

  it('never overwrites: an existing bundle or DIR is exit 1 and left alone', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const before = readFileSync(join(cwd, 'case.sijill'));
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'b.sijill-id', '--out', 'case.sijill', 'case'])).code).toBe(EXIT.other);
    expect(readFileSync(join(cwd, 'case.sijill')).equals(before)).toBe(true);
    mkdirSync(join(cwd, 'received'));
    writeFileSync(join(cwd, 'received', 'mine.txt'), 'keep');
    expect((await cli(cwd, openArgs('case.sijill', 'received'))).code).toBe(EXIT.other);
    expect(readdirSync(join(cwd, 'received'))).toEqual(['mine.txt']);
    const missing = await cli(cwd, ['verify', 'missing.sijill', '--key', 'b.sijill-key']);
    expect(missing.code).toBe(EXIT.other);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'b.sijill-id', '--out', 'y.sijill', 'no-such-input'])).code).toBe(EXIT.other);
    expect((await cli(cwd, ['seal', '--key', 'a.sijill-key', '--to', 'case.sijill', '--out', 'y.sijill', 'case'])).code).toBe(EXIT.other); // not a card
    expect(existsSync(join(cwd, 'y.sijill'))).toBe(false);
  });
});

describe('failures: exit codes 3, 4, 5 and nothing written', () => {
  it('5: no --trust, the wrong card, or a changed key; open creates no DIR', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const noTrust = await cli(cwd, ['verify', 'case.sijill', '--key', 'b.sijill-key']);
    expect(noTrust.code).toBe(EXIT.untrusted);
    expect(noTrust.out).toBe(''); // a failure prints nothing on stdout; the fingerprint is in the one stderr line
    expect(noTrust.err).toMatch(/^sijill-bundle: the bundle is authentic, signed by "Documentation Team A" \(fingerprint (\d{5} ){11}\d{5}\), but that signer matches no --trust card\n$/);
    expect((await cli(cwd, ['verify', 'case.sijill', '--key', 'b.sijill-key', '--trust', 'b.sijill-id'])).code).toBe(EXIT.untrusted);
    const refused = await cli(cwd, ['open', 'case.sijill', '--key', 'b.sijill-key', '--out', 'received']);
    expect(refused.code).toBe(EXIT.untrusted);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/matches no --trust card: nothing was written\n$/);

    // Team A's signing key with another box key: a changed key (or an impostor), never trusted.
    const s = await getSodium();
    const teamA = await readKeyFile(join(cwd, 'a.sijill-key'), () => Promise.resolve(KEY_PASS), () => undefined);
    const boxPublicKey = s.crypto_box_keypair().publicKey;
    const binding = s.crypto_sign_detached(identityBindingMessage(teamA.identity.signPublicKey, boxPublicKey), teamA.identity.signSecretKey);
    writeFileSync(join(cwd, 'changed.sijill-id'), await formatIdentityCard({ signPublicKey: teamA.identity.signPublicKey, boxPublicKey, binding }, 'Documentation Team A'));
    const changed = await cli(cwd, ['open', 'case.sijill', '--key', 'b.sijill-key', '--trust', 'changed.sijill-id', '--out', 'received']);
    expect(changed.code).toBe(EXIT.untrusted);
    expect(changed.err).toContain('a key differs from the --trust card "Documentation Team A"');
    expect(readdirSync(cwd)).not.toContain('received');
    expect(leftovers(cwd)).toEqual([]);
  });

  it('3: a bundle for someone else; 4: not a bundle, flipped, cut, replayed; a failed open creates no DIR', async () => {
    const cwd = tempFolder();
    await sealed(cwd);
    const bytes = readFileSync(join(cwd, 'case.sijill'));
    const notOurs = await cli(cwd, ['open', 'case.sijill', '--key', 'a.sijill-key', '--trust', 'a.sijill-id', '--out', 'received']);
    expect(notOurs.code).toBe(EXIT.notForThisKey);
    expect(notOurs.err).toMatch(/^sijill-bundle: .*\[not-a-recipient\]\n$/);
    writeFileSync(join(cwd, 'junk.sijill'), 'not a bundle at all, just text that is long enough to pass the size gate '.repeat(5));
    const junk = await cli(cwd, ['verify', 'junk.sijill', '--key', 'b.sijill-key']);
    expect(junk.code).toBe(EXIT.damaged);
    expect(junk.err).toMatch(/^sijill-bundle: .*\[bad-magic\]\n$/);
    expect((await cli(cwd, ['inspect', 'junk.sijill'])).code).toBe(EXIT.damaged);
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 70_000) ^ 1, flipped.length - 70_000); // inside the blob, second chunk
    writeFileSync(join(cwd, 'flipped.sijill'), flipped);
    writeFileSync(join(cwd, 'cut.sijill'), bytes.subarray(0, 123 + 24 + 65553));
    for (const file of ['flipped.sijill', 'cut.sijill', 'junk.sijill']) {
      const result = await cli(cwd, openArgs(file, 'received'));
      expect(result.code, result.err).toBe(EXIT.damaged);
      expect(result.out).toBe('');
      expect(result.err.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(cwd)).not.toContain('received');
    expect(leftovers(cwd)).toEqual([]);

    // Replayed (with a seen-file that a first open filled): 4, and no second DIR.
    expect((await cli(cwd, [...openArgs('case.sijill', 'one'), '--seen', 'seen.json'])).code).toBe(EXIT.ok);
    const again = await cli(cwd, [...openArgs('case.sijill', 'two'), '--seen', 'seen.json']);
    expect(again.code).toBe(EXIT.damaged);
    expect(again.err).toContain('[replayed]');
    expect(readdirSync(cwd)).not.toContain('two');
    expect((await cli(cwd, ['verify', 'case.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--seen', 'seen.json'])).code).toBe(EXIT.damaged);
  });
});
