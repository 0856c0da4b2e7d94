import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { facilityDoc, perpetratorDoc, testimonyDoc, type TestimonyDoc } from '../../../../renderer/src/features/records/search/search-docs';
import { searchTermKeys, tokenizeForSearch } from '../../../../shared/names';
import { indexWords, SearchEngine, TESTIMONY_INDEX_OPTIONS } from '../../../../renderer/src/features/records/search/search-engine';
import { allegation, episode, facility, perpetrator, testId, testimony } from './case-fixtures';

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

  it('updates incrementally: renames reach linked testimonies, removals drop them', () => {
    const { engine, sednaya, t1 } = engineWith();
    engine.apply({ facilities: [{ ...facilityDoc(sednaya.id, sednaya), names: ['Tadmur'] }] });
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    expect(engine.search('Palmyra').testimonies.map((h) => h.id)).toEqual([t1.id]);
    engine.apply({ removed: { testimonies: [t1.id] } });
    expect(engine.search('red building').testimonies).toEqual([]);
    expect(engine.size.testimonies).toBe(1);
  });
});

describe('linked names (indexed once, expanded at query time)', () => {
  const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id);

  it('finds a testimony by the names of what it links to, alone or with its own words, and shows the name that matched', () => {
    const { engine, t1, t2 } = engineWith();
    for (const query of ['Sednaya Military Prison', 'صيدنايا', 'Khaled Mansour', 'خالد منصور', 'Abu Ali', 'أبو علي', 'red building Saydnaya', 'Abu Ali red']) {
      expect(ids(engine.search(query).testimonies), query).toEqual([t1.id]);
    }
    // Every word must still match: one word of the narrative and a name linked elsewhere is nothing.
    expect(engine.search('زنزانة Khaled').testimonies).toEqual([]);
    expect(ids(engine.search('زنزانة').testimonies)).toEqual([t2.id]);
    // Ranks, units and authorities are words of the entity, not names the testimony is found by.
    expect(engine.search('Colonel').testimonies).toEqual([]);
    expect(engine.search('Colonel').perpetrators).toHaveLength(1);
    // Matched on the name only: the snippet is the name.
    const [hit] = engine.search('Khaled Mansour').testimonies;
    expect(hit?.snippet).toBe('صيدنايا Sednaya Military Prison خالد منصور Abu Ali');
    expect(engine.search('prison').testimonies[0]?.snippet).toContain('Sednaya Military Prison');
  });

  it('finds a name being typed (prefix) and matches its transliterations and kunya', () => {
    const { engine, t1 } = engineWith();
    for (const query of ['Sedn', 'Saydnaya', 'sidnaya', 'Khalid Mansur', 'Mansou']) {
      expect(ids(engine.search(query).testimonies), query).toEqual([t1.id]);
    }
  });

  it('scores own-text matches exactly as one minisearch AND query over the same fields did', () => {
    const texts = [
      'They took us to the red building at night. The red door stayed shut.',
      'اعتُقلتُ في عام ٢٠١٢ في الفرع ٢٣٥ ثم نُقلت إلى مبنى أحمر',
      'A long account of the building, the courtyard, the red paint and the cold nights in 2012.',
      'Night transfers between branches; no building had windows.',
    ];
    const docs = texts.map((text, at) => testimonyDoc(testId(), testimony({ summary: at === 3 ? 'red night' : '', narrative: { language: /\p{Script=Arabic}/u.test(text) ? 'ar' : 'en', text } }), 1));
    const engine = new SearchEngine();
    engine.apply({ testimonies: docs });
    const plain = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
    plain.addAll(docs);
    for (const query of ['red building', 'night', 'red bui', '2012', 'مبنى أحمر', 'building red night']) {
      const words = query.split(' ');
      // The last word as a prefix, surface keys of three characters or more only (as search-engine.ts).
      const asPrefix = (term: string) => !/^[~#=]/.test(term) && (term.length >= 3 || /^\d{2,}$/.test(term));
      const tree = { combineWith: 'AND' as const, queries: words.map((word, i) => ({ combineWith: 'OR' as const, prefix: i === words.length - 1 ? asPrefix : false, queries: [word] })) };
      const expected = plain.search(tree);
      const hits = engine.search(query).testimonies;
      expect(ids(hits), query).toEqual(expected.map((r) => r.id));
      hits.forEach((hit, at) => expect(hit.score, query).toBeCloseTo(expected[at]?.score ?? NaN, 9));
    }
  });

  it('scores as one minisearch AND query over an index with replaced and discarded testimonies not yet vacuumed', () => {
    const texts = ['red building 2012', 'the red door of the building', 'building of the branch, red paint', 'بناء أحمر ٢٠١٢', 'red red building at night', 'night transfers 2012'];
    const docs = texts.map((text) => testimonyDoc(testId(), testimony({ narrative: { language: /\p{Script=Arabic}/u.test(text) ? 'ar' : 'en', text } }), 1));
    const engine = new SearchEngine();
    const plain = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
    engine.apply({ testimonies: docs });
    plain.addAll(docs);
    // A new version of two (discard + add: their old postings stay until vacuumed) and one deleted.
    const [first, second, third] = docs as [TestimonyDoc, TestimonyDoc, TestimonyDoc];
    const replaced = [{ ...first, narrative: 'red building in 2013', version: 2 }, { ...second, narrative: 'a door', version: 2 }];
    engine.apply({ testimonies: replaced, removed: { testimonies: [third.id] } });
    for (const doc of replaced) plain.discard(doc.id);
    plain.discard(third.id);
    plain.addAll(replaced);
    for (const query of ['red', 'bui', 'red building', '2012', 'أحمر', 'building red']) {
      const words = query.split(' ');
      const asPrefix = (term: string) => !/^[~#=]/.test(term) && (term.length >= 3 || /^\d{2,}$/.test(term));
      const tree = { combineWith: 'AND' as const, queries: words.map((word, i) => ({ combineWith: 'OR' as const, prefix: i === words.length - 1 ? asPrefix : false, queries: [word] })) };
      const expected = plain.search(tree);
      const hits = engine.search(query).testimonies;
      expect(expected.length, query).toBeGreaterThan(0);
      expect(ids(hits), query).toEqual(expected.map((r) => r.id));
      hits.forEach((hit, at) => expect(hit.score, query).toBeCloseTo(expected[at]?.score ?? NaN, 9));
    }
  });

  it('counts the query keys matched past 32 of them (a long query) as minisearch does', () => {
    const words = 'prisoners were moved between branches at night and held in crowded dormitories without light or water until the guards came back each morning'.split(' ');
    const texts = [words.join(' '), words.slice(0, 12).join(' '), `${words.join(' ')} ${words.join(' ')} again`];
    const docs = texts.map((text) => testimonyDoc(testId(), testimony({ narrative: { language: 'en', text } }), 1));
    const engine = new SearchEngine();
    engine.apply({ testimonies: docs });
    const plain = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
    plain.addAll(docs);
    const query = words.slice(0, 22);
    expect(new Set(query.flatMap((word) => searchTermKeys(word) ?? [])).size).toBeGreaterThan(32);
    // Words that are only an article are left out, as the engine does.
    const kept = query.filter((word) => searchTermKeys(word) !== null);
    const tree = { combineWith: 'AND' as const, queries: kept.map((word) => ({ combineWith: 'OR' as const, prefix: false, queries: [word] })) };
    const expected = plain.search(tree);
    const hits = engine.search(query.join(' '), 5).testimonies;
    expect(expected.length).toBe(2);
    expect(ids(hits)).toEqual(expected.map((r) => r.id));
    hits.forEach((hit, at) => expect(hit.score).toBeCloseTo(expected[at]?.score ?? NaN, 9));
  });

  it('keeps the best hits when more match than the limit, equal scores in indexing order', () => {
    // Twelve testimonies saying the same words score the same; two say them in their summary too.
    const same = Array.from({ length: 12 }, () => testimony({ narrative: { language: 'en', text: 'moved between branches at night' } }));
    const better = [0, 1].map(() => testimony({ summary: 'night transfer', narrative: { language: 'en', text: 'moved between branches at night' } }));
    const engine = new SearchEngine();
    engine.apply({ testimonies: [...same, ...better].map((t) => testimonyDoc(t.id, t, 1)) });
    const hits = engine.search('night', 5).testimonies;
    expect(ids(hits)).toEqual([...better.map((t) => t.id), ...same.slice(0, 3).map((t) => t.id)]);
    expect(hits[0]?.score).toBe(hits[1]?.score);
    expect(hits[1]?.score).toBeGreaterThan(hits[2]?.score ?? Infinity);
    expect(engine.search('night', 50).testimonies).toHaveLength(14);
  });

  it('ranks a testimony that links the named facility and says its name above one that only says it', () => {
    const tadmur = facility(['Tadmur Military Prison']);
    const linked = testimony({ narrative: { language: 'en', text: 'I was moved to Tadmur in the winter, then to another place.' }, detentionEpisodes: [episode(tadmur.id)] });
    const mentions = testimony({ narrative: { language: 'en', text: 'My brother was moved to Tadmur in the winter, then to another place.' } });
    const onlyLinked = testimony({ narrative: { language: 'en', text: 'I do not remember the name of the place.' }, detentionEpisodes: [episode(tadmur.id)] });
    const engine = new SearchEngine();
    engine.apply({ facilities: [facilityDoc(tadmur.id, tadmur)] });
    engine.apply({ testimonies: [testimonyDoc(mentions.id, mentions), testimonyDoc(linked.id, linked), testimonyDoc(onlyLinked.id, onlyLinked)] });
    const hits = engine.search('Tadmur').testimonies;
    expect(ids(hits)[0]).toBe(linked.id);
    expect(ids(hits).sort()).toEqual([linked.id, mentions.id, onlyLinked.id].sort());
    // Scores stay comparable with own-text ones: both rise with more of the query matched.
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
  });

  it('finds the testimony by a facility\'s new name right after a rename, and no longer by the old one', () => {
    const { engine, sednaya, t1 } = engineWith();
    const missing = engine.apply({ facilities: [{ ...facilityDoc(sednaya.id, sednaya), names: ['Tadmur'] }] });
    // Nothing to re-index: the rename changes no testimony's index entry.
    expect(missing).toEqual([]);
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    expect(ids(engine.search('Tadmur').testimonies)).toEqual([t1.id]);
    expect(ids(engine.search('Palmyra').testimonies)).toEqual([t1.id]);
  });

  it('finds the testimony by either name after a merge (survivor gains the names, links re-pointed, merged one removed)', () => {
    const survivor = facility(['Sednaya Military Prison']);
    const merged = facility(['سجن صيدنايا الأحمر', 'Red Building']);
    const t = testimony({ summary: 'Held for two years', detentionEpisodes: [episode(merged.id)] });
    const engine = new SearchEngine();
    engine.apply({ facilities: [facilityDoc(survivor.id, survivor), facilityDoc(merged.id, merged)] });
    engine.apply({ testimonies: [testimonyDoc(t.id, t, 1)] });
    expect(ids(engine.search('Red Building').testimonies)).toEqual([t.id]);
    expect(engine.search('Sednaya Military').testimonies).toEqual([]);
    // The merge, in the order merge.ts writes it.
    engine.apply({ facilities: [{ ...facilityDoc(survivor.id, survivor), names: ['Sednaya Military Prison', 'سجن صيدنايا الأحمر', 'Red Building'] }] });
    engine.apply({ testimonies: [testimonyDoc(t.id, { ...t, detentionEpisodes: [episode(survivor.id)] }, 2)] });
    engine.apply({ removed: { facilities: [merged.id] } });
    for (const query of ['Red Building', 'Sednaya Military', 'صيدنايا']) expect(ids(engine.search(query).testimonies), query).toEqual([t.id]);
  });

  it('stops finding a testimony by a name once it no longer links it, or once the entity or the testimony is deleted', () => {
    const { engine, sednaya, person, t1 } = engineWith();
    // Saved without the facility (the perpetrator still linked).
    engine.apply({ testimonies: [testimonyDoc(t1.id, { ...t1, detentionEpisodes: [] }, 2)] });
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    expect(ids(engine.search('Khaled Mansour').testimonies)).toEqual([t1.id]);
    // An older version arriving late does not bring the link back.
    engine.apply({ testimonies: [testimonyDoc(t1.id, t1, 1)] });
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    // The perpetrator deleted: its names find nothing, neither it nor the testimony.
    engine.apply({ removed: { perpetrators: [person.id] } });
    expect(engine.search('Khaled Mansour').testimonies).toEqual([]);
    expect(engine.search('Khaled Mansour').perpetrators).toEqual([]);
    // Linked again (a new version), then the testimony deleted.
    engine.apply({ testimonies: [testimonyDoc(t1.id, t1, 3)] });
    expect(ids(engine.search('Saydnaya').testimonies)).toEqual([t1.id]);
    engine.apply({ removed: { testimonies: [t1.id] } });
    expect(engine.search('Saydnaya').testimonies).toEqual([]);
    expect(ids(engine.search('Saydnaya').facilities)).toEqual([sednaya.id]);
    // Slots are reused: a new testimony linking the facility is found, the deleted one is not.
    const t3 = testimony({ detentionEpisodes: [episode(sednaya.id)] });
    engine.apply({ testimonies: [testimonyDoc(t3.id, t3, 1)] });
    expect(ids(engine.search('Saydnaya').testimonies)).toEqual([t3.id]);
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
