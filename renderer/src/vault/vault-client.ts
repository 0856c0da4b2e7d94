/**
 * The vault's main-thread API: the only thing the UI imports from the vault.
 * Runs on the renderer's main thread (types only here; the implementation is
 * create-vault-client.ts).
 *
 * Nothing behind this interface hands out keys, Dexie tables or ciphertext: the UI gets state,
 * view models and typed errors. Every key lives in the vault worker, which is terminated at
 * lock, so "locked" really means "nothing decrypted is left in this process".
 *
 * Errors (all in vault-errors.ts, branch on `instanceof`):
 * - `LockedError`: the vault is locked (or locked while the call was running).
 * - `VaultStorageFullError`: the disk is full; nothing was written and the caller's input is
 *   untouched, so the form can stay open and be saved again.
 * - `VersionConflictError`: an update was based on an older version than the stored one.
 * - `RecordNotFoundError`, `RecordIntegrityError` (tampered, moved or replayed ciphertext),
 *   `RecordValidationError` (body failed its schema), `PassphrasePolicyError`.
 */
import type { Compartment } from '../../../shared/crypto';
import type { Id } from '../../../shared/domain/ids';
import type { AttachmentRepository } from './client-attachments';
import type { ExportRepository } from './client-export';
import type { BackupRepository, RestoreOptions } from './backup-types';
import type { ImportRepository } from './client-import';
import type { LockManager } from './lock-manager';
import type { RecordProblem } from './vault-errors';

export type { Compartment, Id };

/** Why the vault locked: by hand, by the idle timer, or because the platform asked. */
export type LockReason = 'manual' | 'idle' | 'suspend' | 'lock-screen' | 'hidden';

/** Argon2id cost chosen at creation: `moderate` (~1 s, 256 MiB) or `sensitive` (several s, 1 GiB). */
export type KdfProfile = 'moderate' | 'sensitive';

/** How the open session was unlocked. */
export type OpenedWith = 'passphrase' | 'recovery-key';

/** How far a long operation got: `done` of `total` items (record keys, for a rotation). */
export interface RotationProgress {
  readonly done: number;
  readonly total: number;
}

/** Settings stored encrypted inside the vault (bounds in settings-limits.ts). */
export interface VaultSettings {
  /** Minutes without input before the vault locks itself (1..240, default 5). */
  readonly idleLockMinutes: number;
  /**
   * Wipe the vault after this many failed unlocks in a row (3..100), or null (the default).
   * A deterrent against someone guessing at the keyboard only: an adversary who images the
   * disk first guesses offline and never meets this counter.
   */
  readonly wipeAfterFailedUnlocks: number | null;
}

/** Why the audit trail could not be verified (see worker/audit-verify.ts). */
export type AuditProblem = 'sequence' | 'entry' | 'hash' | 'truncated' | 'head-mismatch' | 'unreadable' | 'head-rollback' | 'keyring-rollback';

/**
 * The audit trail did not verify at unlock: rows were removed, altered, reordered, the
 * record index was rolled back, or an older copy of the keyring file was put back. Shown to the user, never repaired silently; it stays until
 * someone investigates (it reappears at every unlock while the evidence is there).
 */
export interface AuditWarning {
  readonly problem: AuditProblem;
  /** Sequence number of the first entry not to trust, when one can be named. */
  readonly firstBadSeq: number | null;
}

