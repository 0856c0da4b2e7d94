/**
 * Messages of the demo vault (first-run action, banner). Registered under `demo` in
 * i18n/en.ts and ar.ts. The banner shows `banner` in both languages at once.
 */
import type { SameKeys } from '../testimony/i18n/same-keys';

const en = {
  exploreTitle: 'Just looking around?',
  exploreBody:
    'Open a separate demo vault filled with fictional testimonies in Arabic and English, to see every screen before recording anything real. It is never mixed with a real vault, and it is deleted when you leave it or close Sijill.',
  explore: 'Explore with demo data',
  creating: 'Preparing the demo vault…',
  failed: 'The demo vault could not be opened. Nothing was changed.',
  banner: 'DEMO DATA — not real testimony',
  bannerLabel: 'Demo vault',
  bannerNote: 'Everything here is fictional. Do not record real testimony in the demo vault.',
  passphraseHint: 'The demo vault’s passphrase is:',
  leave: 'Leave the demo',
};

const ar: SameKeys<typeof en> = {
  exploreTitle: 'هل تريد الاطلاع على التطبيق فقط؟',
  exploreBody:
    'افتح خزنة تجريبية منفصلة تحتوي على شهادات متخيَّلة بالعربية والإنجليزية، لتطّلع على جميع الشاشات قبل تسجيل أي بيانات حقيقية. لا تختلط هذه الخزنة أبداً بخزنة حقيقية، وتُحذف عند مغادرتها أو إغلاق سجل.',
  explore: 'الاستكشاف ببيانات تجريبية',
  creating: 'جارٍ تجهيز الخزنة التجريبية…',
  failed: 'تعذّر فتح الخزنة التجريبية. لم يتغيّر شيء.',
  banner: 'بيانات تجريبية — ليست شهادات حقيقية',
  bannerLabel: 'الخزنة التجريبية',
  bannerNote: 'كل ما هنا متخيَّل. لا تسجّل شهادات حقيقية في الخزنة التجريبية.',
  passphraseHint: 'عبارة المرور للخزنة التجريبية:',
  leave: 'مغادرة الخزنة التجريبية',
};

/** English and Arabic, with the same keys. */
export const demoMessages = { en, ar };
