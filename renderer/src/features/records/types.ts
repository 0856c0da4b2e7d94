/**
 * The shapes the case-records data layer hands to screens: entries (a live record plus keys
 * computed once per version), filters, lookups and inputs; profiles, history, search and
 * merge results are in result-types.ts (re-exported here). Types only. Runs on the renderer's
 * main thread.
 */
import type {
  AllegedPerpetrator,
  ConsentEvent,
  ConsentRecord,
  ConsentSummary,
  Facility,
  FacilityType,
  PartialDate,
  PerpetratorStatus,
  Testimony,
  TestimonyKind,
  TestimonyStatus,
  Witness,
} from '../../../../shared/domain';
import type { DuplicateSuggestion } from '../../../../shared/names';
import type { Id, LiveRecord } from '../../vault/vault-client';
import type { MergeableKind } from './record-kinds';
import type { TestimonySummary } from './testimony-summary';

export type { DuplicateSuggestion, Id, LiveRecord, MergeableKind, TestimonySummary };

/**
 * One record looked up by id: `loading` until the case file has loaded after unlock,
 * `missing` if there is no such live record (never existed, deleted, merged away).
 */
export type Lookup<T> = { readonly status: 'loading' } | { readonly status: 'missing' } | { readonly status: 'found'; readonly value: T };

/** A list: empty while `loading`; `failed` if the case file could not be read. */
export interface ListResult<T> {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly items: readonly T[];
  /** How many records there are before filtering. */
  readonly total: number;
}

/** Consent at a glance, for badges and the consent filter (computed for today). */
export type ConsentGlance = 'missing' | 'none' | 'active' | 'review-due' | 'partly-withdrawn' | 'withdrawn';

/** A range of `yyyymmdd` numbers (see partialDateBounds); unknown month/day widen it. */
export interface DayRange {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * A testimony in the case file, with its filter and sort keys computed once per version
 * (implemented by CaseTestimony, case-entries.ts, which keeps it small). The
 * case file holds its summary only (testimony-summary.ts); the full body (narrative, sessions)
 * is read from the vault when a testimony is opened (`useFullTestimony`) or edited.
 */
export interface TestimonyEntry {
  readonly record: LiveRecord<TestimonySummary>;
  readonly id: Id;
  readonly version: number;
  readonly savedAt: string;
  readonly body: TestimonySummary;
  /** Every facility referred to (episodes and allegations), as stored; a new Set at each read. */
  readonly facilityIds: ReadonlySet<Id>;
  /** Every alleged perpetrator referred to by its allegations; a new Set at each read. */
  readonly perpetratorIds: ReadonlySet<Id>;
  /** What the events span: detention episodes and allegation dates; null if none is dated. */
  readonly eventPeriod: DayRange | null;
  /** First interview session date (`YYYY-MM-DD`), or null for a draft without a session. */
  readonly interviewDate: string | null;
  /** The witness's pseudonym code (never the name), or null. */
  readonly witnessPseudonym: string | null;
  readonly consent: ConsentGlance;
}

/** A facility in the case file. */
export interface FacilityEntry {
  readonly record: LiveRecord<Facility>;
  readonly id: Id;
  readonly version: number;
  readonly savedAt: string;
  readonly body: Facility;
  /** Every name as typed, in stored order. */
  readonly names: readonly string[];
  /** Parent first up to the root; empty for a top-level facility. */
  readonly ancestorIds: readonly Id[];
  /** Direct children. */
  readonly childIds: readonly Id[];
  /** Testimonies with an episode or allegation at this facility (not counting descendants). */
  readonly testimonyCount: number;
}

/** An alleged perpetrator in the case file. */
export interface PerpetratorEntry {
  readonly record: LiveRecord<AllegedPerpetrator>;
  readonly id: Id;
  readonly version: number;
  readonly savedAt: string;
  readonly body: AllegedPerpetrator;
  readonly names: readonly string[];
  readonly allegationCount: number;
  readonly testimonyCount: number;
}

/** A consent record with its state today (CaseConsent, case-entries.ts: the summary is computed when first read). */
export interface ConsentEntry {
  readonly record: LiveRecord<ConsentRecord>;
  readonly summary: ConsentSummary;
  readonly glance: ConsentGlance;
}

/** A witness by pseudonym only (what the case file keeps in memory). */
export interface WitnessPseudonym {
  readonly id: Id;
  readonly pseudonymCode: string;
}

/** Testimony list filter; every field optional, all given fields must hold. */
export interface TestimonyFilter {
  readonly status?: readonly TestimonyStatus[];
  readonly kind?: readonly TestimonyKind[];
  /** Testimonies linked to this facility (or, with `includeSubFacilities`, to any part of it). */
  readonly facilityId?: Id;
  readonly includeSubFacilities?: boolean;
  readonly perpetratorId?: Id;
  /** Overlap with this range; `on` picks the events' period (default) or the interview date. */
  readonly dateFrom?: PartialDate;
  readonly dateTo?: PartialDate;
  readonly dateOn?: 'events' | 'interview';
  readonly consent?: readonly ConsentGlance[];
}

/** Testimony list order. Undated testimonies sort last in either direction. */
export interface TestimonySort {
  readonly by: 'reference' | 'saved' | 'status' | 'interview-date' | 'event-date';
  readonly direction: 'asc' | 'desc';
}

/** Facility list filter. `query` is a plain normalised substring over every name (use search for fuzzy). */
export interface FacilityFilter {
  readonly query?: string;
  readonly type?: readonly FacilityType[];
  /** `null`: top-level facilities only; an id: direct children of it. */
  readonly parentId?: Id | null;
}

export interface FacilitySort {
  readonly by: 'name' | 'saved' | 'testimonies';
  readonly direction: 'asc' | 'desc';
}

/** Alleged perpetrator list filter. */
export interface PerpetratorFilter {
  readonly query?: string;
  readonly status?: readonly PerpetratorStatus[];
  /** Alleged at, or holding a position at, this facility. */
  readonly facilityId?: Id;
}

export interface PerpetratorSort {
  readonly by: 'name' | 'saved' | 'allegations' | 'testimonies';
  readonly direction: 'asc' | 'desc';
}

/** A new testimony: no id (allocated), no reference code (allocated unless given), no amendment. */
export type TestimonyInput = Omit<Testimony, 'id' | 'referenceCode' | 'amendment'> & { readonly referenceCode?: string };
export type FacilityInput = Omit<Facility, 'id'>;
export type PerpetratorInput = Omit<AllegedPerpetrator, 'id'>;
/** A new witness; the pseudonym code (`W-0001`) is allocated unless given. */
export type WitnessInput = Omit<Witness, 'id' | 'pseudonymCode'> & { readonly pseudonymCode?: string };
/** A new consent event; its version is the next one. */
export type ConsentEventInput = ConsentEvent extends infer E ? (E extends ConsentEvent ? Omit<E, 'version'> : never) : never;

export type * from './result-types';
