/**
 * From an unlocked keyring to a usable session: decrypt the head index and settings, verify
 * the audit trail (or defer its check past opening, see `openSession`), write the unlock's
 * audit entries, anchor the head. Runs in the vault worker.
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
import { anchorAtOpening, checkInBackground, forget, type OpeningAnchor } from './audit-background';
import { checkAudit, type AuditCheck } from './audit-verify';
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

/** An opened session, what the client learns at once, and the audit check's final word. */
export interface OpenedSession {
  readonly session: Session;
  readonly info: SessionInfo;
  /**
   * Starts the full audit-chain check if opening deferred it (see `openSession`) and resolves
   * with the warning the session should show once it is known: the same value an unlock that
   * verified everything first would have reported. Call once, after the start-up sweep;
   * `pause` is awaited before each batch of the background check (background.ts).
   */
  readonly verifyAudit: (pause: () => Promise<void>) => Promise<AuditWarning | null>;
}

/** Where the chain continues when the check is deferred: the keyring's anchored head. */
function deferredCheck(keyring: UnlockedKeyring): AuditCheck {
  return { warning: null, head: keyring.auditHead, rolledForward: false, adoptNextKey: false };
}

/** Runs the deferred check once; the anchor's copies are wiped when it ends, or at lock if it never starts. */
function verifyLater(session: Session, anchor: OpeningAnchor, unreadable: AuditWarning | null): OpenedSession['verifyAudit'] {
  session.signal.addEventListener('abort', () => forget(anchor), { once: true });
  return async (pause) => {
    try {
      return (await checkInBackground(session, anchor, pause)) ?? unreadable;
    } finally {
      forget(anchor);
    }
  };
}

/**
 * Opens the vault; the returned session owns the keyring from here on.
 *
 * The audit chain grows with every change ever made, so verifying all of it before the
 * session opens would make every unlock slower than the last. When nothing lies beyond the
 * keyring's anchored head (as many rows as the anchor's sequence number: every lock writes
 * the head), new entries can only continue from that anchor, which the keyring authenticates:
 * the session opens at once and the full check runs afterwards (`verifyAudit`), its warning
 * reaching the user as soon as it is known. Otherwise (a tail to roll forward after a crash,
 * rows missing or added) the check runs first, as it must decide where the chain continues.
 */
export async function openSession(args: OpenArgs): Promise<OpenedSession> {
  const { db, keyring, method } = args;
  const heads = await loadHeads(db, keyring);
  const loadedSettings = await loadSettingsOrWarn(db, keyring);
  const generations = new Map<string, number>();
  for (const shard of heads.all()) if (!heads.broken.has(shard.number)) generations.set(`h${shard.number}`, shard.generation);
  if (loadedSettings) generations.set('settings', loadedSettings.generation);

  const deferred = (await db.audit.count()) === keyring.auditHead.seq;
  let check: AuditCheck;
  let anchor: OpeningAnchor | null = null;
  if (deferred) {
    check = deferredCheck(keyring);
    anchor = anchorAtOpening(keyring, generations);
  } else {
    const nextKey = await nextAuditKey(keyring);
    check = await checkAudit(keyring, await loadAudit(db, keyring), generations, nextKey).finally(() => wipe(nextKey));
  }
  // Unreadable head shards or settings are known now; a chain problem found later takes precedence, as it would have at once.
  const unreadable: AuditWarning | null = heads.broken.size > 0 || !loadedSettings ? { problem: 'unreadable', firstBadSeq: null } : null;
  const warning: AuditWarning | null = check.warning ?? unreadable;

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
    if (anchor) forget(anchor);
    throw error;
  }
  const failedBefore = method.kind === 'unlock' ? method.failedBefore : 0;
  session.openedWith = method.kind === 'unlock' ? method.secret : 'passphrase';
  return {
    session,
    verifyAudit: anchor ? verifyLater(session, anchor, unreadable) : async () => warning,
    info: {
      settings,
      auditWarning: warning,
      hasRecoveryKey: holder.keyring.hasRecoveryKey,
      failedAttemptsSinceLastUnlock: failedBefore,
      openedWith: session.openedWith,
    },
  };
}
