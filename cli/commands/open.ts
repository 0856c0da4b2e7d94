/**
 * `sijill-bundle verify` and `open`: the full verification pipeline; `open` also writes the
 * entries out. Entries stream into a hidden temporary folder next to the output (mode 0700,
 * files 0600, names sanitised, never overwriting); only after the whole bundle verified, and
 * its signer matches a --trust card, is the folder renamed into place. On any failure the
 * temporary folder is removed: nothing half-written, nothing untrusted left.
 */
import { mkdir, open as openFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { DISCARD_SINK, type QuarantineSink } from '../../shared/bundle/entry-reader';
import type { IdentityCard } from '../../shared/bundle/identity-card';
import type { ManifestEntry } from '../../shared/bundle/manifest';
import { readBundle, type VerifiedBundle } from '../../shared/bundle/reader';
import { fileNameKey, safeFileName } from '../../shared/bundle/safe-file-name';
import type { BundleUnlock } from '../../shared/bundle/unlock';
import { BatchedFileWriter } from '../batched-file-writer';
import { CliError, EXIT } from '../exit-codes';
import { fileBytes, pathIn, type CliIo } from '../io';
import { startHashThread, type HashThread } from '../hash-thread';
import { mustNotExist, temporaryNear } from '../output';
import { loadSeen, recordSeen, replayPredicate } from '../seen-store';
import { describeBundle, trustedFrom, unlockFrom } from './common';

const UNLOCK_HELP = `  --key KEY           your secret key file (NAME.sijill-key); its passphrase is asked without
                      echo, or taken from SIJILL_PASSPHRASE
  --trust CARD        a partner's identity card (NAME.sijill-id) whose fingerprint you compared;
                      the signer must match one (repeatable)
  --passphrase        open a passphrase bundle (a backup) instead of --key: asked without echo,
                      or taken from SIJILL_BUNDLE_PASSPHRASE
  --seen FILE         refuse bundles already recorded in FILE (replay protection; open adds to it)`;

/** `verify --help`. */
export const VERIFY_HELP = `Usage: sijill-bundle verify FILE --key KEY --trust CARD [--trust CARD]... [--seen FILE]

Checks everything (header, MAC, payload, signature, recipients, every entry's length and
hashes) without writing anything, and prints the sender's fingerprint and the entries.
Exit 0 only if the bundle is authentic AND its signer matches a --trust card; 5 if it is
authentic but the signer is not trusted (without --trust: compare the printed fingerprint).
${UNLOCK_HELP}
`;

/** `open --help`. */
export const OPEN_HELP = `Usage: sijill-bundle open FILE --key KEY --trust CARD [--trust CARD]... --out DIR [--seen FILE]

Verifies FILE as verify does, then writes into the new folder DIR: manifest.json, one JSON file
per record and the attachments, under sanitised names (labels, never paths). DIR must not
exist; it appears only once everything verified and the signer is trusted. On any failure DIR
is not created.
  --out DIR           the folder to create
${UNLOCK_HELP}
`;

const OPTIONS = {
  key: { type: 'string' },
  passphrase: { type: 'boolean' },
  trust: { type: 'string', multiple: true },
  seen: { type: 'string' },
  out: { type: 'string' },
} as const;

/** The label a file is named after: the entry's name, or type and id; records end in .json. */
function labelOf(entry: ManifestEntry): string {
  const label = entry.name ?? `${entry.type}-${entry.id}`;
  return entry.kind === 'record' && !label.toLowerCase().endsWith('.json') ? `${label}.json` : label;
}

/**
 * A sink writing each entry to its own new file in `folder`. It stops before the first entry
 * when the signer is not trusted: nothing from an untrusted signer is ever written.
 */
function folderSink(folder: string, written: string[]): QuarantineSink & { dispose(): Promise<void> } {
  const taken = new Set([fileNameKey('manifest.json')]);
  let handle: FileHandle | undefined;
  let writer: BatchedFileWriter | undefined;
  return {
    begin(_manifest, sender) {
      if (sender.trust.status !== 'verified') throw untrusted(sender);
    },
    async beginEntry(entry) {
      const name = safeFileName(labelOf(entry), taken);
      const path = join(folder, name);
      if (dirname(resolve(path)) !== resolve(folder)) throw new CliError('internal error: an entry name escaped the output folder', EXIT.other);
      handle = await openFile(path, 'wx', 0o600);
      writer = new BatchedFileWriter(handle);
      written.push(name);
    },
    async write(bytes) {
      await (writer as BatchedFileWriter).write(bytes);
    },
    async endEntry() {
      await writer?.flush();
      await handle?.sync();
      await handle?.close();
      handle = undefined;
      writer = undefined;
    },
    /** Closes a file left open by a failure mid-entry (Windows cannot delete open files). */
    async dispose() {
      await handle?.close().catch(() => undefined);
      handle = undefined;
      writer = undefined;
    },
  };
}

/** Why a signer is not trusted, in one line (with its fingerprint, to compare out of band). */
function whyUntrusted(sender: VerifiedBundle['sender']): string {
  const who = `"${sender.label}" (fingerprint ${humanFingerprint(sender.fingerprint)})`;
  const why = sender.trust.status === 'key-changed' ? `a key differs from the --trust card "${sender.trust.contact.label}" (changed key or impostor)` : 'that signer matches no --trust card';
  return `signed by ${who}, but ${why}`;
}

/** The refusal of `open` for an untrusted signer, raised before any entry is written. */
function untrusted(sender: VerifiedBundle['sender']): CliError {
  return new CliError(`${whyUntrusted(sender)}: nothing was written`, EXIT.untrusted);
}

/** What the read needs from the command line. */
interface ReadContext {
  readonly io: CliIo;
  readonly values: { readonly out?: string | undefined };
  readonly bundle: string;
  readonly out: string | undefined;
  readonly totalBytes: number;
  readonly trusted: readonly IdentityCard[];
  readonly seenPath: string | undefined;
  readonly seen: Set<string>;
}

async function verifyOrOpen(args: string[], io: CliIo, mode: 'verify' | 'open'): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: OPTIONS });
  if (positionals.length !== 1) throw new CliError(`${mode} needs exactly one FILE`, EXIT.usage);
  if (mode === 'verify' && values.out) throw new CliError('verify writes nothing: --out belongs to open', EXIT.usage);
  if (mode === 'open' && !values.out) throw new CliError('open needs --out DIR', EXIT.usage);
  if (Boolean(values.key) === Boolean(values.passphrase)) throw new CliError('give exactly one of --key KEY or --passphrase', EXIT.usage);
  const bundle = pathIn(io, positionals[0] ?? '');
  const out = values.out ? pathIn(io, values.out) : undefined;
  if (out) await mustNotExist(out);
  const totalBytes = (await stat(bundle)).size;
  const trusted = await trustedFrom(io, values.trust);
  const seenPath = values.seen ? pathIn(io, values.seen) : undefined;
  const seen = seenPath ? await loadSeen(seenPath) : new Set<string>();
  // The hashing thread loads while the key is unlocked (Argon2id); closed whatever happens.
  const hashThread = startHashThread();
  try {
    return await verifyOrOpenWith(hashThread, await unlockFrom(io, values), { io, values, bundle, out, totalBytes, trusted, seenPath, seen });
  } finally {
    await hashThread.close();
  }
}

