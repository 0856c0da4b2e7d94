import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicToLatinKey, consonantSkeleton, foldLatin } from '../../../../shared/names/fold';
import { prefoldLatin } from '../../../../shared/names/latin';

describe('prefoldLatin', () => {
  it('keeps sounds that diacritics carry and drops ayn/hamza marks', () => {
    expect(prefoldLatin('Ṣaydnāyā')).toBe('saydnaayaa');
    expect(prefoldLatin("Abū ʿAlī Sha'ar")).toBe('abuu alii shaar');
    expect(prefoldLatin('Şahin Šaar Ǧamal')).toBe('shahin shaar jamal');
  });
});

describe('foldLatin', () => {
  it.each([
    ['Walid al-Qassab', 'walid kasab'],
    ['Waleed Kassab', 'walid kasab'],
    ['Fady Al Shaar', 'fadi shaar'],
    ["Fadi Sha'ar", 'fadi shaar'],
    ['Fadi ash-Shaar', 'fadi shaar'],
    ['NIZAR EL-HADDAD', 'nizar hadad'],
    ['Youssef', 'yusef'],
    ['Mahmoud / Mahmood', 'mahmud mahmud'],
    ['Hussein Husayn', 'husayn husayn'],
    ['Dhafer Zafer', 'zafer zafer'],
    ['Valid', 'walid'],
    ['Chaar', 'shaar'],
    ["Far' ٢٣٥", 'far 235'],
  ])('%s → %s', (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });

  it('normalises Arabic words it meets instead of changing their letters', () => {
    expect(foldLatin('Nizar نِزار')).toBe('nizar نزار');
  });

  it('is idempotent on Latin text (property)', () => {
    const word = fc.stringMatching(/^[a-zA-Z' -]{0,20}$/);
    fc.assert(
      fc.property(word, (w) => {
        expect(foldLatin(foldLatin(w))).toBe(foldLatin(w));
      }),
    );
  });

  it('ignores case, accents and NFC/NFD (property)', () => {
    const word = fc.stringMatching(/^[a-zâêîôûéèàāīūç]{1,12}$/);
    fc.assert(
      fc.property(word, (w) => {
        expect(foldLatin(w.toUpperCase())).toBe(foldLatin(w));
        expect(foldLatin(w.normalize('NFD'))).toBe(foldLatin(w.normalize('NFC')));
      }),
    );
  });
});

describe('arabicToLatinKey and consonantSkeleton', () => {
  it('write Arabic in the Latin key alphabet', () => {
    expect(arabicToLatinKey('وليد القصاب')).toBe('wlid ksab');
    expect(arabicToLatinKey('صيدنايا')).toBe('sidnaya');
    expect(arabicToLatinKey('الفرع ٢٣٥')).toBe('fr 235');
  });

  it('give one skeleton for a name in every script and spelling', () => {
    for (const group of [
      ['Nizar Haddad', 'Nazar Hadad', 'نزار حداد', 'نِزار حدّاد', 'Nizar al-Haddad'],
      ['Walid Qassab', 'Waleed Kassab', 'وليد القصاب'],
      ['Sednaya', 'Saydnaya', 'Saidnaya', 'Sidnaya', 'صيدنايا'],
      ['Mezzeh', 'Mazzeh', 'المزة', 'المزّة'],
    ]) {
      const skeletons = new Set(group.map(consonantSkeleton));
      expect(skeletons.size, group.join(' / ')).toBe(1);
    }
  });

  it('keep different consonants apart', () => {
    expect(consonantSkeleton('Walid')).not.toBe(consonantSkeleton('Khalid'));
    expect(consonantSkeleton('حداد')).not.toBe(consonantSkeleton('حمدان'));
  });
});
