/**
 * Every controlled vocabulary and its zod enum, in one import.
 *
 * The data lives in vocabularies/*.ts (split by subject to keep files small); the enums are
 * derived from it here, so a code exists in the schema if and only if it exists in the data.
 */
import { acts } from './vocabularies/acts';
import { consentForms, consentScopes, identityDisclosures, recipientClasses } from './vocabularies/consent';
import {
  contactChannels,
  facilityNameKinds,
  facilityTypes,
  genders,
  perpetratorStatuses,
  personNameKinds,
} from './vocabularies/entities';
import { identificationBases, interviewModes, perpetratorRoles, testimonyKinds, testimonyStatuses } from './vocabularies/testimony';
import { vocabularySchema, type Vocabulary } from './vocabulary';

export { defineVocabulary, labelOf, vocabularySchema, type Lang, type Vocabulary, type VocabularyEntry } from './vocabulary';
export { acts, type ActCode, type ActGroup } from './vocabularies/acts';
export * from './vocabularies/consent';
export * from './vocabularies/entities';
export * from './vocabularies/testimony';

// One zod enum per vocabulary, derived from its data: parsing accepts exactly the codes listed.
/** Enum of {@link acts} codes. */
export const actSchema = vocabularySchema(acts);
export const testimonyKindSchema = vocabularySchema(testimonyKinds);
export const testimonyStatusSchema = vocabularySchema(testimonyStatuses);
export const interviewModeSchema = vocabularySchema(interviewModes);
export const perpetratorRoleSchema = vocabularySchema(perpetratorRoles);
export const identificationBasisSchema = vocabularySchema(identificationBases);
export const consentScopeSchema = vocabularySchema(consentScopes);
export const identityDisclosureSchema = vocabularySchema(identityDisclosures);
export const consentFormSchema = vocabularySchema(consentForms);
export const recipientClassSchema = vocabularySchema(recipientClasses);
export const facilityTypeSchema = vocabularySchema(facilityTypes);
export const facilityNameKindSchema = vocabularySchema(facilityNameKinds);
export const perpetratorStatusSchema = vocabularySchema(perpetratorStatuses);
export const personNameKindSchema = vocabularySchema(personNameKinds);
export const genderSchema = vocabularySchema(genders);
export const contactChannelSchema = vocabularySchema(contactChannels);

/** Every vocabulary: for exports that describe their codes, and for tests. */
export const ALL_VOCABULARIES: readonly Vocabulary[] = [
  acts,
  testimonyKinds,
  testimonyStatuses,
  interviewModes,
  perpetratorRoles,
  identificationBases,
  consentScopes,
  identityDisclosures,
  consentForms,
  recipientClasses,
  facilityTypes,
  facilityNameKinds,
  perpetratorStatuses,
  personNameKinds,
  genders,
  contactChannels,
];
