/**
 * Backups from the main thread (`vault.backups`, `vault.restore`). Runs on the renderer's
 * main thread: it moves ciphertext between the vault worker and the platform port and never
 * sees a key or a decrypted record.
 *
 * - Writing: the worker prepares the bundle (snapshot, hashes), then its bytes are pulled
 *   about 1 MiB at a time as the platform's `saveFile` consumes `chunks`. The audit entry is
 *   written by `finish`, once the file is saved.
 * - Restoring: the file is read in slices through a comlink proxy the worker calls, so it is
 *   never whole in memory either. A failure after the worker wrote the keyring (opening the
 *   restored vault failed) still leaves no vault: the keyring and the database are removed.
 */
import { proxy } from 'comlink';
import type { KdfParams, KdfProfileName } from '../../../shared/crypto';
import type { KeyringStore } from '../platform/platform';
import type { BackupProgress, BackupRepository, BackupStream, RestoreOptions } from './backup-types';
import type { WorkerCall } from './client-records';
import { deleteDatabase } from './database-presence';
import type { KdfProfile } from './vault-client';
import { BackupError, VaultStateError } from './vault-errors';
import type { SessionInfo } from './worker-api';
import type { WorkerConnection } from './worker-connection';

/** Builds `vault.backups` over the unlocked worker; `kdf` is the Argon2id cost of the backup passphrase. */
export function createBackupRepository(call: WorkerCall, kdf: () => KdfProfileName | KdfParams): BackupRepository {
  return {
    async create(options, listener = {}) {
      const { onProgress, signal } = listener;
      if (signal?.aborted) throw new BackupError('cancelled');
      const backupId = crypto.randomUUID();
      const report = onProgress ? proxy((progress: BackupProgress) => onProgress(progress)) : undefined;
      const info = await call((api) => api.beginBackup(backupId, { passphrase: options.passphrase, includeDeviceKey: options.includeDeviceKey, kdf: kdf() }, report));
      const abort = () => call((api) => api.abortBackup(backupId)).catch(() => undefined);
      async function* chunks(): AsyncGenerator<Uint8Array> {
        let bytes = 0;
        let finished = false;
        try {
          for (;;) {
            if (signal?.aborted) throw new BackupError('cancelled');
            const piece = await call((api) => api.readBackup(backupId));
            if (!piece) {
              finished = true;
              return;
            }
            bytes += piece.length;
            onProgress?.({ phase: 'writing', bytes, total: info.size });
            yield piece;
          }
        } finally {
          if (!finished) await abort();
        }
      }
      const stream: BackupStream = {
        bundleId: info.bundleId,
        size: info.size,
        entries: info.entries,
        chunks: chunks(),
        finish: () => call((api) => api.finishBackup(backupId)),
        abort: async () => {
          await abort();
        },
      };
      return stream;
    },
  };
}

/** What `restore` needs from the vault client's state machine. */
export interface RestoreDeps {
  readonly isFirstRun: () => boolean;
  readonly open: () => Promise<{ connection: WorkerConnection }>;
  readonly enter: (connection: WorkerConnection, info: SessionInfo) => void;
  readonly release: (connection: WorkerConnection) => void;
  readonly keyring: KeyringStore;
  readonly databaseName: string;
  readonly kdfFor: (profile: KdfProfile) => KdfProfileName | KdfParams;
}

/** Restores a backup on first run and unlocks the restored vault. */
export async function restoreFromBackup(deps: RestoreDeps, options: RestoreOptions): Promise<{ readonly recoveryKey: string | null }> {
  if (!deps.isFirstRun()) throw new VaultStateError('vault-exists');
  const { source, onProgress } = options;
  const { connection } = await deps.open();
  try {
    const restored = await connection.call((api) =>
      api.restoreBackup(
        proxy((offset: number, length: number) => source.read(offset, length)),
        { size: source.size, backupPassphrase: options.backupPassphrase, passphrase: options.passphrase, kdf: deps.kdfFor(options.profile), withRecoveryKey: options.withRecoveryKey },
        onProgress ? proxy((bytes: number) => onProgress(bytes, source.size)) : undefined,
      ),
    );
    deps.enter(connection, restored.session);
    return { recoveryKey: restored.recoveryKey };
  } catch (error) {
    deps.release(connection);
    // Only a restore can have written a keyring here (first run): a vault that failed to open
    // after restoring is removed with it, so a failure always means "no vault".
    if (await deps.keyring.read().catch(() => null)) await deps.keyring.wipe().catch(() => undefined);
    await deleteDatabase(deps.databaseName).catch(() => undefined);
    throw error;
  }
}
