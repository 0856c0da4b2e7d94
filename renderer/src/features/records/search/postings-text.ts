/**
 * Ascending short ids written as short text for a saved index (search-snapshot.ts, format 4).
 * Pure; runs in the search worker.
 *
 * Why: the saved index is text, encrypted part by part in the vault, and at 100,000
 * testimonies its postings were most of its ~45 MB as JSON arrays of gaps ("1,2,1,…", two or
 * three characters an id): every save re-encrypted all of it, every unlock decrypted and parsed
 * it (issue 7). Here a list is a string of base64url characters (no JSON escaping), either
 * - `v…`: each gap from the previous id in 5-bit groups, low first, one character a group, the
 *   sixth bit set on every group but a gap's last (one character for a gap below 32), or
 * - `b…`: a bitmap, six ids a character (bit j of character i is id 6i + j),
 * whichever is shorter: a word most testimonies say costs one character per six testimonies.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Value of each character code below 128, -1 for a character not in ALPHABET. */
const VALUE = Int8Array.from({ length: 128 }, (_, code) => ALPHABET.indexOf(String.fromCharCode(code)));

/** `ids` (ascending, distinct, non-negative integers) as text. */
export function encodeIds(ids: readonly number[]): string {
  const last = ids.at(-1) ?? 0;
  let varint = 'v';
  let previous = 0;
  for (const id of ids) {
    let gap = id - previous;
    previous = id;
    while (gap >= 32) {
      varint += ALPHABET[32 + (gap & 31)];
      gap = Math.floor(gap / 32);
    }
    varint += ALPHABET[gap];
  }
  if (Math.ceil((last + 1) / 6) + 1 >= varint.length) return varint;
  const bits = new Uint8Array(Math.ceil((last + 1) / 6));
  for (const id of ids) bits[Math.floor(id / 6)] = (bits[Math.floor(id / 6)] ?? 0) | (1 << id % 6);
  let bitmap = 'b';
  for (const value of bits) bitmap += ALPHABET[value];
  return bitmap;
}

/** The ids of a text made by `encodeIds`, once checked. */
export interface DecodedIds {
  readonly count: number;
  /** Calls `visit` with each id, ascending. */
  forEach(visit: (id: number) => void): void;
}

/**
 * Reads `text` (from `encodeIds`): null unless it is one, holds at least one id, every gap after
 * the first is positive and every id is below `nextId`. Checks and counts in one pass, so a
 * caller can size its storage before the ids are produced.
 */
export function decodeIds(text: unknown, nextId: number): DecodedIds | null {
  if (typeof text !== 'string' || text.length < 2) return null;
  const mode = text[0];
  if (mode === 'b') return bitmapIds(text, nextId);
  if (mode === 'v') return varintIds(text, nextId);
  return null;
}

function valueAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 128 ? (VALUE[code] ?? -1) : -1;
}

function bitmapIds(text: string, nextId: number): DecodedIds | null {
  let count = 0;
  let last = -1;
  for (let at = 1; at < text.length; at += 1) {
    const value = valueAt(text, at);
    if (value < 0) return null;
    for (let bit = 0; bit < 6; bit += 1) {
      if ((value & (1 << bit)) === 0) continue;
      count += 1;
      last = (at - 1) * 6 + bit;
    }
  }
  if (count === 0 || last >= nextId) return null;
  return {
    count,
    forEach(visit) {
      for (let at = 1; at < text.length; at += 1) {
        const value = valueAt(text, at);
        for (let bit = 0; bit < 6; bit += 1) if ((value & (1 << bit)) !== 0) visit((at - 1) * 6 + bit);
      }
    },
  };
}

function varintIds(text: string, nextId: number): DecodedIds | null {
  let count = 0;
  let id = 0;
  let gap = 0;
  let scale = 1;
  for (let at = 1; at < text.length; at += 1) {
    const value = valueAt(text, at);
    if (value < 0) return null;
    gap += (value & 31) * scale;
    if (value >= 32) {
      scale *= 32;
      if (scale > 2 ** 35) return null; // no id needs more than seven groups
      continue;
    }
    if (count > 0 && gap === 0) return null;
    id += gap;
    if (id >= nextId) return null;
    count += 1;
    gap = 0;
    scale = 1;
  }
  if (count === 0 || scale !== 1) return null; // a gap left unfinished
  return {
    count,
    forEach(visit) {
      let current = 0;
      let part = 0;
      let factor = 1;
      for (let at = 1; at < text.length; at += 1) {
        const value = valueAt(text, at);
        part += (value & 31) * factor;
        if (value >= 32) {
          factor *= 32;
          continue;
        }
        current += part;
        visit(current);
        part = 0;
        factor = 1;
      }
    },
  };
}
