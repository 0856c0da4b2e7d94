/**
 * Are two facility names one place? The rules, in order:
 *
 * 1. Curated aliases decide first: names of one listed facility match ("Palestine Branch",
 *    "Branch 235"); names of two different listed facilities never do.
 * 2. A part never matches a whole or another kind of part (wing vs cell); two different
 *    facility types never match (Mezzeh prison vs Mezzeh airport).
 * 3. Numbers are significant: different numbers never match (Branch 215 vs Branch 235); the
 *    same number matches when the words agree or one side has none (الفرع ٢٣٥ = Branch 235).
 *    A number on one side only is not enough (a branch vs its numbered section).
 * 4. Otherwise the distinguishing words decide, phonetically, in any order; extra words on
 *    one side lower the score.
 * 5. Disagreeing agency words (Military vs Air Force Intelligence, Central vs Military
 *    prison of the same city) lower the score below the suggestion threshold.
 */
import { FACILITY_ALIASES } from './facility-aliases';
import { parseFacilityName, type FacilityNameParts, type FacilityWord } from './facility-name';
import { noMatch, type NameMatch } from './match-result';
import { blockKeys, tokenSimilarity } from './phonetic-token';
import { alignUnordered, similarityMatrix } from './word-alignment';

/** A facility name with the curated aliases it resolves to. */
export interface FacilityName extends FacilityNameParts {
  readonly aliasIds: readonly string[];
}

/** Qualifiers that name an agency or a kind of prison: two names disagreeing on them are two places. */
const DISTINGUISHING_QUALIFIERS = new Set(['military', 'central', 'air_force', 'political', 'state', 'general', 'security']);
const QUALIFIER_CONFLICT_PENALTY = 0.25;
/** Each distinguishing word present on one side only. */
const EXTRA_WORD_PENALTY = 0.1;
const SAME_NUMBER_SCORE = 0.92;
const ALIAS_SCORE = 0.97;
/** Similarity at which a name is taken to be one of a curated facility's names. */
const ALIAS_MATCH = 0.9;

function wordSimilarity(a: FacilityWord, b: FacilityWord): number {
  if (a.exonym !== null && b.exonym !== null) return a.exonym === b.exonym ? 1 : 0;
  return tokenSimilarity(a.token, b.token);
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));
const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => !b.has(x));

function qualifierConflict(a: FacilityNameParts, b: FacilityNameParts): boolean {
  const qa = new Set([...a.qualifiers].filter((q) => DISTINGUISHING_QUALIFIERS.has(q)));
  const qb = new Set([...b.qualifiers].filter((q) => DISTINGUISHING_QUALIFIERS.has(q)));
  return qa.size > 0 && qb.size > 0 && !subset(qa, qb) && !subset(qb, qa);
}

function sameKey(a: FacilityNameParts, b: FacilityNameParts): boolean {
  const key = (n: FacilityNameParts) =>
    `${n.words.map((w) => w.exonym ?? `${w.token.script}${w.token.readings[0] ?? ''}`).join(' ')}|${n.numbers.join(' ')}|` +
    [...n.types, ...n.parts, ...n.qualifiers].sort().join(' ');
  return (a.words.length > 0 || a.numbers.length > 0) && key(a) === key(b);
}

/** Compares the distinguishing words; `strict` requires the same number of words on each side. */
function compareWords(a: FacilityNameParts, b: FacilityNameParts, strict: boolean): { score: number; extra: number } | null {
  if (strict && a.words.length !== b.words.length) return null;
  const alignment = alignUnordered(similarityMatrix(a.words, b.words, wordSimilarity));
  return alignment && { score: alignment.score - EXTRA_WORD_PENALTY * alignment.unmatched, extra: alignment.unmatched };
}