/** The read itself, once the arguments are checked and the key is unlocked. */
async function verifyOrOpenWith(hashThread: HashThread, unlock: BundleUnlock, context: ReadContext): Promise<number> {
  const { io, values, bundle, out, totalBytes, trusted, seenPath, seen } = context;
  const temp = out ? temporaryNear(out) : undefined;
  const files: string[] = [];
  const folder = temp ? folderSink(temp, files) : undefined;
  let result: VerifiedBundle;
  try {
    if (temp) await mkdir(temp, { mode: 0o700 });
    result = await readBundle(fileBytes(bundle), { unlock, pinned: trusted, sink: folder ?? DISCARD_SINK, totalBytes, isReplay: replayPredicate(seen), hasher: hashThread.hasher });
    // In open mode, reaching this point means the sink accepted the signer: it is trusted.
    if (out && temp) {
      await writeFile(join(temp, 'manifest.json'), JSON.stringify(result.manifest, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
      await mustNotExist(out);
      await rename(temp, out);
    }
  } finally {
    await folder?.dispose();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
  // A failure prints one line on stderr and nothing on stdout: the fingerprint to compare out of
  // band is in that line, and nothing from an untrusted signer is presented as if it were fine.
  if (result.sender.trust.status !== 'verified') {
    io.err(`sijill-bundle: the bundle is authentic, ${whyUntrusted(result.sender)}\n`);
    return EXIT.untrusted;
  }
  io.out(describeBundle(result));
  if (out) {
    if (seenPath) await recordSeen(seenPath, seen, result.manifest);
    io.out(`wrote       ${values.out}/ (${files.length} entries + manifest.json)\n`);
  }
  return EXIT.ok;
}

/** Runs `verify`. */
export function verify(args: string[], io: CliIo): Promise<number> {
  return verifyOrOpen(args, io, 'verify');
}

/** Runs `open`. */
export function open(args: string[], io: CliIo): Promise<number> {
  return verifyOrOpen(args, io, 'open');
}
