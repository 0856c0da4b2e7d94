/**
 * The audit-chain check deferred past unlock (open-session.ts says when): the same check as at
 * opening, run in the background of the open session. Runs in the vault worker.
 *
 * It verifies exactly what an up-front check would have: the rows that existed at opening,
 * against the anchor, audit key, keyring generation and row generations the session opened
 * with (copies: the keyring moves on). Rows this session writes meanwhile are left out (the
 * audit log records their ids before they can reach the database), so saves need not wait for
 * it: they chain onto the anchored head, which the keyring authenticates. No next audit key is
 * needed: a rotation's tail can only exist where rows are missing, which the check reports
 * before it looks at any tail.
 *
 * Rows are read and opened in batches of AUDIT_BATCH, each under the session's write lock (a
 * rotation re-wrapping rows never interleaves with one) and each after `pause` (background.ts:
 * requests from the UI first). A lock stops it between batches.
 */
import { getSodium, wipe, type AuditHead } from '../../../../shared/crypto';
import type { AuditWarning } from '../vault-client';
import { LockedError } from '../vault-errors';
import { bySeq, openAuditRow, type LoadedAudit } from './audit-log';
import { checkAudit, type GenerationMap } from './audit-verify';
import type { StoredObject } from './database';
import type { Session } from './session';

/**
 * Audit rows read and opened per batch: about 10 ms of work on an idle machine, so a request
 * from the UI that arrives during a batch waits little.
 */
export const AUDIT_BATCH = 250;

/** What the deferred check verifies against, copied at opening. */
export interface OpeningAnchor {
  readonly auditKey: Uint8Array;
  readonly auditHead: AuditHead;
  readonly generation: number;
  readonly generations: GenerationMap;
}

/** Copies what the check needs of the keyring as it was opened; `forget` wipes the copies. */
export function anchorAtOpening(keyring: { readonly auditKey: Uint8Array; readonly auditHead: AuditHead; readonly generation: number }, generations: GenerationMap): OpeningAnchor {
  const { auditKey, auditHead, generation } = keyring;
  return { auditKey: auditKey.slice(), auditHead: { seq: auditHead.seq, hash: auditHead.hash.slice() }, generation, generations };
}

/** Wipes the anchor's key and hash. */
export function forget(anchor: OpeningAnchor): void {
  wipe(anchor.auditKey, anchor.auditHead.hash);
}

/** Every audit row, in batches (see the file comment). */
async function loadPaced(session: Session, pause: () => Promise<void>): Promise<LoadedAudit[]> {
  const s = await getSodium();
  const loaded: LoadedAudit[] = [];
  let after: string | null = null;
  for (;;) {
    await pause();
    if (session.signal.aborted) throw new LockedError();
    const from = after;
    const batch = await session.exclusive(async () => {
      const db = session.db;
      const rows: StoredObject[] = await (from === null ? db.audit.orderBy(':id') : db.audit.where(':id').above(from)).limit(AUDIT_BATCH).toArray();
      const keyring = session.holder.keyring;
      for (const row of rows) loaded.push(await openAuditRow(s, keyring, row));
      return rows;
    });
    const last = batch[batch.length - 1];
    if (!last || batch.length < AUDIT_BATCH) return bySeq(loaded);
    after = last.id;
  }
}

/** Runs the deferred check; resolves with its warning (null: the trail verified). */
export async function checkInBackground(session: Session, anchor: OpeningAnchor, pause: () => Promise<void>): Promise<AuditWarning | null> {
  const loaded = await loadPaced(session, pause);
  // Taken after the last read: every row this session sealed before then is in it.
  const written = session.audit.writtenThisSession();
  const before = loaded.filter((row) => !written.has(row.rowId));
  return (await checkAudit(anchor, before, anchor.generations)).warning;
}
