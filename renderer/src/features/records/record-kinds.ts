/**
 * The record kinds of the case file. Runs on the renderer's main thread (the vault validates
 * bodies with these schemas on the way in and on the way out).
 *
 * Type codes live only inside the ciphertext. Witness identity and consent go to the
 * `witness` compartment (its own key); everything else to `general`. The body of every kind
 * repeats the record's id (`body.id === record.id`): records are created with a caller-chosen
 * id (see `newRecordId`) so links can be written before the first save.
 */
import { z } from 'zod';
import {
  consentRecordSchema,
  facilitySchema,
  idSchema,
  newId,
  perpetratorSchema,
  testimonySchema,
  witnessSchema,
  type Id,
} from '../../../../shared/domain';
import { defineRecordKind } from '../../vault/record-kind';

/** A testimony (general compartment). */
export const testimonyKind = defineRecordKind('testimony', 'general', testimonySchema);
/** A witness: identity, contacts, safety notes (witness compartment). */
export const witnessKind = defineRecordKind('witness', 'witness', witnessSchema);
/** A consent record with its versioned events (witness compartment: it names who explained what to whom). */
export const consentKind = defineRecordKind('consent', 'witness', consentRecordSchema);
/** A facility (general compartment). */
export const facilityKind = defineRecordKind('facility', 'general', facilitySchema);
/** An alleged perpetrator (general compartment). */
export const perpetratorKind = defineRecordKind('perpetrator', 'general', perpetratorSchema);

/**
 * Sequence counters for reference codes (`T-2026-0042`) and pseudonym codes (`W-0042`), kept
 * encrypted like any record so no count of testimonies sits in clear on disk. One record per
 * vault; updated with an expected version, so two saves can never hand out the same number.
 */
export const sequenceSchema = z.strictObject({
  id: idSchema,
  /** Last testimony number handed out, by year of registration (`"2026": 42`). */
  testimonyByYear: z.record(z.string().regex(/^\d{4}$/), z.int().min(0).max(999_999)),
  /** Last witness pseudonym number handed out. */
  witness: z.int().min(0).max(999_999),
});
export type Sequences = z.infer<typeof sequenceSchema>;
export const sequenceKind = defineRecordKind('case-sequence', 'general', sequenceSchema);

/** Which entity kinds can be merged. */
export type MergeableKind = 'facility' | 'perpetrator';

/** One link the merge re-pointed, by where it sits, so undo can put it back exactly. */
export const repointedLinkSchema = z.strictObject({
  /** The record holding the link. */
  recordType: z.enum(['testimony', 'facility', 'perpetrator']),
  recordId: idSchema,
  /** `allegation` / `episode` by item id, `parent` (facility), `position` by index. */
  field: z.enum(['allegation-perpetrator', 'allegation-facility', 'episode-facility', 'parent', 'position-facility']),
  itemId: z.string().max(32).optional(),
  index: z.int().min(0).max(10_000).optional(),
});
export type RepointedLink = z.infer<typeof repointedLinkSchema>;

/**
 * What a merge did, kept (encrypted) so it can be undone and so an interrupted merge can be
 * finished at the next load: the merged record's last body (to restore it), what the
 * survivor gained, and every link that was re-pointed.
 */
export const mergeJournalSchema = z.strictObject({
  id: idSchema,
  entity: z.enum(['facility', 'perpetrator']),
  survivorId: idSchema,
  mergedId: idSchema,
  /**
   * `started` until the merged record is deleted, then `done`; `undoing` once an undo chose
   * `restoredId` (written before the restored record, so a retry never restores twice); `undone`.
   */
  state: z.enum(['started', 'done', 'undoing', 'undone']),
  startedAt: z.string().max(40),
  /** The merged record's body as it was (validated again with its kind's schema on undo). */
  mergedBody: z.unknown(),
  /** What the merge added to the survivor (removed again on undo where still unchanged). */
  added: z.strictObject({
    names: z.array(z.unknown()).max(10_000),
    positions: z.array(z.unknown()).max(10_000),
    photoAttachmentIds: z.array(idSchema).max(10_000),
    description: z.string().max(100_000).optional(),
  }),
  links: z.array(repointedLinkSchema).max(1_000_000),
  restoredId: idSchema.optional(),
});
export type MergeJournal = z.infer<typeof mergeJournalSchema>;
export const mergeJournalKind = defineRecordKind('merge-journal', 'general', mergeJournalSchema);

/** A fresh random record id (the vault's record ids are the same 16 random bytes). */
export function newRecordId(): Id {
  return newId((length) => crypto.getRandomValues(new Uint8Array(length)));
}
