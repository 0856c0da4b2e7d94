/**
 * `sijill-bundle verify` and `open`: the full verification pipeline; `open` also writes the
 * entries out. Entries stream into a hidden temporary folder next to the output (mode 0700,
 * files 0600, names sanitised, never overwriting); only after the whole bundle verified, and
 * its sender is pinned (or --allow-unverified), is the folder renamed into place. On any
 * failure the temporary folder is removed: nothing half-written, nothing unverified left.
 */
import { mkdir, open as openFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { DISCARD_SINK, type QuarantineSink } from '../../shared/bundle/entry-reader';
import type { ManifestEntry } from '../../shared/bundle/manifest';
import { readBundle, type VerifiedBundle } from '../../shared/bundle/reader';
import { fileNameKey, safeFileName } from '../../shared/bundle/safe-file-name';
import { CliError, EXIT } from '../exit-codes';
import { fileBytes, pathIn, type CliIo } from '../io';
import { mustNotExist, temporaryNear } from '../output';
import { loadSeen, recordSeen, replayPredicate } from '../seen-store';
import { describeBundle, pinnedFrom, unlockFrom } from './common';

const UNLOCK_HELP = `  --identity FILE     open with your secret identity
  --passphrase        open with a passphrase (asked without echo, or one line on stdin)
  --sender CARD       a verified partner's identity card; the signer must match one (repeatable)
  --seen FILE         refuse bundles already recorded in FILE (replay protection)`;

/** `verify --help`. */
export const VERIFY_HELP = `Usage: sijill-bundle verify BUNDLE (--identity FILE | --passphrase) [--sender CARD]... [--seen FILE]

Checks everything (header, MAC, payload, signature, recipients, every entry's length and
hashes) without writing any entry. Exit 0 only if the bundle is authentic AND its signer
matches a --sender card; 7 if it is authentic but the signer is not pinned.
${UNLOCK_HELP}
`;

/** `open --help`. */
export const OPEN_HELP = `Usage: sijill-bundle open BUNDLE --out FOLDER (--identity FILE | --passphrase) [--sender CARD]... [options]

Verifies BUNDLE as verify does and writes its entries into the new FOLDER, with manifest.json.
FOLDER must not exist; it appears only once everything verified. Entry names are sanitised
labels (never paths); records get .json.
  --out FOLDER        the folder to create
${UNLOCK_HELP}
  --allow-unverified  write the entries even if the signer matches no --sender card (they stay suspect)
`;

const OPTIONS = {
  identity: { type: 'string' },
  passphrase: { type: 'boolean' },
  sender: { type: 'string', multiple: true },
  seen: { type: 'string' },
  out: { type: 'string' },
  'allow-unverified': { type: 'boolean' },
} as const;

/** The label a file is named after: the entry's name, or type and id; records end in .json. */
function labelOf(entry: ManifestEntry): string {
  const label = entry.name ?? `${entry.type}-${entry.id}`;
  return entry.kind === 'record' && !label.toLowerCase().endsWith('.json') ? `${label}.json` : label;
}

/**
 * A sink writing each entry to its own new file in `folder`. Unless unverified senders are
 * allowed, it stops before the first entry when the signer is not pinned: nothing is written.
 */
function folderSink(folder: string, written: string[], allowUnverified: boolean): QuarantineSink & { dispose(): Promise<void> } {
  const taken = new Set([fileNameKey('manifest.json')]);
  let handle: FileHandle | undefined;
  return {
    begin(_manifest, sender) {
      if (sender.trust.status !== 'verified' && !allowUnverified) {
        const who = `"${sender.label}" (fingerprint ${humanFingerprint(sender.fingerprint)})`;
        throw new CliError(`signed by ${who}, which matches no pinned, verified card${sender.trust.status === 'key-changed' ? ' (a key changed)' : ''}: nothing was written (see --sender, --allow-unverified)`, EXIT.unverifiedSender);
      }
    },
    async beginEntry(entry) {
      const name = safeFileName(labelOf(entry), taken);
      const path = join(folder, name);
      if (dirname(resolve(path)) !== resolve(folder)) throw new CliError('internal error: an entry name escaped the output folder', EXIT.internal);
      handle = await openFile(path, 'wx', 0o600);
      written.push(name);
    },
    async write(bytes) {
      for (let offset = 0; offset < bytes.length; ) offset += (await (handle as FileHandle).write(bytes, offset)).bytesWritten;
    },
    async endEntry() {
      await handle?.sync();
      await handle?.close();
      handle = undefined;
    },
    /** Closes a file left open by a failure mid-entry (Windows cannot delete open files). */
    async dispose() {
      await handle?.close().catch(() => undefined);
      handle = undefined;
    },
  };
}

async function verifyOrOpen(args: string[], io: CliIo, mode: 'verify' | 'open'): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: OPTIONS });
  if (positionals.length !== 1) throw new CliError(`${mode} needs exactly one BUNDLE`, EXIT.usage);
  if (mode === 'verify' && (values.out || values['allow-unverified'])) throw new CliError('verify writes nothing: --out and --allow-unverified belong to open', EXIT.usage);
  if (mode === 'open' && !values.out) throw new CliError('open needs --out FOLDER', EXIT.usage);
  const bundle = pathIn(io, positionals[0] ?? '');
  const out = values.out ? pathIn(io, values.out) : undefined;
  if (out) await mustNotExist(out);
  const pinned = await pinnedFrom(io, values.sender);
  const seenPath = values.seen ? pathIn(io, values.seen) : undefined;
  const seen = seenPath ? await loadSeen(seenPath) : new Set<string>();
  const unlock = await unlockFrom(io, values);
  const totalBytes = (await stat(bundle)).size;

  const temp = out ? temporaryNear(out) : undefined;
  const files: string[] = [];
  const folder = temp ? folderSink(temp, files, values['allow-unverified'] ?? false) : undefined;
  let result: VerifiedBundle;
  try {
    if (temp) await mkdir(temp, { mode: 0o700 });
    result = await readBundle(fileBytes(bundle), { unlock, pinned, sink: folder ?? DISCARD_SINK, totalBytes, isReplay: replayPredicate(seen) });
    // In open mode, reaching this point means the sender is verified or --allow-unverified was given.
    if (out && temp) {
      await writeFile(join(temp, 'manifest.json'), JSON.stringify(result.manifest, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
      await mustNotExist(out);
      await rename(temp, out);
    }
  } finally {
    await folder?.dispose();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
  const verified = result.sender.trust.status === 'verified';
  io.out(describeBundle(result));
  if (out) {
    if (seenPath) await recordSeen(seenPath, seen, result.manifest);
    io.out(`wrote       ${values.out}/ (${files.length} entries + manifest.json)${verified ? '' : ' — SENDER NOT VERIFIED: treat as suspect'}\n`);
    return verified ? EXIT.ok : EXIT.unverifiedSender;
  }
  if (!verified) {
    io.err('sijill-bundle: the bundle is authentic, but its signer is not a pinned, verified contact\n');
    return EXIT.unverifiedSender;
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
