/**
 * Changes that rewrite the keyring: passphrase change (with the current passphrase, or after a
 * recovery-key unlock) and settings (which mirror the wipe policy into the lockout row). The
 * compromised-passphrase rotation is in compromise.ts, recovery keys in recovery-key-changes.ts.
 * Runs in the vault worker.
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
  UnlockFailed,
  unlockWithPassphrase,
} from '../../../../shared/crypto';
import type { VaultSettings } from '../vault-client';
import { argon2idInWorker } from './argon2id-lane';
import { PassphrasePolicyError, VaultStateError } from '../vault-errors';
import { lockoutRow } from './lockout';
import type { Session } from './session';
import { applySettings } from './settings';

/** Translates a crypto passphrase-policy error for the client; other errors pass through. */
export function policyError(error: unknown): unknown {
  return error instanceof PassphraseError ? new PassphrasePolicyError(error.code) : error;
}

/** The policy for the new passphrase, checked before any Argon2id run. */
export function checkNext(next: string): void {
  try {
    checkNewPassphrase(next);
  } catch (error) {
    throw policyError(error);
  }
}

/** Re-checks the current passphrase against the keyring file (one Argon2id run). */
export async function currentIsRight(session: Session, current: string): Promise<boolean> {
  try {
    disposeKeyring(await unlockWithPassphrase(session.holder.bytes, current, { kdf: argon2idInWorker }));
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
    await session.holder.replace(await rewrapMasterKey(session.holder.keyring, next, { kdf: argon2idInWorker }));
    await session.commit({ audit: [{ action: 'vault.passphrase-change', data: { compromised: false } }] });
    await session.holder.flushHead();
    return true;
  });
}

/**
 * A new passphrase without the old one, in a session opened with the recovery key (whoever
 * holds that key holds the master key anyway, so asking for the forgotten passphrase would
 * protect nothing). Same master key: only the passphrase slot changes. From then on the session
 * counts as opened with the new passphrase, so this cannot be repeated without it.
 */
export async function setNewPassphraseAfterRecovery(session: Session, next: string): Promise<void> {
  checkNext(next);
  await session.exclusive(async () => {
    if (session.openedWith !== 'recovery-key') throw new VaultStateError('not-recovery-session');
    await session.holder.replace(await rewrapMasterKey(session.holder.keyring, next, { kdf: argon2idInWorker }));
    await session.commit({ audit: [{ action: 'vault.passphrase-change', data: { compromised: false, afterRecovery: true } }] });
    await session.holder.flushHead();
    session.openedWith = 'passphrase';
  });
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
