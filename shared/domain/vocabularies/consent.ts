/**
 * Vocabularies of informed consent: what the witness agreed to, how, and with whom their
 * testimony and identity may be shared. Export decisions are computed from these codes
 * (see consent-export.ts), so their meaning is written down here.
 */
import { defineVocabulary } from '../vocabulary';

/**
 * What the testimony may be used for.
 * - `internal_archive`: kept in the organisation's encrypted archive.
 * - `legal_proceedings`: used to build cases (courts, prosecutors, UN accountability mechanisms).
 * - `sharing`: shared with the recipients listed in the consent (contacts or classes).
 * - `publication_anonymised`: quoted or summarised in public reports without identifying anyone.
 */
export const consentScopes = defineVocabulary('consent-scope', [
  { code: 'internal_archive', en: 'Internal archive', ar: 'الحفظ في الأرشيف الداخلي' },
  { code: 'legal_proceedings', en: 'Legal proceedings', ar: 'الاستخدام في الإجراءات القانونية' },
  { code: 'sharing', en: 'Sharing with listed recipients', ar: 'المشاركة مع جهات محددة' },
  { code: 'publication_anonymised', en: 'Anonymised publication', ar: 'النشر دون كشف الهوية' },
]);
export type ConsentScope = (typeof consentScopes.codes)[number];

/**
 * How far the witness's identity may travel.
 * - `named`: their name may be given to the recipients listed for named disclosure.
 * - `pseudonym_only`: only their pseudonym code leaves the archive.
 * - `never`: their identity is never disclosed; exports carry the testimony pseudonymised.
 */
export const identityDisclosures = defineVocabulary('identity-disclosure', [
  { code: 'named', en: 'May be named', ar: 'الكشف عن الاسم' },
  { code: 'pseudonym_only', en: 'Pseudonym only', ar: 'الرمز المستعار فقط' },
  { code: 'never', en: 'Never disclosed', ar: 'عدم الكشف عن الهوية إطلاقاً' },
]);
export type IdentityDisclosure = (typeof identityDisclosures.codes)[number];

/** How consent was given and recorded. */
export const consentForms = defineVocabulary('consent-form', [
  { code: 'written', en: 'Written', ar: 'خطية' },
  { code: 'oral', en: 'Oral', ar: 'شفهية' },
  { code: 'recorded', en: 'Recorded (audio or video)', ar: 'مسجّلة (صوتاً أو صورة)' },
]);
export type ConsentForm = (typeof consentForms.codes)[number];

/**
 * Kinds of recipient a consent can name instead of individual contacts. `un_mechanism`,
 * `prosecutor` and `lawyer` are legal recipients: sending to them is use in legal proceedings.
 */
export const recipientClasses = defineVocabulary('recipient-class', [
  { code: 'un_mechanism', en: 'UN mechanism', ar: 'آلية تابعة للأمم المتحدة' },
  { code: 'prosecutor', en: 'Prosecutor', ar: 'جهة ادعاء عام' },
  { code: 'lawyer', en: 'Lawyer', ar: 'محامون' },
  { code: 'ngo_partner', en: 'Partner organisation', ar: 'منظمة شريكة' },
]);
export type RecipientClass = (typeof recipientClasses.codes)[number];

/** Recipient classes whose receipt of a testimony is use in legal proceedings. */
export const LEGAL_RECIPIENT_CLASSES: ReadonlySet<RecipientClass> = new Set(['un_mechanism', 'prosecutor', 'lawyer']);
