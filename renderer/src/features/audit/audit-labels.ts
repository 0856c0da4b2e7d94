/**
 * Human labels for audit codes. Actions are the vault's stable codes (worker/audit-log.ts);
 * an unknown code (a newer version's entry) is shown as "Other event" with its code.
 */
import type { TFunction } from 'i18next';
import type { AuditAction, AuditProblem, FeatureAuditAction } from '../../vault/vault-client';

const ACTION_KEYS = {
  'vault.create': 'audit.actionVaultCreate',
  'vault.unlock': 'audit.actionVaultUnlock',
  'vault.unlock-failed': 'audit.actionVaultUnlockFailed',
  'vault.passphrase-change': 'audit.actionPassphraseChange',
  'vault.rotate-start': 'audit.actionRotateStart',
  'vault.rotate-complete': 'audit.actionRotateComplete',
  'vault.identity-rotate': 'audit.actionIdentityRotate',
  'audit.rekey': 'audit.actionAuditRekey',
  'vault.recovery-key-set': 'audit.actionRecoveryKeySet',
  'vault.recovery-key-remove': 'audit.actionRecoveryKeyRemove',
  'settings.update': 'audit.actionSettingsUpdate',
  'record.create': 'audit.actionRecordCreate',
  'record.update': 'audit.actionRecordUpdate',
  'record.delete': 'audit.actionRecordDelete',
  'record.summaries': 'audit.actionRecordSummaries',
  'record.merge': 'audit.actionRecordMerge',
  'record.unmerge': 'audit.actionRecordUnmerge',
  'testimony.status': 'audit.actionTestimonyStatus',
  'testimony.amend': 'audit.actionTestimonyAmend',
  'contact.verify': 'audit.actionContactVerify',
  'contact.remove': 'audit.actionContactRemove',
  export: 'audit.actionExport',
  import: 'audit.actionImport',
  backup: 'backup.actionBackup',
  restore: 'backup.actionRestore',
} as const satisfies Record<AuditAction | FeatureAuditAction, string>;

type KnownAction = keyof typeof ACTION_KEYS;

/** True for the action codes this version knows. */
export function isKnownAction(action: string): action is KnownAction {
  return Object.hasOwn(ACTION_KEYS, action);
}

/** The translated label of an action code. */
export function actionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(ACTION_KEYS[action]) : t('audit.actionOther');
}

const PROBLEM_KEYS = {
  sequence: 'audit.problemSequence',
  entry: 'audit.problemEntry',
  hash: 'audit.problemHash',
  truncated: 'audit.problemTruncated',
  'head-mismatch': 'audit.problemHeadMismatch',
  unreadable: 'audit.problemUnreadable',
  'head-rollback': 'audit.problemHeadRollback',
  'keyring-rollback': 'audit.problemKeyringRollback',
} as const satisfies Record<AuditProblem, string>;

/** What an audit problem means, in words. */
export function problemText(t: TFunction, problem: AuditProblem): string {
  return t(PROBLEM_KEYS[problem]);
}
