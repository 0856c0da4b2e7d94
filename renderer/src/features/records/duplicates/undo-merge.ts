/**
 * Undoing a merge. Runs on the renderer's main thread inside the case store's write queue.
 *
 * The merged record cannot come back under its old id: the vault keeps a tombstone for every
 * deleted id so an old copy can never be replayed into place. So undo restores it as a new
 * record (same content, new id, recorded in the journal and the audit entry) and puts every
 * link the merge moved back onto it — those that still point at the survivor; links added
 * after the merge stay with the survivor. The names, positions and photos the survivor gained
 * are taken out again where they are still as the merge added them.
 *
 * Order: (1) journal `undoing` with the new id, (2) the restored record, (3) links back,
 * (4) the survivor without its gains, (5) journal `undone`, (6) audit `record.unmerge`. Every
 * step leaves the case file link-consistent; a retry after an interruption continues.
 */
import type { AllegedPerpetrator, Facility } from '../../../../../shared/domain';
import type { Id, LiveRecord } from '../../../vault/vault-client';
import type { CaseStore } from '../case-store';
import { isDeepStrictEqual } from '../deep-equal';
import { MergeError } from '../errors';
import { facilityKind, newRecordId, perpetratorKind, type MergeJournal } from '../record-kinds';
import type { UndoMergeResult } from '../types';
import { validateBody } from '../validate';
import { journalOf, saveJournal } from './merge';
import { withoutGains } from './merge-links';
import { mergeReason, repointLinks } from './repoint';

/** The merged body under its new id, without links to records that are gone since. */
function restoredBody(store: CaseStore, journal: MergeJournal, restoredId: Id): Facility | AllegedPerpetrator {
  const exists = (id: Id) => store.data.raw.facilities.has(id);
  if (journal.entity === 'facility') {
    const body = validateBody(facilityKind, journal.mergedBody);
    const { parentId, ...rest } = body;
    return validateBody(facilityKind, { ...rest, id: restoredId, ...(parentId !== undefined && exists(parentId) ? { parentId } : {}) });
  }
  const body = validateBody(perpetratorKind, journal.mergedBody);
  const positions = body.positions.flatMap((position) => {
    if (position.facilityId === undefined || exists(position.facilityId)) return [position];
    const { facilityId: _gone, ...rest } = position;
    return rest.rank !== undefined || rest.unit !== undefined || rest.role !== undefined ? [rest] : [];
  });
  return validateBody(perpetratorKind, { ...body, id: restoredId, positions });
}

async function createRestored(store: CaseStore, journal: MergeJournal, restoredId: Id): Promise<void> {
  const body = restoredBody(store, journal, restoredId);
  if (journal.entity === 'facility') {
    const record = await store.client.records.create(facilityKind, body as Facility, { id: restoredId });
    store.commit({ facilities: [record] });
  } else {
    const record = await store.client.records.create(perpetratorKind, body as AllegedPerpetrator, { id: restoredId });
    store.commit({ perpetrators: [record] });
  }
}

async function restoreSurvivor(store: CaseStore, journal: MergeJournal): Promise<void> {
  if (journal.entity === 'facility') {
    const survivor = store.data.raw.facilities.get(journal.survivorId);
    if (!survivor) return;
    const body = withoutGains(survivor.body, journal.added);
    if (isDeepStrictEqual(body, survivor.body)) return;
    const record = await store.client.records.update(facilityKind, survivor.id, validateBody(facilityKind, body), survivor.version);
    store.commit({ facilities: [record] });
    return;
  }
  const survivor = store.data.raw.perpetrators.get(journal.survivorId);
  if (!survivor) return;
  const body = withoutGains(survivor.body, journal.added);
  if (isDeepStrictEqual(body, survivor.body)) return;
  const record = await store.client.records.update(perpetratorKind, survivor.id, validateBody(perpetratorKind, body), survivor.version);
  store.commit({ perpetrators: [record] });
}

/** Undoes merge `mergeId` (see the file comment). */
export async function runUndoMerge(store: CaseStore, mergeId: Id): Promise<UndoMergeResult> {
  let journal: LiveRecord<MergeJournal> = journalOf(store, mergeId);
  const { state } = journal.body;
  if (state === 'undone') throw new MergeError('already-undone');
  if (state === 'started') throw new MergeError('not-finished');
  const restoredId = journal.body.restoredId ?? newRecordId();
  if (state === 'done') journal = await saveJournal(store, journal, { state: 'undoing', restoredId });
  const present = journal.body.entity === 'facility' ? store.data.raw.facilities.has(restoredId) : store.data.raw.perpetrators.has(restoredId);
  if (!present) await createRestored(store, journal.body, restoredId);
  const counts = await repointLinks(store, journal.body.links, journal.body.survivorId, restoredId, mergeReason(mergeId, true));
  await restoreSurvivor(store, journal.body);
  await saveJournal(store, journal, { state: 'undone' });
  const linksRestored = counts.testimony + counts.facility + counts.perpetrator;
  await store.client.appendAudit('record.unmerge', {
    entity: journal.body.entity,
    survivor: journal.body.survivorId,
    merged: journal.body.mergedId,
    restored: restoredId,
    merge: mergeId,
    links: linksRestored,
  });
  return { mergeId, restoredId, linksRestored };
}
