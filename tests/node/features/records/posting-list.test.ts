// Compact posting lists (renderer/src/features/records/search/posting-list.ts): a PostingList
// must behave as the Map it replaces, and an index whose postings were compacted must answer,
// serialise, update and vacuum exactly as its uncompacted twin.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { BitPostings } from '../../../../renderer/src/features/records/search/bit-postings';
import { FieldLengths } from '../../../../renderer/src/features/records/search/field-lengths';
import { PairMap } from '../../../../renderer/src/features/records/search/pair-map';
import { compactPostings, COMPACT_FROM, PostingList } from '../../../../renderer/src/features/records/search/posting-list';
import { decodeIds, encodeIds } from '../../../../renderer/src/features/records/search/postings-text';
import { testimonyDoc, type TestimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { TESTIMONY_INDEX_OPTIONS } from '../../../../renderer/src/features/records/search/search-engine';
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

describe('BitPostings', () => {
  it('answers like a Map of ascending ids through a long run of sets (other frequencies too), deletes and reads', () => {
    const next = random(13);
    const bits = BitPostings.from([[3, 1], [40, 2]], 50);
    const map = new Map<number, number>([[3, 1], [40, 2]]);
    for (let step = 0; step < 5000; step += 1) {
      const id = Math.floor(next() * 140); // past the first capacity: the bitmap grows
      const roll = next();
      if (roll < 0.45) {
        const freq = next() < 0.8 ? 1 : 1 + Math.floor(next() * 4);
        bits.set(id, freq);
        map.set(id, freq);
      } else if (roll < 0.8) {
        expect(bits.delete(id)).toBe(map.delete(id));
      } else {
        expect(bits.get(id)).toBe(map.get(id));
        expect(bits.has(id)).toBe(map.has(id));
      }
      expect(bits.size).toBe(map.size);
    }
    const sorted = [...map].sort((a, b) => a[0] - b[0]);
    expect([...bits]).toEqual(sorted);
    expect([...bits.keys()]).toEqual(sorted.map(([id]) => id));
    expect(bits.get(-1)).toBeUndefined();
    expect(bits.get(1.5)).toBeUndefined();
  });

  it('allows deleting while iterating, and says when a bitmap is smaller than a list', () => {
    const bits = BitPostings.from(Array.from({ length: 30 }, (_, id) => [id * 2, 1] as [number, number]));
    for (const [id] of bits) if (id % 3 !== 0) bits.delete(id);
    expect([...bits.keys()]).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48, 54]);
    expect(BitPostings.pays(100, 3200)).toBe(true);
    expect(BitPostings.pays(99, 3200)).toBe(false);
  });
});

describe('ids as text', () => {
  const decoded = (text: string, nextId = 2 ** 31) => {
    const ids: number[] = [];
    decodeIds(text, nextId)?.forEach((id) => ids.push(id));
    return ids;
  };

  it('reads back any ascending ids, sparse ones as gaps and dense ones as a bitmap, whichever is shorter', () => {
    const next = random(17);
    for (let round = 0; round < 300; round += 1) {
      const density = next();
      const ids: number[] = [];
      for (let id = Math.floor(next() * 3); ids.length < 400 && id < 5000; id += 1 + Math.floor((next() * 6) / Math.max(density, 0.01) ** 2)) ids.push(id);
      const text = encodeIds(ids);
      expect(text).toMatch(/^[bv][A-Za-z0-9_-]+$/);
      expect(decoded(text)).toEqual(ids);
      expect(decodeIds(text, 2 ** 31)?.count).toBe(ids.length);
    }
    expect(encodeIds(Array.from({ length: 600 }, (_, id) => id))[0]).toBe('b'); // every id: 100 characters
    expect(encodeIds([7, 90_000, 2_000_000_000])[0]).toBe('v');
    expect(decoded(encodeIds([0]))).toEqual([0]);
    expect(decoded(encodeIds([2 ** 31 - 1]))).toEqual([2 ** 31 - 1]);
  });

  it('refuses anything else', () => {
    for (const text of [null, 1, '', 'v', 'b', 'x12', 'v*A', 'vBA', 'vg', 'bA', 'b\u00e9']) expect(decodeIds(text, 100), String(text)).toBeNull();
    // An id at or past the next short id.
    expect(decodeIds(encodeIds([3, 100]), 100)).toBeNull();
    expect(decodeIds(encodeIds(Array.from({ length: 100 }, (_, id) => id)), 99)).toBeNull();
    expect(decodeIds(encodeIds(Array.from({ length: 100 }, (_, id) => id)), 100)?.count).toBe(100);
  });
});

