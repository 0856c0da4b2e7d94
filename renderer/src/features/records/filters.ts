/**
 * Filtering and sorting of the case file's lists. Pure; reads the keys computed once per
 * version (case-data.ts), so a 10,000-testimony list filters and sorts in a few milliseconds.
 * The hooks memoise the result per (data, filter, sort), so a re-render costs nothing.
 */
import { partialDateBounds, testimonyStatuses, type Id } from '../../../../shared/domain';
import { normaliseForFilter } from '../../../../shared/names/search-keys';
import type { CaseData } from './case-data';
import { descendantsOf } from './case-indexes';
import type {
  DayRange,
  FacilityEntry,
  FacilityFilter,
  FacilitySort,
  PerpetratorEntry,
  PerpetratorFilter,
  PerpetratorSort,
  TestimonyEntry,
  TestimonyFilter,
  TestimonySort,
} from './types';

const STATUS_ORDER = new Map<string, number>(testimonyStatuses.codes.map((code, index) => [code, index]));
const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

function overlaps(range: DayRange | null, from: number, to: number): boolean {
  return range !== null && range.latest >= from && range.earliest <= to;
}

function interviewRange(entry: TestimonyEntry): DayRange | null {
  if (entry.interviewDate === null) return null;
  const day = Number(entry.interviewDate.replaceAll('-', ''));
  return { earliest: day, latest: day };
}

/** Testimonies matching every field of `filter`. */
export function filterTestimonies(data: CaseData, filter: TestimonyFilter): TestimonyEntry[] {
  let facilities: ReadonlySet<Id> | null = null;
  if (filter.facilityId !== undefined) {
    facilities = new Set(filter.includeSubFacilities ? [filter.facilityId, ...descendantsOf(data.indexes, filter.facilityId)] : [filter.facilityId]);
  }
  const from = filter.dateFrom ? partialDateBounds(filter.dateFrom).earliest : -Infinity;
  const to = filter.dateTo ? partialDateBounds(filter.dateTo).latest : Infinity;
  const dated = filter.dateFrom !== undefined || filter.dateTo !== undefined;
  const status = filter.status && filter.status.length > 0 ? new Set<string>(filter.status) : null;
  const kind = filter.kind && filter.kind.length > 0 ? new Set<string>(filter.kind) : null;
  const consent = filter.consent && filter.consent.length > 0 ? new Set<string>(filter.consent) : null;
  const out: TestimonyEntry[] = [];
  for (const entry of data.testimonies.values()) {
    if (status && !status.has(entry.body.status)) continue;
    if (kind && !kind.has(entry.body.kind)) continue;
    if (consent && !consent.has(entry.consent)) continue;
    if (filter.perpetratorId !== undefined && !entry.perpetratorIds.has(filter.perpetratorId)) continue;
    if (facilities && ![...entry.facilityIds].some((id) => facilities.has(id))) continue;
    if (dated && !overlaps(filter.dateOn === 'interview' ? interviewRange(entry) : entry.eventPeriod, from, to)) continue;
    out.push(entry);
  }
  return out;
}

/** Sorts testimonies in place and returns them; undated ones last in either direction. */
export function sortTestimonies(data: CaseData, entries: TestimonyEntry[], sort: TestimonySort): TestimonyEntry[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const ref = (entry: TestimonyEntry) => data.testimonyKeys.get(entry.id)?.referenceNumber ?? 0;
  const nullable = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * (a - b));
  const compare: Record<TestimonySort['by'], (a: TestimonyEntry, b: TestimonyEntry) => number> = {
    reference: (a, b) => sign * (ref(a) - ref(b)),
    saved: (a, b) => sign * (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0),
    status: (a, b) => sign * ((STATUS_ORDER.get(a.body.status) ?? 0) - (STATUS_ORDER.get(b.body.status) ?? 0)),
    'interview-date': (a, b) => nullable(interviewRange(a)?.earliest ?? null, interviewRange(b)?.earliest ?? null),
    'event-date': (a, b) => nullable(a.eventPeriod?.earliest ?? null, b.eventPeriod?.earliest ?? null),
  };
  const primary = compare[sort.by];
  // Ties by reference number, newest first, so the order is stable across renders.
  return entries.sort((a, b) => primary(a, b) || ref(b) - ref(a));
}

function matchesQuery(data: CaseData, id: Id, query: string | undefined): boolean {
  if (query === undefined || query.trim() === '') return true;
  const needle = normaliseForFilter(query.trim());
  return (data.filterText.get(id) ?? '').includes(needle);
}

/** Facilities matching `filter`. */
export function filterFacilities(data: CaseData, filter: FacilityFilter): FacilityEntry[] {
  const types = filter.type && filter.type.length > 0 ? new Set<string>(filter.type) : null;
  const out: FacilityEntry[] = [];
  for (const entry of data.facilities.values()) {
    if (types && !types.has(entry.body.type)) continue;
    if (filter.parentId !== undefined && (entry.body.parentId ?? null) !== filter.parentId) continue;
    if (!matchesQuery(data, entry.id, filter.query)) continue;
    out.push(entry);
  }
  return out;
}

/** Sorts facilities in place. */
export function sortFacilities(entries: FacilityEntry[], sort: FacilitySort): FacilityEntry[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: FacilityEntry, b: FacilityEntry) => collator.compare(a.names[0] ?? '', b.names[0] ?? '');
  const compare: Record<FacilitySort['by'], (a: FacilityEntry, b: FacilityEntry) => number> = {
    name: byName,
    saved: (a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0),
    testimonies: (a, b) => a.testimonyCount - b.testimonyCount,
  };
  return entries.sort((a, b) => sign * compare[sort.by](a, b) || byName(a, b));
}

/** Alleged perpetrators matching `filter`. */
export function filterPerpetrators(data: CaseData, filter: PerpetratorFilter): PerpetratorEntry[] {
  const statuses = filter.status && filter.status.length > 0 ? new Set<string>(filter.status) : null;
  let atFacility: ReadonlySet<Id> | null = null;
  if (filter.facilityId !== undefined) {
    const ids = new Set<Id>();
    for (const ref of data.indexes.allegationsByFacility.get(filter.facilityId) ?? []) {
      const perpetratorId = data.raw.testimonies.get(ref.testimonyId)?.body.allegations[ref.index]?.perpetratorId;
      if (perpetratorId !== undefined) ids.add(perpetratorId);
    }
    for (const { perpetratorId } of data.indexes.positionsByFacility.get(filter.facilityId) ?? []) ids.add(perpetratorId);
    atFacility = ids;
  }
  const out: PerpetratorEntry[] = [];
  for (const entry of data.perpetrators.values()) {
    if (statuses && !statuses.has(entry.body.status)) continue;
    if (atFacility && !atFacility.has(entry.id)) continue;
    if (!matchesQuery(data, entry.id, filter.query)) continue;
    out.push(entry);
  }
  return out;
}

/** Sorts alleged perpetrators in place. */
export function sortPerpetrators(entries: PerpetratorEntry[], sort: PerpetratorSort): PerpetratorEntry[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: PerpetratorEntry, b: PerpetratorEntry) => collator.compare(a.names[0] ?? '', b.names[0] ?? '');
  const compare: Record<PerpetratorSort['by'], (a: PerpetratorEntry, b: PerpetratorEntry) => number> = {
    name: byName,
    saved: (a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0),
    allegations: (a, b) => a.allegationCount - b.allegationCount,
    testimonies: (a, b) => a.testimonyCount - b.testimonyCount,
  };
  return entries.sort((a, b) => sign * compare[sort.by](a, b) || byName(a, b));
}
