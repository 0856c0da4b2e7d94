/**
 * Recovery key text: 32 random bytes shown once, for the user to write down.
 *
 * Text form: Crockford base32 of key[32] || check[3], 56 symbols in 14 groups of 4
 * (`7K3M-Q9TZ-…`). check = first 3 bytes of BLAKE2b-256("SJ-RCK-1" || key), so a typo is
 * caught (with probability 1 − 2^-24) before any decryption and reported as a typo, not as
 * "wrong key". Crockford's alphabet has no I, L, O or U; reading accepts lower case, I/L as 1,
 * O as 0, and ignores spaces and hyphens, because people copy by hand.
 */
import { concatBytes, ascii } from './bytes';
import { RecoveryKeyError } from './errors';
import { constantTimeEqual, wipe, type Sodium } from './sodium';

/** Length of a recovery key in bytes. */
export const RECOVERY_KEY_BYTES = 32;
const CHECK_BYTES = 3;
const SYMBOLS = ((RECOVERY_KEY_BYTES + CHECK_BYTES) * 8) / 5; // 56: 280 bits, no padding bits
const GROUP = 4;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_LABEL = ascii('SJ-RCK-1');

function checksum(s: Sodium, key: Uint8Array): Uint8Array {
  const input = concatBytes(CHECK_LABEL, key);
  try {
    return s.crypto_generichash(32, input, null).subarray(0, CHECK_BYTES);
  } finally {
    wipe(input);
  }
}

/** Formats a 32-byte recovery key for display, e.g. `ABCD-EFGH-…` (14 groups of 4). */
export function formatRecoveryKey(s: Sodium, key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new TypeError('recovery key must be 32 bytes');
  const data = concatBytes(key, checksum(s, key));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
      buffer &= (1 << bits) - 1;
    }
  }
  wipe(data);
  const groups: string[] = [];
  for (let i = 0; i < out.length; i += GROUP) groups.push(out.slice(i, i + GROUP));
  return groups.join('-');
}

function symbolValue(char: string): number {
  // ASCII only: toUpperCase would otherwise map look-alikes in (dotless ı → I → 1, long ſ → S).
  if (char.length !== 1 || char.charCodeAt(0) > 0x7e) throw new RecoveryKeyError('malformed');
  const upper = char.toUpperCase();
  const canonical = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper;
  const value = ALPHABET.indexOf(canonical);
  if (value < 0 || canonical.length !== 1) throw new RecoveryKeyError('malformed');
  return value;
}

/**
 * Parses recovery key text into its 32 bytes (the caller wipes them). Throws
 * `RecoveryKeyError('malformed')` for wrong characters or length and `('checksum')` for a typo.
 */
export function parseRecoveryKey(s: Sodium, text: string): Uint8Array {
  if (typeof text !== 'string' || text.length > SYMBOLS * 4) throw new RecoveryKeyError('malformed');
  const symbols = text.replace(/[\s-]/gu, '');
  if (symbols.length !== SYMBOLS) throw new RecoveryKeyError('malformed');
  const data = new Uint8Array(RECOVERY_KEY_BYTES + CHECK_BYTES);
  try {
    let buffer = 0;
    let bits = 0;
    let index = 0;
    for (const char of symbols) {
      buffer = (buffer << 5) | symbolValue(char);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        data[index++] = (buffer >>> bits) & 0xff;
        buffer &= (1 << bits) - 1;
      }
    }
    const key = data.slice(0, RECOVERY_KEY_BYTES);
    if (!constantTimeEqual(checksum(s, key), data.subarray(RECOVERY_KEY_BYTES))) {
      wipe(key);
      throw new RecoveryKeyError('checksum');
    }
    return key;
  } finally {
    wipe(data);
  }
}
