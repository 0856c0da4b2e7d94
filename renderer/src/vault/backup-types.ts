/**
 * Whole-vault backups as the UI and the worker both see them: options, progress, and the
 * worker calls. Types only (plus the error class re-exported), imported by both sides like
 * worker-api.ts. Nothing here carries keys: a backup's secrets exist only inside the
 * encrypted bundle, written and read by the vault worker (docs/backup-format.md).
 */
import type { KdfParams, KdfProfileName } from '../../../shared/crypto';
import type { KdfProfile } from './vault-client';
import type { SessionInfo } from './worker-api';

export { BackupError, type BackupProblem } from './vault-errors';

/** What the user chose for a new backup. */
export interface BackupOptions {
  /** The backup passphrase (new-passphrase policy: 12..1000 characters, or six generated words). */
  readonly passphrase: string;
  /** Also add a recipient stanza for this device's own X25519 key. */
  readonly includeDeviceKey: boolean;
}

/** Where a backup stands: preparing (hashing every entry), then writing bytes. */
export type BackupProgress =
  | { readonly phase: 'preparing'; readonly done: number; readonly total: number }
  | { readonly phase: 'writing'; readonly bytes: number; readonly total: number };

/** A prepared backup: its identity and size, its bytes as they are pulled. */
export interface BackupStream {
  /** The bundle id (base64url), as written to the audit trail. */
  readonly bundleId: string;
  readonly size: number;
  /** Number of manifest entries. */
  readonly entries: number;
  /** The bundle's bytes. Pull to the end (then call `finish`), or break out and call `abort`. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** After the file was saved: writes the `vault.backup` audit entry. */
  finish(): Promise<void>;
  /** Drops the backup (cancelled, or the save failed). */
  abort(): Promise<void>;
}

/** Backups of the open vault (`VaultClient.backups`). Rejects with `LockedError` while locked. */
export interface BackupRepository {
  /**
   * Prepares a backup of everything: every record of every type with all its versions, the
   * attachments, the audit trail and the keyring secrets that make a restored vault the same
   * vault. Refused with `BackupError`: `invalid-passphrase`, `unreadable` (the vault has parts
   * that do not decrypt; a backup would silently lose them), `changed` (records deleted while
   * the backup was written: try again).
   */
  create(options: BackupOptions, listener?: { readonly onProgress?: (progress: BackupProgress) => void; readonly signal?: AbortSignal }): Promise<BackupStream>;
}

/** The backup file, read in slices (an `OpenedFile` from the platform port fits). */
export interface BackupSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** What restoring needs: the file, its passphrase, and the new vault's passphrase and options. */
export interface RestoreOptions {
  readonly source: BackupSource;
  readonly backupPassphrase: string;
  /** The new vault's passphrase (policy as at creation). */
  readonly passphrase: string;
  readonly profile: KdfProfile;
  readonly withRecoveryKey: boolean;
  /** Bytes of the backup read so far. */
  readonly onProgress?: (bytes: number, total: number) => void;
}

/** Worker-side options of a backup. */
export interface WorkerBackupOptions extends BackupOptions {
  readonly kdf: KdfProfileName | KdfParams;
}

/** Worker-side options of a restore. */
export interface WorkerRestoreOptions {
  readonly size: number;
  readonly backupPassphrase: string;
  readonly passphrase: string;
  readonly kdf: KdfProfileName | KdfParams;
  readonly withRecoveryKey: boolean;
}

/** The worker's backup calls (worker/backup/backup-api.ts and restore.ts). */
export interface BackupWorkerApi {
  /** Snapshots the vault, hashes every entry, prepares the bundle. `onProgress`: a comlink proxy. */
  beginBackup(backupId: string, options: WorkerBackupOptions, onProgress?: (progress: BackupProgress) => void): Promise<{ bundleId: string; size: number; entries: number }>;
  /** The next bytes of the bundle (about 1 MiB), or null at the end. */
  readBackup(backupId: string): Promise<Uint8Array | null>;
  /** The bundle was saved: writes the audit entry and forgets the backup. */
  finishBackup(backupId: string): Promise<void>;
  abortBackup(backupId: string): Promise<void>;
  /**
   * First run only: reads and verifies the backup from `read` (a comlink proxy), rebuilds the
   * vault under new keys and opens it. On failure nothing is left in the database.
   */
  restoreBackup(
    read: (offset: number, length: number) => Promise<Uint8Array>,
    options: WorkerRestoreOptions,
    onProgress?: (bytes: number) => void,
  ): Promise<{ session: SessionInfo; recoveryKey: string | null }>;
}
