/**
 * Finding our stanza: with an identity, try every X25519 stanza (sealed boxes do not say whom
 * they are for); with a passphrase, the single passphrase stanza, whose Argon2id parameters
 * were already bounded when the header was parsed. At most one Argon2id run per bundle.
 */
import type { DeviceIdentity } from '../crypto/identity';
import type { PassphraseKdf } from '../crypto/kdf-params';
import { passphraseBytes } from '../crypto/passphrase';
import { type Sodium, wipe } from '../crypto/sodium';
import { BundleError } from './errors';
import type { BundleHeader } from './header';
import { openPassphraseStanza, openX25519Stanza } from './stanzas';

/** How the reader opens a bundle: our device identity, or a passphrase (backups). */
export type BundleUnlock =
  | { readonly identity: Pick<DeviceIdentity, 'signPublicKey' | 'boxPublicKey' | 'boxSecretKey'> }
  | { readonly passphrase: string };

/** The file key and which stanza gave it. The caller wipes `fileKey`. */
export interface Unlocked {
  readonly fileKey: Uint8Array;
  readonly stanza: number;
  readonly via: 'identity' | 'passphrase';
}

/**
 * Opens the file key from `header` with `unlock`, or throws a `not-for-us` BundleError. `kdf`:
 * where a passphrase's Argon2id runs (default: this thread).
 */
export async function unlockFileKey(s: Sodium, header: BundleHeader, unlock: BundleUnlock, kdf?: PassphraseKdf): Promise<Unlocked> {
  if ('identity' in unlock) {
    const { boxPublicKey, boxSecretKey } = unlock.identity;
    for (const [index, stanza] of header.stanzas.entries()) {
      if (stanza.type !== 1) continue;
      const fileKey = openX25519Stanza(s, stanza.body, boxPublicKey, boxSecretKey);
      if (fileKey) return { fileKey, stanza: index, via: 'identity' };
    }
    throw new BundleError('not-a-recipient', 'this bundle is not addressed to this identity (no recipient stanza opens with its key)');
  }
  const index = header.stanzas.findIndex((stanza) => stanza.type === 2);
  const stanza = header.stanzas[index];
  if (!stanza) throw new BundleError('no-passphrase-stanza', 'this bundle cannot be opened with a passphrase');
  let secret: Uint8Array;
  try {
    secret = passphraseBytes(unlock.passphrase, 'unlock');
  } catch (cause) {
    throw new BundleError('invalid-input', 'the passphrase is not well-formed text or is too long', { cause });
  }
  try {
    const fileKey = await openPassphraseStanza(s, stanza.body, secret, kdf);
    if (!fileKey) throw new BundleError('wrong-passphrase', 'the passphrase does not open this bundle (wrong passphrase or damaged stanza)');
    return { fileKey, stanza: index, via: 'passphrase' };
  } finally {
    wipe(secret);
  }
}
