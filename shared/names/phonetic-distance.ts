/**
 * How far apart two phonetic readings are (segments.ts): a weighted edit distance whose
 * weights encode what varies between honest spellings of one name and what separates two
 * different names.
 *
 * The principles, each visible in the tables below:
 * - A different consonant is a different name (Walid / Khalid), except for pairs that
 *   transliteration itself confuses: q/k, th/t/s, dh/z/d, g/j/gh, p/b, v/w/f.
 * - Arabic script writes long vowels and omits short ones. A Latin vowel with no Arabic
 *   counterpart is almost free (نزار / Nizar); a written Arabic long vowel with no Latin
 *   counterpart is not (it is usually a different name: سمير / سامر).
 * - Short vowel *quality* is spelling noise (Nizar / Nazar, Mohamed / Muhammad) and costs
 *   little; long vowel quality is not (Ali / Alaa, Hassan / Hussein) and costs a lot.
 *   Latin marks length by doubling (aa, ee, ou) or a diphthong (ai, ay, ei).
 * - A word's final vowel is always written in Arabic, so it is reliable: differences there
 *   count double (Abu Ali / Abu Alaa), and a final vowel missing on one side costs a lot,
 *   except a final Latin e, which is often silent (Amine) or ta marbuta (Hamze).
 * - Ayn, hamza and an initial alef are heard as a vowel or nothing; across scripts they cost
 *   nothing against a Latin vowel and almost nothing when absent.
 * - Two Arabic spellings are compared strictly: they use the same letters, so a missing or
 *   different letter means a different name.
 *
 * - A doubled consonant in Latin is a weak signal, never decisive.
 *
 * The distance is divided by the number of consonants (+0.5), so one soft difference weighs
 * less in a long name than in a short one; similarity = 1 − that ratio, floored at 0.
 */
import { GEMINATION, isConsonant } from './segments';

/** The script a reading came from: comparison rules differ within and across scripts. */
export type Script = 'ar' | 'la';

interface LatinVowel {
  readonly quality: 'a' | 'e' | 'i' | 'u' | 'ai' | 'au';
  readonly long: boolean;
}
const LATIN_VOWELS: Readonly<Record<string, LatinVowel>> = {
  a: { quality: 'a', long: false },
  e: { quality: 'e', long: false },
  i: { quality: 'i', long: false },
  o: { quality: 'u', long: false },
  u: { quality: 'u', long: false },
  A: { quality: 'a', long: true },
  I: { quality: 'i', long: true },
  U: { quality: 'u', long: true },
  Y: { quality: 'ai', long: true },
  W: { quality: 'au', long: true },
};
const ARABIC_VOWEL_QUALITY: Readonly<Record<string, LatinVowel['quality']>> = { ā: 'a', ī: 'i', ū: 'u' };
const SLOTS = new Set(['*', 'ʕ', 'ʔ']);

/** Symmetric table lookup: pairs written once, in either order. */
function table(entries: Readonly<Record<string, number>>): (a: string, b: string) => number | undefined {
  const map = new Map<string, number>();
  for (const [pair, cost] of Object.entries(entries)) {
    const [x = '', y = ''] = [...pair];
    map.set(x + y, cost);
    map.set(y + x, cost);
  }
  return (a, b) => map.get(a + b);
}

/** Distances between vowel qualities (e sits between a and i: Levantine imala, Sednaya). */
const QUALITY: Readonly<Record<string, number>> = {
  'a|e': 0.15, 'a|i': 0.4, 'a|u': 0.4, 'a|ai': 0.4, 'a|au': 0.4,
  'e|i': 0.1, 'e|u': 0.3, 'e|ai': 0.1, 'e|au': 0.4,
  'i|u': 0.3, 'i|ai': 0.15, 'i|au': 0.8,
  'u|ai': 0.8, 'u|au': 0.3, 'ai|au': 0.8,
};
/** Qualities this far apart are different vowels; with a long vowel involved, decisively so. */
const DIFFERENT_QUALITY = 0.4;
/** Cost of two clearly different vowels where one is known to be long. */
const DIFFERENT_LONG_VOWEL = 0.8;
/** Arabic ā against a Latin ai/ae: the a is there, the i/e stands for a hamza after it. */
const HIATUS = 0.3;
function qualityDistance(a: string, b: string): number {
  return a === b ? 0 : (QUALITY[`${a}|${b}`] ?? QUALITY[`${b}|${a}`] ?? 1);
}

