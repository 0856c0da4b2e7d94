/**
 * What the search worker indexes: plain documents cut from decrypted records, built on the
 * main thread and posted to the worker. Pure.
 */
import type { AllegedPerpetrator, Facility, Testimony } from '../../../../../shared/domain';
import type { Id } from '../../../vault/vault-client';

/** A testimony's searchable text and the entities it links to (their names are indexed with it). */
export interface TestimonyDoc {
  readonly id: Id;
  readonly referenceCode: string;
  readonly summary: string;
  readonly narrative: string;
  readonly translations: string;
  readonly tags: string;
  readonly facilityIds: readonly Id[];
  readonly perpetratorIds: readonly Id[];
}

/** A facility's or alleged perpetrator's names, plus other words it is known by (ranks, units, authority). */
export interface NamedDoc {
  readonly id: Id;
  readonly names: readonly string[];
  readonly extra: readonly string[];
}

/** The search document of a testimony. */
export function testimonyDoc(id: Id, body: Testimony): TestimonyDoc {
  const facilityIds = new Set<Id>();
  const perpetratorIds = new Set<Id>();
  for (const episode of body.detentionEpisodes) facilityIds.add(episode.facilityId);
  for (const allegation of body.allegations) {
    if (allegation.facilityId !== undefined) facilityIds.add(allegation.facilityId);
    if (allegation.perpetratorId !== undefined) perpetratorIds.add(allegation.perpetratorId);
  }
  return {
    id,
    referenceCode: body.referenceCode,
    summary: body.summary ?? '',
    narrative: body.narrative.text,
    translations: body.translations.map((t) => t.text).join('\n'),
    tags: body.tags.join('\n'),
    facilityIds: [...facilityIds],
    perpetratorIds: [...perpetratorIds],
  };
}

/** The search document of a facility. */
export function facilityDoc(id: Id, body: Facility): NamedDoc {
  const extra = [body.authority, body.governorate, body.district].filter((x): x is string => x !== undefined);
  return { id, names: body.names.map((n) => n.text), extra };
}

/** The search document of an alleged perpetrator: names, then ranks, units and roles. */
export function perpetratorDoc(id: Id, body: AllegedPerpetrator): NamedDoc {
  const extra = body.positions.flatMap((p) => [p.rank, p.unit, p.role].filter((x): x is string => x !== undefined));
  return { id, names: body.names.map((n) => n.text), extra: [...new Set(extra)] };
}

/** A batch of changes for the worker. */
export interface SearchChange {
  readonly testimonies?: readonly TestimonyDoc[];
  readonly facilities?: readonly NamedDoc[];
  readonly perpetrators?: readonly NamedDoc[];
  readonly removed?: { readonly testimonies?: readonly Id[]; readonly facilities?: readonly Id[]; readonly perpetrators?: readonly Id[] };
}
