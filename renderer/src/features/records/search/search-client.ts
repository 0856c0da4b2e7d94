/**
 * The main thread's handle on the search worker. Runs on the renderer's main thread.
 *
 * Started by the case store after it loaded the case file, fed the decrypted documents in
 * batches (each batch is a short structured clone; the worker indexes off the UI thread),
 * updated on every save, and terminated at lock. A terminated worker never answers, so every
 * call races the end signal and rejects with CaseFileClosedError instead of hanging.
 */
import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import { CaseFileClosedError } from '../errors';
import type { MergeableKind } from '../record-kinds';
import type { SearchChange } from './search-docs';
import type { RawSearchResults } from './search-engine';
import type { SearchWorkerApi } from './search-worker-api';

/** A worker-like endpoint (tests pass one with a logged `terminate`). */
export type SearchEndpoint = Endpoint & { terminate(): void };

/** Starts the real search worker. */
export function spawnSearchWorker(): SearchEndpoint {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'sijill-search' });
}

/** Documents per message while loading: about 1 MB of text at a typical 5 KB narrative. */
export const LOAD_BATCH = 200;

/** Where the index is. */
export type SearchStatus = 'indexing' | 'ready' | 'failed' | 'closed';

/** A running search worker. */
export class SearchClient {
  private readonly endpoint: SearchEndpoint;
  private readonly api: Remote<SearchWorkerApi>;
  private readonly ended = new AbortController();
  private readonly endedPromise: Promise<never>;
  private readonly listeners = new Set<() => void>();
  private currentStatus: SearchStatus = 'indexing';
  private currentRevision = 0;

  constructor(spawn: () => SearchEndpoint = spawnSearchWorker) {
    this.endpoint = spawn();
    this.api = wrap<SearchWorkerApi>(this.endpoint);
    this.endedPromise = new Promise<never>((_, reject) => {
      this.ended.signal.addEventListener('abort', () => reject(new CaseFileClosedError()), { once: true });
    });
    this.endedPromise.catch(() => undefined);
  }

  /** `indexing` until the first load finished. */
  get status(): SearchStatus {
    return this.currentStatus;
  }

  /** Goes up after every change to the index: queries shown on screen run again. */
  get revision(): number {
    return this.currentRevision;
  }

  /** Calls `listener` when status or revision change. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(status: SearchStatus = this.currentStatus): void {
    this.currentStatus = status;
    this.currentRevision += 1;
    for (const listener of [...this.listeners]) listener();
  }

  private call<T>(task: (api: Remote<SearchWorkerApi>) => Promise<T>): Promise<T> {
    if (this.ended.signal.aborted) return Promise.reject(new CaseFileClosedError());
    return Promise.race([task(this.api), this.endedPromise]);
  }

  /** Indexes everything: names first (testimonies are also indexed by linked names), then testimonies in batches. */
  async load(first: SearchChange, testimonies: Iterable<NonNullable<SearchChange['testimonies']>[number]>): Promise<void> {
    try {
      await this.call((api) => api.apply(first));
      let batch: NonNullable<SearchChange['testimonies']>[number][] = [];
      for (const doc of testimonies) {
        batch.push(doc);
        if (batch.length >= LOAD_BATCH) {
          const docs = batch;
          batch = [];
          await this.call((api) => api.apply({ testimonies: docs }));
        }
      }
      if (batch.length > 0) await this.call((api) => api.apply({ testimonies: batch }));
      this.changed('ready');
    } catch (error) {
      if (!this.ended.signal.aborted) this.changed('failed');
      throw error;
    }
  }

  /** Applies a change after a save (kept in order with every other call). */
  async apply(change: SearchChange): Promise<void> {
    await this.call((api) => api.apply(change));
    this.changed();
  }

  search(query: string, limit: number): Promise<RawSearchResults> {
    return this.call((api) => api.search(query, limit));
  }

  duplicates(kind: MergeableKind): Promise<DuplicateSuggestion[]> {
    return this.call((api) => api.duplicates(kind));
  }

  suggestionsFor(kind: MergeableKind, names: readonly string[], excludeId?: Id): Promise<DuplicateSuggestion[]> {
    return this.call((api) => api.suggestionsFor(kind, [...names], excludeId));
  }

  /** True once terminated. */
  get isClosed(): boolean {
    return this.ended.signal.aborted;
  }

  /** Terminates the worker: the index and every decrypted document in it are gone. Idempotent. */
  terminate(): void {
    if (this.ended.signal.aborted) return;
    this.ended.abort();
    this.api[releaseProxy]();
    this.endpoint.terminate();
    this.changed('closed');
    this.listeners.clear();
  }
}
