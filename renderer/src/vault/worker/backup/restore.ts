/**
 * Restoring a backup into a device without a vault. Runs in the vault worker, from the
 * engine's `restoreBackup` (first run only: the engine refuses while a session is open, and
 * the client only while no keyring exists).
 *
 *   new keyring for the new passphrase (Argon2id; not written yet)
 *   → leftovers of any earlier database discarded
 *   → readBundle with the backup passphrase, strict, every entry into RestoreSink (sealed
 *     under the new keys as it arrives; the database is the quarantine)
 *   → layout complete → head index, settings, lockout and the `vault.restore` audit entry in
 *     one transaction → the keyring file, last: from this write on, the vault exists.
 *
 * Any failure before the keyring write deletes the database, so nothing is left behind.
 */
import { BundleError, categoryOf, fromHex, readBundle } from '../../../../../shared/bundle';
import { createKeyring, disposeKeyring, serialiseKeyring, withAuditHead, type UnlockedKeyring } from '../../../../../shared/crypto';
import type { WorkerRestoreOptions } from '../../backup-types';
import { BackupError, VaultStorageFullError } from '../../vault-errors';
import type { KeyringWriter } from '../../worker-api';
import { argon2idInWorker } from '../argon2id-lane';
import { AuditLog } from '../audit-log';
import { isQuotaError, type StoredShard, type VaultDatabase } from '../database';
import { encodeShard, shardOf, type HeadEntry } from '../head-index';
import { policyError } from '../keyring-changes';
import { releaseListener, progressSink } from '../listener';
import { lockoutRow } from '../lockout';
import { sealRow } from '../sealed-rows';
import { encodeSettings, SETTINGS_ID } from '../settings';
import type { BackupVault } from './layout';
import { RestoreSink } from './restore-sink';

/** What the engine lends the restore. */
export interface RestoreContext {
  readonly db: VaultDatabase;
  readonly writeKeyring: KeyringWriter;
  /** Deletes and reopens the database (empty). */
  readonly discard: () => Promise<void>;
}

/** A restored, written vault: open it with `keyring` and `bytes`. */
export interface RestoredVault {
  readonly keyring: UnlockedKeyring;
  readonly bytes: Uint8Array;
  readonly recoveryKey: string | null;
}

/** Slice size when pulling the file through the main thread. */
const READ_BYTES = 1024 * 1024;

async function* fileBytes(read: (offset: number, length: number) => Promise<Uint8Array>, size: number, onProgress: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < size; ) {
    const piece = await read(offset, Math.min(READ_BYTES, size - offset));
    if (piece.length === 0) return; // the file shrank: the reader reports it truncated
    offset += piece.length;
    onProgress(offset);
    yield piece;
  }
}

/** What a refusal means for the user. */
function restoreFailure(error: unknown): unknown {
  if (!(error instanceof BundleError)) return error;
  switch (error.code) {
    case 'wrong-passphrase':
    case 'invalid-input':
      return new BackupError('wrong-passphrase');
    case 'no-passphrase-stanza':
    case 'bad-magic':
    case 'too-small':
      return new BackupError('not-a-backup');
    default:
      return new BackupError(categoryOf(error.code) === 'not-for-us' ? 'not-a-backup' : 'damaged');
  }
}

/** The head index as shards, each at the generation the backup recorded for it. */
async function sealedShards(keyring: UnlockedKeyring, heads: ReadonlyMap<string, HeadEntry>, vault: BackupVault): Promise<StoredShard[]> {
  const generations = new Map(vault.vault.shards.map((shard) => [shard.n, shard.generation]));
  const grouped = new Map<number, Map<string, HeadEntry>>();
  for (const number of generations.keys()) grouped.set(number, new Map());
  for (const [id, entry] of heads) {
    const group = grouped.get(shardOf(id));
    // A record in a shard the backup says was never written: the backup contradicts itself.
    if (!group) throw new BackupError('not-a-backup');
    group.set(id, entry);
  }
  const rows: StoredShard[] = [];
  for (const [number, entries] of grouped) {
    const generation = generations.get(number) ?? 0;
    rows.push(await sealRow(keyring, { table: 'heads', id: number, compartment: 'general' }, encodeShard({ number, generation, entries })));
  }
  return rows;
}

/** Commits the head index, settings, lockout row and the restore's audit entry; returns the keyring to write. */
async function complete(db: VaultDatabase, sink: RestoreSink, bundleId: string, entries: number): Promise<UnlockedKeyring> {
  const vault = sink.complete();
  const keyring = sink.keyring;
  const shards = await sealedShards(keyring, sink.heads, vault);
  const { settings, settingsGeneration } = vault.vault;
  const settingsRow = settingsGeneration > 0 ? await sealRow(keyring, { table: 'vault', id: SETTINGS_ID, compartment: 'general' }, encodeSettings(settings, settingsGeneration)) : null;
  const head = { seq: vault.vault.audit.seq, hash: fromHex(vault.vault.audit.head, 32) ?? new Uint8Array(32) };
  const log = new AuditLog({ keyring, chainKey: async () => keyring.auditKey.slice() }, head);
  const prepared = await log.prepare({ action: 'restore', data: { bundle: bundleId, entries } });
  try {
    await db.transaction('rw', [db.heads, db.vault, db.meta, db.audit], async () => {
      await db.heads.bulkPut(shards);
      if (settingsRow) await db.vault.put(settingsRow);
      await db.meta.put(lockoutRow(0, settings.wipeAfterFailedUnlocks));
      await db.audit.bulkAdd(prepared.rows);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new VaultStorageFullError();
    throw error;
  }
  const taken = sink.takeKeyring();
  try {
    return withAuditHead(taken, prepared.head);
  } finally {
    disposeKeyring(taken);
  }
}

/** Restores the backup read through `read` into the (empty) database; writes the keyring last. */
export async function restoreVault(
  context: RestoreContext,
  read: (offset: number, length: number) => Promise<Uint8Array>,
  options: WorkerRestoreOptions,
  onProgress?: (bytes: number) => void,
): Promise<RestoredVault> {
  const report = progressSink(onProgress);
  let created;
  try {
    created = await createKeyring(options.passphrase, options.kdf, { withRecoveryKey: options.withRecoveryKey, kdf: argon2idInWorker });
  } catch (error) {
    releaseListener(read);
    releaseListener(onProgress);
    throw policyError(error);
  }
  const sink = new RestoreSink(context.db, created.unlocked);
  let restored: UnlockedKeyring | null = null;
  try {
    await context.discard();
    const verified = await readBundle(fileBytes(read, options.size, report), { unlock: { passphrase: options.backupPassphrase }, kdf: argon2idInWorker, sink, totalBytes: options.size });
    restored = await complete(context.db, sink, verified.manifest.bundle_id, verified.manifest.entries.length);
    const bytes = await serialiseKeyring(restored);
    await context.writeKeyring(bytes);
    return { keyring: restored, bytes, recoveryKey: created.recoveryKey ?? null };
  } catch (error) {
    const held = sink.dispose();
    if (held) disposeKeyring(held);
    if (restored) disposeKeyring(restored);
    await context.discard().catch(() => undefined);
    throw restoreFailure(error);
  } finally {
    disposeKeyring(created.unlocked);
    releaseListener(read);
    releaseListener(onProgress);
  }
}
