/**
 * Typed errors of the bundle format. Every refusal has a stable `code` (branch on it) and a
 * `category` (what a person or an exit code needs to know). Messages say which rule broke and
 * where, never key material or entry content.
 */

/** What kind of failure, from the point of view of the person opening the bundle. */
export type BundleErrorCategory =
  /** Not a well-formed bundle of a version we read, or beyond our limits. */
  | 'malformed'
  /** Well-formed, but none of our keys (or the passphrase) opens it. */
  | 'not-for-us'
  /** Damaged or tampered: an authentication, signature, hash or length check failed. */
  | 'tampered'
  /** Authentic, but already seen (bundle id or sender sequence). */
  | 'replayed'
  /** The caller asked for something impossible (writing side, bad arguments). */
  | 'invalid-input';

const CATEGORY = {
  'too-large': 'malformed',
  'too-small': 'malformed',
  'bad-magic': 'malformed',
  'unsupported-version': 'malformed',
  'bad-flags': 'malformed',
  'bad-stanza-count': 'malformed',
  'bad-stanza-type': 'malformed',
  'bad-stanza-length': 'malformed',
  'duplicate-passphrase-stanza': 'malformed',
  'bad-kdf-params': 'malformed',
  'header-truncated': 'malformed',
  'not-a-recipient': 'not-for-us',
  'no-passphrase-stanza': 'not-for-us',
  'wrong-passphrase': 'not-for-us',
  'bad-mac': 'tampered',
  'payload-truncated': 'tampered',
  'payload-auth-failed': 'tampered',
  'payload-malformed': 'tampered',
  'trailing-data': 'tampered',
  'bad-frame': 'malformed',
  'frame-too-large': 'malformed',
  'manifest-too-large': 'malformed',
  'manifest-invalid-utf8': 'malformed',
  'manifest-invalid-json': 'malformed',
  'manifest-not-canonical': 'malformed',
  'manifest-schema': 'malformed',
  'bad-signature': 'tampered',
  'fingerprint-mismatch': 'tampered',
  'header-hash-mismatch': 'tampered',
  'recipients-mismatch': 'tampered',
  'not-listed-recipient': 'tampered',
  'length-mismatch': 'tampered',
  replayed: 'replayed',
  'entry-missing': 'tampered',
  'entry-unexpected': 'tampered',
  'entry-duplicate': 'tampered',
  'entry-out-of-order': 'tampered',
  'entry-kind-mismatch': 'tampered',
  'entry-length-mismatch': 'tampered',
  'entry-hash-mismatch': 'tampered',
  'record-invalid': 'malformed',
  'trailing-frames': 'tampered',
  'invalid-input': 'invalid-input',
  'source-mismatch': 'invalid-input',
} as const satisfies Record<string, BundleErrorCategory>;

/** Every reason a bundle is refused or cannot be written. */
export type BundleErrorCode = keyof typeof CATEGORY;

/** All codes, for exhaustive tests and documentation. */
export const BUNDLE_ERROR_CODES = Object.keys(CATEGORY) as BundleErrorCode[];

/** A bundle was refused (reading) or could not be written. */
export class BundleError extends Error {
  override readonly name = 'BundleError';
  readonly category: BundleErrorCategory;

  constructor(
    readonly code: BundleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.category = CATEGORY[code];
  }
}

/** The category of a code. */
export function categoryOf(code: BundleErrorCode): BundleErrorCategory {
  return CATEGORY[code];
}
