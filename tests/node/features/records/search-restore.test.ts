// Restoring a saved index whose lines span several read batches (snapshot-reader.ts): the
// testimonies, their links (rebuilt once at the end, search-links.ts `linkAll`) and postings
// come back as they were, so every query finds the same hits with the same scores; and the
// saved bytes are freed once read (search-worker-core.ts).
import { describe, expect, it } from 'vitest';
import { currentList } from '../../../../renderer/src/features/records/search/current-list';
import { facilityDoc, perpetratorDoc, testimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { PersistentSearchEngine } from '../../../../renderer/src/features/records/search/search-snapshot';
import { createSearchWorkerApi } from '../../../../renderer/src/features/records/search/search-worker-core';
import { allegation, episode, facility, perpetrator, testimony } from './case-fixtures';

function archive(count: number) {
  const facilities = [facility(['صيدنايا', 'Sednaya Military Prison']), facility(['Tadmur Prison']), facility(['فرع فلسطين'])];
  const people = [perpetrator(['خالد منصور', 'Abu Ali']), perpetrator(['Officer Hassan'])];
  const names = { facilities: facilities.map((f) => facilityDoc(f.id, f)), perpetrators: people.map((p) => perpetratorDoc(p.id, p)) };
  const words = ['checkpoint', 'زنزانة', 'interrogation', 'الأمن', 'transfer', 'hunger', 'المحكمة', 'release'];
  const docs = Array.from({ length: count }, (_, n) => {
    const t = testimony({
      summary: `Account ${n} of ${words[n % words.length] ?? ''}`,
      narrative: { language: n % 2 ? 'ar' : 'en', text: `${words[(n * 3) % words.length] ?? ''} ${words[(n * 5) % words.length] ?? ''} note ${n}` },
      detentionEpisodes: n % 4 === 0 ? [] : [episode((facilities[n % 3] ?? facilities[0])?.id ?? '')],
      allegations: n % 3 === 0 ? [allegation((people[n % 2] ?? people[0])?.id ?? '')] : [],
    });
    return testimonyDoc(t.id, t, 1 + (n % 4));
  });
  const engine = new PersistentSearchEngine();
  engine.apply(names);
  engine.apply({ testimonies: docs });
  return { engine, names, current: docs.map((d) => [d.id, d.version] as const) };
}

const queries = ['Sednaya', 'صيدنايا', 'Tadmur', 'Khaled Mansour', 'Hassan', 'checkpoint', 'زنزانة', 'note 17', 'account', 'فلسطين hunger'];
const hits = (engine: { search(query: string, limit: number): { testimonies: { id: string; score: number }[] } }) =>
  queries.map((query) => engine.search(query, 50).testimonies.map((hit) => `${hit.id}:${hit.score.toFixed(9)}`));

describe('restoring a saved index read in batches', () => {
  it('finds the same testimonies with the same scores, links included', () => {
    const { engine, names, current } = archive(1500);
    const bytes = engine.snapshotBytes();
    expect(bytes.length).toBeGreaterThan(64 * 1024); // several batches per line
    expect(hits(engine).filter((found) => found.length > 0).length).toBeGreaterThanOrEqual(queries.length - 1);
    const restored = new PersistentSearchEngine();
    expect(restored.restore(bytes, new Map(current), names)).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(hits(restored)).toEqual(hits(engine));
    // And again from its own snapshot.
    const again = new PersistentSearchEngine();
    expect(again.restore(restored.snapshotBytes(), new Map(current), names)).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(hits(again)).toEqual(hits(engine));
  });

  it('restores through the worker API from the compact list, and frees the saved bytes', () => {
    const { engine, names, current } = archive(300);
    const bytes = engine.snapshotBytes();
    const api = createSearchWorkerApi();
    api.prepare(bytes);
    expect(bytes.buffer.byteLength).toBe(0); // detached: freed, not left to the collector
    const list = currentList(current);
    const outcome = api.restore(list, names);
    expect(outcome).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(list.versions.buffer.byteLength).toBe(0);
    expect(hits(api)).toEqual(hits(engine));
  });

  it('drops testimonies no longer live and reports the stale ones through the compact list', () => {
    const { engine, names, current } = archive(40);
    const [first, second, ...rest] = current;
    const live = [...rest, ...(first ? [[first[0], first[1] + 1] as const] : [])];
    const api = createSearchWorkerApi();
    api.prepare(engine.snapshotBytes());
    const outcome = api.restore(currentList(live), names);
    expect(outcome.restored).toBe(true);
    expect(outcome.dropped).toBe(second ? 1 : 0);
    expect(outcome.stale).toEqual(first ? [first[0]] : []);
  });
});
