/**
 * `sijill-bundle/1`: the encrypted, signed format that leaves the device (exports to partners,
 * backups). Platform-free; the desktop import and the `sijill-bundle` command-line tool both
 * use this. Byte layouts, verification order and limits: docs/bundle-format.md.
 */
export { BundleError, BUNDLE_ERROR_CODES, categoryOf, type BundleErrorCode, type BundleErrorCategory } from './errors';
export { BUNDLE_LIMITS } from './limits';
export { toBase64url, fromBase64url, toHex, fromHex } from './encoding';
export { fingerprint, fingerprintText, humanFingerprint, FINGERPRINT_BYTES } from './fingerprint';
export { formatIdentityCard, parseIdentityCard, IdentityCardError, MAX_CARD_CHARS, type IdentityCard, type IdentityCardErrorCode, type PublicIdentity } from './identity-card';
export { labelProblem } from './labels';
export { BUNDLE_FORMAT, PASSPHRASE_RECIPIENT, BLOB_TYPE, manifestSchema, type Manifest, type ManifestEntry } from './manifest';
export { recordEntry, describeEntry, type EntrySource, type EntryDescription } from './entries';
export { writeBundle, type WriteBundleOptions, type WrittenBundle, type BundleRecipient } from './writer';
export { readBundle, MIN_BUNDLE_BYTES, type ReadBundleOptions, type VerifiedBundle } from './reader';
export { DISCARD_SINK, type QuarantineSink } from './entry-reader';
export type { BundleUnlock } from './unlock';
export type { BundleSender, SenderTrust, ReplayQuery } from './manifest-checks';
export { inspectBundle, type BundleInspection, type StanzaSummary } from './inspect';
export { safeFileName, fileNameKey, MAX_FILE_NAME_BYTES } from './safe-file-name';
