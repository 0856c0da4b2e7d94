/**
 * Rules for human-readable labels that travel in bundles and identity cards (sender label,
 * entry names). A label is shown to people, so it must not be able to rewrite what is shown
 * around it: no control characters (incl. newlines and NUL), no bidirectional formatting
 * characters (the "Trojan Source" reordering trick), no unpaired surrogates (not Unicode at all,
 * and not encodable as UTF-8). Labels are never paths: see safe-file-name.ts.
 */

/** A lone UTF-16 surrogate half (with the `u` flag a valid pair is one code point and does not match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** U+FFFE/U+FFFF and U+FDD0..U+FDEF: noncharacters, never valid in interchange. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u;
/** C0 controls, DEL, C1 controls, line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Arabic letter mark, LRM/RLM, embeddings and overrides, isolates. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** True if `text` has no lone surrogate (is well-formed Unicode). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Why a label is refused, or undefined if it is acceptable. */
export function labelProblem(text: unknown, maxChars: number): string | undefined {
  if (typeof text !== 'string') return 'not a string';
  if (text.length === 0) return 'empty';
  if (text.length > maxChars) return `longer than ${maxChars} characters`;
  if (!isWellFormed(text)) return 'contains an unpaired surrogate';
  if (NONCHARACTER.test(text)) return 'contains a Unicode noncharacter';
  if (CONTROL.test(text)) return 'contains a control character';
  if (BIDI_CONTROL.test(text)) return 'contains a bidirectional formatting character';
  if (text.trim() !== text) return 'has leading or trailing white space';
  return undefined;
}
