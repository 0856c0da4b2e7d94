/**
 * Merging two facilities or two alleged perpetrators found to be one (DESIGN.md §10: a
 * person decides; the merge is audited and reversible). Runs on the renderer's main thread
 * inside the case store's write queue.
 *
 * Write order, so that every intermediate state is link-consistent and an interruption can be
 * finished later: (1) the journal (`started`, with everything undo needs), (2) the survivor
 * with the merged record's names, (3) every link re-pointed, one record per write, (4) the
 * merged record deleted — only now, when nothing links to it, (5) the journal `done`, (6) the
 * audit entry `record.merge`. At the next load an unfinished journal is rolled forward.
 */
import type { AllegedPerpetrator, Facility } from '../../../../../shared/domain';
import type { Id, LiveRecord } from '../../../vault/vault-client';
import { RecordNotFoundError } from '../../../vault/vault-errors';
import { ancestorsOf } from '../case-indexes';
import { isDeepStrictEqual } from '../deep-equal';
import type { CaseStore } from '../case-store';
import { MergeError, RecordInUseError } from '../errors';
import { facilityUsage, perpetratorUsage } from '../link-integrity';
import { facilityKind, mergeJournalKind, newRecordId, perpetratorKind, type MergeableKind, type MergeJournal } from '../record-kinds';
import type { MergeResult } from '../types';
import { validateBody } from '../validate';
import { gains, linksTo, withGains } from './merge-links';
import { mergeReason, repointLinks, type RepointCounts } from './repoint';

type Entity = Facility | AllegedPerpetrator;

function entityRecord(store: CaseStore, entity: MergeableKind, id: Id): LiveRecord<Entity> | undefined {
  return entity === 'facility' ? store.data.raw.facilities.get(id) : store.data.raw.perpetrators.get(id);
}

/** Writes a new version of the journal and keeps it in memory. */
export async function saveJournal(store: CaseStore, journal: LiveRecord<MergeJournal>, changes: Partial<MergeJournal>): Promise<LiveRecord<MergeJournal>> {
  const record = await store.client.records.update(mergeJournalKind, journal.id, validateBody(mergeJournalKind, { ...journal.body, ...changes }), journal.version);
  store.journals.set(record.id, record);
  return record;
}

async function saveSurvivor(store: CaseStore, entity: MergeableKind, survivor: LiveRecord<Entity>, added: MergeJournal['added']): Promise<void> {
  const body = withGains(survivor.body, added);
  if (isDeepStrictEqual(body, survivor.body)) return; // a resumed merge got this far already
  if (entity === 'facility') {
    const record = await store.client.records.update(facilityKind, survivor.id, validateBody(facilityKind, body), survivor.version);
    store.commit({ facilities: [record] });
  } else {
    const record = await store.client.records.update(perpetratorKind, survivor.id, validateBody(perpetratorKind, body), survivor.version);
    store.commit({ perpetrators: [record] });
  }
}

async function deleteMerged(store: CaseStore, entity: MergeableKind, merged: LiveRecord<Entity>): Promise<void> {
  const usage = entity === 'facility' ? facilityUsage(store.data, merged.id) : perpetratorUsage(store.data, merged.id);
  if (usage.testimonyIds.length + usage.facilityIds.length + usage.perpetratorIds.length > 0) throw new RecordInUseError(usage);
  if (entity === 'facility') {
    await store.client.records.delete(facilityKind, merged.id, merged.version);
    store.commit({ removed: { facilities: [merged.id] } });
  } else {
    await store.client.records.delete(perpetratorKind, merged.id, merged.version);
    store.commit({ removed: { perpetrators: [merged.id] } });
  }
}

/** Steps 2–6 for a journal in `started` (a fresh merge, or one interrupted earlier). */
async function finish(store: CaseStore, journal: LiveRecord<MergeJournal>): Promise<{ journal: LiveRecord<MergeJournal>; counts: RepointCounts }> {
  const { entity, survivorId, mergedId, added } = journal.body;
  const survivor = entityRecord(store, entity, survivorId);
  if (!survivor) throw new MergeError('not-found');
  await saveSurvivor(store, entity, survivor, added);
  // Links are found again now: an interrupted merge finds only those not yet re-pointed.
  const counts = await repointLinks(store, linksTo(store.data, entity, mergedId), mergedId, survivorId, mergeReason(journal.id, false));
  const merged = entityRecord(store, entity, mergedId);
  if (merged) await deleteMerged(store, entity, merged);
  const done = await saveJournal(store, journal, { state: 'done' });
  await store.client.appendAudit('record.merge', {
    entity,
    survivor: survivorId,
    merged: mergedId,
    merge: journal.id,
    names: added.names.length,
    links: journal.body.links.length,
  });
  return { journal: done, counts };
}

/** Merges `mergedId` into `survivorId` (see the file comment for the order of writes). */
export async function runMerge(store: CaseStore, entity: MergeableKind, survivorId: Id, mergedId: Id): Promise<MergeResult> {
  if (survivorId === mergedId) throw new MergeError('same-record');
  const survivor = entityRecord(store, entity, survivorId);
  const merged = entityRecord(store, entity, mergedId);
  if (!survivor || !merged) throw new MergeError('not-found');
  if (entity === 'facility') {
    // Merging a place into one of its own parts (or the reverse) would make it its own parent.
    const parentOf = (id: Id) => store.data.raw.facilities.get(id)?.body.parentId;
    if (ancestorsOf(parentOf, survivorId).includes(mergedId) || ancestorsOf(parentOf, mergedId).includes(survivorId)) throw new MergeError('cycle');
  }
  const id = newRecordId();
  const added = gains(entity, survivor.body, merged.body);
  const links = linksTo(store.data, entity, mergedId);
  const body = validateBody(mergeJournalKind, {
    id,
    entity,
    survivorId,
    mergedId,
    state: 'started',
    startedAt: new Date().toISOString(),
    mergedBody: merged.body,
    added,
    links,
  });
  // Step 2 would fail on the names limit: refuse before anything is written.
  if (entity === 'facility') validateBody(facilityKind, withGains(survivor.body, added));
  else validateBody(perpetratorKind, withGains(survivor.body, added));
  const journal = await store.client.records.create(mergeJournalKind, body, { id });
  store.journals.set(id, journal);
  const { counts } = await finish(store, journal);
  return { mergeId: id, entity, survivorId, mergedId, namesAdded: added.names.length, repointed: counts };
}

/** Finishes merges a crash or a lock interrupted (journal still `started`). Returns how many. */
export async function resumeMerges(store: CaseStore): Promise<number> {
  let resumed = 0;
  for (const journal of [...store.journals.values()]) {
    if (journal.body.state !== 'started') continue;
    await finish(store, journal);
    resumed += 1;
  }
  return resumed;
}

/** Throws if no journal `id` is known. */
export function journalOf(store: CaseStore, id: Id): LiveRecord<MergeJournal> {
  const journal = store.journals.get(id);
  if (!journal) throw new RecordNotFoundError();
  return journal;
}
