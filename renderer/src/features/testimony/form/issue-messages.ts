/**
 * Field-level error messages for the case forms (testimony, witness, consent), in the current
 * language. Runs on the renderer's main thread.
 *
 * Builds on the record-form kit (facility/form-kit/field-errors.ts): zod's own checks become
 * coded messages through its `FIELD_ERROR_MAP`, and the domain refinements shared with
 * facilities and perpetrators (Unicode, bidi, dates) are translated there. This file adds the
 * refinements only the testimony, witness and consent schemas make ("give either an alleged
 * perpetrator or a description", "sharing needs a recipient"…), and the UI's own link errors.
 * Translation happens at display time, so switching language re-translates shown errors.
 */
import type { TFunction } from 'i18next';
import { errorText } from '../../facility/form-kit/field-errors';

/** The translation keys under `testimony.issues`. */
export type CaseIssueKey =
  | 'perpetratorOrDescription'
  | 'identificationBasis'
  | 'sessionRequired'
  | 'sessionEndsBeforeStart'
  | 'translationSameLanguage'
  | 'amendmentReason'
  | 'sharingRecipients'
  | 'sharingNotScope'
  | 'namedRecipients'
  | 'namedNotNamed'
  | 'reviewBeforeConsent'
  | 'eventBeforePrevious'
  | 'pseudonymCode'
  | 'referenceCode'
  | 'time'
  | 'duplicate'
  | 'precision'
  | 'deletedLink';

/** The testimony, witness and consent refinements of shared/domain, and what they mean to a user. */
const CASE_MESSAGES: ReadonlyMap<string, CaseIssueKey> = new Map<string, CaseIssueKey>([
  ['give either an alleged perpetrator or a description of an unidentified one', 'perpetratorOrDescription'],
  ['say how the person was identified', 'identificationBasis'],
  ['a completed testimony needs at least one interview session', 'sessionRequired'],
  ['the session ends before it starts', 'sessionEndsBeforeStart'],
  ['a translation is in the narrative’s own language', 'translationSameLanguage'],
  ['an amendment needs a reason', 'amendmentReason'],
  ['sharing needs at least one recipient or class', 'sharingRecipients'],
  ['recipients listed but sharing is not a scope', 'sharingNotScope'],
  ['named disclosure needs the recipients it is for', 'namedRecipients'],
  ['recipients for named disclosure but disclosure is not named', 'namedNotNamed'],
  ['review date is before the consent', 'reviewBeforeConsent'],
  ['an event is dated before the one it follows', 'eventBeforePrevious'],
  ['not a pseudonym code like W-0042', 'pseudonymCode'],
  ['not a reference code like T-2026-0042', 'referenceCode'],
  ['not a time (HH:MM)', 'time'],
]);

/** Messages built with a value inside, matched by shape. */
const CASE_PATTERNS: readonly (readonly [RegExp, CaseIssueKey])[] = [
  [/ is listed twice$/, 'duplicate'],
  [/ share an id$/, 'duplicate'],
  [/^precision must be /, 'precision'],
];

/** Prefix of the case forms' own messages (never a domain message). */
const OWN = 'case:';

/** A message a case form raises itself (e.g. a link to a record that was deleted). */
export function caseIssue(key: CaseIssueKey): string {
  return `${OWN}${key}`;
}

/** The case-form key of a held message, or undefined when the record-form kit handles it. */
export function caseIssueKey(message: string): CaseIssueKey | undefined {
  if (message.startsWith(OWN)) return message.slice(OWN.length) as CaseIssueKey;
  return CASE_MESSAGES.get(message) ?? CASE_PATTERNS.find(([pattern]) => pattern.test(message))?.[1];
}

/** The translated text of a held error message (undefined stays undefined). */
export function caseErrorText(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const key = caseIssueKey(message);
  return key ? t(`testimony.issues.${key}`) : errorText(t, message);
}
