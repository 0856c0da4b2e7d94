/**
 * `sijill-bundle keygen --out NAME`: a new identity as NAME.sijill-key (secret, sealed under a
 * passphrase, mode 0600) and NAME.sijill-id (the public identity card). Both files or neither:
 * each is written to a temporary file and moved into place without replacing anything; if the
 * second cannot be placed, the first is removed again.
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { fingerprint, humanFingerprint } from '../../shared/bundle/fingerprint';
import { formatIdentityCard } from '../../shared/bundle/identity-card';
import { checkNewPassphrase } from '../../shared/crypto/passphrase';
import { CliError, EXIT } from '../exit-codes';
import { pathIn, type CliIo } from '../io';
import { formatKeyFile, generateIdentity } from '../key-file';
import { mustNotExist, writeNewFile } from '../output';
import { ARGON2_HELP, argon2Cost } from './common';

/** The two file names keygen writes for NAME. */
export const KEY_SUFFIX = '.sijill-key';
export const CARD_SUFFIX = '.sijill-id';

/** `keygen --help`. */
export const KEYGEN_HELP = `Usage: sijill-bundle keygen --out NAME [--label LABEL] [--argon2 COST]

Creates a new identity (an Ed25519 signing key and an X25519 box key) and writes two new files
(never replacing one; both or neither):
  NAME${KEY_SUFFIX}   the secret key, sealed under a passphrase you choose (12+ characters),
                    mode 0600: keep it private; use it as --key KEY
  NAME${CARD_SUFFIX}    the public identity card: send it to your partners; they use it as
                    --to CARD and --trust CARD
and prints the fingerprint, to compare with partners out of band (phone, in person).
  --out NAME          where to write the two files
  --label LABEL       how partners will see you (default: the last part of NAME)
  --argon2 COST       passphrase cost: ${ARGON2_HELP}
The passphrase is asked twice without echo, or taken from SIJILL_PASSPHRASE.
`;

/** One chunk as a stream, for writeNewFile. */
async function* once(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

/** Runs `keygen`. */
export async function keygen(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { out: { type: 'string' }, label: { type: 'string' }, argon2: { type: 'string' } } });
  if (!values.out || positionals.length > 0) throw new CliError('keygen needs --out NAME (and no other arguments)', EXIT.usage);
  const kdf = argon2Cost(values.argon2);
  const keyPath = pathIn(io, values.out + KEY_SUFFIX);
  const cardPath = pathIn(io, values.out + CARD_SUFFIX);
  await mustNotExist(keyPath);
  await mustNotExist(cardPath);
  const created = await generateIdentity(values.label ?? basename(values.out));
  const passphrase = checkNewPassphrase(await io.readSecret(`New passphrase for ${values.out}${KEY_SUFFIX}: `, 'key', { confirm: true }));
  const keyText = await formatKeyFile(created, passphrase, kdf);
  const card = await formatIdentityCard(created.identity, created.label);
  await writeNewFile(keyPath, once(keyText));
  try {
    await writeNewFile(cardPath, once(card));
  } catch (error) {
    await rm(keyPath, { force: true });
    throw error;
  }
  const fpr = humanFingerprint(await fingerprint(created.identity.signPublicKey, created.identity.boxPublicKey));
  io.out(
    [
      `fingerprint ${fpr}`,
      `label       ${created.label}`,
      `key         ${values.out}${KEY_SUFFIX} (secret: keep it private; it opens with your passphrase)`,
      `card        ${values.out}${CARD_SUFFIX} (public: send it to partners, compare the fingerprint out of band)`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
