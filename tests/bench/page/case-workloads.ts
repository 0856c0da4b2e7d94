/**
 * Workloads over the loaded case file: search (a fixed query set, then search-as-you-type)
 * and opening an alleged perpetrator's profile. Runs on the bench page's main thread; the
 * search itself runs in the real search worker, as in the app.
 */
import MiniSearch from 'minisearch';
import type { CaseStore } from '../../../renderer/src/features/records/case-store';
import { perpetratorProfile } from '../../../renderer/src/features/records/profiles';
import { testimonyKind } from '../../../renderer/src/features/records/record-kinds';
import { testimonyDoc, type TestimonyDoc } from '../../../renderer/src/features/records/search/search-docs';
import type { Id } from '../../../renderer/src/vault/vault-client';
import type { Figure } from '../bench-types';
import { percentile, timed } from './measure';

/** Latin, Arabic, transliterated variants and digits (Western and Arabic-Indic). */
const QUERIES: readonly string[] = [
  'Sednaya', 'Saydnaya', 'Saidnaya prison', 'صيدنايا', 'سجن صيدنايا العسكري',
  'Palestine Branch', 'فرع فلسطين', 'Khaled Mansour', 'Khalid Mansur', 'خالد منصور', 'أبو علي', 'Abu Ali',
  'interrogation', 'checkpoint near Homs', 'مهجع', '235', '٢٣٥', 'T-2025-0042', '2013',
];
const REPEATS = 5;
const LIMIT = 20;
/** Typed one character at a time, each keystroke awaiting its results as the search box does. */
const TYPED: readonly string[] = ['Saydnaya Military Prison', 'سجن صيدنايا العسكري', 'Khaled Mansour'];

/** Search latencies through the real search client (worker round trip included). */
export async function searchSamples(store: CaseStore): Promise<number[]> {
  const search = store.search;
  if (!search) throw new Error('no search worker');
  const samples: number[] = [];
  for (let n = 0; n < REPEATS; n += 1) for (const query of QUERIES) samples.push(await timed(() => search.search(query, LIMIT)));
  return samples;
}

/**
 * The baseline: a plain minisearch over the same fields with its default tokenizer and no
 * name normalisation, on this thread (so it also skips the worker round trip). Run after the
 * app's workloads: building it is a long task and leaves garbage whose collection would
 * otherwise land in them.
 */
export async function plainSearchSamples(store: CaseStore): Promise<number[]> {
  const plain = new MiniSearch<TestimonyDoc>({ fields: ['referenceCode', 'summary', 'narrative', 'translations', 'tags'], storeFields: [] });
  // The case file holds summaries: the baseline reads the full bodies back from the vault.
  const ids = [...store.data.raw.testimonies.keys()];
  for (let from = 0; from < ids.length; from += 500) {
    const { records } = await store.client.records.readMany(testimonyKind, ids.slice(from, from + 500));
    plain.addAll(records.map((r) => testimonyDoc(r.id, r.body)));
  }
  const samples: number[] = [];
  for (let n = 0; n < REPEATS; n += 1) for (const query of QUERIES) samples.push(await timed(async () => plain.search(query, { prefix: true }).slice(0, LIMIT)));
  return samples;
}

/** Search p50/p95 beside the plain baseline. */
export function searchFigures(real: readonly number[], base: readonly number[]): Figure[] {
  const baselineLabel = 'plain minisearch, no name keys';
  const note = `${QUERIES.length} queries × ${REPEATS}`;
  return [
    { label: 'search p50', unit: 'ms', value: percentile(real, 50), baseline: percentile(base, 50), baselineLabel, budget: null, note },
    { label: 'search p95', unit: 'ms', value: percentile(real, 95), baseline: percentile(base, 95), baselineLabel, budget: { on: 'value', op: '<=', limit: 50 }, note },
  ];
}

/** Search-as-you-type: every prefix of a few phrases, one after another (for long tasks). */
export async function typeAheadWorkload(store: CaseStore): Promise<Figure> {
  const search = store.search;
  if (!search) throw new Error('no search worker');
  const keystrokes: number[] = [];
  for (const phrase of TYPED) {
    for (let end = 1; end <= phrase.length; end += 1) keystrokes.push(await timed(() => search.search(phrase.slice(0, end), LIMIT)));
  }
  return { label: 'search-as-you-type keystroke p95', unit: 'ms', value: percentile(keystrokes, 95), baseline: null, baselineLabel: '—', budget: { on: 'value', op: '<=', limit: 50 }, note: `${keystrokes.length} keystrokes` };
}

/** Opens the profile of `id` (500 allegations at 10,000) a few times. No plain baseline exists. */
export async function profileWorkload(store: CaseStore, id: Id): Promise<Figure[]> {
  const samples: number[] = [];
  let allegations = 0;
  for (let n = 0; n < 10; n += 1) {
    samples.push(
      await timed(async () => {
        allegations = perpetratorProfile(store.data, id)?.allegations.length ?? 0;
      }),
    );
  }
  const note = `${allegations} allegations; N/A baseline (pure in-memory derivation)`;
  return [
    { label: 'open perpetrator profile p50', unit: 'ms', value: percentile(samples, 50), baseline: null, baselineLabel: '—', budget: null },
    { label: 'open perpetrator profile p95', unit: 'ms', value: percentile(samples, 95), baseline: null, baselineLabel: '—', budget: { on: 'value', op: '<=', limit: 200 }, note },
  ];
}
