/**
 * The bundle section of the bench (issue 6's budgets), in Node: no browser needed.
 *
 * On N MiB of attachment-like (incompressible) bytes, all in this run:
 * - raw libsodium secretstream push and pull of 64 KiB chunks in memory, before and after
 *   ours (the faster counts): the baseline;
 * - `writeBundle` (shared/bundle) streaming one blob entry into a file, and `readBundle`
 *   streaming it back from the file through full verification: ≥ 60 % of raw, with this
 *   process's peak RSS growth shown (memory must stay flat in N). Both use node:crypto's
 *   SHA-256 as the tool does (injected: shared/ stays platform-free); BLAKE2b and the stream
 *   stay libsodium's. The read hashes on a second thread as the tool does (cli/hash-thread.ts,
 *   the freshly built tool as the worker's script), and once more on one thread for reference;
 * - `sijill-bundle open` (the built tool, a child process) on bundles of N/4 and N MiB, each
 *   with the child's peak RSS: flat means the larger bundle needs no more memory;
 * - `age` (the Debian package) encrypting and decrypting the same bytes, as the reference
 *   partners know; if it is missing the section says how to install it, and goes on.
 * Runs in Node (runner.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { describeEntry, formatIdentityCard, readBundle, writeBundle, type QuarantineSink, type VerifiedBundle } from '../../shared/bundle';
import { createIdentity } from '../../shared/crypto/identity';
import { getSodium, KDF_FLOOR } from '../../shared/crypto';
import { CHUNK_BYTES } from '../../shared/stream';
import { formatKeyFile } from '../../cli/key-file';
import { startHashThread } from '../../cli/hash-thread';
import { nodeSha256 } from '../../cli/node-sha256';
import type { Figure } from './bench-types';

const MiB = 1024 * 1024;
/** The repeated block of random bytes the inputs are made of. */
const BLOCK = 16 * MiB;
/** Raw baselines run on at most this much, in memory (a rate does not depend on the size). */
const RAW_MAX = 256 * MiB;

const cliConfig = fileURLToPath(new URL('../../cli/vite.config.ts', import.meta.url));

export interface BundleSection {
  readonly figures: Figure[];
  readonly notes: string[];
}

/** `bytes` bytes made of a repeated random block, in 1 MiB pieces. */
async function* attachmentBytes(block: Uint8Array, bytes: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes; at += MiB) {
    const offset = at % block.length;
    yield block.subarray(offset, offset + Math.min(MiB, bytes - at));
  }
}

const rate = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);
/** CPU milliseconds (user + system, all of this process's threads) since `since`. */
const cpuMsSince = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Raw rates (MiB/s) and CPU cost (ms per MiB) of push and pull. */
interface RawRates {
  readonly push: number;
  readonly pull: number;
  readonly pushCpu: number;
  readonly pullCpu: number;
}

async function rawSecretstream(block: Uint8Array, bytes: number): Promise<RawRates> {
  const s = await getSodium();
  const key = s.crypto_secretstream_xchacha20poly1305_keygen();
  const chunks: Uint8Array[] = [];
  let start = performance.now();
  let cpu = process.cpuUsage();
  const pushed = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  for (let at = 0; at < bytes; at += CHUNK_BYTES) {
    const offset = at % block.length;
    const tag = at + CHUNK_BYTES >= bytes ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    chunks.push(s.crypto_secretstream_xchacha20poly1305_push(pushed.state, block.subarray(offset, offset + Math.min(CHUNK_BYTES, bytes - at)), null, tag));
  }
  const push = performance.now() - start;
  const pushCpu = cpuMsSince(cpu);
  start = performance.now();
  cpu = process.cpuUsage();
  const pulled = s.crypto_secretstream_xchacha20poly1305_init_pull(pushed.header, key);
  for (const chunk of chunks) if (!s.crypto_secretstream_xchacha20poly1305_pull(pulled, chunk, null)) throw new Error('raw pull failed');
  const pull = performance.now() - start;
  return { push: rate(bytes, push), pull: rate(bytes, pull), pushCpu: pushCpu / (bytes / MiB), pullCpu: cpuMsSince(cpu) / (bytes / MiB) };
}

