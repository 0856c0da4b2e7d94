import { describe, expect, it } from 'vitest';
import { LinkIntegrityError, RecordInUseError } from '../../../../renderer/src/features/records/errors';
import { checkFacilityLinks, checkPerpetratorLinks, checkTestimonyLinks, facilityUsage, refuseIfUsed } from '../../../../renderer/src/features/records/link-integrity';
import { allegation, caseData, episode, facility, perpetrator, testimony, testId } from './case-fixtures';

function issues(run: () => void) {
  try {
    run();
  } catch (error) {
    if (error instanceof LinkIntegrityError) return error.issues;
    throw error;
  }
  return [];
}

describe('link integrity', () => {
  it('reports each link to a missing record at its field', () => {
    const known = facility(['Sednaya']);
    const data = caseData({ facilities: [known] });
    const ghostFacility = testId();
    const ghostPerson = testId();
    const body = testimony({ detentionEpisodes: [episode(known.id), episode(ghostFacility)], allegations: [allegation(ghostPerson, { facilityId: ghostFacility })], witnessId: testId() });
    expect(issues(() => checkTestimonyLinks(data, body))).toEqual([
      { path: ['detentionEpisodes', 1, 'facilityId'], problem: 'missing-facility', targetId: ghostFacility },
      { path: ['allegations', 0, 'perpetratorId'], problem: 'missing-perpetrator', targetId: ghostPerson },
      { path: ['allegations', 0, 'facilityId'], problem: 'missing-facility', targetId: ghostFacility },
      { path: ['witnessId'], problem: 'missing-witness', targetId: body.witnessId },
    ]);
    expect(issues(() => checkPerpetratorLinks(data, perpetrator(['x'], { positions: [{ role: 'guard', facilityId: ghostFacility, source: { note: 'n' } }] })))).toHaveLength(1);
  });

  it('refuses a parent loop and a missing parent', () => {
    const prison = facility(['Sednaya']);
    const building = facility(['Red building'], { type: 'building', parentId: prison.id });
    const data = caseData({ facilities: [prison, building] });
    expect(issues(() => checkFacilityLinks(data, { ...prison, parentId: building.id }))).toEqual([{ path: ['parentId'], problem: 'parent-cycle', targetId: building.id }]);
    expect(issues(() => checkFacilityLinks(data, { ...prison, parentId: testId() }))[0]?.problem).toBe('missing-facility');
    expect(issues(() => checkFacilityLinks(data, building))).toEqual([]);
  });

  it('lists what still links to a facility and refuses deleting it', () => {
    const prison = facility(['Sednaya']);
    const building = facility(['Red building'], { type: 'building', parentId: prison.id });
    const holder = perpetrator(['Majed Omran'], { positions: [{ role: 'director', facilityId: prison.id, source: { note: 'n' } }] });
    const t = testimony({ detentionEpisodes: [episode(prison.id)] });
    const data = caseData({ facilities: [prison, building], perpetrators: [holder], testimonies: [t] });
    const usage = facilityUsage(data, prison.id);
    expect(usage).toEqual({ testimonyIds: [t.id], facilityIds: [building.id], perpetratorIds: [holder.id] });
    expect(() => refuseIfUsed(usage)).toThrow(RecordInUseError);
    expect(() => refuseIfUsed(facilityUsage(data, building.id))).not.toThrow();
  });
});
