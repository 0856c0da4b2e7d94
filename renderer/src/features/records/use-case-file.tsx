/**
 * The case file in React: a provider for the unlocked subtree and the hooks screens read
 * from. Runs on the renderer's main thread.
 *
 * `<CaseFileProvider>` opens the case file when it mounts (after unlock) and disposes it when
 * it unmounts (lock unmounts the unlocked subtree), which also terminates the search worker.
 * Lists are memoised per (case data, filter value, sort value): a re-render with an equal
 * filter object costs nothing, a save re-derives once. Every save publishes a new snapshot
 * (so every reader re-renders), made in time proportional to the change. A snapshot's records
 * and entries never change after it is published (case-data.ts), so a render that started on
 * an older one reads it whole until React moves it to the new one; only the link indexes are
 * shared and always current (readers skip a link to a testimony their snapshot lacks).
 */
import { createContext, startTransition, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Testimony, Witness } from '../../../../shared/domain';
import type { Id, LiveRecord } from '../../vault/vault-client';
import { useVaultClient } from '../vault-session/vault-context';
import { openCaseFile, type CaseFile } from './case-commands';
import type { CaseData } from './case-data';
import type { CaseSnapshot, CaseStoreOptions } from './case-store';
import type { CaseCommands } from './commands';
import { CaseFileClosedError } from './errors';
import { filterFacilities, filterPerpetrators, filterTestimonies, sortFacilities, sortPerpetrators, sortTestimonies } from './filters';
import { testimonyKind } from './record-kinds';
import type {
  ConsentEntry,
  FacilityEntry,
  FacilityFilter,
  FacilitySort,
  ListResult,
  Lookup,
  PerpetratorEntry,
  PerpetratorFilter,
  PerpetratorSort,
  TestimonyEntry,
  TestimonyFilter,
  TestimonySort,
  VersionEntry,
  WitnessPseudonym,
} from './types';

export type { CaseFileStatus } from './case-store';

const CaseFileContext = createContext<CaseFile | null>(null);

/**
 * Opens the case file for the subtree; render it only while the vault is unlocked. `file`: a
 * case file already open over the same client (the bench's, or a host that opened it
 * earlier), shared instead of loading a second copy; its opener disposes it.
 */
export function CaseFileProvider({ children, options, file: shared }: { readonly children: ReactNode; readonly options?: CaseStoreOptions; readonly file?: CaseFile }) {
  const client = useVaultClient();
  const [file, setFile] = useState<CaseFile | null>(shared ?? null);
  useEffect(() => {
    if (shared) return undefined;
    const opened = openCaseFile(client, options);
    setFile(opened);
    return () => opened.store.dispose();
    // The options are a test seam, read once per client.
  }, [client, shared]);
  return <CaseFileContext value={shared ?? file}>{children}</CaseFileContext>;
}

/** The open case file, or null before the provider's first effect. */
export function useCaseFileContext(): CaseFile | null {
  return use(CaseFileContext);
}

const LOADING: CaseSnapshot = Object.freeze({ status: 'loading', data: null, unreadable: 0 });
const noSubscribe = () => () => undefined;

/** The current snapshot (`loading` until opened). */
export function useCaseSnapshot(): CaseSnapshot {
  const store = useCaseFileContext()?.store;
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? (() => LOADING));
}

/** Where the case file is, and how many records could not be read. */
export function useCaseFile(): { readonly status: CaseSnapshot['status']; readonly unreadable: number } {
  const { status, unreadable } = useCaseSnapshot();
  return useMemo(() => ({ status, unreadable }), [status, unreadable]);
}

const CLOSED_COMMANDS = new Proxy({} as CaseCommands, {
  get: () => () => Promise.reject(new CaseFileClosedError()),
});

/** The commands; before the case file opens every command rejects with CaseFileClosedError. */
export function useCaseCommands(): CaseCommands {
  return useCaseFileContext()?.commands ?? CLOSED_COMMANDS;
}

