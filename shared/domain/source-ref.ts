/**
 * Where a statement about a person or place comes from: a testimony, an attachment (a leaked
 * document, a photo), or a short note ("SNHR report 2019", "defector list"). Lawyers weigh a
 * claim by its source, so names and positions of alleged perpetrators each carry one.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { shortText } from './text';

/** A source: at least one of a testimony, an attachment or a note. */
export const sourceRefSchema = z
  .strictObject({
    testimonyId: idSchema.optional(),
    attachmentId: idSchema.optional(),
    note: shortText(LIMITS.shortTextChars).optional(),
  })
  .refine((source) => source.testimonyId !== undefined || source.attachmentId !== undefined || (source.note ?? '').trim() !== '', {
    message: 'a source needs a testimony, an attachment or a note',
  });
export type SourceRef = z.infer<typeof sourceRefSchema>;
