import { describe, expect, it } from 'vitest';
import { facilityDoc, perpetratorDoc, testimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { searchTermKeys, tokenizeForSearch } from '../../../../shared/names';
import { indexWords, SearchEngine } from '../../../../renderer/src/features/records/search/search-engine';
import { allegation, episode, facility, perpetrator, testimony } from './case-fixtures';

function engineWith() {
  const sednaya = facility(['صيدنايا', 'Sednaya Military Prison']);
  const branch = facility(['الفرع ٢٣٥', 'Palestine Branch']);
  const person = perpetrator(['خالد منصور', 'Abu Ali'], { positions: [{ rank: 'Colonel', unit: 'Military Police', source: { note: 'n' } }] });
  const t1 = testimony({ summary: 'Account of detention in the red building', detentionEpisodes: [episode(sednaya.id)], allegations: [allegation(person.id)] });
  const t2 = testimony({ narrative: { language: 'ar', text: 'اعتُقلتُ في عام ٢٠١٢ واقتِدتُ إلى فرع المخابرات حيث أمضيت أشهراً في زنزانة منفردة.' } });
  const engine = new SearchEngine();
  engine.apply({ facilities: [facilityDoc(sednaya.id, sednaya), facilityDoc(branch.id, branch)], perpetrators: [perpetratorDoc(person.id, person)] });
  engine.apply({ testimonies: [testimonyDoc(t1.id, t1), testimonyDoc(t2.id, t2)] });
  return { engine, sednaya, branch, person, t1, t2 };
}

describe('search engine', () => {
  it('finds the same facility from صيدنايا, Saydnaya and Sednaya', () => {
    const { engine, sednaya, t1 } = engineWith();
    for (const query of ['صيدنايا', 'Saydnaya', 'Sednaya', 'sednaya prison']) {
      const results = engine.search(query);
      expect(results.facilities.map((h) => h.id), query).toEqual([sednaya.id]);
      // The testimony is found through the facility it links to.
      expect(results.testimonies.map((h) => h.id), query).toContain(t1.id);
    }
  });

  it('matches Eastern Arabic digits with Western ones, both ways', () => {
    const { engine, branch, t2 } = engineWith();
    expect(engine.search('235').facilities.map((h) => h.id)).toEqual([branch.id]);
    expect(engine.search('الفرع 235').facilities.map((h) => h.id)).toEqual([branch.id]);
    expect(engine.search('٢٠١٢').testimonies.map((h) => h.id)).toEqual([t2.id]);
    expect(engine.search('2012').testimonies.map((h) => h.id)).toEqual([t2.id]);
  });

  it('finds a listed facility by its curated alias names, and shows the alias that matched', () => {
    const raids = facility(['Raids Branch']);
    const engine = new SearchEngine();
    engine.apply({ facilities: [facilityDoc(raids.id, raids)] });
    for (const query of ['Branch 215', 'الفرع ٢١٥', 'فرع المداهمة']) {
      expect(engine.search(query).facilities.map((h) => h.id), query).toEqual([raids.id]);
    }
    const [hit] = engine.search('Branch 215').facilities;
    expect(hit?.title).toBe('Raids Branch');
    expect(hit?.snippet).toBe('Branch 215');
    // A different listed branch is not found by this one's aliases.
    expect(engine.search('Branch 235').facilities).toEqual([]);
  });

  it('ignores invisible characters inside words, in the query and in the text', () => {
    const { engine, sednaya, t2 } = engineWith();
    for (const query of ['Sed\u00ADnaya', 'صيد\u200Dنايا', '\u200Fصيدنايا\u200F']) {
      expect(engine.search(query).facilities.map((h) => h.id), JSON.stringify(query)).toEqual([sednaya.id]);
    }
    const hidden = testimony({ narrative: { language: 'en', text: 'Held at Sed\u00ADnaya for a year.' } });
    engine.apply({ testimonies: [testimonyDoc(hidden.id, hidden)] });
    expect(engine.search('Sednaya').testimonies.map((h) => h.id)).toContain(hidden.id);
    expect(engine.search('2012').testimonies.map((h) => h.id)).toEqual([t2.id]);
  });

  it('finds alleged perpetrators by name across scripts and by rank or unit, with a plain snippet', () => {
    const { engine, person } = engineWith();
    expect(engine.search('Khaled Mansour').perpetrators.map((h) => h.id)).toEqual([person.id]);
    expect(engine.search('أبو علي').perpetrators.map((h) => h.id)).toEqual([person.id]);
    const byUnit = engine.search('military police').perpetrators;
    expect(byUnit.map((h) => h.id)).toEqual([person.id]);
    expect(byUnit[0]?.snippet).toBe('Military Police');
  });

  it('requires every word, and gives snippets around the match without markup', () => {
    const { engine, t2 } = engineWith();
    const hits = engine.search('زنزانة منفردة').testimonies;
    expect(hits.map((h) => h.id)).toEqual([t2.id]);
    expect(hits[0]?.snippet).toContain('زنزانة');
    expect(hits[0]?.snippet).not.toMatch(/[<>]/);
    expect(engine.search('زنزانة Saydnaya').testimonies).toEqual([]);
    expect(engine.search('   ').testimonies).toEqual([]);
  });

  it('updates incrementally: renames re-index linked testimonies, removals drop them', () => {
    const { engine, sednaya, t1 } = engineWith();
    engine.apply({ facilities: [{ ...facilityDoc(sednaya.id, sednaya), names: ['Tadmur'] }] });
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    expect(engine.search('Palmyra').testimonies.map((h) => h.id)).toEqual([t1.id]);
    engine.apply({ removed: { testimonies: [t1.id] } });
    expect(engine.search('red building').testimonies).toEqual([]);
    expect(engine.size.testimonies).toBe(1);
  });
});

describe('index tokenizer', () => {
  it('gives the same search keys as shared/names tokenizeForSearch, each word once', () => {
    const samples = [
      'اعتُقلتُ في الفرع235 ثم نُقلتُ إلى سـجـن صيدنايا (Sednaya) عام ٢٠١٢.',
      "Tareq al-Sabbagh, ash-Sha'ar; Lt.Col. ʿAli — Abu Ali / أبو علي",
      'Branch 215 — ٢١٥ — ۲۱۵ and the Red-Building, dormitory 3',
    ];
    for (const text of samples) {
      const viaShared = new Set(tokenizeForSearch(text).flatMap((word) => searchTermKeys(word) ?? []));
      const viaIndex = new Set(indexWords(text).flatMap((word) => searchTermKeys(word) ?? []));
      expect([...viaIndex].sort(), text).toEqual([...viaShared].sort());
    }
    expect(indexWords('Sednaya sednaya Sednaya')).toEqual(['Sednaya', 'sednaya']);
  });
});
