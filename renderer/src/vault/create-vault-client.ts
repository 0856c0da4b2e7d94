/**
 * The vault client: the state machine behind `VaultClient`. Runs on the renderer's main thread.
 *
 * It holds no keys and no Dexie handle: it reads and writes keyring *bytes* through the
 * platform, and drives one vault worker per unlocked session (a fresh one per unlock
 * attempt, terminated at lock or after a failed attempt).
 */
import { proxy } from 'comlink';
import type { KdfParams, KdfProfileName } from '../../../shared/crypto';
import type { Platform } from '../platform/platform';
import { createAttachmentClient, lockedCall } from './client-attachments';
import { createExportClient } from './client-export';
import { createBackupRepository, restoreFromBackup } from './client-backup';
import { createImportClient } from './client-import';
import { createRecordRepository, type WorkerCall } from './client-records';
import { databaseExists, deleteDatabase } from './database-presence';
import { LockManager, type LockTimers } from './lock-manager';
import { ObjectUrlRegistry, type RevokeUrl } from './object-urls';
import type { AuditWarning, KdfProfile, LockReason, VaultClient, VaultState } from './vault-client';
import { LockedError, VaultStateError } from './vault-errors';
import type { SessionInfo, UnlockSecret, WorkerUnlockResult } from './worker-api';
import { spawnVaultWorker, WorkerConnection, type WorkerEndpoint } from './worker-connection';

/** The database name the app uses. */
export const DEFAULT_DATABASE_NAME = 'sijill-vault';

/** Deleting a large database can take a while; the keyring is already gone by then. */
const WIPE_TIMEOUT_MS = 15_000;

/** Dependencies and test seams of the client. */
export interface VaultClientOptions {
  readonly platform: Pick<Platform, 'keyring' | 'onLockSignal'>;
  readonly databaseName?: string;
  /** Argon2id cost per profile; tests map every profile to the floor. */
  readonly kdfParams?: (profile: KdfProfile) => KdfProfileName | KdfParams;
  /** Starts a worker; tests may return an in-process endpoint (to inject faults). */
  readonly spawnWorker?: () => WorkerEndpoint;
  readonly lockTimers?: LockTimers;
  readonly revokeUrl?: RevokeUrl;
  /** Marks the client as the demo vault (`client.demo`); see features/records/demo. */
  readonly demo?: boolean;
}

function sameWarning(a: AuditWarning | null, b: AuditWarning | null): boolean {
  return a === b || (a !== null && b !== null && a.problem === b.problem && a.firstBadSeq === b.firstBadSeq);
}