describe('FieldLengths', () => {
  it('stands in for minisearch\'s Map of field lengths: set then written through, read, deleted, grown', () => {
    const lengths = new FieldLengths(3, 2);
    expect(lengths.get(0)).toBeUndefined();
    // minisearch adds a document as `set(id, [])`, then writes each field into that same array.
    const row: number[] = [];
    lengths.set(5, row);
    row[0] = 4;
    row[2] = 0;
    expect(lengths.get(5)).toBe(row);
    lengths.put(1, [7, 8, 9]);
    expect(lengths.get(5)).toEqual([4, undefined, 0]); // folded in; field 1 absent
    expect(lengths.capacity).toBeGreaterThanOrEqual(6);
    expect(Array.from(lengths.table().subarray(15, 18))).toEqual([5, 0, 1]); // length + 1, 0 for none
    expect(lengths.has(1)).toBe(true);
    expect(lengths.delete(1)).toBe(true);
    expect(lengths.delete(1)).toBe(false);
    expect(lengths.get(1)).toBeUndefined();
    expect(lengths.has(-1) || lengths.has(1.5) || lengths.has(100)).toBe(false);
    lengths.trim(6);
    expect(lengths.capacity).toBe(6);
    expect(lengths.get(5)).toEqual([4, undefined, 0]);
  });
});

