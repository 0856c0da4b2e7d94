/**
 * The merge: everything a bundle brings, written in ONE Dexie transaction. Runs in the vault
 * worker, inside the session's write lock.
 *
 * As every vault write (DESIGN.md §5, session.ts): seal everything first — record versions,
 * provenance, attachment metadata (which makes the pending attachments complete), the ledger,
 * the touched head shards, the audit entries — then one transaction that awaits only Dexie and
 * also deletes the attachments' pending markers, then swap the new in-memory state in. A
 * failure (quota, lock) leaves disk and memory as they were; the pending rows are then the
 * quarantine's to delete. Every touched head shard's generation is recorded in the trail (as
 * `Session.commit` does for one), so rolling any of them back is still noticed at unlock.
 */
import type { CanonicalJson, Compartment } from '../../../../../shared/crypto';
import type { Id } from '../../../../../shared/domain/ids';
import type { ImportChanges, ImportCounts } from '../../import-types';
import { VaultStorageFullError } from '../../vault-errors';
import { ATTACHMENT_TYPE } from '../attachment-format';
import { TRACKED_GENERATION, TRACKED_ROW, type AuditDraft } from '../audit-log';
import { isQuotaError, type StoredObject, type StoredShard } from '../database';
import { encodeShard, shardOf, type HeadEntry, type Shard } from '../head-index';
import { sealVersion } from '../record-store';
import { sealRow } from '../sealed-rows';
import type { Session } from '../session';
import { LEDGER_TYPE, PROVENANCE_TYPE, ledgerOf, rememberLedger, type Ledger, type LedgerBody, type ProvenanceBody } from './ledger';
import { freshId } from './ids';
import type { MergePlan, PlannedRecord } from './plan';

/** Who sent the bundle, as the merge records it. */
export interface MergeOrigin {
  readonly bundleId: string;
  readonly senderSeq: number;
  /** base64url, as in the manifest (the ledger and the trail). */
  readonly senderFingerprint: string;
  /** 12 groups of 5 digits (provenance, shown to people). */
  readonly senderHuman: string;
  readonly senderLabel: string;
}

/** Head shards being changed, each built once whatever the number of records in it. */
class ShardDrafts {
  private readonly drafts = new Map<number, { base: Shard; entries: Map<Id, HeadEntry> }>();
  constructor(private readonly session: Session) {}

  put(id: Id, entry: HeadEntry): void {
    const number = shardOf(id);
    let draft = this.drafts.get(number);
    if (!draft) {
      const base = this.session.heads.shardFor(id);
      draft = { base, entries: new Map(base.entries) };
      this.drafts.set(number, draft);
    }
    draft.entries.set(id, entry);
  }

  shards(): Shard[] {
    return [...this.drafts.values()].map(({ base, entries }) => ({ number: base.number, generation: base.generation + 1, entries }));
  }
}

/** Collects sealed rows, head entries and audit drafts. */
class Batch {
  readonly objects: StoredObject[] = [];
  /** Summary rows of earlier versions that the new version has none for (updateRecord drops them too). */
  readonly staleSummaries: Id[] = [];
  readonly versions: StoredObject[] = [];
  readonly heads: ShardDrafts;
  readonly audit: { id: Id; draft: AuditDraft }[] = [];

  constructor(private readonly session: Session) {
    this.heads = new ShardDrafts(session);
  }

  /**
   * Seals version `version` (1: a new record) of `id` and stages its head entry. The summary
   * row the sealing makes (record-summaries.ts: testimonies, facilities, people) is written
   * with it, as a save does, under the previous version's summary id: without it the record
   * would list only after its first unlock rebuilt the summary, in a write of its own.
   */
  async write(id: Id, type: string, compartment: Compartment, version: number, body: unknown): Promise<void> {
    const previous = version === 1 ? undefined : this.session.heads.get(id);
    const sealed = await sealVersion(this.session, id, type, compartment, version, body, previous?.summary);
    const history = previous ? [...previous.history, sealed.versionId] : [sealed.versionId];
    this.objects.push(sealed.object);
    if (sealed.summaryRow) this.objects.push(sealed.summaryRow);
    else if (previous?.summary !== undefined) this.staleSummaries.push(previous.summary);
    this.versions.push(sealed.versionRow);
    this.heads.put(id, { type, compartment, version, history, deleted: false, ...(sealed.summaryRow ? { summary: sealed.summaryRow.id } : {}) });
    this.audit.push({ id, draft: { action: version === 1 ? 'record.create' : 'record.update', data: { id, type, v: version } } });
  }
}

/** The audit drafts with each touched shard's new generation on the first entry in it. */
function trackedDrafts(batch: Batch, shards: readonly Shard[]): AuditDraft[] {
  const pending = new Map(shards.map((shard) => [shard.number, shard.generation]));
  return batch.audit.map(({ id, draft }) => {
    const generation = pending.get(shardOf(id));
    if (generation === undefined) return draft;
    pending.delete(shardOf(id));
    return { action: draft.action, data: { ...draft.data, [TRACKED_ROW]: `h${shardOf(id)}`, [TRACKED_GENERATION]: generation } };
  });
}

