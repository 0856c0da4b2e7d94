/**
 * Vocabularies of the linked entities: facilities, alleged perpetrators and witnesses.
 */
import { defineVocabulary } from '../vocabulary';

/**
 * Types of facility. The last four are parts of a facility, so places nest:
 * prison › building › wing › cell (or dormitory, the collective cells of Sednaya and Tadmur).
 */
export const facilityTypes = defineVocabulary('facility-type', [
  { code: 'prison', en: 'Prison', ar: 'سجن' },
  { code: 'intelligence_branch', en: 'Intelligence branch', ar: 'فرع أمني' },
  { code: 'military_airport', en: 'Military airport', ar: 'مطار عسكري' },
  { code: 'detention_centre', en: 'Detention centre', ar: 'مركز احتجاز' },
  { code: 'police_station', en: 'Police station', ar: 'مخفر شرطة' },
  { code: 'checkpoint', en: 'Checkpoint', ar: 'حاجز' },
  { code: 'hospital', en: 'Hospital', ar: 'مستشفى' },
  { code: 'unofficial_site', en: 'Unofficial detention site', ar: 'مكان احتجاز غير رسمي' },
  { code: 'other_site', en: 'Other site', ar: 'موقع آخر' },
  { code: 'building', en: 'Building', ar: 'مبنى' },
  { code: 'wing', en: 'Wing', ar: 'جناح' },
  { code: 'dormitory', en: 'Dormitory (collective cell)', ar: 'مهجع' },
  { code: 'cell', en: 'Cell', ar: 'زنزانة' },
]);
export type FacilityType = (typeof facilityTypes.codes)[number];

/** Facility types that are parts of another facility and so need a parent. */
export const FACILITY_PART_TYPES: ReadonlySet<FacilityType> = new Set(['building', 'wing', 'dormitory', 'cell']);

/** What kind of name a facility name is. */
export const facilityNameKinds = defineVocabulary('facility-name-kind', [
  { code: 'official', en: 'Official name', ar: 'الاسم الرسمي' },
  { code: 'common', en: 'Common name', ar: 'الاسم المتداول' },
  { code: 'nickname', en: 'Nickname', ar: 'لقب' },
  { code: 'transliteration', en: 'Transliteration', ar: 'نقحرة' },
  { code: 'former', en: 'Former name', ar: 'اسم سابق' },
]);
export type FacilityNameKind = (typeof facilityNameKinds.codes)[number];

/** What is known of an alleged perpetrator's whereabouts. */
export const perpetratorStatuses = defineVocabulary('perpetrator-status', [
  { code: 'at_large', en: 'At large', ar: 'طليق' },
  { code: 'arrested', en: 'Arrested', ar: 'مقبوض عليه' },
  { code: 'deceased', en: 'Deceased', ar: 'متوفى' },
  { code: 'unknown', en: 'Unknown', ar: 'غير معروف' },
]);
export type PerpetratorStatus = (typeof perpetratorStatuses.codes)[number];

/** What kind of name a person's name is (a kunya is "Abu …"/"أبو …", "Umm …"/"أم …"). */
export const personNameKinds = defineVocabulary('person-name-kind', [
  { code: 'full_name', en: 'Full name', ar: 'الاسم الكامل' },
  { code: 'kunya', en: 'Kunya (Abu …)', ar: 'الكنية (أبو …)' },
  { code: 'nickname', en: 'Nickname', ar: 'لقب' },
  { code: 'alias', en: 'Alias', ar: 'اسم مستعار' },
  { code: 'transliteration', en: 'Transliteration', ar: 'نقحرة' },
]);
export type PersonNameKind = (typeof personNameKinds.codes)[number];

/** Gender as the witness states it; `undisclosed` when they prefer not to say. */
export const genders = defineVocabulary('gender', [
  { code: 'female', en: 'Female', ar: 'أنثى' },
  { code: 'male', en: 'Male', ar: 'ذكر' },
  { code: 'undisclosed', en: 'Prefers not to say', ar: 'يفضّل عدم الإفصاح' },
]);
export type Gender = (typeof genders.codes)[number];

/** Ways to reach a witness. */
export const contactChannels = defineVocabulary('contact-channel', [
  { code: 'phone', en: 'Phone', ar: 'هاتف' },
  { code: 'messaging_app', en: 'Messaging app', ar: 'تطبيق مراسلة' },
  { code: 'email', en: 'Email', ar: 'بريد إلكتروني' },
  { code: 'address', en: 'Address', ar: 'عنوان' },
  { code: 'intermediary', en: 'Through an intermediary', ar: 'عبر وسيط' },
  { code: 'other', en: 'Other', ar: 'أخرى' },
]);
export type ContactChannel = (typeof contactChannels.codes)[number];
