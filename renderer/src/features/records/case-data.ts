/**
 * The case file in memory: the decrypted records of one unlocked session and the entries and
 * indexes derived from them. Pure; runs on the renderer's main thread.
 *
 * Cost of a change (issue 7): `applyCaseChange` touches only the records a change names and
 * the entries that depend on them (testimonies linked to a changed consent or witness, the
 * facilities and alleged perpetrators a changed testimony links to). Its maps are ChunkedMaps
 * (chunked-map.ts): the new snapshot copies the few buckets it changes and shares the rest
 * with the previous one, which stays exactly as it was for any render still reading it.
 * The first derivation after unlock (`loadCaseData`) runs in time slices.
 */
import type { AllegedPerpetrator, CalendarDate, ConsentRecord, Facility } from '../../../../shared/domain';
import { normaliseForFilter } from '../../../../shared/names/search-keys';
import type { Slicer } from '../../vault/ui-slices';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { ancestorsOf, MutableCaseIndexes } from './case-indexes';
import { CaseConsent, CaseTestimony } from './case-entries';
import { ChunkedMap } from './chunked-map';
import type { TestimonySummary } from './testimony-summary';
import type { ConsentGlance, FacilityEntry, PerpetratorEntry, WitnessPseudonym } from './types';

/** The decrypted records, by id (testimonies as their summaries). */
export interface RawCase {
  readonly testimonies: ReadonlyMap<Id, LiveRecord<TestimonySummary>>;
  readonly facilities: ReadonlyMap<Id, LiveRecord<Facility>>;
  readonly perpetrators: ReadonlyMap<Id, LiveRecord<AllegedPerpetrator>>;
  readonly consents: ReadonlyMap<Id, LiveRecord<ConsentRecord>>;
  readonly witnesses: ReadonlyMap<Id, WitnessPseudonym>;
}

/** Everything the hooks read. A new object after every change; unchanged entries keep their identity. */
export interface CaseData {
  readonly raw: RawCase;
  readonly testimonies: ReadonlyMap<Id, CaseTestimony>;
  readonly facilities: ReadonlyMap<Id, FacilityEntry>;
  readonly perpetrators: ReadonlyMap<Id, PerpetratorEntry>;
  readonly consents: ReadonlyMap<Id, CaseConsent>;
  readonly witnesses: ReadonlyMap<Id, WitnessPseudonym>;
  /**
   * Owned by the newest CaseData; patched in place on every change (an older snapshot's
   * profile may see a link to a testimony it does not hold: readers skip those).
   */
  readonly indexes: MutableCaseIndexes;
  /** Lower-case, normalised names joined, for the plain list filter. */
  readonly filterText: ReadonlyMap<Id, string>;
}

/** Records the vault accepted (testimonies as their summaries) and ids it removed. */
export interface CaseChange {
  readonly testimonies?: readonly LiveRecord<TestimonySummary>[];
  readonly facilities?: readonly LiveRecord<Facility>[];
  readonly perpetrators?: readonly LiveRecord<AllegedPerpetrator>[];
  readonly consents?: readonly LiveRecord<ConsentRecord>[];
  readonly witnesses?: readonly WitnessPseudonym[];
  readonly removed?: {
    readonly testimonies?: readonly Id[];
    readonly facilities?: readonly Id[];
    readonly perpetrators?: readonly Id[];
    readonly consents?: readonly Id[];
    readonly witnesses?: readonly Id[];
  };
}

/** `map` as a ChunkedMap: itself if it is one (a case file's always are; tests may hand in Maps). */
function chunked<V>(map: ReadonlyMap<Id, V>): ChunkedMap<Id, V> {
  return map instanceof ChunkedMap ? (map as ChunkedMap<Id, V>) : ChunkedMap.of(map);
}

/** `map` with values put (by id) and ids removed, as a ChunkedMap sharing what did not change. */
function withChange<V extends { readonly id: Id }>(map: ReadonlyMap<Id, V>, put: readonly V[] | undefined, remove: readonly Id[] | undefined): ChunkedMap<Id, V> {
  return chunked(map).with({ delete: remove ?? [], set: (put ?? []).map((value) => [value.id, value] as const) });
}

/** Every id a change names for one kind, put or removed, once each. */
function changedIds(put: readonly { readonly id: Id }[] | undefined, removed: readonly Id[] | undefined): Set<Id> {
  return new Set([...(removed ?? []), ...(put ?? []).map((value) => value.id)]);
}

