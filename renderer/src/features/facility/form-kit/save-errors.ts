/**
 * What a failed save means for a record form. Runs on the main thread.
 *
 * The data layer refuses a save as a whole (nothing half-written) with a typed error; the form
 * keeps every value and shows either a notice (disk full, lock, conflict, failure) or
 * messages at the fields the error names (schema issues, broken or looping links).
 */
import {
  LinkIntegrityError,
  LockedError,
  RecordValidationError,
  VaultStorageFullError,
  VersionConflictError,
} from '../../records';
import { FORM_MESSAGES } from './field-errors';

/** A message for one field, at its react-hook-form path. */
export interface FieldIssue {
  readonly path: string;
  /** A zod-style message that `errorText` translates. */
  readonly message: string;
}

/** What to show after a refused save. */
export type SaveFailure =
  | { readonly kind: 'storage-full' | 'locked' | 'conflict' | 'failed' }
  | { readonly kind: 'fields'; readonly issues: readonly FieldIssue[] };

function zodIssues(cause: unknown): FieldIssue[] {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: { path?: unknown; message?: unknown }) =>
    Array.isArray(issue.path) && typeof issue.message === 'string' ? [{ path: issue.path.join('.'), message: issue.message }] : [],
  );
}

/** Classifies an error thrown by a create or update command. */
export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof VaultStorageFullError) return { kind: 'storage-full' };
  if (error instanceof LockedError) return { kind: 'locked' };
  if (error instanceof VersionConflictError) return { kind: 'conflict' };
  if (error instanceof LinkIntegrityError) {
    return {
      kind: 'fields',
      issues: error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.problem === 'parent-cycle' ? FORM_MESSAGES.parentCycle : FORM_MESSAGES.missingLink,
      })),
    };
  }
  if (error instanceof RecordValidationError) {
    const issues = zodIssues(error.cause);
    return issues.length > 0 ? { kind: 'fields', issues } : { kind: 'failed' };
  }
  return { kind: 'failed' };
}
