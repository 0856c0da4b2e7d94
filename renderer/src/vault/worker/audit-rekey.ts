/**
 * Moving the audit trail to a new key. Runs in the vault worker, as part of "my passphrase
 * may be compromised" (keyring-changes.ts): whoever holds an old keyring copy and the old
 * passphrase holds the old audit key too, and could otherwise append entries that verify.
 *
 * Order, so that every crash point leaves a trail that verifies:
 *   1. the master key was already replaced (the next audit key derives from it);
 *   2. the segment start, chained under the next key, is committed to the database;
 *   3. the keyring adopts the next key with the new head.
 * Between 2 and 3 the holder chains under the next key and adopts it with its next write; a
 * crash there is finished at unlock (audit-verify.ts recognises the tail, open-session.ts
 * adopts the key), because the keyring alone re-derives the key.
 */
import { faultPoint } from './faults';
import type { Session } from './session';

/** Starts a new chain segment under the next audit key and adopts it. Call inside `exclusive`. */
export async function startNewAuditSegment(session: Session): Promise<void> {
  const prepared = await session.audit.prepareSegmentStart();
  await session.commitAudit(prepared);
  // Before anything else chains (the write lock is held): the next entry must use the new key.
  session.holder.markNextAuditKey();
  await faultPoint(session.faults, 'rotation:audit-segment-written');
  await session.holder.flushHead();
}