function testimonyEntry(raw: RawCase, consents: ReadonlyMap<Id, CaseConsent>, record: LiveRecord<TestimonySummary>, old: CaseTestimony | undefined): CaseTestimony {
  const { witnessId, consentId } = record.body;
  const pseudonym = witnessId === undefined ? null : (raw.witnesses.get(witnessId)?.pseudonymCode ?? null);
  const glance: ConsentGlance = consentId === undefined ? 'missing' : (consents.get(consentId)?.glance ?? 'missing');
  const reuse = old && old.record === record && old.witnessPseudonym === pseudonym && old.consent === glance;
  return reuse ? old : new CaseTestimony(record, pseudonym, glance);
}

/** Builds facility and perpetrator entries, reusing the normalised filter text of unchanged records. */
class EntityEntries {
  constructor(
    private readonly raw: RawCase,
    private readonly indexes: MutableCaseIndexes,
    private readonly previous: CaseData | null,
  ) {}

  private text(id: Id, record: LiveRecord<unknown>, words: () => string[]): string {
    const old = this.previous?.facilities.get(id)?.record ?? this.previous?.perpetrators.get(id)?.record;
    const text = old === record ? this.previous?.filterText.get(id) : undefined;
    return text ?? words().map(normaliseForFilter).join('\n');
  }

  facility(record: LiveRecord<Facility>): { entry: FacilityEntry; text: string } {
    const { id } = record;
    const names = record.body.names.map((name) => name.text);
    const parentOf = (of: Id) => this.raw.facilities.get(of)?.body.parentId;
    const entry: FacilityEntry = {
      record,
      id,
      version: record.version,
      savedAt: record.savedAt,
      body: record.body,
      names,
      ancestorIds: ancestorsOf(parentOf, id),
      childIds: this.indexes.childrenByFacility.get(id) ?? [],
      testimonyCount: this.indexes.testimonyCountAtFacility(id),
    };
    return { entry, text: this.text(id, record, () => names) };
  }

  perpetrator(record: LiveRecord<AllegedPerpetrator>): { entry: PerpetratorEntry; text: string } {
    const { id } = record;
    const names = record.body.names.map((name) => name.text);
    const entry: PerpetratorEntry = {
      record,
      id,
      version: record.version,
      savedAt: record.savedAt,
      body: record.body,
      names,
      allegationCount: this.indexes.allegationCount(id),
      testimonyCount: this.indexes.testimonyCountOfPerpetrator(id),
    };
    const words = () => [...names, ...record.body.positions.flatMap((p) => [p.rank, p.unit, p.role].filter((x): x is string => x !== undefined))];
    return { entry, text: this.text(id, record, words) };
  }
}

/**
 * The whole case file from `raw`, as a generator that yields after each record of the long
 * lists: `loadCaseData` pauses there when its slicer says so, `deriveCaseData` runs it through.
 */
function* build(raw: RawCase, day: CalendarDate): Generator<void, CaseData, void> {
  const indexes = new MutableCaseIndexes();
  const consents = ChunkedMap.builder<Id, CaseConsent>();
  for (const [id, record] of raw.consents) {
    consents.set(id, new CaseConsent(record, day));
    yield;
  }
  const consentMap = consents.build();
  const testimonies = ChunkedMap.builder<Id, CaseTestimony>();
  for (const [id, record] of raw.testimonies) {
    indexes.addTestimony(id, record.body);
    testimonies.set(id, testimonyEntry(raw, consentMap, record, undefined));
    yield;
  }
  for (const [id, record] of raw.facilities) indexes.addFacility(id, record.body);
  for (const [id, record] of raw.perpetrators) indexes.addPerpetrator(id, record.body);
  const entities = new EntityEntries(raw, indexes, null);
  const facilities: [Id, FacilityEntry][] = [];
  const perpetrators: [Id, PerpetratorEntry][] = [];
  const texts: [Id, string][] = [];
  for (const record of raw.facilities.values()) {
    const { entry, text } = entities.facility(record);
    facilities.push([entry.id, entry]);
    texts.push([entry.id, text]);
    yield;
  }
  for (const record of raw.perpetrators.values()) {
    const { entry, text } = entities.perpetrator(record);
    perpetrators.push([entry.id, entry]);
    texts.push([entry.id, text]);
    yield;
  }
  return {
    raw,
    testimonies: testimonies.build(),
    facilities: ChunkedMap.of(facilities),
    perpetrators: ChunkedMap.of(perpetrators),
    consents: consentMap,
    witnesses: raw.witnesses,
    indexes,
    filterText: ChunkedMap.of(texts),
  };
}

