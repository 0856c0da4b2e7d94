/**
 * What screens can do to the case file (`useCaseCommands()`). Types only. Runs on the
 * renderer's main thread.
 *
 * Every write is a new version in the vault and goes through the same checks in the data
 * layer, whatever screen calls it: schema (RecordValidationError with the zod issues as
 * `cause`), link integrity (LinkIntegrityError, field paths), status flow and sealing
 * (StatusTransitionError, SealedTestimonyError), expected version (VersionConflictError:
 * reload and re-apply), disk full (VaultStorageFullError: nothing written, keep the input),
 * lock (LockedError). Nothing the caller passes in is modified.
 */
import type { AllegedPerpetrator, ConsentRecord, Facility, Testimony, TestimonyStatus, Witness } from '../../../../shared/domain';
import type { MergeableKind } from './record-kinds';
import type {
  ConsentEventInput,
  DuplicateSuggestion,
  FacilityInput,
  Id,
  LiveRecord,
  MergeResult,
  MergeSummary,
  PerpetratorInput,
  TestimonyInput,
  UndoMergeResult,
  VersionEntry,
  WitnessInput,
} from './types';

/** The case file's commands. */
export interface CaseCommands {
  /** New testimony, with a fresh id and the next reference code of the current year (unless given). */
  createTestimony(input: TestimonyInput): Promise<LiveRecord<Testimony>>;
  /**
   * Saves a new version. The status may change only along the flow (draft → complete →
   * reviewed → sealed, and back a step before sealing); a sealed testimony is refused
   * (SealedTestimonyError): use `amendTestimony`. Id, reference code and amendment cannot change.
   */
  updateTestimony(testimony: Testimony, expectedVersion: number): Promise<LiveRecord<Testimony>>;
  /** Changes only the status (audited as `testimony.status`). */
  changeTestimonyStatus(id: Id, to: TestimonyStatus, expectedVersion: number): Promise<LiveRecord<Testimony>>;
  /**
   * Amends a sealed testimony: a new version (still sealed) with `amendment = { reason,
   * amends: { testimonyId, version: expectedVersion } }` (audited as `testimony.amend`).
   */
  amendTestimony(testimony: Testimony, reason: string, expectedVersion: number): Promise<LiveRecord<Testimony>>;
  /** Deletes a testimony that is not sealed. */
  deleteTestimony(id: Id, expectedVersion: number): Promise<void>;

  createFacility(input: FacilityInput): Promise<LiveRecord<Facility>>;
  updateFacility(facility: Facility, expectedVersion: number): Promise<LiveRecord<Facility>>;
  /** Refused with RecordInUseError while a testimony, part-facility or position links to it. */
  deleteFacility(id: Id, expectedVersion: number): Promise<void>;

  createPerpetrator(input: PerpetratorInput): Promise<LiveRecord<AllegedPerpetrator>>;
  updatePerpetrator(perpetrator: AllegedPerpetrator, expectedVersion: number): Promise<LiveRecord<AllegedPerpetrator>>;
  /** Refused with RecordInUseError while an allegation links to them. */
  deletePerpetrator(id: Id, expectedVersion: number): Promise<void>;

  /** New witness (witness compartment), with the next pseudonym code unless given. */
  createWitness(input: WitnessInput): Promise<LiveRecord<Witness>>;
  /** The pseudonym code cannot change (it is what every export and testimony shows). */
  updateWitness(witness: Witness, expectedVersion: number): Promise<LiveRecord<Witness>>;
  /** Refused with RecordInUseError while a testimony links to the witness. */
  deleteWitness(id: Id, expectedVersion: number): Promise<void>;
  /** Reads a witness record from the vault (not kept in memory beyond the pseudonym). */
  readWitness(id: Id): Promise<LiveRecord<Witness>>;

  /** New consent record with its first event (a grant). */
  createConsent(witnessId: Id | undefined, first: ConsentEventInput): Promise<LiveRecord<ConsentRecord>>;
  /** Appends an event (new terms or a withdrawal); earlier events are never changed. */
  addConsentEvent(id: Id, event: ConsentEventInput, expectedVersion: number): Promise<LiveRecord<ConsentRecord>>;
  /** Refused with RecordInUseError while a testimony links to it. */
  deleteConsent(id: Id, expectedVersion: number): Promise<void>;

  /** Every version of a record, oldest first. */
  history(kind: 'testimony', id: Id): Promise<VersionEntry<Testimony>[]>;
  history(kind: 'facility', id: Id): Promise<VersionEntry<Facility>[]>;
  history(kind: 'perpetrator', id: Id): Promise<VersionEntry<AllegedPerpetrator>[]>;
  history(kind: 'consent', id: Id): Promise<VersionEntry<ConsentRecord>[]>;

  /**
   * "Did you mean": existing facilities or alleged perpetrators whose names may be the same
   * as `names` (a record being created or edited; `excludeId` skips itself).
   */
  suggestionsFor(entity: MergeableKind, names: readonly string[], excludeId?: Id): Promise<DuplicateSuggestion[]>;
  /**
   * Merges `mergedId` into `survivorId`: the survivor keeps every name of both, every link is
   * re-pointed (each record a new version), the merged record is deleted, and the merge is
   * audited (`record.merge`) and journaled for undo.
   */
  mergeEntities(entity: MergeableKind, survivorId: Id, mergedId: Id): Promise<MergeResult>;
  /** Restores the merged record (under a new id) and puts every re-pointed link back (`record.unmerge`). */
  undoMerge(mergeId: Id): Promise<UndoMergeResult>;
  /** Merges recorded in this vault, newest first. */
  listMerges(): Promise<MergeSummary[]>;
}
