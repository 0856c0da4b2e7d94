// "Back up the whole vault" in Settings, over the real vault: a confirmation that differs is
// refused at its field in English and Arabic with nothing written; cancelling while the file
// is being written, or closing the save dialog, leaves no file and no audit entry; a complete
// backup is one bundle file and one audit entry.
import { afterEach, describe, expect, it } from 'vitest';
import { BackupPanel } from '../../../../renderer/src/features/backup/backup-panel';
import { ar } from '../../../../renderer/src/i18n/ar';
import { en } from '../../../../renderer/src/i18n/en';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../../vault/support/vault-harness';
import { cleanUp } from '../feature-support';
import { renderWithDisk } from './support';

afterEach(async () => {
  await cleanUp();
  await deleteTestDatabases();
});

const BACKUP_PASSPHRASE = 'a backup passphrase kept on paper';

async function backupEntries(client: VaultClient): Promise<number> {
  return (await client.auditTrail()).rows.filter((row) => row.action === 'backup').length;
}

describe('backup panel', VAULT_TESTS, () => {
  for (const [language, m] of [['en', en], ['ar', ar]] as const) {
    it(`refuses a confirmation that differs at its field, and writes nothing (${language})`, async () => {
      const { client } = await makeUnlockedVault();
      const { screen, disk } = await renderWithDisk(<BackupPanel />, client, language);
      await screen.getByRole('button', { name: m.backup.open }).click();
      await screen.getByLabelText(m.passphrase.newLabel, { exact: true }).fill(BACKUP_PASSPHRASE);
      const confirmation = screen.getByLabelText(m.passphrase.confirmLabel, { exact: true });
      await confirmation.fill(`${BACKUP_PASSPHRASE}!`);
      await screen.getByRole('button', { name: m.backup.submit }).click();
      await expect.element(screen.getByText(m.passphrase.errorMismatch)).toBeVisible();
      await expect.element(confirmation).toHaveAttribute('aria-invalid', 'true');
      await expect.element(confirmation).toHaveAccessibleDescription(m.passphrase.errorMismatch);
      expect(disk.received).toBe(0);
      expect(disk.files).toEqual([]);
      expect(await backupEntries(client)).toBe(0);
      await client.dispose();
    });
  }

  it('leaves no file and no audit entry when cancelled mid-write or at the save dialog; then backs up', async () => {
    const { client } = await makeUnlockedVault();
    const { screen, disk } = await renderWithDisk(<BackupPanel />, client, 'en');
    await screen.getByRole('button', { name: en.backup.open }).click();
    await screen.getByLabelText(en.passphrase.newLabel, { exact: true }).fill(BACKUP_PASSPHRASE);
    await screen.getByLabelText(en.passphrase.confirmLabel, { exact: true }).fill(BACKUP_PASSPHRASE);
    const submit = screen.getByRole('button', { name: en.backup.submit });

    // Cancel while the bytes are being written: the save is held after its first chunk.
    let release: () => void = () => undefined;
    disk.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await submit.click();
    await expect.poll(() => disk.received, { timeout: 30_000 }).toBeGreaterThan(0);
    await screen.getByRole('button', { name: en.backup.cancel, exact: true }).click();
    release();
    await expect.element(screen.getByText(en.backup.cancelled), { timeout: 30_000 }).toBeVisible();
    expect(disk.files).toEqual([]);
    expect(await backupEntries(client)).toBe(0);
    await expect.element(submit).toBeEnabled();

    // The save dialog closed without saving.
    disk.gate = null;
    disk.answer = 'cancel';
    await submit.click();
    await expect.element(screen.getByRole('status').filter({ hasText: en.backup.cancelled })).toBeVisible();
    await expect.element(submit).toBeEnabled();
    expect(disk.files).toEqual([]);
    expect(await backupEntries(client)).toBe(0);

    // Saved: one bundle file, one audit entry.
    disk.answer = 'save';
    await submit.click();
    await expect.element(screen.getByRole('status').filter({ hasText: /^Backup saved as sijill-backup-\d{4}-\d{2}-\d{2}\.sijill\./ }), { timeout: 30_000 }).toBeVisible();
    expect(disk.files.map((file) => new TextDecoder().decode(file.bytes.slice(0, 4)))).toEqual(['SJB1']);
    expect(await backupEntries(client)).toBe(1);
    await client.dispose();
  });
});
