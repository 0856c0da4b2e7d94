/**
 * Schema validation before a command's own checks, with the vault's error type: a form gets
 * the same RecordValidationError (zod issues in `cause`) whether the data layer or the vault
 * refused the body. Runs on the renderer's main thread.
 */
import type { RecordKind } from '../../vault/vault-client';
import { RecordValidationError } from '../../vault/vault-errors';

/** The parsed body, or RecordValidationError with the parse error as `cause`. */
export function validateBody<T>(kind: RecordKind<T>, body: unknown): T {
  try {
    return kind.parse(body);
  } catch (cause) {
    throw Object.assign(new RecordValidationError(), { cause });
  }
}
