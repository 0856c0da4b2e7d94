/**
 * Testimony commands: create (with a reference code), update along the status flow, amend
 * when sealed, delete when not sealed. Runs on the renderer's main thread, inside the case
 * store's write queue. Every rule is checked here, not in a screen.
 */
import type { Testimony, TestimonyStatus } from '../../../../shared/domain';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { RecordNotFoundError } from '../../vault/vault-errors';
import type { CaseStore } from './case-store';
import { deleteOwnerAttachments } from './owner-attachments';
import { CodeTakenError } from './errors';
import { checkTestimonyLinks } from './link-integrity';
import { newRecordId, testimonyKind } from './record-kinds';
import { formatReferenceCode, highestReferenceNumber } from './reference-codes';
import { amendedBody, checkNewTestimony, checkTestimonyDelete, checkTestimonyUpdate } from './status-flow';
import type { TestimonyInput } from './types';
import type { TestimonySummary } from './testimony-summary';
import { validateBody } from './validate';

/** The summary of a live testimony (what the status flow checks). */
function stored(store: CaseStore, id: Id): LiveRecord<TestimonySummary> {
  const record = store.data.raw.testimonies.get(id);
  if (!record) throw new RecordNotFoundError();
  return record;
}

/** Creates a testimony; allocates id and (unless given) the next reference code of this year. */
export function createTestimony(store: CaseStore, input: TestimonyInput, now: Date = new Date()): Promise<LiveRecord<Testimony>> {
  return store.exclusive(async () => {
    checkNewTestimony(input as TestimonyInput & { amendment?: unknown });
    const id = newRecordId();
    const codes = () => [...store.data.raw.testimonies.values()].map((r) => r.body.referenceCode);
    // Validate with a placeholder code first, so a bad form never uses up a number.
    const draft = validateBody(testimonyKind, { ...input, id, referenceCode: input.referenceCode ?? formatReferenceCode(now.getFullYear(), 1) });
    checkTestimonyLinks(store.data, draft);
    let referenceCode = input.referenceCode;
    if (referenceCode !== undefined) {
      if (codes().includes(referenceCode)) throw new CodeTakenError('referenceCode');
    } else {
      const year = now.getFullYear();
      referenceCode = formatReferenceCode(year, await store.sequences.nextTestimony(year, highestReferenceNumber(codes(), year)));
    }
    const record = await store.client.records.create(testimonyKind, { ...draft, referenceCode }, { id });
    store.commit({ testimonies: [record] });
    return record;
  });
}

/** Saves a new version of a testimony that is not sealed. */
export function updateTestimony(store: CaseStore, testimony: Testimony, expectedVersion: number): Promise<LiveRecord<Testimony>> {
  return store.exclusive(async () => {
    const current = stored(store, testimony.id);
    // The flow first: "sealed" or "not allowed" says more than any field error would.
    checkTestimonyUpdate(current.body, testimony);
    const body = validateBody(testimonyKind, testimony);
    checkTestimonyLinks(store.data, body);
    const record = await store.client.records.update(testimonyKind, body.id, body, expectedVersion);
    store.commit({ testimonies: [record] });
    if (current.body.status !== body.status) await auditStatus(store, body.id, current.body.status, body.status, record.version);
    return record;
  });
}

async function auditStatus(store: CaseStore, id: Id, from: TestimonyStatus, to: TestimonyStatus, v: number): Promise<void> {
  await store.client.appendAudit('testimony.status', { id, from, to, v });
}

/** Changes only the status of a testimony. */
export function changeTestimonyStatus(store: CaseStore, id: Id, to: TestimonyStatus, expectedVersion: number): Promise<LiveRecord<Testimony>> {
  return store.exclusive(async () => {
    const summary = stored(store, id).body;
    checkTestimonyUpdate(summary, { ...summary, status: to });
    // The case file holds summaries: the new version is the full body with the new status.
    const current = await store.client.records.read(testimonyKind, id);
    const body = validateBody(testimonyKind, { ...current.body, status: to });
    checkTestimonyLinks(store.data, body);
    const record = await store.client.records.update(testimonyKind, id, body, expectedVersion);
    store.commit({ testimonies: [record] });
    await auditStatus(store, id, summary.status, to, record.version);
    return record;
  });
}

/** Amends a sealed testimony: a new, still sealed version that says why and what it amends. */
export function amendTestimony(store: CaseStore, testimony: Testimony, reason: string, expectedVersion: number): Promise<LiveRecord<Testimony>> {
  return store.exclusive(async () => {
    const current = stored(store, testimony.id);
    // The amendment references the version the caller edited: a stale form is a conflict.
    const body = validateBody(testimonyKind, amendedBody(current.body, expectedVersion, testimony, reason));
    checkTestimonyLinks(store.data, body);
    const record = await store.client.records.update(testimonyKind, body.id, body, expectedVersion);
    store.commit({ testimonies: [record] });
    await store.client.appendAudit('testimony.amend', { id: body.id, amends: expectedVersion, v: record.version });
    return record;
  });
}

/** Deletes a testimony that is not sealed, and its attachments with it. */
export function deleteTestimony(store: CaseStore, id: Id, expectedVersion: number): Promise<void> {
  return store.exclusive(async () => {
    checkTestimonyDelete(stored(store, id).body);
    await store.client.records.delete(testimonyKind, id, expectedVersion);
    store.commit({ removed: { testimonies: [id] } });
    await deleteOwnerAttachments(store.client, 'testimony', id);
  });
}
