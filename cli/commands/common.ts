/**
 * What several commands share: how to unlock (identity file or passphrase), which senders are
 * pinned (identity cards given with --sender), and how a verified bundle is described.
 */
import { readFile, stat } from 'node:fs/promises';
import { humanFingerprint } from '../../shared/bundle/fingerprint';
import { MAX_CARD_CHARS, parseIdentityCard, type IdentityCard } from '../../shared/bundle/identity-card';
import type { VerifiedBundle } from '../../shared/bundle/reader';
import type { BundleUnlock } from '../../shared/bundle/unlock';
import { CliError, EXIT } from '../exit-codes';
import { readIdentityFile } from '../identity-file';
import { formatSize, pathIn, type CliIo } from '../io';

/** Reads an identity card file (refusing anything larger than a card). */
export async function readCard(io: CliIo, path: string): Promise<IdentityCard> {
  const full = pathIn(io, path);
  if ((await stat(full)).size > MAX_CARD_CHARS * 4) throw new CliError(`${path} is not an identity card (too large)`, EXIT.file);
  return parseIdentityCard(await readFile(full, 'utf8'));
}

/** The unlock chosen by --identity FILE or --passphrase (exactly one). */
export async function unlockFrom(io: CliIo, values: { identity?: string | undefined; passphrase?: boolean | undefined }): Promise<BundleUnlock> {
  if (Boolean(values.identity) === Boolean(values.passphrase)) throw new CliError('give exactly one of --identity FILE or --passphrase', EXIT.usage);
  if (values.identity) return { identity: (await readIdentityFile(pathIn(io, values.identity), io.err)).identity };
  return { passphrase: await io.readSecret('Bundle passphrase: ') };
}

/** The pinned, verified senders given with --sender CARD. */
export async function pinnedFrom(io: CliIo, paths: readonly string[] | undefined): Promise<IdentityCard[]> {
  return Promise.all((paths ?? []).map((path) => readCard(io, path)));
}

/** A short description of a verified bundle for people. */
export function describeBundle(result: VerifiedBundle): string {
  const { manifest, sender } = result;
  const records = manifest.entries.filter((e) => e.kind === 'record').length;
  const bytes = manifest.entries.reduce((n, e) => n + e.length, 0);
  const trust =
    sender.trust.status === 'verified'
      ? `VERIFIED: signed by the pinned card "${sender.trust.contact.label}"`
      : sender.trust.status === 'key-changed'
        ? `NOT VERIFIED: a key differs from the pinned card "${sender.trust.contact.label}" (changed key or impostor)`
        : 'NOT VERIFIED: the signer matches no pinned card (compare the fingerprint out of band)';
  return [
    `bundle      ${manifest.bundle_id} (sender sequence ${manifest.sender_seq})`,
    `created     ${manifest.created} (as stated by the sender)`,
    `sender      ${sender.label}`,
    `fingerprint ${humanFingerprint(sender.fingerprint)}`,
    `signature   valid; ${trust}`,
    `opened with ${result.openedWith.via === 'passphrase' ? 'the passphrase' : 'this identity'} (stanza ${result.openedWith.stanza + 1} of ${manifest.recipients.length})`,
    `entries     ${manifest.entries.length} (${records} records, ${manifest.entries.length - records} blobs, ${formatSize(bytes)})`,
    `redaction   ${manifest.redaction}`,
    '',
  ].join('\n');
}
