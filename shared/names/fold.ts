/**
 * Whole-text renderings of names in one Latin-ish alphabet, for display of keys, debugging,
 * and simple equality where the weighted comparison is not needed.
 *
 * - `foldLatin` gives a Latin spelling its canonical form: "Walid al-Qassab" and
 *   "Waleed Kassab" both fold to "walid kasab".
 * - `arabicToLatinKey` writes Arabic in the same alphabet from its letters: "وليد القصاب"
 *   becomes "wlid ksab". Short vowels are not written in Arabic, so the two are not equal;
 *   their consonant skeletons are ("wld ksb" for all three): see `consonantSkeleton`.
 */
import { withoutPhoneticArticle } from './arabic';
import { dropArticles } from './name-words';
import { arabicSegments, latinSegments, renderSegments, skeleton } from './segments';
import { tokenizeName, type RawToken } from './tokenize';

function reading(token: RawToken): string | null {
  if (token.script === 'la') return latinSegments(token.text)[0] ?? '';
  if (token.script === 'ar') return arabicSegments(withoutPhoneticArticle(token.text) ?? token.text);
  return null;
}

/**
 * Folds a Latin spelling to its canonical form: case, diacritics, apostrophes for ayn and
 * hamza, hyphens and the article removed; doubled letters single; q/k → k, dh → z, v → w,
 * o/ou/oo → u, ee/ie → i, ai/ay/ei/ey → ay. Arabic words are normalised (normaliseArabic),
 * digits become Western digits.
 */
export function foldLatin(text: string): string {
  // One pass can write vowels side by side that read differently next time ("ao" → "au" →
  // "aw"); repeating until nothing changes makes folding idempotent. Two passes suffice in
  // practice; the cap only bounds the loop.
  let folded = foldOnce(text);
  for (let pass = 0; pass < 4; pass++) {
    const again = foldOnce(folded);
    if (again === folded) break;
    folded = again;
  }
  return folded;
}

function foldOnce(text: string): string {
  return dropArticles(tokenizeName(text))
    .map((token) => (token.script === 'la' ? renderSegments(reading(token) ?? '') : token.norm))
    .filter((word) => word !== '')
    .join(' ');
}

/**
 * Writes Arabic text in the alphabet of {@link foldLatin}, letter by letter (article
 * removed; long vowels as a, i, u; ayn and hamza silent). Latin words are folded, digits
 * made Western, so mixed text gives one comparable key.
 */
export function arabicToLatinKey(text: string): string {
  return dropArticles(tokenizeName(text))
    .map((token) => (token.script === 'num' ? token.text : renderSegments(reading(token) ?? '')))
    .filter((word) => word !== '')
    .join(' ');
}

/**
 * The consonant skeleton of each word, in coarse classes, whatever the script: the key on
 * which spellings of one name agree ("nzr hd" for Nizar Haddad, Nazar Hadad, نزار حداد).
 */
export function consonantSkeleton(text: string): string {
  return dropArticles(tokenizeName(text))
    .map((token) => (token.script === 'num' ? token.text : skeleton(reading(token) ?? '')))
    .filter((word) => word !== '')
    .join(' ');
}
