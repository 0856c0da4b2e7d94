/**
 * "My passphrase may be compromised". Runs in the vault worker.
 *
 * Whoever learned the passphrase and copied the keyring file (now or earlier) can open that
 * copy, so everything in its body counts as exposed: the master key, the compartment keys, the
 * audit key and the device identity. All of them are replaced:
 *   - new passphrase and master key (the recovery key, wrapped under the old master key, is
 *     replaced too when there was one);
 *   - new compartment epochs, every data key re-wrapped (rotation.ts);
 *   - a new device identity: partners must verify its fingerprint before exchanging bundles
 *     again; the trail records both fingerprints (the keyring keeps no old public keys);
 *   - a new audit key: the trail continues in a new segment (audit-rekey.ts), so entries forged
 *     with the old key from now on are refused.
 * From the first keyring write on, only the new passphrase opens the vault, and every crash
 * point leaves a vault that opens with it and finishes the rest at unlock.
 */
import {
  changePassphrase as rewrapMasterKey,
  constantTimeEqual,
  disposeKeyring,
  nextAuditKey,
  replaceRecoveryKey,
  rotateCompartmentKeys,
  rotateDeviceIdentity,
  wipe,
  type DeviceIdentity,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import { fingerprint, humanFingerprint } from '../../../../shared/bundle/fingerprint';
import { argon2idInWorker } from './argon2id-lane';
import { startNewAuditSegment } from './audit-rekey';
import { faultPoint } from './faults';
import { checkNext, currentIsRight } from './keyring-changes';
import { completeRotation, type ProgressListener } from './rotation';
import type { Session } from './session';

/** The fingerprint people compare (12 groups of 5 digits), as the trail records it. */
async function fingerprintOf(identity: DeviceIdentity): Promise<string> {
  return humanFingerprint(await fingerprint(identity.signPublicKey, identity.boxPublicKey));
}

/** New passphrase, master key, compartment epochs (old ones kept), identity and recovery key if any. */
async function rotatedKeyring(keyring: UnlockedKeyring, next: string): Promise<{ keyring: UnlockedKeyring; recoveryKey: string | null }> {
  const intermediate: UnlockedKeyring[] = [];
  try {
    // The recovery slot is dropped with the old master key; issue a new key if there was one.
    const rewrapped = await rewrapMasterKey(keyring, next, { rotateMasterKey: true, kdf: argon2idInWorker });
    intermediate.push(rewrapped);
    const rotated = await rotateCompartmentKeys(rewrapped);
    intermediate.push(rotated);
    const renewed = await rotateDeviceIdentity(rotated);
    if (!keyring.hasRecoveryKey) return { keyring: renewed, recoveryKey: null };
    intermediate.push(renewed);
    const replaced = await replaceRecoveryKey(renewed);
    return { keyring: replaced.unlocked, recoveryKey: replaced.recoveryKey };
  } finally {
    for (const k of intermediate) disposeKeyring(k);
  }
}

/** Runs the rotation; `onProgress` follows the re-wrapping of data keys. */
export async function reportCompromised(
  session: Session,
  current: string,
  next: string,
  onProgress?: ProgressListener,
): Promise<{ ok: true; recoveryKey: string | null } | { ok: false }> {
  checkNext(next);
  const started = await session.exclusive(async () => {
    if (!(await currentIsRight(session, current))) return null;
    // A next audit key still waiting derives from the master key about to change: adopt it first.
    await session.holder.flushHead();
    const previous = await fingerprintOf(session.holder.keyring.identity);
    const rotated = await rotatedKeyring(session.holder.keyring, next);
    await session.holder.replace(rotated.keyring);
    await faultPoint(session.faults, 'rotation:keyring-written');
    const keyring = session.holder.keyring;
    const epochs = { general: keyring.compartments.general.current.epoch, witness: keyring.compartments.witness.current.epoch };
    await session.commit({
      audit: [
        { action: 'vault.passphrase-change', data: { compromised: true } },
        { action: 'vault.identity-rotate', data: { previous, current: await fingerprintOf(keyring.identity) } },
        { action: 'vault.rotate-start', data: epochs },
      ],
    });
    await startNewAuditSegment(session);
    return { recoveryKey: rotated.recoveryKey };
  });
  if (!started) return { ok: false };
  await finishRotation(session, onProgress);
  return { ok: true, recoveryKey: started.recoveryKey };
}

/** True once the keyring holds the audit key derived from its (new) master key, or is about to. */
async function auditKeyRotated(session: Session): Promise<boolean> {
  const chainKey = await session.holder.chainKey();
  const next = await nextAuditKey(session.holder.keyring);
  try {
    return constantTimeEqual(chainKey, next);
  } finally {
    wipe(chainKey, next);
  }
}

/**
 * The rest of a rotation, also when resumed at unlock (vault-engine.ts): a crash right after
 * the first keyring write left the old audit key in place, so the new segment starts here if it
 * has not yet; then every data key is re-wrapped and the old epochs retired.
 */
export async function finishRotation(session: Session, onProgress?: ProgressListener): Promise<void> {
  await session.exclusive(async () => {
    if (!(await auditKeyRotated(session))) await startNewAuditSegment(session);
  });
  await completeRotation(session, onProgress);
}