/** What the vault is doing; the UI renders from this alone. */
export type VaultState =
  /** Before `init()` has read the keyring. */
  | { readonly status: 'starting' }
  /**
   * The keyring or the database could not be read. Never treated as first run: creating a
   * vault here could replace one that exists.
   */
  | { readonly status: 'unavailable' }
  /** No keyring on this device (new install, or after a panic wipe). */
  | { readonly status: 'first-run' }
  | {
      readonly status: 'locked';
      /** Failed unlocks since the last successful one (see lockout.ts for where it lives). */
      readonly failedAttempts: number;
      readonly lastLockReason: LockReason | null;
      /**
       * The wipe-after-N policy, readable while locked (lockout.ts keeps a clear copy) so the
       * lock screen can warn how many attempts are left; null when off.
       */
      readonly wipeAfterFailedUnlocks: number | null;
    }
  | {
      readonly status: 'unlocked';
      readonly auditWarning: AuditWarning | null;
      readonly settings: VaultSettings;
      readonly hasRecoveryKey: boolean;
      /** Failed unlocks that happened before this unlock (also written to the audit trail). */
      readonly failedAttemptsSinceLastUnlock: number;
      /**
       * 'recovery-key' when unlocked with the recovery key and no new passphrase set yet: the
       * passphrase may be forgotten, so the UI asks for a new one (`setNewPassphraseAfterRecovery`).
       */
      readonly openedWith: OpenedWith;
    };

/** Result of an unlock attempt: deliberately one failure whatever went wrong. */
export type UnlockResult = { readonly ok: true } | { readonly ok: false };

/**
 * Result of a recovery-key unlock. `typo` is true when the text failed its own checksum:
 * that says nothing about the vault, so it is safe (and kind) to tell the user.
 */
export type RecoveryUnlockResult = { readonly ok: true } | { readonly ok: false; readonly typo: boolean };

/** Result of an operation that re-checks the current passphrase first. */
export type ReauthResult<T = object> = ({ readonly ok: true } & T) | { readonly ok: false };

/** Every action the vault writes to the audit trail (stable codes; the UI translates them). */
export type AuditAction =
  | 'vault.create'
  | 'vault.unlock'
  /** Failed unlocks since the previous unlock, written at the next success: `{ count }`. */
  | 'vault.unlock-failed'
  /** `{ compromised: boolean }`, plus `afterRecovery: true` when set after a recovery-key unlock */
  | 'vault.passphrase-change'
  /** New device identity: `{ previous, current }` fingerprints (12 groups of 5 digits) */
  | 'vault.identity-rotate'
  /** New audit key; the chain continues in a new segment: `{ afterSeq }` */
  | 'audit.rekey'
  /** A recovery key was created: `{ replaced: boolean }` (true if it replaced one) */
  | 'vault.recovery-key-set'
  | 'vault.recovery-key-remove'
  /** New compartment epochs: `{ general, witness }` */
  | 'vault.rotate-start'
  /** `{ rewrapped, unreadable }` */
  | 'vault.rotate-complete'
  /** `{ changed: string[], idleLockMinutes, wipeAfterFailedUnlocks }` */
  | 'settings.update'
  /** `{ id, type, v }` for the three record actions */
  | 'record.create'
  | 'record.update'
  | 'record.delete'
  /** `{ count }`: summaries missing or stale (an older vault) rebuilt from full bodies at unlock */
  | 'record.summaries'
  /** `{ bundle, recipients, entries, redaction, seq }`: a partner bundle saved (recipients: fingerprints, 12 groups of 5 digits) */
  | 'export'
  /** A partner bundle opened: `{ bundle, sender, result, code? }` plus counts once merged (result `merged`, or the refusal) */
  | 'import'
  /** `{ bundle, entries }`: a whole-vault backup written (features/backup) */
  | 'backup'
  /** `{ bundle, entries }`: this vault was rebuilt from a backup (the entries before it are the backup's) */
  | 'restore';

/**
 * Audit actions a feature writes through `VaultClient.appendAudit` (the vault writes the
 * others itself). Validated in the worker against FEATURE_AUDIT_ACTIONS (worker/feature-audit.ts).
 * Kept out of `AuditAction` so screens that label every vault action need no change.
 */
