/**
 * Vocabularies of a testimony: its kind and status, how the interview was held, and how an
 * allegation is qualified (role of the alleged perpetrator, basis of identification).
 *
 * Arabic labels use nominal forms ("رؤية الوجه" rather than "رأى وجهه") so they read
 * correctly whatever the gender of the witness or the alleged perpetrator.
 */
import { defineVocabulary } from '../vocabulary';

/** What kind of account a testimony is. */
export const testimonyKinds = defineVocabulary('testimony-kind', [
  { code: 'survivor_account', en: 'Survivor account', ar: 'شهادة ناجٍ/ناجية' },
  { code: 'witness_account', en: 'Witness account', ar: 'شهادة شاهد/شاهدة' },
  { code: 'insider_statement', en: 'Insider or perpetrator statement', ar: 'إفادة من داخل المنظومة (منشق أو مرتكب)' },
  { code: 'initial_account', en: 'Initial account', ar: 'إفادة أولية' },
]);
export type TestimonyKind = (typeof testimonyKinds.codes)[number];

/** Life cycle of a testimony: a sealed one is never edited, only amended by a new version. */
export const testimonyStatuses = defineVocabulary('testimony-status', [
  { code: 'draft', en: 'Draft', ar: 'مسودة' },
  { code: 'complete', en: 'Complete', ar: 'مكتملة' },
  { code: 'reviewed', en: 'Reviewed', ar: 'تمت مراجعتها' },
  { code: 'sealed', en: 'Sealed', ar: 'مختومة' },
]);
export type TestimonyStatus = (typeof testimonyStatuses.codes)[number];

/** How an interview session was held. */
export const interviewModes = defineVocabulary('interview-mode', [
  { code: 'in_person', en: 'In person', ar: 'حضورياً' },
  { code: 'remote_video', en: 'Remote, video', ar: 'عن بُعد بالفيديو' },
  { code: 'remote_audio', en: 'Remote, audio only', ar: 'عن بُعد بالصوت فقط' },
  { code: 'phone', en: 'Telephone', ar: 'عبر الهاتف' },
]);
export type InterviewMode = (typeof interviewModes.codes)[number];

/** What the alleged perpetrator is said to have done in relation to the acts. */
export const perpetratorRoles = defineVocabulary('perpetrator-role', [
  { code: 'directly_carried_out', en: 'Directly carried out', ar: 'التنفيذ المباشر' },
  { code: 'gave_orders', en: 'Gave orders', ar: 'إصدار الأوامر' },
  { code: 'present', en: 'Was present', ar: 'الحضور أثناء الفعل' },
  { code: 'planned', en: 'Planned', ar: 'التخطيط' },
  { code: 'suspected', en: 'Suspected involvement', ar: 'الاشتباه بالتورط' },
]);
export type PerpetratorRole = (typeof perpetratorRoles.codes)[number];

/** How the witness knows who the alleged perpetrator is: the weight a lawyer gives it. */
export const identificationBases = defineVocabulary('identification-basis', [
  { code: 'saw_face', en: 'Saw the face', ar: 'رؤية الوجه' },
  { code: 'knew_name', en: 'Knew the name', ar: 'معرفة الاسم مسبقاً' },
  { code: 'heard_name_called', en: 'Heard the name called', ar: 'سماع الاسم عند المناداة' },
  { code: 'recognised_voice', en: 'Recognised the voice', ar: 'التعرّف على الصوت' },
  { code: 'told_by_others', en: 'Told by others', ar: 'نقلاً عن آخرين' },
  { code: 'documents', en: 'Documents', ar: 'وثائق' },
  { code: 'other', en: 'Other (describe in notes)', ar: 'أخرى (تُوصف في الملاحظات)' },
]);
export type IdentificationBasis = (typeof identificationBases.codes)[number];
