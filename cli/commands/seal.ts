/** `sijill-bundle seal`: files (or a folder's files) into a bundle for identity cards and/or a passphrase. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeEntry, recordEntry, type EntrySource } from '../../shared/bundle/entries';
import { BUNDLE_LIMITS } from '../../shared/bundle/limits';
import { RECORD_TYPE, BLOB_TYPE } from '../../shared/bundle/manifest';
import { writeBundle, type BundleRecipient } from '../../shared/bundle/writer';
import { KDF_FLOOR, KDF_PROFILES, type KdfParams } from '../../shared/crypto/kdf-params';
import { getSodium } from '../../shared/crypto/sodium';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { CliError, EXIT } from '../exit-codes';
import { readIdentityFile } from '../identity-file';
import { fileBytes, formatSize, pathIn, type CliIo } from '../io';
import { writeNewFile } from '../output';
import { readCard } from './common';

/** `seal --help`. */
export const SEAL_HELP = `Usage: sijill-bundle seal --identity SECRET-FILE [--to CARD]... [--passphrase] --out BUNDLE [options] PATH...

Seals files into a signed, encrypted bundle. PATH is a file or a folder (its regular files,
not recursive, hidden files skipped). Each file becomes a blob entry named after the file.
  --identity FILE     your secret identity (signs the bundle)
  --to CARD           a recipient's identity card (repeatable)
  --passphrase        also let a passphrase open it (asked without echo, or one line on stdin)
  --argon2 COST       passphrase cost: moderate (default: 3 passes, 256 MiB), sensitive
                      (4 passes, 1 GiB) or minimum (2 passes, 19 MiB: only for slow machines)
  --out FILE          the bundle to write (never overwritten; written completely or not at all)
  --records           seal *.json files holding a JSON object with a string "type" as records
  --redaction MODE    pseudonymised (default) or identified
  --seq N             sender sequence number (default: milliseconds since 1970, increasing)
`;

const ARGON2: Record<string, KdfParams> = { moderate: KDF_PROFILES.moderate, sensitive: KDF_PROFILES.sensitive, minimum: KDF_FLOOR };

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
};

/** Regular files named by `paths` (folders expand to their regular, non-hidden files, sorted). */
async function expand(io: CliIo, paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const path = pathIn(io, given);
    const info = await stat(path);
    if (info.isFile()) files.push(path);
    else if (info.isDirectory()) {
      const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name);
      files.push(...names.sort().map((name) => join(path, name)));
    } else throw new CliError(`${given} is neither a file nor a folder`, EXIT.file);
  }
  if (files.length > BUNDLE_LIMITS.maxEntries) throw new CliError(`at most ${BUNDLE_LIMITS.maxEntries} entries per bundle`, EXIT.usage);
  return files;
}

/** A record entry from a JSON file with a string "type", or undefined if it is not one. */
async function asRecord(path: string, id: Uint8Array): Promise<EntrySource | undefined> {
  if (extname(path).toLowerCase() !== '.json' || (await stat(path)).size > BUNDLE_LIMITS.maxRecordBytes) return undefined;
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof value !== 'object' || Array.isArray(value) || typeof type !== 'string' || !RECORD_TYPE.test(type) || type === BLOB_TYPE) return undefined;
  return recordEntry({ id, type, json: text, name: basename(path) });
}

async function entriesFor(files: readonly string[], records: boolean): Promise<EntrySource[]> {
  const s = await getSodium();
  const entries: EntrySource[] = [];
  for (const path of files) {
    const id = s.randombytes_buf(16);
    const record = records ? await asRecord(path, id) : undefined;
    const mediaType = MEDIA_TYPES[extname(path).toLowerCase()];
    // First pass: hash the file streaming; the writer reads it again while encrypting.
    entries.push(record ?? (await describeEntry({ id, kind: 'blob', type: BLOB_TYPE, name: basename(path), ...(mediaType ? { mediaType } : {}), open: () => fileBytes(path) })));
  }
  return entries;
}

/** Runs `seal`. */
export async function seal(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      identity: { type: 'string' },
      to: { type: 'string', multiple: true },
      passphrase: { type: 'boolean' },
      out: { type: 'string' },
      records: { type: 'boolean' },
      redaction: { type: 'string' },
      seq: { type: 'string' },
      argon2: { type: 'string' },
    },
  });
  if (!values.identity || !values.out || positionals.length === 0) throw new CliError('seal needs --identity, --out and at least one PATH', EXIT.usage);
  if (!values.to?.length && !values.passphrase) throw new CliError('seal needs at least one --to CARD or --passphrase', EXIT.usage);
  const redaction = values.redaction ?? 'pseudonymised';
  if (redaction !== 'pseudonymised' && redaction !== 'identified') throw new CliError('--redaction is pseudonymised or identified', EXIT.usage);
  const senderSeq = values.seq === undefined ? Date.now() : Number(values.seq);
  if (!/^\d+$/.test(values.seq ?? '1') || !Number.isSafeInteger(senderSeq) || senderSeq < 1) throw new CliError('--seq is a positive integer', EXIT.usage);

  const kdf = ARGON2[values.argon2 ?? 'moderate'];
  if (!kdf || !Object.hasOwn(ARGON2, values.argon2 ?? 'moderate')) throw new CliError('--argon2 is moderate, sensitive or minimum', EXIT.usage);

  const me = await readIdentityFile(pathIn(io, values.identity), io.err);
  const cards = await Promise.all((values.to ?? []).map((path) => readCard(io, path)));
  const recipients: BundleRecipient[] = cards.map((card) => ({ kind: 'identity', identity: card }));
  if (values.passphrase) recipients.push({ kind: 'passphrase', passphrase: await io.readSecret('Passphrase for the bundle: ', { confirm: true }), kdf });
  const entries = await entriesFor(await expand(io, positionals), values.records ?? false);
  const written = await writeBundle({
    sender: me.identity,
    senderLabel: me.label,
    recipients,
    entries,
    senderSeq,
    redaction,
    auditCheckpoint: { seq: 0, head: new Uint8Array(32) }, // the command line keeps no audit log
  });
  await writeNewFile(pathIn(io, values.out), written.chunks);
  const lines = [
    `wrote       ${values.out} (${formatSize(written.size)})`,
    `bundle      ${written.manifest.bundle_id} (sender sequence ${senderSeq})`,
    `entries     ${entries.length}`,
    ...cards.map((card) => `recipient   ${card.label} — ${humanFingerprint(card.fingerprint)}`),
    ...(values.passphrase ? ['recipient   passphrase'] : []),
  ];
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
