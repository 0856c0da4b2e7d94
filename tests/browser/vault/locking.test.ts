import sodium from 'libsodium-wrappers-sumo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LockTimers } from '../../../renderer/src/vault/lock-manager';
import { LockedError } from '../../../renderer/src/vault/vault-errors';
import { deleteTestDatabases, inProcessWorkers, makeHarness, makeUnlockedVault, noteKind, OTHER_PASSPHRASE, PASSPHRASE, realWorkers, type SpawnLog, VAULT_TESTS } from './support/vault-harness';

afterEach(() => {
  vi.restoreAllMocks();
  return deleteTestDatabases();
});

/** Timers the test fires by hand. */
function manualTimers(): LockTimers & { fire(): void } {
  let pending: (() => void) | null = null;
  return {
    setTimeout: (callback) => {
      pending = callback;
      return 1;
    },
    clearTimeout: () => {
      pending = null;
    },
    fire: () => pending?.(),
  };
}

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

describe('locking', VAULT_TESTS, () => {
  it('zeroes key buffers, terminates the worker and keeps nothing decrypted', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const { client } = await makeUnlockedVault({ spawnWorker: inProcessWorkers({}, log) });
    const note = await client.records.create(noteKind, { title: 'secret', text: 'secret' });
    const url = client.trackObjectUrl(URL.createObjectURL(new Blob(['preview'])));
    const wiped: Uint8Array[] = [];
    const memzero = sodium.memzero.bind(sodium);
    vi.spyOn(sodium, 'memzero').mockImplementation((buffer: Uint8Array) => {
      wiped.push(buffer);
      memzero(buffer);
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');

    await client.lock('manual');
    // at least the master key, both compartment keys and the audit key (32 bytes each)
    expect(wiped.filter((b) => b.length === 32).length).toBeGreaterThanOrEqual(4);
    expect(wiped.every((b) => b.every((byte) => byte === 0))).toBe(true);
    expect(log.terminated).toEqual(log.spawned);
    expect(revoke).toHaveBeenCalledWith(url);
    expect(JSON.stringify(client.getState())).not.toContain('secret');
    await expect(client.records.read(noteKind, note.id)).rejects.toBeInstanceOf(LockedError);
    await client.dispose();
  });

  it('starts a fresh worker per unlock attempt and terminates failed ones', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const { client } = await makeUnlockedVault({ spawnWorker: realWorkers(log) });
    await client.lock('manual');
    await client.unlock(OTHER_PASSPHRASE);
    await client.unlock(PASSPHRASE);
    // create, failed unlock, unlock (init at first run spawns none: it must not open the database)
    expect(log.spawned.length).toBe(3);
    expect(log.terminated.length).toBe(2);
    await client.lock('idle');
    expect(log.terminated.length).toBe(3);
    await client.dispose();
  });

  it('locks after the idle time and on platform lock signals', async () => {
    const timers = manualTimers();
    const { client, platform } = await makeUnlockedVault({ lockTimers: timers });
    timers.fire();
    await vi.waitFor(() => expect(client.getState()).toMatchObject({ status: 'locked', lastLockReason: 'idle' }));

    await client.unlock(PASSPHRASE);
    platform.emit('suspend');
    await vi.waitFor(() => expect(client.getState()).toMatchObject({ status: 'locked', lastLockReason: 'suspend' }));
    await client.unlock(PASSPHRASE);
    client.lockManager.lockNow();
    await vi.waitFor(() => expect(client.getState()).toMatchObject({ status: 'locked', lastLockReason: 'manual' }));
    await client.dispose();
  });

  it('panic wipe destroys the keyring and the database and returns to first run', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    await client.records.create(noteKind, { title: 'to be wiped', text: '' });
    await client.panicWipe();
    expect(client.getState()).toEqual({ status: 'first-run' });
    expect(keyring.bytes).toBeNull();
    expect(await databaseExists(databaseName)).toBe(false);
    await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    expect((await client.records.list(noteKind)).records).toEqual([]);
    await client.dispose();
  });

  it('finishes an interrupted wipe at start-up: no keyring means the database is deleted, not emptied', async () => {
    const first = await makeUnlockedVault();
    await first.client.records.create(noteKind, { title: 'left behind', text: '' });
    await first.client.dispose();
    expect(await databaseExists(first.databaseName)).toBe(true);
    first.keyring.set(null);
    const second = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    expect(second.client.getState()).toEqual({ status: 'first-run' });
    expect(await databaseExists(first.databaseName)).toBe(false);
    await second.client.dispose();
  });

  it('never creates the database while there is no vault: a restart after a wipe leaves no trace', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const { client, databaseName } = await makeUnlockedVault();
    await client.panicWipe();
    await client.dispose();
    // The next start (a new client, as after a restart) and a lock signal on the welcome screen.
    const restarted = await makeHarness({ databaseName, spawnWorker: realWorkers(log) });
    restarted.platform.emit('suspend');
    expect(restarted.client.getState()).toEqual({ status: 'first-run' });
    expect(log.spawned).toEqual([]);
    expect(await databaseExists(databaseName)).toBe(false);
    await restarted.client.dispose();
  });

  it('carries the wipe policy into the locked state, for the lock screen to warn', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    await client.updateSettings({ wipeAfterFailedUnlocks: 5 });
    await client.lock('manual');
    expect(client.getState()).toEqual({ status: 'locked', failedAttempts: 0, lastLockReason: 'manual', wipeAfterFailedUnlocks: 5 });
    await client.unlock(OTHER_PASSPHRASE);
    expect(client.getState()).toMatchObject({ failedAttempts: 1, wipeAfterFailedUnlocks: 5 });
    await client.dispose();
    // A fresh start reads it from the lockout row, before any unlock.
    const restarted = await makeHarness({ keyring, databaseName });
    expect(restarted.client.getState()).toEqual({ status: 'locked', failedAttempts: 1, lastLockReason: null, wipeAfterFailedUnlocks: 5 });
    await restarted.client.dispose();
  });

  it('wipes after N failed unlocks only when enabled', async () => {
    const { client, keyring } = await makeUnlockedVault();
    await client.updateSettings({ wipeAfterFailedUnlocks: 3 });
    await client.lock('manual');
    await client.unlock(OTHER_PASSPHRASE);
    await client.unlock(OTHER_PASSPHRASE);
    expect(client.getState()).toMatchObject({ status: 'locked', failedAttempts: 2 });
    expect(await client.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false });
    expect(client.getState()).toEqual({ status: 'first-run' });
    expect(keyring.bytes).toBeNull();
    await client.dispose();
  });

  it('reports an unreadable keyring store as unavailable, never as first run', async () => {
    const { client, keyring } = await makeHarness();
    keyring.read = () => Promise.reject(new Error('disk error'));
    await client.init();
    expect(client.getState()).toEqual({ status: 'unavailable' });
    await client.dispose();
  });
});
