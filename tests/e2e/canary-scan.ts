// Canary scan: after a session, read every file of the browser profile and look for text the
// user typed (DESIGN.md §12). Reusable: the records and attachments issues add testimony text
// to the canaries; this module only needs strings in and hits out.
//
// What it covers and why:
// - every regular file under the profile, recursively (LevelDB tables and logs of IndexedDB,
//   blob files, the origin-private file system, Cache Storage, code caches, Local/Session
//   Storage, preferences, crash and temp files): anything Chromium wrote;
// - UTF-8, UTF-16LE and UTF-16BE, of the NFC and NFD forms: V8's serializer stores one-byte
//   strings as Latin-1 (same bytes as UTF-8 for ASCII) and others as UTF-16LE; UTF-16BE costs
//   nothing to add;
// - a canary's random `core` as well as the whole text: LevelDB compresses table blocks with
//   Snappy, which may replace a repeated prefix ("CANARY-") with a back-reference, but a random
//   core of 16+ characters is only ever stored as literal bytes.
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A string that must never reach the disk in clear, and its distinctive random part. */
export interface Canary {
  readonly label: string;
  readonly text: string;
  /** A substring unique to this canary (its random part); searched on its own too. */
  readonly core?: string;
}

export type CanaryEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface CanaryHit {
  readonly label: string;
  readonly needle: string;
  readonly encoding: CanaryEncoding;
  /** Path relative to the scanned root. */
  readonly file: string;
  readonly offset: number;
}

export interface CanaryScan {
  /** Regular files read. */
  readonly files: number;
  readonly bytes: number;
  /** Relative paths of every file read (to check the scan reached where it should). */
  readonly paths: readonly string[];
  readonly hits: readonly CanaryHit[];
}

const ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** A Latin canary `CANARY-<prefix>-<32 hex>`; the hex is the core. */
export function latinCanary(label: string, prefix = 'X'): Canary {
  const core = randomBytes(16).toString('hex');
  return { label, text: `CANARY-${prefix}-${core}`, core };
}

/** An Arabic canary `كناري-<20 random Arabic letters>`; the letters are the core. */
export function arabicCanary(label: string): Canary {
  const core = [...randomBytes(20)].map((byte) => ARABIC_LETTERS[byte % ARABIC_LETTERS.length]).join('');
  return { label, text: `كناري-${core}`, core };
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let index = 0; index + 1 < le.length; index += 2) {
    be[index] = le[index + 1] ?? 0;
    be[index + 1] = le[index] ?? 0;
  }
  return be;
}

interface Needle {
  readonly label: string;
  readonly needle: string;
  readonly encoding: CanaryEncoding;
  readonly bytes: Buffer;
}

function needlesOf(canaries: readonly Canary[]): Needle[] {
  const out: Needle[] = [];
  for (const canary of canaries) {
    const texts = new Set([canary.text, canary.text.normalize('NFC'), canary.text.normalize('NFD')]);
    if (canary.core) texts.add(canary.core);
    for (const needle of texts) {
      out.push({ label: canary.label, needle, encoding: 'utf-8', bytes: Buffer.from(needle, 'utf8') });
      out.push({ label: canary.label, needle, encoding: 'utf-16le', bytes: Buffer.from(needle, 'utf16le') });
      out.push({ label: canary.label, needle, encoding: 'utf-16be', bytes: utf16be(needle) });
    }
  }
  return out;
}

/** Every regular file under `root` (symbolic links are listed by lstat and not followed). */
async function* walk(root: string, dir = root): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, path);
    else if (entry.isFile()) yield path;
    else if (entry.isSymbolicLink() && (await lstat(path)).isFile()) yield path;
  }
}

/**
 * Reads every file under `root` and reports each place a canary occurs, in any of the
 * encodings. Run it after the browser has closed, so every file is flushed and unlocked.
 */
export async function scanForCanaries(root: string, canaries: readonly Canary[]): Promise<CanaryScan> {
  const needles = needlesOf(canaries);
  const hits: CanaryHit[] = [];
  const paths: string[] = [];
  let bytes = 0;
  for await (const path of walk(root)) {
    const content = await readFile(path);
    const file = relative(root, path);
    paths.push(file);
    bytes += content.length;
    for (const needle of needles) {
      let at = content.indexOf(needle.bytes);
      while (at >= 0) {
        hits.push({ label: needle.label, needle: needle.needle, encoding: needle.encoding, file, offset: at });
        at = content.indexOf(needle.bytes, at + 1);
      }
    }
  }
  return { files: paths.length, bytes, paths, hits };
}
