/**
 * The contract between the case store (main thread) and the search worker. Types only.
 */
import type { DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { MergeableKind } from '../record-kinds';
import type { SearchChange } from './search-docs';
import type { RawSearchResults } from './search-engine';

/** What search.worker.ts exposes with comlink. */
export interface SearchWorkerApi {
  /** Adds, replaces and removes documents (search and duplicate names). */
  apply(change: SearchChange): void;
  search(query: string, limit: number): RawSearchResults;
  duplicates(kind: MergeableKind): DuplicateSuggestion[];
  suggestionsFor(kind: MergeableKind, names: readonly string[], excludeId?: Id): DuplicateSuggestion[];
}
