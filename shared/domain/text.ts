/**
 * String field schemas shared by every domain record.
 *
 * Every string is bounded, checked for well-formed Unicode and NFC-normalised on parse, so the
 * same name typed on two keyboards (precomposed or decomposed) is stored, compared and hashed
 * identically. Three strictness levels:
 *
 * - names and codes: one line, no control characters, no bidirectional formatting characters
 *   at all. A name is shown inside `<bdi>` by the UI; an embedded override would let a name
 *   reorder the text around it ("Trojan Source" style spoofing of who is accused of what).
 * - short text: one line, no control characters, no bidi embeddings/overrides/isolates
 *   (an unbalanced one spills into the surrounding UI); LRM/RLM marks are allowed, mixed
 *   Arabic/Latin lines legitimately need them.
 * - long text: newline and tab allowed (CRLF/CR become LF), other control characters refused,
 *   embeddings and overrides refused; isolates and marks allowed (pasted documents carry them).
 *
 * The length is checked twice: a cheap ceiling before normalising (so a 100 MB string is never
 * normalised) and the real limit after.
 */
import { z } from 'zod';

/** A lone (unpaired) surrogate: with /u a valid pair is one code point and never matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** U+FFFE/U+FFFF and the U+FDD0 block are noncharacters: never valid in interchange. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;
/** C0, DEL and C1 controls. */
const CONTROL = /\p{Cc}/u;
/** Controls other than newline and tab. */
const CONTROL_EXCEPT_LF_TAB = /[^\P{Cc}\n\t]/u;
/** LRE, RLE, PDF, LRO, RLO: embeddings and overrides. */
const BIDI_EMBEDDING_OR_OVERRIDE = /[\u202A-\u202E]/u;
/** Embeddings, overrides and isolates (LRI, RLI, FSI, PDI). */
const BIDI_NESTING = /[\u202A-\u202E\u2066-\u2069]/u;
/** Every bidi formatting character, including the LRM, RLM and ALM marks. */
const BIDI_ANY = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

const wellFormed = (value: string) => !LONE_SURROGATE.test(value) && !NONCHARACTER.test(value);

/** Text of one line with `max` UTF-16 units at most; empty allowed. */
export function shortText(max: number) {
  return z
    .string()
    .max(max * 2, { abort: true })
    .refine(wellFormed, { message: 'invalid Unicode (lone surrogate or noncharacter)', abort: true })
    .normalize('NFC')
    .max(max)
    .refine((value) => !CONTROL.test(value), { message: 'control characters are not allowed' })
    .refine((value) => !BIDI_NESTING.test(value), { message: 'bidirectional override characters are not allowed' });
}

/** Multi-line text with `max` UTF-16 units at most; empty allowed. */
export function longText(max: number) {
  return z
    .string()
    .max(max * 2, { abort: true })
    .refine(wellFormed, { message: 'invalid Unicode (lone surrogate or noncharacter)', abort: true })
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .normalize('NFC')
    .max(max)
    .refine((value) => !CONTROL_EXCEPT_LF_TAB.test(value), { message: 'control characters are not allowed' })
    .refine((value) => !BIDI_EMBEDDING_OR_OVERRIDE.test(value), {
      message: 'bidirectional override characters are not allowed',
    });
}

/**
 * A name (of a person, a place, an interviewer): trimmed, non-empty, one line, no control and
 * no bidi formatting characters.
 */
export function nameText(max: number) {
  return z
    .string()
    .max(max * 2, { abort: true })
    .refine(wellFormed, { message: 'invalid Unicode (lone surrogate or noncharacter)', abort: true })
    .normalize('NFC')
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL.test(value), { message: 'control characters are not allowed' })
    .refine((value) => !BIDI_ANY.test(value), { message: 'bidirectional formatting characters are not allowed in names' });
}

/**
 * A BCP 47 language tag in the small shape we use: language, optional script, optional region
 * (`ar`, `ar-SY`, `ku`, `kmr`, `ar-Latn`, `en-GB`). Case is fixed, so tags compare as strings.
 */
export const languageTagSchema = z
  .string()
  .max(16)
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?$/, { message: 'not a language tag like "ar" or "ar-SY"' });
export type LanguageTag = z.infer<typeof languageTagSchema>;

/** Rejects arrays holding the same value twice (codes, ids): duplicates are always a bug. */
export function uniqueValues<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}
