/**
 * The bad-bundle catalogue of DESIGN.md §12 run through `sijill-bundle verify` and `open`
 * (in-process, real files): each hostile bundle gets its exact exit code (3 not addressed to this
 * key, 4 damaged or not a bundle, 5 signer not trusted), one line on stderr naming the reader's
 * error code, nothing on stdout from `open`, and `open` never creates DIR (nor leaves a
 * temporary folder). The bundles are built by the format tests' crafter (craft.ts), which keeps
 * every cryptographic layer intact around the one lie, with the CLI's own key files as parties.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME, ZERO_ID, encodeFrameHeader } from '../../../shared/bundle/frames';
import type { Manifest } from '../../../shared/bundle/manifest';
import type { DeviceIdentity } from '../../../shared/crypto/identity';
import { CIPHER_CHUNK_BYTES } from '../../../shared/stream/secretstream';
import { EXIT } from '../../../cli/exit-codes';
import { readKeyFile } from '../../../cli/key-file';
import { DEFAULT_ENTRIES, craftBundle, entryFrame, type Craft, type CraftEntry } from '../shared/bundle/craft';
import { carol, mallory } from '../shared/bundle/helpers';
import { concat, flipBit, pattern } from '../shared/stream/helpers';
import { cli, KEY_PASS, twoParties } from './helpers';

const [rec1, blob2, rec3] = DEFAULT_ENTRIES as [CraftEntry, CraftEntry, CraftEntry];
/** The same entries with a blob of 140,000 bytes: a payload of three chunks (two full). */
const BIG: readonly CraftEntry[] = [rec1, { ...blob2, bytes: pattern(140_000, 9) }, rec3];
/** One X25519 stanza: 8 fixed + 3 + 80 + 32 (MAC) header bytes. */
const HEADER = 123;
const chunkStart = (i: number) => HEADER + 24 + i * CIPHER_CHUNK_BYTES;
/** The third entry as long as the first: a frame of one can stand in for the other at the same size. */
const TWINS: readonly CraftEntry[] = [rec1, blob2, { ...rec3, bytes: new TextEncoder().encode(`{"name":"${'S'.repeat(rec1.bytes.length - 11)}"}`) }];

// One folder for the whole catalogue: keygen (Argon2id) runs once, not per case.
let cwd = '';
let teamA: DeviceIdentity;
let partner: DeviceIdentity;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'sijill-catalogue-'));
  await twoParties(cwd);
  const unlock = (name: string) => readKeyFile(join(cwd, name), () => Promise.resolve(KEY_PASS), () => undefined);
  teamA = (await unlock('a.sijill-key')).identity;
  partner = (await unlock('b.sijill-key')).identity;
});

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

/** A crafted bundle from Team A to the Partner, with `craft`'s lie. */
async function crafted(craft: Craft = {}): Promise<Uint8Array> {
  return (await craftBundle({ sender: teamA, recipients: [partner], ...craft })).bytes;
}

/** A copy with a big-endian u8/u16 written at `offset`. */
function setUint(bytes: Uint8Array, offset: number, value: number, size: 1 | 2): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (size === 1) view.setUint8(offset, value);
  else view.setUint16(offset, value);
  return out;
}

const lie = (change: (m: Manifest) => void) => (m: Manifest) => (change(m), m);
const entryAt = (m: Manifest, i: number) => m.entries[i] as Manifest['entries'][number];

interface Case {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
  readonly exit: number;
  /** The reader's error code in brackets on stderr (none for exit 5: the bundle is authentic). */
  readonly code?: string;
}

