/**
 * The contract between the vault client (main thread) and the vault worker. Types only, so
 * both sides import it without pulling the other's code in.
 *
 * What crosses this boundary: passphrases and recovery-key text on their way in (strings
 * cannot be wiped anyway), keyring file bytes (ciphertext), decrypted record bodies and audit
 * rows on their way out (the UI shows them). Never keys.
 */
import type { KdfParams, KdfProfileName } from '../../../shared/crypto';
import type { Id } from '../../../shared/domain/ids';
import type { AttachmentWorkerApi } from './attachment-types';
import type { BackupWorkerApi } from './backup-types';
import type { ImportWorkerApi } from './import-types';
import type { ExportWorkerApi } from './export-types';
import type { AuditTrail, AuditWarning, Compartment, OpenedWith, PublicDeviceIdentity, RotationProgress, UnreadableRecord, VaultSettings } from './vault-client';

/** Writes new keyring bytes through the platform (atomic replace). Lent to the worker via comlink. */
export type KeyringWriter = (bytes: Uint8Array) => Promise<void>;

/** What the worker is told when it starts. */
export interface WorkerConfig {
  /** IndexedDB database name (tests use one per test). */
  readonly databaseName: string;
}

/** The failed-unlock counter and the wipe policy mirrored next to it (both readable while locked). */
export interface LockoutInfo {
  readonly failedAttempts: number;
  readonly wipeAfter: number | null;
}

/** What the client needs to know about a freshly unlocked vault. */
export interface SessionInfo {
  readonly settings: VaultSettings;
  /** Known at opening; may still change once the deferred audit check ends (`auditCheck`). */
  readonly auditWarning: AuditWarning | null;
  readonly hasRecoveryKey: boolean;
  readonly failedAttemptsSinceLastUnlock: number;
  readonly openedWith: OpenedWith;
}

/** The secret an unlock attempt uses. */
export type UnlockSecret = { readonly kind: 'passphrase'; readonly passphrase: string } | { readonly kind: 'recovery-key'; readonly recoveryKey: string };

/** Outcome of an unlock attempt in the worker. */
export type WorkerUnlockResult =
  | { readonly ok: true; readonly session: SessionInfo }
  | { readonly ok: false; readonly typo: boolean; readonly lockout: LockoutInfo; readonly wipeDue: boolean };

/** A decrypted record before the main thread validates its body. */
export interface DecryptedRecord {
  readonly id: Id;
  readonly type: string;
  readonly compartment: Compartment;
  readonly version: number;
  readonly savedAt: string;
  readonly body: unknown;
}

/** A list of records as UTF-8 JSON arrays of DecryptedRecord, a few hundred per chunk (transferred; worker/record-store.ts `packRecords`). */
export interface PackedRecords {
  readonly chunks: Uint8Array[];
  readonly unreadable: UnreadableRecord[];
}

/** Part `index` (from 0) of a list split in `of` parts (1 ≤ of ≤ 64). */
export interface SummaryPart {
  readonly index: number;
  readonly of: number;
}

/** The vault worker's API (exposed with comlink by vault.worker.ts). */
export interface VaultWorkerApi extends AttachmentWorkerApi, ExportWorkerApi, ImportWorkerApi, BackupWorkerApi {
  /** Opens the database (no keys needed) and reports the failed-unlock counter. Call first. */
  connect(config: WorkerConfig, writeKeyring: KeyringWriter): Promise<LockoutInfo>;
  /** Creates the keyring (written through `writeKeyring`) and opens the new, empty vault. */
  create(passphrase: string, kdf: KdfProfileName | KdfParams, withRecoveryKey: boolean): Promise<{ session: SessionInfo; recoveryKey: string | null }>;
  /** Counts the attempt, runs Argon2id, and on success opens the vault (verifies the audit trail). */
  unlock(keyring: Uint8Array, secret: UnlockSecret): Promise<WorkerUnlockResult>;
  /** False if `current` is wrong. */
  changePassphrase(current: string, next: string): Promise<boolean>;
  /** `onProgress` arrives as a comlink proxy from the main thread; it is released at the end. */
  reportCompromised(current: string, next: string, onProgress?: (progress: RotationProgress) => void): Promise<{ ok: true; recoveryKey: string | null } | { ok: false }>;
  /** Only in a session opened with the recovery key (`VaultStateError('not-recovery-session')`). */
  setNewPassphraseAfterRecovery(next: string): Promise<void>;
  replaceRecoveryKey(current: string): Promise<{ ok: true; recoveryKey: string } | { ok: false }>;
  removeRecoveryKey(current: string): Promise<boolean>;
  updateSettings(changes: Partial<VaultSettings>): Promise<VaultSettings>;
  auditTrail(): Promise<AuditTrail>;
  /**
   * The session's audit warning once the whole chain has been verified. Unlock may open the
   * session before that (worker/open-session.ts): `SessionInfo.auditWarning` is then what was
   * known at opening, and this settles with the final word, exactly what an up-front check
   * would have reported.
   */
  auditCheck(): Promise<AuditWarning | null>;
  /** `id`: a caller-chosen id never used in this vault (else a fresh random one). */
  createRecord(type: string, compartment: Compartment, body: unknown, id?: Id): Promise<DecryptedRecord>;
  /** A feature's audit entry (action code and data checked in worker/feature-audit.ts). */
  appendFeatureAudit(action: string, data: unknown): Promise<void>;
  readRecord(type: string, id: Id): Promise<DecryptedRecord>;
  updateRecord(type: string, id: Id, body: unknown, expectedVersion: number): Promise<DecryptedRecord>;
  deleteRecord(type: string, id: Id, expectedVersion: number): Promise<void>;
  /** Every live record of `type`, packed in transferred JSON chunks (worker/record-store.ts `packRecords`). */
  listRecords(type: string): Promise<PackedRecords>;
  /**
   * `listRecords` with each body cut down to its top-level `fields` (worker/record-store.ts
   * `listFields`): for lists that keep one field of many records (witness pseudonyms), so the
   * rest of each body never leaves this worker.
   */
  listFields(type: string, fields: readonly string[]): Promise<PackedRecords>;
  recordHistory(type: string, id: Id): Promise<DecryptedRecord[]>;
  /**
   * Every live record of `type` with its summary as `body` (kinds with summaries;
   * record-summaries.ts), packed in transferred JSON chunks; with `part`, only that part (a
   * range of head shards; the parts in order give the whole list in order).
   */
  listSummaries(type: string, part?: SummaryPart): Promise<PackedRecords>;
  /** The current versions of `ids`; ids that are not live records of `type` are `missing`. */
  readRecords(type: string, ids: readonly Id[]): Promise<{ records: DecryptedRecord[]; unreadable: UnreadableRecord[] }>;
  /** The persisted search index (UTF-8 text, transferred), or null if none is readable (worker/search-index-store.ts). */
  loadSearchIndex(): Promise<Uint8Array | null>;
  /** Replaces the persisted search index with `bytes` (transferred). */
  saveSearchIndex(bytes: Uint8Array): Promise<void>;
  /** The public halves of the device identity (never the secret keys). */
  identity(): Promise<PublicDeviceIdentity>;
  /** Writes the batched audit head into the keyring now. */
  flush(): Promise<void>;
  /** Flushes, aborts running work, zeroes every key and closes the database. Idempotent. */
  close(): Promise<void>;
  /** Panic wipe: zeroes keys, closes and deletes the database. */
  destroyDatabase(): Promise<void>;
}
