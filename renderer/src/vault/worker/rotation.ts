/**
 * Compartment key rotation ("my passphrase may be compromised"). Runs in the vault worker.
 *
 * Crash-safe ordering — at every point the keyring on disk opens every row in the database:
 *   1. keyring written with the new master key, new passphrase and a new epoch per
 *      compartment, old epochs still held (done by the caller, see compromise.ts, which
 *      also replaces the identity and the audit key);
 *   2. every data key re-wrapped to the new epoch, in batches, each batch one transaction
 *      (only the 73-byte wrapped keys change; envelopes are untouched);
 *   3. keyring written without the old epochs.
 * A keyring that still holds old epochs *is* the "rotation pending" marker: the next unlock
 * resumes at step 2 through compromise.ts's `finishRotation` (re-wrapping is idempotent: rows
 * already at the new epoch are skipped).
 *
 * Batches take the session's write lock one at a time, so saves go on during a rotation.
 * Progress (rows looked at / rows there were when it started) goes to an optional listener.
 */
import { COMPARTMENTS, disposeKeyring, retirePreviousEpochs, rewrapDataKey, RecordError, type Compartment, type RecordLocation } from '../../../../shared/crypto';
import type { RotationProgress } from '../vault-client';
import { LockedError } from '../vault-errors';
import { exactBytes, type SealedTable, type StoredRow } from './database';
import { faultPoint } from './faults';
import { locationId } from './sealed-rows';
import type { Session } from './session';

/** Rows re-wrapped per transaction: small enough to keep each commit short. */
export const REWRAP_BATCH = 200;
// `blobs`: attachment pending markers hold a blob key; one left at an old epoch would strand its chunks.
const TABLES: readonly SealedTable[] = ['objects', 'versions', 'heads', 'audit', 'vault', 'blobs'];

/** Receives progress; must not throw (it is called between batches). */
export type ProgressListener = (progress: RotationProgress) => void;

/** True while the keyring still holds epochs that rows may be wrapped under. */
export function rotationPending(session: Session): boolean {
  const { compartments } = session.holder.keyring;
  return COMPARTMENTS.some((c) => compartments[c].previous.length > 0);
}

/** The compartment each record, version and summary row belongs to, from the head index. */
function compartmentMap(session: Session): Map<string, Compartment> {
  const map = new Map<string, Compartment>();
  for (const shard of session.heads.all()) {
    for (const [id, entry] of shard.entries) {
      map.set(id, entry.compartment);
      for (const versionId of entry.history) map.set(versionId, entry.compartment);
      // Summary rows (record-summaries.ts) sit in their record's compartment under their own id.
      if (entry.summary !== undefined) map.set(entry.summary, entry.compartment);
    }
  }
  return map;
}

/**
 * Re-wraps one row's data key to its compartment's current epoch: the new row, `current` if
 * it needs nothing, or null if no key we hold opens it.
 */
async function rewrapRow(session: Session, table: SealedTable, row: StoredRow<string | number>, known: Compartment | undefined): Promise<StoredRow<string | number> | 'current' | null> {
  const keyring = session.holder.keyring;
  // Vault-internal rows are general; an unknown record row is tried in both compartments.
  const candidates: readonly Compartment[] = known ? [known] : table === 'objects' || table === 'versions' ? COMPARTMENTS : ['general'];
  if (candidates.some((c) => keyring.compartments[c].current.epoch === row.epoch)) return 'current';
  for (const compartment of candidates) {
    const keys = keyring.compartments[compartment];
    const from = keys.previous.find((k) => k.epoch === row.epoch);
    if (!from) continue;
    try {
      const location: RecordLocation = { vaultId: keyring.vaultId, recordId: locationId(row.id), compartment, table };
      const key = await rewrapDataKey(location, row.key, from, keys.current);
      return { ...row, epoch: keys.current.epoch, key: exactBytes(key) };
    } catch (error) {
      if (!(error instanceof RecordError) && !(error instanceof RangeError)) throw error;
    }
  }
  return null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Step 2: re-wraps every row not at its compartment's current epoch. Returns how many rows were
 * re-wrapped and how many no held key opens (tampered rows: they stay as they are).
 */
export async function rewrapAll(session: Session, onProgress?: ProgressListener): Promise<{ rewrapped: number; unreadable: number }> {
  const known = compartmentMap(session);
  let rewrapped = 0;
  let unreadable = 0;
  let done = 0;
  // Rows saved meanwhile are written at the new epoch; they can only push `done` past the
  // count taken here, so the total grows with it rather than reading "120 of 100".
  let total = 0;
  for (const name of TABLES) total += await session.db.table(name).count();
  onProgress?.({ done, total });
  for (const name of TABLES) {
    const table = session.db.table<StoredRow<string | number>, string | number>(name);
    let after: string | number | undefined;
    for (;;) {
      if (session.signal.aborted) throw new LockedError();
      const batch = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(REWRAP_BATCH).toArray();
      const last = batch[batch.length - 1];
      if (!last) break;
      after = last.id;
      done += batch.length;
      const updates: { before: Uint8Array; row: StoredRow<string | number> }[] = [];
      for (const row of batch) {
        const next = await rewrapRow(session, name, row, known.get(String(row.id)));
        if (next === null) unreadable += 1;
        else if (next !== 'current') updates.push({ before: row.key, row: next });
      }
      if (updates.length === 0) {
        onProgress?.({ done, total: Math.max(total, done) });
        continue;
      }
      await session.exclusive(() =>
        session.db.transaction('rw', table, async () => {
          for (const { before, row } of updates) {
            // A save since the batch was read replaced the row (at the new epoch): keep it.
            const now = await table.get(row.id);
            if (now && sameBytes(now.key, before)) await table.put(row);
          }
        }),
      );
      rewrapped += updates.length;
      onProgress?.({ done, total: Math.max(total, done) });
      await faultPoint(session.faults, 'rotation:batch-written');
    }
  }
  return { rewrapped, unreadable };
}

/** Steps 2 and 3, with their audit entry: resumes or finishes a rotation. */
export async function completeRotation(session: Session, onProgress?: ProgressListener): Promise<void> {
  const counts = await rewrapAll(session, onProgress);
  await faultPoint(session.faults, 'rotation:before-retire');
  await session.exclusive(async () => {
    await session.commit({ audit: [{ action: 'vault.rotate-complete', data: counts }] });
    let keyring = session.holder.keyring;
    for (const compartment of COMPARTMENTS) {
      if (keyring.compartments[compartment].previous.length === 0) continue;
      const next = retirePreviousEpochs(keyring, compartment);
      if (keyring !== session.holder.keyring) disposeKeyring(keyring);
      keyring = next;
    }
    if (keyring !== session.holder.keyring) await session.holder.replace(keyring);
  });
}
