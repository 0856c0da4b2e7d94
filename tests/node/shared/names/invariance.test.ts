import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicToLatinKey, consonantSkeleton } from '../../../../shared/names/fold';
import { SUGGESTION_THRESHOLD } from '../../../../shared/names/match-result';
import { nameSimilarity } from '../../../../shared/names/similarity';

const MARKS = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'];
const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ'];
/** Arabic text as [letter, marks] pairs: `bare` drops the marks, `vocalised` keeps them. */
const arabicText = fc
  .array(fc.tuple(fc.constantFrom(...LETTERS, ' ', 'ـ'), fc.subarray(MARKS, { maxLength: 2 })), { minLength: 1, maxLength: 12 })
  .map((pairs) => ({ bare: pairs.map(([l]) => l).join(''), vocalised: pairs.map(([l, m]) => l + m.join('')).join('') }));

const eastern = (n: number) => [...String(n)].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');

describe('keys and scores do not depend on vocalisation or Unicode form', () => {
  it('consonant skeleton and Latin key (property)', () => {
    fc.assert(
      fc.property(arabicText, ({ bare, vocalised }) => {
        for (const form of ['NFC', 'NFD'] as const) {
          expect(consonantSkeleton(vocalised.normalize(form))).toBe(consonantSkeleton(bare));
          expect(arabicToLatinKey(vocalised.normalize(form))).toBe(arabicToLatinKey(bare));
        }
      }),
    );
  });

  it('name similarity, for persons and facilities (property)', () => {
    fc.assert(
      fc.property(arabicText, fc.constantFrom('نزار حداد', 'أبو علي', 'Nizar Haddad', 'سجن صيدنايا'), (text, other) => {
        for (const domain of ['person', 'facility'] as const) {
          expect(nameSimilarity(text.vocalised.normalize('NFD'), other, domain)).toEqual(nameSimilarity(text.bare, other, domain));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('numbers in facility names', () => {
  it('match across digit sets and only when equal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        expect(nameSimilarity(`Branch ${a}`, `الفرع ${eastern(a)}`, 'facility').score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
        if (a !== b) expect(nameSimilarity(`Branch ${a}`, `Branch ${b}`, 'facility').score).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
