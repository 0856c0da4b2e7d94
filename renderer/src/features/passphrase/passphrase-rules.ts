/**
 * The new-passphrase rules as form validation. Runs on the renderer's main thread.
 *
 * The policy itself is shared/crypto's (checkNewPassphrase): the form applies the very same
 * function the vault applies, so the UI can never accept what the vault refuses or the other
 * way round. Issues carry codes, not text; components translate them (passphraseIssueText).
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { PassphraseError } from '../../../../shared/crypto/errors';
import { checkNewPassphrase } from '../../../../shared/crypto/passphrase';

/** Why a passphrase field is not accepted. */
export type PassphraseIssue = 'required' | 'too-short' | 'too-long' | 'malformed' | 'mismatch' | 'current-required';

/** The policy's verdict on a new passphrase, or null when it is acceptable. */
export function newPassphraseIssue(value: string): PassphraseIssue | null {
  if (value === '') return 'required';
  try {
    checkNewPassphrase(value);
    return null;
  } catch (error) {
    if (error instanceof PassphraseError) return error.code;
    throw error;
  }
}

/** True if both texts are the same passphrase (NFC-equal: the vault compares NFC forms). */
export function samePassphrase(a: string, b: string): boolean {
  return a.normalize('NFC') === b.normalize('NFC');
}

interface NewPassphraseValues {
  passphrase: string;
  confirmation: string;
}

/**
 * A zod superRefine for forms with `passphrase` and `confirmation` fields: the policy on the
 * first, equality on the second (reported only once the first is acceptable, one problem at a time).
 */
export function refineNewPassphrase(values: NewPassphraseValues, ctx: z.RefinementCtx): void {
  const issue = newPassphraseIssue(values.passphrase);
  if (issue) {
    ctx.addIssue({ code: 'custom', path: ['passphrase'], message: issue });
    return;
  }
  if (!samePassphrase(values.passphrase, values.confirmation)) {
    ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'mismatch' });
  }
}

const ISSUE_KEYS = {
  required: 'passphrase.errorRequired',
  'too-short': 'passphrase.errorTooShort',
  'too-long': 'passphrase.errorTooLong',
  malformed: 'passphrase.errorMalformed',
  mismatch: 'passphrase.errorMismatch',
  'current-required': 'passphrase.errorCurrentRequired',
} as const satisfies Record<PassphraseIssue, string>;

function isIssue(code: string): code is PassphraseIssue {
  return Object.hasOwn(ISSUE_KEYS, code);
}

/** The translated text of a field error whose message is a PassphraseIssue code. */
export function passphraseIssueText(t: TFunction, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return isIssue(code) ? t(ISSUE_KEYS[code]) : code;
}
