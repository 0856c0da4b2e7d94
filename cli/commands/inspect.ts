/** `sijill-bundle inspect`: the header of a bundle, without any key. */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { inspectBundle } from '../../shared/bundle/inspect';
import { CliError, EXIT } from '../exit-codes';
import { fileBytes, formatSize, pathIn, type CliIo } from '../io';

/** `inspect --help`. */
export const INSPECT_HELP = `Usage: sijill-bundle inspect BUNDLE

Shows the header of BUNDLE (version, recipient stanzas, Argon2id cost, sizes) without any key.
Nothing shown is authenticated: the header MAC needs a key (use verify).
`;

const MiB = 1024 * 1024;

/** Runs `inspect`. */
export async function inspect(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new CliError('inspect needs exactly one BUNDLE', EXIT.usage);
  const path = pathIn(io, positionals[0] ?? '');
  const size = (await stat(path)).size;
  const info = await inspectBundle(fileBytes(path), size);
  const lines = [
    `format      sijill-bundle/${info.version} (header not authenticated: no key given)`,
    `size        ${formatSize(size)} (header ${info.headerBytes} bytes)`,
    `header hash ${info.headerHash}`,
    `stanzas     ${info.stanzas.length}`,
    ...info.stanzas.map((st, i) => `  ${i + 1}. ${st.type === 'x25519' ? 'X25519 recipient (sealed: who it is for is not visible)' : `passphrase (Argon2id, ${st.ops} passes, ${st.mem / MiB} MiB)`}`),
  ];
  if (info.payload) {
    lines.push(`payload     ${info.payload.chunks} chunks, ${info.payload.plaintextBytes === undefined ? 'size not that of a complete stream (cut or padded)' : `${formatSize(info.payload.plaintextBytes)} of plaintext`}`);
  }
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