function list<T>(snapshot: CaseSnapshot, derive: (data: CaseData) => { items: T[]; total: number }): ListResult<T> {
  if (!snapshot.data) return { status: snapshot.status === 'failed' ? 'failed' : 'loading', items: [], total: 0 };
  return { status: 'ready', ...derive(snapshot.data) };
}

function lookup<T>(snapshot: CaseSnapshot, find: (data: CaseData) => T | undefined): Lookup<T> {
  if (!snapshot.data) return { status: snapshot.status === 'loading' ? 'loading' : 'missing' };
  const value = find(snapshot.data);
  return value === undefined ? { status: 'missing' } : { status: 'found', value };
}

const DEFAULT_TESTIMONY_SORT: TestimonySort = { by: 'reference', direction: 'desc' };
const DEFAULT_NAME_SORT = { by: 'name', direction: 'asc' } as const;

/** Testimonies matching `filter`, in `sort` order. */
export function useTestimonies(filter: TestimonyFilter = {}, sort: TestimonySort = DEFAULT_TESTIMONY_SORT): ListResult<TestimonyEntry> {
  const snapshot = useCaseSnapshot();
  const key = JSON.stringify([filter, sort]);
  return useMemo(() => list(snapshot, (data) => ({ items: sortTestimonies(data, filterTestimonies(data, filter), sort), total: data.testimonies.size })), [snapshot, key]);
}

/** One testimony. */
export function useTestimony(id: Id | undefined): Lookup<TestimonyEntry> {
  const snapshot = useCaseSnapshot();
  return useMemo(() => lookup(snapshot, (data) => (id === undefined ? undefined : data.testimonies.get(id))), [snapshot, id]);
}

/**
 * One testimony's full record (narrative, sessions, translations), read from the vault when
 * the hook first sees the testimony (the case file holds summaries only). Not read again after
 * later saves: the editor that asks for it keeps its own versions from there on. Dropped when
 * the component unmounts (lock). The record arrives as a transition: what it shows (the whole
 * editor form) then renders in slices that yield to input, not as one long task.
 */
export function useFullTestimony(id: Id | undefined): Lookup<LiveRecord<Testimony>> {
  const file = useCaseFileContext();
  const snapshot = useCaseSnapshot();
  const exists = id !== undefined && snapshot.data?.raw.testimonies.has(id) === true;
  const [read, setRead] = useState<{ key: Id; value: Lookup<LiveRecord<Testimony>> } | null>(null);
  useEffect(() => {
    if (!file || !exists || id === undefined) return;
    let live = true;
    file.store.client.records.read(testimonyKind, id).then(
      (value) => live && startTransition(() => setRead({ key: id, value: { status: 'found', value } })),
      () => live && setRead({ key: id, value: { status: 'missing' } }),
    );
    return () => {
      live = false;
    };
  }, [file, id, exists]);
  if (!snapshot.data) return { status: snapshot.status === 'loading' ? 'loading' : 'missing' };
  if (read && read.key === id) return read.value;
  return exists ? { status: 'loading' } : { status: 'missing' };
}

/** Facilities matching `filter`, in `sort` order. */
export function useFacilities(filter: FacilityFilter = {}, sort: FacilitySort = DEFAULT_NAME_SORT): ListResult<FacilityEntry> {
  const snapshot = useCaseSnapshot();
  const key = JSON.stringify([filter, sort]);
  return useMemo(() => list(snapshot, (data) => ({ items: sortFacilities(filterFacilities(data, filter), sort), total: data.facilities.size })), [snapshot, key]);
}

/**
 * Every facility or alleged perpetrator by id, as the case file holds them (no copy, no sort),
 * and the whole list in name order computed only when `sorted` is called: what a link picker
 * needs. An editor has a picker per episode and allegation, and every save gives the case file
 * a new snapshot; sorting and preparing every name in each of them at each save held the UI
 * thread for a long task, although their lists are read only once someone types in them.
 */
