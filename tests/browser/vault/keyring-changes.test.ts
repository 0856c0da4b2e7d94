import { afterEach, describe, expect, it, vi } from 'vitest';
import { PassphrasePolicyError } from '../../../renderer/src/vault/vault-errors';
import type { StoredObject } from '../../../renderer/src/vault/worker/database';
import { defined, deleteTestDatabases, dumpDatabase, makeHarness, makeUnlockedVault, noteKind, OTHER_PASSPHRASE, PASSPHRASE, witnessCardKind, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

const NEW_PASSPHRASE = 'a completely different passphrase';

function sealedRows(dump: Record<string, unknown[]>): StoredObject[] {
  return ['objects', 'versions', 'heads', 'audit', 'vault'].flatMap((table) => (dump[table] ?? []) as StoredObject[]);
}

describe('passphrase change and rotation', VAULT_TESTS, () => {
  it('changing the passphrase re-wraps the master key only', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    const note = await client.records.create(noteKind, { title: 'kept', text: '' });
    const before = await dumpDatabase(databaseName);
    const keyringBefore = keyring.bytes;

    expect(await client.changePassphrase(OTHER_PASSPHRASE, NEW_PASSPHRASE)).toEqual({ ok: false });
    expect(keyring.bytes).toEqual(keyringBefore);
    await expect(client.changePassphrase(PASSPHRASE, 'short')).rejects.toBeInstanceOf(PassphrasePolicyError);

    expect(await client.changePassphrase(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ ok: true });
    const after = await dumpDatabase(databaseName);
    expect(after['objects']).toEqual(before['objects']);
    expect(after['versions']).toEqual(before['versions']);

    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    expect((await client.records.read(noteKind, note.id)).body.title).toBe('kept');
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    await client.dispose();
  });

  it('a compromised passphrase rotates compartment keys and re-wraps every data key', async () => {
    const harness = await makeHarness();
    const { client } = harness;
    const { recoveryKey } = await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: true });
    const note = await client.records.create(noteKind, { title: 'general', text: '' });
    await client.records.update(noteKind, note.id, { title: 'general v2', text: '' }, 1);
    const witness = await client.records.create(witnessCardKind, { fullName: 'شاهد' });
    const before = sealedRows(await dumpDatabase(harness.databaseName));

    const result = await client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE);
    expect(result).toMatchObject({ ok: true, recoveryKey: expect.any(String) });
    const newRecoveryKey = result.ok ? result.recoveryKey : null;
    expect(newRecoveryKey).not.toBe(recoveryKey);

    const after = new Map(sealedRows(await dumpDatabase(harness.databaseName)).map((row) => [row.id, row]));
    for (const row of before) {
      const now = after.get(row.id);
      if (!now) continue; // the settings singleton etc. may have been rewritten; checked below
      expect(now.epoch).toBe(2);
      expect(now.key).not.toEqual(row.key);
      expect(now.body).toEqual(row.body);
    }
    expect([...after.values()].every((row) => row.epoch === 2)).toBe(true);

    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlockWithRecoveryKey(recoveryKey ?? '')).toEqual({ ok: false, typo: false });
    expect(await client.unlockWithRecoveryKey(newRecoveryKey ?? '')).toEqual({ ok: true });
    expect((await client.records.read(noteKind, note.id)).body.title).toBe('general v2');
    expect((await client.records.history(noteKind, note.id)).length).toBe(2);
    expect((await client.records.read(witnessCardKind, witness.id)).body.fullName).toBe('شاهد');
    const actions = (await client.auditTrail()).rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['vault.passphrase-change', 'vault.rotate-start', 'vault.rotate-complete']));
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    await client.dispose();
  });

  it('unlocks with the recovery key and reports a typo as a typo', async () => {
    const { client } = await makeHarness();
    const { recoveryKey } = await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: true });
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    expect(client.getState()).toMatchObject({ hasRecoveryKey: true });
    await client.lock('manual');
    const key = defined(recoveryKey);
    const typo = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    expect(await client.unlockWithRecoveryKey(typo)).toEqual({ ok: false, typo: true });
    expect(client.getState()).toMatchObject({ status: 'locked', failedAttempts: 0 });
    expect(await client.unlockWithRecoveryKey(key.toLowerCase())).toEqual({ ok: true });
    await client.dispose();
  });

  it('keeps settings encrypted across sessions and applies the idle time', async () => {
    const { client } = await makeUnlockedVault();
    const spy = vi.spyOn(client.lockManager, 'setIdleMinutes');
    expect(await client.updateSettings({ idleLockMinutes: 12 })).toEqual({ idleLockMinutes: 12, wipeAfterFailedUnlocks: null });
    expect(spy).toHaveBeenCalledWith(12);
    await expect(client.updateSettings({ idleLockMinutes: 0 })).rejects.toThrow();
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    expect(client.getState()).toMatchObject({ settings: { idleLockMinutes: 12, wipeAfterFailedUnlocks: null } });
    await client.dispose();
  });
});
