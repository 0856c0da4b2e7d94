/**
 * Controlled vocabularies as data: a stable lowercase code plus English and Arabic labels.
 *
 * Records and exports carry codes, never display strings, so a label can be reworded or
 * translated without touching stored data, and a lawyer's tool can map codes to its own
 * categories. Codes are permanent: rename a label freely, never a code.
 */
import { z } from 'zod';

/** The languages the UI ships in (DESIGN.md §10). */
export type Lang = 'en' | 'ar';

/** One entry of a vocabulary. Extra fields (such as an act's group) ride along. */
export interface VocabularyEntry<C extends string = string> {
  readonly code: C;
  readonly en: string;
  readonly ar: string;
}

/** A vocabulary: its entries in display order, its codes, and a lookup by code. */
export interface Vocabulary<C extends string = string, E extends VocabularyEntry<C> = VocabularyEntry<C>> {
  readonly id: string;
  readonly entries: readonly E[];
  readonly codes: readonly [C, ...C[]];
  readonly byCode: ReadonlyMap<string, E>;
}

const CODE = /^[a-z][a-z0-9_]{0,47}$/;

/**
 * Builds a vocabulary from its entries and checks it once at load: codes are lowercase
 * snake_case and unique, and both labels are present. A mistake here is a programming error,
 * so it throws rather than returning an error.
 */
export function defineVocabulary<const E extends readonly [VocabularyEntry, ...VocabularyEntry[]]>(
  id: string,
  entries: E,
): Vocabulary<E[number]['code'], E[number]> {
  const byCode = new Map<string, E[number]>();
  for (const entry of entries) {
    if (!CODE.test(entry.code)) throw new Error(`vocabulary ${id}: bad code "${entry.code}"`);
    if (byCode.has(entry.code)) throw new Error(`vocabulary ${id}: duplicate code "${entry.code}"`);
    if (entry.en.trim() === '' || entry.ar.trim() === '') throw new Error(`vocabulary ${id}: missing label for "${entry.code}"`);
    byCode.set(entry.code, entry);
  }
  const codes = entries.map((entry) => entry.code) as unknown as readonly [E[number]['code'], ...E[number]['code'][]];
  return Object.freeze({ id, entries, codes, byCode });
}

/**
 * The label of `code` in `lang`. An unknown code (a newer export read by an older app) is
 * returned as is, so it stays visible and searchable instead of disappearing.
 */
export function labelOf<C extends string>(vocab: Vocabulary<C>, code: C, lang: Lang): string {
  const entry = vocab.byCode.get(code);
  return entry ? entry[lang] : code;
}

/** The zod enum of a vocabulary's codes: parsing refuses any code not in the data. */
export function vocabularySchema<C extends string>(vocab: Vocabulary<C>) {
  return z.enum(vocab.codes as unknown as readonly [C, ...C[]]);
}