export interface EntityIndex<T> {
  readonly status: ListResult<T>['status'];
  readonly byId: ReadonlyMap<Id, T>;
  sorted(): T[];
}

const NO_ENTRIES: ReadonlyMap<Id, never> = new Map<Id, never>();

function useEntityIndex<T>(of: (data: CaseData) => { byId: ReadonlyMap<Id, T>; sort: () => T[] }): EntityIndex<T> {
  const { data, status } = useCaseSnapshot();
  return useMemo(() => {
    if (!data) return { status: status === 'failed' ? 'failed' : 'loading', byId: NO_ENTRIES, sorted: () => [] };
    const { byId, sort } = of(data);
    let sorted: T[] | null = null;
    return { status: 'ready', byId, sorted: () => (sorted ??= sort()) };
  }, [data, status, of]);
}

const facilityIndexOf = (data: CaseData) => ({ byId: data.facilities, sort: () => sortFacilities(filterFacilities(data, {}), DEFAULT_NAME_SORT) });
const perpetratorIndexOf = (data: CaseData) => ({ byId: data.perpetrators, sort: () => sortPerpetrators(filterPerpetrators(data, {}), DEFAULT_NAME_SORT) });

/** Facilities by id, sorted by name on demand (link pickers). */
export function useFacilityIndex(): EntityIndex<FacilityEntry> {
  return useEntityIndex(facilityIndexOf);
}

/** Alleged perpetrators by id, sorted by name on demand (link pickers). */
export function usePerpetratorIndex(): EntityIndex<PerpetratorEntry> {
  return useEntityIndex(perpetratorIndexOf);
}

/** One facility. */
export function useFacility(id: Id | undefined): Lookup<FacilityEntry> {
  const snapshot = useCaseSnapshot();
  return useMemo(() => lookup(snapshot, (data) => (id === undefined ? undefined : data.facilities.get(id))), [snapshot, id]);
}

/** Alleged perpetrators matching `filter`, in `sort` order. */
export function usePerpetrators(filter: PerpetratorFilter = {}, sort: PerpetratorSort = DEFAULT_NAME_SORT): ListResult<PerpetratorEntry> {
  const snapshot = useCaseSnapshot();
  const key = JSON.stringify([filter, sort]);
  return useMemo(() => list(snapshot, (data) => ({ items: sortPerpetrators(filterPerpetrators(data, filter), sort), total: data.perpetrators.size })), [snapshot, key]);
}

/** One alleged perpetrator. */
export function usePerpetrator(id: Id | undefined): Lookup<PerpetratorEntry> {
  const snapshot = useCaseSnapshot();
  return useMemo(() => lookup(snapshot, (data) => (id === undefined ? undefined : data.perpetrators.get(id))), [snapshot, id]);
}

/** One consent record with its state today. */
export function useConsent(id: Id | undefined): Lookup<ConsentEntry> {
  const snapshot = useCaseSnapshot();
  return useMemo(() => lookup(snapshot, (data) => (id === undefined ? undefined : data.consents.get(id))), [snapshot, id]);
}

/** Pseudonym codes in numeric order (W-2 before W-10); one collator, not one per comparison. */
const codeOrder = new Intl.Collator('en', { numeric: true });

