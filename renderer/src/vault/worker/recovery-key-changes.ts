/**
 * Adding, replacing and removing the recovery key from settings. Runs in the vault worker.
 *
 * Each re-checks the current passphrase first (one Argon2id run): an unlocked, unattended
 * laptop must not be enough to mint a second way in. Same master key throughout: only the
 * recovery slot changes. Order as in keyring-changes.ts: keyring first, then its audit entry,
 * then the anchor; the new key text leaves the worker only after the keyring holding it is written.
 */
import { removeRecoveryKey as dropRecoverySlot, replaceRecoveryKey as newRecoverySlot } from '../../../../shared/crypto';
import { currentIsRight } from './keyring-changes';
import type { Session } from './session';

/** Creates a recovery key, or replaces the existing one (the old one stops working). */
export function replaceRecoveryKey(session: Session, current: string): Promise<{ ok: true; recoveryKey: string } | { ok: false }> {
  return session.exclusive(async () => {
    if (!(await currentIsRight(session, current))) return { ok: false };
    const replaced = session.holder.keyring.hasRecoveryKey;
    const result = await newRecoverySlot(session.holder.keyring);
    await session.holder.replace(result.unlocked);
    await session.commit({ audit: [{ action: 'vault.recovery-key-set', data: { replaced } }] });
    await session.holder.flushHead();
    return { ok: true, recoveryKey: result.recoveryKey };
  });
}

/** Removes the recovery key. False if `current` is wrong; true (and nothing written) if there was none. */
export function removeRecoveryKey(session: Session, current: string): Promise<boolean> {
  return session.exclusive(async () => {
    if (!(await currentIsRight(session, current))) return false;
    if (!session.holder.keyring.hasRecoveryKey) return true;
    await session.holder.replace(dropRecoverySlot(session.holder.keyring));
    await session.commit({ audit: [{ action: 'vault.recovery-key-remove', data: {} }] });
    await session.holder.flushHead();
    return true;
  });
}
