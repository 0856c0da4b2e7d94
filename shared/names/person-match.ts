/**
 * Are two person names one person? Evidence is weighed by how much it identifies:
 *
 * - Two full names match when every word matches in order (Nizar Haddad / نزار الحداد), in
 *   reverse order (a surname-first list), or when the shorter name's words all appear in the
 *   longer one starting from the given name (father's name omitted).
 * - Two kunyas match on their name (Abu Ali / أبو علي, never Abu Ali / Abu Alaa). A kunya
 *   is common, so a kunya alone scores below a full name; with matching names beside it, it
 *   adds evidence; a different kunya beside matching names is a different person.
 * - One word against one word (a nickname, a given name alone) counts only when nearly
 *   identical; one word against a full name is too little evidence.
 */
import { noMatch, type NameMatch } from './match-result';
import type { PersonName } from './person-name';
import { TOKEN_MATCH, tokenSimilarity } from './phonetic-token';
import { alignInOrder, alignOrderedSubset, alignUnordered, similarityMatrix, type Alignment } from './word-alignment';

/** Discount for one-word names: a single word identifies far less than a full name. */
const SINGLE_WORD_FACTOR = 0.85;
/** Discount for a kunya alone. */
const KUNYA_FACTOR = 0.9;
const REORDER_PENALTY = 0.05;
const OMITTED_WORD_PENALTY = 0.04;

type WordMatch = { score: number; reason: 'phonetic' | 'reordered' | 'token-subset' } | null;

/** Matches the name words; `allowShortSubset` lets a one-word name match inside a longer one. */
function matchWords(a: PersonName, b: PersonName, allowShortSubset: boolean): WordMatch {
  const sims = similarityMatrix(a.words, b.words, tokenSimilarity);
  const shorter = Math.min(a.words.length, b.words.length);
  const longer = Math.max(a.words.length, b.words.length);
  const result = (alignment: Alignment | null, reason: 'phonetic' | 'reordered' | 'token-subset', penalty: number): WordMatch =>
    alignment ? { score: alignment.score - penalty, reason } : null;
  if (shorter === longer) {
    return (
      result(alignInOrder(sims), 'phonetic', 0) ??
      (shorter > 1 ? result(alignUnordered(sims), 'reordered', REORDER_PENALTY) : null)
    );
  }
  if (shorter < 2 && !allowShortSubset) return null;
  return result(alignOrderedSubset(sims), 'token-subset', OMITTED_WORD_PENALTY * (longer - shorter));
}

const wordsKey = (name: PersonName) =>
  name.words.map((w) => `${w.script}${w.readings[0] ?? ''}`).join(' ') +
  (name.kunya ? `|${name.kunya.head}:${name.kunya.name.script}${name.kunya.name.readings[0] ?? ''}` : '');

/** Compares two prepared person names (see the module comment for the rules). */
export function comparePersonNames(a: PersonName, b: PersonName): NameMatch {
  if (a.words.length + (a.kunya ? 1 : 0) === 0 || b.words.length + (b.kunya ? 1 : 0) === 0) return noMatch('empty');
  // Identical full names are certain; an identical kunya or single word is still only that.
  if (a.words.length >= 2 && wordsKey(a) === wordsKey(b)) return { score: 1, reason: 'same-key' };
  if (a.kunya && b.kunya) {
    const kunya = a.kunya.head === b.kunya.head ? tokenSimilarity(a.kunya.name, b.kunya.name) : 0;
    if (kunya < TOKEN_MATCH) return noMatch('different-kunya');
    if (a.words.length === 0 || b.words.length === 0) return { score: kunya * KUNYA_FACTOR, reason: 'kunya' };
    const words = matchWords(a, b, true);
    if (!words) return noMatch('tokens-differ');
    const count = Math.min(a.words.length, b.words.length);
    return { score: (kunya + words.score * count) / (count + 1), reason: words.reason };
  }
  // A kunya on one side only says nothing either way: compare the names.
  if (a.words.length === 0 || b.words.length === 0) return noMatch('too-little-evidence');
  const [onlyA] = a.words;
  const [onlyB] = b.words;
  if (onlyA && onlyB && a.words.length === 1 && b.words.length === 1) {
    const similarity = tokenSimilarity(onlyA, onlyB);
    return similarity >= TOKEN_MATCH ? { score: similarity * SINGLE_WORD_FACTOR, reason: 'single-name' } : noMatch('tokens-differ');
  }
  if (a.words.length === 1 || b.words.length === 1) return noMatch('too-little-evidence');
  const words = matchWords(a, b, false);
  return words ?? noMatch('tokens-differ');
}
