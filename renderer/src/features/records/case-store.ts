/**
 * The case file of one unlocked session: every testimony, facility, alleged perpetrator and
 * consent record decrypted into memory, witness pseudonyms (never names), the entries and
 * indexes derived from them, and the search worker. Runs on the renderer's main thread.
 *
 * Lifetime: created by CaseFileProvider when the unlocked subtree mounts, disposed when it
 * unmounts or the vault leaves the unlocked state, whichever comes first. Dispose drops every
 * reference to decrypted data and terminates the search worker; there is no module-level
 * cache anywhere in this feature, so a lock leaves nothing behind for the next session.
 *
 * Writes go through one queue (`exclusive`), so link checks and the write they guard cannot
 * interleave with another command of this session.
 */
import { witnessSchema, type Testimony } from '../../../../shared/domain';
import { createSlicer, yieldToUi } from '../../vault/ui-slices';
import type { Id, LiveRecord, RecordList, VaultClient } from '../../vault/vault-client';
import { applyCaseChange, loadCaseData, type CaseChange, type CaseData, type RawCase } from './case-data';
import { Interner } from './case-interning';
import { ChunkedMap } from './chunked-map';
import { today } from './consent-glance';
import { CaseFileClosedError } from './errors';
import { consentKind, facilityKind, mergeJournalKind, perpetratorKind, sequenceKind, testimonyKind, witnessKind, type MergeJournal } from './record-kinds';
import { SequenceAllocator } from './reference-codes';
import { SearchClient, type SearchEndpoint } from './search/search-client';
import { facilityDoc, parseSearchSource, perpetratorDoc, testimonyDoc, type SearchChange, type TestimonyDoc } from './search/search-docs';
import { summariseTestimony, testimonySummarySchema } from './testimony-summary';

/** What the case file keeps of a witness: names and contacts stay in the vault worker until asked for (useWitness). */
const witnessPseudonymSchema = witnessSchema.pick({ id: true, pseudonymCode: true });

/** Where the case file is. `closed`: disposed (locked). */
export type CaseFileStatus = 'loading' | 'ready' | 'failed' | 'closed';

/** What hooks read; a new object after every change. */
export interface CaseSnapshot {
  readonly status: CaseFileStatus;
  /** Null unless `ready`. */
  readonly data: CaseData | null;
  /** Records that could not be decrypted or validated (shown as a count, never dropped silently). */
  readonly unreadable: number;
}

/**
 * A change to the records in memory, after the vault accepted it. Testimonies come as the full
 * records just saved: the store keeps their summaries and indexes their text.
 */
export type RawChange = Omit<CaseChange, 'testimonies'> & { readonly testimonies?: readonly LiveRecord<Testimony>[] };

/** Test seams. */
export interface CaseStoreOptions {
  /** Starts the search worker (default: the real one); null runs without search. */
  readonly spawnSearch?: (() => SearchEndpoint) | null;
  readonly now?: () => Date;
}

/** Full testimonies read per round trip to the vault worker while indexing (about 500 KB: a short task to receive). */
const READ_BATCH = 100;


/** The case file (see the file comment). */
export class CaseStore {
  private snapshot: CaseSnapshot = { status: 'loading', data: null, unreadable: 0 };
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribeVault: (() => void) | null;
  private searchClient: SearchClient | null = null;
  private allocator: SequenceAllocator | null = null;
  /** Merge journals by id (small; loaded with the case file). */
  journals = new Map<Id, LiveRecord<MergeJournal>>();

  constructor(
    readonly client: VaultClient,
    private readonly options: CaseStoreOptions = {},
  ) {
    // A lock may come before React unmounts the provider: drop everything at the first sign.
    this.unsubscribeVault = client.subscribe(() => {
      if (client.getState().status !== 'unlocked') this.dispose();
    });
  }

  getSnapshot = (): CaseSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(next: CaseSnapshot): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** True once disposed. */
  get closed(): boolean {
    return this.snapshot.status === 'closed';
  }

