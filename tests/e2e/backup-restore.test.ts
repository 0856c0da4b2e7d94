// Journey (issue 6, backups): a documenter records a testimony in Arabic with an attachment,
// backs the whole vault up from Settings under a backup passphrase, panic-wipes, and restores
// from the first-run screen with the backup passphrase and a new vault passphrase. After
// unlocking with the new passphrase the testimony is there, its attachment verifies, the audit
// trail verifies (no warning) and the device identity has the same fingerprint. The backup file
// as saved on disk, and the browser profile after the restore, hold none of the typed or
// attached canaries in clear.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attachmentPanel, reopenTestimony } from './attachments-steps';
import { arabicCanary, latinCanary, scanForCanaries, type Canary } from './canary-scan';
import { isLocal, scratchPerTest } from './harness';
import { addSession, expectSaved, fill, lockAndUnlock, MESSAGES, openNav, press, startTestimony } from './records-steps';
import { createVault, expectHeading } from './vault-steps';

const scratch = scratchPerTest();

const m = MESSAGES.en;
const VAULT_PASSPHRASE = 'the orchard gate opens before dawn';
const BACKUP_PASSPHRASE = 'نسخة احتياطية في مكان آمن بعيداً';
const NEW_PASSPHRASE = 'a different passphrase for the restored vault';

/** This device's fingerprint, from the identity card screen (12 groups of 5 digits). */
async function fingerprint(page: Page): Promise<string> {
  await openNav(page, m.contacts.nav);
  await expectHeading(page, m.contacts.title);
  await press(page, m.contacts.openIdentity);
  await expectHeading(page, m.contacts.identity.title);
  const shown = page.locator('bdi.fingerprint').first();
  await expect.poll(() => shown.textContent(), { timeout: 30_000 }).toMatch(/^\d{5}( \d{5}){11}$/);
  return (await shown.textContent()) ?? '';
}

/** Clicks "Verify integrity" on an attachment row and waits for the SHA-256 to match. */
async function verifyAttachment(row: Locator): Promise<void> {
  await row.getByRole('button', { name: m.attachments.verify, exact: true }).click();
  await row.getByRole('status').filter({ hasText: 'SHA-256 matches' }).waitFor({ timeout: 60_000 });
}

/** Attachment content: filler with each canary inside, in UTF-8. */
function attachmentBytes(canaries: readonly Canary[]): Buffer {
  return Buffer.concat(canaries.flatMap((canary) => [Buffer.alloc(40_000, 0x2e), Buffer.from(canary.text, 'utf8')]));
}

