// The persisted testimony index (search-snapshot.ts): a snapshot restored into a fresh engine
// finds what the original found; a restore reports exactly what is stale (saved since, new)
// and drops what was deleted, while a renamed entity makes nothing stale (its names are matched
// at query time); anything that is not a snapshot of this format, an older format included,
// restores nothing (everything is re-indexed). Snippets of hits whose
// text the restored engine does not hold are made once the text is handed back.
import { describe, expect, it } from 'vitest';
import { facilityDoc, perpetratorDoc, testimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { INDEX_FORMAT, PersistentSearchEngine } from '../../../../renderer/src/features/records/search/search-snapshot';
import { allegation, episode, facility, perpetrator, testimony } from './case-fixtures';

function original() {
  const sednaya = facility(['صيدنايا', 'Sednaya Military Prison']);
  const person = perpetrator(['خالد منصور', 'Abu Ali']);
  const t1 = testimony({ summary: 'Account of detention in the red building', detentionEpisodes: [episode(sednaya.id)], allegations: [allegation(person.id)] });
  const t2 = testimony({ narrative: { language: 'ar', text: 'اعتُقلتُ في عام ٢٠١٢ واقتِدتُ إلى فرع المخابرات حيث أمضيت أشهراً في زنزانة منفردة.' } });
  const t3 = testimony({ narrative: { language: 'en', text: 'The checkpoint near Homs was closed for a week.' } });
  const names = { facilities: [facilityDoc(sednaya.id, sednaya)], perpetrators: [perpetratorDoc(person.id, person)] };
  const engine = new PersistentSearchEngine();
  engine.apply(names);
  engine.apply({ testimonies: [testimonyDoc(t1.id, t1, 1), testimonyDoc(t2.id, t2, 1), testimonyDoc(t3.id, t3, 2)] });
  const current = new Map([[t1.id, 1], [t2.id, 1], [t3.id, 2]]);
  return { engine, names, current, sednaya, person, t1, t2, t3 };
}

const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id).sort();
/** A format-4 snapshot's lines, parsed: the header, then `["t", row…]` and `["i", term…]` lines. */
const linesOf = (text: string) => text.split('\n').map((line) => JSON.parse(line) as unknown);
const headerOf = (text: string) => linesOf(text)[0] as Record<string, unknown> & { e: string[] };

