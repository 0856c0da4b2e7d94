/**
 * What several commands share: unlocking the KEY file, how to open a bundle (KEY or bundle
 * passphrase), which signers are trusted (identity cards given with --trust), the Argon2id cost
 * names, and how a verified bundle is described.
 */
import { readFile, stat } from 'node:fs/promises';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { MAX_CARD_CHARS, parseIdentityCard, type IdentityCard } from '../../shared/bundle/identity-card';
import type { VerifiedBundle } from '../../shared/bundle/reader';
import type { BundleUnlock } from '../../shared/bundle/unlock';
import { KDF_FLOOR, KDF_PROFILES, type KdfParams } from '../../shared/crypto/kdf-params';
import { CliError, EXIT } from '../exit-codes';
import { readKeyFile, type LabelledIdentity } from '../key-file';
import { formatSize, pathIn, type CliIo } from '../io';

/** Reads an identity card file (refusing anything larger than a card). */
export async function readCard(io: CliIo, path: string): Promise<IdentityCard> {
  const full = pathIn(io, path);
  if ((await stat(full)).size > MAX_CARD_CHARS * 4) throw new CliError(`${path} is not an identity card (too large)`, EXIT.other);
  return parseIdentityCard(await readFile(full, 'utf8'));
}

/** Opens the KEY file, asking for its passphrase (SIJILL_PASSPHRASE or the terminal). */
export function loadKey(io: CliIo, path: string): Promise<LabelledIdentity> {
  return readKeyFile(pathIn(io, path), () => io.readSecret(`Passphrase for ${path}: `, 'key'), io.err, path);
}

/** The unlock chosen by --key KEY or --passphrase (exactly one). */
export async function unlockFrom(io: CliIo, values: { key?: string | undefined; passphrase?: boolean | undefined }): Promise<BundleUnlock> {
  if (Boolean(values.key) === Boolean(values.passphrase)) throw new CliError('give exactly one of --key KEY or --passphrase', EXIT.usage);
  if (values.key) return { identity: (await loadKey(io, values.key)).identity };
  return { passphrase: await io.readSecret('Bundle passphrase: ', 'bundle') };
}

/** The trusted signers given with --trust CARD. */
export async function trustedFrom(io: CliIo, paths: readonly string[] | undefined): Promise<IdentityCard[]> {
  return Promise.all((paths ?? []).map((path) => readCard(io, path)));
}

const ARGON2: Readonly<Record<string, KdfParams>> = { moderate: KDF_PROFILES.moderate, sensitive: KDF_PROFILES.sensitive, minimum: KDF_FLOOR };

/** The help line of --argon2. */
export const ARGON2_HELP = `moderate (default: 3 passes, 256 MiB), sensitive (4 passes,
                      1 GiB) or minimum (2 passes, 19 MiB: only for slow machines)`;

/** The Argon2id cost named by --argon2 (default moderate). */
export function argon2Cost(name: string | undefined): KdfParams {
  const chosen = name ?? 'moderate';
  const params = Object.hasOwn(ARGON2, chosen) ? ARGON2[chosen] : undefined;
  if (!params) throw new CliError('--argon2 is moderate, sensitive or minimum', EXIT.usage);
  return params;
}

/** A short description of a verified bundle for people, entry by entry. */
export function describeBundle(result: VerifiedBundle): string {
  const { manifest, sender } = result;
  const records = manifest.entries.filter((e) => e.kind === 'record').length;
  const bytes = manifest.entries.reduce((n, e) => n + e.length, 0);
  const trust =
    sender.trust.status === 'verified'
      ? `TRUSTED: signed by the --trust card "${sender.trust.contact.label}"`
      : sender.trust.status === 'key-changed'
        ? `NOT TRUSTED: a key differs from the --trust card "${sender.trust.contact.label}" (changed key or impostor)`
        : 'NOT TRUSTED: the signer matches no --trust card (compare the fingerprint out of band)';
  return [
    `bundle      ${manifest.bundle_id} (sender sequence ${manifest.sender_seq})`,
    `created     ${manifest.created} (as stated by the sender)`,
    `sender      ${sender.label}`,
    `fingerprint ${humanFingerprint(sender.fingerprint)}`,
    `signature   valid; ${trust}`,
    `opened with ${result.openedWith.via === 'passphrase' ? 'the passphrase' : 'this key'} (stanza ${result.openedWith.stanza + 1} of ${manifest.recipients.length})`,
    `redaction   ${manifest.redaction}`,
    `entries     ${manifest.entries.length} (${records} records, ${manifest.entries.length - records} blobs, ${formatSize(bytes)})`,
    ...manifest.entries.map((e, i) => `  ${i + 1}. ${e.kind} ${e.type} ${JSON.stringify(e.name ?? e.id)} ${formatSize(e.length)}`),
    '',
  ].join('\n');
}