describe('backup, panic wipe and restore in the browser build', () => {
  it('restores the same vault from a backup file that holds nothing in clear', async () => {
    const work = await scratch.folder('sijill-backup-e2e-');
    const narrativeCanary = arabicCanary('narrative');
    const contentCanaries = [latinCanary('attachment-latin', 'ATT'), arabicCanary('attachment-arabic')];
    const nameCanary = latinCanary('attachment-name', 'NAME');
    const narrative = `احتُجزتُ في سجن صيدنايا أحد عشر شهراً في زنزانة مكتظة. ${narrativeCanary.text}`;
    const attachmentName = `${nameCanary.text}.txt`;
    const content = attachmentBytes(contentCanaries);

    const journey = await scratch.openApp();
    const { page } = journey;
    await createVault(page, VAULT_PASSPHRASE);
    const fingerprintBefore = await fingerprint(page);

    // A testimony in Arabic with one attachment, verified once before the backup.
    await startTestimony(page, m);
    await addSession(page, m, 'Documenter D-19');
    await page.getByLabel(m.testimony.account.narrative, { exact: true }).fill(narrative);
    await expectSaved(page);
    const code = /T-\d{4}-\d{4,6}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
    expect(code).not.toBe('');
    const panel = attachmentPanel(page);
    await panel.waitFor({ timeout: 30_000 });
    await panel.locator('input[type="file"]').setInputFiles({ name: attachmentName, mimeType: 'text/plain', buffer: content });
    const row = panel.getByRole('article', { name: attachmentName });
    await row.waitFor({ timeout: 30_000 });
    await verifyAttachment(row);

    // Settings › Back up the whole vault, under its own passphrase; the download is the file.
    await openNav(page, m.shell.settings);
    await expectHeading(page, m.settings.title);
    const section = page.getByRole('region', { name: m.backup.title });
    await press(section, m.backup.open);
    await section.getByLabel(m.passphrase.newLabel, { exact: true }).fill(BACKUP_PASSPHRASE);
    await section.getByLabel(m.passphrase.confirmLabel, { exact: true }).fill(BACKUP_PASSPHRASE);
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await press(section, m.backup.submit);
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^sijill-backup-\d{4}-\d{2}-\d{2}\.sijill$/);
    await mkdir(join(work, 'backup'));
    const backupPath = join(work, 'backup', saved.suggestedFilename());
    await saved.saveAs(backupPath);
    await section.getByText(fill(m.backup.saved, { name: saved.suggestedFilename() })).waitFor({ timeout: 30_000 });
    const backupFile = await readFile(backupPath);
    expect(backupFile.subarray(0, 4).toString('latin1')).toBe('SJB1');

    // Panic wipe: back to the welcome screen.
    await page.getByLabel(fill(m.settings.panicWordLabel, { word: m.settings.panicWord })).fill(m.settings.panicWord);
    await press(page, m.settings.panicSubmit);
    await expectHeading(page, m.firstRun.title);

    // Restore from the first-run screen: the file, its passphrase, a new vault passphrase.
    await press(page, m.backup.restoreOpen);
    await expectHeading(page, m.backup.restoreTitle);
    const chooser = page.waitForEvent('filechooser');
    await press(page, m.backup.pickFile);
    await (await chooser).setFiles(backupPath);
    await page.getByText(fill(m.backup.picked, { name: saved.suggestedFilename() })).waitFor({ timeout: 15_000 });
    await page.getByLabel(m.backup.backupPassphrase, { exact: true }).fill(BACKUP_PASSPHRASE);
    await page.getByLabel(m.passphrase.newLabel, { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel(m.passphrase.confirmLabel, { exact: true }).fill(NEW_PASSPHRASE);
    await press(page, m.backup.restoreSubmit);
    // Two Argon2id runs at the app's real cost (the backup's and the new vault's), then every
    // entry is checked: longer than a heading usually takes on two busy cores.
    await page.getByRole('heading', { level: 1, name: m.home.title }).waitFor({ timeout: 120_000 });

    // The restored vault opens with the new passphrase (and only locks and unlocks as usual).
    await lockAndUnlock(page, m, NEW_PASSPHRASE);

    // The testimony, its Arabic narrative and its attachment, which verifies from the new chunks.
    await reopenTestimony(page, code);
    await expect.poll(() => page.getByLabel(m.testimony.account.narrative, { exact: true }).inputValue(), { timeout: 30_000 }).toBe(narrative);
    await verifyAttachment(attachmentPanel(page).getByRole('article', { name: attachmentName }));

    // The audit trail verifies and ends with the restore (the backup's own entry was written
    // after its snapshot, so it is not in the backup: the trail before it is).
    await openNav(page, m.shell.audit);
    await expectHeading(page, m.audit.title);
    await page.getByRole('status').filter({ hasText: 'The chain verifies' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.audit-warning').count()).toBe(0);
    expect(await page.getByText(m.audit.warningTitle).count()).toBe(0);
    expect(await page.getByRole('cell', { name: m.backup.actionRestore, exact: true }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: m.audit.actionVaultCreate, exact: true }).count()).toBe(1);

    // Same device identity.
    expect(await fingerprint(page)).toBe(fingerprintBefore);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
    await journey.close();

    // The restored vault's profile: the restore rebuilt every record and attachment, and left
    // none of them in clear (the scanner itself is proven by canary-scan.test.ts).
    const canaries = [narrativeCanary, nameCanary, ...contentCanaries];
    const profile = await scanForCanaries(journey.profileDir, canaries);
    expect(profile.files).toBeGreaterThan(20);
    expect(profile.paths.some((path) => /IndexedDB/.test(path))).toBe(true);
    expect(profile.hits).toEqual([]);

    // The backup on disk: no canary in any encoding. A control file with the same canaries in
    // clear is found by the same scan, or the scan proves nothing.
    await mkdir(join(work, 'control'));
    await writeFile(join(work, 'control', 'clear.bin'), Buffer.concat([Buffer.from(narrative, 'utf8'), Buffer.from(attachmentName, 'utf8'), content]));
    const control = await scanForCanaries(join(work, 'control'), canaries);
    expect(new Set(control.hits.map((hit) => hit.label))).toEqual(new Set(canaries.map((canary) => canary.label)));
    const scan = await scanForCanaries(join(work, 'backup'), canaries);
    expect(scan.files).toBe(1);
    expect(scan.bytes).toBe(backupFile.length);
    expect(scan.hits).toEqual([]);
  }, 300_000);
});
