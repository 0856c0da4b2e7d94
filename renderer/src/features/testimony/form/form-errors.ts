/**
 * Reading react-hook-form's error tree, and translating what is found. Runs on the main thread.
 *
 * A field can own a whole subtree of errors: a list of interviewers typed one per line is a
 * string in the form but an array in the record, so the schema reports `interviewers.2`; a
 * list of acts reports `acts` or `acts.3`. A field shows the first message in its subtree.
 */
import { useCallback } from 'react';
import { get, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { caseErrorText } from './issue-messages';

/** The first error message anywhere under `node` (depth first, in key order), if any. */
export function firstErrorMessage(node: unknown, depth = 0): string | undefined {
  if (node === null || typeof node !== 'object' || depth > 8) return undefined;
  const record = node as Record<string, unknown>;
  if (typeof record['message'] === 'string' && record['message'] !== '') return record['message'];
  for (const [key, child] of Object.entries(record)) {
    // RHF keeps the DOM element under `ref`: never walk into it.
    if (key === 'ref' || key === 'types') continue;
    const found = firstErrorMessage(child, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Turns held error messages into text in the current language. */
export function useErrorText(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback((message: string | undefined) => caseErrorText(t, message), [t]);
}

/** The translated first error at or under `name` in the surrounding form, or undefined. */
export function useFieldError(name: string): string | undefined {
  // Subscribes to this field's errors only, so other fields' validation does not re-render it.
  const { errors } = useFormState({ name });
  const text = useErrorText();
  return text(firstErrorMessage(get(errors, name)));
}

/** The translated error on `name` itself (not on the fields below it), or undefined. */
export function useOwnFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const text = useErrorText();
  const node = get(errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = typeof node?.message === 'string' ? node.message : typeof node?.root?.message === 'string' ? node.root.message : undefined;
  return text(message);
}
