import { describe, expect, it } from 'vitest';
import { prepareFacilityName } from '../../../../shared/names/facility-match';

describe('facility names', () => {
  it('set generic words aside by role and keep the distinguishing part', () => {
    const name = prepareFacilityName('سجن صيدنايا العسكري');
    expect(name.words).toHaveLength(1);
    expect([...name.types]).toEqual(['prison']);
    expect([...name.qualifiers]).toEqual(['military']);
    const english = prepareFacilityName('Sednaya Military Prison');
    expect([...english.types]).toEqual(['prison']);
    expect(english.words).toHaveLength(1);
  });

  it('keep numbers significant, in any digit set', () => {
    expect(prepareFacilityName('الفرع ٢٣٥').numbers).toEqual(['235']);
    expect(prepareFacilityName('Branch 0235').numbers).toEqual(['235']);
    expect(prepareFacilityName('Branch ۲۱۵').numbers).toEqual(['215']);
    expect(prepareFacilityName('الفرع215').numbers).toEqual(['215']);
  });

  it('recognise parts of facilities', () => {
    expect([...prepareFacilityName('Sednaya prison, wing A').parts]).toEqual(['wing']);
    expect([...prepareFacilityName('زنزانة منفردة').parts]).toEqual(['cell']);
  });

  it('map exonyms to one id and resolve curated aliases', () => {
    expect(prepareFacilityName('Palmyra prison').words[0]?.exonym).toBe('tadmur');
    expect(prepareFacilityName('سجن تدمر').words[0]?.exonym).toBe('tadmur');
    for (const text of ['Palestine Branch', "Far' Falastin", 'فرع فلسطين', 'Branch 235', 'الفرع ٢٣٥', 'فرع فلسطين للمخابرات العسكرية']) {
      expect(prepareFacilityName(text).aliasIds, text).toEqual(['sy-mi-branch-235']);
    }
    expect(prepareFacilityName('al-Khatib Branch').aliasIds).toEqual(['sy-gid-branch-251']);
  });

  it('do not resolve an alias from a name with extra distinguishing words', () => {
    expect(prepareFacilityName('Palestine Street checkpoint').aliasIds).toEqual([]);
    expect(prepareFacilityName('Homs Region Branch').aliasIds).toEqual([]);
  });
});
