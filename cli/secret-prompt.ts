/**
 * Reading a passphrase: from an environment variable (for scripts), else from the terminal
 * without echo. Never from the command line, where it would land in shell history and `ps`.
 * Without either, the command stops with a usage error instead of waiting on a pipe forever.
 */
import { CliError, EXIT } from './exit-codes';

const MAX_SECRET_CHARS = 8 * 1000; // the passphrase policy caps at 1000 code points

/** The variables scripts set (documented in `--help`). */
export const PASSPHRASE_ENV = {
  /** The passphrase protecting the KEY file (keygen sets it; seal, verify and open use it). */
  key: 'SIJILL_PASSPHRASE',
  /** A bundle's own passphrase (seal --passphrase, verify/open --passphrase). */
  bundle: 'SIJILL_BUNDLE_PASSPHRASE',
} as const;

/** Which secret a prompt asks for, so the right environment variable answers it. */
export type SecretKind = keyof typeof PASSPHRASE_ENV;

/** Reads characters in raw mode until Enter; Ctrl-C aborts; nothing is echoed. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const stdin = process.stdin;
    let text = '';
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolvePromise(text);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new CliError('cancelled', EXIT.usage));
        if (char === '\u007f' || char === '\b') text = Array.from(text).slice(0, -1).join('');
        else if (char >= ' ') text += char;
        if (text.length > MAX_SECRET_CHARS) return done(new CliError('the passphrase is too long', EXIT.usage));
      }
      return undefined;
    };
    stdin.on('data', onData);
  });
}

/**
 * Reads a secret of `kind`: its environment variable if set, else the terminal (with `confirm`,
 * asked twice and both must match).
 */
export async function readSecretFromTerminal(prompt: string, kind: SecretKind, options: { confirm?: boolean } = {}): Promise<string> {
  const variable = PASSPHRASE_ENV[kind];
  const fromEnv = process.env[variable];
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError(`no terminal to ask for the passphrase: set ${variable}`, EXIT.usage);
  const first = await readHidden(prompt);
  if (options.confirm && (await readHidden('Repeat: ')) !== first) throw new CliError('the two passphrases differ', EXIT.usage);
  return first;
}
