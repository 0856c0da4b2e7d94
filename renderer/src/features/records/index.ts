/**
 * The case-records data layer: record kinds, the in-memory case file loaded after unlock, its
 * hooks and commands, status flow, history and diff, profiles, search, duplicates and merge,
 * and the demo vault. Screens import from here only. Runs on the renderer's main thread
 * (search and name matching run in a worker of their own, terminated at lock).
 *
 * Wiring: render `<CaseFileProvider>` inside the unlocked subtree (unlocked-screens.tsx). It
 * loads every testimony, facility, alleged perpetrator, consent record and witness pseudonym
 * when it mounts, and drops all of it when it unmounts (lock), so nothing decrypted outlives
 * the session. Hooks below it:
 *
 *   const list = useTestimonies({ status: ['draft'] }, { by: 'saved', direction: 'desc' });
 *   const t = useTestimony(id);            // { status: 'loading' | 'missing' | 'found', value }
 *   const commands = useCaseCommands();    // createTestimony, updateTestimony, ..., mergeEntities
 *   const results = useSearch(query);      // grouped: testimonies / facilities / perpetrators
 *
 * Errors to branch on (instanceof): VersionConflictError (reload the record, re-apply),
 * VaultStorageFullError (nothing written; keep the form), RecordValidationError (`cause` is
 * the ZodError: map its issues to fields), LinkIntegrityError (issues with field paths),
 * RecordInUseError (offer merge), StatusTransitionError, SealedTestimonyError (offer amend),
 * ImmutableFieldError, CodeTakenError, MergeError, LockedError, CaseFileClosedError.
 *
 * Decisions worth knowing:
 * - A body carries its record's id (`body.id === record.id`): records are created under an
 *   id chosen here (`newRecordId`), so an inline-created facility can be linked at once.
 * - History says who saved a version as "this device" (`author.kind`): the vault stamps the
 *   time of each version but records no author, and exposes no device fingerprint yet.
 * - Merge undo restores the merged record under a NEW id: the vault keeps a tombstone for
 *   every deleted id so old ciphertext can never be replayed into place. The journal and the
 *   `record.unmerge` audit entry name both ids.
 * - Search and duplicate suggestions run in a search worker (started after load, terminated
 *   at lock) so no decrypted text or name cache of shared/names stays on the UI thread.
 */
export {
  consentKind,
  facilityKind,
  mergeJournalKind,
  newRecordId,
  perpetratorKind,
  sequenceKind,
  testimonyKind,
  witnessKind,
  type MergeableKind,
} from './record-kinds';
export type * from './types';
export type { CaseCommands } from './commands';
export {
  CaseFileClosedError,
  CodeTakenError,
  ImmutableFieldError,
  LinkIntegrityError,
  MergeError,
  RecordInUseError,
  SealedTestimonyError,
  StatusTransitionError,
  type LinkIssue,
  type LinkProblem,
  type RecordUsage,
} from './errors';
export {
  LockedError,
  RecordNotFoundError,
  RecordValidationError,
  VaultStorageFullError,
  VersionConflictError,
} from '../../vault/vault-errors';
export {
  CaseFileProvider,
  useCaseCommands,
  useCaseFile,
  useConsent,
  useFacilities,
  useFacility,
  useFacilityIndex,
  usePerpetratorIndex,
  type EntityIndex,
  useHistory,
  usePerpetrator,
  usePerpetrators,
  useTestimonies,
  useTestimony,
  useFullTestimony,
  useWitness,
  useWitnesses,
  type CaseFileStatus,
} from './use-case-file';
export { useFacilityProfile, usePerpetratorProfile } from './use-profiles';
export { useSearch } from './search/use-search';
export { useDuplicateSuggestions, useNameSuggestions } from './duplicates/use-duplicates';
export { allowedNextStatuses, canTransition, STATUS_FLOW } from './status-flow';
export { diffFields } from './history';
export { facilityProfile, perpetratorProfile } from './profiles';
export { consentGlance } from './consent-glance';
export { displayName } from './display-name';
export { buildDemoData, type DemoData } from './demo/demo-data';
export {
  createDemoVault,
  createDemoVaultClient,
  DEMO_DATABASE_NAME,
  DEMO_PASSPHRASE,
  loadDemoData,
  NotDemoVaultError,
  type DemoSummary,
  type DemoVaultOptions,
} from './demo/demo-vault';
