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
import type { AllegedPerpetrator, ConsentRecord, Facility, Testimony } from '../../../../shared/domain';
import type { Id, LiveRecord, VaultClient } from '../../vault/vault-client';
import { deriveCaseData, loadCaseData, type CaseData, type RawCase } from './case-data';
import { today } from './consent-glance';
import { CaseFileClosedError } from './errors';
import { consentKind, facilityKind, mergeJournalKind, perpetratorKind, sequenceKind, testimonyKind, witnessKind, type MergeJournal } from './record-kinds';
import { SequenceAllocator } from './reference-codes';
import { SearchClient, type SearchEndpoint } from './search/search-client';
import { facilityDoc, perpetratorDoc, testimonyDoc, type SearchChange } from './search/search-docs';
import type { WitnessPseudonym } from './types';

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

/** A change to the records in memory, after the vault accepted it. */
export interface RawChange {
  readonly testimonies?: readonly LiveRecord<Testimony>[];
  readonly facilities?: readonly LiveRecord<Facility>[];
  readonly perpetrators?: readonly LiveRecord<AllegedPerpetrator>[];
  readonly consents?: readonly LiveRecord<ConsentRecord>[];
  readonly witnesses?: readonly WitnessPseudonym[];
  readonly removed?: {
    readonly testimonies?: readonly Id[];
    readonly facilities?: readonly Id[];
    readonly perpetrators?: readonly Id[];
    readonly consents?: readonly Id[];
    readonly witnesses?: readonly Id[];
  };
}

/** Test seams. */
export interface CaseStoreOptions {
  /** Starts the search worker (default: the real one); null runs without search. */
  readonly spawnSearch?: (() => SearchEndpoint) | null;
  readonly now?: () => Date;
}

function withChanges<T>(map: ReadonlyMap<Id, T>, put: readonly T[] | undefined, remove: readonly Id[] | undefined, idOf: (value: T) => Id): ReadonlyMap<Id, T> {
  if (!put?.length && !remove?.length) return map;
  const next = new Map(map);
  for (const id of remove ?? []) next.delete(id);
  for (const value of put ?? []) next.set(idOf(value), value);
  return next;
}

const byId = <T extends { id: Id }>(value: T) => value.id;

/** Lets the UI thread paint and handle input between slices of work. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
      const [testimonies, facilities, perpetrators, consents, witnesses, sequences, journals] = await Promise.all([
        records.list(testimonyKind),
        records.list(facilityKind),
        records.list(perpetratorKind),
        records.list(consentKind),
        records.list(witnessKind),
        records.list(sequenceKind),
        records.list(mergeJournalKind),
      ]);
      if (this.closed) return;
      const raw: RawCase = {
        testimonies: new Map(testimonies.records.map((r) => [r.id, r])),
        facilities: new Map(facilities.records.map((r) => [r.id, r])),
        perpetrators: new Map(perpetrators.records.map((r) => [r.id, r])),
        consents: new Map(consents.records.map((r) => [r.id, r])),
        // Only the pseudonym stays: names and contacts are read on demand (useWitness).
        witnesses: new Map(witnesses.records.map((r) => [r.id, { id: r.id, pseudonymCode: r.body.pseudonymCode }])),
      };
      const unreadable = [testimonies, facilities, perpetrators, consents, witnesses].reduce((sum, list) => sum + list.unreadable.length, 0);
      this.allocator = SequenceAllocator.fromList(this.client, sequences.records);
      this.journals = new Map(journals.records.map((r) => [r.id, r]));
      const data = await loadCaseData(raw, this.day(), yieldToUi);
      if (this.closed) return;
      // The worker first, so a screen rendering "ready" finds search already started.
      this.startSearch(data);
      this.publish({ status: 'ready', data, unreadable });
    } catch (error) {
      if (!this.closed) this.publish({ status: 'failed', data: null, unreadable: 0 });
      throw error;
    }
  }

  private day(): string {
    return today(this.options.now?.() ?? new Date());
  }

  private startSearch(data: CaseData): void {
    if (this.options.spawnSearch === null) return;
    const search = new SearchClient(this.options.spawnSearch ?? undefined);
    this.searchClient = search;
    const names: SearchChange = {
      facilities: [...data.raw.facilities.values()].map((r) => facilityDoc(r.id, r.body)),
      perpetrators: [...data.raw.perpetrators.values()].map((r) => perpetratorDoc(r.id, r.body)),
    };
    const docs = (function* () {
      for (const record of data.raw.testimonies.values()) yield testimonyDoc(record.id, record.body);
    })();
    search.load(names, docs).catch(() => undefined); // status says `failed`; a lock says `closed`
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

  /** Applies records the vault has accepted: derives entries again and updates the index. */
  commit(change: RawChange): void {
    if (this.closed) return;
    const previous = this.data;
    const { raw } = previous;
    const removed = change.removed ?? {};
    const next: RawCase = {
      testimonies: withChanges(raw.testimonies, change.testimonies, removed.testimonies, byId),
      facilities: withChanges(raw.facilities, change.facilities, removed.facilities, byId),
      perpetrators: withChanges(raw.perpetrators, change.perpetrators, removed.perpetrators, byId),
      consents: withChanges(raw.consents, change.consents, removed.consents, byId),
      witnesses: withChanges(raw.witnesses, change.witnesses, removed.witnesses, byId),
    };
    this.publish({ ...this.snapshot, data: deriveCaseData(next, previous, this.day()) });
    const search: SearchChange = {
      testimonies: (change.testimonies ?? []).map((r) => testimonyDoc(r.id, r.body)),
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
