/**
 * Witness and consent commands (witness compartment). Runs on the renderer's main thread,
 * inside the case store's write queue. Only the pseudonym of a witness stays in memory; the
 * record itself is read from the vault when a screen asks for it.
 *
 * Consent is append-only: a new event (grant or withdrawal) is a new version; earlier events
 * never change, so the history a court may ask for is the record itself.
 */
import type { ConsentRecord, Witness } from '../../../../shared/domain';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { RecordNotFoundError } from '../../vault/vault-errors';
import type { CaseStore } from './case-store';
import { CodeTakenError, ImmutableFieldError, LinkIntegrityError } from './errors';
import { consentUsage, refuseIfUsed, witnessUsage } from './link-integrity';
import { consentKind, newRecordId, witnessKind } from './record-kinds';
import { formatPseudonymCode, highestPseudonymNumber } from './reference-codes';
import type { ConsentEventInput, WitnessInput } from './types';
import { validateBody } from './validate';

const pseudonyms = (store: CaseStore) => [...store.data.witnesses.values()].map((w) => w.pseudonymCode);

/** Creates a witness with the next pseudonym code (unless one is given). */
export function createWitness(store: CaseStore, input: WitnessInput): Promise<LiveRecord<Witness>> {
  return store.exclusive(async () => {
    const id = newRecordId();
    validateBody(witnessKind, { ...input, id, pseudonymCode: input.pseudonymCode ?? 'W-0001' });
    let pseudonymCode = input.pseudonymCode;
    if (pseudonymCode !== undefined) {
      if (pseudonyms(store).includes(pseudonymCode)) throw new CodeTakenError('pseudonymCode');
    } else {
      pseudonymCode = formatPseudonymCode(await store.sequences.nextWitness(highestPseudonymNumber(pseudonyms(store))));
    }
    const record = await store.client.records.create(witnessKind, validateBody(witnessKind, { ...input, id, pseudonymCode }), { id });
    store.commit({ witnesses: [{ id, pseudonymCode }] });
    return record;
  });
}

/** Saves a new version of a witness; the pseudonym code never changes. */
export function updateWitness(store: CaseStore, witness: Witness, expectedVersion: number): Promise<LiveRecord<Witness>> {
  return store.exclusive(async () => {
    const known = store.data.witnesses.get(witness.id);
    if (!known) throw new RecordNotFoundError();
    if (known.pseudonymCode !== witness.pseudonymCode) throw new ImmutableFieldError('pseudonymCode');
    const record = await store.client.records.update(witnessKind, witness.id, validateBody(witnessKind, witness), expectedVersion);
    // A fresh pseudonym entry tells useWitness to read the new version.
    store.commit({ witnesses: [{ id: witness.id, pseudonymCode: known.pseudonymCode }] });
    return record;
  });
}

/** Deletes a witness no testimony links to. */
export function deleteWitness(store: CaseStore, id: Id, expectedVersion: number): Promise<void> {
  return store.exclusive(async () => {
    if (!store.data.witnesses.has(id)) throw new RecordNotFoundError();
    refuseIfUsed(witnessUsage(store.data, id));
    await store.client.records.delete(witnessKind, id, expectedVersion);
    store.commit({ removed: { witnesses: [id] } });
  });
}

/** Reads a witness from the vault (its identity is never kept in the case file). */
export async function readWitness(store: CaseStore, id: Id): Promise<LiveRecord<Witness>> {
  if (!store.data.witnesses.has(id)) throw new RecordNotFoundError();
  return store.client.records.read(witnessKind, id);
}

/** Creates a consent record starting with `first` (a grant). */
export function createConsent(store: CaseStore, witnessId: Id | undefined, first: ConsentEventInput): Promise<LiveRecord<ConsentRecord>> {
  return store.exclusive(async () => {
    if (witnessId !== undefined && !store.data.witnesses.has(witnessId)) {
      throw new LinkIntegrityError([{ path: ['witnessId'], problem: 'missing-witness', targetId: witnessId }]);
    }
    const id = newRecordId();
    const body = validateBody(consentKind, { id, ...(witnessId === undefined ? {} : { witnessId }), events: [{ ...first, version: 1 }] });
    const record = await store.client.records.create(consentKind, body, { id });
    store.commit({ consents: [record] });
    return record;
  });
}

/** Appends a consent event (its version is the next one). */
export function addConsentEvent(store: CaseStore, id: Id, event: ConsentEventInput, expectedVersion: number): Promise<LiveRecord<ConsentRecord>> {
  return store.exclusive(async () => {
    const current = store.data.raw.consents.get(id);
    if (!current) throw new RecordNotFoundError();
    const events = [...current.body.events, { ...event, version: current.body.events.length + 1 }];
    const body = validateBody(consentKind, { ...current.body, events });
    const record = await store.client.records.update(consentKind, id, body, expectedVersion);
    store.commit({ consents: [record] });
    return record;
  });
}

/** Deletes a consent record no testimony links to. */
export function deleteConsent(store: CaseStore, id: Id, expectedVersion: number): Promise<void> {
  return store.exclusive(async () => {
    if (!store.data.raw.consents.has(id)) throw new RecordNotFoundError();
    refuseIfUsed(consentUsage(store.data, id));
    await store.client.records.delete(consentKind, id, expectedVersion);
    store.commit({ removed: { consents: [id] } });
  });
}
