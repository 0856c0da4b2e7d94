/**
 * Reads a person's name into what identifies them: the sequence of name words, and the kunya
 * ("Abu Ali", "أبو علي", "Umm Khaled") as a name of its own kind, with ranks, roles,
 * honorifics, articles and particles removed.
 *
 * Compound names built on عبد (Abd al-Rahman, Abdulrahman, عبدالرحمن, عبد الرحمن) are read
 * as one word whichever way they are split, because documenters split them every way.
 */
import { dropPhoneticLetters, normaliseArabic, withoutPhoneticArticle } from './arabic';
import type { Script } from './phonetic-distance';
import { phoneticToken, tokenFromReadings, type PhoneticToken } from './phonetic-token';
import { arabicSegments, latinSegments } from './segments';
import {
  ARABIC_TITLES,
  ARABIC_TITLES_WITH_ARTICLE_ONLY,
  KUNYA_HEADS,
  LATIN_TITLES,
  NAME_PARTICLES,
  TITLE_MODIFIERS,
} from './titles';
import { tokenizeName, type RawToken } from './tokenize';
import { ARABIC_ARTICLE, dropArticles, withoutArticle, wordSet } from './name-words';

/** A kunya: "father of" / "mother of" and the name that follows. */
export interface Kunya {
  readonly head: 'abu' | 'umm';
  readonly name: PhoneticToken;
}

/** A person's name prepared for comparison. */
export interface PersonName {
  readonly text: string;
  /** The identifying words in order (given name first, as written). */
  readonly words: readonly PhoneticToken[];
  readonly kunya: Kunya | null;
}

const TITLES = wordSet([...LATIN_TITLES, ...ARABIC_TITLES]);
const TITLES_WITH_ARTICLE = wordSet(ARABIC_TITLES_WITH_ARTICLE_ONLY);
const MODIFIERS = wordSet(TITLE_MODIFIERS);
const PARTICLES = wordSet(NAME_PARTICLES);
const HEADS = new Map<string, Kunya['head']>();
for (const [head, forms] of Object.entries(KUNYA_HEADS) as [Kunya['head'], readonly string[]][]) {
  for (const form of wordSet(forms)) HEADS.set(form, head);
}
const ABU = normaliseArabic('ابو');
const ABD_ARABIC = 'عبد';

function isTitle(token: RawToken): boolean {
  const { word, article } = withoutArticle(token);
  return TITLES.has(word) || (article && TITLES_WITH_ARTICLE.has(word)) || TITLES.has(token.norm);
}

function isModifier(token: RawToken): boolean {
  return MODIFIERS.has(withoutArticle(token).word);
}

/** Removes leading ranks, roles and honorifics, never every word. */
function dropLeadingTitles(tokens: readonly RawToken[]): RawToken[] {
  let start = 0;
  let sawTitle = false;
  while (start < tokens.length - 1) {
    const token = tokens[start] as RawToken;
    if (isTitle(token)) sawTitle = true;
    else if (!(sawTitle && isModifier(token))) break;
    start += 1;
  }
  return tokens.slice(start);
}

/** The two words of a glued Arabic kunya (ابوعلي → ابو, علي), or null. */
export function gluedKunya(token: RawToken): [RawToken, RawToken] | null {
  if (token.script !== 'ar' || !token.norm.startsWith(ABU) || token.norm.length < 5) return null;
  const rest = token.text.replace(/^[اأإآ][\u0654\u0653]?ب[وؤ]\u0654?/u, '');
  return [
    { ...token, raw: 'ابو', text: 'ابو', norm: ABU },
    { ...token, raw: rest, text: rest, norm: normaliseArabic(rest) },
  ];
}

/** Splits a glued Arabic kunya (ابوعلي) into its two words. */
function splitGluedKunya(tokens: readonly RawToken[]): RawToken[] {
  return tokens.flatMap((token) => gluedKunya(token) ?? [token]);
}

/** Readings of the second part of an عبد compound, its article removed (الله, Allah → lah). */
function compoundTail(token: RawToken): string[] {
  if (token.script === 'ar') return [arabicSegments(withoutPhoneticArticle(token.text) ?? token.text)];
  const text = token.text.length > 4 ? token.text.replace(/^[aeu]l(?=[^aeiouy])/, '') : token.text;
  return [...latinSegments(text)];
}

