/**
 * Passphrase policy, normalisation and the generated-passphrase format.
 *
 * Every passphrase is NFC-normalised before use, so the same text typed on a keyboard that
 * produces decomposed characters (NFD) derives the same key. Length is counted in Unicode
 * code points after NFC, never in UTF-16 units (an emoji is one character, not two).
 *
 * JavaScript strings cannot be wiped; we convert to bytes as late as possible and wipe those.
 */
import { PassphraseError } from './errors';
import { drawRandom, getSodium, type RandomOptions } from './sodium';
import { WORDLIST } from './wordlist';

/** Fewest characters (code points after NFC) of a chosen passphrase. */
export const PASSPHRASE_MIN_CHARS = 12;
/** Most characters (code points after NFC) of any passphrase. */
export const PASSPHRASE_MAX_CHARS = 1000;
/** Words in a generated passphrase: 6 × 11 bits = 66 bits of entropy. */
export const GENERATED_WORDS = 6;
/** Separator between the words of a generated passphrase. */
export const GENERATED_SEPARATOR = '-';

/**
 * A lone (unpaired) surrogate: not valid Unicode and not encodable as UTF-8. With the `u` flag a
 * valid pair is read as one code point, so only lone halves match.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Number of code points (what a person calls characters, near enough, and what we limit). */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const wordSet = new Set(WORDLIST);

/** True if `text` (already NFC) is six list words joined by single hyphens, as we generate them. */
export function isGeneratedPassphrase(text: string): boolean {
  const words = text.split(GENERATED_SEPARATOR);
  return words.length === GENERATED_WORDS && words.every((word) => wordSet.has(word));
}

/**
 * Checks well-formedness and the upper bound, and returns the NFC form. This is all that is
 * required to *unlock*: a passphrase set under an older, laxer policy must keep working.
 * Throws `PassphraseError('malformed' | 'too-long')`.
 */
export function normalisePassphrase(input: string): string {
  if (typeof input !== 'string' || LONE_SURROGATE.test(input)) throw new PassphraseError('malformed');
  // Bound the work before normalising: NFC never turns more than a few UTF-16 units into one
  // code point, so anything this long cannot come back under the limit.
  if (input.length > PASSPHRASE_MAX_CHARS * 8) throw new PassphraseError('too-long');
  const nfc = input.normalize('NFC');
  if (countCodePoints(nfc) > PASSPHRASE_MAX_CHARS) throw new PassphraseError('too-long');
  return nfc;
}

/**
 * The full policy for a *new* passphrase: well-formed, at most 1000 characters, and at least
 * 12 characters unless it is a generated six-word passphrase. Returns the NFC form.
 */
export function checkNewPassphrase(input: string): string {
  const nfc = normalisePassphrase(input);
  if (countCodePoints(nfc) < PASSPHRASE_MIN_CHARS && !isGeneratedPassphrase(nfc)) {
    throw new PassphraseError('too-short');
  }
  return nfc;
}

/**
 * The bytes Argon2id receives: UTF-8 of the NFC form. `policy: 'new'` applies the full
 * policy, `'unlock'` only well-formedness and the upper bound. The caller wipes the bytes.
 */
export function passphraseBytes(input: string, policy: 'new' | 'unlock'): Uint8Array {
  const nfc = policy === 'new' ? checkNewPassphrase(input) : normalisePassphrase(input);
  return new TextEncoder().encode(nfc);
}

/**
 * Uniform integer in [0, bound) from 32-bit draws, rejecting the biased top of the range
 * (none for 2048 words, which divides 2^32; the loop keeps it right if the list ever changes).
 */
export function uniformIndex(draw: () => Uint8Array, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const b = draw();
    const value = new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
    if (value < limit) return value % bound;
  }
}

/**
 * Generates a six-word passphrase such as `maple-otter-violin-crisp-harbor-quilt`: each word
 * drawn uniformly from the 2048-word list with libsodium's CSPRNG, 66 bits in total.
 */
export async function generatePassphrase(options: RandomOptions = {}): Promise<string> {
  const s = await getSodium();
  const words: string[] = [];
  for (let i = 0; i < GENERATED_WORDS; i++) {
    const index = uniformIndex(() => drawRandom(s, options.random, 4), WORDLIST.length);
    words.push(WORDLIST[index] ?? '');
  }
  return words.join(GENERATED_SEPARATOR);
}
