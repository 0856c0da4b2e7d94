import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { normaliseForFilter, searchKeys, searchTermKeys, tokenizeForSearch } from '../../../../shared/names/search-keys';

const shareAKey = (a: string, b: string) => searchKeys(a).some((key) => searchKeys(b).includes(key));

describe('search keys', () => {
  it('let every spelling of a facility find the others', () => {
    const spellings = ['صيدنايا', 'Saydnaya', 'Sednaya', 'Sidnaya', 'Saidnaya', 'صَيْدْنايَا', 'SEDNAYA'];
    for (const a of spellings) for (const b of spellings) expect(shareAKey(a, b), `${a} / ${b}`).toBe(true);
  });

  it('make digits, generic words and exonyms meet across languages', () => {
    expect(searchKeys('الفرع ٢٣٥')).toEqual(expect.arrayContaining(['235', '#branch']));
    expect(searchKeys('Branch 235')).toEqual(expect.arrayContaining(['235', '#branch']));
    expect(searchKeys('سجن')).toContain('#prison');
    expect(searchKeys('Palmyra')).toContain('=tadmur');
    expect(searchKeys('تدمر')).toContain('=tadmur');
  });

  it('find names inside Arabic words carrying a preposition and the article', () => {
    expect(shareAKey('والحداد', 'Haddad')).toBe(true);
    expect(shareAKey('بالمزة', 'Mezzeh')).toBe(true);
    expect(shareAKey('عبدالرحمن', 'Abdul Rahman')).toBe(true);
  });

  it('drop articles standing alone and keep apostrophes inside words', () => {
    expect(searchTermKeys('al')).toBeNull();
    expect(searchTermKeys('ال')).toBeNull();
    expect(tokenizeForSearch("Fadi Sha'ar al-Haddad")).toEqual(['Fadi', "Sha'ar", 'al', 'Haddad']);
  });

  it('do not depend on vocalisation or normalisation form (property)', () => {
    const marks = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652'];
    const word = fc.array(fc.tuple(fc.constantFrom(...'بتحدرسصعفقلمنهوي'), fc.subarray(marks, { maxLength: 2 })), { minLength: 2, maxLength: 7 });
    fc.assert(
      fc.property(word, (pairs) => {
        const bare = pairs.map(([letter]) => letter).join('');
        const vocalised = pairs.map(([letter, m]) => letter + m.join('')).join('');
        expect(searchKeys(vocalised.normalize('NFD'))).toEqual(searchKeys(bare));
      }),
    );
  });

  it('offer a plain filter form: Arabic normalised, Latin without case or accents', () => {
    expect(normaliseForFilter('Ṣaydnāyā — سجن صَيْدْنايا')).toBe('saydnaya — سجن صيدنايا');
    expect(normaliseForFilter('الفرع ٢٣٥').includes('235')).toBe(true);
  });

  it('drive minisearch so that any spelling finds the record', () => {
    const index = new MiniSearch<{ id: string; name: string }>({
      fields: ['name'],
      tokenize: tokenizeForSearch,
      processTerm: (term) => searchTermKeys(term),
      searchOptions: { prefix: (term) => !/^[~#=]/.test(term) },
    });
    index.addAll([
      { id: 'sednaya', name: 'سجن صيدنايا العسكري' },
      { id: 'mezzeh', name: 'Mezzeh Military Airport' },
      { id: 'tadmur', name: 'سجن تدمر' },
      { id: 'branch235', name: 'الفرع ٢٣٥' },
    ]);
    const top = (query: string) => index.search(query)[0]?.id;
    expect(top('Saydnaya prison')).toBe('sednaya');
    expect(top('المزّة')).toBe('mezzeh');
    expect(top('Palmyra')).toBe('tadmur');
    expect(top('235')).toBe('branch235');
  });
});
