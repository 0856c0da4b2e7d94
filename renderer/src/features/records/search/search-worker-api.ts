/**
 * The contract between the case store (main thread) and the search worker. Types only.
 */
import type { DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { MergeableKind } from '../record-kinds';
import type { SearchChange, TestimonyDoc } from './search-docs';
import type { EngineSearchResults, TextlessHit } from './search-engine';
import type { CurrentList } from './current-list';
import type { CurrentNames, RestoreOutcome } from './search-snapshot';

/** What search.worker.ts exposes with comlink. */
export interface SearchWorkerApi {
  /** Takes over a saved index (UTF-8 bytes, transferred and freed once read; null for none). Call once, first. */
  prepare(saved: Uint8Array | null): void;
  /** Indexes `names`, drops testimonies not in `current` (every live testimony and its version), and says which to index. */
  restore(current: CurrentList, names: CurrentNames): RestoreOutcome;
  /** Adds, replaces and removes documents; returns testimonies a restore found stale whose documents have not arrived. */
  apply(change: SearchChange): Id[];
  search(query: string, limit: number): EngineSearchResults;
  /** Holds the texts of `docs` and returns the snippets of `hits` (see EngineSearchResults.textless). */
  snippets(docs: readonly TestimonyDoc[], hits: readonly TextlessHit[]): Record<Id, string>;
  /** The index as UTF-8 bytes (transferred), for the vault to store encrypted. */
  snapshot(): Uint8Array;
  duplicates(kind: MergeableKind): DuplicateSuggestion[];
  suggestionsFor(kind: MergeableKind, names: readonly string[], excludeId?: Id): DuplicateSuggestion[];
}
