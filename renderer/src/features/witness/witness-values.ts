/**
 * The witness form's values (what the inputs hold) and how they become a Witness body. Pure;
 * runs anywhere. Values mirror the body's paths, so a zod issue marks the right input; blank
 * optional fields are left out of the body.
 */
import { z } from 'zod';
import { witnessSchema, type ContactChannel, type Gender, type Witness } from '../../../../shared/domain';
import { numberFromText } from '../facility/form-kit/partial-date-values';
import { linesToList, listToLines, optionalText, put } from '../testimony/form/text-lists';

export interface WitnessContactValues {
  channel: ContactChannel;
  value: string;
  note: string;
}

/** Every input of the witness form. */
export interface WitnessValues {
  /** Empty for a new witness: the next code (W-0001…) is assigned. */
  pseudonymCode: string;
  fullName: string;
  otherNames: string;
  birthYear: string;
  birthYearApproximate: boolean;
  gender: Gender | '';
  contacts: WitnessContactValues[];
  origin: { governorate: string; district: string; place: string };
  safetyNotes: string;
  supportNeeds: string;
}

/** Placeholders that stand in for what the data layer allocates, while validating a new witness. */
export const UNSAVED_WITNESS_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
export const UNSAVED_PSEUDONYM = 'W-0000';

export const newContact = (): WitnessContactValues => ({ channel: 'phone', value: '', note: '' });

/** The values of a stored witness, or of a new one. */
export function witnessToValues(witness?: Witness): WitnessValues {
  return {
    pseudonymCode: witness?.pseudonymCode ?? '',
    fullName: witness?.fullName ?? '',
    otherNames: listToLines(witness?.otherNames),
    birthYear: witness?.birthYear === undefined ? '' : String(witness.birthYear),
    birthYearApproximate: witness?.birthYearApproximate ?? false,
    gender: witness?.gender ?? '',
    contacts: (witness?.contacts ?? []).map((contact) => ({ channel: contact.channel, value: contact.value, note: contact.note ?? '' })),
    origin: { governorate: witness?.origin?.governorate ?? '', district: witness?.origin?.district ?? '', place: witness?.origin?.place ?? '' },
    safetyNotes: witness?.safetyNotes ?? '',
    supportNeeds: witness?.supportNeeds ?? '',
  };
}

/** The candidate body (not validated: the schema does that next). */
export function witnessBody(values: WitnessValues, id: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id,
    pseudonymCode: values.pseudonymCode.trim() === '' ? UNSAVED_PSEUDONYM : values.pseudonymCode.trim(),
    fullName: values.fullName,
    otherNames: linesToList(values.otherNames),
    contacts: values.contacts.map((contact) => {
      const out: Record<string, unknown> = { channel: contact.channel, value: contact.value };
      put(out, 'note', optionalText(contact.note));
      return out;
    }),
  };
  const year = numberFromText(values.birthYear);
  put(body, 'birthYear', year);
  if (year !== undefined && values.birthYearApproximate) body['birthYearApproximate'] = true;
  put(body, 'gender', values.gender === '' ? undefined : values.gender);
  const origin: Record<string, unknown> = {};
  put(origin, 'governorate', optionalText(values.origin.governorate));
  put(origin, 'district', optionalText(values.origin.district));
  put(origin, 'place', optionalText(values.origin.place));
  if (Object.keys(origin).length > 0) body['origin'] = origin;
  put(body, 'safetyNotes', optionalText(values.safetyNotes));
  put(body, 'supportNeeds', optionalText(values.supportNeeds));
  return body;
}

/** Values → body → shared/domain witness schema, for zodResolver. */
export function witnessFormSchema(id: string) {
  return z
    .custom<WitnessValues>()
    .transform((values) => witnessBody(values, id))
    .pipe(witnessSchema);
}
