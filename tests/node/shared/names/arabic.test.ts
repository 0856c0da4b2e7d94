import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasArabic, normaliseArabic, westernDigits } from '../../../../shared/names/arabic';

/** Harakat, shadda, sukun, tanween, superscript alef: what vocalised text adds to bare letters. */
const MARKS = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'];
const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ'];

describe('normaliseArabic', () => {
  it.each([
    ['نِزار حدّاد', 'نزار حداد', 'harakat and shadda'],
    ['مُحَمَّدٌ', 'محمد', 'tanween and sukun'],
    ['رحمٰن', 'رحمن', 'superscript alef'],
    ['أبـو عـلي', 'ابو علي', 'tatweel'],
    ['أحمد إبراهيم آمنة ٱلله', 'احمد ابراهيم امنة الله'.replace('ة', 'ه'), 'alef forms'],
    ['مصطفى', 'مصطفي', 'alef maqsura'],
    ['حمزة', 'حمزه', 'ta marbuta'],
    ['مؤيد لؤي', 'مويد لوي', 'hamza on waw'],
    ['وائل', 'وايل', 'hamza on ya'],
    ['الفرع ٢٣٥ ۲۱۵', 'الفرع 235 215', 'Eastern and Persian digits'],
    ['ﻻ ﷲ', 'لا الله', 'presentation forms and ligatures'],
    ['یوسف کریم', 'يوسف كريم', 'Persian ya and kaf'],
    ['نزار\u200C\u200Fحداد', 'نزارحداد', 'zero-width and bidi marks'],
  ])('%s → %s (%s)', (input, expected) => {
    expect(normaliseArabic(input)).toBe(expected);
  });

  it('leaves Latin text readable (recomposed)', () => {
    expect(normaliseArabic('Ṣaydnāyā Branch 235')).toBe('Ṣaydnāyā Branch 235');
  });

  it('is idempotent (property)', () => {
    const text = fc.array(fc.constantFrom(...LETTERS, ...MARKS, ' ', 'ـ', '٣', 'a', 'é'), { maxLength: 20 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(normaliseArabic(normaliseArabic(t))).toBe(normaliseArabic(t));
      }),
    );
  });

  it('ignores any vocalisation added to bare letters, in NFC or NFD (property)', () => {
    const word = fc.array(fc.tuple(fc.constantFrom(...LETTERS), fc.subarray(MARKS, { maxLength: 2 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(word, (pairs) => {
        const bare = pairs.map(([letter]) => letter).join('');
        const vocalised = pairs.map(([letter, marks]) => letter + marks.join('')).join('');
        expect(normaliseArabic(vocalised.normalize('NFD'))).toBe(normaliseArabic(bare));
        expect(normaliseArabic(vocalised.normalize('NFC'))).toBe(normaliseArabic(bare));
      }),
    );
  });

  it('makes Eastern, Persian and Western digits equal (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        const western = String(n);
        const eastern = [...western].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
        const persian = [...western].map((d) => String.fromCharCode(0x06f0 + Number(d))).join('');
        expect(westernDigits(eastern)).toBe(western);
        expect(normaliseArabic(persian)).toBe(western);
      }),
    );
  });

  it('detects Arabic script', () => {
    expect(hasArabic('Branch 235')).toBe(false);
    expect(hasArabic('فرع 235')).toBe(true);
  });
});
