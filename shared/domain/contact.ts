/**
 * A partner contact (DESIGN.md §7): a lawyer, prosecutor, UN mechanism or partner organisation
 * whose identity card was added to this vault. Contacts are matched by key, never by label; a
 * contact is trusted for export and import only after someone compared its fingerprint out of
 * band, and a key change sends it back to unverified until compared again.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { recipientClassSchema } from './vocabularies';

/** 32-byte public key, base64url without padding. */
const publicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** 64-byte value (binding signature, fingerprint), base64url without padding. */
const bytes64Schema = z.string().regex(/^[A-Za-z0-9_-]{86}$/);
const isoTimeSchema = z.string().min(10).max(40);

/** How the fingerprint was compared. */
export const verificationMethods = ['in-person', 'phone', 'video', 'other'] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

/** When and how someone compared the fingerprint. */
export const contactVerificationSchema = z.strictObject({
  at: isoTimeSchema,
  method: z.enum(verificationMethods),
});
export type ContactVerification = z.infer<typeof contactVerificationSchema>;

/** The keys a contact had before a change, kept so the change can be shown and audited. */
export const contactKeyHistorySchema = z.strictObject({
  signPk: publicKeySchema,
  boxPk: publicKeySchema,
  fingerprint: bytes64Schema,
  verified: contactVerificationSchema.nullable(),
  replacedAt: isoTimeSchema,
});
export type ContactKeyHistory = z.infer<typeof contactKeyHistorySchema>;

/** A contact record's body (general compartment). */
export const contactSchema = z.strictObject({
  id: idSchema,
  /** The label from the card (user data; may be renamed). */
  label: z.string().min(1).max(200),
  signPk: publicKeySchema,
  boxPk: publicKeySchema,
  binding: bytes64Schema,
  /** The 64-byte fingerprint of the current keys. */
  fingerprint: bytes64Schema,
  classes: z.array(recipientClassSchema).max(8),
  addedAt: isoTimeSchema,
  /** Null until the fingerprint was compared; cleared by a key change. */
  verified: contactVerificationSchema.nullable(),
  /** True from a key change until the new fingerprint is compared. */
  keyChanged: z.boolean(),
  keyHistory: z.array(contactKeyHistorySchema).max(100),
});
export type Contact = z.infer<typeof contactSchema>;

/** This device's own label for its identity card (one record per vault, general compartment). */
export const deviceProfileSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1).max(200),
});
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;
