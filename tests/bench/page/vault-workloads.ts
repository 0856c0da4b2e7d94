/**
 * Storage workloads of the bench page: save a testimony, and unlock to a usable list. Each
 * figure comes with its plain-Dexie baseline measured here, in the same run. Runs on the
 * bench page's main thread, through the real vault client and case store.
 */
import { getSodium, KDF_FLOOR } from '../../../shared/crypto';
import { argon2id } from '../../../shared/crypto/kdf-params';
import { openCaseFile, type CaseFile } from '../../../renderer/src/features/records/case-commands';
import type { CaseStore } from '../../../renderer/src/features/records/case-store';
import { filterTestimonies, sortTestimonies } from '../../../renderer/src/features/records/filters';
import { testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import type { Figure } from '../bench-types';
import { percentile, timed, type LongTaskRecorder } from './measure';
import { BENCH_PASSPHRASE, PlainDatabase } from './populate';
import type { SyntheticVault } from './synthetic-vault';

/** The list's first page, as the testimonies screen shows it. */
const FIRST_PAGE = 50;

/**
 * Saves `saves` new testimonies one at a time through the vault client (validate, clone to
 * the worker, encrypt, write, audit) against a plain Dexie put of the same body.
 */
export async function saveWorkload(client: VaultClient, plainName: string, vault: SyntheticVault, from: number, saves: number): Promise<Figure[]> {
  const plain = new PlainDatabase(plainName);
  await plain.open();
  const real: number[] = [];
  const base: number[] = [];
  for (let n = 0; n < saves; n += 1) {
    const body = vault.testimony(from + n);
    real.push(await timed(() => client.records.create(testimonyKind, body, { id: body.id })));
    base.push(await timed(() => plain.rows.put(body)));
  }
  plain.close();
  const baselineLabel = 'plain Dexie put';
  return [
    { label: 'save testimony p50', unit: 'ms', value: percentile(real, 50), baseline: percentile(base, 50), baselineLabel, budget: null },
    { label: 'save testimony p95', unit: 'ms', value: percentile(real, 95), baseline: percentile(base, 95), baselineLabel, budget: { on: 'value', op: '<=', limit: 30 } },
  ];
}

/** Argon2id at the bench vault's cost, on this thread (the worker runs the same WASM). */
export async function argon2idMs(): Promise<number> {
  const s = await getSodium();
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const samples: number[] = [];
  for (let n = 0; n < 3; n += 1) samples.push(await timed(async () => argon2id(s, s.from_string(BENCH_PASSPHRASE), salt, KDF_FLOOR)));
  return percentile(samples, 50);
}

export interface Unlocked {
  readonly store: CaseStore;
  /** The open case file (the store with its commands), shared with the editor workload. */
  readonly file: CaseFile;
  readonly figures: Figure[];
}

/** Unlock → case store loaded → first page sorted → search index ready, with the times of each. */
/**
 * Where the long tasks of an unlock fell: "140 ms at +1200 (case file)". Says which stretch to
 * profile: the unlock call, loading the case file (summaries listed and derived), or waiting
 * for search (the saved index restored or rebuilt).
 */
function placeLongTasks(entries: readonly PerformanceEntry[], marks: { start: number; unlocked: number; listed: number; indexed: number }): string {
  const stretch = (at: number) => (at < marks.unlocked ? 'unlock call' : at < marks.listed ? 'case file' : at < marks.indexed ? 'search' : 'after');
  const long = entries.filter((e) => e.duration > 50).map((e) => `${e.duration.toFixed(0)} ms at +${(e.startTime - marks.start).toFixed(0)} (${stretch(e.startTime)})`);
  return long.length === 0 ? 'no task over 50 ms' : `tasks over 50 ms: ${long.join(', ')}`;
}

async function unlockToList(client: VaultClient) {
  const entries: PerformanceEntry[] = [];
  const observer = PerformanceObserver.supportedEntryTypes.includes('longtask') ? new PerformanceObserver((list) => entries.push(...list.getEntries())) : null;
  observer?.observe({ type: 'longtask' });
  const start = performance.now();
  const result = await client.unlock(BENCH_PASSPHRASE);
  if (!result.ok) throw new Error('bench vault did not unlock');
  const unlocked = performance.now();
  const file = openCaseFile(client);
  const store = file.store;
  await file.ready;
  const page = sortTestimonies(store.data, filterTestimonies(store.data, {}), { by: 'saved', direction: 'desc' }).slice(0, FIRST_PAGE);
  const listed = performance.now();
  if (page.length === 0) throw new Error('the first page is empty');
  await new Promise<void>((resolve, reject) => {
    const search = store.search;
    if (!search) return reject(new Error('no search worker'));
    const check = () => {
      if (search.status === 'ready') resolve();
      else if (search.status !== 'indexing') reject(new Error(`search ${search.status}`));
    };
    search.subscribe(check);
    check();
  });
  const indexed = performance.now();
  // Long-task entries arrive after their task: give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  entries.push(...(observer?.takeRecords() ?? []));
  observer?.disconnect();
  const placed = placeLongTasks(entries, { start, unlocked, listed, indexed });
  return { file, store, start, unlocked, listed, indexed, placed };
}

/**
 * Locks, then times unlock → case store loaded → first page sorted (what the list screen
 * needs), minus Argon2id; then until the search index is ready. Baseline: opening a plain
 * Dexie database and reading every row with toArray.
 *
 * Twice: the generated vault has no saved search index and no summary cache, so the first
 * unlock reads every summary from its own row, writes the caches, indexes every testimony and
 * saves the index (encrypted); the second, the one every later unlock is like, reads the
 * summaries from the caches, restores the index and indexes nothing.
 */
export async function unlockWorkload(client: VaultClient, plainName: string, argonMs: number, tasks: LongTaskRecorder): Promise<Unlocked> {
  await client.lock('manual');
  const first = await tasks.phase('first unlock → search ready (index built)', () => unlockToList(client));
  const built = first.store.search?.lastLoad;
  await first.store.search?.flushIndex();
  first.store.dispose();
  await client.lock('manual');
  const { file, store, start, unlocked, listed, indexed, placed } = await tasks.phase('unlock → list → search ready', () => unlockToList(client));
  const restored = store.search?.lastLoad;
  // The baseline's own long task (structured-cloning every row onto this thread) stays outside the phase.
  const plain = new PlainDatabase(plainName);
  const baseline = await timed(async () => {
    await plain.open();
    await plain.rows.toArray();
  });
  plain.close();
  const figures: Figure[] = [
    { label: 'Argon2id (floor cost)', unit: 'ms', value: argonMs, baseline: null, baselineLabel: '—', budget: null, note: 'subtracted below' },
    { label: 'unlock → first page − Argon2id', unit: 'ms', value: listed - start - argonMs, baseline, baselineLabel: 'plain Dexie open + toArray', budget: { on: 'value', op: '<=', limit: 2000 }, note: `${placed}; first unlock: ${first.placed}` },
    { label: '  of which unlock call − Argon2id', unit: 'ms', value: unlocked - start - argonMs, baseline: null, baselineLabel: '—', budget: null },
    { label: 'first unlock → first page − Argon2id', unit: 'ms', value: first.listed - first.start - argonMs, baseline, baselineLabel: 'plain Dexie open + toArray', budget: null, note: 'no summary cache yet: every summary read from its row, then the caches written' },
    { label: 'unlock → search ready − Argon2id', unit: 'ms', value: indexed - start - argonMs, baseline, baselineLabel: 'plain Dexie open + toArray', budget: null, note: `saved index restored: ${String(restored?.restored)}, ${restored?.indexed ?? '?'} re-indexed` },
    { label: 'first unlock → search ready − Argon2id', unit: 'ms', value: first.indexed - first.start - argonMs, baseline, baselineLabel: 'plain Dexie open + toArray', budget: null, note: `no saved index yet: ${built?.indexed ?? '?'} indexed, then saved` },
  ];
  return { store, file, figures };
}
