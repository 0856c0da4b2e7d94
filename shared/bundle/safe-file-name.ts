/**
 * Entry names in a bundle are labels written by someone else, never paths (DESIGN.md §6).
 * Whoever writes files from a bundle turns each label into one safe file name with
 * `safeFileName`: a single path component on Linux, macOS and Windows alike, that cannot
 * climb out of the target folder, name a device, hide itself, spoof its extension with bidi
 * controls, or collide with another name after Unicode normalisation and case folding.
 */

/** Longest name produced, in UTF-8 bytes (file systems allow 255; the rest is for " (n)"). */
export const MAX_FILE_NAME_BYTES = 200;
const FALLBACK = 'entry';

/** Separators and characters Windows forbids, plus look-alike slashes that fool people. */
const RESERVED = /[/\\:*?"<>|\u2215\u2044\uFF0F\uFF3C\u29F8\u29F9]/gu;
/** Controls, invisible format characters (bidi controls, zero-width, BOM, soft hyphen), lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\uD800-\uDFFF]/gu;
/** Unicode noncharacters. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/gu;
/** Windows device names (reserved with any extension, in any case, incl. superscript digits). */
const DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$|CLOCK\$)$/iu;
/** A plausible extension to keep when shortening. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;

/**
 * The key under which two names collide: NFC, then case folded (upper then lower, so "ß" and
 * "SS" meet, as on case-insensitive file systems). Put the keys of existing files into `taken`.
 */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes on a code point boundary. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (utf8Length(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

function clean(label: string): string {
  let name = label.replace(/[\uD800-\uDFFF]/gu, '_').normalize('NFC');
  name = name.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/gu, ' ').replace(INVISIBLE, '').replace(NONCHARACTER, '').replace(RESERVED, '_');
  name = name.replace(/\s+/gu, ' ').replace(/\.{2,}/g, '.').trim();
  name = name.replace(/[. ]+$/u, ''); // Windows drops trailing dots and spaces: "a.txt." would become "a.txt"
  name = name.replace(/^\.+/u, '_'); // no ".", no "..", no hidden files
  if (name.length === 0) return FALLBACK;
  const base = (name.split('.')[0] ?? '').trimEnd();
  if (DEVICE.test(base)) name = `_${name}`;
  return name;
}

function split(name: string): { stem: string; ext: string } {
  const match = EXTENSION.exec(name);
  return !match || match.index === 0 ? { stem: name, ext: '' } : { stem: name.slice(0, match.index), ext: match[0] };
}

function fit(stem: string, suffix: string, ext: string): string {
  const room = MAX_FILE_NAME_BYTES - utf8Length(suffix + ext);
  const cut = truncateUtf8(stem, Math.max(room, 1)).replace(/[. ]+$/u, '');
  return `${cut.length > 0 ? cut : FALLBACK}${suffix}${ext}`;
}

/**
 * A safe file name for `label` (undefined or empty: "entry"), distinct from every key in
 * `taken` (see `fileNameKey`); the new name's key is added to `taken`. Never returns an
 * empty name, ".", "..", a name with a separator, a control or bidi character, a Windows
 * device name, or a name longer than MAX_FILE_NAME_BYTES.
 */
export function safeFileName(label: string | undefined, taken: Set<string>): string {
  const { stem, ext } = split(clean(label ?? ''));
  let candidate = fit(stem, '', ext);
  for (let n = 2; taken.has(fileNameKey(candidate)); n++) candidate = fit(stem, ` (${n})`, ext);
  taken.add(fileNameKey(candidate));
  return candidate;
}
