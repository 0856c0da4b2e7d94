import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'vitest-browser-react';
import {
  CaseFileProvider,
  useCaseFile,
  usePerpetratorProfile,
  useSearch,
  useTestimonies,
  type Id,
} from '../../../../renderer/src/features/records';
import { VaultProvider } from '../../../../renderer/src/features/vault-session/vault-context';
import { deleteTestDatabases, makeUnlockedVault, PASSPHRASE } from '../../vault/support/vault-harness';
import { facilityInput, loggedSearch, makeCase, openCase, perpetratorInput, searchReady, testimonyInput, type SearchLog } from './support/records-harness';

afterEach(async () => {
  await cleanup();
  await deleteTestDatabases();
});

describe('search over the case file (search worker)', () => {
  it('finds the same facility and its testimonies from صيدنايا, Saydnaya and Sednaya, and ٢٣٥ as 235', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const sednaya = await commands.createFacility(facilityInput(['صيدنايا', 'Sednaya Military Prison']));
    const branch = await commands.createFacility(facilityInput(['الفرع ٢٣٥'], { type: 'intelligence_branch' }));
    const person = await commands.createPerpetrator(perpetratorInput(['خالد منصور', 'Abu Ali'], { positions: [{ rank: 'Colonel', unit: 'Military Police', source: { note: 'n' } }] }));
    const t = await commands.createTestimony(testimonyInput({ facilityId: sednaya.id, perpetratorId: person.id }));
    await searchReady(file);
    const search = store.search;
    if (!search) throw new Error('no search worker');
    // Saves made after the index loaded reach it too (incrementally, in order).
    await search.apply({});
    for (const query of ['صيدنايا', 'Saydnaya', 'Sednaya']) {
      const results = await search.search(query, 20);
      expect(results.facilities.map((h) => h.id), query).toEqual([sednaya.id]);
      expect(results.testimonies.map((h) => h.id), query).toEqual([t.id]);
    }
    expect((await search.search('235', 20)).facilities.map((h) => h.id)).toEqual([branch.id]);
    expect((await search.search('Khaled Mansour', 20)).perpetrators.map((h) => h.id)).toEqual([person.id]);
    expect((await search.search('military police', 20)).perpetrators.map((h) => h.id)).toEqual([person.id]);
    await commands.updateFacility({ ...branch.body, names: [...branch.body.names, { text: 'Palestine Branch', lang: 'en', kind: 'common' }] }, 1);
    await search.apply({});
    expect((await search.search('Palestine', 20)).facilities.map((h) => h.id)).toEqual([branch.id]);
    store.dispose();
    await client.dispose();
  });
});

function Probe({ perpetratorId, query }: { perpetratorId: Id; query: string }) {
  const file = useCaseFile();
  const list = useTestimonies({ status: ['draft'] }, { by: 'reference', direction: 'asc' });
  const profile = usePerpetratorProfile(perpetratorId);
  const results = useSearch(query);
  const summary = {
    file: file.status,
    testimonies: list.items.map((t) => t.body.referenceCode),
    profile: profile.status === 'found' ? profile.value.allegations.length : profile.status,
    search: results.status,
    facilities: results.facilities.length,
    snippet: results.testimonies[0]?.snippet ?? '',
  };
  return <output data-testid="probe">{JSON.stringify(summary)}</output>;
}

describe('everything is dropped at lock', () => {
  it('hooks return nothing, the search worker is terminated, and the next unlock starts from the vault', async () => {
    const harness = await makeUnlockedVault();
    const seed = await openCase(harness);
    const place = await seed.file.commands.createFacility(facilityInput(['صيدنايا']));
    const person = await seed.file.commands.createPerpetrator(perpetratorInput(['Rami Kassem']));
    const t = await seed.file.commands.createTestimony(testimonyInput({ facilityId: place.id, perpetratorId: person.id }));
    seed.file.store.dispose();

    const log: SearchLog = { spawned: [], terminated: [] };
    // The provider is deliberately NOT unmounted by the lock here: the store must drop its data on its own.
    const screen = await render(
      <VaultProvider client={harness.client}>
        <CaseFileProvider options={{ spawnSearch: loggedSearch(log) }}>
          <Probe perpetratorId={person.id} query="Saydnaya" />
        </CaseFileProvider>
      </VaultProvider>,
    );
    const probe = screen.getByTestId('probe');
    await expect.element(probe).toHaveTextContent(`"testimonies":["${t.body.referenceCode}"]`);
    await expect.element(probe).toHaveTextContent('"profile":1');
    await expect.element(probe).toHaveTextContent('"facilities":1');
    expect(log.spawned).toHaveLength(1);

    await harness.client.lock('manual');
    await expect.element(probe).toHaveTextContent('"file":"closed"');
    const after = JSON.parse(probe.element().textContent ?? '{}') as Record<string, unknown>;
    expect(after).toMatchObject({ testimonies: [], profile: 'missing', facilities: 0, snippet: '' });
    expect(log.terminated).toEqual(log.spawned);
    expect(probe.element().textContent).not.toContain('T-');
    await cleanup();

    // A new session loads from the vault again (nothing was cached across the lock).
    await harness.client.unlock(PASSPHRASE);
    const reopened = await openCase(harness);
    expect(reopened.file.store.data.testimonies.get(t.id)?.body.referenceCode).toBe(t.body.referenceCode);
    expect(reopened.search.spawned).toHaveLength(1);
    reopened.file.store.dispose();
    expect(reopened.search.terminated).toHaveLength(1);
    await expect(reopened.file.commands.createFacility(facilityInput(['x']))).rejects.toMatchObject({ name: 'CaseFileClosedError' });
    await harness.client.dispose();
  });
});
