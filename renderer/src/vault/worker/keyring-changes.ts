/**
 * Changes that rewrite the keyring: passphrase change, the compromised-passphrase rotation,
 * and settings (which mirror the wipe policy into the lockout row). Runs in the vault worker.
 *
 * Order for each: act, then audit, then anchor. The keyring is written first because it is
 * the change; its audit entry follows in the database and the head is flushed at once. A
 * crash between the two leaves a change without its entry rather than an entry claiming a
 * change that never happened.
 */
import {
  changePassphrase as rewrapMasterKey,
  checkNewPassphrase,
  disposeKeyring,
  KdfError,
  KeyringFormatError,
  PassphraseError,
  replaceRecoveryKey,
  rotateCompartmentKeys,
  UnlockFailed,
  unlockWithPassphrase,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import type { VaultSettings } from '../vault-client';
import { PassphrasePolicyError } from '../vault-errors';
import { faultPoint } from './faults';
import { lockoutRow } from './lockout';
import { completeRotation } from './rotation';
import type { Session } from './session';
import { applySettings } from './settings';

/** Translates a crypto passphrase-policy error for the client; other errors pass through. */
export function policyError(error: unknown): unknown {
  return error instanceof PassphraseError ? new PassphrasePolicyError(error.code) : error;
}

/** The policy for the new passphrase, checked before any Argon2id run. */
function checkNext(next: string): void {
  try {
    checkNewPassphrase(next);
  } catch (error) {
    throw policyError(error);
  }
}

/** Re-checks the current passphrase against the keyring file (one Argon2id run). */
async function currentIsRight(session: Session, current: string): Promise<boolean> {
  try {
    disposeKeyring(await unlockWithPassphrase(session.holder.bytes, current));
    return true;
  } catch (error) {
    if (error instanceof UnlockFailed || error instanceof PassphraseError || error instanceof KeyringFormatError || error instanceof KdfError) return false;
    throw error;
  }
}

/** New passphrase, same master key: only the passphrase slot changes. */
export async function changePassphrase(session: Session, current: string, next: string): Promise<boolean> {
  checkNext(next);
  return session.exclusive(async () => {
    if (!(await currentIsRight(session, current))) return false;
    await session.holder.replace(await rewrapMasterKey(session.holder.keyring, next));
    await session.commit({ audit: [{ action: 'vault.passphrase-change', data: { compromised: false } }] });
    await session.holder.flushHead();
    return true;
  });
}

/** New passphrase, master key, compartment epochs (old ones kept) and recovery key if any. */
async function rotatedKeyring(keyring: UnlockedKeyring, next: string): Promise<{ keyring: UnlockedKeyring; recoveryKey: string | null }> {
  const intermediate: UnlockedKeyring[] = [];
  try {
    // The recovery slot is dropped with the old master key; issue a new key if there was one.
    const rewrapped = await rewrapMasterKey(keyring, next, { rotateMasterKey: true });
    intermediate.push(rewrapped);
    const rotated = await rotateCompartmentKeys(rewrapped);
    if (!keyring.hasRecoveryKey) return { keyring: rotated, recoveryKey: null };
    intermediate.push(rotated);
    const replaced = await replaceRecoveryKey(rotated);
    return { keyring: replaced.unlocked, recoveryKey: replaced.recoveryKey };
  } finally {
    for (const k of intermediate) disposeKeyring(k);
  }
}

/**
 * "My passphrase may be compromised": step 1 of the rotation (rotation.ts) under the new
 * passphrase, then steps 2–3. From the first keyring write on, only the new passphrase opens
 * the vault, and every crash point leaves a vault that opens with it.
 */
export async function reportCompromised(session: Session, current: string, next: string): Promise<{ ok: true; recoveryKey: string | null } | { ok: false }> {
  checkNext(next);
  const started = await session.exclusive(async () => {
    if (!(await currentIsRight(session, current))) return null;
    const rotated = await rotatedKeyring(session.holder.keyring, next);
    await session.holder.replace(rotated.keyring);
    await faultPoint(session.faults, 'rotation:keyring-written');
    const epochs = { general: rotated.keyring.compartments.general.current.epoch, witness: rotated.keyring.compartments.witness.current.epoch };
    await session.commit({
      audit: [
        { action: 'vault.passphrase-change', data: { compromised: true } },
        { action: 'vault.rotate-start', data: epochs },
      ],
    });
    await session.holder.flushHead();
    return { recoveryKey: rotated.recoveryKey };
  });
  if (!started) return { ok: false };
  await completeRotation(session);
  return { ok: true, recoveryKey: started.recoveryKey };
}

/** Applies and stores settings; the wipe policy's clear mirror changes in the same transaction. */
export function updateSettings(session: Session, changes: Partial<VaultSettings>): Promise<VaultSettings> {
  return session.exclusive(async () => {
    const before = session.settings;
    const next = applySettings(before, changes);
    const changed = (Object.keys(next) as (keyof VaultSettings)[]).filter((key) => next[key] !== before[key]);
    if (changed.length === 0) return before;
    await session.commit({
      settings: next,
      lockout: lockoutRow(0, next.wipeAfterFailedUnlocks),
      audit: [{ action: 'settings.update', data: { changed, ...next } }],
    });
    // Disabling the wipe policy is exactly what an intruder would do: anchor it at once.
    if (changed.includes('wipeAfterFailedUnlocks')) await session.holder.flushHead();
    return next;
  });
}
