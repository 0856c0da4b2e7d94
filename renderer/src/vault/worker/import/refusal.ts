/**
 * Refusals of the import, by the category a person needs (import-types.ts `ImportProblem`) and
 * a short stable code for tests and the audit trail. Runs in the vault worker. Messages never
 * carry record contents.
 */
import { BundleError } from '../../../../../shared/bundle';
import { ExchangeRecordError } from '../../../../../shared/exchange';
import type { ImportProblem } from '../../import-types';
import { AttachmentError, VaultStorageFullError } from '../../vault-errors';
import { SourceReadError } from './pull-source';

/** The import stops here; nothing was merged. */
export class ImportRefusal extends Error {
  override readonly name = 'ImportRefusal';
  constructor(
    readonly problem: ImportProblem,
    readonly code: string,
  ) {
    super(`import refused: ${problem} (${code})`);
  }
}

const BY_CATEGORY: Record<BundleError['category'], ImportProblem> = {
  malformed: 'malformed',
  'not-for-us': 'not-for-us',
  tampered: 'damaged',
  replayed: 'replayed',
  'invalid-input': 'malformed',
};

/** The refusal for `error`, or null for an error that is not about the bundle (lock, bug). */
export function refusalOf(error: unknown): ImportRefusal | null {
  if (error instanceof ImportRefusal) return error;
  if (error instanceof BundleError) {
    const problem = error.code === 'too-large' || error.code === 'too-small' ? (error.code === 'too-large' ? 'too-large' : 'malformed') : BY_CATEGORY[error.category];
    return new ImportRefusal(problem, error.code);
  }
  if (error instanceof ExchangeRecordError) return new ImportRefusal('invalid-records', `record-${error.code}`);
  if (error instanceof VaultStorageFullError) return new ImportRefusal('storage-full', 'storage-full');
  if (error instanceof AttachmentError && error.problem === 'too-large') return new ImportRefusal('too-large', 'attachment-too-large');
  if (error instanceof SourceReadError) return new ImportRefusal('unreadable-file', 'read-failed');
  return null;
}
