/**
 * A word prepared for comparison: its phonetic readings (several when the spelling is
 * ambiguous) and its consonant skeletons, computed once and reused for every comparison and
 * every blocking key.
 */
import { withoutPhoneticArticle } from './arabic';
import { phoneticSimilarity, type Script } from './phonetic-distance';
import { arabicSegments, latinSegments, skeleton, skeletonVariants } from './segments';
import type { RawToken } from './tokenize';

/** A word ready to compare. */
export interface PhoneticToken {
  /** The word as typed. */
  readonly raw: string;
  readonly script: Script;
  /** Phonetic readings, most likely first (see segments.ts). */
  readonly readings: readonly string[];
  /** Consonant skeleton of each reading. */
  readonly skeletons: readonly string[];
}

/** Two words at least this similar are taken as spellings of one word. */
export const TOKEN_MATCH = 0.82;

/**
 * Arabic words lose a leading article (الحداد → حداد); the full word is kept as a second
 * reading because a few names begin with ال themselves (الياس, الهام).
 */
function arabicReadings(text: string): string[] {
  const bare = withoutPhoneticArticle(text);
  return bare === null ? [arabicSegments(text)] : [arabicSegments(bare), arabicSegments(text)];
}

/**
 * Latin words written with the article glued on (Alhaddad, Elkhatib) get a second reading
 * without it; a spelled-out article is removed earlier, at the name level.
 */
function latinReadings(text: string): string[] {
  const readings = [...latinSegments(text)];
  if (/^(?:al|el)[^aeiouy]/.test(text) && text.length >= 5) readings.push(...latinSegments(text.slice(2)));
  // A sun-letter article glued on, French style (Ezzor, Eddine, Echcham): e + doubled consonant.
  const sun = /^e(t|d|r|z|s|n|sh|ch)\1(?=[a-z]{2})/.exec(text);
  if (sun) readings.push(...latinSegments(text.slice(1 + (sun[1]?.length ?? 0))));
  return readings;
}

/**
 * A Latin word written without vowels (Mhmd, chat style) reads like Arabic script: only its
 * consonants are written, so it is compared by the cross-script rules (vowels nearly free).
 */
function latinScript(readings: readonly string[]): Script {
  return readings.length === 1 && /^[^aeiouAIUYWH]{3,}$/u.test(readings[0] ?? '') ? 'ar' : 'la';
}

/** Prepares a word of a name; null for words with nothing to compare (numbers, stray marks). */
export function phoneticToken(token: RawToken): PhoneticToken | null {
  if (token.script === 'num') return null;
  const readings = [...new Set(token.script === 'ar' ? arabicReadings(token.text) : latinReadings(token.text))].filter((r) => r !== '');
  if (readings.length === 0) return null;
  const script = token.script === 'ar' ? 'ar' : latinScript(readings);
  return { raw: token.raw, script, readings, skeletons: readings.map(skeleton) };
}

/** Prepares a word from its readings directly (compound names built by the name parser). */
export function tokenFromReadings(raw: string, script: Script, readings: readonly string[]): PhoneticToken {
  const unique = [...new Set(readings)].filter((r) => r !== '');
  return { raw, script, readings: unique, skeletons: unique.map(skeleton) };
}

/**
 * Reading pairs already compared. Names repeat the same few thousand words endlessly, so
 * duplicate suggestion over thousands of records compares the same pairs again and again.
 * Bounded: cleared when full, so memory stays flat however long the app runs.
 */
const memo = new Map<string, number>();
const MEMO_LIMIT = 200_000;

function readingSimilarity(a: string, scriptA: Script, b: string, scriptB: Script): number {
  const key = `${scriptA}${a}\u0000${scriptB}${b}`;
  let similarity = memo.get(key);
  if (similarity === undefined) {
    similarity = phoneticSimilarity(a, scriptA, b, scriptB);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, similarity);
  }
  return similarity;
}

/** Similarity of two words: the best over their readings. */
export function tokenSimilarity(a: PhoneticToken, b: PhoneticToken): number {
  let best = 0;
  for (const ra of a.readings) {
    for (const rb of b.readings) {
      const similarity = readingSimilarity(ra, a.script, rb, b.script);
      if (similarity > best) best = similarity;
      if (best === 1) return 1;
    }
  }
  return best;
}

/**
 * Blocking keys of a word: the first two and the last two consonants of each skeleton (with
 * its variants for th/dh, see skeletonVariants).
 * Two spellings that differ by one soft consonant still share one of the two keys; two
 * words with no key in common are never compared. A word with no consonant (Aya) keys on
 * its reading.
 */
export function blockKeys(token: PhoneticToken): string[] {
  const keys = new Set<string>();
  token.readings.forEach((reading) => {
    for (const skel of skeletonVariants(reading)) {
      if (skel === '') {
        keys.add(`v:${reading}`);
        continue;
      }
      keys.add(`${skel.slice(0, 2)}<`);
      keys.add(`>${skel.slice(-2)}`);
    }
  });
  return [...keys];
}
