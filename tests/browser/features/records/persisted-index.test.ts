// The persisted search index over the real vault and the real search worker: it is saved
// encrypted after indexing settles, restored at the next unlock without re-indexing anything
// (and still finds narrative text and cross-script names), re-indexes exactly the testimonies
// saved behind its back (a renamed facility re-indexes nothing: linked names are matched at
// query time), is rebuilt when missing or unreadable, and holds no plaintext at rest.
import { afterEach, describe, expect, it } from 'vitest';
import { facilityKind, testimonyKind } from '../../../../renderer/src/features/records/record-kinds';
import type { CaseFile } from '../../../../renderer/src/features/records/case-commands';
import { PART_CHARS, SEARCH_INDEX_ID } from '../../../../renderer/src/vault/worker/search-index-store';
import { defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, rawDatabase, VAULT_TESTS, type Harness } from '../../vault/support/vault-harness';
import { facilityInput, openCase, perpetratorInput, searchReady, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

const CANARY = 'Indexcanaryqwv';
const ARABIC_CANARY = 'كناري الفهرس';

/** Opens the case file, waits for search, and saves the index now (instead of after the delay). */
async function openAndIndex(harness: Harness): Promise<CaseFile> {
  const { file } = await openCase(harness);
  await searchReady(file);
  await defined(file.store.search).flushIndex();
  return file;
}

async function reopen(harness: Harness, file: CaseFile): Promise<CaseFile> {
  file.store.dispose();
  await harness.client.lock('manual');
  expect(await harness.client.unlock(PASSPHRASE)).toEqual({ ok: true });
  return openAndIndex(harness);
}

const found = async (file: CaseFile, query: string) => (await defined(file.store.search).search(query, 20)).testimonies.map((hit) => hit.id);

async function seed(harness: Harness) {
  const { file } = await openCase(harness);
  const prison = await file.commands.createFacility(facilityInput(['صيدنايا', 'Sednaya Military Prison']));
  const person = await file.commands.createPerpetrator(perpetratorInput(['خالد منصور']));
  const first = await file.commands.createTestimony(testimonyInput({ facilityId: prison.id, perpetratorId: person.id }, { narrative: { language: 'en', text: `The door was shut. ${CANARY} was written on the wall.` } }));
  const second = await file.commands.createTestimony(testimonyInput({}, { narrative: { language: 'ar', text: `أمضيت أشهراً في زنزانة منفردة. ${ARABIC_CANARY}` } }));
  file.store.dispose();
  return { prison, person, first, second };
}

describe('persisted search index', VAULT_TESTS, () => {
  it('is restored at the next unlock without re-indexing, and still finds text and names across scripts', async () => {
    const harness = await makeUnlockedVault();
    const { first, second } = await seed(harness);
    const built = await openAndIndex(harness);
    expect(defined(built.store.search).lastLoad).toEqual({ restored: false, indexed: 2 });

    const file = await reopen(harness, built);
    expect(defined(file.store.search).lastLoad).toEqual({ restored: true, indexed: 0 });
    expect(await found(file, CANARY)).toEqual([first.id]);
    expect(await found(file, 'Saydnaya')).toEqual([first.id]);
    expect(await found(file, 'Khalid Mansur')).toEqual([first.id]);
    expect(await found(file, 'زنزانه منفرده')).toEqual([second.id]);
    // The snippet comes from the body, read for the hit (the index holds no texts).
    const hits = (await defined(file.store.search).search(CANARY, 20)).testimonies;
    expect(hits[0]?.snippet).toContain(CANARY);
    file.store.dispose();
    await harness.client.lock('manual');
  });

  it('re-indexes exactly the testimonies saved or deleted behind its back', async () => {
    const harness = await makeUnlockedVault();
    const { first, second } = await seed(harness);
    const built = await openAndIndex(harness);
    built.store.dispose();
    // Saved through the vault alone: the index on disk still has the old words.
    const full = await harness.client.records.read(testimonyKind, first.id);
    await harness.client.records.update(testimonyKind, first.id, { ...full.body, narrative: { language: 'en', text: 'A rewritten account about a courtyard.' } }, full.version);
    await harness.client.records.delete(testimonyKind, second.id, second.version);

    const file = await reopen(harness, built);
    expect(defined(file.store.search).lastLoad).toEqual({ restored: true, indexed: 1 });
    expect(await found(file, 'courtyard')).toEqual([first.id]);
    expect(await found(file, CANARY)).toEqual([]);
    expect(await found(file, 'زنزانة منفردة')).toEqual([]);
    // The rebuilt index was saved: the next unlock has nothing to do.
    const again = await reopen(harness, file);
    expect(defined(again.store.search).lastLoad).toEqual({ restored: true, indexed: 0 });
    expect(await found(again, 'courtyard')).toEqual([first.id]);
    again.store.dispose();
    await harness.client.lock('manual');
  });

  it('finds testimonies by linked names through renames, a merge, unlinking and deletion, and across unlocks', async () => {
    const harness = await makeUnlockedVault();
    const { file } = await openCase(harness);
    const { commands } = file;
    const sednaya = await commands.createFacility(facilityInput(['صيدنايا', 'Sednaya']));
    const tadmur = await commands.createFacility(facilityInput(['Tadmur Military Prison']));
    const person = await commands.createPerpetrator(perpetratorInput(['خالد منصور']));
    const linked = await commands.createTestimony(testimonyInput({ facilityId: tadmur.id, perpetratorId: person.id }));
    const other = await commands.createTestimony(testimonyInput({ facilityId: sednaya.id }));
    await searchReady(file);
    const sorted = async (f: CaseFile, query: string) => (await found(f, query)).sort();
    expect(await found(file, 'Palmyra')).toEqual([linked.id]);
    expect(await found(file, 'Khalid Mansur')).toEqual([linked.id]);
    // Renamed: found by the new name at once, no longer by the old one.
    await commands.updateFacility({ ...tadmur.body, names: [{ text: 'Mezzeh Airport Prison', lang: 'en', kind: 'common' }] }, tadmur.version);
    expect(await found(file, 'Mezzeh')).toEqual([linked.id]);
    expect(await found(file, 'Tadmur')).toEqual([]);
    // Merged into Sednaya: both testimonies now link the survivor, which has both names.
    await commands.mergeEntities('facility', sednaya.id, tadmur.id);
    expect(await sorted(file, 'Mezzeh')).toEqual([linked.id, other.id].sort());
    expect(await sorted(file, 'Saydnaya')).toEqual([linked.id, other.id].sort());
    // Unlinked: no longer found by those names.
    const saved = await harness.client.records.read(testimonyKind, linked.id);
    await commands.updateTestimony({ ...saved.body, detentionEpisodes: [], allegations: [] }, saved.version);
    expect(await found(file, 'Saydnaya')).toEqual([other.id]);
    expect(await found(file, 'خالد منصور')).toEqual([]);
    await defined(file.store.search).flushIndex();

    // Renamed behind the index's back: the next unlock re-indexes nothing and finds the new name.
    file.store.dispose();
    const survivor = await harness.client.records.read(facilityKind, sednaya.id);
    await harness.client.records.update(facilityKind, sednaya.id, { ...survivor.body, names: [{ text: 'Branch 235', lang: 'en', kind: 'common' }] }, survivor.version);
    const again = await reopen(harness, file);
    expect(defined(again.store.search).lastLoad).toEqual({ restored: true, indexed: 0 });
    expect(await found(again, '235')).toEqual([other.id]);
    expect(await found(again, 'Saydnaya')).toEqual([]);
    // Deleted: gone from the linked-name matches too.
    const last = defined(again.store.data.raw.testimonies.get(other.id));
    await again.commands.deleteTestimony(other.id, last.version);
    expect(await found(again, '235')).toEqual([]);
    again.store.dispose();
    await harness.client.lock('manual');
  });

  it('is rebuilt from the records when its rows are missing or tampered with', async () => {
    const harness = await makeUnlockedVault();
    const { first } = await seed(harness);
    let file = await openAndIndex(harness);
    for (const damage of ['flip', 'delete'] as const) {
      file.store.dispose();
      await harness.client.lock('manual');
      const db = await rawDatabase(harness.databaseName);
      const row = defined((await db.table('vault').get(SEARCH_INDEX_ID)) as { body: Uint8Array } | undefined, 'index manifest');
      if (damage === 'delete') await db.table('vault').delete(SEARCH_INDEX_ID);
      else {
        const body = row.body.slice();
        body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
        await db.table('vault').put({ ...row, body });
      }
      db.close();
      expect(await harness.client.unlock(PASSPHRASE)).toEqual({ ok: true });
      file = await openAndIndex(harness);
      expect(defined(file.store.search).lastLoad, damage).toEqual({ restored: false, indexed: 2 });
      expect(await found(file, CANARY)).toEqual([first.id]);
    }
    file.store.dispose();
    await harness.client.lock('manual');
  });

  it('stores an index of several parts and reads it back byte for byte, Arabic across part boundaries included', async () => {
    const harness = await makeUnlockedVault();
    // Two and a half parts of mixed one-, two- and three-byte characters: part cuts fall inside multi-byte runs.
    const unit = 'Sednaya صيدنايا ٢٣٥ – ';
    const text = unit.repeat(Math.ceil((PART_CHARS * 2.5) / unit.length));
    const bytes = new TextEncoder().encode(text);
    await harness.client.records.saveSearchIndex(bytes.slice());
    const back = defined(await harness.client.records.loadSearchIndex(), 'saved index');
    expect(back.length).toBe(bytes.length);
    expect(new TextDecoder().decode(back) === text).toBe(true);
    const db = await rawDatabase(harness.databaseName);
    expect(await db.table('vault').count()).toBeGreaterThanOrEqual(4); // the manifest and three parts (plus the settings)
    db.close();
    await harness.client.lock('manual');
  });

  it('keeps the index unreadable at rest (no word, name or reference code in clear)', async () => {
    const harness = await makeUnlockedVault();
    const { first } = await seed(harness);
    const file = await openAndIndex(harness);
    file.store.dispose();
    await harness.client.lock('manual');
    const dump = await dumpDatabase(harness.databaseName);
    expect(dump['vault']?.length).toBeGreaterThanOrEqual(2); // the manifest and at least one part
    const text = JSON.stringify(dump, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false }).decode(value) : value));
    for (const word of [CANARY, CANARY.toLowerCase(), ARABIC_CANARY, 'كناري', 'sednaya', 'صيدنايا', first.body.referenceCode, 'search-index', 'documentIds', 'linkedNames']) expect(text).not.toContain(word);
  });
});
