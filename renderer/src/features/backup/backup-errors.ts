/** The message for whatever a backup or restore threw (never its details: they stay in the worker). */
import type { TFunction } from 'i18next';
import { BackupError, PassphrasePolicyError, VaultStateError, VaultStorageFullError, type BackupProblem } from '../../vault/vault-errors';

const PROBLEM_KEYS = {
  'wrong-passphrase': 'backup.error.wrong-passphrase',
  'not-a-backup': 'backup.error.not-a-backup',
  damaged: 'backup.error.damaged',
  'signer-mismatch': 'backup.error.signer-mismatch',
  'invalid-passphrase': 'backup.error.invalid-passphrase',
  unreadable: 'backup.error.unreadable',
  changed: 'backup.error.changed',
  cancelled: 'backup.error.cancelled',
} as const satisfies Record<BackupProblem, string>;

/** Translated text for a backup or restore failure. */
export function backupErrorText(t: TFunction, error: unknown): string {
  if (error instanceof BackupError) return t(PROBLEM_KEYS[error.problem]);
  if (error instanceof VaultStorageFullError) return t('backup.error.full');
  if (error instanceof VaultStateError && error.code === 'vault-exists') return t('backup.error.exists');
  if (error instanceof PassphrasePolicyError) return t('backup.error.invalid-passphrase');
  return t('backup.error.other');
}
