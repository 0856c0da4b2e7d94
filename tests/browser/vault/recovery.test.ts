/**
 * The recovery key after creation: a recovery-key session may set a new passphrase without the
 * old one (and only such a session), and the key can be added, replaced and removed from an
 * open vault after re-checking the passphrase.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PassphrasePolicyError, VaultStateError } from '../../../renderer/src/vault/vault-errors';
import { defined, deleteTestDatabases, makeHarness, makeUnlockedVault, OTHER_PASSPHRASE, PASSPHRASE, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

const NEW_PASSPHRASE = 'the passphrase chosen after recovery';

describe('recovery key', VAULT_TESTS, () => {
  it('lets a recovery-key session set a new passphrase without the old one, once', async () => {
    const { client } = await makeHarness();
    const recoveryKey = defined((await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: true })).recoveryKey);
    expect(client.getState()).toMatchObject({ openedWith: 'passphrase' });
    await expect(client.setNewPassphraseAfterRecovery(NEW_PASSPHRASE)).rejects.toMatchObject({ code: 'not-recovery-session' });

    await client.lock('manual');
    expect(await client.unlockWithRecoveryKey(recoveryKey)).toEqual({ ok: true });
    expect(client.getState()).toMatchObject({ status: 'unlocked', openedWith: 'recovery-key' });
    await expect(client.setNewPassphraseAfterRecovery('short')).rejects.toBeInstanceOf(PassphrasePolicyError);
    await client.setNewPassphraseAfterRecovery(NEW_PASSPHRASE);
    expect(client.getState()).toMatchObject({ openedWith: 'passphrase' });
    // The session now counts as opened with the new passphrase: no second change without it.
    await expect(client.setNewPassphraseAfterRecovery(OTHER_PASSPHRASE)).rejects.toBeInstanceOf(VaultStateError);
    const change = (await client.auditTrail()).rows.filter((row) => row.action === 'vault.passphrase-change');
    expect(change.map((row) => row.data)).toEqual([{ compromised: false, afterRecovery: true }]);

    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ openedWith: 'passphrase', auditWarning: null, hasRecoveryKey: true });
    await client.lock('manual');
    // Same master key: the recovery key still opens the vault.
    expect(await client.unlockWithRecoveryKey(recoveryKey)).toEqual({ ok: true });
    await client.dispose();
  });

  it('adds, replaces and removes the recovery key, each only with the current passphrase', async () => {
    const { client, keyring } = await makeUnlockedVault();
    expect(client.getState()).toMatchObject({ hasRecoveryKey: false });
    const writes = keyring.writes;
    expect(await client.replaceRecoveryKey(OTHER_PASSPHRASE)).toEqual({ ok: false });
    expect(keyring.writes).toBe(writes);

    const first = await client.replaceRecoveryKey(PASSPHRASE);
    const firstKey = first.ok ? first.recoveryKey : '';
    expect(firstKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    expect(client.getState()).toMatchObject({ hasRecoveryKey: true });
    const second = await client.replaceRecoveryKey(PASSPHRASE);
    const secondKey = second.ok ? second.recoveryKey : '';
    expect(secondKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
    expect(secondKey).not.toBe(firstKey);

    await client.lock('manual');
    expect(await client.unlockWithRecoveryKey(firstKey)).toEqual({ ok: false, typo: false });
    expect(await client.unlockWithRecoveryKey(secondKey)).toEqual({ ok: true });
    expect(await client.removeRecoveryKey(OTHER_PASSPHRASE)).toEqual({ ok: false });
    expect(client.getState()).toMatchObject({ hasRecoveryKey: true });
    expect(await client.removeRecoveryKey(PASSPHRASE)).toEqual({ ok: true });
    expect(client.getState()).toMatchObject({ hasRecoveryKey: false });
    const trail = await client.auditTrail();
    expect(trail.warning).toBeNull();
    expect(trail.rows.filter((row) => row.action.startsWith('vault.recovery-key')).map((row) => [row.action, row.data])).toEqual([
      ['vault.recovery-key-set', { replaced: false }],
      ['vault.recovery-key-set', { replaced: true }],
      ['vault.recovery-key-remove', {}],
    ]);

    await client.lock('manual');
    expect(await client.unlockWithRecoveryKey(secondKey)).toEqual({ ok: false, typo: false });
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(client.getState()).toMatchObject({ hasRecoveryKey: false });
    await client.dispose();
  });
});
