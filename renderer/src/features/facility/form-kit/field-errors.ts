/**
 * Field-level error messages in the UI language for forms validated with the shared/domain
 * zod schemas. Runs on the renderer's main thread.
 *
 * zod's own messages are English, so they are never shown. Two routes to a translation:
 * - built-in issues (too long, too small, wrong type, not in the list) get a coded message
 *   from `FIELD_ERROR_MAP`, passed to zodResolver as the per-parse error map, carrying the
 *   bound (`tooLong:200`) so the message can say it;
 * - refinements in shared/domain carry their own fixed English message (schema messages win
 *   over a per-parse map in zod 4); those are looked up in `DOMAIN_MESSAGES`.
 * Anything else (a message added to the domain later) falls back to a generic translated
 * "not valid", so a field never shows English to an Arabic reader.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import type { z } from 'zod';

/** Prefix of the coded messages, so they cannot collide with a domain message. */
const CODED = 'sijill:';

type Coded = 'required' | 'tooLong' | 'tooShort' | 'tooMany' | 'atLeast' | 'atMost' | 'notNumber' | 'notWhole' | 'choose' | 'invalid';

/** Per-parse error map for zodResolver's schemaOptions: `{ error: FIELD_ERROR_MAP }`. */
export const FIELD_ERROR_MAP = (issue: z.core.$ZodRawIssue): string => {
  const code = (name: Coded, bound?: number | bigint) => `${CODED}${name}${bound === undefined ? '' : `:${String(bound)}`}`;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return code('tooLong', issue.maximum);
      if (issue.origin === 'array') return code('tooMany', issue.maximum);
      return code('atMost', issue.maximum);
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return Number(issue.minimum) <= 1 ? code('required') : code('tooShort', issue.minimum);
      return code('atLeast', issue.minimum);
    case 'invalid_type':
      if (issue.input === undefined || issue.input === '') return code('required');
      if (issue.expected === 'int') return code('notWhole');
      return issue.expected === 'number' ? code('notNumber') : code('invalid');
    case 'invalid_value':
      return code('choose');
    default:
      return code('invalid');
  }
};

/** The fixed English messages of shared/domain refinements, and their translation keys. */
const DOMAIN_MESSAGES: Readonly<Record<string, DomainKey>> = {
  'invalid Unicode (lone surrogate or noncharacter)': 'invalidUnicode',
  'control characters are not allowed': 'controlCharacters',
  'bidirectional override characters are not allowed': 'bidiCharacters',
  'bidirectional formatting characters are not allowed in names': 'bidiCharacters',
  'not a language tag like "ar" or "ar-SY"': 'languageTag',
  'the period ends before it starts': 'endsBeforeStart',
  'the position ends before it starts': 'endsBeforeStart',
  'the stay ends before it starts': 'endsBeforeStart',
  'a facility cannot be its own parent': 'parentCycle',
  'a building, wing, dormitory or cell needs a parent facility': 'partNeedsParent',
  'a position needs a rank, unit, facility or role': 'positionEmpty',
  'a source needs a testimony, an attachment or a note': 'sourceMissing',
  'a day needs a month': 'dayNeedsMonth',
  'no such day in that month': 'noSuchDay',
  'not a calendar date (YYYY-MM-DD)': 'calendarDate',
  'not a record id (22 base64url characters)': 'invalid',
};

type DomainKey =
  | 'invalidUnicode'
  | 'controlCharacters'
  | 'bidiCharacters'
  | 'languageTag'
  | 'endsBeforeStart'
  | 'parentCycle'
  | 'partNeedsParent'
  | 'positionEmpty'
  | 'sourceMissing'
  | 'dayNeedsMonth'
  | 'noSuchDay'
  | 'calendarDate'
  | 'invalid';

/** Messages the forms themselves raise (cycle in the hierarchy, duplicate name row…). */
export const FORM_MESSAGES = {
  parentCycle: 'a facility cannot be inside itself',
  missingLink: 'the linked record no longer exists',
} as const;

function translateDomain(t: TFunction, key: DomainKey): string {
  switch (key) {
    case 'invalidUnicode':
      return t('recordForms.errors.invalidUnicode');
    case 'controlCharacters':
      return t('recordForms.errors.controlCharacters');
    case 'bidiCharacters':
      return t('recordForms.errors.bidiCharacters');
    case 'languageTag':
      return t('recordForms.errors.languageTag');
    case 'endsBeforeStart':
      return t('recordForms.errors.endsBeforeStart');
    case 'parentCycle':
      return t('recordForms.errors.parentCycle');
    case 'partNeedsParent':
      return t('recordForms.errors.partNeedsParent');
    case 'positionEmpty':
      return t('recordForms.errors.positionEmpty');
    case 'sourceMissing':
      return t('recordForms.errors.sourceMissing');
    case 'dayNeedsMonth':
      return t('recordForms.errors.dayNeedsMonth');
    case 'noSuchDay':
      return t('recordForms.errors.noSuchDay');
    case 'calendarDate':
      return t('recordForms.errors.calendarDate');
    case 'invalid':
      return t('recordForms.errors.invalid');
  }
}

function translateCoded(t: TFunction, name: string, bound: number): string {
  switch (name as Coded) {
    case 'required':
      return t('recordForms.errors.required');
    case 'tooLong':
      return t('recordForms.errors.tooLong', { max: bound });
    case 'tooShort':
      return t('recordForms.errors.tooShort', { min: bound });
    case 'tooMany':
      return t('recordForms.errors.tooMany', { max: bound });
    case 'atLeast':
      return t('recordForms.errors.atLeast', { min: bound });
    case 'atMost':
      return t('recordForms.errors.atMost', { max: bound });
    case 'notNumber':
      return t('recordForms.errors.notNumber');
    case 'notWhole':
      return t('recordForms.errors.notWhole');
    case 'choose':
      return t('recordForms.errors.choose');
    default:
      return t('recordForms.errors.invalid');
  }
}

/** The translated text of a zod issue message (coded, domain or unknown). */
export function errorText(t: TFunction, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  if (message.startsWith(CODED)) {
    const [name = '', bound = '0'] = message.slice(CODED.length).split(':');
    return translateCoded(t, name, Number(bound));
  }
  if (message === FORM_MESSAGES.parentCycle) return t('recordForms.errors.parentCycle');
  if (message === FORM_MESSAGES.missingLink) return t('recordForms.errors.missingLink');
  return translateDomain(t, DOMAIN_MESSAGES[message] ?? 'invalid');
}

/** The translated message of a react-hook-form field error, or undefined when valid. */
export function fieldErrorText(t: TFunction, error: Pick<FieldError, 'message'> | undefined): string | undefined {
  return error ? errorText(t, error.message ?? '') : undefined;
}
