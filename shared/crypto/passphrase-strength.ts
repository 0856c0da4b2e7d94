/**
 * A deliberately simple, honest strength estimate for the passphrase meter.
 *
 * We cannot know how a person chose a passphrase, so for anything we did not generate we use
 * the old NIST SP 800-63-1 (Appendix A) heuristic for human-chosen secrets, which credits
 * few bits per character and tends to under- rather than over-state: 4 bits for the first
 * character, 2 for characters 2–8, 1.5 for 9–20, 1 beyond, plus 6 if it mixes upper case
 * and non-letters other than spaces. Runs of one repeated character count once. For a
 * passphrase we generated the entropy is exact: 11 bits per word.
 *
 * This guides a meter; it is not a guarantee, and it knows nothing about quotes, names or
 * dictionary words the person might have used.
 */
import { isGeneratedPassphrase, normalisePassphrase } from './passphrase';
import { WORDLIST } from './wordlist';

/** What the meter shows. */
export type StrengthLevel = 'weak' | 'fair' | 'good' | 'strong';

/** The estimate: bits of entropy (rounded down), a level, and whether it was generated. */
export interface PassphraseStrength {
  readonly bits: number;
  readonly level: StrengthLevel;
  readonly generated: boolean;
}

/** Level thresholds in bits; a generated six-word passphrase (66 bits) is `strong`. */
export const STRENGTH_THRESHOLDS: Readonly<Record<Exclude<StrengthLevel, 'weak'>, number>> = Object.freeze({
  fair: 36,
  good: 50,
  strong: 64,
});

const BITS_PER_WORD = Math.log2(WORDLIST.length);

function levelFor(bits: number): StrengthLevel {
  if (bits >= STRENGTH_THRESHOLDS.strong) return 'strong';
  if (bits >= STRENGTH_THRESHOLDS.good) return 'good';
  if (bits >= STRENGTH_THRESHOLDS.fair) return 'fair';
  return 'weak';
}

function heuristicBits(text: string): number {
  let bits = 0;
  let counted = 0;
  let previous: string | undefined;
  for (const char of text) {
    if (char === previous) continue;
    previous = char;
    counted++;
    bits += counted === 1 ? 4 : counted <= 8 ? 2 : counted <= 20 ? 1.5 : 1;
  }
  const hasUpper = /\p{Lu}/u.test(text);
  // Spaces are how sentences are built, not extra symbols.
  const hasNonLetter = /[^\p{L}\s]/u.test(text);
  if (hasUpper && hasNonLetter) bits += 6;
  return bits;
}

/**
 * Estimates the strength of `input` (NFC-normalised first). Malformed or over-long input
 * gets 0 bits and `weak` rather than an exception, since the meter runs on every keystroke.
 */
export function estimatePassphraseStrength(input: string): PassphraseStrength {
  let text: string;
  try {
    text = normalisePassphrase(input);
  } catch {
    return { bits: 0, level: 'weak', generated: false };
  }
  if (isGeneratedPassphrase(text)) {
    const bits = Math.floor(text.split('-').length * BITS_PER_WORD);
    return { bits, level: levelFor(bits), generated: true };
  }
  const bits = Math.floor(heuristicBits(text));
  return { bits, level: levelFor(bits), generated: false };
}
