import { afterEach, describe, expect, it } from 'vitest';
import { LockedError, VaultStateError } from '../../../renderer/src/vault/vault-errors';
import { deleteTestDatabases, dumpDatabase, makeHarness, makeUnlockedVault, noteKind, OTHER_PASSPHRASE, PASSPHRASE, realWorkers, type SpawnLog, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

describe('vault lifecycle', VAULT_TESTS, () => {
  it('starts at first run, creates, locks and unlocks again with the same records', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const { client, keyring } = await makeHarness({ spawnWorker: realWorkers(log) });
    expect(client.getState()).toEqual({ status: 'first-run' });

    const { recoveryKey } = await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    expect(recoveryKey).toBeNull();
    expect(keyring.bytes).not.toBeNull();
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null, hasRecoveryKey: false });

    const note = await client.records.create(noteKind, { title: 'Sednaya', text: 'صيدنايا' });
    await client.lock('manual');
    expect(client.getState()).toEqual({ status: 'locked', failedAttempts: 0, lastLockReason: 'manual', wipeAfterFailedUnlocks: null });

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const read = await client.records.read(noteKind, note.id);
    expect(read.body).toEqual({ title: 'Sednaya', text: 'صيدنايا' });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });
    await client.dispose();
    expect(log.terminated.length).toBe(log.spawned.length);
  });

  it('a wrong passphrase changes nothing but the failed-unlock counter', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    await client.records.create(noteKind, { title: 'a', text: 'b' });
    await client.lock('manual');
    const keyringBefore = keyring.bytes;
    const writesBefore = keyring.writes;
    const { meta: metaBefore, ...before } = await dumpDatabase(databaseName);

    expect(await client.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlock('short')).toEqual({ ok: false });

    expect(keyring.bytes).toEqual(keyringBefore);
    expect(keyring.writes).toBe(writesBefore);
    const { meta: metaAfter, ...after } = await dumpDatabase(databaseName);
    expect(after).toEqual(before);
    expect(metaBefore).toEqual([{ id: 'lockout', failedAttempts: 0, wipeAfter: null }]);
    expect(metaAfter).toEqual([{ id: 'lockout', failedAttempts: 2, wipeAfter: null }]);
    expect(client.getState()).toMatchObject({ status: 'locked', failedAttempts: 2 });

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(client.getState()).toMatchObject({ status: 'unlocked', failedAttemptsSinceLastUnlock: 2 });
    const trail = await client.auditTrail();
    expect(trail.rows.map((row) => row.action)).toContain('vault.unlock-failed');
    expect(trail.rows.find((row) => row.action === 'vault.unlock-failed')?.data).toEqual({ count: 2 });
    await client.dispose();
  });

  it('refuses a second session on the same vault (another tab) before counting an attempt', async () => {
    const first = await makeUnlockedVault();
    const second = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    await expect(second.client.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'in-use-elsewhere' });
    await expect(second.client.unlock(PASSPHRASE)).rejects.toBeInstanceOf(VaultStateError);
    expect(second.client.getState()).toMatchObject({ status: 'locked', failedAttempts: 0 });
    await first.client.lock('manual');
    expect(await second.client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await second.client.dispose();
    await first.client.dispose();
  });

  it('runs a double-submitted unlock once', async () => {
    const { client } = await makeUnlockedVault();
    await client.lock('manual');
    const [first, second] = await Promise.allSettled([client.unlock(PASSPHRASE), client.unlock(PASSPHRASE)]);
    expect(first).toEqual({ status: 'fulfilled', value: { ok: true } });
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'vault-exists' } });
    expect(client.getState()).toMatchObject({ status: 'unlocked', failedAttemptsSinceLastUnlock: 0 });
    await client.dispose();
  });

  it('rejects repository calls with LockedError once locked', async () => {
    const { client } = await makeUnlockedVault();
    const note = await client.records.create(noteKind, { title: 'a', text: 'b' });
    await client.lock('manual');
    await expect(client.records.read(noteKind, note.id)).rejects.toBeInstanceOf(LockedError);
    await expect(client.records.list(noteKind)).rejects.toBeInstanceOf(LockedError);
    await expect(client.auditTrail()).rejects.toBeInstanceOf(LockedError);
    await client.dispose();
  });
});
