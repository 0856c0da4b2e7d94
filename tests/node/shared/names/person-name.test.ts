import { describe, expect, it } from 'vitest';
import { parsePersonName } from '../../../../shared/names/person-name';

/** The words of a parsed name as their first reading, and the kunya as "abu:<reading>". */
function shape(text: string) {
  const name = parsePersonName(text);
  return {
    words: name.words.map((w) => w.readings[0]),
    kunya: name.kunya ? `${name.kunya.head}:${name.kunya.name.readings[0]}` : null,
  };
}

describe('parsePersonName', () => {
  it('removes leading ranks, roles and honorifics in both scripts', () => {
    for (const text of ['Col. Nizar Haddad', 'Lt. Col. Nizar Haddad', 'Colonel Nizar Haddad', 'Brigadier General Nizar Haddad', 'Dr. Nizar Haddad']) {
      expect(shape(text).words, text).toEqual(shape('Nizar Haddad').words);
    }
    for (const text of ['العقيد نزار حداد', 'المقدم نزار حداد', 'الملازم أول نزار حداد', 'العميد الركن نزار حداد', 'المحقق نزار حداد']) {
      expect(shape(text).words, text).toEqual(shape('نزار حداد').words);
    }
  });

  it('keeps given names that are also ranks unless written as a rank', () => {
    expect(shape('رائد حداد').words).toHaveLength(2);
    expect(shape('الرائد حداد').words).toHaveLength(1);
    expect(shape('عماد حداد').words).toHaveLength(2);
  });

  it('never removes every word: a title alone is a nickname', () => {
    expect(shape('The Colonel').words).toHaveLength(1);
    expect(shape('الدكتور').words).toHaveLength(1);
  });

  it('removes articles written as words, hyphenated or glued', () => {
    const plain = shape('Fadi Shaar').words;
    for (const text of ['Fadi al-Shaar', 'Fady Al Shaar', 'Fadi ash-Shaar', 'Fadi El Shaar']) expect(shape(text).words, text).toEqual(plain);
    expect(shape('فادي الشعار').words).toEqual(shape('فادي شعار').words);
  });

  it('reads "Abu X" / "أبو X" / "Umm X" as a kunya in every spelling', () => {
    for (const text of ['Abu Ali', 'Abou Ali', "Abu 'Ali", 'Abo Ali', 'Abū ʿAlī']) expect(shape(text), text).toMatchObject({ words: [], kunya: expect.stringMatching(/^abu:/) });
    for (const text of ['أبو علي', 'ابو علي', 'أبـو عـلي', 'ابوعلي']) expect(shape(text), text).toEqual({ words: [], kunya: 'abu:ʕlī' });
    expect(shape('Umm Khaled').kunya).toMatch(/^umm:/);
    expect(shape('أم خالد').kunya).toMatch(/^umm:/);
    expect(shape('Nizar Haddad Abu Ali')).toMatchObject({ words: [expect.any(String), expect.any(String)], kunya: expect.stringMatching(/^abu:/) });
  });

  it('keeps "Abu" as a word when nothing follows it', () => {
    expect(shape('Abu')).toEqual({ words: ['abu'], kunya: null });
  });

  it('reads Abd compounds as one word however they are split', () => {
    const compounds = ['Abdulrahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abd ar-Rahman', 'Abdurrahman'].map((t) => shape(t).words);
    for (const words of compounds) expect(words).toHaveLength(1);
    expect(shape('عبد الرحمن').words).toEqual(shape('عبدالرحمن').words);
    expect(shape('Abdullah').words).toEqual(shape('Abd Allah').words);
    expect(shape('Abdo Haddad').words).toHaveLength(2);
  });

  it('drops "son of" particles and digits', () => {
    expect(shape('Nizar bin Ahmad Haddad').words).toHaveLength(3);
    expect(shape('نزار بن أحمد حداد').words).toHaveLength(3);
    expect(shape('Nizar Haddad 2').words).toHaveLength(2);
  });
});
