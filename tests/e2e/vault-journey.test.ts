// Journey: a documenter creates a vault in English, keeps the recovery key, locks with the
// shortcut, mistypes the passphrase, unlocks, visits settings and the audit trail, switches to
// Arabic (the open vault's screens mirror) and locks again. No console errors, nothing off
// 127.0.0.1, nothing in web storage.
import { afterEach, describe, expect, it } from 'vitest';
import { isLocal, openApp, type Journey } from './harness';
import { confirmRecoveryKey, createVault, expectHeading, lockWithShortcut, openSection, submitPassphrase } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const PASSPHRASE = 'the olive press on the old market road';

describe('vault journey in the browser build', () => {
  it('creates, locks, refuses, unlocks, and mirrors the open vault in Arabic', async () => {
    journey = await openApp();
    const { page } = journey;
    await expectHeading(page, 'Welcome to Sijill');

    const key = await createVault(page, PASSPHRASE, { recoveryKey: true, keepRecoveryScreen: true });
    expect(key).toMatch(/^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){13}$/);
    // Printing shows the key alone: the app is hidden, the print block is not.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app').isVisible()).toBe(false);
    expect(await page.locator('.recovery-key-print').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await confirmRecoveryKey(page);

    await lockWithShortcut(page);
    await submitPassphrase(page, 'not the right passphrase');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('That passphrase did not open the vault.');
    await submitPassphrase(page, PASSPHRASE);
    await expectHeading(page, 'The vault is open');
    expect(await page.getByText('Failed unlock attempts since the vault was last opened: 1.', { exact: false }).isVisible()).toBe(true);

    await openSection(page, 'Settings');
    await expectHeading(page, 'Settings');
    const headingLtr = await page.getByRole('heading', { level: 1 }).boundingBox();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expectHeading(page, 'الإعدادات');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    // Mirrored: the heading's text now ends at the right edge of the column.
    const headingRtl = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
      const range = document.createRange();
      range.selectNodeContents(h1);
      return { text: range.getBoundingClientRect().right, column: h1.getBoundingClientRect().right };
    });
    expect(Math.abs(headingRtl.text - headingRtl.column)).toBeLessThan(2);
    expect(headingLtr).not.toBeNull();
    expect(await page.getByLabel('للتأكيد، اكتب كلمة «مسح»').isVisible()).toBe(true);

    await openSection(page, 'سجل التدقيق');
    await expectHeading(page, 'سجل التدقيق');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(['إنشاء الخزنة', 'محاولات فتح فاشلة', 'فتح قفل الخزنة']);

    await page.getByRole('button', { name: 'قفل', exact: true }).click();
    await expectHeading(page, 'سجل مقفل');
    expect(await page.getByText('قُفلت الخزنة.').isVisible()).toBe(true);

    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
