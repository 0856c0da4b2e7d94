/**
 * The restored vault's keyring. Runs in the vault worker.
 *
 * Fresh where freshness protects: a new vault id, master key, passphrase slot (the new
 * passphrase), recovery key and compartment keys, so every row is re-encrypted and nothing of
 * the old keyring file opens the new database. Carried over where continuity is the point: the
 * device identity (partners still recognise us), the audit key and head (the restored chain
 * verifies), the sender sequence (moved forward: see `restoredSenderSeq`) and the generation
 * counter (audit entries name the generation they were written under; a lower one would read
 * as an old keyring put back, audit-verify.ts).
 */
import { fromBase64url, fromHex } from '../../../../../shared/bundle';
import { getSodium, wipe, type UnlockedKeyring } from '../../../../../shared/crypto';
import { identityFromSecrets, verifyIdentityBinding } from '../../../../../shared/crypto/identity';
import type { KeyringBody } from '../../../../../shared/crypto/keyring-body';
import { makeKeyring, secretsOf } from '../../../../../shared/crypto/keyring-state';
import { BackupError } from '../../vault-errors';
import type { BackupVault } from './layout';

/** Decodes a value the schema already shaped; anything else is a damaged backup. */
function bytes(value: Uint8Array | undefined): Uint8Array {
  if (!value) throw new BackupError('damaged');
  return value;
}

/**
 * The sender sequence a restored vault continues from. The backup's number is only a floor:
 * bundles sent after the backup was taken used higher numbers the backup cannot know, and a
 * partner refuses a reused (sender, number) pair as a replay. So the restore moves to
 * milliseconds since 1970 (as the `sijill-bundle` tool numbers its bundles) when that is
 * higher. A vault counts up one per bundle from 1, or from the time of its last restore, so
 * every number it can have used is below now unless it sent more bundles than milliseconds
 * passed since then, or the clock is set back (docs/backup-format.md, "Restoring").
 */
function restoredSenderSeq(backedUp: number): number {
  return Math.max(backedUp, Date.now());
}

/**
 * The keyring of the restored vault: `created`'s slots, vault id and compartment keys, with
 * the backed-up identity, audit key and head, sender sequence (moved forward) and generation.
 * `created` is left as it was (the caller disposes it).
 */
export async function restoredKeyring(created: UnlockedKeyring, vault: BackupVault['vault']): Promise<UnlockedKeyring> {
  const s = await getSodium();
  const signSeed = bytes(fromBase64url(vault.identity.signSeed, 32));
  const boxSecret = bytes(fromBase64url(vault.identity.boxSecret, 32));
  const binding = bytes(fromBase64url(vault.identity.binding, 64));
  const auditKey = bytes(fromBase64url(vault.audit.key, 32));
  const headHash = bytes(fromHex(vault.audit.head, 32));
  if (vault.audit.seq === 0 && !headHash.every((byte) => byte === 0)) throw new BackupError('damaged');
  if (vault.generation >= Number.MAX_SAFE_INTEGER - 1) throw new BackupError('damaged');
  const identity = identityFromSecrets(s, signSeed, boxSecret, binding);
  wipe(signSeed, boxSecret);
  if (!verifyIdentityBinding(s, identity.signPublicKey, identity.boxPublicKey, identity.binding) || s.is_zero(auditKey)) {
    wipe(identity.signSecretKey, identity.boxSecretKey, auditKey);
    throw new BackupError('damaged');
  }
  const hidden = secretsOf(created);
  const copy = (keys: UnlockedKeyring['compartments']['general']) => ({
    current: { epoch: keys.current.epoch, key: keys.current.key.slice() },
    previous: keys.previous.map((k) => ({ epoch: k.epoch, key: k.key.slice() })),
  });
  const body: KeyringBody = {
    vaultId: created.vaultId.slice(),
    generation: vault.generation + 1,
    senderSeq: restoredSenderSeq(vault.senderSeq),
    auditKey,
    auditHead: { seq: vault.audit.seq, hash: headHash },
    identity,
    compartments: { general: copy(created.compartments.general), witness: copy(created.compartments.witness) },
  };
  return makeKeyring(body, created.kdf, {
    masterKey: hidden.masterKey.slice(),
    passphraseSlot: hidden.passphraseSlot.slice(),
    recoverySlot: hidden.recoverySlot?.slice() ?? null,
  });
}
