/**
 * Exit codes of `sijill-bundle`, one per failure class, so scripts can tell "not for us" from
 * "tampered" from "unknown sender" without parsing messages. Documented in `--help`.
 */
import { BundleError, type BundleErrorCategory } from '../shared/bundle/errors';
import { IdentityCardError } from '../shared/bundle/identity-card';

/** Exit codes by failure class (the table in EXIT_CODE_HELP). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  file: 3,
  notForUs: 4,
  malformed: 5,
  tampered: 6,
  unverifiedSender: 7,
  replayed: 8,
} as const;

/** The exit-code table, as printed by `--help`. */
export const EXIT_CODE_HELP = `Exit codes:
  0  success (for verify: authentic AND signed by a pinned sender)
  1  internal error
  2  usage error (unknown command or option, missing argument)
  3  file error (cannot read or write a file, output exists, invalid identity card or identity file)
  4  not for us (no stanza opens with this identity, wrong passphrase, no passphrase stanza)
  5  malformed bundle (not a bundle, unsupported version, limits exceeded, bad manifest)
  6  damaged or tampered (MAC, payload, signature, header hash, recipients, entry lengths or hashes)
  7  sender not verified (authentic, but not signed by a pinned card, or its key changed)
  8  replayed (bundle id or sender sequence already seen)`;

/** A failure the CLI reports with a message and a chosen exit code (never a stack trace). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const BY_CATEGORY: Record<BundleErrorCategory, number> = {
  malformed: EXIT.malformed,
  'not-for-us': EXIT.notForUs,
  tampered: EXIT.tampered,
  replayed: EXIT.replayed,
  'invalid-input': EXIT.usage,
};

const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENOTEMPTY', 'ENOSPC', 'EROFS', 'EMFILE', 'EBUSY']);

/** Maps any thrown value to an exit code and a one-line message for people. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof BundleError) return { code: BY_CATEGORY[error.category], message: `${error.message} [${error.code}]` };
  if (error instanceof IdentityCardError) return { code: EXIT.file, message: `identity card refused: ${error.message} [${error.code}]` };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_ERRORS.has(code)) {
    const path = (error as { path?: unknown }).path;
    return { code: EXIT.file, message: `${code === 'EEXIST' ? 'already exists' : 'file error'}: ${typeof path === 'string' ? path : ''} (${code})` };
  }
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return { code: EXIT.usage, message: (error as Error).message };
  return { code: EXIT.internal, message: `internal error: ${error instanceof Error ? error.name : 'unknown'}` };
}