/** Samples this process's RSS while `task` runs; returns the task's result, its time, CPU time and the peak growth. */
async function sampled<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number; peakGrowth: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms: performance.now() - start, cpuMs: cpuMsSince(cpu), peakGrowth: peak - base };
  } finally {
    clearInterval(timer);
  }
}

/** The bench partner's key-file passphrase (synthetic; given to the tool as SIJILL_PASSPHRASE). */
const KEY_PASSPHRASE = 'bench partner key passphrase';

interface Parties {
  readonly sender: ReturnType<typeof createIdentity>;
  readonly recipient: ReturnType<typeof createIdentity>;
  readonly recipientFile: string;
  readonly senderCard: string;
}

async function parties(dir: string): Promise<Parties> {
  const s = await getSodium();
  const sender = createIdentity(s, undefined);
  const recipient = createIdentity(s, undefined);
  const recipientFile = path.join(dir, 'partner.sijill-key');
  const senderCard = path.join(dir, 'team.sijill-id');
  // The cheapest allowed Argon2id cost: the tool's key unlock is not what this section measures.
  await writeFile(recipientFile, await formatKeyFile({ label: 'Bench partner', identity: recipient }, KEY_PASSPHRASE, KDF_FLOOR), { mode: 0o600 });
  await writeFile(senderCard, await formatIdentityCard(sender, 'Bench field team'));
  return { sender, recipient, recipientFile, senderCard };
}

/**
 * Writes a bundle of one `bytes`-long attachment to `file`; returns the hash pass and the write
 * timings. The write checks the entry's BLAKE2b again as it encrypts: on the tool's hashing
 * thread (`thread`, as `sijill-bundle seal` does; started and loaded before the timing), or on
 * this thread (`inline`, the reference: the app's export and how the tool wrote before).
 */
async function writeBundleFile(p: Parties, block: Uint8Array, bytes: number, file: string, hashing: { thread: URL } | 'inline') {
  // SHA-256 from node:crypto, as the tool injects it (shared/ stays platform-free).
  const described = await sampled(() => describeEntry({ id: new Uint8Array(16).fill(7), kind: 'blob', type: 'attachment', name: 'scan.bin', mediaType: 'application/octet-stream', open: () => attachmentBytes(block, bytes) }, { sha256: nodeSha256 }));
  const thread = hashing === 'inline' ? null : startHashThread({ script: hashing.thread });
  try {
    await thread?.ready;
    const written = await sampled(async () => {
      const bundle = await writeBundle({
        sender: p.sender,
        senderLabel: 'Bench field team',
        recipients: [{ kind: 'identity', identity: { ...p.recipient, label: 'Bench partner' } }],
        entries: [described.result],
        senderSeq: 1,
        redaction: 'pseudonymised',
        auditCheckpoint: { seq: 1, head: new Uint8Array(32) },
        ...(thread ? { hasher: thread.hasher } : {}),
      });
      // A 1 MiB buffer lets the file system write while the next chunks are encrypted (the default
      // 16 KiB is below one 65,553-byte chunk: every write would wait for 'drain').
      const out = createWriteStream(file, { highWaterMark: MiB });
      for await (const chunk of bundle.chunks) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    });
    return { hashMs: described.ms, writeMs: written.ms, writeCpuMs: written.cpuMs, peakGrowth: Math.max(described.peakGrowth, written.peakGrowth) };
  } finally {
    await thread?.close();
  }
}

/** A timed read's figures, once its signer is checked. */
function readResult(read: { result: VerifiedBundle; ms: number; cpuMs: number; peakGrowth: number }, received: () => number, threadStartMs: number) {
  if (read.result.sender.trust.status !== 'verified') throw new Error(`readBundle: sender ${read.result.sender.trust.status}`);
  return { ms: read.ms, cpuMs: read.cpuMs, peakGrowth: read.peakGrowth, received: received(), threadStartMs };
}