/** Consonant pairs that transliteration confuses, with how much the confusion costs. */
const SOFT_CONSONANTS = table({
  qk: 0.2, qg: 0.4, gj: 0.3, gɣ: 0.2, θt: 0.3, θs: 0.3, ðz: 0.2, ðd: 0.3, ðθ: 0.3,
  bp: 0.2, fp: 0.4, fv: 0.3, wv: 0.2, jž: 0.2, ʃč: 0.3,
  // Latin th is written for ث and for ذ/ظ, which are also written z or d (Thaher, Zaher,
  // Dhaher = ظاهر): softer than two unrelated consonants, never free.
  θz: 0.4, θd: 0.5,
});
/** Semivowels against vowels: و/ي read as w/y on one side and as a long vowel on the other. */
const SEMIVOWELS = table({
  wū: 0.15, wu: 0.15, wU: 0.15, wo: 0.15, wW: 0.15,
  yī: 0.15, yi: 0.15, yI: 0.15, ye: 0.15, yY: 0.15,
  ʔw: 0.3, ʔy: 0.3,
});
/** Arabic vowel slots against each other (spelling variants of hamza seats). */
const ARABIC_SLOTS = table({ '*ʔ': 0.3, '*ʕ': 0.8, ʕʔ: 0.5, ʔā: 0.3, ʔī: 0.3, ʔū: 0.3, əā: 0.5 });

/** Cost of reading `a` as `b`; `final` if either is the last segment of its word. */
function substitution(a: string, b: string, final: boolean): number {
  if (a === b) return 0;
  if ((a === 'H' && b === 'h') || (a === 'h' && b === 'H')) return 0;
  const latinA = LATIN_VOWELS[a];
  const latinB = LATIN_VOWELS[b];
  if ((SLOTS.has(a) && latinB) || (SLOTS.has(b) && latinA)) return 0;
  let cost: number | undefined;
  let lengthMismatch = 0;
  if (latinA && latinB) {
    cost = qualityDistance(latinA.quality, latinB.quality);
    // Two vowels that disagree in quality where either is marked long are different vowels.
    if ((latinA.long || latinB.long) && cost >= DIFFERENT_QUALITY) cost = DIFFERENT_LONG_VOWEL;
    else if (latinA.long !== latinB.long) lengthMismatch = 0.1;
  } else if (latinA || latinB) {
    const latin = (latinA ?? latinB) as LatinVowel;
    const arabic = latinA ? b : a;
    const quality = ARABIC_VOWEL_QUALITY[arabic];
    if (quality !== undefined) {
      // ي and و write both the long vowels ī, ū and the diphthongs ay, aw (حسين = Husayn);
      // a Latin ai/ae after ā is usually ā followed by hamza (ثائر = Thair, Thaer).
      const diphthong = (quality === 'i' && latin.quality === 'ai') || (quality === 'u' && latin.quality === 'au');
      const hiatus = quality === 'a' && (latin.quality === 'ai' || latin.quality === 'au');
      cost = diphthong ? 0 : hiatus ? HIATUS : qualityDistance(quality, latin.quality);
      if (cost >= DIFFERENT_QUALITY) cost = DIFFERENT_LONG_VOWEL;
    } else if (arabic === 'ə') {
      cost = latin.quality === 'a' || latin.quality === 'e' ? 0 : latin.quality === 'i' ? 0.4 : latin.quality === 'ai' ? 0.3 : 0.8;
    }
  }
  // Final a/e is ta marbuta written two ways (Hamza / Hamzeh, Mezza / Mezzeh): not doubled.
  const taMarbuta = (a === 'a' && b === 'e') || (a === 'e' && b === 'a');
  if (cost !== undefined) return (final && !taMarbuta ? Math.min(1, cost * 2) : cost) + lengthMismatch;
  return SOFT_CONSONANTS(a, b) ?? SEMIVOWELS(a, b) ?? ARABIC_SLOTS(a, b) ?? 1;
}