describe('PairMap', () => {
  it('answers like a Map, in insertion order, through sets, deletes and reads around two entries', () => {
    const next = random(11);
    const pair = new PairMap<number>();
    const map = new Map<number, number>();
    for (let step = 0; step < 4000; step += 1) {
      const key = Math.floor(next() * 5);
      const roll = next();
      if (roll < 0.4) {
        pair.set(key, step);
        map.set(key, step);
      } else if (roll < 0.8) {
        expect(pair.delete(key)).toBe(map.delete(key));
      } else {
        expect(pair.get(key)).toBe(map.get(key));
        expect(pair.has(key)).toBe(map.has(key));
      }
      expect(pair.size).toBe(map.size);
      expect([...pair]).toEqual([...map]);
      expect([...pair.keys()]).toEqual([...map.keys()]);
      expect([...pair.values()]).toEqual([...map.values()]);
    }
  });

  it('allows deleting while iterating', () => {
    const pair = PairMap.from([[4, 1], [9, 2], [1, 3]]);
    for (const [key] of pair) if (key !== 9) pair.delete(key);
    expect([...pair]).toEqual([[9, 2]]);
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
    // Words said by many of the 300 documents are bitmaps now, the rarer ones lists.
    const forms = new Set([...(compact as unknown as { _index: Iterable<[string, Map<number, object>]> })._index].flatMap(([, fields]) => [...fields.values()].map((list) => list.constructor.name)));
    expect(forms).toContain('BitPostings');
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

  it('leaves lists shorter than COMPACT_FROM as they are (one or two entries held inline)', () => {
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
    const docs = testimonies.map((t) => testimonyDoc(t.id, t, 1));
    engine.apply({ facilities: [], perpetrators: [], testimonies: docs });
    return { engine, docs, current: new Map(testimonies.map((t) => [t.id, 1])) };
  }
  const found = (engine: PersistentSearchEngine) => QUERIES.map((q) => engine.search(q, 50).testimonies.map((h) => [h.id, h.score.toFixed(9)]));

  type Encoded = [string, [number, string, number[] | 0][]];
  /** The snapshot's lines: header, rows and terms (search-snapshot.ts, format 4). */
  const parts = (text: string) => {
    const [header, ...lines] = text.split('\n').map((line) => JSON.parse(line) as unknown);
    const rows = (lines as unknown[][]).filter((line) => line[0] === 't');
    const terms = (lines as unknown[][]).filter((line) => line[0] === 'i').flatMap((line) => line.slice(1) as Encoded[]);
    return { header, rows, terms };
  };

  it('are written compactly and restored into an index that answers the same', () => {
    const { engine, docs, current } = engineWith(200);
    const text = engine.snapshot();
    const snapshot = parts(text);
    expect(snapshot.terms.length).toBeGreaterThan(0);
    expect(snapshot.terms.every(([, fields]) => fields.every(([, ids]) => /^[bv][A-Za-z0-9_-]+$/.test(ids)))).toBe(true);

    const restored = new PersistentSearchEngine();
    expect(restored.restore(text, current, { facilities: [], perpetrators: [] })).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(found(restored)).toEqual(found(engine));
    // Common words are bitmaps now, and the words after the first are probed in them: the hits are
    // still those of one plain minisearch AND query over the same documents.
    const plain = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
    plain.addAll(docs);
    for (const query of ['prison cell', 'court hospital release', 'سجن فرع']) {
      const words = query.split(' ');
      // The last word as a prefix, surface keys of three characters or more only (as search-engine.ts).
      const asPrefix = (term: string) => !/^[~#=]/.test(term) && (term.length >= 3 || /^\d{2,}$/.test(term));
      const tree = { combineWith: 'AND' as const, queries: words.map((word, i) => ({ combineWith: 'OR' as const, prefix: i === words.length - 1 ? asPrefix : false, queries: [word] })) };
      const expected = plain.search(tree).slice(0, 50);
      const hits = restored.search(query, 50).testimonies;
      expect(expected.length, query).toBeGreaterThan(0);
      expect(hits.map((h) => h.id).sort(), query).toEqual(expected.map((r) => String(r.id)).sort());
      for (const hit of hits) expect(hit.score, query).toBeCloseTo(expected.find((r) => r.id === hit.id)?.score ?? NaN, 9);
    }
    // Saved again, it holds the same postings (terms may come in another order) and the same rows.
    const again = parts(restored.snapshot());
    const byTerm = (terms: Encoded[]) => new Map(terms.map(([term, fields]) => [term, JSON.stringify(fields)]));
    expect(byTerm(again.terms)).toEqual(byTerm(snapshot.terms));
    expect(again.header).toEqual(snapshot.header);
    expect(again.rows).toEqual(snapshot.rows);
  });

  it('leave out the postings of testimonies removed or replaced since they were indexed', () => {
    const { engine, current } = engineWith(40);
    const [gone, changed] = [...current.keys()];
    if (!gone || !changed) throw new Error('no testimonies');
    const replacement = testimony({ summary: 'account changed', narrative: { language: 'en', text: 'hospital' } });
    engine.apply({ removed: { testimonies: [gone] }, testimonies: [{ ...testimonyDoc(replacement.id, replacement, 2), id: changed }] });
    current.delete(gone);
    current.set(changed, 2);
    const snapshot = parts(engine.snapshot());
    const live = new Set((snapshot.rows.flatMap((line) => line.slice(1)) as [number][]).map(([shortId]) => shortId));
    const written: number[] = [];
    for (const [, fields] of snapshot.terms) for (const [, ids] of fields) decodeIds(ids, 2 ** 31)?.forEach((id) => written.push(id));
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((shortId) => live.has(shortId))).toBe(true);
    const restored = new PersistentSearchEngine();
    expect(restored.restore(engine.snapshot(), current, { facilities: [], perpetrators: [] }).restored).toBe(true);
    expect(found(restored)).toEqual(found(engine));
  });

  it('restores nothing when the postings do not hold together', () => {
    const { engine, current } = engineWith(40);
    const lines = engine.snapshot().split('\n');
    const at = lines.findIndex((line) => line.startsWith('["i"'));
    const term = (JSON.parse(lines[at] ?? '[]') as unknown[])[1] as Encoded | undefined;
    if (!term) throw new Error('no postings');
    const [word, [[field, ids]]] = [term[0], term[1] as [[number, string, number[] | 0]]];
    const count = decodeIds(ids, 2 ** 31)?.count ?? 0;
    const variants = [
      ['i', null],
      ['i', [word, [[99, ids, 0]]]], // no such field
      ['i', [word, [[field, encodeIds([1, 100_000]), 0]]]], // an id never handed out
      ['i', [word, [[field, 'vBA', 0]]]], // the same id twice
      ['i', [word, [[field, 'v*', 0]]]], // not base64url
      ['i', [word, [[field, ids, Array.from({ length: count }, () => 0)]]]], // a frequency of 0
      ['i', [word, [[field, ids, Array.from({ length: count + 1 }, () => 1)]]]], // frequencies that do not match the ids
      ['i', [word, []]], // a term without postings
    ];
    for (const variant of variants) {
      const text = [...lines.slice(0, at), JSON.stringify(variant), ...lines.slice(at + 1)].join('\n');
      const restored = new PersistentSearchEngine();
      expect(restored.restore(text, current, { facilities: [], perpetrators: [] }).restored, JSON.stringify(variant).slice(0, 80)).toBe(false);
    }
  });
});
