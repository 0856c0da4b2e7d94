/**
 * Arabic orthographic normalisation for comparing and searching names (DESIGN.md §10).
 *
 * The same name reaches the archive vocalised or not (نِزار / نزار), with or without shadda
 * (حدّاد / حداد), stretched with tatweel for display (أبـو عـلي), with any of the alef forms
 * (أحمد / احمد), with ta marbuta written as ha (حمزة / حمزه), alef maqsura as ya, in Eastern
 * Arabic or Persian digits, and sometimes in presentation forms copied from a PDF. None of
 * that changes who is named, so all of it is folded away here. This is for comparison only:
 * what the user typed is stored and shown unchanged.
 */

/**
 * Combining marks of the Arabic script: harakat (fatha, damma, kasra, sukun, shadda), tanween,
 * maddah and hamza above/below (so أ إ آ ؤ ئ decompose to their bare carrier), superscript and
 * subscript alef, Quranic annotation marks, and the extended-Arabic marks.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF\u0674]/gu;
/** Tatweel (kashida): pure stretching, never a letter. */
const TATWEEL = /\u0640/gu;
/** Invisible formatting that copy-paste leaves inside names: zero-width characters, bidi marks, BOM. */
const INVISIBLE = /[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** Letter variants folded to one letter (after decomposition, so most hamza forms are already bare). */
const LETTER_MAP: Readonly<Record<string, string>> = {
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ٲ: 'ا', ٳ: 'ا', ٵ: 'ا',
  ى: 'ي', ی: 'ي', ې: 'ي', ۍ: 'ي', ئ: 'ي',
  ؤ: 'و',
  ة: 'ه', ۃ: 'ه', ە: 'ه', ھ: 'ه', ۀ: 'ه', ہ: 'ه',
  ک: 'ك', ڪ: 'ك',
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'gu');

/** Eastern Arabic (U+0660–0669) and Persian (U+06F0–06F9) digits. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;

/** Any letter of the Arabic script blocks (including presentation forms). */
export const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]/u;

/** True if `text` contains at least one Arabic letter. */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** Replaces Eastern Arabic and Persian digits with 0–9. */
export function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

/**
 * Normalises Arabic text for comparison: compatibility decomposition (presentation forms and
 * ligatures become plain letters), diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي,
 * ة → ه, ؤ → و, ئ → ي, Persian/Kurdish letter variants to their Arabic equivalents, Eastern
 * digits → 0–9, invisible formatting removed. Non-Arabic text passes through (recomposed NFC).
 * Idempotent: normalising twice changes nothing.
 */
export function normaliseArabic(text: string): string {
  const stripped = text.normalize('NFKD').replace(ARABIC_MARKS, '').replace(TATWEEL, '').replace(INVISIBLE, '');
  return westernDigits(stripped.replace(LETTERS, (letter) => LETTER_MAP[letter] ?? letter)).normalize('NFC');
}

/**
 * A lighter normalisation kept for phonetic keys: like {@link normaliseArabic} but hamza,
 * alef maqsura and ta marbuta survive, because they carry sound (علاء ends in a hamza,
 * مصطفى in a long a, حمزة in a vowel) that a Latin spelling also shows. Hamza above or below
 * is kept as the combining mark U+0654 after its carrier (and madda as U+0653), so the
 * segmenter can see them; every other diacritic is removed, shadda included: it is optional
 * in writing, so nothing may depend on it.
 */
export function arabicForPhonetics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\u0655/gu, '\u0654')
    .replace(/[\u0610-\u061A\u064B-\u0652\u0656-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF\u0674]/gu, '')
    .replace(TATWEEL, '')
    .replace(INVISIBLE, '')
    .replace(/[ٱٲٳٵ]/gu, 'ا')
    .replace(/[یېۍ]/gu, 'ي')
    .replace(/[ۃ]/gu, 'ة')
    .replace(/[ەھۀہ]/gu, 'ه')
    .replace(/[کڪ]/gu, 'ك');
}

/** Marks the phonetic form keeps after a letter: madda, hamza. */
const PHONETIC_MARKS = /[\u0653\u0654]/gu;

/** The letters of a phonetic form, its marks removed. */
export function phoneticLetters(text: string): string {
  return text.replace(PHONETIC_MARKS, '');
}

/** A phonetic form without its first `count` letters; the marks of a dropped letter go with it. */
export function dropPhoneticLetters(text: string, count: number): string {
  const chars = [...text];
  let index = 0;
  for (let dropped = 0; dropped < count && index < chars.length; dropped++) {
    index += 1;
    while (index < chars.length && /[\u0653\u0654]/u.test(chars[index] ?? '')) index += 1;
  }
  return chars.slice(index).join('');
}

/**
 * A phonetic form without a leading article (الحداد → حداد), or null when it has none. Words
 * of three letters or fewer keep theirs: the rest would be too short to be a name.
 */
export function withoutPhoneticArticle(text: string): string | null {
  const letters = phoneticLetters(text);
  return letters.startsWith('ال') && [...letters].length >= 4 ? dropPhoneticLetters(text, 2) : null;
}
