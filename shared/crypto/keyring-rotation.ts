/**
 * What "my passphrase may be compromised" replaces besides the master and compartment keys:
 * the audit key and the device identity. Anyone holding an old keyring copy and the old
 * passphrase holds both, so both are treated as exposed. Like keyring-updates.ts, each change
 * returns a new keyring (generation advanced); write it, then dispose the old value.
 */
import type { AuditHead } from './audit-chain';
import { createIdentity } from './identity';
import { checkForwardHead } from './keyring-updates';
import { deriveKeyring, secretsOf, type UnlockedKeyring } from './keyring-state';
import { constantTimeEqual, getSodium, wipe, type RandomOptions } from './sodium';
import { deriveSubkey, SUBKEYS } from './subkeys';

/**
 * A new Ed25519 signing key and X25519 box key with a new binding signature. The old identity
 * does not sign the new one: its secret keys count as exposed, so a signature by them proves
 * nothing, and partners must compare the new fingerprint out of band. The old public keys are
 * not kept in the keyring (nothing there needs them); the audit trail records both fingerprints.
 */
export async function rotateDeviceIdentity(unlocked: UnlockedKeyring, options: RandomOptions = {}): Promise<UnlockedKeyring> {
  const s = await getSodium();
  secretsOf(unlocked);
  return deriveKeyring(unlocked, { identity: createIdentity(s, options.random) });
}

/**
 * The audit key the next audit-key rotation moves to: kdf(master key, 1, "SJK1audt"). It is
 * derived rather than drawn so that a crash after the new segment's first entry reached the
 * database, but before the keyring adopted the key, loses nothing: the keyring re-derives it.
 * Rotate the master key first (`changePassphrase` with `rotateMasterKey`), or this is the key
 * already adopted. The caller wipes the result.
 */
export async function nextAuditKey(unlocked: UnlockedKeyring): Promise<Uint8Array> {
  const s = await getSodium();
  return deriveSubkey(s, secretsOf(unlocked).masterKey, SUBKEYS.nextAuditKey);
}

/**
 * Switches the keyring to `nextAuditKey` with `head` (the chain after the new segment's first
 * entry, from `startAuditSegment`). The head only moves forward (`KeyringStateError('audit-rollback')`).
 * Adopting the key already in force just records the head.
 */
export async function adoptNextAuditKey(unlocked: UnlockedKeyring, head: AuditHead): Promise<UnlockedKeyring> {
  checkForwardHead(unlocked, head);
  const key = await nextAuditKey(unlocked);
  const auditHead = { seq: head.seq, hash: head.hash.slice() };
  if (constantTimeEqual(key, unlocked.auditKey)) {
    wipe(key);
    return deriveKeyring(unlocked, { auditHead });
  }
  return deriveKeyring(unlocked, { auditKey: key, auditHead });
}
