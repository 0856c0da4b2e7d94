/**
 * What the search worker indexes: plain documents cut from decrypted records, built on the
 * main thread and posted to the worker. Pure.
 */
import { z } from 'zod';
import type { AllegedPerpetrator, Facility, Testimony } from '../../../../../shared/domain';
import type { Id } from '../../../vault/vault-client';

/** A testimony's searchable text and the entities it links to (it is found by their names too, matched at query time). */
export interface TestimonyDoc {
  readonly id: Id;
  readonly referenceCode: string;
  readonly summary: string;
  readonly narrative: string;
  readonly translations: string;
  readonly tags: string;
  readonly facilityIds: readonly Id[];
  readonly perpetratorIds: readonly Id[];
  /** The testimony version the text is from (0: unknown), kept with a persisted index to tell what is stale. */
  readonly version: number;
}

/** A facility's or alleged perpetrator's names, plus other words it is known by (ranks, units, authority). */
export interface NamedDoc {
  readonly id: Id;
  readonly names: readonly string[];
  readonly extra: readonly string[];
}

/**
 * The fields of a stored testimony that its search document reads, checked for shape only:
 * bodies read back for indexing were validated in full when saved and are authenticated by
 * the vault, and re-running the full schema over ten thousand of them on the UI thread costs
 * more than the indexing it feeds. Other fields are dropped.
 */
const searchSourceSchema = z.object({
  referenceCode: z.string(),
  summary: z.string().optional(),
  narrative: z.object({ text: z.string() }),
  translations: z.array(z.object({ text: z.string() })),
  tags: z.array(z.string()),
  detentionEpisodes: z.array(z.object({ facilityId: z.string() })),
  allegations: z.array(z.object({ facilityId: z.string().optional(), perpetratorId: z.string().optional() })),
});
export type SearchSource = Pick<Testimony, 'referenceCode' | 'summary' | 'tags'> & {
  readonly narrative: { readonly text: string };
  readonly translations: readonly { readonly text: string }[];
  readonly detentionEpisodes: readonly { readonly facilityId: Id }[];
  readonly allegations: readonly { readonly facilityId?: Id | undefined; readonly perpetratorId?: Id | undefined }[];
};

/** Parses what `testimonyDoc` needs out of a stored testimony body. */
export function parseSearchSource(input: unknown): SearchSource {
  return searchSourceSchema.parse(input);
}

/** The search document of version `version` of a testimony (0 when unknown: never believed fresh). */
export function testimonyDoc(id: Id, body: SearchSource, version = 0): TestimonyDoc {
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
    version,
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
