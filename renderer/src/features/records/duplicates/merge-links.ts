/**
 * The pure parts of merging: which links point at a record, re-pointing them in a body, and
 * what a survivor gains from the record merged into it (and loses again on undo).
 */
import type { AllegedPerpetrator, Facility, Testimony } from '../../../../../shared/domain';
import { normaliseForFilter } from '../../../../../shared/names/search-keys';
import type { Id } from '../../../vault/vault-client';
import type { CaseData } from '../case-data';
import { isDeepStrictEqual } from '../deep-equal';
import type { MergeableKind, MergeJournal, RepointedLink } from '../record-kinds';

/** Every link in the case file that points at `id` (an entity of kind `entity`). */
export function linksTo(data: CaseData, entity: MergeableKind, id: Id): RepointedLink[] {
  const links: RepointedLink[] = [];
  const testimonyIds = entity === 'perpetrator' ? data.indexes.testimoniesByPerpetrator.get(id) : data.indexes.testimoniesByFacility.get(id);
  for (const testimonyId of [...(testimonyIds ?? [])].sort()) {
    const body = data.raw.testimonies.get(testimonyId)?.body;
    if (!body) continue;
    for (const allegation of body.allegations) {
      if (entity === 'perpetrator' && allegation.perpetratorId === id) links.push({ recordType: 'testimony', recordId: testimonyId, field: 'allegation-perpetrator', itemId: allegation.id });
      if (entity === 'facility' && allegation.facilityId === id) links.push({ recordType: 'testimony', recordId: testimonyId, field: 'allegation-facility', itemId: allegation.id });
    }
    if (entity === 'facility') {
      for (const episode of body.detentionEpisodes) {
        if (episode.facilityId === id) links.push({ recordType: 'testimony', recordId: testimonyId, field: 'episode-facility', itemId: episode.id });
      }
    }
  }
  if (entity === 'facility') {
    for (const child of [...(data.indexes.childrenByFacility.get(id) ?? [])].sort()) links.push({ recordType: 'facility', recordId: child, field: 'parent' });
    const holders = new Set((data.indexes.positionsByFacility.get(id) ?? []).map((p) => p.perpetratorId));
    for (const perpetratorId of [...holders].sort()) {
      data.raw.perpetrators.get(perpetratorId)?.body.positions.forEach((position, index) => {
        if (position.facilityId === id) links.push({ recordType: 'perpetrator', recordId: perpetratorId, field: 'position-facility', index });
      });
    }
  }
  return links;
}

/** Groups links by the record that holds them. */
export function byRecord(links: readonly RepointedLink[]): Map<string, RepointedLink[]> {
  const groups = new Map<string, RepointedLink[]>();
  for (const link of links) {
    const key = `${link.recordType}:${link.recordId}`;
    const group = groups.get(key);
    if (group) group.push(link);
    else groups.set(key, [link]);
  }
  return groups;
}

/** A testimony with the given links re-pointed from `from` to `to` (links that moved on are left alone). */
export function repointTestimony(body: Testimony, links: readonly RepointedLink[], from: Id, to: Id): { body: Testimony; count: number } {
  let count = 0;
  const wants = (field: RepointedLink['field'], itemId: string) => links.some((l) => l.field === field && l.itemId === itemId);
  const allegations = body.allegations.map((a) => {
    let next = a;
    if (a.perpetratorId === from && wants('allegation-perpetrator', a.id)) {
      next = { ...next, perpetratorId: to };
      count += 1;
    }
    if (a.facilityId === from && wants('allegation-facility', a.id)) {
      next = { ...next, facilityId: to };
      count += 1;
    }
    return next;
  });
  const detentionEpisodes = body.detentionEpisodes.map((e) => {
    if (e.facilityId !== from || !wants('episode-facility', e.id)) return e;
    count += 1;
    return { ...e, facilityId: to };
  });
  return { body: { ...body, allegations, detentionEpisodes }, count };
}

/** A facility whose parent is re-pointed from `from` to `to`. */
export function repointFacility(body: Facility, from: Id, to: Id): { body: Facility; count: number } {
  return body.parentId === from ? { body: { ...body, parentId: to }, count: 1 } : { body, count: 0 };
}

/** A perpetrator whose positions at facility `from` now name `to` (only the linked indexes). */
export function repointPositions(body: AllegedPerpetrator, links: readonly RepointedLink[], from: Id, to: Id): { body: AllegedPerpetrator; count: number } {
  let count = 0;
  const indexes = new Set(links.map((l) => l.index));
  const positions = body.positions.map((p, index) => {
    if (p.facilityId !== from || !indexes.has(index)) return p;
    count += 1;
    return { ...p, facilityId: to };
  });
  return { body: { ...body, positions }, count };
}

const nameKey = (text: string) => normaliseForFilter(text).replace(/\s+/g, ' ').trim();

/** What the survivor gains: names it does not have yet (by normalised text), positions, photos, a description if it has none. */
export function gains(entity: MergeableKind, survivor: Facility | AllegedPerpetrator, merged: Facility | AllegedPerpetrator): MergeJournal['added'] {
  const known = new Set(survivor.names.map((n) => nameKey(n.text)));
  const names = merged.names.filter((n) => {
    const key = nameKey(n.text);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (entity === 'facility') return { names, positions: [], photoAttachmentIds: [] };
  const s = survivor as AllegedPerpetrator;
  const m = merged as AllegedPerpetrator;
  return {
    names,
    positions: m.positions.filter((p) => !s.positions.some((q) => isDeepStrictEqual(p, q))),
    photoAttachmentIds: m.photoAttachmentIds.filter((id) => !s.photoAttachmentIds.includes(id)),
    ...(s.description === undefined && m.description !== undefined ? { description: m.description } : {}),
  };
}

/** The survivor with `added` applied (idempotent: what it already has is not added twice). */
export function withGains<T extends Facility | AllegedPerpetrator>(survivor: T, added: MergeJournal['added']): T {
  const has = (list: readonly unknown[], item: unknown) => list.some((x) => isDeepStrictEqual(x, item));
  const names = [...survivor.names, ...added.names.filter((n) => !has(survivor.names, n))];
  if (!('positions' in survivor)) return { ...survivor, names } as T;
  const p = survivor as AllegedPerpetrator;
  return {
    ...p,
    names,
    positions: [...p.positions, ...added.positions.filter((x) => !has(p.positions, x))],
    photoAttachmentIds: [...p.photoAttachmentIds, ...added.photoAttachmentIds.filter((id) => !p.photoAttachmentIds.includes(id))],
    ...(p.description === undefined && added.description !== undefined ? { description: added.description } : {}),
  } as T;
}

/** The survivor with what the merge added taken out again (only what is still exactly as added). */
export function withoutGains<T extends Facility | AllegedPerpetrator>(survivor: T, added: MergeJournal['added']): T {
  const gained = (list: readonly unknown[]) => (item: unknown) => !list.some((x) => isDeepStrictEqual(x, item));
  const names = survivor.names.filter(gained(added.names));
  if (!('positions' in survivor)) return { ...survivor, names } as T;
  const p = survivor as AllegedPerpetrator;
  const { description, ...rest } = p;
  const keepDescription = description !== undefined && description !== added.description;
  return {
    ...rest,
    names,
    positions: p.positions.filter(gained(added.positions)),
    photoAttachmentIds: p.photoAttachmentIds.filter((id) => !added.photoAttachmentIds.includes(id)),
    ...(keepDescription ? { description } : {}),
  } as T;
}