/** Seals and commits `plan`; returns the counts and the local ids written. Call inside `session.exclusive`. */
export async function commitMerge(session: Session, plan: MergePlan, ledger: Ledger, origin: MergeOrigin, verified: boolean): Promise<{ counts: ImportCounts; changed: ImportChanges }> {
  const batch = new Batch(session);
  const receivedAt = new Date().toISOString();
  const received: LedgerBody['received'] = { ...ledger.body.received };
  let created = 0;
  for (const item of plan.records) {
    const version = (item.previousVersion ?? 0) + 1;
    if (item.previousVersion === null) created += 1;
    await batch.write(item.localId, item.type, item.compartment, version, item.body);
    const provenance: ProvenanceBody = {
      recordId: item.localId,
      recordType: item.type,
      senderLabel: origin.senderLabel,
      senderFingerprint: origin.senderHuman,
      bundleId: origin.bundleId,
      receivedAt,
      verified,
      senderRecordId: item.received.id,
      senderVersion: item.received.version,
      senderSavedAt: item.received.saved_at,
      localVersion: version,
      ...(item.received.type === 'testimony' && item.received.witness_code !== undefined ? { witnessCode: item.received.witness_code } : {}),
    };
    const provenanceId = item.provenance?.id ?? (await freshId());
    await batch.write(provenanceId, PROVENANCE_TYPE, 'general', (item.provenance?.version ?? 0) + 1, provenance);
    received[item.localId] = { t: item.type, s: origin.senderFingerprint, r: item.received.id, p: provenanceId };
  }
  const markers: Id[] = [];
  for (const attachment of plan.attachments) {
    await batch.write(attachment.localId, ATTACHMENT_TYPE, 'general', 1, await attachment.blob.writer.deferredBody(attachment.draft));
    received[attachment.localId] = { t: 'attachment-info', s: origin.senderFingerprint, r: attachment.senderId };
    markers.push(attachment.localId);
  }
  const ledgerBody: LedgerBody = { f: 1, seen: [...ledger.body.seen, [origin.senderFingerprint, origin.senderSeq, origin.bundleId]], received };
  const ledgerId = ledger.id ?? (await freshId());
  await batch.write(ledgerId, LEDGER_TYPE, 'general', ledger.version + 1, ledgerBody);

  const counts: ImportCounts = { created, updated: plan.records.length - created, unchanged: plan.unchanged, attachments: plan.attachments.length };
  const shards = batch.heads.shards();
  const shardRows: StoredShard[] = [];
  for (const shard of shards) shardRows.push(await sealRow(session.holder.keyring, { table: 'heads', id: shard.number, compartment: 'general' }, encodeShard(shard)));
  const summary: AuditDraft = {
    action: 'import',
    data: { bundle: origin.bundleId, sender: origin.senderFingerprint, result: 'merged', ...(counts as unknown as Record<string, CanonicalJson>) },
  };
  const prepared = await session.audit.prepare(...trackedDrafts(batch, shards), summary);
  session.checkOpen();
  const db = session.db;
  try {
    await db.transaction('rw', [db.objects, db.versions, db.heads, db.audit, db.blobs], async () => {
      // Summaries of records updated here, not deleted ones: an import never deletes a record, so
      // the summary caches (summary-cache.ts) may keep these older versions, which their history
      // keeps anyway. An import that deleted would have to drop their shards' cache rows, as
      // Session.commit does.
      if (batch.staleSummaries.length) await db.objects.bulkDelete(batch.staleSummaries);
      await db.objects.bulkPut(batch.objects);
      await db.versions.bulkPut(batch.versions);
      await db.heads.bulkPut(shardRows);
      await db.audit.bulkAdd(prepared.rows);
      if (markers.length) await db.blobs.bulkDelete(markers);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new VaultStorageFullError();
    throw error;
  }
  for (const shard of shards) session.heads.commit(shard);
  session.audit.commit(prepared);
  rememberLedger(session, ledgerOf(ledgerId, ledger.version + 1, ledgerBody));
  // Anchor the trail's head in the keyring at once, as an export does, not on the timer: a
  // database put back to before this merge (which would also empty its replay-ledger entry)
  // must be noticed at the next unlock even if the app dies right now. The merge has committed
  // whatever happens here, so a failed keyring write is retried on the timer, not reported.
  await session.holder.flushHead().catch(() => session.holder.scheduleHeadFlush());
  const changed: Partial<Record<PlannedRecord['type'], Id[]>> = {};
  for (const item of plan.records) (changed[item.type] ??= []).push(item.localId);
  return { counts, changed };
}
