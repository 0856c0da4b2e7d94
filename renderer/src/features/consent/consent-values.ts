/**
 * The consent forms' values and how they become consent events. Pure; runs anywhere.
 *
 * Values mirror the event's paths (`sharing.recipientClasses`, `namedDisclosureTo`), so zod
 * issues land on their inputs. Recipients are classes for now (UN mechanism, prosecutor,
 * lawyer, partner organisation); named contacts arrive with the contacts feature and go in
 * `contactIds` (see recipient-fields.tsx, the extension point).
 */
import { z } from 'zod';
import {
  consentGrantedSchema,
  consentWithdrawnSchema,
  type ConsentForm,
  type ConsentGranted,
  type ConsentScope,
  type ConsentWithdrawn,
  type IdentityDisclosure,
  type RecipientClass,
} from '../../../../shared/domain';
import type { ConsentEventInput } from '../records';
import { optionalText, put } from '../testimony/form/text-lists';

/** A recipient set as the form holds it. */
export interface RecipientValues {
  /** Verified partner contacts (none can be chosen yet: contacts are a later feature). */
  contactIds: string[];
  recipientClasses: RecipientClass[];
}

/** Every input of the "record consent" form (a grant: the full terms). */
export interface GrantValues {
  date: string;
  form: ConsentForm;
  explainedBy: string;
  language: string;
  scopes: ConsentScope[];
  sharing: RecipientValues;
  identityDisclosure: IdentityDisclosure;
  namedDisclosureTo: RecipientValues;
  recordingAllowed: boolean;
  recontactAllowed: boolean;
  reviewDate: string;
  notes: string;
}

/** Every input of the withdrawal form. */
export interface WithdrawalValues {
  date: string;
  /** Everything, or only the scopes ticked. */
  extent: 'all' | 'some';
  /** The scopes withdrawn when `extent` is `some` (named as in the event, so errors land here). */
  scope: ConsentScope[];
  recordedBy: string;
  notes: string;
}

const noRecipients = (): RecipientValues => ({ contactIds: [], recipientClasses: [] });

/** A new grant on `today`, or the terms in force to start from (renewing or narrowing). */
export function grantValues(today: string, language: string, previous?: ConsentGranted): GrantValues {
  return {
    date: today,
    form: previous?.form ?? 'oral',
    explainedBy: previous?.explainedBy ?? '',
    language: previous?.language ?? language,
    scopes: previous ? [...previous.scopes] : ['internal_archive'],
    sharing: previous ? { contactIds: [...previous.sharing.contactIds], recipientClasses: [...previous.sharing.recipientClasses] } : noRecipients(),
    identityDisclosure: previous?.identityDisclosure ?? 'pseudonym_only',
    namedDisclosureTo: previous?.namedDisclosureTo
      ? { contactIds: [...previous.namedDisclosureTo.contactIds], recipientClasses: [...previous.namedDisclosureTo.recipientClasses] }
      : noRecipients(),
    recordingAllowed: previous?.recordingAllowed ?? false,
    recontactAllowed: previous?.recontactAllowed ?? false,
    reviewDate: '',
    notes: '',
  };
}

/** A new withdrawal on `today`. */
export const withdrawalValues = (today: string): WithdrawalValues => ({ date: today, extent: 'all', scope: [], recordedBy: '', notes: '' });

/** The grant's body; recipients of a scope or disclosure not chosen are dropped, not kept hidden. */
export function grantBody(values: GrantValues): Record<string, unknown> {
  const sharing = values.scopes.includes('sharing');
  const named = values.identityDisclosure === 'named';
  const body: Record<string, unknown> = {
    type: 'granted',
    // Placeholder for validation: the data layer gives the event its real version.
    version: 1,
    date: values.date,
    form: values.form,
    explainedBy: values.explainedBy,
    language: values.language,
    scopes: values.scopes,
    sharing: sharing ? values.sharing : noRecipients(),
    identityDisclosure: values.identityDisclosure,
    recordingAllowed: values.recordingAllowed,
    recontactAllowed: values.recontactAllowed,
  };
  if (named) body['namedDisclosureTo'] = values.namedDisclosureTo;
  put(body, 'reviewDate', optionalText(values.reviewDate));
  put(body, 'notes', optionalText(values.notes));
  return body;
}

/** The withdrawal's body. */
export function withdrawalBody(values: WithdrawalValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: 'withdrawn',
    version: 1,
    date: values.date,
    scope: values.extent === 'all' ? 'all' : values.scope,
    recordedBy: values.recordedBy,
  };
  put(body, 'notes', optionalText(values.notes));
  return body;
}

export const grantFormSchema = z.custom<GrantValues>().transform(grantBody).pipe(consentGrantedSchema);
export const withdrawalFormSchema = z.custom<WithdrawalValues>().transform(withdrawalBody).pipe(consentWithdrawnSchema);

/** The event to append, without the version the data layer assigns. */
export function toEventInput(event: ConsentGranted | ConsentWithdrawn): ConsentEventInput {
  const { version: _version, ...input } = event;
  return input as ConsentEventInput;
}
