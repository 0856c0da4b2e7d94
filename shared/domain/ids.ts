/**
 * Record ids: 16 random bytes written as 22 base64url characters without padding.
 *
 * 128 bits fill 21 characters and 2 bits of the 22nd, so the last character can only be one of
 * `A`, `Q`, `g`, `w` (the low 4 bits are zero). Requiring that makes the text form canonical:
 * one id has exactly one spelling, so ids can be compared and used as keys as plain strings.
 *
 * The random bytes come from the caller (the vault's libsodium), because shared/ has no
 * platform random source of its own.
 */
import { z } from 'zod';

/** Length of an id in bytes. */
export const ID_BYTES = 16;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** Schema of an id: exactly 22 canonical base64url characters. */
export const idSchema = z
  .string()
  .max(22, { abort: true })
  .regex(ID_PATTERN, { message: 'not a record id (22 base64url characters)' });
/** A record id (see {@link idSchema}). */
export type Id = z.infer<typeof idSchema>;

/** True if `value` is a canonical id. */
export function isId(value: unknown): value is Id {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Writes 16 bytes as an id. Throws on any other length: that is a programming error. */
export function idFromBytes(bytes: Uint8Array): Id {
  if (bytes.length !== ID_BYTES) throw new RangeError(`an id is ${ID_BYTES} bytes, got ${bytes.length}`);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }
  // 128 = 21 × 6 + 2: the last 2 bits, shifted to the top of the final character.
  out += ALPHABET[(buffer << (6 - bits)) & 63];
  return out;
}

/** Reads an id back into its 16 bytes. Throws if `id` is not canonical. */
export function idToBytes(id: string): Uint8Array {
  if (!ID_PATTERN.test(id)) throw new RangeError('not a record id');
  const bytes = new Uint8Array(ID_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of id) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (index < ID_BYTES) bytes[index++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  return bytes;
}

/** A new random id from the caller's cryptographic random source. */
export function newId(randomBytes: (length: number) => Uint8Array): Id {
  return idFromBytes(randomBytes(ID_BYTES));
}
