/**
 * `attachment-info`: what a partner needs to know about an attachment whose bytes travel as a
 * blob entry of the same bundle. The attachment's own record in the vault also holds its blob
 * key and stream header; none of that leaves the device, only these labels and hashes do.
 */
import { z } from 'zod';
import { base64urlPattern, fromBase64url } from '../bundle/encoding';
import { isWellFormed } from '../bundle/labels';
import { idSchema } from '../domain/ids';

/** Same bound as the vault's attachment names (a label only, never a path). */
export const MAX_ATTACHMENT_NAME_CHARS = 1000;
/** Same bound as the vault's media types. */
export const MAX_ATTACHMENT_MEDIA_TYPE_CHARS = 255;
/** Same bound as the vault's "added by". */
export const MAX_ATTACHMENT_ADDED_BY_CHARS = 200;

/** UTC time as toISOString writes it (fractions optional). */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
export const isoTimeSchema = z.string().max(40).regex(ISO_TIME, { message: 'not an ISO UTC time' });

const wellFormed = (max: number, min: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine(isWellFormed, { message: 'contains an unpaired surrogate' });

/** The 16-byte manifest entry id of the blob, canonical base64url. */
const entryIdSchema = z
  .string()
  .regex(base64urlPattern(16), { message: 'not base64url of 16 bytes' })
  .refine((text) => fromBase64url(text, 16) !== undefined, { message: 'non-canonical base64url' });

/** What an attachment belongs to, as in the vault. */
export const attachmentOwnerSchema = z.strictObject({
  kind: z.enum(['testimony', 'perpetrator']),
  id: idSchema,
});

/** Body of an `attachment-info` record. */
export const attachmentInfoSchema = z.strictObject({
  id: idSchema,
  entry: entryIdSchema,
  owner: attachmentOwnerSchema,
  name: wellFormed(MAX_ATTACHMENT_NAME_CHARS, 1),
  media_type: wellFormed(MAX_ATTACHMENT_MEDIA_TYPE_CHARS, 0),
  size: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'not 64 lowercase hex digits' }),
  captured_at: isoTimeSchema,
  added_by: wellFormed(MAX_ATTACHMENT_ADDED_BY_CHARS, 1).optional(),
});
export type AttachmentInfoBody = z.infer<typeof attachmentInfoSchema>;