/**
 * Reads `file` through full verification, hashing as the tool does: on its second thread
 * (`thread`, the built tool as the worker's script, started and loaded before the timing), or on
 * this thread (`inline`, the reference: how the read ran before the hashing thread).
 */
async function readBundleFile(p: Parties, file: string, hashing: { thread: URL } | 'inline') {
  const totalBytes = (await stat(file)).size;
  let received = 0;
  const sink: QuarantineSink = { beginEntry() {}, write: (bytes) => void (received += bytes.length), endEntry() {} };
  const options = { unlock: { identity: p.recipient }, pinned: [{ ...p.sender, label: 'Bench field team' }], totalBytes, sink };
  if (hashing === 'inline') {
    const read = await sampled(() => readBundle(createReadStream(file, { highWaterMark: MiB }), { ...options, sha256: nodeSha256 }));
    return readResult(read, () => received, 0);
  }
  // The tool starts its thread while the key's Argon2id runs; here it starts first, untimed
  // like libsodium's own loading in this thread, and its start-up is reported beside the rate.
  const startedAt = performance.now();
  const thread = startHashThread({ script: hashing.thread });
  try {
    await thread.ready;
    const threadStartMs = performance.now() - startedAt;
    const read = await sampled(() => readBundle(createReadStream(file, { highWaterMark: MiB }), { ...options, hasher: thread.hasher }));
    return readResult(read, () => received, threadStartMs);
  } finally {
    await thread.close();
  }
}

/**
 * Records the child's peak RSS (KiB) at exit on file descriptor 3 (no change to the tool itself).
 * Linux: VmHWM of /proc/self/status, the high-water mark of the child's own address space. Not
 * `resourceUsage().maxRSS`: getrusage's maximum survives fork and exec, so a child of this bench
 * reports at least the bench's own RSS at the fork (hundreds of MB, whatever the bundle size:
 * the "flat" check then compared the parent with itself). Elsewhere maxRSS, marked with a `~`.
 */
