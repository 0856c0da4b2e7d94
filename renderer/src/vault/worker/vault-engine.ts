/**
 * The vault worker's API implementation. Runs in the vault worker (vault.worker.ts exposes it
 * with comlink); tests may run it in-process over a MessageChannel to inject faults.
 *
 * One engine per worker, one session per unlock: the client spawns a fresh worker for each
 * unlock and terminates it at lock, so nothing decrypted outlives the session even if a wipe
 * below were missed.
 */
import { transfer } from 'comlink';
import type { DBCore, Middleware } from 'dexie';
import {
  createKeyring,
  disposeKeyring,
  KdfError,
  KeyringFormatError,
  KeyringStateError,
  PassphraseError,
  RecoveryKeyError,
  UnlockFailed,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import { fingerprint, humanFingerprint } from '../../../../shared/bundle/fingerprint';
import type { DeviceIdentity } from '../../../../shared/crypto/identity';
import type { AuditWarning, PublicDeviceIdentity } from '../vault-client';
import { LockedError, VaultStateError } from '../vault-errors';
import type { KeyringWriter, VaultWorkerApi } from '../worker-api';
import { createAttachmentApi } from './attachment-api';
import { createBackupApi } from './backup/backup-api';
import { restoreVault } from './backup/restore';
import { createImportApi } from './import/import-api';
import { refuseImporterType, refuseReceived } from './import/ledger';
import { createExportApi } from './export/export-api';
import { publicType } from './attachment-record';
import type { AttachmentSeams } from './attachment-store';
import { sweepAttachments } from './attachment-sweep';
import { buildAuditTrail } from './audit-trail';
import { VaultDatabase } from './database';
import type { VaultFaults } from './faults';
import { finishRotation, reportCompromised } from './compromise';
import { changePassphrase, policyError, setNewPassphraseAfterRecovery, updateSettings } from './keyring-changes';
import { countAttempt, readLockout, uncountAttempt, wipeIsDue } from './lockout';
import { openSession } from './open-session';
import { Foreground } from './background';
import { appendFeatureAudit } from './feature-audit';
import { argon2idInWorker, prepareArgon2id } from './argon2id-lane';
import { loadSearchIndex, saveSearchIndex } from './search-index-store';
import { warmListReader } from './list-lane';
import { createRecord, deleteRecord, listFields, listPacked, listSummaries, readRecord, readRecords, recordHistory, transferPacked, updateRecord } from './record-store';
import { removeRecoveryKey, replaceRecoveryKey } from './recovery-key-changes';
import { rotationPending } from './rotation';
import type { Session } from './session';
import { acquireSessionLock, type HeldLock } from './session-lock';
import { progressSink, releaseListener } from './listener';

/** Copies of the public halves only: the secret keys stay in this worker. */
async function publicIdentity(identity: DeviceIdentity): Promise<PublicDeviceIdentity> {
  const signPk = identity.signPublicKey.slice();
  const boxPk = identity.boxPublicKey.slice();
  return { signPk, boxPk, binding: identity.binding.slice(), fingerprint: humanFingerprint(await fingerprint(signPk, boxPk)) };
}

/** Test seams; the app passes none. */
export interface EngineOptions {
  readonly faults?: VaultFaults;
  /** Dexie middleware (tests: throw QuotaExceededError on the Nth mutation). */
  readonly middleware?: readonly Middleware<DBCore>[];
  /** Takes the one-session lock (tests running engines in-process release it on "terminate"). */
  readonly acquireLock?: typeof acquireSessionLock;
  /** Attachment seams (find and tamper rows, lie in metadata). */
  readonly attachments?: AttachmentSeams;
}

/** Creates the object vault.worker.ts exposes. */
export function createVaultEngine(options: EngineOptions = {}): VaultWorkerApi {
  const faults = options.faults ?? {};
  let db: VaultDatabase | null = null;
  let writer: KeyringWriter | null = null;
  let session: Session | null = null;
  let databaseName = '';
  let held: HeldLock | null = null;
  /** The session's audit warning once the full check has run (see `start`). */
  let auditChecked: Promise<AuditWarning | null> = Promise.resolve(null);

  const database = (): VaultDatabase => {
    if (!db) throw new VaultStateError('unavailable');
    return db;
  };
  const open = (): Session => {
    if (!session) throw new LockedError();
    return session;
  };
  /** Requests in progress: the deferred audit check runs only between them (background.ts). */
  const foreground = new Foreground();
  const guard = <T>(task: (s: Session) => Promise<T>): Promise<T> => foreground.run(() => unguarded(task));
  /** `guard` without counting as foreground work (waiting on the background check itself). */
  const unguarded = async <T>(task: (s: Session) => Promise<T>): Promise<T> => {
    try {
      return await task(open());
    } catch (error) {
      // A keyring disposed under a running call means the session closed: report it as locked.
      if (error instanceof KeyringStateError && error.code === 'disposed') throw new LockedError();
      throw error;
    }
  };

  /** Takes the session lock before anything is counted or derived. */
  async function takeLock(): Promise<void> {
    if (session) throw new VaultStateError('vault-exists');
    held ??= await (options.acquireLock ?? acquireSessionLock)(databaseName);
    if (!held) throw new VaultStateError('in-use-elsewhere');
  }
  function dropLock(): void {
    held?.release();
    held = null;
  }
  /** Runs an opening step; on failure the lock goes, so a later attempt can take it. */
  async function opening<T>(task: () => Promise<T>): Promise<T> {
    await takeLock();
    try {
      const result = await task();
      if (!session) dropLock();
      return result;
    } catch (error) {
      if (!session) dropLock();
      throw error;
    }
  }

  async function discard(): Promise<void> {
    const current = database();
    await current.delete();
    await current.open();
  }

  async function start(keyring: UnlockedKeyring, bytes: Uint8Array, method: Parameters<typeof openSession>[0]['method']) {
    if (!writer) throw new VaultStateError('unavailable');
    const opened = await openSession({ db: database(), keyring, keyringBytes: bytes, writeKeyring: writer, faults, method });
    session = opened.session;
    // The UI's first request will be its lists: the thread that reads them starts loading now.
    warmListReader(opened.session);
    // Before the user gets the session: unfinished imports and deletions leave no chunks behind.
    await sweepAttachments(opened.session).catch(() => undefined);
    // The audit chain's full check, if opening deferred it, starts now and runs behind the
    // requests of the UI (audit-background.ts); `auditCheck` hands its warning to the client.
    auditChecked = opened.verifyAudit(() => foreground.idle());
    auditChecked.catch(() => undefined); // a lock ends it; `auditCheck` reports that as locked
    // A rotation cut short resumes in the background; saves interleave with its batches.
    if (rotationPending(opened.session)) finishRotation(opened.session).catch(() => undefined);
    return opened.info;
  }

  return {
    async connect(config, writeKeyring) {
      databaseName = config.databaseName;
      db = new VaultDatabase(config.databaseName, options.middleware);
      await db.open();
      writer = writeKeyring;
      prepareArgon2id(); // the first unlock's Argon2id worker loads while the passphrase is typed
      return readLockout(db);
    },

    create: (passphrase, kdf, withRecoveryKey) => opening(async () => {
      if (!writer) throw new VaultStateError('unavailable');
      let created;
      try {
        created = await createKeyring(passphrase, kdf, { withRecoveryKey, kdf: argon2idInWorker });
      } catch (error) {
        throw policyError(error);
      }
      // Leftovers of an earlier vault (an interrupted wipe) must not mix with the new one.
      await discard();
      try {
        await writer(created.bytes);
      } catch (error) {
        disposeKeyring(created.unlocked);
        throw error;
      }
      await faults.step?.('create:keyring-written');
      const info = await start(created.unlocked, created.bytes, { kind: 'create' });
      return { session: info, recoveryKey: created.recoveryKey ?? null };
    }),

    unlock: (bytes, secret) => opening(async () => {
      const lockout = await countAttempt(database());
      let keyring: UnlockedKeyring;
      try {
        keyring = secret.kind === 'passphrase' ? await unlockWithPassphrase(bytes, secret.passphrase, { kdf: argon2idInWorker }) : await unlockWithRecoveryKey(bytes, secret.recoveryKey);
      } catch (error) {
        if (error instanceof RecoveryKeyError) {
          await uncountAttempt(database(), lockout);
          return { ok: false, typo: true, lockout: { ...lockout, failedAttempts: lockout.failedAttempts - 1 }, wipeDue: false };
        }
        const generic = error instanceof UnlockFailed || error instanceof KeyringFormatError || error instanceof KdfError || error instanceof PassphraseError;
        if (!generic) throw error;
        prepareArgon2id(); // for the next attempt
        return { ok: false, typo: false, lockout, wipeDue: wipeIsDue(lockout) };
      }
      const info = await start(keyring, bytes.slice(), { kind: 'unlock', secret: secret.kind, failedBefore: lockout.failedAttempts - 1 });
      return { ok: true, session: info };
    }),

    changePassphrase: (current, next) => guard((s) => changePassphrase(s, current, next)),
    reportCompromised: (current, next, onProgress) =>
      guard((s) => reportCompromised(s, current, next, onProgress && progressSink(onProgress))).finally(() => releaseListener(onProgress)),
    setNewPassphraseAfterRecovery: (next) => guard((s) => setNewPassphraseAfterRecovery(s, next)),
    replaceRecoveryKey: (current) => guard((s) => replaceRecoveryKey(s, current)),
    removeRecoveryKey: (current) => guard((s) => removeRecoveryKey(s, current)),
    updateSettings: (changes) => guard((s) => updateSettings(s, changes)),
    auditTrail: () => guard((s) => buildAuditTrail(s)),
    auditCheck: () => unguarded(() => auditChecked),
    createRecord: (type, compartment, body, id) => guard((s) => (refuseImporterType(type), createRecord(s, publicType(type), compartment, body, id))),
    appendFeatureAudit: (action, data) => guard((s) => appendFeatureAudit(s, action, data)),
    readRecord: (type, id) => guard((s) => readRecord(s, publicType(type), id)),
    updateRecord: (type, id, body, expected) => guard(async (s) => (await refuseReceived(s, type, id), updateRecord(s, publicType(type), id, body, expected))),
    deleteRecord: (type, id, expected) => guard(async (s) => (await refuseReceived(s, type, id), deleteRecord(s, publicType(type), id, expected))),
    listRecords: (type) => guard(async (s) => transferPacked(await listPacked(s, publicType(type)))),
    listFields: (type, fields) => guard(async (s) => transferPacked(await listFields(s, publicType(type), fields))),
    recordHistory: (type, id) => guard((s) => recordHistory(s, publicType(type), id)),
    listSummaries: (type, part) => guard(async (s) => transferPacked(await listSummaries(s, publicType(type), part))),
    readRecords: (type, ids) => guard((s) => readRecords(s, publicType(type), [...ids])),
    loadSearchIndex: () => guard(async (s) => {
      const bytes = await loadSearchIndex(s);
      return bytes ? transfer(bytes, [bytes.buffer]) : null;
    }),
    saveSearchIndex: (bytes) => guard((s) => saveSearchIndex(s, bytes)),
    identity: () => guard((s) => publicIdentity(s.holder.keyring.identity)),
    flush: () => guard((s) => s.exclusive(() => s.holder.flushHead())),
    ...createAttachmentApi(guard, options.attachments),
    ...createBackupApi(guard),
    restoreBackup: (read, restore, onProgress) => opening(async () => {
      if (!writer) throw new VaultStateError('unavailable');
      const restored = await restoreVault({ db: database(), writeKeyring: writer, discard }, read, restore, onProgress);
      return { session: await start(restored.keyring, restored.bytes, { kind: 'unlock', secret: 'passphrase', failedBefore: 0 }), recoveryKey: restored.recoveryKey };
    }),
    ...createImportApi(guard),
    ...createExportApi(guard),

    async close() {
      const closing = session;
      session = null;
      if (closing) await closing.close(true);
      else db?.close();
      dropLock();
    },

    async destroyDatabase() {
      const closing = session;
      session = null;
      if (closing) await closing.close(false);
      const current = database();
      current.close();
      await current.delete();
      dropLock();
    },
  };
}
