import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../../../../shared/crypto';
import {
  buildDemoData,
  createDemoVault,
  createDemoVaultClient,
  DEMO_DATABASE_NAME,
  DEMO_PASSPHRASE,
  loadDemoData,
  NotDemoVaultError,
  testimonyKind,
} from '../../../../renderer/src/features/records';
import { checkTestimonyLinks } from '../../../../renderer/src/features/records/link-integrity';
import { createMemoryVaultPlatform } from '../../../fakes/memory-keyring';
import { deleteTestDatabases, makeUnlockedVault } from '../../vault/support/vault-harness';
import { openCase, searchReady } from './support/records-harness';

const demoNames: string[] = [];
afterEach(async () => {
  await deleteTestDatabases();
  for (const name of demoNames.splice(0)) await Dexie.delete(name);
});

function demoDatabase(): string {
  const name = `sijill-demo-test-${crypto.randomUUID()}`;
  demoNames.push(name);
  return name;
}

describe('demo vault', () => {
  it('is its own database with an in-memory keyring, flagged demo, and holds the synthetic case file', async () => {
    const real = createMemoryVaultPlatform();
    const databaseName = demoDatabase();
    const demo = await createDemoVault({ platform: real, databaseName });
    expect(demo.demo).toBe(true);
    expect(demo.getState().status).toBe('unlocked');
    // The platform's keyring (the real vault's) was never written.
    expect(real.keyring.bytes).toBeNull();
    expect(real.keyring.writes).toBe(0);
    const data = buildDemoData();
    const listed = await demo.records.list(testimonyKind);
    expect(listed.records).toHaveLength(data.testimonies.length);

    const { file } = await openCase({ client: demo, platform: real, keyring: real.keyring, databaseName });
    const cased = file.store.data;
    for (const t of cased.raw.testimonies.values()) expect(() => checkTestimonyLinks(cased, t.body)).not.toThrow();
    expect([...cased.testimonies.values()].some((t) => t.consent === 'withdrawn')).toBe(true);
    await searchReady(file);
    const hits = await file.store.search?.search('Saydnaya', 20);
    expect(hits?.facilities.length).toBeGreaterThanOrEqual(2);
    // A testimony added while exploring continues the demo's numbering.
    const year = new Date().getFullYear();
    // The case file holds summaries: the full body of a sample is read from the vault.
    const sampleId = [...cased.raw.testimonies.keys()][0];
    if (!sampleId) throw new Error('no demo testimony');
    const sample = (await demo.records.read(testimonyKind, sampleId)).body;
    const { id: _id, referenceCode: _code, amendment: _amendment, ...input } = sample;
    const added = await file.commands.createTestimony({ ...input, status: 'draft' });
    expect(added.body.referenceCode).toMatch(new RegExp(`^T-${year}-\\d{4}$`));
    expect([...cased.raw.testimonies.values()].map((t) => t.body.referenceCode)).not.toContain(added.body.referenceCode);

    // Locked, it unlocks with the public demo passphrase; the database name is the demo one by default.
    await demo.lock('manual');
    expect((await demo.unlock(DEMO_PASSPHRASE)).ok).toBe(true);
    file.store.dispose();
    await demo.dispose();
    expect(createDemoVaultClient({ platform: real }).demo).toBe(true);
    expect(DEMO_DATABASE_NAME).not.toBe('sijill-vault');
  });

  it('never loads demo data into a real vault', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    await expect(loadDemoData(client)).rejects.toBeInstanceOf(NotDemoVaultError);
    expect((await client.records.list(testimonyKind)).records).toEqual([]);
    expect(client.demo).toBeUndefined();
    await client.dispose();
    expect(databaseName).not.toBe(DEMO_DATABASE_NAME);
  });

  it('is gone after the app closes: a new demo client finds no keyring and starts fresh', async () => {
    const platform = createMemoryVaultPlatform();
    const databaseName = demoDatabase();
    const first = await createDemoVault({ platform, databaseName, kdfParams: () => KDF_FLOOR });
    await first.dispose();
    const next = createDemoVaultClient({ platform, databaseName });
    await next.init();
    expect(next.getState().status).toBe('first-run');
    await next.dispose();
  });
});