/** The number of a code as the app writes it (`W-0042` → 42), or NaN for any other code. */
function codeNumber(code: string): number {
  const match = /^W-(\d{1,9})$/.exec(code);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Witnesses in code order. The app's codes compare by their numbers, read once each: 50,000
 * witnesses in no particular order take some 800,000 comparisons, a long task through the
 * collator. Any other code is compared by the collator, which puts the app's codes in the same
 * numeric order, so the order stays one consistent order.
 */
function byCode(witnesses: Iterable<WitnessPseudonym>): WitnessPseudonym[] {
  const keyed = [...witnesses].map((witness) => ({ witness, number: codeNumber(witness.pseudonymCode) }));
  keyed.sort((a, b) => (Number.isNaN(a.number) || Number.isNaN(b.number) ? codeOrder.compare(a.witness.pseudonymCode, b.witness.pseudonymCode) : a.number - b.number));
  return keyed.map(({ witness }) => witness);
}

/**
 * Every witness by pseudonym (for pickers), sorted by code. Sorted again only when the
 * witnesses change, not at every save of the case file: thousands of codes take a long task
 * to sort, and an open editor re-renders with each autosave.
 */
export function useWitnesses(): ListResult<WitnessPseudonym> {
  const { data, status } = useCaseSnapshot();
  const witnesses = data?.witnesses;
  return useMemo(() => {
    if (!witnesses) return { status: status === 'failed' ? 'failed' : 'loading', items: [], total: 0 };
    return { status: 'ready', items: byCode(witnesses.values()), total: witnesses.size };
  }, [witnesses, status]);
}

/**
 * One witness record, read from the vault when asked (identity is not kept in the case file).
 * Read again after the witness is saved; dropped when the component unmounts (lock).
 */
export function useWitness(id: Id | undefined): Lookup<LiveRecord<Witness>> {
  const file = useCaseFileContext();
  const snapshot = useCaseSnapshot();
  const known = id === undefined ? undefined : snapshot.data?.witnesses.get(id);
  const [read, setRead] = useState<{ key: unknown; value: Lookup<LiveRecord<Witness>> } | null>(null);
  useEffect(() => {
    if (!file || !known || id === undefined) return;
    let live = true;
    file.commands.readWitness(id).then(
      (value) => live && setRead({ key: known, value: { status: 'found', value } }),
      () => live && setRead({ key: known, value: { status: 'missing' } }),
    );
    return () => {
      live = false;
    };
  }, [file, id, known]);
  if (!snapshot.data) return { status: snapshot.status === 'loading' ? 'loading' : 'missing' };
  if (!known) return { status: 'missing' };
  return read && read.key === known ? read.value : { status: 'loading' };
}

/** Every version of a record, oldest first; read again when the record gets a new version. */
export function useHistory<K extends 'testimony' | 'facility' | 'perpetrator' | 'consent'>(kind: K, id: Id | undefined): Lookup<VersionEntry<HistoryBody<K>>[]> {
  const file = useCaseFileContext();
  const snapshot = useCaseSnapshot();
  const data = snapshot.data;
  const current = id === undefined || !data ? undefined : ({ testimony: data.raw.testimonies, facility: data.raw.facilities, perpetrator: data.raw.perpetrators, consent: data.raw.consents }[kind].get(id) as { version: number } | undefined);
  const [read, setRead] = useState<{ key: unknown; value: Lookup<VersionEntry<HistoryBody<K>>[]> } | null>(null);
  useEffect(() => {
    if (!file || !current || id === undefined) return;
    let live = true;
    (file.commands.history as (kind: K, id: Id) => Promise<VersionEntry<HistoryBody<K>>[]>)(kind, id).then(
      (value) => live && setRead({ key: current, value: { status: 'found', value } }),
      () => live && setRead({ key: current, value: { status: 'missing' } }),
    );
    return () => {
      live = false;
    };
  }, [file, kind, id, current]);
  if (!data) return { status: snapshot.status === 'loading' ? 'loading' : 'missing' };
  if (!current) return { status: 'missing' };
  return read && read.key === current ? read.value : { status: 'loading' };
}

/** The body type of each kind with history. */
export type HistoryBody<K> = K extends 'testimony'
  ? Testimony
  : K extends 'facility'
    ? FacilityEntry['body']
    : K extends 'perpetrator'
      ? PerpetratorEntry['body']
      : ConsentEntry['record']['body'];
