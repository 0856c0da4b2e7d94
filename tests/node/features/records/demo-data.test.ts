import { describe, expect, it } from 'vitest';
import { consentRecordSchema, facilitySchema, perpetratorSchema, testimonySchema, witnessSchema } from '../../../../shared/domain';
import { suggestDuplicates } from '../../../../shared/names';
import { buildDemoData } from '../../../../renderer/src/features/records/demo/demo-data';
import { checkFacilityLinks, checkTestimonyLinks } from '../../../../renderer/src/features/records/link-integrity';
import { caseData } from './case-fixtures';

describe('demo data', () => {
  const data = buildDemoData();

  it('is deterministic and every record passes its schema', () => {
    expect(buildDemoData()).toEqual(data);
    expect(buildDemoData(7)).not.toEqual(data);
    for (const f of data.facilities) expect(facilitySchema.safeParse(f).success).toBe(true);
    for (const p of data.perpetrators) expect(perpetratorSchema.safeParse(p).success).toBe(true);
    for (const w of data.witnesses) expect(witnessSchema.safeParse(w).success).toBe(true);
    for (const c of data.consents) expect(consentRecordSchema.parse(c)).toEqual(c);
    for (const t of data.testimonies) {
      const parsed = testimonySchema.safeParse(t);
      expect(parsed.error?.issues ?? [], t.referenceCode).toEqual([]);
    }
  });

  it('holds a few dozen testimonies in Arabic and English with unique reference codes, all links valid', () => {
    expect(data.testimonies.length).toBeGreaterThanOrEqual(30);
    const languages = new Set(data.testimonies.map((t) => t.narrative.language));
    expect(languages).toEqual(new Set(['ar', 'en']));
    expect(new Set(data.testimonies.map((t) => t.referenceCode)).size).toBe(data.testimonies.length);
    expect(new Set(data.testimonies.map((t) => t.status))).toEqual(new Set(['draft', 'complete', 'reviewed', 'sealed']));
    const cased = caseData({
      ...data,
      testimonies: [...data.testimonies],
      facilities: [...data.facilities],
      perpetrators: [...data.perpetrators],
      consents: [...data.consents],
      witnesses: data.witnesses.map((w) => ({ id: w.id, pseudonymCode: w.pseudonymCode })),
    });
    for (const t of data.testimonies) expect(() => checkTestimonyLinks(cased, t)).not.toThrow();
    for (const f of data.facilities) expect(() => checkFacilityLinks(cased, f)).not.toThrow();
  });

  it('contains a duplicate facility and a duplicate person for the merge screens', () => {
    const facilities = suggestDuplicates(data.facilities.map((f) => ({ id: f.id, names: f.names.map((n) => n.text) })), 'facility');
    const sednaya = data.facilities.find((f) => f.names.some((n) => n.text === 'صيدنايا'));
    const duplicate = data.facilities.find((f) => f.names.some((n) => n.text === 'Saidnaya prison'));
    expect(facilities.some((s) => new Set([s.a, s.b]).has(sednaya?.id ?? '') && new Set([s.a, s.b]).has(duplicate?.id ?? ''))).toBe(true);
    const people = suggestDuplicates(data.perpetrators.map((p) => ({ id: p.id, names: p.names.map((n) => n.text) })), 'person');
    expect(people.length).toBeGreaterThanOrEqual(1);
  });
});
