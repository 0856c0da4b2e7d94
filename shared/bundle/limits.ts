/**
 * Hard limits of `sijill-bundle/1`. Each is checked before anything of that size is
 * allocated or any work proportional to it is done. They are part of the format: a writer
 * that exceeds one writes a bundle every reader refuses.
 */
const MiB = 1024 * 1024;

/** The format's hard limits (see docs/bundle-format.md §12). */
export const BUNDLE_LIMITS = {
  /** Stanzas per header (recipients plus at most one passphrase). */
  maxStanzas: 64,
  /** Largest header: 8 fixed bytes, 64 stanzas of at most 3 + 96 bytes, 32 MAC bytes. */
  maxHeaderBytes: 8 + 64 * (3 + 96) + 32,
  /** Largest manifest (UTF-8 JSON). */
  maxManifestBytes: 16 * MiB,
  /** Entries per bundle. */
  maxEntries: 50_000,
  /** Largest record entry (UTF-8 JSON); blobs are bounded only by the bundle size. */
  maxRecordBytes: 16 * MiB,
  /** Default size gate for a whole bundle; callers may lower or raise it. */
  defaultMaxBundleBytes: 64 * 1024 * MiB,
  /** Label of a sender or of an identity card, in UTF-16 code units. */
  maxLabelChars: 200,
  /** An entry's `name`, in UTF-16 code units. */
  maxNameChars: 255,
  /** An entry's `media_type`. */
  maxMediaTypeChars: 127,
  /** The informational `created` time. */
  maxCreatedChars: 40,
} as const;

/** Size of the fixed part of the header: magic, version, flags, count. */
export const HEADER_FIXED_BYTES = 8;
/** Size of the MAC that ends the header. */
export const MAC_BYTES = 32;
/** Smallest possible header: one X25519 stanza. */
export const MIN_HEADER_BYTES = HEADER_FIXED_BYTES + 3 + 80 + MAC_BYTES;
/** Size of a frame's header: kind, entry id, length. */
export const FRAME_HEADER_BYTES = 1 + 16 + 8;
/** Size of the manifest signature. */
export const SIGNATURE_BYTES = 64;