/**
 * Abd written as its own word, bare or with the article (abd, abdul, abdel, abdur, abdus);
 * not "Abdo"/"Abdu", which are given names of their own.
 */
const LATIN_ABD = /^abd(?:[aeiou][lrsntdz])?$/;
/** Abd glued to the rest: Abdullah, Abdulrahman, Abdurrahman (sun letter), Abdelkarim. */
const LATIN_ABD_GLUED = /^abd(?:[aeiou]l|[aeiou]([bcdfghjklmnpqrstvwxyz])(?=\1)|[aeiou])?(.{3,})$/;

/** True for عبد / Abd / Abdul written as a word of its own. */
export function isAbdWord(token: RawToken): boolean {
  return token.script === 'ar' ? token.norm === ABD_ARABIC : token.script === 'la' && LATIN_ABD.test(token.text);
}

/** The second part of a glued عبد compound (عبدالرحمن → رحمن, Abdulrahman → rahman), or null. */
export function abdCompoundTail(token: RawToken): RawToken | null {
  if (token.script === 'ar' && token.norm.startsWith(ABD_ARABIC + ARABIC_ARTICLE) && token.norm.length >= 6) {
    const tail = dropPhoneticLetters(token.text, ABD_ARABIC.length + ARABIC_ARTICLE.length);
    return { ...token, raw: tail, text: tail, norm: normaliseArabic(tail) };
  }
  const glued = token.script === 'la' && token.text.length > 5 ? LATIN_ABD_GLUED.exec(token.text) : null;
  const tail = glued?.[2];
  return tail ? { ...token, raw: tail, text: tail, norm: tail } : null;
}

/** Joins عبد / Abd / Abdul with the next word, and splits glued forms, into one compound word. */
function readCompound(tokens: readonly RawToken[], index: number): { token: PhoneticToken; used: number } | null {
  const token = tokens[index] as RawToken;
  const next = tokens[index + 1];
  const script: Script = token.script === 'ar' ? 'ar' : 'la';
  if (token.script === 'ar') {
    const head = arabicSegments(ABD_ARABIC);
    if (token.norm === ABD_ARABIC && next && next.script === 'ar') {
      return { token: tokenFromReadings(`${token.raw} ${next.raw}`, script, compoundTail(next).map((t) => head + t)), used: 2 };
    }
    const tail = abdCompoundTail(token);
    return tail ? { token: tokenFromReadings(token.raw, script, [head + arabicSegments(tail.text)]), used: 1 } : null;
  }
  if (token.script !== 'la') return null;
  const head = latinSegments('abd')[0] ?? '';
  if (LATIN_ABD.test(token.text) && next && next.script === 'la') {
    return { token: tokenFromReadings(`${token.raw} ${next.raw}`, script, compoundTail(next).map((t) => head + t)), used: 2 };
  }
  const tail = abdCompoundTail(token);
  return tail ? { token: tokenFromReadings(token.raw, script, latinSegments(tail.text).map((t) => head + t)), used: 1 } : null;
}

/** Reads a person's name (one variant) into its identifying parts. */
export function parsePersonName(text: string): PersonName {
  const cleaned = tokenizeName(text).filter((token) => token.script !== 'num');
  const tokens = splitGluedKunya(dropLeadingTitles(dropArticles(cleaned))).filter((token) => !PARTICLES.has(token.norm));
  const words: PhoneticToken[] = [];
  let kunya: Kunya | null = null;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as RawToken;
    const head = HEADS.get(token.norm);
    if (head && kunya === null && index + 1 < tokens.length) {
      const compound = readCompound(tokens, index + 1);
      const name = compound?.token ?? phoneticToken(tokens[index + 1] as RawToken);
      if (name) {
        kunya = { head, name };
        index += compound ? compound.used : 1;
        continue;
      }
    }
    const compound = readCompound(tokens, index);
    if (compound) {
      words.push(compound.token);
      index += compound.used - 1;
      continue;
    }
    const word = phoneticToken(token);
    if (word) words.push(word);
  }
  return { text, words, kunya };
}
