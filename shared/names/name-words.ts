/**
 * Word-level helpers shared by the person and facility name parsers: word lists in lookup
 * form, and removal of the Arabic article written as its own word or glued on.
 */
import { normaliseArabic } from './arabic';
import { prefoldLatin } from './latin';
import { LATIN_ARTICLES, LATIN_SUN_ARTICLE } from './titles';
import type { RawToken } from './tokenize';

/** The Arabic definite article. */
export const ARABIC_ARTICLE = 'ال';

/** A word list in the form tokens are looked up in: Arabic normalised, Latin prefolded. */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((word) => (/[\u0600-\u06FF]/u.test(word) ? normaliseArabic(word) : prefoldLatin(word))));
}

/** The normalised word without a leading Arabic article, and whether it had one. */
export function withoutArticle(token: RawToken): { word: string; article: boolean } {
  if (token.script === 'ar' && token.norm.startsWith(ARABIC_ARTICLE) && token.norm.length > 3) {
    return { word: token.norm.slice(2), article: true };
  }
  return { word: token.norm, article: false };
}

const ARTICLES = new Set(LATIN_ARTICLES);

/**
 * Removes articles written as words: al-, el-, Al, a lone ال, and sun-letter forms before a
 * word starting with their consonant (ash-Shaar, as Saad). A last word is never removed.
 */
export function dropArticles(tokens: readonly RawToken[]): RawToken[] {
  return tokens.filter((token, index) => {
    if (token.script === 'ar') return token.norm !== ARABIC_ARTICLE;
    if (token.script !== 'la') return true;
    const next = tokens[index + 1];
    if (ARTICLES.has(token.text)) return next === undefined;
    const sun = LATIN_SUN_ARTICLE.exec(token.text);
    return !(sun && next?.script === 'la' && next.text.startsWith(sun[1] ?? ''));
  });
}
