/**
 * The result of comparing two names: a score in [0, 1] and the reason, so the UI can say
 * *why* two records are suggested as one ("same kunya", "curated alias") or were not.
 */

/** Why two names were judged alike. */
export type MatchReason =
  /** Identical after normalisation. */
  | 'same-key'
  /** Every word matches phonetically, in order. */
  | 'phonetic'
  /** Every word matches, in another order (Haddad Nizar / Nizar Haddad). */
  | 'reordered'
  /** One name's words all appear in the other, first word first (father's name omitted). */
  | 'token-subset'
  /** The same kunya (Abu Ali / أبو علي): weaker evidence, kunyas are common. */
  | 'kunya'
  /** Two one-word names that match (a nickname, a given name alone): weak evidence. */
  | 'single-name'
  /** Facility names listed as one place in the curated alias table. */
  | 'curated-alias'
  /** Facility names with the same number and compatible words (Branch 235 / الفرع ٢٣٥). */
  | 'same-number';

/** Why two names were judged different (score 0 or below any threshold). */
export type MismatchReason =
  | 'tokens-differ'
  | 'different-kunya'
  | 'different-number'
  | 'number-on-one-side'
  | 'different-type'
  | 'different-part'
  | 'different-alias'
  | 'generic-only'
  | 'too-little-evidence'
  | 'empty';

/** A comparison of two names. */
export interface NameMatch {
  readonly score: number;
  readonly reason: MatchReason | MismatchReason;
}

/** Default score from which two records are suggested as duplicates. */
export const SUGGESTION_THRESHOLD = 0.8;

/** A non-match with its reason. */
export const noMatch = (reason: MismatchReason, score = 0): NameMatch => ({ score, reason });
