/**
 * Folding of Latin-script spellings of Arabic names.
 *
 * The same name is written by English-, French- and German-trained documenters, by scholars
 * (ʿAlī, Ṣaydnāyā), by Turkish-keyboard users (Şaar), and with or without apostrophes for
 * ayn and hamza (Sha'ar, Shaar). `prefoldLatin` reduces all of that to plain lowercase a–z,
 * keeping the information that matters: a macron marks a long vowel, so ā becomes "aa";
 * š is a digraph "sh", not an s.
 *
 * `foldLatin` (fold.ts) then renders the phonetic reading of each word (segments.ts) back as a
 * canonical spelling: doubled letters single, q/k → k, dh → z, v → w, ou/oo/o → u, ee → i,
 * ay/ai/ei → ay, the article (al-, el-, Al , ash-…) removed. Vowel *quality* differences
 * (Nizar/Nazar, Ali/Alaa) are kept on purpose: some are spelling noise and some are different
 * names, and only the weighted comparison in phonetic-distance.ts can tell them apart.
 */

/** Letters whose decomposition would lose a sound: mapped before diacritics are stripped. */
const SPECIAL: Readonly<Record<string, string>> = {
  ā: 'aa', â: 'aa', ī: 'ii', î: 'ii', ū: 'uu', û: 'uu', ō: 'oo', ē: 'ee',
  š: 'sh', ş: 'sh', ṣ: 's', ž: 'zh', č: 'ch', ç: 's',
  ṯ: 'th', ḏ: 'dh', ḫ: 'kh', ẖ: 'kh', ġ: 'gh', ǧ: 'j', ğ: 'gh',
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'dh', þ: 'th', ı: 'i', ł: 'l',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

/** Marks for ayn and hamza, and the apostrophes people type for them: not letters. */
export const AYN_HAMZA_MARKS = /['`´ʿʾʼʻʽ‘’′‛]/gu;

/**
 * Lowercase a–z (and any non-Latin characters untouched) from a Latin spelling: special
 * letters mapped, diacritics stripped, ayn/hamza marks removed.
 */
export function prefoldLatin(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_RE, (letter) => SPECIAL[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(AYN_HAMZA_MARKS, '');
}