const PEAK_RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { readFileSync, writeSync } from 'node:fs'; process.on('exit', () => { let hwm; try { hwm = /^VmHWM:\\s+(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]; } catch {} try { writeSync(3, hwm ?? '~' + process.resourceUsage().maxRSS); } catch {} });",
)}`;

/** Runs the built tool's `open`; returns wall time, peak RSS (bytes; `rssExact` false if from getrusage) and its exit code. */
async function cliOpen(repoRoot: string, p: Parties, bundle: string, outDir: string): Promise<{ ms: number; peakRss: number; rssExact: boolean; code: number | null; stderr: string }> {
  const tool = path.join(repoRoot, 'out', 'cli', 'sijill-bundle.mjs');
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', PEAK_RSS_PROBE, tool, 'open', bundle, '--out', outDir, '--key', p.recipientFile, '--trust', p.senderCard], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], env: { ...process.env, SIJILL_PASSPHRASE: KEY_PASSPHRASE } });
  let stderr = '';
  let rss = '';
  child.stderr?.on('data', (piece: Buffer) => (stderr += piece.toString()));
  (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (piece: Buffer) => (rss += piece.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { ms: performance.now() - start, peakRss: Number(rss.replace('~', '')) * 1024, rssExact: !rss.startsWith('~'), code, stderr: stderr.trim() };
}

/** `age` on the same bytes, or why not. */
async function ageFigures(dir: string, block: Uint8Array, bytes: number): Promise<{ encrypt: number; decrypt: number } | string> {
  if (spawnSync('age', ['--version']).error) return 'age not installed: apt-get install age';
  const key = path.join(dir, 'age.key');
  const keygen = spawnSync('age-keygen', ['-o', key], { encoding: 'utf8' });
  const recipient = /public key: (age1\w+)/i.exec(`${keygen.stderr}${keygen.stdout}`)?.[1];
  if (!recipient) return 'age-keygen did not print a public key';
  const plain = path.join(dir, 'plain.bin');
  const out = createWriteStream(plain);
  for await (const piece of attachmentBytes(block, bytes)) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const run = async (args: string[]) => {
    const start = performance.now();
    const child = spawn('age', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const [code] = (await once(child, 'close')) as [number | null];
    if (code !== 0) throw new Error(`age ${args[0]} failed (${code})`);
    return performance.now() - start;
  };
  const sealed = path.join(dir, 'plain.age');
  const encrypt = await run(['-e', '-r', recipient, '-o', sealed, plain]);
  const decrypt = await run(['-d', '-i', key, '-o', path.join(dir, 'plain.out'), sealed]);
  await rm(plain);
  await rm(path.join(dir, 'plain.out'));
  await rm(sealed);
  return { encrypt: rate(bytes, encrypt), decrypt: rate(bytes, decrypt) };
}

/** Runs the section on `mib` MiB. `dir` is a scratch folder (removed afterwards). */
export async function bundleBench(repoRoot: string, mib: number, dir: string, log: (message: string) => void): Promise<BundleSection> {
  const bytes = mib * MiB;
  const small = Math.max(1, Math.floor(mib / 4)) * MiB;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const notes: string[] = [];
  try {
    log('building sijill-bundle');
    await build({ configFile: cliConfig, logLevel: 'warn' });
    const block = new Uint8Array(BLOCK);
    for (let at = 0; at < BLOCK; at += 65536) randomFillSync(block, at, 65536);
    const p = await parties(dir);

    log(`raw secretstream on ${Math.min(bytes, RAW_MAX) / MiB} MiB`);
    const rawBefore = await rawSecretstream(block, Math.min(bytes, RAW_MAX));
    log(`writeBundle / readBundle on ${mib} MiB`);
    const big = path.join(dir, 'big.sijill');
    const tool = pathToFileURL(path.join(repoRoot, 'out', 'cli', 'sijill-bundle.mjs'));
    const writtenInline = await writeBundleFile(p, block, bytes, big, 'inline');
    const written = await writeBundleFile(p, block, bytes, big, { thread: tool });
    const inline = await readBundleFile(p, big, 'inline');
    const read = await readBundleFile(p, big, { thread: tool });
    // Raw again after ours, and the faster of the two counts: on a busy machine a baseline
    // timed at a quiet moment must not flatter the ratio.
    const rawAfter = await rawSecretstream(block, Math.min(bytes, RAW_MAX));
    const raw = { push: Math.max(rawBefore.push, rawAfter.push), pull: Math.max(rawBefore.pull, rawAfter.pull), pushCpu: Math.min(rawBefore.pushCpu, rawAfter.pushCpu), pullCpu: Math.min(rawBefore.pullCpu, rawAfter.pullCpu) };
    if (inline.received !== bytes) throw new Error(`readBundle (one thread) delivered ${inline.received} of ${bytes} bytes`);
    if (read.received !== bytes) throw new Error(`readBundle delivered ${read.received} of ${bytes} bytes`);
    log(`sijill-bundle open on ${small / MiB} and ${mib} MiB`);
    const little = path.join(dir, 'small.sijill');
    await writeBundleFile(p, block, small, little, { thread: tool });
    const openSmall = await cliOpen(repoRoot, p, little, path.join(dir, 'open-small'));
    await rm(path.join(dir, 'open-small'), { recursive: true, force: true });
    const openBig = await cliOpen(repoRoot, p, big, path.join(dir, 'open-big'));
    await rm(path.join(dir, 'open-big'), { recursive: true, force: true });
    for (const [name, result] of [['small', openSmall], ['big', openBig]] as const) {
      if (result.code !== 0) throw new Error(`sijill-bundle open (${name}) exited ${result.code}: ${result.stderr}`);
    }
    log(`age on ${mib} MiB`);
    const age = await ageFigures(dir, block, bytes);
    if (typeof age === 'string') notes.push(age);

    const budget = { on: 'ratio', op: '>=', limit: 0.6 } as const;
    const mem = (growth: number) => `${mib} MiB; peak RSS growth ${(growth / 1e6).toFixed(0)} MB`;
    // CPU time per MiB beside raw's (the cheaper of its two runs): it moves less than wall time
    // when other work shares the cores, though it does move (while ours waits for a file read,
    // other processes evict its data from the caches), so read both on a busy machine.
    const cpu = (ms: number, rawPerMiB: number) => `CPU ${(ms / mib).toFixed(2)} ms/MiB vs raw ${rawPerMiB.toFixed(2)} (${(rawPerMiB / (ms / mib)).toFixed(2)}×)`;
    const ageNote = (which: 'encrypt' | 'decrypt') => (typeof age === 'string' ? age : `age -${which[0]}: ${age[which].toFixed(0)} MiB/s`);
    const figures: Figure[] = [
      { label: 'bundle hash pass (describeEntry)', unit: 'MiB/s', value: rate(bytes, written.hashMs), baseline: null, baselineLabel: '—', budget: null, note: 'BLAKE2b + SHA-256 before writing (the manifest needs them first)' },
      { label: 'bundle write (writeBundle → file)', unit: 'MiB/s', value: rate(bytes, written.writeMs), baseline: raw.push, baselineLabel: 'raw secretstream push', budget, note: `BLAKE2b check on a second thread, as the tool; ${mem(written.peakGrowth)}; ${cpu(written.writeCpuMs, raw.pushCpu)} (both threads); ${ageNote('encrypt')}` },
      { label: 'bundle write, check on one thread (reference)', unit: 'MiB/s', value: rate(bytes, writtenInline.writeMs), baseline: raw.push, baselineLabel: 'raw secretstream push', budget: null, note: `as the app's export writes, and the tool before the hashing thread, same run; ${mem(writtenInline.peakGrowth)}; ${cpu(writtenInline.writeCpuMs, raw.pushCpu)}` },
      { label: 'bundle read (file → readBundle, verified)', unit: 'MiB/s', value: rate(bytes, read.ms), baseline: raw.pull, baselineLabel: 'raw secretstream pull', budget, note: `hashes on a second thread, as the tool (its start, ${read.threadStartMs.toFixed(0)} ms, not timed); ${mem(read.peakGrowth)}; ${cpu(read.cpuMs, raw.pullCpu)} (both threads); ${ageNote('decrypt')}` },
      { label: 'bundle read, hashes on one thread (reference)', unit: 'MiB/s', value: rate(bytes, inline.ms), baseline: raw.pull, baselineLabel: 'raw secretstream pull', budget: null, note: `how the read ran before the hashing thread, same run; ${mem(inline.peakGrowth)}; ${cpu(inline.cpuMs, raw.pullCpu)}` },
    ];
    if (typeof age !== 'string') {
      figures.push(
        { label: 'age encrypt (reference)', unit: 'MiB/s', value: age.encrypt, baseline: raw.push, baselineLabel: 'raw secretstream push', budget: null, note: `age -e to a file, ${mib} MiB` },
        { label: 'age decrypt (reference)', unit: 'MiB/s', value: age.decrypt, baseline: raw.pull, baselineLabel: 'raw secretstream pull', budget: null, note: `age -d to a file, ${mib} MiB` },
      );
    }
    const ageOpen = typeof age === 'string' ? null : age.decrypt;
    figures.push(
      { label: `sijill-bundle open ${mib} MiB (child)`, unit: 'MiB/s', value: rate(bytes, openBig.ms), baseline: ageOpen, baselineLabel: 'age -d to a file', budget: null, note: `verify, then write into a new folder; process start included${ageOpen === null ? `; ${notes[0] ?? ''}` : ''}` },
      {
        label: 'sijill-bundle open peak RSS',
        unit: 'MB',
        value: openBig.peakRss / 1e6,
        baseline: openSmall.peakRss / 1e6,
        baselineLabel: `same tool on ${small / MiB} MiB`,
        budget: { on: 'ratio', op: '<=', limit: 1.25 },
        note: `flat in bundle size: ${mib} MiB vs ${small / MiB} MiB; ${openBig.rssExact ? 'VmHWM of the child' : 'getrusage maxRSS: includes this process at the fork, not comparable'}`,
      },
    );
    return { figures, notes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
