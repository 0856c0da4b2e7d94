// Journey: panic wipe. After typing the confirmation word the vault is gone: the keyring file
// is no longer in the origin-private file system, the IndexedDB database is deleted, and the
// app shows first run, also after the browser is closed and opened again on the same profile,
// without creating the database again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Journey } from './harness';
import { createVault, expectHeading, openSection } from './vault-steps';

let journey: Journey | undefined;
afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

/** What the origin holds: OPFS entry names and IndexedDB database names. */
function storageOf(page: Page): Promise<{ opfs: string[]; databases: string[] }> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const opfs: string[] = [];
    for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) opfs.push(name);
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '');
    return { opfs: opfs.sort(), databases };
  });
}

describe('panic wipe in the browser build', () => {
  it('destroys the keyring and the database and returns to first run', async () => {
    journey = await openApp();
    const { page } = journey;
    await createVault(page, 'a passphrase to be wiped away soon');
    expect(await storageOf(page)).toEqual({ opfs: ['keyring.sjk'], databases: ['sijill-vault'] });

    await openSection(page, 'Settings');
    const wipe = page.getByRole('button', { name: 'Wipe this vault now' });
    expect(await wipe.isDisabled()).toBe(true);
    await page.getByLabel('To confirm, type “WIPE”').fill('WIPE');
    await wipe.click();
    await expectHeading(page, 'Welcome to Sijill');
    await expect.poll(() => storageOf(page)).toEqual({ opfs: [], databases: [] });

    const { profileDir } = journey;
    await journey.close();
    journey = await openApp({ profileDir });
    await expectHeading(journey.page, 'Welcome to Sijill');
    // Start-up looks for the database without opening it (opening would create it, and an empty
    // database named after the app shows it was used here): the origin holds nothing at all.
    expect(await storageOf(journey.page)).toEqual({ opfs: [], databases: [] });
    // Still nothing after a reload and a while on the welcome screen.
    await journey.page.reload();
    await expectHeading(journey.page, 'Welcome to Sijill');
    expect(await storageOf(journey.page)).toEqual({ opfs: [], databases: [] });
    expect(journey.problems).toEqual([]);
  });
});
