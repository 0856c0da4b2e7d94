/**
 * Search terms for the in-memory full-text index (minisearch, built after unlock; DESIGN.md
 * §10), with the same normalisation as name matching, so صيدنايا, Saydnaya and Sednaya find
 * the same records.
 *
 * Each word yields several terms:
 * - its normalised surface form (Arabic normalised, Latin folded), for exact-word hits;
 * - `~` + its consonant skeleton, which all spellings of the word share (~sdn);
 * - `#` + a concept for generic facility words (سجن and prison both give #prison);
 * - `=` + an exonym id (Palmyra and تدمر both give =tadmur);
 * - digits in Western form (٢٣٥ → 235).
 *
 * Wiring: `new MiniSearch({ tokenize: tokenizeForSearch, processTerm: searchTermKeys, … })`
 * and search with `prefix: (term) => !/^[~#=]/.test(term)` so derived keys match exactly.
 */
import { dropPhoneticLetters, normaliseArabic } from './arabic';
import { FACILITY_GENERIC_WORDS, FACILITY_PARTICLES } from './facility-words';
import { dropArticles, wordSet } from './name-words';
import { abdCompoundTail, gluedKunya, isAbdWord } from './person-name';
import { exonymOf } from './facility-name';
import { phoneticToken } from './phonetic-token';
import { latinSegments, renderSegments, skeletonVariants } from './segments';
import { splitWords, tokenizeName, type RawToken } from './tokenize';

const CONCEPTS = new Map<string, string>();
for (const { concept, forms } of FACILITY_GENERIC_WORDS) for (const form of wordSet(forms)) CONCEPTS.set(form, concept);
/**
 * Words that carry nothing to search on: the article, standing alone or split off by a
 * hyphen (al-, ash-, ez-: the search engine splits at hyphens), and the particles of
 * facility names (of, de, la, No.). A query "ash-Sham" or "prison de Saydnaya" must not
 * require them to be in the record.
 */
const STOPWORDS = wordSet([
  'al', 'el', 'il', 'ul', 'ال',
  ...['a', 'e', 'u'].flatMap((vowel) => ['t', 'th', 'd', 'dh', 'r', 'z', 's', 'sh', 'ch', 'n'].map((consonant) => vowel + consonant)),
  ...FACILITY_PARTICLES,
]);
/** Prepositions and conjunctions written onto an article: وال، بال، فال، كال، لل. */
const ARABIC_CLITIC_ARTICLE = /^(?:[وفبك]ال|لل|ال)(?=..)/u;

/**
 * Keys already computed, by word as typed. A narrative repeats the same few hundred words and
 * an archive the same few hundred thousand, so indexing 100,000 testimonies mostly hits this.
 * Bounded: cleared when full, so memory stays flat.
 */
const memo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 100_000;

function keysOf(token: RawToken): readonly string[] {
  const cached = memo.get(token.raw);
  if (cached) return cached;
  const keys = computeKeys(token);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token.raw, keys);
  return keys;
}

function computeKeys(token: RawToken): string[] {
  if (token.script === 'num') return [token.text];
  if (STOPWORDS.has(token.norm)) return [];
  const keys = new Set<string>();
  let surface = token.norm;
  let phoneticText = token.text;
  if (token.script === 'ar') {
    keys.add(token.norm);
    surface = token.norm.replace(ARABIC_CLITIC_ARTICLE, '');
    phoneticText = dropPhoneticLetters(token.text, token.norm.length - surface.length);
    keys.add(surface);
  } else {
    keys.add(renderSegments(latinSegments(token.text)[0] ?? ''));
  }
  const concept = CONCEPTS.get(surface) ?? CONCEPTS.get(token.norm);
  if (concept) keys.add(`#${concept}`);
  const phonetic = phoneticToken({ ...token, text: phoneticText });
  if (phonetic) {
    phonetic.readings.forEach((reading) => {
      for (const skel of skeletonVariants(reading)) {
        if (skel !== '') keys.add(`~${skel}`);
        // A final h that may be silent (Saleh, Hamzeh): also key it as pronounced.
        if (reading.endsWith('H')) keys.add(`~${skel}h`);
      }
    });
    const exonym = exonymOf(phonetic);
    if (exonym) keys.add(`=${exonym}`);
  }
  // Abd compounds are split every way: key the parts so عبدالرحمن and "Abdul Rahman" meet.
  const tail = abdCompoundTail(token);
  if (tail || isAbdWord(token)) keys.add('~bd');
  if (tail) for (const key of keysOf(tail)) keys.add(key);
  // A kunya glued in Arabic (ابوعلي): key both words, as "أبو علي" is keyed.
  const kunya = gluedKunya(token);
  if (kunya) for (const part of kunya) for (const key of keysOf(part)) keys.add(key);
  keys.delete('');
  return [...keys];
}

/** Splits text into words the way names are split (scripts, digits, apostrophes inside words). */
export function tokenizeForSearch(text: string): string[] {
  return splitWords(text).map((word) => word.raw);
}

const termMemo = new Map<string, string[] | null>();

/** Search terms of one word (minisearch `processTerm`); null for words that are only an article. */
export function searchTermKeys(term: string): string[] | null {
  if (termMemo.has(term)) return termMemo.get(term) ?? null;
  const keys = [...new Set(tokenizeName(term).flatMap(keysOf))];
  const result = keys.length > 0 ? keys : null;
  if (termMemo.size >= MEMO_LIMIT) termMemo.clear();
  termMemo.set(term, result);
  return result;
}

/** Search terms of a whole text (a name, a query, a narrative), articles removed. */
export function searchKeys(text: string): string[] {
  return [...new Set(dropArticles(tokenizeName(text)).flatMap(keysOf))];
}

/** Normalises text for a plain substring filter (no phonetics): Arabic normalised, Latin folded to lowercase. */
export function normaliseForFilter(text: string): string {
  return normaliseArabic(text).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
