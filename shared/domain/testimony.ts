/**
 * A testimony: the account itself, how it was taken, and what it alleges, linked to its
 * witness and consent records by id (those live in the witness compartment).
 *
 * A sealed testimony is never edited; a correction is a new version carrying an `amendment`
 * that says why and which sealed version it amends (DESIGN.md §4).
 */
import { z } from 'zod';
import { allegationSchema } from './allegation';
import { detentionEpisodeSchema } from './detention-episode';
import { idSchema } from './ids';
import { interviewSessionSchema } from './interview-session';
import { LIMITS } from './limits';
import { calendarDateSchema } from './partial-date';
import { languageTagSchema, longText, nameText, uniqueValues } from './text';
import { testimonyKindSchema, testimonyStatusSchema } from './vocabularies';

/** `T-2026-0042`: T, the year of registration, a sequence number of 4 to 6 digits. */
export const referenceCodeSchema = z
  .string()
  .max(13, { abort: true })
  .regex(/^T-(19|20|21)\d{2}-\d{4,6}$/, { message: 'not a reference code like T-2026-0042' });

/** The narrative in the language it was told in. */
export const narrativeSchema = z.strictObject({
  language: languageTagSchema,
  text: longText(LIMITS.narrativeChars),
});

/** A translation of the narrative, and who made it (a lawyer will ask). */
export const translationSchema = z.strictObject({
  language: languageTagSchema,
  text: longText(LIMITS.narrativeChars),
  translator: nameText(LIMITS.labelChars),
  translatedOn: calendarDateSchema.optional(),
});

/** Why this version exists and which sealed version it amends. */
export const amendmentSchema = z.strictObject({
  reason: longText(LIMITS.notesChars).refine((text) => text.trim() !== '', { message: 'an amendment needs a reason' }),
  amends: z.strictObject({ testimonyId: idSchema, version: z.int().min(1) }),
});

const tag = nameText(LIMITS.tagChars);
const ids = (max: number, what: string) => z.array(idSchema).max(max).refine(uniqueValues, { message: `${what} is listed twice` });
const hasUniqueIds = (items: readonly { id: string }[]) => uniqueValues(items.map((item) => item.id));

/** A testimony record. */
export const testimonySchema = z
  .strictObject({
    id: idSchema,
    referenceCode: referenceCodeSchema,
    kind: testimonyKindSchema,
    status: testimonyStatusSchema,
    sessions: z.array(interviewSessionSchema).max(LIMITS.sessions).refine(hasUniqueIds, { message: 'two sessions share an id' }),
    narrative: narrativeSchema,
    translations: z.array(translationSchema).max(LIMITS.translations),
    summary: longText(LIMITS.summaryChars).optional(),
    detentionEpisodes: z
      .array(detentionEpisodeSchema)
      .max(LIMITS.detentionEpisodes)
      .refine(hasUniqueIds, { message: 'two episodes share an id' }),
    allegations: z.array(allegationSchema).max(LIMITS.allegations).refine(hasUniqueIds, { message: 'two allegations share an id' }),
    attachmentIds: ids(LIMITS.attachments, 'an attachment'),
    tags: z.array(tag).max(LIMITS.tags).refine(uniqueValues, { message: 'a tag is listed twice' }),
    witnessId: idSchema.optional(),
    consentId: idSchema.optional(),
    amendment: amendmentSchema.optional(),
  })
  .superRefine((t, ctx) => {
    // Anything past a draft was taken from someone: it must say when and how.
    if (t.status !== 'draft' && t.sessions.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'a completed testimony needs at least one interview session' });
    }
    if (t.translations.some((translation) => translation.language === t.narrative.language)) {
      ctx.addIssue({ code: 'custom', path: ['translations'], message: 'a translation is in the narrative’s own language' });
    }
  });
export type Testimony = z.infer<typeof testimonySchema>;
