// The persisted testimony index (search-snapshot.ts): a snapshot restored into a fresh engine
// finds what the original found; a restore reports exactly what is stale (saved since, new,
// linking a renamed or removed entity) and drops what was deleted; anything that is not a
// snapshot of this format restores nothing (everything is re-indexed). Snippets of hits whose
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

  it('reports testimonies saved since, new since, or linking a renamed entity as stale, and drops deleted ones', () => {
    const { engine, names, sednaya, t1, t2, t3 } = original();
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

    const renamed = { ...names, facilities: [{ ...facilityDoc(sednaya.id, sednaya), names: ['Tadmur'] }] };
    const again = new PersistentSearchEngine();
    expect(again.restore(snapshot, new Map([[t1.id, 1], [t2.id, 1], [t3.id, 2]]), renamed).stale).toEqual([t1.id]);
    // A snapshot taken before the stale testimony arrives does not call it fresh.
    const later = new PersistentSearchEngine();
    expect(later.restore(again.snapshot(), new Map([[t1.id, 1], [t2.id, 1], [t3.id, 2]]), renamed).stale).toEqual([t1.id]);
    again.apply({ testimonies: [testimonyDoc(t1.id, { ...t1 }, 1)] });
    expect(ids(again.search('Tadmur').testimonies)).toEqual([t1.id]);
    const fresh = new PersistentSearchEngine();
    expect(fresh.restore(again.snapshot(), new Map([[t1.id, 1], [t2.id, 1], [t3.id, 2]]), renamed).stale).toEqual([]);
  });

  it('restores nothing from a missing, malformed or other-format snapshot', () => {
    const { engine, names, current } = original();
    const good = JSON.parse(engine.snapshot()) as Record<string, unknown>;
    const bad = [null, '', 'not json', '[]', JSON.stringify({ ...good, v: INDEX_FORMAT + 1 }), JSON.stringify({ ...good, t: [['x', 1, 'T', [], []]] }), JSON.stringify({ ...good, x: { nonsense: true } })];
    for (const text of bad) {
      const restored = new PersistentSearchEngine();
      const outcome = restored.restore(text, current, names);
      expect(outcome.restored, String(text).slice(0, 40)).toBe(false);
      expect(outcome.stale.sort()).toEqual([...current.keys()].sort());
      expect(restored.search('Sednaya').testimonies).toEqual([]);
      expect(restored.search('Sednaya').facilities).toHaveLength(1);
    }
  });
});
