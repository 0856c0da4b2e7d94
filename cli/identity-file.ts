/**
 * The CLI's secret identity file (the desktop app keeps its identity in the keyring instead):
 *
 *   -----BEGIN SIJILL SECRET IDENTITY-----
 *   version: 1
 *   label: <label>
 *   secret: <base64url of sign_seed[32] || box_secret_key[32], 86 chars>
 *   -----END SIJILL SECRET IDENTITY-----
 *
 * Written once with mode 0600 and never overwritten. The binding signature is recomputed from
 * the seed (Ed25519 is deterministic), so the file carries nothing derivable.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { formatArmor, parseArmor } from '../shared/bundle/armor';
import { fromBase64url, toBase64url } from '../shared/bundle/encoding';
import { labelProblem } from '../shared/bundle/labels';
import { BUNDLE_LIMITS } from '../shared/bundle/limits';
import { identityBindingMessage, type DeviceIdentity } from '../shared/crypto/identity';
import { getSodium, wipe } from '../shared/crypto/sodium';
import { CliError, EXIT } from './exit-codes';

const TITLE = 'SIJILL SECRET IDENTITY';
const FIELDS = ['version', 'label', 'secret'] as const;

/** An identity with its label, as the CLI uses it. */
export interface LabelledIdentity {
  readonly label: string;
  readonly identity: DeviceIdentity;
}

/** Builds the identity from the two 32-byte secrets. */
async function fromSecrets(signSeed: Uint8Array, boxSecretKey: Uint8Array): Promise<DeviceIdentity> {
  const s = await getSodium();
  const sign = s.crypto_sign_seed_keypair(signSeed);
  const boxPublicKey = s.crypto_scalarmult_base(boxSecretKey);
  const binding = s.crypto_sign_detached(identityBindingMessage(sign.publicKey, boxPublicKey), sign.privateKey);
  return { signPublicKey: sign.publicKey, signSecretKey: sign.privateKey, boxPublicKey, boxSecretKey: boxSecretKey.slice(), binding };
}

/** Generates a new identity (CSPRNG). */
export async function generateIdentity(label: string): Promise<LabelledIdentity> {
  const problem = labelProblem(label, BUNDLE_LIMITS.maxLabelChars);
  if (problem) throw new CliError(`the label is ${problem}`, EXIT.usage);
  const s = await getSodium();
  const signSeed = s.randombytes_buf(32);
  const boxSecretKey = s.randombytes_buf(32);
  try {
    return { label, identity: await fromSecrets(signSeed, boxSecretKey) };
  } finally {
    wipe(signSeed, boxSecretKey);
  }
}

/** Writes the secret file with mode 0600; refuses to overwrite anything. */
export async function writeIdentityFile(path: string, { label, identity }: LabelledIdentity): Promise<void> {
  const secret = new Uint8Array(64);
  secret.set(identity.signSecretKey.subarray(0, 32), 0);
  secret.set(identity.boxSecretKey, 32);
  try {
    const text = formatArmor(TITLE, [
      ['version', '1'],
      ['label', label],
      ['secret', toBase64url(secret)],
    ]);
    // 'wx': a new file only (an existing identity is never replaced); the umask can only narrow 0600.
    await writeFile(path, text, { mode: 0o600, flag: 'wx' });
  } finally {
    wipe(secret);
  }
}

/** Reads and checks a secret identity file. Warns (via `warn`) if others can read it. */
export async function readIdentityFile(path: string, warn: (text: string) => void): Promise<LabelledIdentity> {
  const info = await stat(path);
  if (info.size > 4096) throw new CliError(`${path} is not a Sijill identity file (too large)`, EXIT.file);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) warn(`warning: ${path} is readable by other users; run: chmod 600 ${path}\n`);
  const fields = parseArmor(await readFile(path, 'utf8'), TITLE, FIELDS, 4096);
  const secret = fields?.version === '1' ? fromBase64url(fields.secret, 64) : undefined;
  if (!fields || !secret || labelProblem(fields.label, BUNDLE_LIMITS.maxLabelChars)) throw new CliError(`${path} is not a valid Sijill identity file`, EXIT.file);
  try {
    return { label: fields.label, identity: await fromSecrets(secret.subarray(0, 32), secret.subarray(32)) };
  } finally {
    wipe(secret);
  }
}
