import { afterEach, describe, expect, it } from 'vitest';
import { MergeError, VaultStorageFullError } from '../../../../renderer/src/features/records';
import type { CaseData } from '../../../../renderer/src/features/records/case-data';
import { CaseStore } from '../../../../renderer/src/features/records/case-store';
import { checkFacilityLinks, checkPerpetratorLinks, checkTestimonyLinks } from '../../../../renderer/src/features/records/link-integrity';
import type { CaseFile } from '../../../../renderer/src/features/records/case-commands';
import type { VaultClient } from '../../../../renderer/src/vault/vault-client';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { facilityInput, makeCase, openCase, perpetratorInput, quotaAfter, session, testimonyInput, type CaseHarness } from './support/records-harness';

afterEach(deleteTestDatabases);

/** A case with a duplicate facility linked from everywhere a facility can be linked. */
async function duplicateFacilityCase(file: CaseFile) {
  const { commands } = file;
  const survivor = await commands.createFacility(facilityInput(['صيدنايا', 'Sednaya']));
  const merged = await commands.createFacility(facilityInput(['Saidnaya prison', 'sednaya']));
  const part = await commands.createFacility(facilityInput(['Red building'], { type: 'building', parentId: merged.id }));
  const holder = await commands.createPerpetrator(perpetratorInput(['Majed Omran'], { positions: [{ role: 'director', facilityId: merged.id, source: { note: 'defector list' } }] }));
  const open = await commands.createTestimony(testimonyInput({ facilityId: merged.id, perpetratorId: holder.id }));
  const other = await commands.createTestimony(testimonyInput({ facilityId: survivor.id }));
  let sealed = await commands.createTestimony(testimonyInput({ facilityId: merged.id }, { status: 'complete', sessions: [session()] }));
  sealed = await commands.changeTestimonyStatus(sealed.id, 'reviewed', 1);
  sealed = await commands.changeTestimonyStatus(sealed.id, 'sealed', 2);
  return { survivor, merged, part, holder, open, other, sealed };
}

/** Every link in the case file points at a record that exists. */
function expectLinkConsistent(data: CaseData): void {
  for (const t of data.raw.testimonies.values()) checkTestimonyLinks(data, t.body);
  for (const f of data.raw.facilities.values()) checkFacilityLinks(data, f.body);
  for (const p of data.raw.perpetrators.values()) checkPerpetratorLinks(data, p.body);
}

async function loadWithoutResuming(client: VaultClient): Promise<CaseData> {
  const store = new CaseStore(client, { spawnSearch: null });
  await store.load();
  const data = store.data;
  store.dispose();
  return data;
}