/**
 * The case file after `change`, in time proportional to the change (see the file comment).
 * Takes over `previous`'s indexes and patches them: `previous` must not be changed again.
 */
export function applyCaseChange(previous: CaseData, change: CaseChange, day: CalendarDate): CaseData {
  const removed = change.removed ?? {};
  const before = previous.raw;
  const raw: RawCase = {
    testimonies: withChange(before.testimonies, change.testimonies, removed.testimonies),
    facilities: withChange(before.facilities, change.facilities, removed.facilities),
    perpetrators: withChange(before.perpetrators, change.perpetrators, removed.perpetrators),
    consents: withChange(before.consents, change.consents, removed.consents),
    witnesses: withChange(before.witnesses, change.witnesses, removed.witnesses),
  };
  const { indexes } = previous;

  // Indexes: the old version's links out, the new one's in. Remember what the links touch.
  const touchedFacilities = new Set<Id>();
  const touchedPerpetrators = new Set<Id>();
  const noteLinks = (body: TestimonySummary) => {
    for (const episode of body.detentionEpisodes) touchedFacilities.add(episode.facilityId);
    for (const allegation of body.allegations) {
      if (allegation.facilityId !== undefined) touchedFacilities.add(allegation.facilityId);
      if (allegation.perpetratorId !== undefined) touchedPerpetrators.add(allegation.perpetratorId);
    }
  };
  const testimonyIds = changedIds(change.testimonies, removed.testimonies);
  const replaced: [Id, TestimonySummary][] = [];
  const added: [Id, TestimonySummary][] = [];
  for (const id of testimonyIds) {
    const old = before.testimonies.get(id);
    const next = raw.testimonies.get(id);
    if (old === next) continue;
    if (old) replaced.push([id, old.body]);
    if (next) added.push([id, next.body]);
  }
  // All removals in one call: one pass per item list however many testimonies changed.
  indexes.removeTestimonies(replaced);
  for (const [id, body] of added) indexes.addTestimony(id, body);
  for (const [, body] of [...replaced, ...added]) noteLinks(body);
  /** Swaps each changed record's old version out of the indexes and its new one in; calls `changed` for each. */
  const patch = <T>(ids: Iterable<Id>, old: ReadonlyMap<Id, LiveRecord<T>>, next: ReadonlyMap<Id, LiveRecord<T>>, remove: (id: Id, body: T) => void, add: (id: Id, body: T) => void, changed?: (id: Id) => void): void => {
    for (const id of ids) {
      const was = old.get(id);
      const now = next.get(id);
      if (was === now) continue;
      if (was) remove(id, was.body);
      if (now) add(id, now.body);
      changed?.(id);
    }
  };
  const facilityIds = changedIds(change.facilities, removed.facilities);
  patch(facilityIds, before.facilities, raw.facilities, (id, b) => indexes.removeFacility(id, b), (id, b) => indexes.addFacility(id, b));
  const perpetratorIds = changedIds(change.perpetrators, removed.perpetrators);
  patch(perpetratorIds, before.perpetrators, raw.perpetrators, (id, b) => indexes.removePerpetrator(id, b), (id, b) => indexes.addPerpetrator(id, b), (id) => touchedPerpetrators.add(id));

  // Consent entries, then every testimony entry that may read a changed consent or witness.
  const consentIds = changedIds(change.consents, removed.consents);
  const consentPuts: [Id, CaseConsent][] = [];
  for (const id of consentIds) {
    const record = raw.consents.get(id);
    if (record && previous.consents.get(id)?.record !== record) consentPuts.push([id, new CaseConsent(record, day)]);
  }
  const consents = chunked(previous.consents).with({ delete: [...consentIds].filter((id) => !raw.consents.has(id)), set: consentPuts });
  const stale = new Set(testimonyIds);
  for (const id of consentIds) for (const testimonyId of indexes.testimoniesByConsent.get(id) ?? []) stale.add(testimonyId);
  for (const id of changedIds(change.witnesses, removed.witnesses)) for (const testimonyId of indexes.testimoniesByWitness.get(id) ?? []) stale.add(testimonyId);
  const testimonyPuts: [Id, CaseTestimony][] = [];
  const testimonyDeletes: Id[] = [];
  for (const id of stale) {
    const record = raw.testimonies.get(id);
    const old = previous.testimonies.get(id);
    if (!record) testimonyDeletes.push(id);
    else {
      const entry = testimonyEntry(raw, consents, record, old);
      if (entry !== old) testimonyPuts.push([id, entry]);
    }
  }
  const testimonies = chunked(previous.testimonies).with({ delete: testimonyDeletes, set: testimonyPuts });

  // Facility and perpetrator entries: a changed facility can change others' ancestors and
  // children (all rebuilt: there are few, and they rarely change); otherwise only the ones a
  // changed testimony links to (their counts).
  const entities = new EntityEntries(raw, indexes, previous);
  const texts: [Id, string][] = [];
  /** New entries for `ids` (deleting those without a record), their filter text noted. */
  const rebuild = <R, E>(ids: Iterable<Id>, records: ReadonlyMap<Id, R>, make: (record: R) => { entry: E; text: string }) => {
    const set: [Id, E][] = [];
    const gone: Id[] = [];
    for (const id of ids) {
      const record = records.get(id);
      if (!record) {
        gone.push(id);
        continue;
      }
      const { entry, text } = make(record);
      set.push([id, entry]);
      texts.push([id, text]);
    }
    return { set, delete: gone };
  };
  const facilityScope = facilityIds.size > 0 ? new Set([...raw.facilities.keys(), ...facilityIds]) : touchedFacilities;
  const facilities = chunked(previous.facilities).with(rebuild(facilityScope, raw.facilities, (r) => entities.facility(r)));
  const perpetrators = chunked(previous.perpetrators).with(rebuild(touchedPerpetrators, raw.perpetrators, (r) => entities.perpetrator(r)));
  const goneTexts = [...facilityIds, ...perpetratorIds].filter((id) => !raw.facilities.has(id) && !raw.perpetrators.has(id));
  const filterText = chunked(previous.filterText).with({ delete: goneTexts, set: texts });

  return { raw, testimonies, facilities, perpetrators, consents, witnesses: raw.witnesses, indexes, filterText };
}