export type FeatureAuditAction =
  /** `{ entity, survivor, merged, merge, names, links }`: a facility or alleged perpetrator merged into another */
  | 'record.merge'
  /** `{ entity, survivor, merged, restored, merge, links }`: a merge undone */
  | 'record.unmerge'
  /** `{ id, from, to, v }`: a testimony's status changed (sealing included) */
  | 'testimony.status'
  /** `{ id, amends, v }`: a sealed testimony amended */
  | 'testimony.amend'
  /** `{ id, method }`: a contact's fingerprint was compared and the contact marked verified */
  | 'contact.verify'
  /** `{ id }`: a partner contact removed */
  | 'contact.remove';

/** Details of a feature audit entry: ids, codes and counts only (never record contents). */
export type FeatureAuditData = { readonly [key: string]: string | number | boolean };

/** Options of `RecordRepository.create`. */
export interface CreateRecordOptions {
  /**
   * The new record's id, chosen by the caller (a fresh `newId`) so a body can carry its own id
   * and links can be written before the first save. Refused with `RecordIntegrityError('tampered')`
   * if the id was ever used in this vault (live or deleted: tombstones are never reused).
   */
  readonly id?: Id;
}

/** One audit trail row, decrypted, in sequence order. */
export interface AuditRow {
  readonly seq: number;
  /** Stable code; a newer app version may write codes this one does not know. */
  readonly action: AuditAction | (string & {});
  /** ISO time the entry was written (device clock). */
  readonly at: string;
  /** Structured details (record id, version, counts); never record contents. */
  readonly data: Readonly<Record<string, unknown>>;
  /** False for rows at or after the first bad entry. */
  readonly verified: boolean;
}

/** The audit trail and whether it verified. */
export interface AuditTrail {
  readonly rows: readonly AuditRow[];
  readonly warning: AuditWarning | null;
}

/**
 * A record type known to the vault: its type code (stored only inside the ciphertext), its
 * compartment, and the parser that validates bodies on write and on read (a zod schema's
 * `parse` fits). Build one with `defineRecordKind`.
 */
export interface RecordKind<T> {
  /** `[a-z][a-z0-9-]{0,47}`, e.g. `testimony`. */
  readonly type: string;
  readonly compartment: Compartment;
  /** Returns the validated body or throws. */
  readonly parse: (input: unknown) => T;
}

/** A decrypted, validated record (the live shape; the stored shape never leaves the worker). */
export interface LiveRecord<T> {
  readonly id: Id;
  readonly type: string;
  readonly compartment: Compartment;
  /** 1 at creation, +1 per update. */
  readonly version: number;
  /** ISO time this version was saved (device clock). */
  readonly savedAt: string;
  readonly body: T;
}

/** A record that could not be shown, and why. */
export interface UnreadableRecord {
  readonly id: Id;
  readonly problem: RecordProblem | 'invalid-body';
}

/** Result of `list`. */
export interface RecordList<T> {
  readonly records: LiveRecord<T>[];
  readonly unreadable: UnreadableRecord[];
}

