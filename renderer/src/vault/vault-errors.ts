/**
 * The vault's typed errors. Runs on both sides: the worker throws them, the main thread
 * receives them rebuilt as the same classes (comlink alone would turn them into plain Errors,
 * and the UI branches on `instanceof`).
 *
 * Messages are fixed English strings for logs: never a passphrase, key, id list or record
 * contents. The UI shows its own translated text per class.
 */
import { transferHandlers, type TransferHandler } from 'comlink';

/** Base class of every error the vault throws on purpose. */
export abstract class VaultError extends Error {
  abstract readonly code: string;
}

/** The vault is locked, or was locked while this call ran. Unlock and try again. */
export class LockedError extends VaultError {
  override readonly name = 'LockedError';
  readonly code = 'locked';
  constructor() {
    super('the vault is locked');
  }
}

/**
 * The disk (or the browser's storage quota) is full. The write was rolled back as a whole and
 * the caller's input was not touched: free space and save again.
 */
export class VaultStorageFullError extends VaultError {
  override readonly name = 'VaultStorageFullError';
  readonly code = 'storage-full';
  constructor() {
    super('storage is full; nothing was written');
  }
}

/** The record changed since the caller read it (another window, or a stale form). */
export class VersionConflictError extends VaultError {
  override readonly name = 'VersionConflictError';
  readonly code = 'version-conflict';
  constructor(readonly actualVersion: number) {
    super('the record was changed in the meantime');
  }
}

/** No such live record of that kind (never existed, deleted, or another type). */
export class RecordNotFoundError extends VaultError {
  override readonly name = 'RecordNotFoundError';
  readonly code = 'not-found';
  constructor() {
    super('no such record');
  }
}

/** Why stored ciphertext was refused. */
export type RecordProblem = 'tampered' | 'replayed' | 'wrong-type' | 'missing';

/** Stored ciphertext failed authentication, was moved, or is an older copy (replay). */
export class RecordIntegrityError extends VaultError {
  override readonly name = 'RecordIntegrityError';
  readonly code = 'integrity';
  constructor(readonly problem: RecordProblem) {
    super(`stored record refused: ${problem}`);
  }
}

/** A record body did not pass its kind's schema (on write, or on read after decryption). */
export class RecordValidationError extends VaultError {
  override readonly name = 'RecordValidationError';
  readonly code = 'invalid-body';
  constructor() {
    super('record body failed validation');
  }
}

/** A new passphrase breaks the policy (too short, too long, malformed Unicode). */
export class PassphrasePolicyError extends VaultError {
  override readonly name = 'PassphrasePolicyError';
  constructor(readonly code: 'too-short' | 'too-long' | 'malformed') {
    super(`passphrase rejected: ${code}`);
  }
}

/** The operation does not fit the vault's state (e.g. create when a vault exists). */
export class VaultStateError extends VaultError {
  override readonly name = 'VaultStateError';
  constructor(readonly code: 'vault-exists' | 'no-vault' | 'in-use-elsewhere' | 'unavailable' | 'not-recovery-session') {
    super(`vault operation refused: ${code}`);
  }
}

/**
 * Why an attachment's stored stream was refused, or its write stopped. Reading problems come
 * from the strict reader (worker/attachment-reader.ts); nothing of a refused stream is shown.
 */
export type AttachmentProblem =
  /** The rows end before the FINAL chunk (the last rows are gone). */
  | 'truncated'
  /** A chunk row in the middle is missing. */
  | 'missing-chunk'
  /** A row follows the FINAL chunk. */
  | 'after-final'
  /** A row of the wrong size. */
  | 'chunk-size'
  /** A chunk failed authentication: altered, reordered, duplicated or from elsewhere. */
  | 'auth-failed'
  /** A chunk carried a tag the format never writes. */
  | 'bad-tag'
  /** The stream's length differs from the metadata's. */
  | 'length-mismatch'
  /** The SHA-256 of the decrypted bytes differs from the one recorded at capture. */
  | 'hash-mismatch'
  /** The write was cancelled (by the user or by a lock). */
  | 'cancelled'
  /** Larger than an attachment may be. */
  | 'too-large'
  /** A writer or reader used after it ended, or one that does not exist. */
  | 'invalid-state';

