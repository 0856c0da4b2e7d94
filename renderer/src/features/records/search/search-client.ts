/**
 * The main thread's handle on the search worker. Runs on the renderer's main thread.
 *
 * Started by the case store after it loaded the case file. It restores the index the vault
 * keeps encrypted (search-snapshot.ts) and indexes only what is stale, reading those full
 * bodies through `IndexSource` in batches (each batch a short structured clone; the worker
 * indexes off the UI thread); with no saved index that is every testimony. It is updated on
 * every save, saves the index back a while after changes settle (never per keystroke: autosave
 * runs every second or two while typing), and is terminated at lock. A terminated worker never
 * answers, so every call races the end signal and rejects with CaseFileClosedError instead of hanging.
 */
import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import { CaseFileClosedError } from '../errors';
import { currentList } from './current-list';
import type { MergeableKind } from '../record-kinds';
import type { SearchChange, TestimonyDoc } from './search-docs';
import type { RawSearchResults } from './search-engine';
import type { CurrentNames } from './search-snapshot';
import type { SearchWorkerApi } from './search-worker-api';

/** Where the texts and the saved index come from (the case store, over the vault). */
export interface IndexSource {
  /** The documents of `ids`, in batches (full bodies read from the vault). */
  docs(ids: readonly Id[]): AsyncIterable<readonly TestimonyDoc[]>;
  /** The saved index, or null. */
  loadIndex(): Promise<Uint8Array | null>;
  /** Stores `bytes` (transferred) as the saved index. */
  saveIndex(bytes: Uint8Array): Promise<void>;
}

/** How long the index must stay unchanged before it is saved. */
export const SAVE_DELAY_MS = 5_000;

/** What the first load did (for tests and the bench). */
export interface LoadReport {
  /** A saved index was used. */
  readonly restored: boolean;
  /** Testimonies indexed from their bodies. */
  readonly indexed: number;
}

/** A worker-like endpoint (tests pass one with a logged `terminate`). */
export type SearchEndpoint = Endpoint & { terminate(): void };

/** Starts the real search worker. */
export function spawnSearchWorker(): SearchEndpoint {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'sijill-search' });
}

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
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private loadReport: LoadReport | null = null;
  private prepared: Promise<void> | null = null;
  /**
   * The restore, then every change, in order: a save made while the saved index is still being
   * read must land after the restore (which would otherwise drop it: it is not in the `current`
   * list the restore was given), and a query must see every change made before it.
   */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    spawn: () => SearchEndpoint = spawnSearchWorker,
    private readonly source: IndexSource | null = null,
  ) {
    this.endpoint = spawn();
    this.api = wrap<SearchWorkerApi>(this.endpoint);
    this.endedPromise = new Promise<never>((_, reject) => {
      this.ended.signal.addEventListener('abort', () => reject(new CaseFileClosedError()), { once: true });
    });
    this.endedPromise.catch(() => undefined);
  }

  /** What the first load did; null until it finished. */
  get lastLoad(): LoadReport | null {
    return this.loadReport;
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

  /**
   * Loads the index: the saved one if the source has it, names first (testimonies are also
   * found by the names of what they link to), then every stale testimony in the batches they arrive in.
   * `current` is every live testimony with its version.
   */
  async load(names: CurrentNames, current: readonly (readonly [Id, number])[]): Promise<void> {
    try {
      const restoring = this.prepare().then(() => {
        const list = currentList(current);
        return this.call((api) => api.restore(transfer(list, [list.versions.buffer]), names));
      });
      this.tail = restoring.catch(() => undefined);
      const outcome = await restoring;
      await this.indexDocs(outcome.stale);
      if (this.ended.signal.aborted) return;
      this.loadReport = { restored: outcome.restored, indexed: outcome.stale.length };
      this.changed('ready');
      // A restore that only dropped deleted testimonies also changed the index.
      if (!outcome.restored || outcome.stale.length > 0 || outcome.dropped > 0) this.scheduleSave();
    } catch (error) {
      if (!this.ended.signal.aborted) this.changed('failed');
      throw error;
    }
  }

  /**
   * Starts reading the saved index and handing it to the worker, so it is parsed while the
   * case file is still being derived on this thread. `load` calls it if no one did.
   */
  prepare(): Promise<void> {
    this.prepared ??= (async () => {
      const saved = this.source ? await this.source.loadIndex().catch(() => null) : null;
      await this.call((api) => api.prepare(saved ? transfer(saved, [saved.buffer]) : null));
    })();
    return this.prepared;
  }

  private async indexDocs(ids: readonly Id[]): Promise<void> {
    if (ids.length === 0 || !this.source) return;
    for await (const docs of this.source.docs(ids)) {
      if (this.ended.signal.aborted) return;
      if (docs.length > 0) await this.call((api) => api.apply({ testimonies: docs }));
    }
  }

  /** Applies a change after a save (kept in order with every other call). */
  apply(change: SearchChange): Promise<void> {
    const run = this.tail.then(async () => {
      const missing = await this.call((api) => api.apply(change));
      // Testimonies a restore found stale that have not arrived yet (renames need none: names are matched at query time).
      await this.indexDocs(missing);
      this.changed();
      this.scheduleSave();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Runs a query after every change made before it. */
  private async query<T>(task: (api: Remote<SearchWorkerApi>) => Promise<T>): Promise<T> {
    await this.tail;
    return this.call(task);
  }

  private scheduleSave(): void {
    if (!this.source || this.ended.signal.aborted) return;
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saving = this.save().catch(() => undefined); // the next change or unlock tries again
    }, SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    const source = this.source;
    if (!source || this.ended.signal.aborted) return;
    const bytes = await this.query((api) => api.snapshot());
    if (this.ended.signal.aborted) return;
    await source.saveIndex(bytes);
  }

  /** Saves the index now if a save is due (tests, the bench); resolves when it is stored. */
  async flushIndex(): Promise<void> {
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.save();
    }
    await this.saving;
  }

  /** Hits for `query`; snippets of testimonies whose text the worker lacks are read first. */
  async search(query: string, limit: number): Promise<RawSearchResults> {
    const { textless, ...results } = await this.query((api) => api.search(query, limit));
    if (textless.length === 0 || !this.source) return results;
    const docs: TestimonyDoc[] = [];
    for await (const batch of this.source.docs(textless.map((hit) => hit.id))) docs.push(...batch);
    const snippets = await this.call((api) => api.snippets(docs, textless));
    return { ...results, testimonies: results.testimonies.map((hit) => ({ ...hit, snippet: snippets[hit.id] ?? hit.snippet })) };
  }

  duplicates(kind: MergeableKind): Promise<DuplicateSuggestion[]> {
    return this.query((api) => api.duplicates(kind));
  }

  suggestionsFor(kind: MergeableKind, names: readonly string[], excludeId?: Id): Promise<DuplicateSuggestion[]> {
    return this.query((api) => api.suggestionsFor(kind, [...names], excludeId));
  }

  /** True once terminated. */
  get isClosed(): boolean {
    return this.ended.signal.aborted;
  }

  /** Terminates the worker: the index and every decrypted document in it are gone. Idempotent. */
  terminate(): void {
    if (this.ended.signal.aborted) return;
    this.ended.abort();
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.api[releaseProxy]();
    this.endpoint.terminate();
    this.changed('closed');
    this.listeners.clear();
  }
}