/** Typed access to records. Every method rejects with `LockedError` while locked. */
export interface RecordRepository {
  /** Creates version 1 of a new record. */
  create<T>(kind: RecordKind<T>, body: T, options?: CreateRecordOptions): Promise<LiveRecord<T>>;
  /** The current version; `RecordNotFoundError` if missing, deleted or of another type. */
  read<T>(kind: RecordKind<T>, id: Id): Promise<LiveRecord<T>>;
  /**
   * Writes version `expectedVersion + 1`; `VersionConflictError` if the stored version is not
   * `expectedVersion`. Older versions stay readable through `history`.
   */
  update<T>(kind: RecordKind<T>, id: Id, body: T, expectedVersion: number): Promise<LiveRecord<T>>;
  /** Deletes the record and its history (crypto-erased); a tombstone stops it coming back. */
  delete<T>(kind: RecordKind<T>, id: Id, expectedVersion: number): Promise<void>;
  /**
   * Every live record of this kind, in no particular order. Records that fail to decrypt or
   * validate are listed in `unreadable` instead of failing the whole list or vanishing.
   */
  list<T>(kind: RecordKind<T>): Promise<RecordList<T>>;
  /**
   * `list` with each body cut down to its top-level `fields` and validated with `parse` (a small
   * schema of just those fields): for lists that keep one field of many records, e.g. witness
   * pseudonyms at unlock. The rest of each body never leaves the vault worker. Only the picked
   * fields are validated (by `parse`), not the kind's whole schema: a record `list` would report
   * as invalid may come back here; never use this where the full body must be valid.
   */
  listFields<S>(kind: RecordKind<unknown>, fields: readonly string[], parse: (input: unknown) => S): Promise<RecordList<S>>;
  /** Every version of a record, oldest first (the last is the current one). */
  history<T>(kind: RecordKind<T>, id: Id): Promise<LiveRecord<T>[]>;
  /**
   * Every live record of a kind that has summaries (testimonies), each with its small summary
   * as `body` (validated with `summary`) instead of the full body: what unlock needs for lists.
   * Missing or stale summaries (a vault from before summaries) are rebuilt from the full bodies.
   */
  listSummaries<S>(kind: RecordKind<unknown>, summary: (input: unknown) => S): Promise<RecordList<S>>;
  /** The current versions of `ids`, in one round trip; ids that are not live records of the kind are listed in `unreadable` as `missing`. */
  readMany<T>(kind: RecordKind<T>, ids: readonly Id[]): Promise<RecordList<T>>;
  /** The persisted search index (opaque UTF-8 bytes, stored encrypted), or null if none is readable. */
  loadSearchIndex(): Promise<Uint8Array | null>;
  /** Replaces the persisted search index; `bytes` is transferred to the worker (do not reuse it). */
  saveSearchIndex(bytes: Uint8Array): Promise<void>;
}

/**
 * This device's public identity (DESIGN.md §7): what an identity card carries. The secret
 * halves stay in the vault worker. Changes when the identity is rotated (`reportCompromised`).
 */
export interface PublicDeviceIdentity {
  /** Ed25519 public key (32 bytes). */
  readonly signPk: Uint8Array;
  /** X25519 public key (32 bytes). */
  readonly boxPk: Uint8Array;
  /** Signature of the signing key over both public keys (64 bytes). */
  readonly binding: Uint8Array;
  /** The 12 groups of 5 digits people compare. */
  readonly fingerprint: string;
}

/** Options of `create`. */
export interface CreateVaultOptions {
  readonly passphrase: string;
  readonly profile: KdfProfile;
  readonly withRecoveryKey: boolean;
}

