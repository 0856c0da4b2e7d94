/**
 * The case file in memory: the decrypted records of one unlocked session and the entries and
 * indexes derived from them. Pure: `deriveCaseData` turns raw records into entries, reusing
 * the previous entry of every record whose version, pseudonym and consent did not change, so
 * filter keys are computed once per version, not per render.
 */
import {
  partialDateBounds,
  type AllegedPerpetrator,
  type CalendarDate,
  type ConsentRecord,
  type Facility,
  type PartialDate,
} from '../../../../shared/domain';
import { normaliseForFilter } from '../../../../shared/names/search-keys';
import type { Slicer } from '../../vault/ui-slices';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { ancestorsOf, MutableCaseIndexes } from './case-indexes';
import { consentAt } from './consent-glance';
import type { TestimonySummary } from './testimony-summary';
import type { ConsentEntry, ConsentGlance, DayRange, FacilityEntry, PerpetratorEntry, TestimonyEntry, WitnessPseudonym } from './types';

/** The decrypted records, by id (testimonies as their summaries). */
export interface RawCase {
  readonly testimonies: ReadonlyMap<Id, LiveRecord<TestimonySummary>>;
  readonly facilities: ReadonlyMap<Id, LiveRecord<Facility>>;
  readonly perpetrators: ReadonlyMap<Id, LiveRecord<AllegedPerpetrator>>;
  readonly consents: ReadonlyMap<Id, LiveRecord<ConsentRecord>>;
  readonly witnesses: ReadonlyMap<Id, WitnessPseudonym>;
}

/** Entry fields used only for filtering and sorting (computed once per version). */
export interface TestimonyKeys {
  /** `T-2026-0042` → 2026_000042, for numeric order. */
  readonly referenceNumber: number;
}

/** Everything the hooks read. Replaced as a whole on every change (stable identity otherwise). */
export interface CaseData {
  readonly raw: RawCase;
  readonly testimonies: ReadonlyMap<Id, TestimonyEntry>;
  readonly testimonyKeys: ReadonlyMap<Id, TestimonyKeys>;
  readonly facilities: ReadonlyMap<Id, FacilityEntry>;
  readonly perpetrators: ReadonlyMap<Id, PerpetratorEntry>;
  readonly consents: ReadonlyMap<Id, ConsentEntry>;
  readonly witnesses: ReadonlyMap<Id, WitnessPseudonym>;
  /** Owned by the newest CaseData; patched in place on every change. */
  readonly indexes: MutableCaseIndexes;
  /** Lower-case, normalised names joined, for the plain list filter. */
  readonly filterText: ReadonlyMap<Id, string>;
}

/** An empty raw case. */
export const EMPTY_RAW: RawCase = Object.freeze({
  testimonies: new Map(),
  facilities: new Map(),
  perpetrators: new Map(),
  consents: new Map(),
  witnesses: new Map(),
});

function widen(range: DayRange | null, date: PartialDate | undefined): DayRange | null {
  if (!date) return range;
  const { earliest, latest } = partialDateBounds(date);
  if (!range) return { earliest, latest };
  return { earliest: Math.min(range.earliest, earliest), latest: Math.max(range.latest, latest) };
}

function eventPeriodOf(body: TestimonySummary): DayRange | null {
  let range: DayRange | null = null;
  for (const episode of body.detentionEpisodes) range = widen(widen(range, episode.from), episode.to);
  for (const allegation of body.allegations) range = widen(range, allegation.date);
  return range;
}

function referenceNumber(code: string): number {
  const match = /^T-(\d{4})-(\d+)$/.exec(code);
  return match ? Number(match[1]) * 1_000_000 + Number(match[2]) : 0;
}

function buildTestimonyEntry(record: LiveRecord<TestimonySummary>, pseudonym: string | null, consent: ConsentGlance): TestimonyEntry {
  const { body } = record;
  const facilityIds = new Set<Id>();
  const perpetratorIds = new Set<Id>();
  for (const episode of body.detentionEpisodes) facilityIds.add(episode.facilityId);
  for (const allegation of body.allegations) {
    if (allegation.facilityId !== undefined) facilityIds.add(allegation.facilityId);
    if (allegation.perpetratorId !== undefined) perpetratorIds.add(allegation.perpetratorId);
  }
  const dates = [...body.sessionDates].sort();
  return {
    record,
    id: record.id,
    version: record.version,
    savedAt: record.savedAt,
    body,
    facilityIds,
    perpetratorIds,
    eventPeriod: eventPeriodOf(body),
    interviewDate: dates[0] ?? null,
    witnessPseudonym: pseudonym,
    consent,
  };
}

function deriveConsents(raw: RawCase, previous: CaseData | null, day: CalendarDate): Map<Id, ConsentEntry> {
  const out = new Map<Id, ConsentEntry>();
  for (const [id, record] of raw.consents) {
    const old = previous?.consents.get(id);
    out.set(id, old && old.record === record ? old : { record, ...consentAt(record.body.events, day) });
  }
  return out;
}

function testimonyEntry(raw: RawCase, consents: ReadonlyMap<Id, ConsentEntry>, record: LiveRecord<TestimonySummary>, old: TestimonyEntry | undefined): TestimonyEntry {
  const { witnessId, consentId } = record.body;
  const pseudonym = witnessId === undefined ? null : (raw.witnesses.get(witnessId)?.pseudonymCode ?? null);
  const glance: ConsentGlance = consentId === undefined ? 'missing' : (consents.get(consentId)?.glance ?? 'missing');
  const reuse = old && old.record === record && old.witnessPseudonym === pseudonym && old.consent === glance;
  return reuse ? old : buildTestimonyEntry(record, pseudonym, glance);
}

