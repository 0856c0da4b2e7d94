// The bench's bulk generation (tests/bench/page) must store what the app stores: a vault
// filled by the bulk writer and one filled record by record through the vault client hold the
// same records, the same kinds and numbers of rows, and both verify their audit chain and
// head-shard generations at unlock. Real crypto, real IndexedDB, real workers; no timing.
import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../../../shared/crypto';
import { consentKind, facilityKind, perpetratorKind, testimonyKind, witnessKind } from '../../../renderer/src/features/records/record-kinds';
import { createVaultClient } from '../../../renderer/src/vault/create-vault-client';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { VaultDatabase } from '../../../renderer/src/vault/worker/database';
import { createMemoryVaultPlatform } from '../../fakes/memory-keyring';
import { BENCH_PASSPHRASE, populate } from '../../bench/page/populate';
import { syntheticVault } from '../../bench/page/synthetic-vault';
import { benchPartner, partnerContactId } from '../../bench/page/partner';
import { addPartner } from '../import/support';

/** Testimonies 0..4: none of them has an attachment (1 in 10, at index 5, 15, …). */
const COUNT = 5;

async function recordByRecord(databaseName: string): Promise<VaultClient> {
  const vault = syntheticVault(11, COUNT);
  const client = createVaultClient({ platform: createMemoryVaultPlatform(), databaseName, kdfParams: () => KDF_FLOOR });
  await client.init();
  await client.create({ passphrase: BENCH_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
  await addPartner(client, await benchPartner(vault.seed));
  const partnerId = await partnerContactId(client);
  for (const facility of vault.facilities) await client.records.create(facilityKind, facility, { id: facility.id });
  for (const person of vault.perpetrators) await client.records.create(perpetratorKind, person, { id: person.id });
  for (let index = 0; index < COUNT; index += 1) {
    const witness = vault.witness(index);
    const consent = vault.consent(index, partnerId);
    if (witness) await client.records.create(witnessKind, witness, { id: witness.id });
    if (consent) await client.records.create(consentKind, consent, { id: consent.id });
    const body = vault.testimony(index);
    await client.records.create(testimonyKind, body, { id: body.id });
  }
  await client.lock('manual');
  return client;
}

async function rowCounts(databaseName: string) {
  const db = new VaultDatabase(databaseName);
  await db.open();
  try {
    return { objects: await db.objects.count(), versions: await db.versions.count(), heads: await db.heads.count(), chunks: await db.chunks.count() };
  } finally {
    db.close();
  }
}

async function contents(client: VaultClient) {
  expect(await client.unlock(BENCH_PASSPHRASE)).toEqual({ ok: true });
  await client.auditChecked(); // the full audit check may end after unlock
  const state = client.getState();
  expect(state.status === 'unlocked' && state.auditWarning).toBe(null);
  const testimonies = await client.records.list(testimonyKind);
  const facilities = await client.records.list(facilityKind);
  const perpetrators = await client.records.list(perpetratorKind);
  const witnesses = await client.records.list(witnessKind);
  const consents = await client.records.list(consentKind);
  const trail = await client.auditTrail();
  await client.lock('manual');
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  return {
    unreadable: [...testimonies.unreadable, ...facilities.unreadable, ...perpetrators.unreadable, ...witnesses.unreadable, ...consents.unreadable],
    testimonies: byId(testimonies.records).map((r) => ({ id: r.id, version: r.version, body: r.body })),
    facilities: byId(facilities.records).map((r) => r.body),
    perpetrators: byId(perpetrators.records).map((r) => r.body),
    witnesses: byId(witnesses.records).map((r) => r.body),
    // Consents name the partner contact, whose id each vault drew for itself.
    consents: byId(consents.records).map((r) => ({ id: r.id, witnessId: r.body.witnessId, events: r.body.events.length })),
    creates: trail.rows.filter((row) => row.action === 'record.create').length,
    allVerified: trail.rows.every((row) => row.verified),
  };
}

describe('bench bulk generation', () => {
  it('stores what record-by-record saves store, and the vault verifies at unlock', async () => {
    const run = crypto.randomUUID();
    const names = { vault: `bench-bulk-${run}`, plain: `bench-bulk-plain-${run}` };
    const stages: string[] = [];
    const bulk = await populate(syntheticVault(11, COUNT), COUNT, names, (message) => stages.push(message));
    expect(bulk.attachments).toBe(0);
    expect(stages.some((message) => message.startsWith(`testimonies: ${COUNT} / ${COUNT}`))).toBe(true);
    const reference = await recordByRecord(`bench-reference-${run}`);

    const [a, b] = [await contents(bulk.client), await contents(reference)];
    expect(a.unreadable).toEqual([]);
    expect(a.testimonies).toHaveLength(COUNT);
    expect(a.testimonies).toEqual(b.testimonies);
    expect(a.facilities).toEqual(b.facilities);
    expect(a.perpetrators).toEqual(b.perpetrators);
    // Testimonies 1 and 3 are shared: a witness and a consent each.
    expect(a.witnesses).toHaveLength(2);
    expect(a.witnesses).toEqual(b.witnesses);
    expect(a.consents).toEqual(b.consents);
    expect(a.creates).toBe(b.creates);
    expect(a.allVerified && b.allVerified).toBe(true);
    // A record's head shard is named by its id's first byte, and some ids (the partner
    // contact, the vault's own sequence records) are random: the number of shards touched may
    // differ by chance, so it is compared loosely; both vaults' shards verified at unlock above.
    const [bulkRows, referenceRows] = [await rowCounts(names.vault), await rowCounts(`bench-reference-${run}`)];
    expect({ ...bulkRows, heads: 0 }).toEqual({ ...referenceRows, heads: 0 });
    expect(bulkRows.heads).toBeGreaterThan(0);
    expect(referenceRows.heads).toBeGreaterThan(0);

    await bulk.client.panicWipe();
    await reference.panicWipe();
  }, 120_000);
});
