/**
 * From an unlocked keyring to a usable session: decrypt the head index and settings, verify
 * the audit trail, write the unlock's audit entries, anchor the head. Runs in the vault worker.
 *
 * This is also the start-up sweep. Every multi-step write is ordered so that what it leaves
 * behind is recognised here: an audit tail beyond the keyring's head (a lock or crash before
 * the batched head write) is rolled forward; old epochs still in the keyring (a rotation cut
 * short) are re-wrapped (see rotation.ts, resumed by the engine); a keyring without database
 * rows (creation cut short) is an empty vault. Single-transaction writes need no sweep.
 */
import { nextAuditKey, wipe, type UnlockedKeyring } from '../../../../shared/crypto';
import type { AuditWarning } from '../vault-client';
import { RecordIntegrityError } from '../vault-errors';
import type { KeyringWriter, SessionInfo } from '../worker-api';
import { AuditLog, loadAudit, type AuditDraft } from './audit-log';
import { checkAudit } from './audit-verify';
import type { VaultDatabase } from './database';
import type { VaultFaults } from './faults';
import { decodeShard, emptyShard, HeadIndex, SHARD_COUNT, SHARD_TYPE, type Shard } from './head-index';
import { KeyringHolder } from './keyring-holder';
import { lockoutRow } from './lockout';
import { Mutex } from './mutex';
import { openRow } from './sealed-rows';
import { DEFAULT_SETTINGS, loadSettings, type LoadedSettings } from './settings';
import { Session } from './session';

/** How the vault was opened, for the audit entry. */
export type OpenMethod = { readonly kind: 'create' } | { readonly kind: 'unlock'; readonly secret: 'passphrase' | 'recovery-key'; readonly failedBefore: number };

/** What opening needs. The session takes ownership of `keyring`. */
export interface OpenArgs {
  readonly db: VaultDatabase;
  readonly keyring: UnlockedKeyring;
  readonly keyringBytes: Uint8Array;
  readonly writeKeyring: KeyringWriter;
  readonly faults: VaultFaults;
  readonly method: OpenMethod;
}

async function loadHeads(db: VaultDatabase, keyring: UnlockedKeyring): Promise<HeadIndex> {
  const numbers = Array.from({ length: SHARD_COUNT }, (_, i) => i);
  const rows = await db.heads.bulkGet(numbers);
  const shards: Shard[] = [];
  const broken = new Set<number>();
  for (const number of numbers) {
    const row = rows[number];
    shards.push(emptyShard(number));
    if (!row) continue;
    try {
      const content = await openRow(keyring, { table: 'heads', id: number, compartment: 'general' }, row, { type: SHARD_TYPE, headVersion: 1 });
      shards[number] = decodeShard(number, content);
    } catch (error) {
      if (!(error instanceof RecordIntegrityError)) throw error;
      broken.add(number);
    }
  }
  return new HeadIndex(shards, broken);
}

async function loadSettingsOrWarn(db: VaultDatabase, keyring: UnlockedKeyring): Promise<LoadedSettings | null> {
  try {
    return await loadSettings(db, keyring);
  } catch (error) {
    if (!(error instanceof RecordIntegrityError)) throw error;
    return null;
  }
}

function unlockDrafts(method: OpenMethod): [AuditDraft, ...AuditDraft[]] {
  if (method.kind === 'create') return [{ action: 'vault.create', data: {} }];
  const unlock: AuditDraft = { action: 'vault.unlock', data: { method: method.secret } };
  // Failed attempts cannot be written to the trail while locked (no key); they are counted in
  // the clear lockout row and recorded here, at the next successful unlock.
  return method.failedBefore > 0 ? [{ action: 'vault.unlock-failed', data: { count: method.failedBefore } }, unlock] : [unlock];
}

/** Opens the vault; the returned session owns the keyring from here on. */
export async function openSession(args: OpenArgs): Promise<{ session: Session; info: SessionInfo }> {
  const { db, keyring, method } = args;
  const heads = await loadHeads(db, keyring);
  const loadedSettings = await loadSettingsOrWarn(db, keyring);
  const generations = new Map<string, number>();
  for (const shard of heads.all()) if (!heads.broken.has(shard.number)) generations.set(`h${shard.number}`, shard.generation);
  if (loadedSettings) generations.set('settings', loadedSettings.generation);

  const nextKey = await nextAuditKey(keyring);
  const check = await checkAudit(keyring, await loadAudit(db, keyring), generations, nextKey).finally(() => wipe(nextKey));
  let warning: AuditWarning | null = check.warning;
  if (!warning && (heads.broken.size > 0 || !loadedSettings)) warning = { problem: 'unreadable', firstBadSeq: null };

  const mutex = new Mutex();
  // The holder needs the chain head and the log needs the holder's keyring: break the cycle
  // with closures (both exist before either is used).
  const holder: KeyringHolder = new KeyringHolder(keyring, args.keyringBytes, args.writeKeyring, mutex, () => auditLog.head);
  const auditLog = new AuditLog(holder, check.head);
  // A rotation cut short after its segment start: chain under the next key and adopt it with
  // the flush below, as the rotation would have.
  if (check.adoptNextKey) holder.markNextAuditKey();
  const settings = loadedSettings?.settings ?? DEFAULT_SETTINGS;
  const session = new Session(db, holder, heads, auditLog, mutex, args.faults, settings, loadedSettings?.generation ?? 0);

  try {
    await session.exclusive(async () => {
      const fresh = method.kind === 'create';
      await session.commit({
        audit: unlockDrafts(method),
        lockout: lockoutRow(0, settings.wipeAfterFailedUnlocks),
        // A new vault writes its settings row at once, so the trail tracks it from generation 1.
        ...(fresh ? { settings } : {}),
      });
      // Anchor now: the unlock entry, and any tail rolled forward, reach the keyring at once.
      await holder.flushHead();
    });
  } catch (error) {
    holder.dispose();
    throw error;
  }
  const failedBefore = method.kind === 'unlock' ? method.failedBefore : 0;
  session.openedWith = method.kind === 'unlock' ? method.secret : 'passphrase';
  return {
    session,
    info: {
      settings,
      auditWarning: warning,
      hasRecoveryKey: holder.keyring.hasRecoveryKey,
      failedAttemptsSinceLastUnlock: failedBefore,
      openedWith: session.openedWith,
    },
  };
}
