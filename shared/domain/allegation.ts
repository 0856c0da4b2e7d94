/**
 * An allegation: who (an alleged perpetrator record, or a description when the person is not
 * identified), where, when, what acts, in what role, and how the witness knows who it was.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { partialDateSchema } from './partial-date';
import { longText, uniqueValues } from './text';
import { actSchema, identificationBasisSchema, perpetratorRoleSchema } from './vocabularies';

/** One allegation. Exactly one of `perpetratorId` and `unidentifiedDescription`. */
export const allegationSchema = z
  .strictObject({
    id: idSchema,
    perpetratorId: idSchema.optional(),
    /** "A tall guard with a Coastal accent who the others called 'the doctor'". */
    unidentifiedDescription: longText(LIMITS.notesChars).optional(),
    facilityId: idSchema.optional(),
    date: partialDateSchema.optional(),
    acts: z.array(actSchema).min(1).max(LIMITS.actsPerAllegation).refine(uniqueValues, { message: 'an act is listed twice' }),
    role: perpetratorRoleSchema,
    identificationBasis: z.array(identificationBasisSchema).max(16).refine(uniqueValues, {
      message: 'a basis is listed twice',
    }),
    notes: longText(LIMITS.notesChars).optional(),
  })
  .superRefine((a, ctx) => {
    const described = a.unidentifiedDescription !== undefined && a.unidentifiedDescription.trim() !== '';
    if ((a.perpetratorId !== undefined) === described) {
      ctx.addIssue({
        code: 'custom',
        path: ['perpetratorId'],
        message: 'give either an alleged perpetrator or a description of an unidentified one',
      });
    }
    // Identification basis is meaningless for someone who is not identified.
    if (a.perpetratorId !== undefined && a.identificationBasis.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['identificationBasis'], message: 'say how the person was identified' });
    }
  });
export type Allegation = z.infer<typeof allegationSchema>;
