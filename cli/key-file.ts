/**
 * The CLI's secret key file, `NAME.sijill-key` (the desktop app keeps its identity in the
 * keyring instead). The two 32-byte secrets are sealed under a key derived from a passphrase,
 * so a copied file alone opens nothing:
 *
 *   -----BEGIN SIJILL SECRET KEY-----
 *   version: 1
 *   label: <label>
 *   ops: <Argon2id passes>
 *   mem: <Argon2id memory in bytes>
 *   salt: <base64url, 16 bytes>
 *   nonce: <base64url, 24 bytes>
 *   sealed: <base64url of XChaCha20-Poly1305(sign_seed[32] || box_secret_key[32]), 80 bytes>
 *   -----END SIJILL SECRET KEY-----
 *
 * key = Argon2id(NFC passphrase, salt, ops, mem); the associated data binds version, label and
 * cost, so none of them can be edited without the passphrase. The Argon2id cost is bounded
 * (KDF_FLOOR..KDF_CAP) before anything runs: a crafted file cannot demand 4 GiB. Written once
 * with mode 0600 and never overwritten. The binding signature is recomputed from the seed
 * (Ed25519 is deterministic), so the file carries nothing derivable.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatArmor, parseArmor } from '../shared/bundle/armor';
import { fromBase64url, toBase64url } from '../shared/bundle/encoding';
import { labelProblem } from '../shared/bundle/labels';
import { BUNDLE_LIMITS } from '../shared/bundle/limits';
import { aeadOpen, aeadSeal } from '../shared/crypto/aead';
import { identityBindingMessage, type DeviceIdentity } from '../shared/crypto/identity';
import { argon2id, validateKdfParams, type KdfParams } from '../shared/crypto/kdf-params';
import { passphraseBytes } from '../shared/crypto/passphrase';
import { getSodium, wipe } from '../shared/crypto/sodium';
import { CliError, EXIT } from './exit-codes';

const TITLE = 'SIJILL SECRET KEY';
const FIELDS = ['version', 'label', 'ops', 'mem', 'salt', 'nonce', 'sealed'] as const;
const MAX_FILE_CHARS = 4096;
const SECRET_BYTES = 64;

/** An identity with its label, as the CLI uses it. */
export interface LabelledIdentity {
  readonly label: string;
  readonly identity: DeviceIdentity;
}

/** What the AEAD authenticates besides the secrets: everything a person could edit in the file. */
function associatedData(label: string, { ops, mem }: KdfParams): Uint8Array {
  return new TextEncoder().encode(`SJ-KEY-1\n${ops}\n${mem}\n${label}`);
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
  if (problem) throw new CliError(`the label is ${problem} (choose one with --label)`, EXIT.usage);
  const s = await getSodium();
  const signSeed = s.randombytes_buf(32);
  const boxSecretKey = s.randombytes_buf(32);
  try {
    return { label, identity: await fromSecrets(signSeed, boxSecretKey) };
  } finally {
    wipe(signSeed, boxSecretKey);
  }
}

/**
 * The text of a key file for `identity`, sealed under `passphrase` (which must satisfy the
 * policy for a new passphrase: a `PassphraseError` otherwise) at Argon2id cost `kdf`.
 */
export async function formatKeyFile({ label, identity }: LabelledIdentity, passphrase: string, kdf: KdfParams): Promise<string> {
  const s = await getSodium();
  const params = validateKdfParams(kdf);
  const secret = new Uint8Array(SECRET_BYTES);
  const pass = passphraseBytes(passphrase, 'new');
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const nonce = s.randombytes_buf(s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  let key: Uint8Array | undefined;
  try {
    secret.set(identity.signSecretKey.subarray(0, 32), 0);
    secret.set(identity.boxSecretKey, 32);
    key = argon2id(s, pass, salt, params);
    const sealed = aeadSeal(s, key, nonce, secret, associatedData(label, params));
    return formatArmor(TITLE, [
      ['version', '1'],
      ['label', label],
      ['ops', String(params.ops)],
      ['mem', String(params.mem)],
      ['salt', toBase64url(salt)],
      ['nonce', toBase64url(nonce)],
      ['sealed', toBase64url(sealed)],
    ]);
  } finally {
    wipe(secret, pass, key);
  }
}

/** A number field of the file, or undefined unless it is a plain decimal integer. */
function integer(text: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : undefined;
}

/**
 * Reads a key file and opens it with the passphrase `ask` returns (asked only once the file
 * parsed). Warns (via `warn`) if others can read it. A wrong passphrase and a damaged file look
 * the same (the AEAD cannot tell them apart): exit 1, never 3, since the bundle is not at fault.
 * Messages name the file as `shown` (what the person typed).
 */
export async function readKeyFile(path: string, ask: () => Promise<string>, warn: (text: string) => void, shown = path): Promise<LabelledIdentity> {
  const info = await stat(path);
  if (!info.isFile() || info.size > MAX_FILE_CHARS) throw new CliError(`${shown} is not a Sijill key file`, EXIT.other);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) warn(`warning: ${shown} is readable by other users; run: chmod 600 ${shown}\n`);
  const fields = parseArmor(await readFile(path, 'utf8'), TITLE, FIELDS, MAX_FILE_CHARS);
  const s = await getSodium();
  const ops = integer(fields?.ops ?? '');
  const mem = integer(fields?.mem ?? '');
  const salt = fields ? fromBase64url(fields.salt, s.crypto_pwhash_SALTBYTES) : undefined;
  const nonce = fields ? fromBase64url(fields.nonce, s.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES) : undefined;
  const sealed = fields ? fromBase64url(fields.sealed, SECRET_BYTES + s.crypto_aead_xchacha20poly1305_ietf_ABYTES) : undefined;
  if (!fields || fields.version !== '1' || !ops || !mem || !salt || !nonce || !sealed || labelProblem(fields.label, BUNDLE_LIMITS.maxLabelChars)) {
    throw new CliError(`${shown} is not a valid Sijill key file`, EXIT.other);
  }
  let params: KdfParams;
  try {
    params = validateKdfParams({ ops, mem });
  } catch {
    throw new CliError(`${shown} asks for an Argon2id cost outside the allowed range`, EXIT.other);
  }
  const pass = passphraseBytes(await ask(), 'unlock');
  let key: Uint8Array | undefined;
  let secret: Uint8Array | null = null;
  try {
    key = argon2id(s, pass, salt, params);
    secret = aeadOpen(s, key, nonce, sealed, associatedData(fields.label, params));
    if (!secret) throw new CliError(`wrong passphrase for ${shown} (or the key file is damaged)`, EXIT.other);
    return { label: fields.label, identity: await fromSecrets(secret.subarray(0, 32), secret.subarray(32)) };
  } finally {
    wipe(pass, key, secret);
  }
}