/** An attachment could not be read as stored, or could not be written. */
export class AttachmentError extends VaultError {
  override readonly name = 'AttachmentError';
  readonly code = 'attachment';
  constructor(readonly problem: AttachmentProblem) {
    super(`attachment refused: ${problem}`);
  }
}

/**
 * The record was received in a partner bundle and is read-only (worker/import): it changes only
 * by a later bundle from the same sender, which becomes its next version.
 */
export class ReceivedRecordError extends VaultError {
  override readonly name = 'ReceivedRecordError';
  readonly code = 'received-read-only';
  constructor() {
    super('a received record is read-only');
  }
}

/** Why a backup could not be written or restored (worker/backup; docs/backup-format.md). */
export type BackupProblem =
  /** The backup passphrase does not open this file. */
  | 'wrong-passphrase'
  /** Not a Sijill backup (no passphrase stanza, or not the backup layout). */
  | 'not-a-backup'
  /** Altered, truncated or otherwise damaged: refused before anything was kept. */
  | 'damaged'
  /** The signature is not by the device identity the backup carries. */
  | 'signer-mismatch'
  /** The new backup passphrase breaks the policy. */
  | 'invalid-passphrase'
  /** Parts of the vault do not decrypt: a backup would silently lose them. */
  | 'unreadable'
  /** Records changed while the backup was written: try again. */
  | 'changed'
  /** Cancelled by the user, or a backup handle that no longer exists. */
  | 'cancelled';

/** A backup was refused; `problem` says why (never its contents). */
export class BackupError extends VaultError {
  override readonly name = 'BackupError';
  readonly code = 'backup';
  constructor(readonly problem: BackupProblem) {
    super(`backup refused: ${problem}`);
  }
}

type Rebuild = (fields: Record<string, unknown>) => VaultError;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** How each class is rebuilt from the fields that crossed the worker boundary. */
const REBUILD: Record<string, Rebuild> = {
  LockedError: () => new LockedError(),
  VaultStorageFullError: () => new VaultStorageFullError(),
  VersionConflictError: (f) => new VersionConflictError(num(f['actualVersion'])),
  RecordNotFoundError: () => new RecordNotFoundError(),
  RecordIntegrityError: (f) => new RecordIntegrityError(f['problem'] as RecordProblem),
  RecordValidationError: () => new RecordValidationError(),
  PassphrasePolicyError: (f) => new PassphrasePolicyError(f['code'] as PassphrasePolicyError['code']),
  VaultStateError: (f) => new VaultStateError(f['code'] as VaultStateError['code']),
  AttachmentError: (f) => new AttachmentError(f['problem'] as AttachmentProblem),
  BackupError: (f) => new BackupError(f['problem'] as BackupProblem),
  ReceivedRecordError: () => new ReceivedRecordError(),
};

interface SerializedThrow {
  isError: boolean;
  value: unknown;
  vault?: Record<string, unknown>;
}

let installed = false;

/**
 * Makes comlink carry VaultError subclasses across the worker boundary with their class and
 * fields. Call once in each realm (the worker entry and the client do); idempotent.
 */
export function installVaultErrorTransfer(): void {
  if (installed) return;
  const original = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, SerializedThrow> | undefined;
  if (!original) return;
  installed = true;
  const handler: TransferHandler<{ value: unknown }, SerializedThrow> = {
    canHandle: (value): value is { value: unknown } => original.canHandle(value),
    serialize(thrown) {
      const [serialized, transfers] = original.serialize(thrown);
      const error = thrown.value;
      if (error instanceof VaultError) {
        return [{ ...serialized, vault: { ...error, name: error.name } }, transfers];
      }
      return [serialized, transfers];
    },
    deserialize(serialized) {
      const fields = serialized.vault;
      const rebuild = fields && typeof fields['name'] === 'string' ? REBUILD[fields['name']] : undefined;
      if (fields && rebuild) throw rebuild(fields);
      return original.deserialize(serialized);
    },
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}
