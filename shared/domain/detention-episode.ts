/**
 * A period the witness (or the person they speak about) was held in one facility. A survivor
 * is typically moved through several branches before a prison; each stay is one episode.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { canPrecede, partialDateSchema } from './partial-date';
import { longText, shortText } from './text';

/** One stay in one facility. */
export const detentionEpisodeSchema = z
  .strictObject({
    id: idSchema,
    facilityId: idSchema,
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
    /** Where inside: "basement, solitary cell 14", "red building, dormitory 3". */
    placeInFacility: shortText(LIMITS.shortTextChars).optional(),
    notes: longText(LIMITS.notesChars).optional(),
  })
  .refine((e) => !e.from || !e.to || canPrecede(e.from, e.to), { message: 'the stay ends before it starts', path: ['to'] });
export type DetentionEpisode = z.infer<typeof detentionEpisodeSchema>;
