/**
 * Exit codes of `sijill-bundle`. Issue 6 fixes five of them for partners' scripts and the
 * checkers (0 ok, 2 usage, 3 not addressed to this key, 4 damaged or not a valid bundle, 5 signer
 * not trusted); everything the issue does not name (files, a wrong passphrase for the KEY file,
 * internal errors) is 1, so a script never mistakes "my key file did not unlock" for "this bundle
 * is not for me". Documented in `--help`, README and docs/bundle-format.md §15.
 */
import { BundleError, type BundleErrorCategory } from '../shared/bundle/errors';
import { IdentityCardError } from '../shared/bundle/identity-card';
import { PassphraseError } from '../shared/crypto/errors';

/** Exit codes by failure class (the table in EXIT_CODE_HELP). */
export const EXIT = {
  ok: 0,
  /** Anything the issue does not name: a file, the key file or its passphrase, an internal error. */
  other: 1,
  usage: 2,
  notForThisKey: 3,
  damaged: 4,
  untrusted: 5,
} as const;

/** The exit-code table, as printed by `--help`. */
export const EXIT_CODE_HELP = `Exit codes:
  0  success (verify and open: authentic AND signed by a --trust card)
  1  other error: a file cannot be read or written, the output exists, an invalid key file or
     identity card, a wrong passphrase for the KEY file, an internal error
  2  usage error (unknown command or option, missing argument, a passphrase too short)
  3  not addressed to this key (no recipient stanza opens with it, or wrong bundle passphrase)
  4  damaged or not a valid bundle (not a bundle, unsupported version, limits exceeded,
     tampered or cut: MAC, payload, signature, hashes, lengths; or replayed, with --seen)
  5  signer not trusted (authentic, but signed by no --trust card, or a trusted key changed)`;

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
  malformed: EXIT.damaged,
  'not-for-us': EXIT.notForThisKey,
  tampered: EXIT.damaged,
  replayed: EXIT.damaged,
  'invalid-input': EXIT.usage,
};

const PASSPHRASE_PROBLEM: Record<PassphraseError['code'], string> = {
  'too-short': 'the passphrase is too short (at least 12 characters, or six generated words)',
  'too-long': 'the passphrase is too long (at most 1000 characters)',
  malformed: 'the passphrase is not well-formed text',
};

const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENOTEMPTY', 'ENOSPC', 'EROFS', 'EMFILE', 'EBUSY']);

/** Maps any thrown value to an exit code and a one-line message for people. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof BundleError) return { code: BY_CATEGORY[error.category], message: `${error.message} [${error.code}]` };
  if (error instanceof IdentityCardError) return { code: EXIT.other, message: `identity card refused: ${error.message} [${error.code}]` };
  if (error instanceof PassphraseError) return { code: EXIT.usage, message: PASSPHRASE_PROBLEM[error.code] };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_ERRORS.has(code)) {
    const path = (error as { path?: unknown }).path;
    return { code: EXIT.other, message: `${code === 'EEXIST' ? 'already exists' : code === 'ENOENT' ? 'no such file or folder' : 'file error'}: ${typeof path === 'string' ? path : ''} (${code})` };
  }
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return { code: EXIT.usage, message: (error as Error).message };
  return { code: EXIT.other, message: `internal error: ${error instanceof Error ? error.name : 'unknown'}` };
}
