/**
 * The vault's crypto core: the public surface for the vault worker. Pure and platform-free
 * (no DOM, Node, Electron or storage): bytes in, bytes out. docs/vault-format.md describes
 * the formats byte by byte.
 */
export { getSodium, wipe, constantTimeEqual, type RandomBytes, type RandomOptions } from './sodium';
export * from './errors';
export {
  PASSPHRASE_MIN_CHARS,
  PASSPHRASE_MAX_CHARS,
  GENERATED_WORDS,
  checkNewPassphrase,
  normalisePassphrase,
  isGeneratedPassphrase,
  generatePassphrase,
  countCodePoints,
} from './passphrase';
export { estimatePassphraseStrength, STRENGTH_THRESHOLDS, type PassphraseStrength, type StrengthLevel } from './passphrase-strength';
export { KDF_FLOOR, KDF_CAP, KDF_PROFILES, validateKdfParams, type KdfParams, type KdfProfileName } from './kdf-params';
export { COMPARTMENTS, type Compartment, type CompartmentKeys, type EpochKey } from './compartments';
export { verifyIdentityBinding, identityBindingMessage, type DeviceIdentity } from './identity';
export { MAX_KEYRING_BYTES } from './keyring-format';
export {
  createKeyring,
  readKeyringInfo,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  changePassphrase,
  replaceRecoveryKey,
  removeRecoveryKey,
  serialiseKeyring,
  disposeKeyring,
  type UnlockedKeyring,
  type CreateKeyringOptions,
  type CreatedKeyring,
  type KeyringInfo,
  type ChangePassphraseOptions,
  type KdfOptions,
  type PassphraseKdf,
} from './keyring';
export { epochKey, rotateCompartmentKeys, retirePreviousEpochs, withAuditHead, takeSenderSeq, type RotateOptions } from './keyring-updates';
export { rotateDeviceIdentity, nextAuditKey, adoptNextAuditKey } from './keyring-rotation';
export { wrapDataKey, unwrapDataKey, rewrapDataKey, newRecordId, WRAPPED_KEY_BYTES, type RecordLocation } from './data-key';
export { sealRecord, openRecord, recordOpener, isRecordVersion, MAX_RECORD_BODY_BYTES, type RecordContent, type RecordOpener, type SealedRecord, type RecordExpectation } from './envelope';
export {
  appendAudit,
  verifyAuditChain,
  encodeAuditEntry,
  genesisAuditHead,
  type AuditEntry,
  type AuditHead,
  type ChainedAuditEntry,
  type AuditVerification,
} from './audit-chain';
export { AUDIT_SEGMENT_ACTION, startAuditSegment, verifySegmentedAuditChain, isAuditSegmentStart, lastSegmentRetired } from './audit-segments';
export type { CanonicalJson } from './canonical-json';