const CASES: readonly Case[] = [
  // Who it is for and who signed it.
  { name: 'a bundle for another recipient', bytes: () => crafted({ recipients: [carol] }), exit: EXIT.notForThisKey, code: 'not-a-recipient' },
  { name: 'an unknown signer', bytes: () => crafted({ sender: mallory, manifest: lie((m) => (m.sender.label = 'Unknown Sender')) }), exit: EXIT.untrusted },
  { name: 'an impostor signer (the trusted label, another key)', bytes: () => crafted({ sender: mallory }), exit: EXIT.untrusted },
  { name: 'a changed box key (the trusted signing key)', bytes: () => crafted({ sender: { ...teamA, boxPublicKey: mallory.boxPublicKey } }), exit: EXIT.untrusted },
  { name: 'a changed signing key (the trusted box key)', bytes: () => crafted({ sender: { ...mallory, boxPublicKey: teamA.boxPublicKey } }), exit: EXIT.untrusted },
  { name: 'a manifest signed by another key than it names', bytes: () => crafted({ signer: mallory }), exit: EXIT.damaged, code: 'bad-signature' },

  // Header: stanza lengths and counts, fixed fields, MAC.
  { name: 'an X25519 stanza of 81 bytes (MAC intact)', bytes: () => crafted({ stanzas: (_, honest) => honest.map((st) => ({ ...st, body: concat(st.body, Uint8Array.of(0)) })) }), exit: EXIT.damaged, code: 'bad-stanza-length' },
  { name: 'an X25519 stanza length of 79', bytes: async () => setUint(await crafted(), 9, 79, 2), exit: EXIT.damaged, code: 'bad-stanza-length' },
  { name: 'a passphrase stanza of 95 bytes', bytes: () => crafted({ stanzas: (_, honest) => [...honest, { type: 2, body: new Uint8Array(95) }] }), exit: EXIT.damaged, code: 'bad-stanza-length' },
  { name: 'a stanza count of 0', bytes: async () => setUint(await crafted(), 6, 0, 2), exit: EXIT.damaged, code: 'bad-stanza-count' },
  { name: 'a stanza count of 65', bytes: async () => setUint(await crafted(), 6, 65, 2), exit: EXIT.damaged, code: 'bad-stanza-count' },
  { name: 'a stanza count of 65535', bytes: async () => setUint(await crafted(), 6, 0xffff, 2), exit: EXIT.damaged, code: 'bad-stanza-count' },
  { name: 'an unknown stanza type', bytes: async () => setUint(await crafted(), 8, 3, 1), exit: EXIT.damaged, code: 'bad-stanza-type' },
  { name: 'a wrong magic', bytes: async () => setUint(await crafted(), 3, 0x32, 1), exit: EXIT.damaged, code: 'bad-magic' },
  { name: 'version 2', bytes: async () => setUint(await crafted(), 4, 2, 1), exit: EXIT.damaged, code: 'unsupported-version' },
  { name: 'flags set', bytes: async () => setUint(await crafted(), 5, 1, 1), exit: EXIT.damaged, code: 'bad-flags' },
  { name: 'a flipped MAC bit', bytes: async () => flipBit(await crafted(), (HEADER - 1) * 8), exit: EXIT.damaged, code: 'bad-mac' },
  // The sealed file key no longer opens: to the reader that is a stanza that is not ours.
  { name: 'a flipped stanza byte', bytes: async () => flipBit(await crafted(), 40 * 8), exit: EXIT.notForThisKey, code: 'not-a-recipient' },

  // Sizes and truncation.
  { name: 'a bundle of 0 bytes', bytes: () => Promise.resolve(new Uint8Array(0)), exit: EXIT.damaged, code: 'too-small' },
  { name: 'a bundle of 1 byte', bytes: () => Promise.resolve(Uint8Array.of(0x53)), exit: EXIT.damaged, code: 'too-small' },
  { name: 'cut inside the header', bytes: async () => (await crafted()).subarray(0, 60), exit: EXIT.damaged, code: 'too-small' },
  { name: 'cut after the stream header', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(0)), exit: EXIT.damaged, code: 'too-small' },
  { name: 'cut at a chunk boundary', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(1)), exit: EXIT.damaged, code: 'length-mismatch' },
  // The file's size is known, so a cut that leaves no whole chunk count is caught before decrypting.
  { name: 'cut inside a chunk', bytes: async () => (await crafted({ entries: BIG })).subarray(0, chunkStart(1) + 100), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'cut by one byte', bytes: async () => (await crafted({ entries: BIG })).subarray(0, -1), exit: EXIT.damaged, code: 'length-mismatch' },

  // Chunks: reordered, duplicated, spliced from another bundle; trailing data.
  { name: 'reordered chunks', bytes: () => rechunked((c) => [c[1], c[0], c[2]]), exit: EXIT.damaged, code: 'payload-auth-failed' },
  { name: 'a chunk duplicated over the next', bytes: () => rechunked((c) => [c[0], c[0], c[2]]), exit: EXIT.damaged, code: 'payload-auth-failed' },
  { name: 'a chunk duplicated (inserted)', bytes: () => rechunked((c) => [c[0], c[0], c[1], c[2]]), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a missing chunk', bytes: () => rechunked((c) => [c[0], c[2]]), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a chunk spliced from another bundle', bytes: spliced, exit: EXIT.damaged, code: 'payload-auth-failed' },
  { name: 'one trailing byte', bytes: async () => concat(await crafted({ entries: BIG }), Uint8Array.of(0)), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a trailing copy of a chunk', bytes: async () => trailingChunk(), exit: EXIT.damaged, code: 'length-mismatch' },

  // Manifests that lie (signed, every layer intact).
  { name: 'a manifest lying about a length', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).length = 999)) }), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a manifest lying about a BLAKE2b hash', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 0).blake2b = '0'.repeat(64))) }), exit: EXIT.damaged, code: 'entry-hash-mismatch' },
  { name: 'a manifest lying about a SHA-256 hash', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).sha256 = 'f'.repeat(64))) }), exit: EXIT.damaged, code: 'entry-hash-mismatch' },
  { name: 'a manifest lying about the count (a frame missing)', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, ...f.entries.slice(0, 2)] }), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a manifest lying about the count (an extra frame)', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, ...f.entries, entryFrame(rec1)] }), exit: EXIT.damaged, code: 'length-mismatch' },
  { name: 'a manifest lying about the order', bytes: () => crafted({ frames: (f) => [f.manifest, f.signature, entryFrame(blob2), entryFrame(rec1), entryFrame(rec3)] }), exit: EXIT.damaged, code: 'entry-out-of-order' },
  { name: 'a duplicated entry frame', bytes: () => crafted({ entries: TWINS, frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(blob2), entryFrame(rec1)] }), exit: EXIT.damaged, code: 'entry-duplicate' },
  { name: 'an unlisted entry frame', bytes: () => crafted({ entries: TWINS, frames: (f) => [f.manifest, f.signature, entryFrame(rec1), entryFrame(blob2), entryFrame({ ...rec1, id: blob2.id.map((b) => b ^ 0xff) })] }), exit: EXIT.damaged, code: 'entry-unexpected' },
  { name: 'duplicate entry ids in the manifest', bytes: () => crafted({ manifest: lie((m) => m.entries.push(entryAt(m, 0))) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'recipients without us', bytes: () => crafted({ manifest: lie((m) => (m.recipients = [m.sender.fingerprint])) }), exit: EXIT.damaged, code: 'not-listed-recipient' },
  { name: 'another header hash', bytes: () => crafted({ manifest: lie((m) => (m.header_hash = '0'.repeat(64))) }), exit: EXIT.damaged, code: 'header-hash-mismatch' },

  // Names and text: control and bidi characters never pass; invalid UTF-8; lone surrogates.
  { name: 'an entry name with NUL', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'photo\u0000.jpg')) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'an entry name with a bidi override', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'gpj.\u202Eexe')) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'invalid UTF-8 in the manifest', bytes: () => crafted({ manifestBytes: (c) => concat(c.subarray(0, 30), Uint8Array.of(0xc3, 0x28), c.subarray(30)) }), exit: EXIT.damaged, code: 'manifest-invalid-utf8' },
  { name: 'a lone surrogate in the sender label', bytes: () => crafted({ manifest: lie((m) => (m.sender.label = 'Team \uD800')) }), exit: EXIT.damaged, code: 'manifest-schema' },

  // Oversized fields and counts.
  { name: 'a sender label of 201 characters', bytes: () => crafted({ manifest: lie((m) => (m.sender.label = 'x'.repeat(201))) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'an entry name of 256 characters', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 1).name = 'n'.repeat(256))) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'a record entry above 16 MiB', bytes: () => crafted({ manifest: lie((m) => (entryAt(m, 0).length = 16 * 1024 * 1024 + 1)) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: '50,001 manifest entries', bytes: () => crafted({ manifest: lie((m) => (m.entries = manyEntries(entryAt(m, 0), 50_001))) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: '65 recipients', bytes: () => crafted({ manifest: lie((m) => (m.recipients = Array.from({ length: 65 }, (_, i) => Buffer.from(pattern(64, i + 1)).toString('base64url')))) }), exit: EXIT.damaged, code: 'manifest-schema' },
  { name: 'a manifest frame above 16 MiB', bytes: () => crafted({ frames: () => [encodeFrameHeader(FRAME.manifest, ZERO_ID, 16 * 1024 * 1024 + 1), pattern(100)] }), exit: EXIT.damaged, code: 'manifest-too-large' },
  { name: 'a manifest frame longer than the bundle', bytes: () => crafted({ frames: () => [encodeFrameHeader(FRAME.manifest, ZERO_ID, 1_000_000), pattern(100)] }), exit: EXIT.damaged, code: 'manifest-too-large' },
];

/** The big bundle's three chunks rearranged by `order`. */
async function rechunked(order: (chunks: Uint8Array[]) => (Uint8Array | undefined)[]): Promise<Uint8Array> {
  const bytes = await crafted({ entries: BIG });
  const chunks = [0, 1, 2].map((i) => bytes.subarray(chunkStart(i), Math.min(chunkStart(i + 1), bytes.length)));
  return concat(bytes.subarray(0, chunkStart(0)), ...order(chunks).map((c) => c ?? new Uint8Array(0)));
}

/** The second chunk replaced by the second chunk of another bundle of the same parties. */
async function spliced(): Promise<Uint8Array> {
  const [bytes, other] = [await crafted({ entries: BIG }), await crafted({ entries: BIG })];
  return concat(bytes.subarray(0, chunkStart(1)), other.subarray(chunkStart(1), chunkStart(2)), bytes.subarray(chunkStart(2)));
}

/** A bundle whose plaintext fills exactly two chunks, followed by a copy of its first chunk. */
async function trailingChunk(): Promise<Uint8Array> {
  // A 6-digit blob length in the probe too, so the manifest keeps its size.
  const probe = await crafted({ entries: [{ ...blob2, bytes: new Uint8Array(100_000) }] });
  const overhead = probe.length - chunkStart(0) - 2 * 17 - 100_000; // plaintext bytes besides the blob
  const exact = await crafted({ entries: [{ ...blob2, bytes: pattern(2 * 65536 - overhead, 4) }] });
  expect(exact.length).toBe(chunkStart(2));
  return concat(exact, exact.subarray(chunkStart(0), chunkStart(1)));
}

/** `n` copies of `entry` with distinct ids. */
function manyEntries(entry: Manifest['entries'][number], n: number): Manifest['entries'] {
  return Array.from({ length: n }, (_, i) => ({ ...entry, id: entry.id.slice(0, 16) + i.toString(36).padStart(5, '0') + 'A' }));
}

const partials = () => readdirSync(cwd).filter((name) => name.includes('.partial-'));

/** Asserts a refusal: the exit code, one line on stderr with the reader's code, no stack trace. */
function expectRefusal(result: { code: number; out: string; err: string }, c: Case): void {
  expect(result.code, result.err).toBe(c.exit);
  expect(result.err).toMatch(/^sijill-bundle: [^\n]+\n$/);
  expect(result.err).not.toMatch(/\bat .+:\d+:\d+/);
  if (c.code) expect(result.err).toContain(`[${c.code}]`);
  else expect(result.err).not.toMatch(/\[[a-z-]+\]\n$/);
}

describe('sijill-bundle verify and open refuse the bad-bundle catalogue', () => {
  CASES.forEach((c, i) => {
    it(`${c.name}: exit ${c.exit}${c.code ? ` [${c.code}]` : ''}`, async () => {
      const file = `case-${i}.sijill`;
      writeFileSync(join(cwd, file), await c.bytes());

      const verify = await cli(cwd, ['verify', file, '--key', 'b.sijill-key', '--trust', 'a.sijill-id']);
      expectRefusal(verify, c);
      // `verify` prints the authentic bundle's description (with the fingerprint to compare)
      // when only trust is missing; on every other failure stdout stays empty.
      if (c.exit === EXIT.untrusted) expect(verify.out).toContain('NOT TRUSTED');
      else expect(verify.out).toBe('');

      const dir = `out-${i}`;
      const open = await cli(cwd, ['open', file, '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--out', dir]);
      expectRefusal(open, c);
      expect(open.out).toBe('');
      expect(existsSync(join(cwd, dir))).toBe(false);
      expect(partials()).toEqual([]);
    });
  });
});

describe('replay and hostile names', () => {
  it('refuses a replayed bundle with the seen-file of the first open (4, [replayed]), writing no second DIR', async () => {
    writeFileSync(join(cwd, 'replay.sijill'), await crafted());
    const open = (dir: string) => cli(cwd, ['open', 'replay.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--out', dir, '--seen', 'seen.json']);
    const first = await open('replay-1');
    expect(first.code, first.err).toBe(EXIT.ok);
    const seen = readFileSync(join(cwd, 'seen.json'));
    const again = await open('replay-2');
    expectRefusal(again, { name: 'replayed', bytes: () => Promise.resolve(new Uint8Array(0)), exit: EXIT.damaged, code: 'replayed' });
    expect(again.out).toBe('');
    expect(existsSync(join(cwd, 'replay-2'))).toBe(false);
    expect(readFileSync(join(cwd, 'seen.json')).equals(seen)).toBe(true);
    const verify = await cli(cwd, ['verify', 'replay.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--seen', 'seen.json']);
    expect(verify.code).toBe(EXIT.damaged);
    expect(verify.out).toBe('');
    // The same bundle id under a new sequence number is a replay too.
    const sameId = await crafted({ manifest: lie((m) => (m.sender_seq = 99)) });
    writeFileSync(join(cwd, 'replay-seq.sijill'), sameId);
    const renumbered = await cli(cwd, ['verify', 'replay-seq.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--seen', 'seen.json']);
    expect(renumbered.code).toBe(EXIT.damaged);
    expect(renumbered.err).toContain('[replayed]');
  });

  it('writes zip-slip names (../, absolute, C:\\, CON, trailing dot) only inside DIR, under safe names', async () => {
    const named = (n: number, name: string): CraftEntry => ({ id: Uint8Array.from({ length: 16 }, (_, j) => (j === 0 ? 0x70 + n : n)), kind: 'blob', type: 'attachment', bytes: pattern(10 + n, n), name });
    const entries = ['../../escape.txt', '/etc/passwd', 'C:\\Windows\\win.ini', 'CON', 'notes.txt.', '..'].map((name, n) => named(n + 1, name));
    writeFileSync(join(cwd, 'slip.sijill'), await crafted({ entries }));
    const before = readdirSync(cwd).sort();
    const open = await cli(cwd, ['open', 'slip.sijill', '--key', 'b.sijill-key', '--trust', 'a.sijill-id', '--out', 'slip']);
    expect(open.code, open.err).toBe(EXIT.ok);
    expect(readdirSync(cwd).sort()).toEqual([...before, 'slip'].sort());
    expect(existsSync(join(cwd, '..', 'escape.txt'))).toBe(false);
    expect(readdirSync(join(cwd, 'slip')).sort()).toEqual(['__._escape.txt', '_etc_passwd', 'C__Windows_win.ini', '_CON', 'notes.txt', 'entry', 'manifest.json'].sort());
  });
});
