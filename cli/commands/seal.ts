/** `sijill-bundle seal`: files (or a folder's files) into a signed bundle for identity cards and/or a passphrase. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeEntry, recordEntry, type EntrySource } from '../../shared/bundle/entries';
import { BUNDLE_LIMITS } from '../../shared/bundle/limits';
import { RECORD_TYPE, BLOB_TYPE } from '../../shared/bundle/manifest';
import { writeBundle, type BundleRecipient, type WrittenBundle } from '../../shared/bundle/writer';
import { getSodium } from '../../shared/crypto/sodium';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { CliError, EXIT } from '../exit-codes';
import { startHashThread } from '../hash-thread';
import { fileBytes, formatSize, pathIn, type CliIo } from '../io';
import { nodeSha256 } from '../node-sha256';
import { mustNotExist, writeNewFile } from '../output';
import { ARGON2_HELP, argon2Cost, loadKey, readCard } from './common';

/** `seal --help`. */
export const SEAL_HELP = `Usage: sijill-bundle seal --key KEY --to CARD [--to CARD]... --out FILE.sijill [options] INPUT...

Seals files into a bundle signed with KEY and encrypted for every --to card. INPUT is a file or
a folder (its regular files, not recursive, hidden files skipped); each file becomes an entry
named after the file.
  --key KEY           your secret key file (NAME.sijill-key from keygen): signs the bundle
  --to CARD           a recipient's identity card (NAME.sijill-id; repeatable)
  --out FILE          the bundle to write (never overwritten; written completely or not at all)
  --passphrase        also let a passphrase open it (asked twice without echo, or taken from
                      SIJILL_BUNDLE_PASSPHRASE); with it, --to is optional
  --argon2 COST       that passphrase's cost: ${ARGON2_HELP}
  --records           seal *.json files holding a JSON object with a string "type" as records
  --redaction MODE    pseudonymised (default) or identified
  --seq N             sender sequence number (default: milliseconds since 1970, increasing)
The KEY's passphrase is asked without echo, or taken from SIJILL_PASSPHRASE.
`;

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
    } else throw new CliError(`${given} is neither a file nor a folder`, EXIT.other);
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
    entries.push(record ?? (await describeEntry({ id, kind: 'blob', type: BLOB_TYPE, name: basename(path), ...(mediaType ? { mediaType } : {}), open: () => fileBytes(path) }, { sha256: nodeSha256 })));
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
      key: { type: 'string' },
      to: { type: 'string', multiple: true },
      passphrase: { type: 'boolean' },
      out: { type: 'string' },
      records: { type: 'boolean' },
      redaction: { type: 'string' },
      seq: { type: 'string' },
      argon2: { type: 'string' },
    },
  });
  if (!values.key || !values.out || positionals.length === 0) throw new CliError('seal needs --key KEY, --out FILE and at least one INPUT', EXIT.usage);
  if (!values.to?.length && !values.passphrase) throw new CliError('seal needs at least one --to CARD or --passphrase', EXIT.usage);
  const redaction = values.redaction ?? 'pseudonymised';
  if (redaction !== 'pseudonymised' && redaction !== 'identified') throw new CliError('--redaction is pseudonymised or identified', EXIT.usage);
  const senderSeq = values.seq === undefined ? Date.now() : Number(values.seq);
  if (!/^\d+$/.test(values.seq ?? '1') || !Number.isSafeInteger(senderSeq) || senderSeq < 1) throw new CliError('--seq is a positive integer', EXIT.usage);

  const kdf = argon2Cost(values.argon2);
  await mustNotExist(pathIn(io, values.out));

  const cards = await Promise.all((values.to ?? []).map((path) => readCard(io, path)));
  // Each entry's BLAKE2b is checked again as it is encrypted, on the hashing thread beside it;
  // the thread loads while the key is unlocked and the inputs are described.
  const hashThread = startHashThread();
  let written: WrittenBundle | undefined;
  let entries: EntrySource[];
  try {
    const me = await loadKey(io, values.key);
    const recipients: BundleRecipient[] = cards.map((card) => ({ kind: 'identity', identity: card }));
    if (values.passphrase) recipients.push({ kind: 'passphrase', passphrase: await io.readSecret('Passphrase for the bundle: ', 'bundle', { confirm: true }), kdf });
    entries = await entriesFor(await expand(io, positionals), values.records ?? false);
    written = await writeBundle({
      sender: me.identity,
      senderLabel: me.label,
      recipients,
      entries,
      senderSeq,
      redaction,
      auditCheckpoint: { seq: 0, head: new Uint8Array(32) }, // the command line keeps no audit log
      hasher: hashThread.hasher,
    });
    await writeNewFile(pathIn(io, values.out), written.chunks);
  } finally {
    // Ends the bundle's stream first, whatever stopped it (its key is wiped, its hash state
    // ended), then the thread: a write that failed before or while reading the chunks leaves
    // nothing running or unwiped.
    await written?.chunks[Symbol.asyncIterator]().return?.().catch(() => undefined);
    await hashThread.close();
  }
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
