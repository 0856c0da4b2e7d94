/**
 * Reads a facility name into what distinguishes it: distinguishing words (with their exonym,
 * if the word has a curated other name), numbers (Branch 215: always significant), and the
 * generic words sorted by role (type, part, qualifier; see facility-words.ts).
 */
import { FACILITY_GENERIC_WORDS, FACILITY_PARTICLES, type GenericWord } from './facility-words';
import { WORD_EXONYMS } from './facility-aliases';
import { dropArticles, withoutArticle, wordSet } from './name-words';
import { blockKeys, phoneticToken, tokenSimilarity, type PhoneticToken } from './phonetic-token';
import { tokenizeName, type RawToken } from './tokenize';

/** A distinguishing word of a facility name. */
export interface FacilityWord {
  readonly token: PhoneticToken;
  /** Id of the curated exonym this word is a form of (Palmyra and تدمر are both "tadmur"). */
  readonly exonym: string | null;
}

/** A facility name prepared for comparison. */
export interface FacilityNameParts {
  readonly text: string;
  readonly words: readonly FacilityWord[];
  /** Numbers in the name, Western digits without leading zeros, sorted. */
  readonly numbers: readonly string[];
  readonly types: ReadonlySet<string>;
  readonly parts: ReadonlySet<string>;
  readonly qualifiers: ReadonlySet<string>;
}

const GENERIC = new Map<string, GenericWord>();
for (const word of FACILITY_GENERIC_WORDS) for (const form of wordSet(word.forms)) GENERIC.set(form, word);
const PARTICLES = wordSet(FACILITY_PARTICLES);

/**
 * Exonym forms prepared once and indexed by blocking key, so checking a word (every word of
 * every narrative, for search) compares it with the few forms that could match, not all.
 */
const EXONYM_INDEX = new Map<string, { id: string; token: PhoneticToken }[]>();
for (const { id, forms } of WORD_EXONYMS) {
  for (const raw of forms.flatMap((form) => tokenizeName(form))) {
    const token = phoneticToken(raw);
    if (token) for (const key of blockKeys(token)) EXONYM_INDEX.set(key, [...(EXONYM_INDEX.get(key) ?? []), { id, token }]);
  }
}
/** A word is a form of an exonym when it reads (almost) the same. */
const EXONYM_MATCH = 0.9;

/** The id of the curated exonym `token` is a form of (Palmyra, تدمر → "tadmur"), or null. */
export function exonymOf(token: PhoneticToken): string | null {
  let best: { id: string; similarity: number } | null = null;
  for (const form of blockKeys(token).flatMap((key) => EXONYM_INDEX.get(key) ?? [])) {
    const similarity = tokenSimilarity(token, form.token);
    if (similarity >= EXONYM_MATCH && (!best || similarity > best.similarity)) best = { id: form.id, similarity };
  }
  return best?.id ?? null;
}

/** Arabic "li-l-" (للمخابرات, "of the intelligence") glued to a generic word. */
const LI_ARTICLE = 'لل';

function genericOf(token: RawToken): GenericWord | undefined {
  const found = GENERIC.get(token.norm) ?? GENERIC.get(withoutArticle(token).word);
  if (found || token.script !== 'ar' || !token.norm.startsWith(LI_ARTICLE)) return found;
  return GENERIC.get(token.norm.slice(LI_ARTICLE.length));
}

/** Reads a facility name (one variant). */
export function parseFacilityName(text: string): FacilityNameParts {
  const words: FacilityWord[] = [];
  const numbers = new Set<string>();
  const types = new Set<string>();
  const parts = new Set<string>();
  const qualifiers = new Set<string>();
  for (const token of dropArticles(tokenizeName(text))) {
    if (token.script === 'num') {
      numbers.add(token.text);
      continue;
    }
    if (PARTICLES.has(token.norm)) continue;
    const generic = genericOf(token);
    if (generic) {
      (generic.role === 'type' ? types : generic.role === 'part' ? parts : qualifiers).add(generic.concept);
      continue;
    }
    const phonetic = phoneticToken(token);
    if (phonetic) words.push({ token: phonetic, exonym: exonymOf(phonetic) });
  }
  return { text, words, numbers: [...numbers].sort(), types, parts, qualifiers };
}
