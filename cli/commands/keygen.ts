/** `sijill-bundle keygen`: a new identity secret file (0600) and its identity card. */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fingerprint, humanFingerprint } from '../../shared/bundle/fingerprint';
import { formatIdentityCard } from '../../shared/bundle/identity-card';
import { CliError, EXIT } from '../exit-codes';
import { generateIdentity, writeIdentityFile } from '../identity-file';
import { pathIn, type CliIo } from '../io';

/** `keygen --help`. */
export const KEYGEN_HELP = `Usage: sijill-bundle keygen --label LABEL --out SECRET-FILE [--card CARD-FILE]

Creates a new identity (an Ed25519 signing key and an X25519 box key). Writes the secret to
SECRET-FILE with mode 0600 (never overwriting a file) and prints the identity card, which is
public: send it to your partners, and compare the fingerprint with them out of band.
  --label LABEL      how partners will see you (a label, not proof of anything)
  --out FILE         where to write the secret identity (keep it private)
  --card FILE        also write the identity card to FILE
`;

/** Runs `keygen`. */
export async function keygen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { label: { type: 'string' }, out: { type: 'string' }, card: { type: 'string' } } });
  if (!values.label || !values.out) throw new CliError('keygen needs --label and --out', EXIT.usage);
  const created = await generateIdentity(values.label);
  const card = await formatIdentityCard(created.identity, created.label);
  if (values.card) await writeFile(pathIn(io, values.card), card, { flag: 'wx' });
  await writeIdentityFile(pathIn(io, values.out), created);
  const fpr = humanFingerprint(await fingerprint(created.identity.signPublicKey, created.identity.boxPublicKey));
  io.out(`${card}\nFingerprint: ${fpr}\nSecret identity written to ${values.out} (keep it private).\n`);
  return EXIT.ok;
}
