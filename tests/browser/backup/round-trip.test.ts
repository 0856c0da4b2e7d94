import { afterEach, describe, expect, it } from 'vitest';
import { databaseExists } from '../../../renderer/src/vault/database-presence';
import { BackupError, RecordIntegrityError, VaultStateError } from '../../../renderer/src/vault/vault-errors';
import { readWhole } from '../attachments/support';
import { defined, deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, VAULT_TESTS, witnessCardKind } from '../vault/support/vault-harness';
import { BACKUP_PASSPHRASE, backupBytes, expectRestoreRefused, memorySource, NEW_PASSPHRASE, partnerKind, populate, restoreFrom } from './support';

afterEach(deleteTestDatabases);

describe('whole-vault backup and restore', VAULT_TESTS, () => {
  it('backs up, wipes and restores the same vault: records, versions, tombstones, attachments, identity, audit trail', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    const made = await populate(client);
    const identity = await client.identity();
    const history = await client.records.history(noteKind, made.noteId);
    const { bytes, bundleId, entries } = await backupBytes(client, true);
    const trailBefore = await client.auditTrail();
    expect(trailBefore.rows.at(-1)).toMatchObject({ action: 'backup', data: { bundle: bundleId, entries } });

    await client.panicWipe();
    expect(client.getState().status).toBe('first-run');
    expect(keyring.bytes).toBeNull();

    const progress: number[] = [];
    await defined(client.restore)({
      source: memorySource(bytes),
      backupPassphrase: BACKUP_PASSPHRASE,
      passphrase: NEW_PASSPHRASE,
      profile: 'moderate',
      withRecoveryKey: false,
      onProgress: (read) => progress.push(read),
    });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });
    expect(progress.at(-1)).toBe(bytes.length);

    // Same records, ids, versions and histories, in both compartments.
    expect((await client.records.history(noteKind, made.noteId)).map((r) => [r.version, r.savedAt, r.body])).toEqual(history.map((r) => [r.version, r.savedAt, r.body]));
    expect((await client.records.read(witnessCardKind, made.witnessId)).compartment).toBe('witness');
    expect((await client.records.read(partnerKind, made.partnerId)).body).toEqual({ label: 'Partner legal team', verified: true });
    // The deleted record stays deleted and its id stays taken.
    expect((await client.records.list(noteKind)).records.map((r) => r.id)).toEqual([made.noteId]);
    await expect(client.records.create(noteKind, { title: 'x', text: '' }, { id: made.deletedId })).rejects.toBeInstanceOf(RecordIntegrityError);
    // Attachments: same bytes, SHA-256 verified again from the new chunks.
    expect(await readWhole(client, made.attachmentId)).toEqual(made.attachmentBytes);
    const verified = await client.attachments.verify(made.attachmentId);
    expect(verified.size).toBe(made.attachmentBytes.length);
    expect((await client.attachments.verify(made.emptyAttachmentId)).size).toBe(0);
    // Same device identity.
    expect((await client.identity()).fingerprint).toBe(identity.fingerprint);

    // The audit trail verifies: the backup's entries, then the restore (and the unlock after it).
    const trail = await client.auditTrail();
    expect(trail.warning).toBeNull();
    const actions = trail.rows.map((row) => row.action);
    const restoreAt = actions.indexOf('restore');
    expect(restoreAt).toBe(trailBefore.rows.length - 1); // every entry before the `backup` one, then `restore`
    expect(trail.rows.slice(0, restoreAt).map((row) => [row.seq, row.action, row.at])).toEqual(trailBefore.rows.slice(0, restoreAt).map((row) => [row.seq, row.action, row.at]));
    expect(trail.rows.every((row) => row.verified)).toBe(true);

    // The new passphrase opens it again, the old one does not, and the trail still verifies.
    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });
    expect(await databaseExists(databaseName)).toBe(true);
    await client.dispose();
  });

  it('refuses a restore while a vault exists, and changes nothing', async () => {
    const { client, keyring } = await makeUnlockedVault();
    const made = await populate(client);
    const { bytes } = await backupBytes(client);
    const restore = defined(client.restore);
    const options = { source: memorySource(bytes), backupPassphrase: BACKUP_PASSPHRASE, passphrase: NEW_PASSPHRASE, profile: 'moderate', withRecoveryKey: false } as const;
    await expect(restore(options)).rejects.toBeInstanceOf(VaultStateError);
    await client.lock('manual');
    const before = keyring.bytes;
    await expect(restore(options)).rejects.toBeInstanceOf(VaultStateError);
    expect(keyring.bytes).toEqual(before);
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect((await client.records.read(noteKind, made.noteId)).version).toBe(3);
    await client.dispose();
  });

  it('refuses a wrong backup passphrase, a flipped byte and a truncated file, leaving no vault', async () => {
    const vault = await makeUnlockedVault();
    const { client } = vault;
    await populate(client);
    const { bytes } = await backupBytes(client);
    await client.panicWipe();
    const flipped = bytes.slice();
    const middle = Math.floor(bytes.length / 2);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    const cases: [Uint8Array, string, BackupError['problem']][] = [
      [bytes, 'not the backup passphrase at all', 'wrong-passphrase'],
      [flipped, BACKUP_PASSPHRASE, 'damaged'],
      [bytes.slice(0, bytes.length - 100), BACKUP_PASSPHRASE, 'damaged'],
      [bytes.slice(0, 70_000), BACKUP_PASSPHRASE, 'damaged'],
      [new TextEncoder().encode('not a bundle at all, just some text that is long enough to be read'.repeat(4)), BACKUP_PASSPHRASE, 'not-a-backup'],
    ];
    for (const [source, passphrase, problem] of cases) {
      await expectRestoreRefused(vault, source, problem, passphrase);
    }
    // The intact file still restores afterwards.
    await restoreFrom(client, bytes);
    expect(client.getState().status).toBe('unlocked');
    await client.dispose();
  });
});
