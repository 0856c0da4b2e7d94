/**
 * Profiles: everything alleged about one person, everything recorded at one facility and its
 * parts. Pure functions over the case file's indexes (case-indexes.ts), so a profile with 500
 * allegations reads 500 index entries, never the whole archive. Always "alleged": these
 * gather what witnesses say, never a finding.
 */
import {
  comparePartialDates,
  partialDateSortKey,
  type ActCode,
  type IdentificationBasis,
  type PartialDate,
  type PerpetratorRole,
} from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';
import type { CaseData } from './case-data';
import { descendantsOf } from './case-indexes';
import type {
  AllegationRef,
  FacilityPerpetratorLink,
  FacilityProfile,
  FacilityTimelineItem,
  PerpetratorProfile,
  WitnessIdentification,
} from './types';

function countBy<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function byCountDesc<K>(counts: Map<K, number>): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Undated items last; otherwise chronological. */
function compareOptionalDates(a: PartialDate | undefined, b: PartialDate | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return comparePartialDates(a, b);
}

/** The profile of alleged perpetrator `id`, or null if there is no such record. */
export function perpetratorProfile(data: CaseData, id: Id): PerpetratorProfile | null {
  const perpetrator = data.perpetrators.get(id);
  if (!perpetrator) return null;
  const allegations: AllegationRef[] = [];
  for (const { testimonyId, index } of data.indexes.allegationsByPerpetrator.get(id) ?? []) {
    const testimony = data.testimonies.get(testimonyId);
    const allegation = testimony?.body.allegations[index];
    if (!testimony || !allegation) continue;
    const witnessId = testimony.body.witnessId ?? null;
    allegations.push({ testimonyId, referenceCode: testimony.body.referenceCode, witnessId, witnessPseudonym: testimony.witnessPseudonym, allegation });
  }
  allegations.sort((a, b) => compareOptionalDates(a.allegation.date, b.allegation.date));

  const testimonyIds = [...new Set(allegations.map((a) => a.testimonyId))];
  const witnessIds = new Set(allegations.flatMap((a) => (a.witnessId === null ? [] : [a.witnessId])));
  const withoutWitness = new Set(allegations.filter((a) => a.witnessId === null).map((a) => a.testimonyId));
  const facilities = byCountDesc(countBy(allegations.flatMap((a) => (a.allegation.facilityId === undefined ? [] : [a.allegation.facilityId]))));
  const dated = allegations.flatMap((a) => (a.allegation.date ? [a.allegation.date] : []));
  const acts = byCountDesc(countBy<ActCode>(allegations.flatMap((a) => a.allegation.acts)));
  const roles = byCountDesc(countBy<PerpetratorRole>(allegations.map((a) => a.allegation.role)));

  // One line per witness (or per testimony without a witness record): how they knew who it was.
  const identification = new Map<string, { witnessId: Id | null; pseudonym: string | null; testimonies: Set<Id>; bases: Set<IdentificationBasis> }>();
  for (const ref of allegations) {
    const key = ref.witnessId ?? `t:${ref.testimonyId}`;
    let line = identification.get(key);
    if (!line) {
      line = { witnessId: ref.witnessId, pseudonym: ref.witnessPseudonym, testimonies: new Set(), bases: new Set() };
      identification.set(key, line);
    }
    line.testimonies.add(ref.testimonyId);
    for (const basis of ref.allegation.identificationBasis) line.bases.add(basis);
  }

  return {
    perpetrator,
    allegations,
    testimonyIds,
    distinctWitnesses: witnessIds.size,
    testimoniesWithoutWitness: withoutWitness.size,
    facilities: facilities.map(([facilityId, allegationCount]) => ({ facilityId, allegationCount })),
    period: dated.length === 0 ? null : { earliest: dated[0] as PartialDate, latest: dated.reduce((x, y) => (comparePartialDates(x, y) >= 0 ? x : y)) },
    acts: acts.map(([act, count]) => ({ act, count })),
    roles: roles.map(([role, count]) => ({ role, count })),
    identification: [...identification.values()].map(
      (line): WitnessIdentification => ({ witnessId: line.witnessId, witnessPseudonym: line.pseudonym, testimonyIds: [...line.testimonies], bases: [...line.bases] }),
    ),
  };
}

function timelineKey(item: FacilityTimelineItem): number | null {
  return item.sortKey;
}

/** The profile of facility `id`: hierarchy, timeline of it and its parts, linked alleged perpetrators. */
export function facilityProfile(data: CaseData, id: Id): FacilityProfile | null {
  const facility = data.facilities.get(id);
  if (!facility) return null;
  const descendantIds = descendantsOf(data.indexes, id);
  const scope = [id, ...descendantIds];
  const timeline: FacilityTimelineItem[] = [];
  const testimonyIds = new Set<Id>();
  const byPerpetrator = new Map<Id, { allegations: number; positions: FacilityPerpetratorLink['positions'][number][] }>();
  const link = (perpetratorId: Id) => {
    let entry = byPerpetrator.get(perpetratorId);
    if (!entry) byPerpetrator.set(perpetratorId, (entry = { allegations: 0, positions: [] }));
    return entry;
  };

  for (const facilityId of scope) {
    for (const { testimonyId, index } of data.indexes.episodesByFacility.get(facilityId) ?? []) {
      const testimony = data.testimonies.get(testimonyId);
      const episode = testimony?.body.detentionEpisodes[index];
      if (!testimony || !episode) continue;
      testimonyIds.add(testimonyId);
      const sortKey = episode.from ? partialDateSortKey(episode.from) : episode.to ? partialDateSortKey(episode.to) : null;
      timeline.push({ kind: 'episode', testimonyId, referenceCode: testimony.body.referenceCode, facilityId, episode, sortKey });
    }
    for (const { testimonyId, index } of data.indexes.allegationsByFacility.get(facilityId) ?? []) {
      const testimony = data.testimonies.get(testimonyId);
      const allegation = testimony?.body.allegations[index];
      if (!testimony || !allegation) continue;
      testimonyIds.add(testimonyId);
      const sortKey = allegation.date ? partialDateSortKey(allegation.date) : null;
      timeline.push({ kind: 'allegation', testimonyId, referenceCode: testimony.body.referenceCode, facilityId, allegation, sortKey });
      if (allegation.perpetratorId !== undefined) link(allegation.perpetratorId).allegations += 1;
    }
    for (const { perpetratorId, position } of data.indexes.positionsByFacility.get(facilityId) ?? []) link(perpetratorId).positions.push(position);
  }
  timeline.sort((a, b) => {
    const ka = timelineKey(a);
    const kb = timelineKey(b);
    if (ka === null) return kb === null ? 0 : 1;
    return kb === null ? -1 : ka - kb;
  });

  const entries = (ids: readonly Id[]) => ids.flatMap((fid) => {
    const entry = data.facilities.get(fid);
    return entry ? [entry] : [];
  });
  return {
    facility,
    ancestors: entries([...facility.ancestorIds].reverse()),
    children: entries(facility.childIds),
    descendantIds,
    timeline,
    testimonyIds: [...testimonyIds],
    perpetrators: [...byPerpetrator]
      .filter(([perpetratorId]) => data.perpetrators.has(perpetratorId))
      .map(([perpetratorId, { allegations, positions }]) => ({ perpetratorId, allegationCount: allegations, positions }))
      .sort((a, b) => b.allegationCount - a.allegationCount || b.positions.length - a.positions.length),
  };
}
