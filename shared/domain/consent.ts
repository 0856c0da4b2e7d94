/**
 * Informed consent as a versioned list of events.
 *
 * Consent is never edited in place: each time the witness gives (or renews, or narrows)
 * consent, a `granted` event records the full terms; each time they take some or all of it
 * back, a `withdrawn` event records what and when. The current state is computed from the
 * events (consent-state.ts), so the history a lawyer may need to see is never lost.
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { calendarDateSchema } from './partial-date';
import { languageTagSchema, longText, nameText, uniqueValues } from './text';
import {
  consentFormSchema,
  consentScopeSchema,
  identityDisclosureSchema,
  recipientClassSchema,
} from './vocabularies';

/** Recipients named by contact id (a verified partner key) or by class (any UN mechanism). */
export const recipientSetSchema = z.strictObject({
  contactIds: z.array(idSchema).max(LIMITS.recipientsPerScope).refine(uniqueValues, { message: 'a contact is listed twice' }),
  recipientClasses: z.array(recipientClassSchema).max(8).refine(uniqueValues, { message: 'a class is listed twice' }),
});
export type RecipientSet = z.infer<typeof recipientSetSchema>;

const isEmptySet = (set: RecipientSet) => set.contactIds.length === 0 && set.recipientClasses.length === 0;

const version = z.int().min(1).max(1_000_000);

/** The witness gives consent on these terms (replacing any earlier terms). */
export const consentGrantedSchema = z
  .strictObject({
    type: z.literal('granted'),
    version,
    date: calendarDateSchema,
    form: consentFormSchema,
    /** The team member who explained the consent, by name or team code. */
    explainedBy: nameText(LIMITS.labelChars),
    /** The language the consent was explained in. */
    language: languageTagSchema,
    scopes: z.array(consentScopeSchema).max(8).refine(uniqueValues, { message: 'a scope is listed twice' }),
    /** Who may receive the testimony; must be non-empty exactly when `sharing` is a scope. */
    sharing: recipientSetSchema,
    identityDisclosure: identityDisclosureSchema,
    /** Who may learn the witness's name; required (non-empty) exactly when disclosure is `named`. */
    namedDisclosureTo: recipientSetSchema.optional(),
    recordingAllowed: z.boolean(),
    recontactAllowed: z.boolean(),
    /** When the team should check the consent again with the witness. */
    reviewDate: calendarDateSchema.optional(),
    notes: longText(LIMITS.notesChars).optional(),
  })
  .superRefine((event, ctx) => {
    const sharing = event.scopes.includes('sharing');
    if (sharing && isEmptySet(event.sharing)) {
      ctx.addIssue({ code: 'custom', path: ['sharing'], message: 'sharing needs at least one recipient or class' });
    }
    if (!sharing && !isEmptySet(event.sharing)) {
      ctx.addIssue({ code: 'custom', path: ['sharing'], message: 'recipients listed but sharing is not a scope' });
    }
    const named = event.identityDisclosure === 'named';
    if (named && (!event.namedDisclosureTo || isEmptySet(event.namedDisclosureTo))) {
      ctx.addIssue({ code: 'custom', path: ['namedDisclosureTo'], message: 'named disclosure needs the recipients it is for' });
    }
    if (!named && event.namedDisclosureTo && !isEmptySet(event.namedDisclosureTo)) {
      ctx.addIssue({ code: 'custom', path: ['namedDisclosureTo'], message: 'recipients for named disclosure but disclosure is not named' });
    }
    if (event.reviewDate !== undefined && event.reviewDate < event.date) {
      ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'review date is before the consent' });
    }
  });
export type ConsentGranted = z.infer<typeof consentGrantedSchema>;

/** The witness withdraws all consent, or some scopes of it, from `date` on. */
export const consentWithdrawnSchema = z.strictObject({
  type: z.literal('withdrawn'),
  version,
  date: calendarDateSchema,
  scope: z.union([
    z.literal('all'),
    z.array(consentScopeSchema).min(1).max(8).refine(uniqueValues, { message: 'a scope is listed twice' }),
  ]),
  /** The team member who recorded the withdrawal. */
  recordedBy: nameText(LIMITS.labelChars),
  notes: longText(LIMITS.notesChars).optional(),
});
export type ConsentWithdrawn = z.infer<typeof consentWithdrawnSchema>;

/** One consent event. */
export const consentEventSchema = z.discriminatedUnion('type', [consentGrantedSchema, consentWithdrawnSchema]);
export type ConsentEvent = z.infer<typeof consentEventSchema>;

/**
 * A consent record: its events in order. Versions go up by one from 1 and dates never go back,
 * so the history cannot be reordered or have a gap; the first event is a grant.
 */
export const consentRecordSchema = z
  .strictObject({
    id: idSchema,
    witnessId: idSchema.optional(),
    events: z.array(consentEventSchema).min(1).max(LIMITS.consentEvents),
  })
  .superRefine((record, ctx) => {
    if (record.events[0]?.type !== 'granted') {
      ctx.addIssue({ code: 'custom', path: ['events', 0], message: 'consent starts with a grant' });
    }
    record.events.forEach((event, index) => {
      if (event.version !== index + 1) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'version'], message: `expected version ${index + 1}` });
      }
      const previous = record.events[index - 1];
      if (previous && event.date < previous.date) {
        ctx.addIssue({ code: 'custom', path: ['events', index, 'date'], message: 'an event is dated before the one it follows' });
      }
    });
  });
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
