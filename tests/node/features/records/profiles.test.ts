import { describe, expect, it } from 'vitest';
import { facilityProfile, perpetratorProfile } from '../../../../renderer/src/features/records/profiles';
import { allegation, caseData, episode, facility, month, perpetrator, testimony, testId, year } from './case-fixtures';

describe('perpetrator profile', () => {
  it('gathers allegations across testimonies with witnesses, facilities, period, acts, roles and identification', () => {
    const sednaya = facility(['صيدنايا']);
    const branch = facility(['Branch 235']);
    const p = perpetrator(['Khaled Mansour']);
    const other = perpetrator(['Rami Kassem']);
    const [w1, w2] = [testId(), testId()];
    const t1 = testimony({ witnessId: w1, allegations: [allegation(p.id, { facilityId: sednaya.id, date: month(2013, 5), acts: ['beating', 'falaqa'], identificationBasis: ['saw_face'] })] });
    const t2 = testimony({
      witnessId: w2,
      allegations: [
        allegation(p.id, { facilityId: sednaya.id, date: year(2012), acts: ['beating'], role: 'gave_orders', identificationBasis: ['heard_name_called'] }),
        allegation(p.id, { facilityId: branch.id, acts: ['death_threats'], identificationBasis: ['recognised_voice'] }),
        allegation(other.id),
      ],
    });
    const t3 = testimony({ witnessId: w1, allegations: [allegation(p.id, { date: month(2014, 1), identificationBasis: ['told_by_others'] })] });
    const t4 = testimony({ allegations: [allegation(p.id, { identificationBasis: ['knew_name'] })] });
    const data = caseData({
      testimonies: [t1, t2, t3, t4],
      facilities: [sednaya, branch],
      perpetrators: [p, other],
      witnesses: [
        { id: w1, pseudonymCode: 'W-0001' },
        { id: w2, pseudonymCode: 'W-0002' },
      ],
    });
    const profile = perpetratorProfile(data, p.id);
    expect(profile).not.toBeNull();
    if (!profile) return;
    expect(profile.allegations).toHaveLength(5);
    expect(profile.allegations.map((a) => a.allegation.date?.year ?? null)).toEqual([2012, 2013, 2014, null, null]);
    expect(new Set(profile.testimonyIds)).toEqual(new Set([t1.id, t2.id, t3.id, t4.id]));
    expect(profile.distinctWitnesses).toBe(2);
    expect(profile.testimoniesWithoutWitness).toBe(1);
    expect(profile.facilities).toEqual([
      { facilityId: sednaya.id, allegationCount: 2 },
      { facilityId: branch.id, allegationCount: 1 },
    ]);
    expect(profile.period).toEqual({ earliest: year(2012), latest: month(2014, 1) });
    expect(profile.acts).toEqual([{ act: 'beating', count: 4 }, { act: 'falaqa', count: 1 }, { act: 'death_threats', count: 1 }]);
    expect(profile.roles).toEqual(expect.arrayContaining([{ role: 'gave_orders', count: 1 }, { role: 'directly_carried_out', count: 4 }]));
    const byWitness = new Map(profile.identification.map((line) => [line.witnessPseudonym, line]));
    expect(new Set(byWitness.get('W-0001')?.bases)).toEqual(new Set(['saw_face', 'told_by_others']));
    expect(new Set(byWitness.get('W-0002')?.bases)).toEqual(new Set(['heard_name_called', 'recognised_voice']));
    expect(byWitness.get(null)?.testimonyIds).toEqual([t4.id]);
    expect(perpetratorProfile(data, testId())).toBeNull();
  });

  it('reads 500 allegations from the index', () => {
    const p = perpetrator(['Abu Ali']);
    const place = facility(['Sednaya']);
    const testimonies = Array.from({ length: 100 }, (_, i) =>
      testimony({ witnessId: testId(), allegations: Array.from({ length: 5 }, (_, j) => allegation(p.id, { facilityId: place.id, date: year(2011 + ((i + j) % 10)) })) }),
    );
    const data = caseData({ testimonies, facilities: [place], perpetrators: [p], witnesses: testimonies.map((t) => ({ id: t.witnessId ?? '', pseudonymCode: 'W-1' })) });
    const profile = perpetratorProfile(data, p.id);
    expect(profile?.allegations).toHaveLength(500);
    expect(profile?.distinctWitnesses).toBe(100);
    expect(profile?.period?.earliest.year).toBe(2011);
    expect(profile?.period?.latest.year).toBe(2020);
  });
});

describe('facility profile', () => {
  it('shows the hierarchy, a dated timeline over its parts and the alleged perpetrators linked to it', () => {
    const prison = facility(['سجن صيدنايا'], { type: 'prison' });
    const red = facility(['المبنى الأحمر'], { type: 'building', parentId: prison.id });
    const dorm = facility(['Dormitory 3'], { type: 'dormitory', parentId: red.id });
    const elsewhere = facility(['Branch 215'], { type: 'intelligence_branch' });
    const guard = perpetrator(['Rami Kassem']);
    const director = perpetrator(['Majed Omran'], { positions: [{ role: 'director', facilityId: prison.id, source: { note: 'list' } }] });
    const t1 = testimony({ detentionEpisodes: [episode(dorm.id, { from: year(2014) }), episode(elsewhere.id, { from: year(2012) })] });
    const t2 = testimony({ detentionEpisodes: [episode(prison.id, { from: month(2012, 3) })], allegations: [allegation(guard.id, { facilityId: red.id, date: month(2013, 7) })] });
    const t3 = testimony({ detentionEpisodes: [episode(red.id)] });
    const data = caseData({ testimonies: [t1, t2, t3], facilities: [prison, red, dorm, elsewhere], perpetrators: [guard, director] });

    const profile = facilityProfile(data, prison.id);
    expect(profile?.ancestors).toEqual([]);
    expect(profile?.children.map((c) => c.id)).toEqual([red.id]);
    expect(new Set(profile?.descendantIds)).toEqual(new Set([red.id, dorm.id]));
    expect(profile?.timeline.map((item) => [item.kind, item.sortKey])).toEqual([
      ['episode', 20120300],
      ['allegation', 20130700],
      ['episode', 20140000],
      ['episode', null],
    ]);
    expect(new Set(profile?.testimonyIds)).toEqual(new Set([t1.id, t2.id, t3.id]));
    expect(profile?.perpetrators.map((p) => [p.perpetratorId, p.allegationCount, p.positions.length])).toEqual([
      [guard.id, 1, 0],
      [director.id, 0, 1],
    ]);
    const dormProfile = facilityProfile(data, dorm.id);
    expect(dormProfile?.ancestors.map((a) => a.id)).toEqual([prison.id, red.id]);
    expect(dormProfile?.timeline).toHaveLength(1);
  });
});
