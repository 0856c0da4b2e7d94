/**
 * Reading a passphrase: from the terminal without echo, or as one line from piped stdin (for
 * scripts). Never from the command line, where it would land in shell history and `ps`.
 */
import { CliError, EXIT } from './exit-codes';

const MAX_SECRET_CHARS = 8 * 1000; // the passphrase policy caps at 1000 code points

/** Reads one line from a non-terminal stdin. */
async function readLine(): Promise<string> {
  let text = '';
  for await (const piece of process.stdin) {
    text += String(piece);
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > MAX_SECRET_CHARS) break;
  }
  if (text.length > MAX_SECRET_CHARS) throw new CliError('the passphrase on stdin is too long', EXIT.usage);
  return text;
}

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

/** Reads a secret; with `confirm`, asks twice on a terminal and requires both to match. */
export async function readSecretFromTerminal(prompt: string, options: { confirm?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) return readLine();
  const first = await readHidden(prompt);
  if (options.confirm && (await readHidden('Repeat: ')) !== first) throw new CliError('the two passphrases differ', EXIT.usage);
  return first;
}