/** Applies to `indexes` the difference between two versions of the records (compared by identity). */
function patchIndexes(indexes: MutableCaseIndexes, before: RawCase, after: RawCase): void {
  const patch = <T>(old: ReadonlyMap<Id, LiveRecord<T>>, next: ReadonlyMap<Id, LiveRecord<T>>, remove: (id: Id, body: T) => void, add: (id: Id, body: T) => void) => {
    if (old === next) return;
    for (const [id, record] of old) if (next.get(id) !== record) remove(id, record.body);
    for (const [id, record] of next) if (old.get(id) !== record) add(id, record.body);
  };
  patch(before.testimonies, after.testimonies, (id, b) => indexes.removeTestimony(id, b), (id, b) => indexes.addTestimony(id, b));
  patch(before.facilities, after.facilities, (id, b) => indexes.removeFacility(id, b), (id, b) => indexes.addFacility(id, b));
  patch(before.perpetrators, after.perpetrators, (id, b) => indexes.removePerpetrator(id, b), (id, b) => indexes.addPerpetrator(id, b));
}

/** Facility and perpetrator entries (few: rebuilt whole, reusing the normalised filter text). */
function assemble(
  raw: RawCase,
  previous: CaseData | null,
  indexes: MutableCaseIndexes,
  testimonies: Map<Id, TestimonyEntry>,
  testimonyKeys: Map<Id, TestimonyKeys>,
  consents: Map<Id, ConsentEntry>,
): CaseData {
  const filterText = new Map<Id, string>();
  const textOf = (id: Id, record: LiveRecord<unknown>, words: () => string[]) => {
    const old = previous?.facilities.get(id)?.record ?? previous?.perpetrators.get(id)?.record;
    const text = old === record ? previous?.filterText.get(id) : undefined;
    filterText.set(id, text ?? words().map(normaliseForFilter).join('\n'));
  };
  const parentOf = (id: Id) => raw.facilities.get(id)?.body.parentId;
  const facilities = new Map<Id, FacilityEntry>();
  for (const [id, record] of raw.facilities) {
    const names = record.body.names.map((name) => name.text);
    textOf(id, record, () => names);
    facilities.set(id, {
      record,
      id,
      version: record.version,
      savedAt: record.savedAt,
      body: record.body,
      names,
      ancestorIds: ancestorsOf(parentOf, id),
      childIds: indexes.childrenByFacility.get(id) ?? [],
      testimonyCount: indexes.testimonyCountAtFacility(id),
    });
  }
  const perpetrators = new Map<Id, PerpetratorEntry>();
  for (const [id, record] of raw.perpetrators) {
    const names = record.body.names.map((name) => name.text);
    textOf(id, record, () => [...names, ...record.body.positions.flatMap((p) => [p.rank, p.unit, p.role].filter((x): x is string => x !== undefined))]);
    perpetrators.set(id, {
      record,
      id,
      version: record.version,
      savedAt: record.savedAt,
      body: record.body,
      names,
      allegationCount: indexes.allegationCount(id),
      testimonyCount: indexes.testimonyCountOfPerpetrator(id),
    });
  }
  return { raw, testimonies, testimonyKeys, facilities, perpetrators, consents, witnesses: raw.witnesses, indexes, filterText };
}

function keysOf(previous: CaseData | null, record: LiveRecord<TestimonySummary>): TestimonyKeys {
  return previous?.testimonyKeys.get(record.id) ?? { referenceNumber: referenceNumber(record.body.referenceCode) };
}

/**
 * Derives entries and indexes from `raw` after a change. Takes over `previous`'s indexes and
 * patches them (previous must not be derived from again), reuses every entry whose record,
 * pseudonym and consent did not change. Without `previous`, builds everything at once.
 */
export function deriveCaseData(raw: RawCase, previous: CaseData | null, day: CalendarDate): CaseData {
  let indexes: MutableCaseIndexes;
  if (previous) {
    indexes = previous.indexes;
    patchIndexes(indexes, previous.raw, raw);
  } else {
    indexes = new MutableCaseIndexes();
    patchIndexes(indexes, EMPTY_RAW, raw);
  }
  const consents = deriveConsents(raw, previous, day);
  const testimonies = new Map<Id, TestimonyEntry>();
  const testimonyKeys = new Map<Id, TestimonyKeys>();
  for (const [id, record] of raw.testimonies) {
    testimonies.set(id, testimonyEntry(raw, consents, record, previous?.testimonies.get(id)));
    testimonyKeys.set(id, keysOf(previous, record));
  }
  return assemble(raw, previous, indexes, testimonies, testimonyKeys, consents);
}

/**
 * The first derivation after unlock, in slices: `slicer` (vault/ui-slices.ts) is asked after
 * every testimony and yields once a slice has run long enough, so ten thousand testimonies
 * never hold the UI thread for one long task, however loaded the machine.
 */
export async function loadCaseData(raw: RawCase, day: CalendarDate, slicer: Slicer): Promise<CaseData> {
  const indexes = new MutableCaseIndexes();
  const consents = deriveConsents(raw, null, day);
  const testimonies = new Map<Id, TestimonyEntry>();
  const testimonyKeys = new Map<Id, TestimonyKeys>();
  for (const [id, record] of raw.testimonies) {
    indexes.addTestimony(id, record.body);
    testimonies.set(id, testimonyEntry(raw, consents, record, undefined));
    testimonyKeys.set(id, keysOf(null, record));
    const pause = slicer.maybeYield();
    if (pause) await pause;
  }
  for (const [id, record] of raw.facilities) indexes.addFacility(id, record.body);
  for (const [id, record] of raw.perpetrators) indexes.addPerpetrator(id, record.body);
  return assemble(raw, null, indexes, testimonies, testimonyKeys, consents);
}
