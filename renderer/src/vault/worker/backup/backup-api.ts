/**
 * The worker's backup-writing calls, merged into the engine by vault-engine.ts. Runs in the
 * vault worker. A backup is held here under an id the main thread chose, and its bytes are
 * pulled about 1 MiB at a time (`readBackup`), so the main thread streams it to the file
 * without the bundle ever being whole in either thread. It dies with the worker at lock.
 */
import { transfer } from 'comlink';
import type { BackupWorkerApi } from '../../backup-types';
import { BackupError } from '../../vault-errors';
import type { Guard } from '../attachment-api';
import { progressSink, releaseListener } from '../listener';
import { pullBytes, type PulledBytes } from '../pull-bytes';
import { backupFailure, prepareBackup } from './backup-writer';

/** Bytes gathered per `readBackup` call: few enough round trips, little memory. */
const READ_BYTES = 1024 * 1024;

interface Slot {
  readonly iterator: AsyncIterator<Uint8Array>;
  readonly bundleId: string;
  readonly entries: number;
  done: boolean;
}

/** The calls, over the engine's guard. */
export function createBackupApi(guard: Guard): Omit<BackupWorkerApi, 'restoreBackup'> {
  const slots = new Map<string, Slot>();
  const slot = (id: string): Slot => {
    const found = slots.get(id);
    if (!found) throw new BackupError('cancelled');
    return found;
  };
  const drop = async (id: string) => {
    const found = slots.get(id);
    slots.delete(id);
    if (found && !found.done) await found.iterator.return?.(undefined).catch(() => undefined);
  };

  return {
    beginBackup: (backupId, options, onProgress) =>
      guard(async (session) => {
        if (slots.has(backupId)) throw new BackupError('cancelled');
        try {
          const prepared = await prepareBackup(session, options, progressSink(onProgress));
          const iterator = prepared.bundle.chunks[Symbol.asyncIterator]();
          slots.set(backupId, { iterator, bundleId: prepared.bundleId, entries: prepared.entries, done: false });
          return { bundleId: prepared.bundleId, size: prepared.bundle.size, entries: prepared.entries };
        } finally {
          releaseListener(onProgress);
        }
      }),

    readBackup: (backupId) =>
      guard(async (session) => {
        const current = slot(backupId);
        if (current.done) return null;
        let pulled: PulledBytes;
        try {
          pulled = await pullBytes(current.iterator, READ_BYTES, () => session.checkOpen());
        } catch (error) {
          current.done = true;
          slots.delete(backupId);
          throw backupFailure(error);
        }
        if (pulled.done) current.done = true;
        const out = pulled.bytes;
        if (out.length === 0) return null;
        return transfer(out, [out.buffer]);
      }),

    finishBackup: (backupId) =>
      guard(async (session) => {
        const current = slot(backupId);
        if (!current.done) throw new BackupError('cancelled');
        slots.delete(backupId);
        await session.exclusive(() => session.commit({ audit: [{ action: 'backup', data: { bundle: current.bundleId, entries: current.entries } }] }));
      }),

    abortBackup: (backupId) => drop(backupId),
  };
}
