// Journey: panic wipe. After typing the confirmation word the vault is gone: the keyring file
// is no longer in the origin-private file system, the IndexedDB database is deleted, and the
// app shows first run, also after the browser is closed and opened again on the same profile.
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

/** Rows in every object store of the named databases. */
function rowsIn(page: Page, names: string[]): Promise<number> {
  return page.evaluate(async (databases) => {
    let rows = 0;
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      for (const store of db.objectStoreNames) {
        rows += await new Promise<number>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('count failed'));
        });
      }
      db.close();
    }
    return rows;
  }, names);
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
    // The vault's start-up may open (and so create) an empty database again; nothing is in it.
    const after = await storageOf(journey.page);
    expect(after.opfs).toEqual([]);
    expect(await rowsIn(journey.page, after.databases)).toBe(0);
    expect(journey.problems).toEqual([]);
  });
});
