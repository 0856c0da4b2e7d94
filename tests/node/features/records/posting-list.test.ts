// Compact posting lists (renderer/src/features/records/search/posting-list.ts): a PostingList
// must behave as the Map it replaces, and an index whose postings were compacted must answer,
// serialise, update and vacuum exactly as its uncompacted twin.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactPostings, COMPACT_FROM, PostingList } from '../../../../renderer/src/features/records/search/posting-list';
import { testimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { PersistentSearchEngine } from '../../../../renderer/src/features/records/search/search-snapshot';
import { testimony } from './case-fixtures';

/** A small deterministic generator (xorshift32). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe('PostingList', () => {
  it('answers like a Map through a long run of sets, deletes and reads', () => {
    const next = random(7);
    const start = new Map<number, number>();
    for (let id = 0; id < 40; id += 2) start.set(id, 1);
    const list = PostingList.from(start);
    const map = new Map(start);
    for (let step = 0; step < 5000; step += 1) {
      const id = Math.floor(next() * 120);
      const roll = next();
      if (roll < 0.45) {
        const freq = next() < 0.8 ? 1 : 1 + Math.floor(next() * 4);
        list.set(id, freq);
        map.set(id, freq);
      } else if (roll < 0.8) {
        expect(list.delete(id)).toBe(map.delete(id));
      } else {
        expect(list.get(id)).toBe(map.get(id));
        expect(list.has(id)).toBe(map.has(id));
      }
      expect(list.size).toBe(map.size);
      if (step % 250 === 0) list.trim();
    }
    const sorted = [...map].sort((a, b) => a[0] - b[0]);
    expect([...list]).toEqual(sorted);
    expect([...list.keys()]).toEqual(sorted.map(([id]) => id));
    expect(Object.fromEntries(list)).toEqual(Object.fromEntries(map));
  });

  it('allows deleting while iterating, as minisearch does when it vacuums', () => {
    const list = PostingList.from(new Map(Array.from({ length: 30 }, (_, id) => [id, 1] as [number, number])));
    for (const [id] of list) if (id % 3 !== 0) list.delete(id);
    expect([...list.keys()]).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    expect(list.size).toBe(10);
  });
});

const WORDS = ['sednaya', 'branch', 'prison', 'cell', 'transfer', 'interrogation', 'family', 'release', 'court', 'hospital', 'نقل', 'سجن', 'فرع', 'محكمة'];

function documents(count: number, seed: number): { id: string; text: string; more: string }[] {
  const next = random(seed);
  const pick = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] ?? '').join(' ');
  return Array.from({ length: count }, (_, i) => ({ id: `doc-${seed}-${i}`, text: pick(12), more: pick(4) }));
}

const OPTIONS = { fields: ['text', 'more'], storeFields: [] as string[], searchOptions: { boost: { text: 2 } } };
const QUERIES = ['sednaya', 'prison cell', 'سجن', 'fam', 'court hospital release'];
const answers = (index: MiniSearch) => QUERIES.map((q) => index.search(q, { prefix: true }).map((r) => [r.id, r.score.toFixed(9), [...r.terms].sort()]));

describe('compacting an index', () => {
  it('keeps results, serialisation, updates and vacuuming identical to the uncompacted index', async () => {
    const docs = documents(300, 11);
    const plain = new MiniSearch(OPTIONS);
    const compact = new MiniSearch(OPTIONS);
    plain.addAll(docs);
    compact.addAll(docs);

    expect(compactPostings(compact)).toBeGreaterThan(0); // fails if minisearch's internals moved
    expect(answers(compact)).toEqual(answers(plain));
    expect(JSON.stringify(compact)).toEqual(JSON.stringify(plain));

    // Saves replace documents (discard + add), new ones arrive, some are removed outright.
    const changed = documents(120, 12).map((doc, i) => ({ ...doc, id: docs[i]?.id ?? doc.id }));
    for (const index of [plain, compact]) {
      for (const doc of changed) {
        index.discard(doc.id);
        index.add(doc);
      }
      index.addAll(documents(40, 13));
      for (const doc of docs.slice(200, 220)) index.discard(doc.id);
      await index.vacuum();
    }
    expect(answers(compact)).toEqual(answers(plain));
    compactPostings(compact);
    expect(answers(compact)).toEqual(answers(plain));
    expect(JSON.stringify(compact)).toEqual(JSON.stringify(plain));

    // A compacted index restored from its own serialisation answers the same again.
    const restored = MiniSearch.loadJSON(JSON.stringify(compact), OPTIONS);
    compactPostings(restored);
    expect(answers(restored)).toEqual(answers(plain));
  });

  it('leaves lists shorter than COMPACT_FROM as Maps', () => {
    const index = new MiniSearch(OPTIONS);
    index.addAll(documents(COMPACT_FROM - 1, 3).map((doc, i) => ({ ...doc, text: `unique${i}` })));
    expect(compactPostings(index)).toBe(0);
  });
});

describe('postings in a snapshot', () => {
  function engineWith(count: number) {
    const next = random(5);
    const engine = new PersistentSearchEngine();
    const testimonies = Array.from({ length: count }, (_, i) => {
      const words = Array.from({ length: 10 }, () => WORDS[Math.floor(next() * WORDS.length)] ?? '').join(' ');
      return testimony({ summary: `account ${i}`, narrative: { language: 'en', text: words } });
    });
    engine.apply({ facilities: [], perpetrators: [], testimonies: testimonies.map((t) => testimonyDoc(t.id, t, 1)) });
    return { engine, current: new Map(testimonies.map((t) => [t.id, 1])) };
  }
  const found = (engine: PersistentSearchEngine) => QUERIES.map((q) => engine.search(q, 50).testimonies.map((h) => [h.id, h.score.toFixed(9)]));

  it('are written compactly and restored into an index that answers the same', () => {
    const { engine, current } = engineWith(200);
    const text = engine.snapshot();
    const snapshot = JSON.parse(text) as { x: { index: unknown[] }; i: [string, [number, number[], number[] | 0][]][] };
    expect(snapshot.x.index).toEqual([]); // minisearch's own per-document objects are not written
    expect(snapshot.i.length).toBeGreaterThan(0);
    expect(snapshot.i.every(([, fields]) => fields.every(([, gaps]) => gaps.every((gap) => Number.isInteger(gap) && gap >= 0)))).toBe(true);

    const restored = new PersistentSearchEngine();
    expect(restored.restore(text, current, { facilities: [], perpetrators: [] })).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(found(restored)).toEqual(found(engine));
    // Saved again, it holds the same postings (terms may come in another order).
    const again = JSON.parse(restored.snapshot()) as typeof snapshot;
    const byTerm = (s: typeof snapshot) => new Map(s.i.map(([term, fields]) => [term, JSON.stringify(fields)]));
    expect(byTerm(again)).toEqual(byTerm(snapshot));
    expect(again.x).toEqual(snapshot.x);
  });

  it('restores nothing when the postings do not hold together', () => {
    const { engine, current } = engineWith(40);
    const good = JSON.parse(engine.snapshot()) as Record<string, unknown> & { i: [string, [number, number[], number[] | 0][]][] };
    const term = good.i[0];
    if (!term) throw new Error('no postings');
    const [word, [[field, gaps]]] = [term[0], term[1] as [[number, number[], number[] | 0]]];
    const variants = [
      { ...good, i: null },
      { ...good, i: [[word, [[99, gaps, 0]]]] }, // no such field
      { ...good, i: [[word, [[field, [...gaps, 100_000], 0]]]] }, // an id never handed out
      { ...good, i: [[word, [[field, [gaps[0] ?? 0, -1], 0]]]] }, // ids going backwards
      { ...good, i: [[word, [[field, gaps, gaps.map(() => 0)]]]] }, // a frequency of 0
    ];
    for (const variant of variants) {
      const restored = new PersistentSearchEngine();
      expect(restored.restore(JSON.stringify(variant), current, { facilities: [], perpetrators: [] }).restored, JSON.stringify(variant.i).slice(0, 80)).toBe(false);
    }
  });
});