  /** The search worker, or null (not started, or closed). */
  get search(): SearchClient | null {
    return this.searchClient;
  }

  /** The loaded case file; CaseFileClosedError while loading or after lock. */
  get data(): CaseData {
    const { data } = this.snapshot;
    if (!data || this.closed) throw new CaseFileClosedError();
    return data;
  }

  /** The sequence allocator (after load). */
  get sequences(): SequenceAllocator {
    if (!this.allocator || this.closed) throw new CaseFileClosedError();
    return this.allocator;
  }

  /**
   * Reads every record of the case file from the vault, then starts indexing. Commands issued
   * meanwhile wait for it (they queue behind the load).
   */
  load(): Promise<void> {
    const loading = this.read();
    this.queue = loading.catch(() => undefined);
    return loading;
  }

  private async read(): Promise<void> {
    const { records } = this.client;
    try {
      // The vault worker answers in the order asked and this thread validates each answer as it
      // arrives, while the worker decrypts the next. Summaries go first, in parts: validating
      // them is most of this thread's work, and it overlaps the worker's decryption of the
      // other lists, which are quick to validate once they arrive. Each record validated then
      // has its repeated parts shared (case-interning.ts).
      const interner = new Interner();
      const [testimonies, facilities, perpetrators, consents, witnesses, sequences, journals] = await Promise.all([
        // Summaries only: the full bodies are read when a testimony is opened, and for search.
        records.listSummaries(testimonyKind, (input) => interner.testimony(testimonySummarySchema.parse(input))),
        records.list(facilityKind),
        records.list(perpetratorKind),
        records.list({ ...consentKind, parse: (input) => interner.consent(consentKind.parse(input)) }),
        records.listFields(witnessKind, ['id', 'pseudonymCode'], (input) => witnessPseudonymSchema.parse(input)),
        records.list(sequenceKind),
        records.list(mergeJournalKind),
      ]);
      if (this.closed) return;
      // Built in time slices (100,000 records take a long task to put in maps in one go). A
      // record's id becomes the one string its body and the links to it share (the record
      // arrived with a copy of its own).
      const slicer = createSlicer();
      const byId = <T>(list: RecordList<T>, id: (record: LiveRecord<T>) => Id) =>
        ChunkedMap.ofSliced(list.records, id, (record): LiveRecord<T> => ({ ...record, id: id(record) }), slicer);
      const raw: RawCase = {
        testimonies: await byId(testimonies, (r) => r.body.id),
        facilities: await byId(facilities, (r) => interner.id(r.id)),
        perpetrators: await byId(perpetrators, (r) => interner.id(r.id)),
        consents: await byId(consents, (r) => r.body.id),
        // Only the pseudonym stays: names and contacts are read on demand (useWitness).
        witnesses: await ChunkedMap.ofSliced(witnesses.records, (r) => interner.id(r.id), (r) => ({ id: interner.id(r.id), pseudonymCode: r.body.pseudonymCode }), slicer),
      };
      if (this.closed) return;
      const unreadable = [testimonies, facilities, perpetrators, consents, witnesses].reduce((sum, list) => sum + list.unreadable.length, 0);
      this.allocator = SequenceAllocator.fromList(this.client, sequences.records);
      this.journals = new Map(journals.records.map((r) => [r.id, r]));
      // The saved search index is read and parsed (other threads) while the case file is derived here.
      const search = this.createSearch();
      search?.prepare().catch(() => undefined); // `load` reports the failure
      const data = await loadCaseData(raw, this.day(), slicer);
      if (this.closed) return;
      // The worker first, so a screen rendering "ready" finds search already started.
      // What the search worker is told is listed in slices as well, and the worker started and
      // the case file published in a task of their own: a screen's first render of 100,000
      // testimonies then never shares a task with the end of the derivation.
      const current: (readonly [Id, number])[] = [];
      for (const record of data.raw.testimonies.values()) {
        current.push([record.id, record.version]);
        const pause = slicer.maybeYield();
        if (pause) await pause;
      }
      await yieldToUi();
      if (this.closed) return;
      if (search) this.startSearch(search, data, current);
      this.publish({ status: 'ready', data, unreadable });
    } catch (error) {
      if (!this.closed) this.publish({ status: 'failed', data: null, unreadable: 0 });
      throw error;
    }
  }

