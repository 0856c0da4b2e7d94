/**
 * Facility and alleged-perpetrator commands: create, update, delete, with link integrity
 * (no link to a missing record, no parent loop, no delete while linked). Runs on the
 * renderer's main thread, inside the case store's write queue.
 */
import type { AllegedPerpetrator, Facility } from '../../../../shared/domain';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { RecordNotFoundError } from '../../vault/vault-errors';
import type { CaseStore } from './case-store';
import { deleteOwnerAttachments } from './owner-attachments';
import { ImmutableFieldError } from './errors';
import { checkFacilityLinks, checkPerpetratorLinks, facilityUsage, perpetratorUsage, refuseIfUsed } from './link-integrity';
import { facilityKind, newRecordId, perpetratorKind } from './record-kinds';
import type { FacilityInput, PerpetratorInput } from './types';
import { validateBody } from './validate';

function sameId(stored: { id: Id } | undefined, id: Id): void {
  if (!stored) throw new RecordNotFoundError();
  if (stored.id !== id) throw new ImmutableFieldError('id');
}

/** Creates a facility (also used inline from the testimony form). */
export function createFacility(store: CaseStore, input: FacilityInput): Promise<LiveRecord<Facility>> {
  return store.exclusive(async () => {
    const id = newRecordId();
    const body = validateBody(facilityKind, { ...input, id });
    checkFacilityLinks(store.data, body);
    const record = await store.client.records.create(facilityKind, body, { id });
    store.commit({ facilities: [record] });
    return record;
  });
}

/** Saves a new version of a facility. */
export function updateFacility(store: CaseStore, facility: Facility, expectedVersion: number): Promise<LiveRecord<Facility>> {
  return store.exclusive(async () => {
    sameId(store.data.raw.facilities.get(facility.id)?.body, facility.id);
    const body = validateBody(facilityKind, facility);
    checkFacilityLinks(store.data, body);
    const record = await store.client.records.update(facilityKind, body.id, body, expectedVersion);
    store.commit({ facilities: [record] });
    return record;
  });
}

/** Deletes a facility nothing links to (else RecordInUseError: merge it instead). */
export function deleteFacility(store: CaseStore, id: Id, expectedVersion: number): Promise<void> {
  return store.exclusive(async () => {
    if (!store.data.raw.facilities.has(id)) throw new RecordNotFoundError();
    refuseIfUsed(facilityUsage(store.data, id));
    await store.client.records.delete(facilityKind, id, expectedVersion);
    store.commit({ removed: { facilities: [id] } });
  });
}

/** Creates an alleged perpetrator (also used inline from the testimony form). */
export function createPerpetrator(store: CaseStore, input: PerpetratorInput): Promise<LiveRecord<AllegedPerpetrator>> {
  return store.exclusive(async () => {
    const id = newRecordId();
    const body = validateBody(perpetratorKind, { ...input, id });
    checkPerpetratorLinks(store.data, body);
    const record = await store.client.records.create(perpetratorKind, body, { id });
    store.commit({ perpetrators: [record] });
    return record;
  });
}

/** Saves a new version of an alleged perpetrator. */
export function updatePerpetrator(store: CaseStore, perpetrator: AllegedPerpetrator, expectedVersion: number): Promise<LiveRecord<AllegedPerpetrator>> {
  return store.exclusive(async () => {
    sameId(store.data.raw.perpetrators.get(perpetrator.id)?.body, perpetrator.id);
    const body = validateBody(perpetratorKind, perpetrator);
    checkPerpetratorLinks(store.data, body);
    const record = await store.client.records.update(perpetratorKind, body.id, body, expectedVersion);
    store.commit({ perpetrators: [record] });
    return record;
  });
}

/** Deletes an alleged perpetrator no allegation links to, and its photos with it. */
export function deletePerpetrator(store: CaseStore, id: Id, expectedVersion: number): Promise<void> {
  return store.exclusive(async () => {
    if (!store.data.raw.perpetrators.has(id)) throw new RecordNotFoundError();
    refuseIfUsed(perpetratorUsage(store.data, id));
    await store.client.records.delete(perpetratorKind, id, expectedVersion);
    store.commit({ removed: { perpetrators: [id] } });
    await deleteOwnerAttachments(store.client, 'perpetrator', id);
  });
}
