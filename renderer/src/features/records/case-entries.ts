/**
 * The entries of the case file: a testimony or consent record with the keys the lists, filters
 * and badges read, computed once per version. Pure; runs on the renderer's main thread.
 *
 * A case file holds one entry per testimony, so at 100,000 testimonies every field costs
 * megabytes (issue 7). An entry therefore keeps only what cannot be read from its record or
 * that sorting and filtering read too often to recompute: a few numbers and references, no
 * Sets, no copied objects. What is cheap to derive (id, body, the linked ids, the consent
 * summary) is a getter over the record. Entries never change after they are built.
 */
import { partialDateBounds, type CalendarDate, type ConsentRecord, type ConsentSummary, type PartialDate } from '../../../../shared/domain';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { consentAt } from './consent-glance';
import type { TestimonySummary } from './testimony-summary';
import type { ConsentEntry, ConsentGlance, DayRange, TestimonyEntry } from './types';

/** `T-2026-0042` → a number in reference order (year, then number); 0 for another shape. */
export function referenceNumber(code: string): number {
  const match = /^T-(\d{4})-(\d+)$/.exec(code);
  // Counted from 1900 so that years to 2900 stay small integers (V8 stores them unboxed).
  return match ? (Number(match[1]) - 1900) * 1_000_000 + Number(match[2]) : 0;
}

/**
 * No dated event. Zero, not NaN or null: every instance then keeps its bounds as small integers
 * in the object itself, where one NaN would make V8 box the field of every entry (issue 7).
 */
export const UNDATED = 0;

/** The events' span as yyyymmdd numbers: detention episodes and allegation dates. */
function eventBounds(body: TestimonySummary): { earliest: number; latest: number } {
  let earliest = Infinity;
  let latest = -Infinity;
  const widen = (date: PartialDate | undefined) => {
    if (!date) return;
    const bounds = partialDateBounds(date);
    if (bounds.earliest < earliest) earliest = bounds.earliest;
    if (bounds.latest > latest) latest = bounds.latest;
  };
  for (const episode of body.detentionEpisodes) {
    widen(episode.from);
    widen(episode.to);
  }
  for (const allegation of body.allegations) widen(allegation.date);
  return earliest === Infinity ? { earliest: UNDATED, latest: UNDATED } : { earliest, latest };
}

function firstDate(dates: readonly string[]): string | null {
  let first: string | null = null;
  for (const date of dates) if (first === null || date < first) first = date;
  return first;
}

/** A testimony in the case file (see TestimonyEntry in types.ts and the file comment). */
export class CaseTestimony implements TestimonyEntry {
  readonly referenceNumber: number;
  /** yyyymmdd bounds of the events, UNDATED (0) when none is dated (eventPeriod null). */
  readonly eventEarliest: number;
  readonly eventLatest: number;
  readonly interviewDate: string | null;

  constructor(
    readonly record: LiveRecord<TestimonySummary>,
    readonly witnessPseudonym: string | null,
    readonly consent: ConsentGlance,
  ) {
    const { body } = record;
    this.referenceNumber = referenceNumber(body.referenceCode);
    const { earliest, latest } = eventBounds(body);
    this.eventEarliest = earliest;
    this.eventLatest = latest;
    this.interviewDate = firstDate(body.sessionDates);
  }

  get id(): Id {
    return this.record.id;
  }

  get version(): number {
    return this.record.version;
  }

  get savedAt(): string {
    return this.record.savedAt;
  }

  get body(): TestimonySummary {
    return this.record.body;
  }

  get eventPeriod(): DayRange | null {
    return this.eventEarliest === UNDATED ? null : { earliest: this.eventEarliest, latest: this.eventLatest };
  }

  /** A new Set at every read: filters use `linksFacility`, which allocates nothing. */
  get facilityIds(): ReadonlySet<Id> {
    const ids = new Set<Id>();
    for (const episode of this.body.detentionEpisodes) ids.add(episode.facilityId);
    for (const allegation of this.body.allegations) if (allegation.facilityId !== undefined) ids.add(allegation.facilityId);
    return ids;
  }

  /** A new Set at every read: filters use `linksPerpetrator`. */
  get perpetratorIds(): ReadonlySet<Id> {
    const ids = new Set<Id>();
    for (const allegation of this.body.allegations) if (allegation.perpetratorId !== undefined) ids.add(allegation.perpetratorId);
    return ids;
  }

  /** True if an episode or allegation is at one of `facilities`. */
  linksFacility(facilities: ReadonlySet<Id>): boolean {
    for (const episode of this.body.detentionEpisodes) if (facilities.has(episode.facilityId)) return true;
    for (const allegation of this.body.allegations) if (allegation.facilityId !== undefined && facilities.has(allegation.facilityId)) return true;
    return false;
  }

  /** True if an allegation names alleged perpetrator `id`. */
  linksPerpetrator(id: Id): boolean {
    return this.body.allegations.some((allegation) => allegation.perpetratorId === id);
  }
}

/**
 * A consent record with its state on `day`. The glance (badges, filters, every testimony entry)
 * is kept; the full summary is computed when a screen first asks for it (one consent at a
 * time), not for each of 50,000 records at unlock.
 */
export class CaseConsent implements ConsentEntry {
  readonly glance: ConsentGlance;
  #summary: ConsentSummary | null = null;

  constructor(
    readonly record: LiveRecord<ConsentRecord>,
    private readonly day: CalendarDate,
  ) {
    this.glance = consentAt(record.body.events, day).glance;
  }

  get summary(): ConsentSummary {
    // Cached: the same object at every read, as the entry never changes.
    this.#summary ??= consentAt(this.record.body.events, this.day).summary;
    return this.#summary;
  }
}
