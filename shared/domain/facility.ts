/**
 * A facility where people were held: a prison, an intelligence branch, a military airport, or
 * a part of one (building, wing, dormitory, cell), nested through `parentId`.
 *
 * A facility has many names: Arabic, transliterations, common and official names, former
 * names. shared/names compares them to suggest duplicates; the names here are data only.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { partialDateSchema, canPrecede } from './partial-date';
import { languageTagSchema, longText, nameText } from './text';
import { FACILITY_PART_TYPES, facilityNameKindSchema, facilityTypeSchema } from './vocabularies';

/** One name of a facility, in one language or script (`ar`, `en`, `ar-Latn` for a transliteration). */
export const facilityNameSchema = z.strictObject({
  text: nameText(LIMITS.nameChars),
  lang: languageTagSchema,
  kind: facilityNameKindSchema,
});
export type FacilityName = z.infer<typeof facilityNameSchema>;

/** A point on the map, WGS 84 degrees, with how precise it is (facilities are often approximate). */
export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Radius of uncertainty in metres. */
  precisionMetres: z.int().min(1).max(1_000_000).optional(),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

/** When a facility was used for detention, as far as is known. */
export const operationPeriodSchema = z
  .strictObject({ from: partialDateSchema.optional(), to: partialDateSchema.optional() })
  .refine((period) => !period.from || !period.to || canPrecede(period.from, period.to), {
    message: 'the period ends before it starts',
    path: ['to'],
  });

/** A facility record. */
export const facilitySchema = z
  .strictObject({
    id: idSchema,
    names: z.array(facilityNameSchema).min(1).max(LIMITS.names),
    type: facilityTypeSchema,
    parentId: idSchema.optional(),
    /** Who ran it: "Military Intelligence", "Air Force Intelligence", "Military Police". */
    authority: nameText(LIMITS.labelChars).optional(),
    governorate: nameText(LIMITS.labelChars).optional(),
    district: nameText(LIMITS.labelChars).optional(),
    coordinates: coordinatesSchema.optional(),
    operation: operationPeriodSchema.optional(),
    notes: longText(LIMITS.notesChars).optional(),
  })
  .refine((facility) => facility.parentId !== facility.id, { message: 'a facility cannot be its own parent', path: ['parentId'] })
  // A wing or cell exists only inside something; an unknown place is an `other_site` instead.
  .refine((facility) => !FACILITY_PART_TYPES.has(facility.type) || facility.parentId !== undefined, {
    message: 'a building, wing, dormitory or cell needs a parent facility',
    path: ['parentId'],
  });
export type Facility = z.infer<typeof facilitySchema>;
