/**
 * The CLI's contact with the outside, as one interface so commands run in-process in tests:
 * output streams, the secret prompt, and the working directory. `nodeIo()` is the real one.
 */
import { createReadStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { readSecretFromTerminal, type SecretKind } from './secret-prompt';

/** What a command may use besides the file system. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Reads a secret of `kind` from its environment variable or the terminal (no echo). Never from argv. */
  readSecret(prompt: string, kind: SecretKind, options?: { confirm?: boolean }): Promise<string>;
}

/** The real process: stdout, stderr, the environment or the terminal for secrets. */
export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readSecret: (prompt, kind, options) => readSecretFromTerminal(prompt, kind, options),
  };
}

/** `path` resolved against the CLI's working directory. */
export function pathIn(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/**
 * Streams a file in 1 MiB reads (never the whole file in memory). Reads much smaller than that
 * cost a system call and a promise each, and a 65,553-byte bundle chunk would straddle two of
 * every 64 KiB read and need a copy to join; at 1 MiB only one chunk in 16 does.
 */
export function fileBytes(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** Human size: bytes, KiB, MiB, GiB. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