/** Rules 2–5 (no aliases). `strict` is used to resolve aliases: no extra words allowed. */
function compareParts(a: FacilityNameParts, b: FacilityNameParts, strict: boolean): NameMatch {
  if (!sameSet(a.parts, b.parts)) return noMatch('different-part');
  if (a.types.size > 0 && b.types.size > 0 && disjoint(a.types, b.types)) return noMatch('different-type');
  if (sameKey(a, b)) return { score: 1, reason: 'same-key' };
  const penalty = qualifierConflict(a, b) ? QUALIFIER_CONFLICT_PENALTY : 0;
  const hasWords = a.words.length > 0 && b.words.length > 0;
  if (a.numbers.length > 0 && b.numbers.length > 0) {
    if (a.numbers.join(' ') !== b.numbers.join(' ')) return noMatch('different-number');
    if (!hasWords) return { score: SAME_NUMBER_SCORE - penalty, reason: 'same-number' };
    const words = compareWords(a, b, strict);
    return words ? { score: Math.min(1, words.score) * 0.98 - penalty, reason: 'same-number' } : noMatch('tokens-differ');
  }
  if (a.numbers.length > 0 || b.numbers.length > 0) {
    const words = hasWords ? compareWords(a, b, strict) : null;
    return noMatch('number-on-one-side', words ? Math.min(0.6, words.score) : 0);
  }
  if (!hasWords) {
    if (a.words.length === 0 && b.words.length === 0 && sameSet(a.qualifiers, b.qualifiers)) return noMatch('generic-only', 0.6);
    return noMatch(a.words.length === 0 && b.words.length === 0 ? 'generic-only' : 'too-little-evidence');
  }
  const words = compareWords(a, b, strict);
  if (!words) return noMatch('tokens-differ');
  return { score: Math.max(0, words.score - penalty), reason: words.extra > 0 ? 'token-subset' : 'phonetic' };
}

/** Keys a name must share with an alias name to be compared with it: its numbers and words. */
function aliasKeys(name: FacilityNameParts): string[] {
  return [...name.numbers.map((n) => `n:${n}`), ...name.words.flatMap((w) => (w.exonym ? [`x:${w.exonym}`] : blockKeys(w.token)))];
}

/** Every curated alias name, indexed by its keys, so resolving a name reads only a few. */
const ALIAS_NAMES = FACILITY_ALIASES.flatMap(({ id, names }) => names.map((name) => ({ id, name: parseFacilityName(name) })));
const ALIAS_INDEX = new Map<string, number[]>();
ALIAS_NAMES.forEach(({ name }, index) => {
  for (const key of aliasKeys(name)) ALIAS_INDEX.set(key, [...(ALIAS_INDEX.get(key) ?? []), index]);
});

/** Reads a facility name and resolves it against the curated alias table. */
export function prepareFacilityName(text: string): FacilityName {
  const parts = parseFacilityName(text);
  const aliasIds = new Set<string>();
  for (const index of new Set(aliasKeys(parts).flatMap((key) => ALIAS_INDEX.get(key) ?? []))) {
    const alias = ALIAS_NAMES[index];
    if (alias && !aliasIds.has(alias.id) && compareParts(parts, alias.name, true).score >= ALIAS_MATCH) aliasIds.add(alias.id);
  }
  return { ...parts, aliasIds: [...aliasIds] };
}

/**
 * The curated alias names of the listed facilities that `names` resolve to, less those
 * already among `names`: what search indexes with a facility record so "Branch 215" finds a
 * record named only "Raids Branch". Empty for a facility no alias table lists.
 */
export function facilityAliasNames(names: readonly string[]): string[] {
  const ids = new Set(names.flatMap((name) => prepareFacilityName(name).aliasIds));
  const own = new Set(names);
  return FACILITY_ALIASES.filter(({ id }) => ids.has(id)).flatMap(({ names: aliases }) => aliases.filter((alias) => !own.has(alias)));
}

/** Compares two prepared facility names (see the module comment for the rules). */
export function compareFacilityNames(a: FacilityName, b: FacilityName): NameMatch {
  if (a.aliasIds.some((id) => b.aliasIds.includes(id))) return { score: ALIAS_SCORE, reason: 'curated-alias' };
  if (a.aliasIds.length > 0 && b.aliasIds.length > 0) return noMatch('different-alias');
  return compareParts(a, b, false);
}
