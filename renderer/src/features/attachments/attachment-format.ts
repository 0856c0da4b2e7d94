/**
 * How attachment facts are written for people: sizes, durations, fingerprints, and which
 * translated message explains an error. Runs on the renderer's main thread.
 */
import { intlLocale } from '../../i18n/format';
import type { attachmentMessages } from './messages';
import { AttachmentError, LockedError, RecordIntegrityError, RecordNotFoundError, VaultStorageFullError, type AttachmentProblem } from '../../vault/vault-errors';

const UNITS = [
  { unit: 'gigabyte', bytes: 1024 ** 3 },
  { unit: 'megabyte', bytes: 1024 ** 2 },
  { unit: 'kilobyte', bytes: 1024 },
] as const;

/** "1.5 MB", "١٫٥ ميغابايت"-style but with Western digits (see i18n/format.ts); binary multiples. */
export function formatBytes(bytes: number, language: string | undefined): string {
  const locale = intlLocale(language);
  for (const { unit, bytes: size } of UNITS) {
    if (bytes >= size) return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
}

/** Elapsed or total time as h:mm:ss or m:ss (digits read the same in both languages). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A SHA-256 in groups of eight hex digits, so people can compare it piece by piece. */
export function groupedHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

/** A key of `attachments.errors`. */
export type ErrorKey = keyof (typeof attachmentMessages)['en']['errors'];

const PROBLEM_KEYS: Record<AttachmentProblem, ErrorKey> = {
  truncated: 'truncated',
  'missing-chunk': 'missingChunk',
  'after-final': 'afterFinal',
  'chunk-size': 'chunkSize',
  'auth-failed': 'authFailed',
  'bad-tag': 'badTag',
  'length-mismatch': 'lengthMismatch',
  'hash-mismatch': 'hashMismatch',
  cancelled: 'cancelled',
  'too-large': 'tooLarge',
  'invalid-state': 'invalidState',
};

/** The message key (under `attachments.errors`) that explains `error`. */
export function errorKey(error: unknown): ErrorKey {
  if (error instanceof AttachmentError) return PROBLEM_KEYS[error.problem];
  if (error instanceof VaultStorageFullError) return 'storageFull';
  if (error instanceof LockedError) return 'locked';
  if (error instanceof RecordNotFoundError) return 'notFound';
  if (error instanceof RecordIntegrityError) return 'unreadableRecord';
  return 'unknown';
}

/** True if `error` is a cancellation the user asked for. */
export function isCancelled(error: unknown): boolean {
  return error instanceof AttachmentError && error.problem === 'cancelled';
}
