/**
 * Typed errors of the crypto core. Callers branch on `instanceof` and `code`, never on
 * messages; messages are for logs and must never contain secrets, passphrases or plaintext.
 */

/** Base class of every error thrown on purpose by shared/crypto. */
export abstract class CryptoError extends Error {
  abstract readonly code: string;
}

/** Why a passphrase was refused by the policy (before any key derivation). */
export type PassphraseErrorCode = 'too-short' | 'too-long' | 'malformed';

/** The passphrase breaks the policy: too short, too long, or not well-formed Unicode. */
export class PassphraseError extends CryptoError {
  override readonly name = 'PassphraseError';
  constructor(readonly code: PassphraseErrorCode) {
    super(`passphrase rejected: ${code}`);
  }
}

/** Why Argon2id parameters were refused, or why the derivation itself failed. */
export type KdfErrorCode = 'ops-out-of-range' | 'mem-out-of-range' | 'derivation-failed';

/** Argon2id parameters outside the allowed range (checked before running), or Argon2id failed (e.g. out of memory). */
export class KdfError extends CryptoError {
  override readonly name = 'KdfError';
  constructor(readonly code: KdfErrorCode) {
    super(`key derivation refused: ${code}`);
  }
}

/** Structural problems of a keyring file, found before or after decryption. */
export type KeyringFormatErrorCode =
  | 'empty'
  | 'too-large'
  | 'truncated'
  | 'bad-magic'
  | 'unsupported-version'
  | 'bad-flags'
  | 'bad-slot-count'
  | 'bad-slot-type'
  | 'bad-slot-length'
  | 'bad-body-length'
  | 'trailing-bytes'
  | 'bad-body';

/** The keyring bytes are not a well-formed keyring file of a version we read. */
export class KeyringFormatError extends CryptoError {
  override readonly name = 'KeyringFormatError';
  constructor(readonly code: KeyringFormatErrorCode) {
    super(`keyring file rejected: ${code}`);
  }
}

/**
 * The secret did not open the keyring. Deliberately one error for a wrong passphrase, a wrong
 * recovery key, a tampered slot and a tampered body: the caller cannot tell them apart, so
 * neither can anyone watching the caller.
 */
export class UnlockFailed extends CryptoError {
  override readonly name = 'UnlockFailed';
  readonly code = 'unlock-failed';
  constructor() {
    super('the keyring could not be unlocked');
  }
}

/** Why a typed recovery key was refused before any decryption was attempted. */
export type RecoveryKeyErrorCode = 'malformed' | 'checksum';

/** The recovery key text is not a recovery key (bad characters, length, or a typo caught by its checksum). */
export class RecoveryKeyError extends CryptoError {
  override readonly name = 'RecoveryKeyError';
  constructor(readonly code: RecoveryKeyErrorCode) {
    super(`recovery key rejected: ${code}`);
  }
}

/** Misuse of an unlocked keyring: disposed, unknown epoch, limits reached, counters moving backwards. */
export type KeyringStateErrorCode = 'disposed' | 'unknown-epoch' | 'too-many-epochs' | 'counter-overflow' | 'audit-rollback';

/** An operation on an unlocked keyring that cannot be carried out in its current state. */
export class KeyringStateError extends CryptoError {
  override readonly name = 'KeyringStateError';
  constructor(readonly code: KeyringStateErrorCode) {
    super(`keyring operation refused: ${code}`);
  }
}

/** Why a record (or a wrapped data key) was refused. */
export type RecordErrorCode =
  | 'malformed'
  | 'unsupported-format'
  | 'too-large'
  | 'auth-failed'
  | 'bad-plaintext'
  | 'wrong-type'
  | 'replayed'
  | 'invalid-input';

/**
 * A record cannot be sealed or opened. `auth-failed` covers tampering, a record moved to
 * another id / table / compartment / epoch, and a wrong key alike.
 */
export class RecordError extends CryptoError {
  override readonly name = 'RecordError';
  constructor(readonly code: RecordErrorCode) {
    super(`record rejected: ${code}`);
  }
}

/** Why an audit entry cannot be encoded. */
export type AuditErrorCode = 'invalid-entry' | 'invalid-head';

/** An audit entry or head that cannot be part of a chain (bad shape, non-canonical data, bad sequence). */
export class AuditError extends CryptoError {
  override readonly name = 'AuditError';
  constructor(readonly code: AuditErrorCode) {
    super(`audit entry rejected: ${code}`);
  }
}