  private day(): string {
    return today(this.options.now?.() ?? new Date());
  }

  /** Starts the search worker (unless the test seam says not to). */
  private createSearch(): SearchClient | null {
    if (this.options.spawnSearch === null) return null;
    const records = this.client.records;
    const search = new SearchClient(this.options.spawnSearch ?? undefined, {
      docs: (ids) => this.testimonyDocs(ids),
      loadIndex: () => records.loadSearchIndex(),
      saveIndex: (bytes) => records.saveSearchIndex(bytes),
    });
    this.searchClient = search;
    return search;
  }

  /** Starts indexing: `current` is every testimony's id and version. */
  private startSearch(search: SearchClient, data: CaseData, current: readonly (readonly [Id, number])[]): void {
    const names = {
      facilities: [...data.raw.facilities.values()].map((r) => facilityDoc(r.id, r.body)),
      perpetrators: [...data.raw.perpetrators.values()].map((r) => perpetratorDoc(r.id, r.body)),
    };
    search.load(names, current).catch(() => undefined); // status says `failed`; a lock says `closed`
  }

  /**
   * The search documents of `ids`, read from the vault in batches (full bodies: the case file
   * holds summaries only). The next batch is requested before this one is handed on, so the
   * vault worker decrypts while the search worker indexes.
   */
  private async *testimonyDocs(ids: readonly Id[]): AsyncGenerator<TestimonyDoc[]> {
    const kind = { ...testimonyKind, parse: parseSearchSource };
    const read = (from: number) => (from < ids.length ? this.client.records.readMany(kind, ids.slice(from, from + READ_BATCH)) : null);
    let next = read(0);
    for (let from = 0; next; from += READ_BATCH) {
      const batch = await next;
      next = this.closed ? null : read(from + READ_BATCH);
      yield batch.records.map((record) => testimonyDoc(record.id, record.body, record.version));
    }
  }

  /** Runs `task` after every earlier command of this store (one write at a time). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new CaseFileClosedError());
    const run = this.queue.then(
      () => (this.closed ? Promise.reject(new CaseFileClosedError()) : task()),
      () => (this.closed ? Promise.reject(new CaseFileClosedError()) : task()),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies records the vault has accepted: the entries and indexes they change (in time
   * proportional to the change, case-data.ts) and the search index.
   */
  commit(change: RawChange): void {
    if (this.closed) return;
    const removed = change.removed ?? {};
    const { testimonies, ...others } = change;
    const summaries = (testimonies ?? []).map((record) => ({ ...record, body: summariseTestimony(record.body) }));
    const next = applyCaseChange(this.data, { ...others, testimonies: summaries }, this.day());
    this.publish({ ...this.snapshot, data: next });
    const search: SearchChange = {
      testimonies: (change.testimonies ?? []).map((r) => testimonyDoc(r.id, r.body, r.version)),
      facilities: (change.facilities ?? []).map((r) => facilityDoc(r.id, r.body)),
      perpetrators: (change.perpetrators ?? []).map((r) => perpetratorDoc(r.id, r.body)),
      removed: { testimonies: removed.testimonies ?? [], facilities: removed.facilities ?? [], perpetrators: removed.perpetrators ?? [] },
    };
    this.searchClient?.apply(search).catch(() => undefined);
  }

  /** Drops every decrypted record and terminates the search worker. Idempotent. */
  dispose(): void {
    if (this.closed) return;
    this.unsubscribeVault?.();
    this.unsubscribeVault = null;
    this.searchClient?.terminate();
    this.searchClient = null;
    this.allocator = null;
    this.journals = new Map();
    this.publish({ status: 'closed', data: null, unreadable: 0 });
    this.listeners.clear();
  }
}