describe('merging duplicates', () => {
  it('re-points every link to the survivor, keeps every name, deletes the merged record and audits it; undo restores', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const c = await duplicateFacilityCase(file);
    const result = await commands.mergeEntities('facility', c.survivor.id, c.merged.id);
    expect(result).toMatchObject({ entity: 'facility', survivorId: c.survivor.id, mergedId: c.merged.id, namesAdded: 1, repointed: { testimony: 3, facility: 1, perpetrator: 1 } });

    const data = store.data;
    expect(data.facilities.has(c.merged.id)).toBe(false);
    expect(data.facilities.get(c.survivor.id)?.names).toEqual(['صيدنايا', 'Sednaya', 'Saidnaya prison']);
    expect(data.raw.facilities.get(c.part.id)?.body.parentId).toBe(c.survivor.id);
    expect(data.raw.perpetrators.get(c.holder.id)?.body.positions[0]?.facilityId).toBe(c.survivor.id);
    const open = data.raw.testimonies.get(c.open.id)?.body;
    expect([open?.detentionEpisodes[0]?.facilityId, open?.allegations[0]?.facilityId]).toEqual([c.survivor.id, c.survivor.id]);
    const sealed = data.raw.testimonies.get(c.sealed.id)?.body;
    expect(sealed?.detentionEpisodes[0]?.facilityId).toBe(c.survivor.id);
    expect(sealed?.status).toBe('sealed');
    expect(sealed?.amendment?.amends).toEqual({ testimonyId: c.sealed.id, version: c.sealed.version });
    expectLinkConsistent(data);
    const mergeRow = (await client.auditTrail()).rows.find((row) => row.action === 'record.merge');
    expect(mergeRow?.data).toMatchObject({ entity: 'facility', survivor: c.survivor.id, merged: c.merged.id, merge: result.mergeId, names: 1, links: 5 });
    await expect(commands.mergeEntities('facility', c.survivor.id, c.survivor.id)).rejects.toBeInstanceOf(MergeError);

    const undo = await commands.undoMerge(result.mergeId);
    expect(undo.linksRestored).toBe(5);
    const back = store.data;
    const restored = back.raw.facilities.get(undo.restoredId)?.body;
    expect(restored).toEqual({ ...c.merged.body, id: undo.restoredId });
    expect(back.facilities.get(c.survivor.id)?.names).toEqual(['صيدنايا', 'Sednaya']);
    expect(back.raw.facilities.get(c.part.id)?.body.parentId).toBe(undo.restoredId);
    expect(back.raw.perpetrators.get(c.holder.id)?.body.positions[0]?.facilityId).toBe(undo.restoredId);
    expect(back.raw.testimonies.get(c.open.id)?.body.detentionEpisodes[0]?.facilityId).toBe(undo.restoredId);
    expect(back.raw.testimonies.get(c.other.id)?.body.detentionEpisodes[0]?.facilityId).toBe(c.survivor.id);
    expectLinkConsistent(back);
    const unmergeRow = (await client.auditTrail()).rows.find((row) => row.action === 'record.unmerge');
    expect(unmergeRow?.data).toMatchObject({ merge: result.mergeId, restored: undo.restoredId, links: 5 });
    await expect(commands.undoMerge(result.mergeId)).rejects.toMatchObject({ code: 'already-undone' });
    expect((await commands.listMerges()).map((m) => [m.mergeId, m.state])).toEqual([[result.mergeId, 'undone']]);
    store.dispose();
    await client.dispose();
  });

  it('merges alleged perpetrators across scripts: names with their sources, allegations, positions', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const survivor = await commands.createPerpetrator(perpetratorInput(['خالد منصور']));
    const merged = await commands.createPerpetrator({
      ...perpetratorInput([]),
      names: [{ text: 'Khalid Mansur', kind: 'transliteration', source: { note: 'defector list' } }],
      positions: [{ rank: 'Warrant officer', source: { note: 'defector list' } }],
      description: 'Grey moustache',
    });
    const t = await commands.createTestimony(testimonyInput({ perpetratorId: merged.id }));
    const suggestions = await commands.suggestionsFor('perpetrator', ['Khaled Mansour']);
    expect(suggestions.map((s) => s.b).sort()).toEqual([survivor.id, merged.id].sort());

    const result = await commands.mergeEntities('perpetrator', survivor.id, merged.id);
    const body = store.data.raw.perpetrators.get(survivor.id)?.body;
    expect(body?.names.map((n) => [n.text, n.source.note])).toEqual([
      ['خالد منصور', 'test source'],
      ['Khalid Mansur', 'defector list'],
    ]);
    expect(body?.positions).toHaveLength(1);
    expect(body?.description).toBe('Grey moustache');
    expect(store.data.raw.testimonies.get(t.id)?.body.allegations[0]?.perpetratorId).toBe(survivor.id);
    expect(store.data.perpetrators.get(survivor.id)?.allegationCount).toBe(1);

    const undo = await commands.undoMerge(result.mergeId);
    expect(store.data.raw.perpetrators.get(survivor.id)?.body).toEqual(survivor.body);
    expect(store.data.raw.testimonies.get(t.id)?.body.allegations[0]?.perpetratorId).toBe(undo.restoredId);
    store.dispose();
    await client.dispose();
  });

  for (const cut of [1, 3, 5]) {
    it(`an interruption after ${cut} write(s) leaves every link valid, and the next load finishes the merge`, async () => {
      const quota = quotaAfter();
      const harness: CaseHarness = await makeCase({ engine: { middleware: [quota.middleware] } });
      const c = await duplicateFacilityCase(harness.file);
      quota.arm(cut);
      await expect(harness.file.commands.mergeEntities('facility', c.survivor.id, c.merged.id)).rejects.toBeInstanceOf(VaultStorageFullError);
      quota.disarm();
      expectLinkConsistent(harness.file.store.data);
      harness.file.store.dispose();

      const onDisk = await loadWithoutResuming(harness.client);
      expectLinkConsistent(onDisk);
      const reopened = await openCase(harness);
      const data = reopened.file.store.data;
      const journals = [...reopened.file.store.journals.values()];
      if (journals.length === 0) {
        // Cut before the journal was written: nothing happened at all.
        expect(data.facilities.has(c.merged.id)).toBe(true);
      } else {
        expect(journals.map((j) => j.body.state)).toEqual(['done']);
        expect(data.facilities.has(c.merged.id)).toBe(false);
        expect(data.raw.testimonies.get(c.open.id)?.body.detentionEpisodes[0]?.facilityId).toBe(c.survivor.id);
        expect(data.raw.facilities.get(c.part.id)?.body.parentId).toBe(c.survivor.id);
      }
      expectLinkConsistent(data);
      reopened.file.store.dispose();
      await harness.client.dispose();
    });
  }
});