/** Creates the app's vault client. Call `init()` once before anything else. */
export function createVaultClient(options: VaultClientOptions): VaultClient {
  const { platform } = options;
  const databaseName = options.databaseName ?? DEFAULT_DATABASE_NAME;
  const spawn = options.spawnWorker ?? spawnVaultWorker;
  const kdfFor = options.kdfParams ?? ((profile: KdfProfile) => profile);
  const listeners = new Set<() => void>();
  const urls = new ObjectUrlRegistry(options.revokeUrl);
  let state: VaultState = { status: 'starting' };
  let live: WorkerConnection | null = null;
  let pending: WorkerConnection | null = null;
  /** The previous session's worker finishing its flush: the next unlock waits for it. */
  let closing: Promise<void> = Promise.resolve();
  let unsubscribeSignals: (() => void) | null = null;

  const setState = (next: VaultState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const locked = (failedAttempts: number, lastLockReason: LockReason | null, wipeAfterFailedUnlocks: number | null): VaultState => ({
    status: 'locked',
    failedAttempts,
    lastLockReason,
    wipeAfterFailedUnlocks,
  });
  const unlocked = (info: SessionInfo): VaultState => ({ status: 'unlocked', ...info });

  const lockManager = new LockManager((reason) => void client.lock(reason), options.lockTimers);

  /**
   * Opening steps (create, unlock) run one at a time: a double-submitted form must not start
   * two workers racing for the session lock. Lock and panic wipe never queue behind them.
   */
  let opening: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = opening.then(task, task);
    opening = result.catch(() => undefined);
    return result;
  };

  const call: WorkerCall = (task) => {
    if (!live || state.status !== 'unlocked') return Promise.reject(new LockedError());
    return live.call(task);
  };
  /** Bound to the worker live now: a recording seals through it while a lock is under way. */
  const pin = (): WorkerCall => {
    const connection = live;
    if (!connection || state.status !== 'unlocked') return lockedCall;
    return (task) => connection.call(task);
  };
  const attachments = createAttachmentClient({ call: (task) => call(task), pin, urls });

  /** A fresh worker; `pending` until it holds a session, so a lock meanwhile can end it. */
  const open = async () => {
    await closing;
    const opened = await WorkerConnection.open(spawn, databaseName, platform.keyring);
    pending = opened.connection;
    return opened;
  };
  const release = (connection: WorkerConnection) => {
    if (pending === connection) pending = null;
    connection.terminate();
  };

  /** The session's audit check (see `enter`); settles when `auditWarning` is final. */
  let auditChecked: Promise<void> = Promise.resolve();

  const enter = (connection: WorkerConnection, info: SessionInfo) => {
    if (connection.isEnded) throw new LockedError(); // locked while unlocking
    pending = null;
    live = connection;
    setState(unlocked(info));
    lockManager.arm(info.settings.idleLockMinutes);
    // The worker may open the session before the whole audit chain is verified: its final
    // warning replaces the one known at opening, in this session only (a lock ends the call).
    auditChecked = connection.call((api) => api.auditCheck()).then((auditWarning) => {
      if (live === connection && state.status === 'unlocked' && !sameWarning(state.auditWarning, auditWarning)) setState({ ...state, auditWarning });
    });
    auditChecked.catch(() => undefined); // locked meanwhile: `auditChecked()` reports it
  };

  async function attempt(secret: UnlockSecret): Promise<{ ok: true } | { ok: false; typo: boolean }> {
    if (state.status !== 'locked') throw new VaultStateError(state.status === 'unlocked' ? 'vault-exists' : 'no-vault');
    const bytes = await platform.keyring.read();
    if (!bytes) throw new VaultStateError('no-vault');
    const { connection } = await open();
    let result;
    try {
      result = await connection.call<WorkerUnlockResult>((api) => api.unlock(bytes, secret));
      if (result.ok) {
        enter(connection, result.session);
        return { ok: true };
      }
    } catch (error) {
      release(connection);
      throw error;
    }
    release(connection);
    if (result.wipeDue) await client.panicWipe();
    else setState(locked(result.lockout.failedAttempts, state.status === 'locked' ? state.lastLockReason : null, result.lockout.wipeAfter));
    return { ok: false, typo: result.typo };
  }

  const client: VaultClient = {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async init() {
      unsubscribeSignals ??= platform.onLockSignal((signal) => lockManager.signal(signal));
      let bytes: Uint8Array | null;
      try {
        bytes = await platform.keyring.read();
      } catch {
        setState({ status: 'unavailable' });
        return;
      }
      if (!bytes) {
        // No keyring: whatever a database holds can never be decrypted again (an interrupted
        // panic wipe, typically), so finishing its deletion is the wipe's start-up sweep. Never
        // open it to find out: opening would create it (database-presence.ts). If the deletion
        // fails, creating a vault discards the leftovers anyway.
        if ((await databaseExists(databaseName)) !== false) await deleteDatabase(databaseName).catch(() => undefined);
        setState({ status: 'first-run' });
        return;
      }
      try {
        const { connection, lockout } = await open();
        release(connection);
        setState(locked(lockout.failedAttempts, null, lockout.wipeAfter));
      } catch {
        setState({ status: 'unavailable' });
      }
    },

    create: ({ passphrase, profile, withRecoveryKey }) => serial(async () => {
      if (state.status !== 'first-run') throw new VaultStateError('vault-exists');
      const { connection } = await open();
      try {
        const created = await connection.call((api) => api.create(passphrase, kdfFor(profile), withRecoveryKey));
        enter(connection, created.session);
        return { recoveryKey: created.recoveryKey };
      } catch (error) {
        release(connection);
        // Creation may have got as far as writing the keyring: then there is a vault to unlock.
        if (await platform.keyring.read().catch(() => null)) setState(locked(0, null, null));
        throw error;
      }
    }),

    restore: (restoreOptions) =>
      serial(() => restoreFromBackup({ isFirstRun: () => state.status === 'first-run', open, enter, release, keyring: platform.keyring, databaseName, kdfFor }, restoreOptions)),

    unlock: (passphrase) => serial(async () => ((await attempt({ kind: 'passphrase', passphrase })).ok ? { ok: true } : { ok: false })),

    unlockWithRecoveryKey: (recoveryKey) => serial(() => attempt({ kind: 'recovery-key', recoveryKey })),

    async lock(reason) {
      pending?.terminate(); // an unlock or create in progress ends with LockedError
      pending = null;
      const connection = live;
      if (!connection) return;
      // The lockout row mirrors this setting (lockout.ts): the same value the worker reports.
      const wipeAfter = state.status === 'unlocked' ? state.settings.wipeAfterFailedUnlocks : null;
      live = null;
      lockManager.disarm();
      urls.revokeAll();
      // State first: the UI drops every decrypted view now, not after the worker has flushed.
      setState(locked(0, reason, wipeAfter));
      // A recording in progress is finished and sealed (bounded) before the worker closes.
      closing = attachments.sealForLock().then(() => connection.end());
      await closing;
    },

    async changePassphrase(current, next) {
      return (await call((api) => api.changePassphrase(current, next))) ? { ok: true } : { ok: false };
    },

    reportCompromised(current, next, options = {}) {
      const { onProgress } = options;
      return call<{ ok: true; recoveryKey: string | null } | { ok: false }>((api) => api.reportCompromised(current, next, onProgress && proxy(onProgress)));
    },

    async setNewPassphraseAfterRecovery(next) {
      await call((api) => api.setNewPassphraseAfterRecovery(next));
      if (state.status === 'unlocked') setState({ ...state, openedWith: 'passphrase' });
    },

    async replaceRecoveryKey(current) {
      const result = await call<{ ok: true; recoveryKey: string } | { ok: false }>((api) => api.replaceRecoveryKey(current));
      if (result.ok && state.status === 'unlocked') setState({ ...state, hasRecoveryKey: true });
      return result;
    },

    async removeRecoveryKey(current) {
      const ok = await call((api) => api.removeRecoveryKey(current));
      if (ok && state.status === 'unlocked') setState({ ...state, hasRecoveryKey: false });
      return ok ? { ok: true } : { ok: false };
    },

    async updateSettings(changes) {
      const settings = await call((api) => api.updateSettings(changes));
      if (state.status === 'unlocked') {
        setState({ ...state, settings });
        lockManager.setIdleMinutes(settings.idleLockMinutes);
      }
      return settings;
    },

    auditTrail: () => call((api) => api.auditTrail()),

    auditChecked: () => (live && state.status === 'unlocked' ? auditChecked : Promise.reject(new LockedError())),

    async appendAudit(action, data) {
      await call((api) => api.appendFeatureAudit(action, data));
    },

    identity: () => call((api) => api.identity()),

    async panicWipe() {
      lockManager.disarm();
      urls.revokeAll();
      attachments.discardAll();
      // Crypto-erase first: once the keyring is gone nothing in the database can be decrypted,
      // so an interruption after this point loses nothing that matters (init finishes the job).
      let keyringError: unknown = null;
      await platform.keyring.wipe().catch((error: unknown) => {
        keyringError = error ?? new Error('keyring wipe failed');
      });
      try {
        const connection = live ?? (await open()).connection;
        live = null;
        pending = null;
        await connection.end((api) => api.destroyDatabase(), WIPE_TIMEOUT_MS);
      } catch {
        // The database is undecryptable without the keyring; init and create delete what is left.
      }
      if (typeof caches !== 'undefined') {
        for (const key of await caches.keys().catch(() => [])) await caches.delete(key).catch(() => false);
      }
      setState(keyringError ? { status: 'unavailable' } : { status: 'first-run' });
      if (keyringError) throw keyringError;
    },

    records: createRecordRepository((task) => call(task)),
    attachments: attachments.repository,
    exports: createExportClient((task) => call(task)),
    backups: createBackupRepository((task) => call(task), () => kdfFor('moderate')),
    imports: createImportClient((task) => call(task)),
    ...(options.demo ? { demo: true } : {}),
    lockManager,
    trackObjectUrl: (url) => urls.track(url),

    async dispose() {
      unsubscribeSignals?.();
      unsubscribeSignals = null;
      await client.lock('manual');
      await closing;
      listeners.clear();
    },
  };
  return client;
}
