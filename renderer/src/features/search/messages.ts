/**
 * Messages of the search screen. Registered under `search` in i18n/en.ts and ar.ts.
 */
const en = {
  title: 'Search',
  intro: 'Search testimonies, facilities and alleged perpetrators. Names match across Arabic and Latin spellings: صيدنايا, Saydnaya and Sednaya find the same place.',
  label: 'Search the case file',
  placeholder: 'A name, a place, a reference code, a word…',
  searching: 'Searching…',
  indexing: 'The search index is still being built; results may be incomplete.',
  failed: 'Search is not available right now. Lock and unlock the vault to try again.',
  noResults: 'Nothing found for this search.',
  testimonies: 'Testimonies',
  facilities: 'Facilities',
  perpetrators: 'Alleged perpetrators',
  groupCount: '{{group}} ({{count}})',
  resultsSummary: 'Results: {{count}}',
};

/** The same keys in Arabic. */
const ar: typeof en = {
  title: 'البحث',
  intro: 'ابحث في الشهادات والمرافق والمتهمين المزعومين. تتطابق الأسماء بين التهجئات العربية واللاتينية: صيدنايا وSaydnaya وSednaya تدل على المكان نفسه.',
  label: 'البحث في ملف القضايا',
  placeholder: 'اسم، مكان، رمز مرجعي، كلمة…',
  searching: 'جارٍ البحث…',
  indexing: 'ما زال فهرس البحث قيد الإنشاء، وقد تكون النتائج ناقصة.',
  failed: 'البحث غير متاح حالياً. اقفل الخزنة ثم افتحها للمحاولة مجدداً.',
  noResults: 'لم يُعثر على شيء لهذا البحث.',
  testimonies: 'الشهادات',
  facilities: 'المرافق',
  perpetrators: 'المتهمون المزعومون',
  groupCount: '{{group}} (العدد: {{count}})',
  resultsSummary: 'عدد النتائج: {{count}}',
};

/** Messages of the search feature. */
export const searchMessages = { en, ar };