/** The vault as the UI sees it. One instance per app (see create-vault-client.ts). */
export interface VaultClient {
  /** Current state; stable object identity between changes (for useSyncExternalStore). */
  getState(): VaultState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Reads the keyring through the platform and settles on first-run, locked or unavailable. */
  init(): Promise<void>;
  /** Creates a vault (first run only) and unlocks it. The recovery key is returned once, never stored in clear. */
  create(options: CreateVaultOptions): Promise<{ readonly recoveryKey: string | null }>;
  /**
   * First run only: rebuilds the vault from a backup (same records, versions, attachments,
   * identity and audit trail, under new keys and the new passphrase) and unlocks it. Refused
   * with `VaultStateError('vault-exists')` when a vault exists; on failure (`BackupError`,
   * `VaultStorageFullError`, `PassphrasePolicyError`) no vault is left behind.
   */
  restore?(options: RestoreOptions): Promise<{ readonly recoveryKey: string | null }>;
  /** Unlocks with the passphrase. A failure changes nothing but the failed-unlock counter. */
  unlock(passphrase: string): Promise<UnlockResult>;
  /** Unlocks with the recovery key text. */
  unlockWithRecoveryKey(recoveryKey: string): Promise<RecoveryUnlockResult>;
  /** Locks: aborts work, zeroes keys, terminates the worker, revokes object URLs. Idempotent. */
  lock(reason: LockReason): Promise<void>;
  /** New passphrase for the same keys (the master key is re-wrapped; records untouched). */
  changePassphrase(current: string, next: string): Promise<ReauthResult>;
  /**
   * "My passphrase may be compromised": new passphrase, new master key, new compartment keys,
   * every data key re-wrapped, a new audit key (the trail continues in a new segment) and a
   * new device identity (partners must verify its fingerprint). A recovery key, if the vault
   * had one, is replaced and returned once. `onProgress` follows the re-wrapping.
   */
  reportCompromised(
    current: string,
    next: string,
    options?: { readonly onProgress?: (progress: RotationProgress) => void },
  ): Promise<ReauthResult<{ readonly recoveryKey: string | null }>>;
  /**
   * Sets a new passphrase without the old one: only in a session unlocked with the recovery key
   * (`openedWith: 'recovery-key'`), else `VaultStateError('not-recovery-session')`. The master
   * key is re-wrapped; afterwards the session counts as opened with the new passphrase.
   */
  setNewPassphraseAfterRecovery(next: string): Promise<void>;
  /** Creates a recovery key, or replaces the one there is; returned once. Re-checks the passphrase. */
  replaceRecoveryKey(current: string): Promise<ReauthResult<{ readonly recoveryKey: string }>>;
  /** Removes the recovery key (it stops opening the vault). Re-checks the passphrase. */
  removeRecoveryKey(current: string): Promise<ReauthResult>;
  /** Destroys the keyring, deletes the database, drops caches: the app returns to first run. */
  panicWipe(): Promise<void>;
  /** Changes settings (stored encrypted; wipe-policy changes are audited). */
  updateSettings(changes: Partial<VaultSettings>): Promise<VaultSettings>;
  /** The decrypted audit trail with its verification result. */
  auditTrail(): Promise<AuditTrail>;
  /**
   * Settles once the unlocked session's audit chain has been verified in full and the state's
   * `auditWarning` is final. Unlock opens the session before that when it safely can (the
   * check then runs in the vault worker behind the case file's requests), and the warning, if
   * any, appears in the state when the check ends. Rejects with `LockedError` when locked.
   */
  auditChecked(): Promise<void>;
  /**
   * Appends a feature's entry to the audit chain (merges, status changes). The worker checks
   * the action code and that the data is a small flat object of ids, codes and counts.
   */
  appendAudit(action: FeatureAuditAction, data: FeatureAuditData): Promise<void>;
  /** This device's public identity (public keys, binding, fingerprint); secret keys never leave the worker. */
  identity(): Promise<PublicDeviceIdentity>;
  /**
   * True for the demo vault (synthetic data, its own database and an in-memory keyring; see
   * features/records/demo): the shell labels it "DEMO" on every screen. Absent for the real vault.
   */
  readonly demo?: boolean;
  /** Records, for the features built on the vault. */
  readonly records: RecordRepository;
  /**
   * Attachments and recorded audio of testimonies and perpetrators (client-attachments.ts).
   * A recording in progress is sealed before the vault locks.
   */
  readonly attachments: AttachmentRepository;
  /** Partner export: preview and signed, encrypted bundles pulled from the worker (client-export.ts). */
  readonly exports: ExportRepository;
  /** Whole-vault backups (client-backup.ts); absent in test fakes and the demo vault. */
  readonly backups?: BackupRepository;
  /** Partner bundle import (client-import.ts); absent in test fakes. */
  readonly imports?: ImportRepository;
  /**
   * Idle and platform lock triggers. The UI reports input with `lockManager.activity()`
   * (see user-activity.ts) and binds the lock shortcut to `lock('manual')`.
   */
  readonly lockManager: LockManager;
  /**
   * Registers an object URL the vault handed out so it is revoked at lock (attachments,
   * previews). Returns the URL for chaining.
   */
  trackObjectUrl(url: string): string;
  /** Locks, stops listening to platform signals and drops listeners (app teardown, tests). */
  dispose(): Promise<void>;
}
