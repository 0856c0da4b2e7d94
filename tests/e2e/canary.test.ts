// Canary test: everything secret a user types in this version (passphrases, a failed guess, the
// recovery key) is made of per-run canary strings, Latin and Arabic. After the session the
// browser is closed and every file of its profile is read: none of them may appear, in any
// encoding. A control string written by the test itself (not the app) into IndexedDB must be
// found, which proves the scan reaches the storage it is meant to check.
import { afterEach, describe, expect, it } from 'vitest';
import { arabicCanary, latinCanary, scanForCanaries, type Canary } from './canary-scan';
import { openApp, type Journey } from './harness';
import { createVault, expectHeading, lockWithShortcut, openSection, submitPassphrase } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

const joined = (label: string, ...parts: Canary[]): Canary => ({ label, text: parts.map((part) => part.text).join(' ') });

describe('canary scan of the browser profile', () => {
  it('finds no passphrase, failed guess or recovery key anywhere on disk', async () => {
    const first = [latinCanary('passphrase-1', 'P1'), arabicCanary('passphrase-1-ar')];
    const second = [arabicCanary('passphrase-2-ar'), latinCanary('passphrase-2', 'P2')];
    const guess = [latinCanary('failed-guess', 'G'), arabicCanary('failed-guess-ar')];
    const passphrase1 = joined('passphrase-1-whole', ...first);
    const passphrase2 = joined('passphrase-2-whole', ...second);
    const wrong = joined('failed-guess-whole', ...guess);
    const control = [latinCanary('control', 'CTRL'), arabicCanary('control-ar')];

    journey = await openApp();
    const { page } = journey;
    const recoveryKey = await createVault(page, passphrase1.text, { recoveryKey: true });
    expect(recoveryKey).not.toBeNull();

    // Change the passphrase: the old and the new one both pass through the vault.
    await openSection(page, 'Settings');
    await page.getByRole('button', { name: 'Choose a new passphrase…' }).click();
    await page.getByLabel('Current passphrase').fill(passphrase1.text);
    await page.getByLabel('New passphrase', { exact: true }).fill(passphrase2.text);
    await page.getByLabel('Type the new passphrase again').fill(passphrase2.text);
    await page.getByRole('button', { name: 'Change the passphrase', exact: true }).click();
    await expect.poll(() => page.getByText('The passphrase was changed.', { exact: false }).isVisible(), { timeout: 30_000 }).toBe(true);

    // A failed guess, then the recovery key, then the new passphrase.
    await lockWithShortcut(page);
    await submitPassphrase(page, wrong.text);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('That passphrase did not open the vault.');
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey ?? '');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expectHeading(page, 'The vault is open');
    await lockWithShortcut(page);
    await submitPassphrase(page, passphrase2.text);
    await expectHeading(page, 'The vault is open');
    await openSection(page, 'Audit trail');
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    await lockWithShortcut(page);

    // The control: written by the test (not the app) where a leak would land.
    await page.evaluate(
      ([latin, arabic]) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('canary-control', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('control');
          request.onerror = () => reject(request.error ?? new Error('open failed'));
          request.onsuccess = () => {
            const tx = request.result.transaction('control', 'readwrite');
            tx.objectStore('control').put({ latin, arabic }, 'value');
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
          };
        }),
      [control[0]?.text ?? '', control[1]?.text ?? ''],
    );
    expect(journey.problems).toEqual([]);
    await journey.close();

    const key = recoveryKey ?? '';
    const canaries: Canary[] = [
      ...first,
      ...second,
      ...guess,
      passphrase1,
      passphrase2,
      wrong,
      { label: 'recovery-key', text: key, core: key.replace(/-/g, '') },
    ];
    const scan = await scanForCanaries(journey.profileDir, [...canaries, ...control]);
    expect(scan.files).toBeGreaterThan(20);
    expect(scan.paths.some((path) => /IndexedDB/.test(path))).toBe(true);
    expect(scan.paths.some((path) => /File System/.test(path))).toBe(true);
    expect(new Set(scan.hits.filter((hit) => hit.label.startsWith('control')).map((hit) => hit.label))).toEqual(new Set(['control', 'control-ar']));
    expect(scan.hits.filter((hit) => !hit.label.startsWith('control'))).toEqual([]);
  });
});
