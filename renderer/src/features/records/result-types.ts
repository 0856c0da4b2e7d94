/**
 * What profiles, history, search and merges hand to screens. Types only. Runs on the
 * renderer's main thread.
 */
import type {
  ActCode,
  Allegation,
  DetentionEpisode,
  IdentificationBasis,
  PartialDate,
  PerpetratorRole,
  PositionStatement,
} from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';
import type { MergeableKind } from './record-kinds';
import type { FacilityEntry, PerpetratorEntry } from './types';

/** One allegation as seen from a profile. */
export interface AllegationRef {
  readonly testimonyId: Id;
  readonly referenceCode: string;
  readonly witnessId: Id | null;
  readonly witnessPseudonym: string | null;
  readonly allegation: Allegation;
}

/** How one witness identified an alleged perpetrator (union over their allegations). */
export interface WitnessIdentification {
  /** Null when the testimony has no witness record. */
  readonly witnessId: Id | null;
  readonly witnessPseudonym: string | null;
  readonly testimonyIds: readonly Id[];
  readonly bases: readonly IdentificationBasis[];
}

/** Everything alleged about one person across the case file. Always "alleged". */
export interface PerpetratorProfile {
  readonly perpetrator: PerpetratorEntry;
  /** Oldest first; undated last. */
  readonly allegations: readonly AllegationRef[];
  readonly testimonyIds: readonly Id[];
  /** Distinct witness records among those testimonies. */
  readonly distinctWitnesses: number;
  /** Testimonies that have no witness record (cannot be counted as distinct witnesses). */
  readonly testimoniesWithoutWitness: number;
  /** Facilities of the allegations, most allegations first. */
  readonly facilities: readonly { readonly facilityId: Id; readonly allegationCount: number }[];
  /** Earliest and latest allegation date, as recorded (partial). */
  readonly period: { readonly earliest: PartialDate; readonly latest: PartialDate } | null;
  /** Acts, most frequent first. */
  readonly acts: readonly { readonly act: ActCode; readonly count: number }[];
  readonly roles: readonly { readonly role: PerpetratorRole; readonly count: number }[];
  readonly identification: readonly WitnessIdentification[];
}

/** One dated item on a facility's timeline. */
export type FacilityTimelineItem =
  | {
      readonly kind: 'episode';
      readonly testimonyId: Id;
      readonly referenceCode: string;
      /** The facility the item names: this one or a part of it. */
      readonly facilityId: Id;
      readonly episode: DetentionEpisode;
      readonly sortKey: number | null;
    }
  | {
      readonly kind: 'allegation';
      readonly testimonyId: Id;
      readonly referenceCode: string;
      readonly facilityId: Id;
      readonly allegation: Allegation;
      readonly sortKey: number | null;
    };

/** An alleged perpetrator linked to a facility, and how. */
export interface FacilityPerpetratorLink {
  readonly perpetratorId: Id;
  /** Allegations at this facility (or its parts). */
  readonly allegationCount: number;
  /** Positions stated at this facility (or its parts). */
  readonly positions: readonly PositionStatement[];
}

/** Everything recorded about one facility and its parts. */
export interface FacilityProfile {
  readonly facility: FacilityEntry;
  /** Root first, ending with the parent. */
  readonly ancestors: readonly FacilityEntry[];
  readonly children: readonly FacilityEntry[];
  /** Every part below it (children, their children...). */
  readonly descendantIds: readonly Id[];
  /** Episodes and allegations here or in its parts, oldest first, undated last. */
  readonly timeline: readonly FacilityTimelineItem[];
  readonly testimonyIds: readonly Id[];
  readonly perpetrators: readonly FacilityPerpetratorLink[];
}

/** Who saved a version. The vault records no author: every version says "this device". */
export type VersionAuthor = { readonly kind: 'this-device' };

/** One saved version of a record. */
export interface VersionEntry<T> {
  readonly version: number;
  readonly savedAt: string;
  readonly author: VersionAuthor;
  readonly body: T;
}

/** One changed field between two versions. */
export interface FieldChange {
  /** Where: keys and array positions of the *after* version (of the before one for removals). */
  readonly path: readonly (string | number)[];
  /**
   * The path for labels: array positions and ids dropped, e.g. `allegations.acts`,
   * `names.text`. The UI maps it to a translated field label.
   */
  readonly labelPath: string;
  /** Id of the array item the change is in, when it has one (matched by id, not position). */
  readonly itemId?: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The case-file entity kinds search covers. */
export type SearchKind = 'testimony' | 'facility' | 'perpetrator';

/** One search hit: ids and plain text only (no markup to inject). */
export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: Id;
  readonly score: number;
  /** Reference code or the first name. */
  readonly title: string;
  /** A short plain-text excerpt around the first matching word, or the start of the text. */
  readonly snippet: string;
}

/** Search results grouped by kind, best first in each group. */
export interface SearchResults {
  /** `indexing`: the index is still being built after unlock; results may be partial. */
  readonly status: 'idle' | 'indexing' | 'searching' | 'ready' | 'failed';
  readonly query: string;
  readonly testimonies: readonly SearchHit[];
  readonly facilities: readonly SearchHit[];
  readonly perpetrators: readonly SearchHit[];
}

/** What a merge did. */
export interface MergeResult {
  /** The merge journal's id: pass it to `undoMerge`. */
  readonly mergeId: Id;
  readonly entity: MergeableKind;
  readonly survivorId: Id;
  readonly mergedId: Id;
  /** Names the survivor gained. */
  readonly namesAdded: number;
  /** Links re-pointed, by record type. */
  readonly repointed: { readonly testimony: number; readonly facility: number; readonly perpetrator: number };
}

/** What an undo did. */
export interface UndoMergeResult {
  readonly mergeId: Id;
  /** The merged entity, restored under a new id (deleted ids never come back: the vault keeps a tombstone). */
  readonly restoredId: Id;
  readonly linksRestored: number;
}

/** A merge that can still be undone (for a "recent merges" list). */
export interface MergeSummary {
  readonly mergeId: Id;
  readonly entity: MergeableKind;
  readonly survivorId: Id;
  readonly mergedId: Id;
  readonly mergedNames: readonly string[];
  readonly at: string;
  readonly state: 'started' | 'done' | 'undoing' | 'undone';
  readonly links: number;
}
