import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeTakenError,
  LinkIntegrityError,
  RecordInUseError,
  RecordValidationError,
  VaultStorageFullError,
  VersionConflictError,
  testimonyKind,
} from '../../../../renderer/src/features/records';
import { deleteTestDatabases, testDatabaseName } from '../../vault/support/vault-harness';
import { facilityInput, itemId, makeCase, perpetratorInput, quotaAfter, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

describe('case store: records and links', () => {
  it('creates linked records with reference codes that are never reused', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const prison = await commands.createFacility(facilityInput(['صيدنايا', 'Sednaya']));
    expect(prison.body.id).toBe(prison.id);
    const person = await commands.createPerpetrator(perpetratorInput(['خالد منصور']));
    const first = await commands.createTestimony(testimonyInput({ facilityId: prison.id, perpetratorId: person.id }));
    const second = await commands.createTestimony(testimonyInput());
    const year = new Date().getFullYear();
    expect([first.body.referenceCode, second.body.referenceCode]).toEqual([`T-${year}-0001`, `T-${year}-0002`]);
    await expect(commands.createTestimony(testimonyInput({}, { referenceCode: first.body.referenceCode }))).rejects.toBeInstanceOf(CodeTakenError);

    const data = store.data;
    expect(data.testimonies.get(first.id)?.facilityIds.has(prison.id)).toBe(true);
    expect(data.facilities.get(prison.id)?.testimonyCount).toBe(1);
    expect(data.perpetrators.get(person.id)?.allegationCount).toBe(1);
    expect((await client.records.read(testimonyKind, first.id)).body.referenceCode).toBe(`T-${year}-0001`);

    // A deleted testimony's code is never handed out again: the sequence is kept encrypted.
    await commands.deleteTestimony(second.id, 1);
    const third = await commands.createTestimony(testimonyInput());
    expect(third.body.referenceCode).toBe(`T-${year}-0003`);
    store.dispose();
    await client.dispose();
  });

  it('refuses a link to a missing or deleted record at its field, and saves nothing', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const gone = await commands.createPerpetrator(perpetratorInput(['Rami Kassem']));
    await commands.deletePerpetrator(gone.id, 1);
    const input = testimonyInput({ perpetratorId: gone.id });
    const error = await commands.createTestimony(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkIntegrityError);
    expect((error as LinkIntegrityError).issues).toEqual([{ path: ['allegations', 0, 'perpetratorId'], problem: 'missing-perpetrator', targetId: gone.id }]);
    expect(store.data.testimonies.size).toBe(0);
    expect((await client.records.list(testimonyKind)).records).toEqual([]);

    const place = await commands.createFacility(facilityInput(['Branch 235']));
    const t = await commands.createTestimony(testimonyInput({ facilityId: place.id }));
    const broken = { ...t.body, detentionEpisodes: [...t.body.detentionEpisodes, { id: itemId(), facilityId: gone.id }] };
    await expect(commands.updateTestimony(broken, 1)).rejects.toMatchObject({ issues: [{ path: ['detentionEpisodes', 1, 'facilityId'], problem: 'missing-facility' }] });
    await expect(commands.createFacility(facilityInput(['Wing A'], { type: 'wing', parentId: gone.id }))).rejects.toBeInstanceOf(LinkIntegrityError);
    store.dispose();
    await client.dispose();
  });

  it('refuses deleting a facility or alleged perpetrator still linked, and allows it once unlinked', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const prison = await commands.createFacility(facilityInput(['Sednaya']));
    const wing = await commands.createFacility(facilityInput(['Red building'], { type: 'building', parentId: prison.id }));
    const person = await commands.createPerpetrator(perpetratorInput(['Majed Omran']));
    const t = await commands.createTestimony(testimonyInput({ facilityId: wing.id, perpetratorId: person.id }));

    const inUse = await commands.deleteFacility(prison.id, 1).catch((e: unknown) => e);
    expect(inUse).toBeInstanceOf(RecordInUseError);
    expect((inUse as RecordInUseError).usage.facilityIds).toEqual([wing.id]);
    await expect(commands.deleteFacility(wing.id, 1)).rejects.toMatchObject({ usage: { testimonyIds: [t.id] } });
    await expect(commands.deletePerpetrator(person.id, 1)).rejects.toBeInstanceOf(RecordInUseError);

    await commands.updateTestimony({ ...t.body, allegations: [], detentionEpisodes: [] }, 1);
    await commands.deletePerpetrator(person.id, 1);
    await commands.deleteFacility(wing.id, 1);
    await commands.deleteFacility(prison.id, 1);
    expect(store.data.facilities.size).toBe(0);
    store.dispose();
    await client.dispose();
  });

  it('surfaces version conflicts and invalid bodies without changing anything', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const place = await commands.createFacility(facilityInput(['Mezzeh Military Airport']));
    await commands.updateFacility({ ...place.body, authority: 'Air Force Intelligence' }, 1);
    await expect(commands.updateFacility({ ...place.body, notes: 'stale form' }, 1)).rejects.toMatchObject({ actualVersion: 2 });
    await expect(commands.updateFacility({ ...place.body, notes: 'stale form' }, 1)).rejects.toBeInstanceOf(VersionConflictError);
    const invalid = await commands.createFacility({ ...facilityInput(['x']), names: [] }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RecordValidationError);
    expect(JSON.stringify((invalid as { cause?: { issues?: unknown } }).cause?.issues)).toContain('names');
    expect(store.data.facilities.get(place.id)?.body.notes).toBeUndefined();
    store.dispose();
    await client.dispose();
  });

  it('reports a full disk as VaultStorageFullError and keeps the input and the case file as they were', async () => {
    const quota = quotaAfter();
    const { client, file } = await makeCase({ engine: { middleware: [quota.middleware] }, databaseName: testDatabaseName() });
    const { commands, store } = file;
    const input = facilityInput(['Adra Central Prison']);
    const copy = structuredClone(input);
    quota.arm(0);
    await expect(commands.createFacility(input)).rejects.toBeInstanceOf(VaultStorageFullError);
    quota.disarm();
    expect(input).toEqual(copy);
    expect(store.data.facilities.size).toBe(0);
    const saved = await commands.createFacility(input);
    expect(store.data.facilities.get(saved.id)?.names).toEqual(['Adra Central Prison']);
    store.dispose();
    await client.dispose();
  });

  it('keeps witnesses by pseudonym only and consent as appended events', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const witness = await commands.createWitness({ fullName: 'سامر الخطيب', otherNames: [], contacts: [] });
    expect(witness.body.pseudonymCode).toBe('W-0001');
    expect(witness.compartment).toBe('witness');
    expect(store.data.witnesses.get(witness.id)).toEqual({ id: witness.id, pseudonymCode: 'W-0001' });
    expect(JSON.stringify([...store.data.witnesses.values()])).not.toContain('سامر');
    const consent = await commands.createConsent(witness.id, {
      type: 'granted',
      date: '2025-02-01',
      form: 'oral',
      explainedBy: 'DOC-01',
      language: 'ar',
      scopes: ['internal_archive'],
      sharing: { contactIds: [], recipientClasses: [] },
      identityDisclosure: 'never',
      recordingAllowed: false,
      recontactAllowed: true,
    });
    const t = await commands.createTestimony(testimonyInput({}, { witnessId: witness.id, consentId: consent.id }));
    expect(store.data.testimonies.get(t.id)).toMatchObject({ witnessPseudonym: 'W-0001', consent: 'active' });
    await commands.addConsentEvent(consent.id, { type: 'withdrawn', date: '2025-06-01', scope: 'all', recordedBy: 'DOC-01' }, 1);
    expect(store.data.testimonies.get(t.id)?.consent).toBe('withdrawn');
    expect(store.data.consents.get(consent.id)?.record.body.events.map((e) => e.version)).toEqual([1, 2]);
    await expect(commands.deleteWitness(witness.id, 1)).rejects.toBeInstanceOf(RecordInUseError);
    expect((await commands.readWitness(witness.id)).body.fullName).toBe('سامر الخطيب');
    store.dispose();
    await client.dispose();
  });
});
