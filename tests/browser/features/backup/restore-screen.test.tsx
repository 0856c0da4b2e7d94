// "Restore from backup" on first run, over the real vault: a wrong backup passphrase is one
// translated sentence (English and Arabic), the screen and what was typed stay, and no vault is
// left behind; the right passphrase then restores and opens the vault. Without a file, the form
// says to choose one.
import { afterEach, describe, expect, it } from 'vitest';
import { RestoreScreen } from '../../../../renderer/src/features/backup/restore-screen';
import { ar } from '../../../../renderer/src/i18n/ar';
import { en } from '../../../../renderer/src/i18n/en';
import { databaseExists } from '../../../../renderer/src/vault/database-presence';
import { BACKUP_PASSPHRASE, backupBytes, NEW_PASSPHRASE } from '../../backup/support';
import { deleteTestDatabases, makeUnlockedVault, noteKind, VAULT_TESTS } from '../../vault/support/vault-harness';
import { cleanUp } from '../feature-support';
import { pickedFile, renderWithDisk } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

/** A vault with one record, backed up, then wiped: the client is back at first run. */
async function wipedWithBackup() {
  const harness = await makeUnlockedVault();
  const note = await harness.client.records.create(noteKind, { title: 'Sednaya Prison, wing B', text: 'سجن صيدنايا' });
  const { bytes } = await backupBytes(harness.client);
  await harness.client.panicWipe();
  return { ...harness, bytes, noteId: note.id };
}

describe('restore screen', VAULT_TESTS, () => {
  for (const [language, m] of [['en', en], ['ar', ar]] as const) {
    it(`says a wrong backup passphrase does not open it, stays, and leaves no vault (${language})`, async () => {
      const { client, keyring, databaseName, bytes, noteId } = await wipedWithBackup();
      let cancelled = 0;
      const { screen } = await renderWithDisk(<RestoreScreen onCancel={() => (cancelled += 1)} />, client, language, () => pickedFile('sijill-backup-2026-03-15.sijill', bytes));
      await screen.getByRole('button', { name: m.backup.pickFile }).click();
      await expect.element(screen.getByText(m.backup.picked.replace('{{name}}', 'sijill-backup-2026-03-15.sijill'))).toBeVisible();
      const backupPassphrase = screen.getByLabelText(m.backup.backupPassphrase, { exact: true });
      await backupPassphrase.fill('not the passphrase of this backup');
      await screen.getByLabelText(m.passphrase.newLabel, { exact: true }).fill(NEW_PASSPHRASE);
      await screen.getByLabelText(m.passphrase.confirmLabel, { exact: true }).fill(NEW_PASSPHRASE);
      await screen.getByRole('button', { name: m.backup.restoreSubmit }).click();

      await expect.element(screen.getByRole('alert'), { timeout: 30_000 }).toHaveTextContent(m.backup.error['wrong-passphrase']);
      await expect.element(screen.getByRole('heading', { level: 1, name: m.backup.restoreTitle })).toBeVisible();
      await expect.element(backupPassphrase).toHaveValue('not the passphrase of this backup');
      await expect.element(screen.getByRole('button', { name: m.backup.restoreSubmit })).toBeEnabled();
      expect(client.getState().status).toBe('first-run');
      expect(keyring.bytes).toBeNull();
      expect(await databaseExists(databaseName)).toBe(false);
      expect(cancelled).toBe(0);

      // The right passphrase, from the same screen: the vault is restored and open.
      await backupPassphrase.fill(BACKUP_PASSPHRASE);
      await screen.getByRole('button', { name: m.backup.restoreSubmit }).click();
      await expect.poll(() => client.getState().status, { timeout: 30_000 }).toBe('unlocked');
      expect((await client.records.read(noteKind, noteId)).body.text).toBe('سجن صيدنايا');
      await client.dispose();
    });
  }

  it('asks for a file before restoring', async () => {
    const { client, keyring } = await wipedWithBackup();
    const { screen } = await renderWithDisk(<RestoreScreen onCancel={() => undefined} />, client, 'en');
    await screen.getByLabelText(en.backup.backupPassphrase, { exact: true }).fill(BACKUP_PASSPHRASE);
    await screen.getByLabelText(en.passphrase.newLabel, { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByLabelText(en.passphrase.confirmLabel, { exact: true }).fill(NEW_PASSPHRASE);
    await screen.getByRole('button', { name: en.backup.restoreSubmit }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(en.backup.noFile);
    expect(client.getState().status).toBe('first-run');
    expect(keyring.bytes).toBeNull();
    await client.dispose();
  });
});
