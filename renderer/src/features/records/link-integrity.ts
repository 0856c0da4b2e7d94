/**
 * Link integrity: a save may only link to records that exist, and a record still linked to
 * may not be deleted. Pure checks over the case file in memory; the case store runs them on
 * every save and delete while holding its write queue, so no other command of this session
 * can delete a target between the check and the write (the vault allows one session at a time).
 */
import type { AllegedPerpetrator, Facility, Testimony } from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';
import type { CaseData } from './case-data';
import { LinkIntegrityError, RecordInUseError, type LinkIssue, type RecordUsage } from './errors';

function fail(issues: LinkIssue[]): void {
  if (issues.length > 0) throw new LinkIntegrityError(issues);
}

/** Refuses a testimony linking to a facility, alleged perpetrator, witness or consent that does not exist. */
export function checkTestimonyLinks(data: CaseData, body: Pick<Testimony, 'detentionEpisodes' | 'allegations' | 'witnessId' | 'consentId'>): void {
  const issues: LinkIssue[] = [];
  body.detentionEpisodes.forEach((episode, index) => {
    if (!data.facilities.has(episode.facilityId)) issues.push({ path: ['detentionEpisodes', index, 'facilityId'], problem: 'missing-facility', targetId: episode.facilityId });
  });
  body.allegations.forEach((allegation, index) => {
    const { perpetratorId, facilityId } = allegation;
    if (perpetratorId !== undefined && !data.perpetrators.has(perpetratorId)) {
      issues.push({ path: ['allegations', index, 'perpetratorId'], problem: 'missing-perpetrator', targetId: perpetratorId });
    }
    if (facilityId !== undefined && !data.facilities.has(facilityId)) {
      issues.push({ path: ['allegations', index, 'facilityId'], problem: 'missing-facility', targetId: facilityId });
    }
  });
  if (body.witnessId !== undefined && !data.witnesses.has(body.witnessId)) issues.push({ path: ['witnessId'], problem: 'missing-witness', targetId: body.witnessId });
  if (body.consentId !== undefined && !data.consents.has(body.consentId)) issues.push({ path: ['consentId'], problem: 'missing-consent', targetId: body.consentId });
  fail(issues);
}

/** Refuses a missing parent, and a parent chain that would come back to this facility. */
export function checkFacilityLinks(data: CaseData, body: Facility): void {
  const { parentId } = body;
  if (parentId === undefined) return;
  if (!data.facilities.has(parentId)) return fail([{ path: ['parentId'], problem: 'missing-facility', targetId: parentId }]);
  const seen = new Set<Id>();
  for (let current: Id | undefined = parentId; current !== undefined; current = data.facilities.get(current)?.body.parentId) {
    if (current === body.id) return fail([{ path: ['parentId'], problem: 'parent-cycle', targetId: parentId }]);
    if (seen.has(current)) break; // an older loop elsewhere; not ours to report here
    seen.add(current);
  }
}

/** Refuses a position at a facility that does not exist. */
export function checkPerpetratorLinks(data: CaseData, body: AllegedPerpetrator): void {
  const issues: LinkIssue[] = [];
  body.positions.forEach((position, index) => {
    if (position.facilityId !== undefined && !data.facilities.has(position.facilityId)) {
      issues.push({ path: ['positions', index, 'facilityId'], problem: 'missing-facility', targetId: position.facilityId });
    }
  });
  fail(issues);
}

const sorted = (ids: Iterable<Id>) => [...new Set(ids)].sort();

/** Every record linking to facility `id`. */
export function facilityUsage(data: CaseData, id: Id): RecordUsage {
  return {
    testimonyIds: sorted(data.indexes.testimoniesByFacility.get(id) ?? []),
    facilityIds: sorted(data.indexes.childrenByFacility.get(id) ?? []),
    perpetratorIds: sorted((data.indexes.positionsByFacility.get(id) ?? []).map((p) => p.perpetratorId)),
  };
}

/** Every record linking to alleged perpetrator `id`. */
export function perpetratorUsage(data: CaseData, id: Id): RecordUsage {
  return { testimonyIds: sorted(data.indexes.testimoniesByPerpetrator.get(id) ?? []), facilityIds: [], perpetratorIds: [] };
}

/** Testimonies linking to witness `id` (and consent records naming the witness). */
export function witnessUsage(data: CaseData, id: Id): RecordUsage {
  return { testimonyIds: sorted(data.indexes.testimoniesByWitness.get(id) ?? []), facilityIds: [], perpetratorIds: [] };
}

/** Testimonies linking to consent record `id`. */
export function consentUsage(data: CaseData, id: Id): RecordUsage {
  return { testimonyIds: sorted(data.indexes.testimoniesByConsent.get(id) ?? []), facilityIds: [], perpetratorIds: [] };
}

/** Throws RecordInUseError if `usage` names any record. */
export function refuseIfUsed(usage: RecordUsage): void {
  if (usage.testimonyIds.length + usage.facilityIds.length + usage.perpetratorIds.length > 0) throw new RecordInUseError(usage);
}