/**
 * Cost, across scripts, of a word-initial vowel or vowel slot (ayn, hamza, alef) having no
 * counterpart when the other word starts with a consonant. Every Latin spelling of عدرا
 * starts with a vowel or an apostrophe (Adra, 'Adra), and every Arabic spelling of Adra
 * with a slot: a word that starts with a consonant is another word (درعا Daraa is not عدرا).
 */
const INITIAL_VOWEL_DELETION = 0.6;

/**
 * Cost of a segment of a word in `own` script having no counterpart in a word in `other`
 * script; `initialVsConsonant` if it starts its word and the other word starts with a consonant.
 */
function deletion(seg: string, own: Script, other: Script, final: boolean, initialVsConsonant = false): number {
  if (seg === 'H') return 0.05;
  const cross = own !== other;
  if (cross && initialVsConsonant && (SLOTS.has(seg) || LATIN_VOWELS[seg] !== undefined)) return INITIAL_VOWEL_DELETION;
  // Gemination: Arabic shadda is not read, Latin doubles inconsistently (Hadad / Haddad),
  // but two Latin spellings that disagree on it are a little less alike (Omar / Ammar).
  if (seg === GEMINATION) return own === 'la' && other === 'la' ? 0.15 : 0.05;
  if (SLOTS.has(seg)) return cross ? 0.05 : seg === 'ʔ' ? 0.3 : seg === 'ʕ' ? 0.8 : 1;
  if (ARABIC_VOWEL_QUALITY[seg] !== undefined) return cross ? 0.6 : 1;
  if (seg === 'ə') return cross ? 0.3 : 1;
  const latin = LATIN_VOWELS[seg];
  if (latin) {
    if (final) return seg === 'e' ? 0.3 : 0.8;
    if (latin.long) return 0.5;
    return cross ? 0.05 : 0.3;
  }
  return 1;
}

function consonantCount(segs: string): number {
  let count = 0;
  for (const seg of segs) if (isConsonant(seg)) count += 1;
  return count;
}

/** Weighted edit distance between two readings (see the module comment for the weights). */
export function phoneticDistance(a: string, scriptA: Script, b: string, scriptB: Script): number {
  const sa = [...a];
  const sb = [...b];
  const n = sa.length;
  const m = sb.length;
  // A vowel starting one word, against a consonant starting the other (see INITIAL_VOWEL_DELETION).
  const initialA = isConsonant(sb[0] ?? '');
  const initialB = isConsonant(sa[0] ?? '');
  let previous = new Float64Array(m + 1);
  let current = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) previous[j] = (previous[j - 1] ?? 0) + deletion(sb[j - 1] ?? '', scriptB, scriptA, j === m, j === 1 && initialB);
  for (let i = 1; i <= n; i++) {
    const segA = sa[i - 1] ?? '';
    const finalA = i === n;
    current[0] = (previous[0] ?? 0) + deletion(segA, scriptA, scriptB, finalA, i === 1 && initialA);
    for (let j = 1; j <= m; j++) {
      const segB = sb[j - 1] ?? '';
      const replace = (previous[j - 1] ?? 0) + substitution(segA, segB, finalA || j === m);
      const dropA = (previous[j] ?? 0) + deletion(segA, scriptA, scriptB, finalA, i === 1 && initialA);
      const dropB = (current[j - 1] ?? 0) + deletion(segB, scriptB, scriptA, j === m, j === 1 && initialB);
      current[j] = Math.min(replace, dropA, dropB);
    }
    [previous, current] = [current, previous];
  }
  return previous[m] ?? 0;
}

/** Similarity in [0, 1] of two readings: 1 − distance / (consonants of the longer + 0.5). */
export function phoneticSimilarity(a: string, scriptA: Script, b: string, scriptB: Script): number {
  if (a === b && scriptA === scriptB) return 1;
  const weight = Math.max(consonantCount(a), consonantCount(b)) + 0.5;
  return Math.max(0, 1 - phoneticDistance(a, scriptA, b, scriptB) / weight);
}
