/**
 * A witness: the person who gave a testimony. Kept in its own compartment under its own key
 * (DESIGN.md §5); everyone outside that compartment sees only the pseudonym code.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { MAX_YEAR, MIN_YEAR } from './partial-date';
import { longText, nameText, shortText } from './text';
import { contactChannelSchema, genderSchema } from './vocabularies';

/** The code that stands for a witness everywhere outside the witness compartment, e.g. `W-0042`. */
export const pseudonymCodeSchema = z
  .string()
  .max(32)
  .regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, { message: 'not a pseudonym code like W-0042' });

/** One way to reach a witness, with the precautions that go with it. */
export const witnessContactSchema = z.strictObject({
  channel: contactChannelSchema,
  value: shortText(LIMITS.labelChars),
  /** "Only after 8 pm", "never leave a voice message": safety first. */
  note: shortText(LIMITS.shortTextChars).optional(),
});

/** Where a witness is from, in the general terms they are comfortable with. */
export const originSchema = z.strictObject({
  governorate: nameText(LIMITS.labelChars).optional(),
  district: nameText(LIMITS.labelChars).optional(),
  place: nameText(LIMITS.labelChars).optional(),
});

/** A witness record. */
export const witnessSchema = z.strictObject({
  id: idSchema,
  pseudonymCode: pseudonymCodeSchema,
  fullName: nameText(LIMITS.nameChars),
  otherNames: z.array(nameText(LIMITS.nameChars)).max(LIMITS.names),
  birthYear: z.int().min(MIN_YEAR).max(MAX_YEAR).optional(),
  birthYearApproximate: z.boolean().optional(),
  gender: genderSchema.optional(),
  contacts: z.array(witnessContactSchema).max(LIMITS.contacts),
  origin: originSchema.optional(),
  /** Risks to the witness and their family; read before any contact or export. */
  safetyNotes: longText(LIMITS.notesChars).optional(),
  /** Medical, psychosocial, legal or material support needs and referrals. */
  supportNeeds: longText(LIMITS.notesChars).optional(),
});
export type Witness = z.infer<typeof witnessSchema>;
