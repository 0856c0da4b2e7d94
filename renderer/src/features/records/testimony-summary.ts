/**
 * The summary of a testimony: everything the lists, filters, profiles, link checks and
 * duplicate merges read, without the heavy text (narrative, translations, the written summary,
 * interview-session details). Pure; runs in the vault worker (which writes a summary beside
 * every testimony version, see vault/worker/record-summaries.ts) and on the main thread (which
 * validates summaries on the way out and derives one from a record it has just saved).
 *
 * Unlock decrypts summaries only (a few hundred bytes each instead of ~5 KB), so the list is
 * usable long before the full bodies would be; a testimony's full body is read when it is
 * opened, edited or indexed for search.
 */
import { z } from 'zod';
import {
  allegationSchema,
  amendmentSchema,
  calendarDateSchema,
  detentionEpisodeSchema,
  idSchema,
  languageTagSchema,
  LIMITS,
  referenceCodeSchema,
  testimonyKindSchema,
  testimonyStatusSchema,
  type Testimony,
} from '../../../../shared/domain';

/** What a summary keeps of a testimony (every field the case file derives entries from). */
export const testimonySummarySchema = z.strictObject({
  id: idSchema,
  referenceCode: referenceCodeSchema,
  kind: testimonyKindSchema,
  status: testimonyStatusSchema,
  /** The language the account was told in. */
  narrativeLanguage: languageTagSchema,
  /** Interview session dates, in stored order. */
  sessionDates: z.array(calendarDateSchema).max(LIMITS.sessions),
  detentionEpisodes: z.array(detentionEpisodeSchema).max(LIMITS.detentionEpisodes),
  allegations: z.array(allegationSchema).max(LIMITS.allegations),
  attachmentIds: z.array(idSchema).max(LIMITS.attachments),
  tags: z.array(z.string()).max(LIMITS.tags),
  witnessId: idSchema.optional(),
  consentId: idSchema.optional(),
  amendment: amendmentSchema.optional(),
});
export type TestimonySummary = z.infer<typeof testimonySummarySchema>;

/**
 * The summary of a (validated) testimony body. Copies, never shares, the arrays it keeps, so a
 * later edit of the body cannot change a summary already handed out.
 */
export function summariseTestimony(body: Testimony): TestimonySummary {
  const summary: TestimonySummary = {
    id: body.id,
    referenceCode: body.referenceCode,
    kind: body.kind,
    status: body.status,
    narrativeLanguage: body.narrative.language,
    sessionDates: body.sessions.map((session) => session.date),
    detentionEpisodes: structuredClone(body.detentionEpisodes),
    allegations: structuredClone(body.allegations),
    attachmentIds: [...body.attachmentIds],
    tags: [...body.tags],
  };
  // Optional keys stay absent rather than `undefined` (exactOptionalPropertyTypes, strict schema).
  return {
    ...summary,
    ...(body.witnessId === undefined ? {} : { witnessId: body.witnessId }),
    ...(body.consentId === undefined ? {} : { consentId: body.consentId }),
    ...(body.amendment === undefined ? {} : { amendment: structuredClone(body.amendment) }),
  };
}
