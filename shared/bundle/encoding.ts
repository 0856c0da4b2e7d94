/**
 * Text forms of binary values in manifests and identity cards: base64url without padding for
 * keys, ids and signatures; lowercase hex for hashes (DESIGN.md §6). Both are canonical: a
 * value has exactly one accepted spelling (no padding, no whitespace, no stray low bits in
 * the last base64 character, no uppercase hex), so comparing text compares bytes.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((char, i) => [char, i]));

/** Length of the unpadded base64url text of `bytes` bytes. */
export function base64urlLength(bytes: number): number {
  return Math.ceil((bytes * 4) / 3);
}

/** Encodes bytes as base64url without padding. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (6 - bits)) & 63];
  return out;
}

/**
 * Decodes canonical unpadded base64url of exactly `length` bytes, or returns undefined for
 * anything else (wrong length, padding, other characters, non-zero trailing bits).
 */
export function fromBase64url(text: string, length: number): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length !== base64urlLength(length)) return undefined;
  const out = new Uint8Array(length);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = LOOKUP.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // The leftover bits of the last character must be zero, or two spellings would decode alike.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** Encodes bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Decodes lowercase hex of exactly `length` bytes, or returns undefined. */
export function fromHex(text: string, length: number): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length !== length * 2 || !/^[0-9a-f]*$/.test(text)) return undefined;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Pattern of canonical base64url text of `bytes` bytes (shape only; use `fromBase64url` for the bits). */
export function base64urlPattern(bytes: number): RegExp {
  return new RegExp(`^[A-Za-z0-9_-]{${base64urlLength(bytes)}}$`);
}