/** The change that turns `before` into `after` (records compared by identity). */
function differenceOf(before: RawCase, after: RawCase): CaseChange {
  const diff = <V extends { readonly id: Id }>(old: ReadonlyMap<Id, V>, next: ReadonlyMap<Id, V>) => ({
    put: [...next.values()].filter((value) => old.get(value.id) !== value),
    removed: [...old.keys()].filter((id) => !next.has(id)),
  });
  const t = diff(before.testimonies, after.testimonies);
  const f = diff(before.facilities, after.facilities);
  const p = diff(before.perpetrators, after.perpetrators);
  const c = diff(before.consents, after.consents);
  const w = diff(before.witnesses, after.witnesses);
  return {
    testimonies: t.put,
    facilities: f.put,
    perpetrators: p.put,
    consents: c.put,
    witnesses: w.put,
    removed: { testimonies: t.removed, facilities: f.removed, perpetrators: p.removed, consents: c.removed, witnesses: w.removed },
  };
}

/**
 * Entries and indexes for `raw`. With `previous`, the records are compared with its records by
 * identity and only the difference is applied (`applyCaseChange`; `previous` must not be
 * derived from again). Without, builds everything at once.
 */
export function deriveCaseData(raw: RawCase, previous: CaseData | null, day: CalendarDate): CaseData {
  if (previous) return applyCaseChange(previous, differenceOf(previous.raw, raw), day);
  const steps = build(raw, day);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The first derivation after unlock, in slices: `slicer` (vault/ui-slices.ts) is asked after
 * every record of the long lists and yields once a slice has run long enough, so a hundred
 * thousand testimonies never hold the UI thread for one long task, however loaded the machine.
 */
export async function loadCaseData(raw: RawCase, day: CalendarDate, slicer: Slicer): Promise<CaseData> {
  const steps = build(raw, day);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const pause = slicer.maybeYield();
    if (pause) await pause;
  }
}
