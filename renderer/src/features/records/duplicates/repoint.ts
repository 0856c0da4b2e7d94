/**
 * Writes re-pointed links, one record (one new version) at a time. Runs on the renderer's
 * main thread inside the case store's write queue (merge and undo call it).
 *
 * A sealed testimony is never edited: its link is re-pointed by an amendment that names the
 * merge as the reason, so the sealed version stays in its history untouched.
 */
import type { Testimony } from '../../../../../shared/domain';
import type { Id } from '../../../vault/vault-client';
import type { CaseStore } from '../case-store';
import { facilityKind, perpetratorKind, testimonyKind, type RepointedLink } from '../record-kinds';
import { amendedBody } from '../status-flow';
import { byRecord, repointFacility, repointPositions, repointTestimony } from './merge-links';

/** Written in both UI languages: the reason is stored text, read by whoever opens the history. */
export function mergeReason(mergeId: Id, undo: boolean): string {
  return undo
    ? `Link restored by undoing a merge of duplicate records (${mergeId}). / أُعيد الربط بالتراجع عن دمج سجلات مكررة (${mergeId}).`
    : `Link re-pointed by a merge of duplicate records (${mergeId}). / أُعيد توجيه الربط بدمج سجلات مكررة (${mergeId}).`;
}

async function saveTestimony(store: CaseStore, id: Id, links: readonly RepointedLink[], from: Id, to: Id, reason: string): Promise<number> {
  if (!store.data.raw.testimonies.has(id)) return 0;
  // The case file holds summaries: re-point links in the full body.
  const current = await store.client.records.read(testimonyKind, id);
  const { body, count } = repointTestimony(current.body, links, from, to);
  if (count === 0) return 0;
  const next: Testimony = current.body.status === 'sealed' ? amendedBody(current.body, current.version, body, reason) : body;
  const record = await store.client.records.update(testimonyKind, id, next, current.version);
  store.commit({ testimonies: [record] });
  return count;
}

async function saveFacility(store: CaseStore, id: Id, from: Id, to: Id): Promise<number> {
  const current = store.data.raw.facilities.get(id);
  if (!current) return 0;
  const { body, count } = repointFacility(current.body, from, to);
  if (count === 0) return 0;
  const record = await store.client.records.update(facilityKind, id, body, current.version);
  store.commit({ facilities: [record] });
  return count;
}

async function savePerpetrator(store: CaseStore, id: Id, links: readonly RepointedLink[], from: Id, to: Id): Promise<number> {
  const current = store.data.raw.perpetrators.get(id);
  if (!current) return 0;
  const { body, count } = repointPositions(current.body, links, from, to);
  if (count === 0) return 0;
  const record = await store.client.records.update(perpetratorKind, id, body, current.version);
  store.commit({ perpetrators: [record] });
  return count;
}

/** Counts of re-pointed links by record type. */
export interface RepointCounts {
  testimony: number;
  facility: number;
  perpetrator: number;
}

/**
 * Re-points `links` from `from` to `to`, record by record. Both ends exist throughout, so the
 * case file is link-consistent after every single write (an interruption leaves a mix of old
 * and new links, each valid).
 */
export async function repointLinks(store: CaseStore, links: readonly RepointedLink[], from: Id, to: Id, reason: string): Promise<RepointCounts> {
  const counts: RepointCounts = { testimony: 0, facility: 0, perpetrator: 0 };
  for (const group of byRecord(links).values()) {
    const first = group[0];
    if (!first) continue;
    if (first.recordType === 'testimony') counts.testimony += await saveTestimony(store, first.recordId, group, from, to, reason);
    else if (first.recordType === 'facility') counts.facility += await saveFacility(store, first.recordId, from, to);
    else counts.perpetrator += await savePerpetrator(store, first.recordId, group, from, to);
  }
  return counts;
}
