/**
 * Splits a name into word tokens by script, before any name logic runs.
 *
 * A token is a run of Arabic letters, of other letters (Latin, with the apostrophes typed for
 * ayn/hamza kept inside the word: Sha'ar is one word), or of digits in any of the three digit
 * sets. "الفرع235" is two tokens; "Lt.Col." is two; hyphens separate words but are remembered,
 * because "ash-Shaar" marks "ash" as an article.
 */
import { ARABIC_LETTER, arabicForPhonetics, normaliseArabic, westernDigits } from './arabic';
import { prefoldLatin } from './latin';

/** One word of a name. */
export interface RawToken {
  /** As typed (NFC). */
  readonly raw: string;
  readonly script: 'ar' | 'la' | 'num';
  /** Arabic: the phonetic form (arabicForPhonetics); Latin: prefolded a–z; number: canonical digits. */
  readonly text: string;
  /** Arabic: normaliseArabic form; Latin: prefolded; number: canonical digits. Used for word lists. */
  readonly norm: string;
  /** The word was followed by a hyphen (al-, ash-). */
  readonly hyphenAfter: boolean;
}

/**
 * Invisible characters that copy-paste leaves *inside* a word: soft hyphen, zero-width space
 * and joiner, word joiner, bidi marks and embeddings, BOM. They are not word boundaries
 * (صيد\u200Dنايا is one word), so they are removed before splitting. ZWNJ is not among
 * them: in Arabic-script text it is a half space between parts (Persian, and names pasted
 * from it: ابو\u200Cعلي), so it stays a boundary.
 */
const INVISIBLE_IN_WORD = /[\u00AD\u180E\u200B\u200D-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/gu;

/** `text` in NFC without the invisible characters of {@link INVISIBLE_IN_WORD}. */
export function withoutInvisible(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE_IN_WORD, '');
}

const WORD_OR_HYPHEN = /[\p{L}\p{M}\p{Nd}\u0640'`´ʿʾʼʻʽ‘’′‛]+|[-‐‑‒–—]/gu;
const DIGIT = /\p{Nd}/u;
const HYPHEN = /^[-‐‑‒–—]$/u;
const ARABIC_PART = /[\p{M}\u0640]/u;
/** Apostrophes and ayn/hamza marks join the word they are in (Sha'ar, ʿAli). */
const APOSTROPHE = /['`´ʿʾʼʻʽ‘’′‛]/u;

/**
 * French elision before a vowel: "prison centrale d'Adra", "d'Alep", "l'aéroport". The d' or
 * l' is a preposition or article, not part of the name. Only a single d or l followed by an
 * apostrophe and a vowel counts, so an ayn after a consonant (Sa'ad, Far') is untouched.
 */
const FRENCH_ELISION = /^[dl]['’‘`´ʼ](?=[aeiouàâäéèêëîïôöùûüāīū]\p{L}{2})/iu;

function classify(char: string): 'ar' | 'la' | 'num' {
  if (DIGIT.test(char)) return 'num';
  return ARABIC_LETTER.test(char) ? 'ar' : 'la';
}

function makeToken(raw: string, script: 'ar' | 'la' | 'num'): RawToken | null {
  if (script === 'num') {
    const digits = westernDigits(raw).replace(/\D/g, '');
    if (digits === '') return null;
    const canonical = digits.replace(/^0+(?=\d)/, '');
    return { raw, script, text: canonical, norm: canonical, hyphenAfter: false };
  }
  if (script === 'ar') {
    const norm = normaliseArabic(raw);
    return norm === '' ? null : { raw, script, text: arabicForPhonetics(raw), norm, hyphenAfter: false };
  }
  const folded = prefoldLatin(raw.replace(FRENCH_ELISION, '')).replace(/[^a-z]/g, '');
  return folded === '' ? null : { raw, script, text: folded, norm: folded, hyphenAfter: false };
}

/** A word as typed, before normalisation: its text, script and whether a hyphen followed it. */
export interface RawWord {
  readonly raw: string;
  readonly script: 'ar' | 'la' | 'num';
  readonly hyphenAfter: boolean;
}

/** Splits one word into runs of a single script (marks, tatweel and apostrophes stay with their run). */
function splitRuns(word: string, out: RawWord[]): void {
  let run = '';
  let runScript: 'ar' | 'la' | 'num' | null = null;
  for (const char of word) {
    const joinsPrevious = ARABIC_PART.test(char) || APOSTROPHE.test(char);
    const script: 'ar' | 'la' | 'num' = joinsPrevious && runScript ? runScript : classify(char);
    if (runScript !== null && script !== runScript) {
      out.push({ raw: run, script: runScript, hyphenAfter: false });
      run = '';
    }
    runScript = script;
    run += char;
  }
  if (runScript !== null && run !== '') out.push({ raw: run, script: runScript, hyphenAfter: false });
}

/**
 * The words of `text` as typed, split by script: cheap, no normalisation. Search indexing
 * uses this on whole narratives and normalises each distinct word once.
 */
export function splitWords(text: string): RawWord[] {
  const words: RawWord[] = [];
  for (const match of withoutInvisible(text).matchAll(WORD_OR_HYPHEN)) {
    const piece = match[0];
    if (HYPHEN.test(piece)) {
      const last = words.at(-1);
      if (last) words[words.length - 1] = { ...last, hyphenAfter: true };
      continue;
    }
    splitRuns(piece, words);
  }
  return words;
}

/** The words of `text` in order, each with its script and normalised forms. */
export function tokenizeName(text: string): RawToken[] {
  return splitWords(text).flatMap((word) => {
    const token = makeToken(word.raw, word.script);
    return token ? [{ ...token, hyphenAfter: word.hyphenAfter }] : [];
  });
}
