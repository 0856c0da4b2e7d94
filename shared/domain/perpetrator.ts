/**
 * An alleged perpetrator. Always "alleged": the record holds what sources say, each statement
 * with its source, never a finding of guilt.
 *
 * Names carry their kind (full name, kunya, nickname, alias, transliteration) and source;
 * ranks and positions are dated, sourced statements, because a person moves between units
 * and facilities and a court needs to know who held which post when.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { calendarDateSchema, canPrecede, partialDateSchema } from './partial-date';
import { sourceRefSchema } from './source-ref';
import { languageTagSchema, longText, nameText, uniqueValues } from './text';
import { perpetratorStatusSchema, personNameKindSchema } from './vocabularies';

/** One name of an alleged perpetrator and where it comes from. */
export const perpetratorNameSchema = z.strictObject({
  text: nameText(LIMITS.nameChars),
  kind: personNameKindSchema,
  lang: languageTagSchema.optional(),
  source: sourceRefSchema,
});
export type PerpetratorName = z.infer<typeof perpetratorNameSchema>;

/** A rank or position held, as a source states it. At least one of rank, unit, facility or role. */
export const positionStatementSchema = z
  .strictObject({
    rank: nameText(LIMITS.labelChars).optional(),
    unit: nameText(LIMITS.labelChars).optional(),
    facilityId: idSchema.optional(),
    /** The post: "head of interrogation", "prison director", "guard in the red building". */
    role: nameText(LIMITS.labelChars).optional(),
    from: partialDateSchema.optional(),
    to: partialDateSchema.optional(),
    source: sourceRefSchema,
  })
  .refine((p) => p.rank !== undefined || p.unit !== undefined || p.facilityId !== undefined || p.role !== undefined, {
    message: 'a position needs a rank, unit, facility or role',
  })
  .refine((p) => !p.from || !p.to || canPrecede(p.from, p.to), { message: 'the position ends before it starts', path: ['to'] });
export type PositionStatement = z.infer<typeof positionStatementSchema>;

/** An alleged perpetrator record. */
export const perpetratorSchema = z.strictObject({
  id: idSchema,
  names: z.array(perpetratorNameSchema).min(1).max(LIMITS.names),
  positions: z.array(positionStatementSchema).max(LIMITS.positions),
  status: perpetratorStatusSchema,
  /** When the status was last known to be true. */
  statusAsOf: calendarDateSchema.optional(),
  /** Appearance, accent, habits: what lets witnesses recognise the same person. */
  description: longText(LIMITS.notesChars).optional(),
  photoAttachmentIds: z.array(idSchema).max(LIMITS.photos).refine(uniqueValues, { message: 'a photo is listed twice' }),
});
export type AllegedPerpetrator = z.infer<typeof perpetratorSchema>;