describe('persisted search index', () => {
  it('restores an index that finds the same testimonies, with nothing stale', () => {
    const { engine, names, current, t1, t2 } = original();
    const restored = new PersistentSearchEngine();
    expect(restored.restore(engine.snapshot(), current, names)).toEqual({ restored: true, stale: [], dropped: 0 });
    for (const query of ['Saydnaya', 'صيدنايا', 'red building', '2012', 'زنزانة', 'Khaled Mansour']) {
      expect(ids(restored.search(query).testimonies), query).toEqual(ids(engine.search(query).testimonies));
    }
    expect(ids(restored.search('Sednaya').testimonies)).toEqual([t1.id]);
    // The texts are not in the snapshot: the hit comes back textless until its text is handed over.
    const hit = restored.search('زنزانة');
    expect(hit.textless.map((h) => h.id)).toEqual([t2.id]);
    expect(hit.testimonies[0]?.snippet).toBe('');
    restored.remember([testimonyDoc(t2.id, t2, 1)]);
    expect(restored.snippets(hit.textless)[t2.id]).toContain('زنزانة');
    expect(restored.search('زنزانة').textless).toEqual([]);
  });

  it('reports testimonies saved since or new since as stale, and drops deleted ones', () => {
    const { engine, names, t1, t2, t3 } = original();
    const snapshot = engine.snapshot();
    const t4 = testimony({ narrative: { language: 'en', text: 'A new account.' } });
    const current = new Map([[t1.id, 1], [t2.id, 2], [t4.id, 1]]); // t2 saved since, t3 deleted, t4 new
    const restored = new PersistentSearchEngine();
    const outcome = restored.restore(snapshot, current, names);
    expect(outcome.restored).toBe(true);
    expect(outcome.stale.sort()).toEqual([t2.id, t4.id].sort());
    expect(outcome.dropped).toBe(1);
    expect(restored.search('checkpoint').testimonies).toEqual([]);
    expect(restored.size.testimonies).toBe(2);
    // A snapshot taken before the stale testimony arrives does not call it fresh.
    const live = new Map([[t1.id, 1], [t2.id, 2], [t3.id, 2]]);
    const again = new PersistentSearchEngine();
    expect(again.restore(snapshot, live, names).stale).toEqual([t2.id]);
    const later = new PersistentSearchEngine();
    expect(later.restore(again.snapshot(), live, names).stale).toEqual([t2.id]);
    again.apply({ testimonies: [testimonyDoc(t2.id, t2, 2)] });
    const fresh = new PersistentSearchEngine();
    expect(fresh.restore(again.snapshot(), live, names).stale).toEqual([]);
  });

  it('finds a testimony by its facility\'s new name after a rename since the snapshot, with nothing stale', () => {
    const { engine, names, current, sednaya, t1 } = original();
    const renamed = { ...names, facilities: [{ ...facilityDoc(sednaya.id, sednaya), names: ['Tadmur'] }] };
    const restored = new PersistentSearchEngine();
    expect(restored.restore(engine.snapshot(), current, renamed)).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(ids(restored.search('Tadmur').testimonies)).toEqual([t1.id]);
    expect(ids(restored.search('Palmyra').testimonies)).toEqual([t1.id]);
    expect(restored.search('Saydnaya').testimonies).toEqual([]);
    // The links survive a second round trip.
    const again = new PersistentSearchEngine();
    expect(again.restore(restored.snapshot(), current, renamed).stale).toEqual([]);
    expect(ids(again.search('Tadmur').testimonies)).toEqual([t1.id]);
    expect(ids(again.search('Khaled Mansour').testimonies)).toEqual([t1.id]);
  });

  it('writes each linked id once, and only those still linked', () => {
    const { engine, sednaya, person, t1 } = original();
    const linkedIds = () => headerOf(engine.snapshot()).e.sort();
    expect(linkedIds()).toEqual([sednaya.id, person.id].sort());
    const t5 = testimony({ detentionEpisodes: [episode(sednaya.id)] });
    engine.apply({ testimonies: [testimonyDoc(t5.id, t5, 1)] });
    expect(linkedIds()).toEqual([sednaya.id, person.id].sort());
    engine.apply({ testimonies: [testimonyDoc(t1.id, { ...t1, allegations: [] }, 2)] });
    expect(linkedIds()).toEqual([sednaya.id]);
  });

  it('restores an empty index as restored, with nothing stale', () => {
    const empty = new PersistentSearchEngine();
    expect(new PersistentSearchEngine().restore(empty.snapshot(), new Map(), { facilities: [], perpetrators: [] })).toEqual({ restored: true, stale: [], dropped: 0 });
  });

  it('restores from the UTF-8 bytes the vault hands over, as from the text', () => {
    const { engine, names, current, t1 } = original();
    const bytes = engine.snapshotBytes();
    expect(new TextDecoder().decode(bytes)).toBe(engine.snapshot());
    const restored = new PersistentSearchEngine();
    expect(restored.restore(bytes, current, names)).toEqual({ restored: true, stale: [], dropped: 0 });
    expect(ids(restored.search('Sednaya').testimonies)).toEqual([t1.id]);
  });

  it('restores nothing from a missing, malformed or other-format snapshot', () => {
    const { engine, names, current } = original();
    const text = engine.snapshot();
    const [header, ...rest] = linesOf(text) as [Record<string, unknown>, ...unknown[][]];
    const rowLine = rest.find((line) => line[0] === 't') ?? [];
    const termLines = rest.filter((line) => line[0] === 'i');
    const [, row] = rowLine as [string, unknown[]];
    const make = (head: unknown, ...lines: unknown[]) => [head, ...lines].map((line) => JSON.stringify(line)).join('\n');
    const withRows = (...rows: unknown[]) => make(header, ['t', ...rows], ...termLines);
    const bad: (string | Uint8Array | null)[] = [
      null,
      '',
      'not json',
      '[]',
      make({ ...header, v: INDEX_FORMAT + 1 }, ...rest),
      // Format 3 was one JSON value (postings apart, minisearch's own JSON of the rest): never read as this one.
      JSON.stringify({ v: 3, e: header['e'], t: [], x: {}, i: [] }),
      make({ ...header, v: 3 }, ...rest),
      // The header's count of testimonies does not match the rows.
      make({ ...header, c: 99 }, ...rest),
      withRows(['x', 1, 'T', [0, 0, 0, 0, 0], []]),
      // A link to an entity the snapshot does not list, and a testimony listed twice.
      withRows(...(rowLine.slice(1) as unknown[][]).map((r, at) => (at === 0 ? [...r.slice(0, 5), [99]] : r))),
      withRows(...rowLine.slice(1), row),
      // Field lengths that are not counts, a short id beyond the header's, an unknown line, a term twice.
      withRows(...(rowLine.slice(1) as unknown[][]).map((r, at) => (at === 0 ? [...r.slice(0, 4), [-1, 0, 0, 0, 0], r[5]] : r))),
      withRows(...(rowLine.slice(1) as unknown[][]).map((r, at) => (at === 0 ? [10_000, ...r.slice(1)] : r))),
      make(header, rowLine, ['x', 1], ...termLines),
      make(header, rowLine, ...termLines, termLines[0]),
      // Bytes that are not UTF-8.
      Uint8Array.of(...new TextEncoder().encode(text), 0x0a, 0xff, 0xfe),
    ];
    for (const source of bad) {
      const restored = new PersistentSearchEngine();
      const outcome = restored.restore(source, current, names);
      const label = typeof source === 'string' ? source.slice(0, 60) : String(source?.length);
      expect(outcome.restored, label).toBe(false);
      expect(outcome.stale.sort()).toEqual([...current.keys()].sort());
      expect(restored.search('Sednaya').testimonies).toEqual([]);
      expect(restored.search('Sednaya').facilities).toHaveLength(1);
    }
  });
});
