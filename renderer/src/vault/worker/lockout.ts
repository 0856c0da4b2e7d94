/**
 * The failed-unlock counter. Runs in the vault worker.
 *
 * Where it lives, honestly: in the one clear row of the database (`meta`/"lockout"), next to a
 * copy of the wipe-after-N setting. It has to be readable and writable *while locked*, when no
 * key exists to encrypt or authenticate it, and the keyring file cannot take it either (its
 * body is sealed under the master key). So anyone with the disk can read it (it says "n failed
 * attempts, wipe at N") and reset it. That is acceptable only because of what it is for: a
 * deterrent against someone guessing at the keyboard of a running app. It is useless against
 * a disk image, where guessing happens offline against the keyring with no counter at all.
 * The authoritative settings stay encrypted (settings.ts); this row only mirrors the one
 * number the locked app needs.
 *
 * The attempt is counted *before* Argon2id runs, so killing the app mid-derivation does not
 * make a guess free; a successful unlock resets the counter in the same transaction that
 * writes its audit entries, including "n failed attempts since the last unlock".
 */
import type { LockoutInfo } from '../worker-api';
import type { StoredLockout, VaultDatabase } from './database';

const LOCKOUT_ID = 'lockout';

function sane(row: StoredLockout | undefined): LockoutInfo {
  const failedAttempts = row && Number.isSafeInteger(row.failedAttempts) && row.failedAttempts >= 0 ? row.failedAttempts : 0;
  const wipeAfter = row && typeof row.wipeAfter === 'number' && Number.isSafeInteger(row.wipeAfter) && row.wipeAfter > 0 ? row.wipeAfter : null;
  return { failedAttempts, wipeAfter };
}

/** The counter and the wipe policy as stored (zero and off if absent or malformed). */
export async function readLockout(db: VaultDatabase): Promise<LockoutInfo> {
  return sane(await db.meta.get(LOCKOUT_ID));
}

/** Counts one attempt before it is tried; returns the new state. */
export async function countAttempt(db: VaultDatabase): Promise<LockoutInfo> {
  return db.transaction('rw', db.meta, async () => {
    const before = sane(await db.meta.get(LOCKOUT_ID));
    const after = { failedAttempts: before.failedAttempts + 1, wipeAfter: before.wipeAfter };
    await db.meta.put({ id: LOCKOUT_ID, ...after });
    return after;
  });
}

/** Takes back an attempt that never reached the keyring (a recovery key with a typo). */
export async function uncountAttempt(db: VaultDatabase, info: LockoutInfo): Promise<void> {
  await db.meta.put({ id: LOCKOUT_ID, failedAttempts: Math.max(0, info.failedAttempts - 1), wipeAfter: info.wipeAfter });
}

/** The row after a successful unlock or a settings change (written in the caller's transaction). */
export function lockoutRow(failedAttempts: number, wipeAfter: number | null): StoredLockout {
  return { id: LOCKOUT_ID, failedAttempts, wipeAfter };
}

/** True once the attempts reached the configured limit. */
export function wipeIsDue(info: LockoutInfo): boolean {
  return info.wipeAfter !== null && info.failedAttempts >= info.wipeAfter;
}
