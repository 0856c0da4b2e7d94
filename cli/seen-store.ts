/**
 * Replay protection for the command line: a small JSON file of what was already opened, one
 * line per bundle id and per (sender fingerprint, sequence). `verify` only reads it; `open`
 * adds the bundle after it was written out. Out-of-order delivery is fine (a set, not a maximum).
 *
 *   {"version":1,"seen":["id:<bundle_id>","seq:<sender fingerprint>:<sender_seq>", …]}
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Manifest } from '../shared/bundle/manifest';
import type { ReplayQuery } from '../shared/bundle/manifest-checks';
import { CliError, EXIT } from './exit-codes';

const MAX_STATE_BYTES = 64 * 1024 * 1024;
const schema = z.strictObject({ version: z.literal(1), seen: z.array(z.string().max(200)).max(1_000_000) });

const keysOf = (q: ReplayQuery) => [`id:${q.bundleId}`, `seq:${q.senderFingerprint}:${q.senderSeq}`];

/** The seen set in `path` (empty if the file does not exist yet). */
export async function loadSeen(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return new Set();
    throw error;
  }
  let parsed: z.infer<typeof schema> | undefined;
  try {
    parsed = text.length <= MAX_STATE_BYTES ? schema.parse(JSON.parse(text)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed) throw new CliError(`${path} is not a sijill-bundle seen-file`, EXIT.other);
  return new Set(parsed.seen);
}

/** A replay predicate over a seen set. */
export function replayPredicate(seen: ReadonlySet<string>): (q: ReplayQuery) => boolean {
  return (q) => keysOf(q).some((key) => seen.has(key));
}

/** Adds the bundle to the seen-file (written to a temp file, then renamed over the old one). */
export async function recordSeen(path: string, seen: Set<string>, manifest: Manifest): Promise<void> {
  for (const key of keysOf({ bundleId: manifest.bundle_id, senderFingerprint: manifest.sender.fingerprint, senderSeq: manifest.sender_seq })) seen.add(key);
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, JSON.stringify({ version: 1, seen: [...seen] }) + '\n', { mode: 0o600 });
  await rename(temp, path);
}
