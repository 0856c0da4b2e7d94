/**
 * Words that precede a person's name without being part of it: military and police ranks,
 * roles in detention ("the interrogator", "the jailer") and honorifics. Witnesses name
 * alleged perpetrators by rank far more often than not ("العقيد نزار", "Col. Nizar"), and a
 * rank changes with promotions, so ranks are removed before names are compared. Ranks are
 * kept as data on the perpetrator record (positions), not in the name.
 *
 * Only leading words are removed, and never all of them: "the Colonel" alone is a nickname
 * and stays. Arabic words that are also common given names (رائد Raed, عماد Imad, مساعد
 * Musaid, سيد Sayyid, أمير Amir, قائد Qaed) count as titles only with the article (الرائد),
 * which is how Arabic writes a rank before a name and never how it writes a given name.
 *
 * Entries are written naturally; Arabic is normalised (normaliseArabic) and Latin prefolded
 * when the tables are built.
 */

/** Latin-script ranks, roles and honorifics (abbreviations are matched without their dot). */
export const LATIN_TITLES: readonly string[] = [
  // ranks (English, with common abbreviations) and their Arabic transliterations
  'private', 'pvt', 'corporal', 'cpl', 'sergeant', 'sgt', 'warrant', 'officer', 'lieutenant', 'lieut', 'lt',
  'captain', 'capt', 'cpt', 'major', 'maj', 'colonel', 'col', 'brigadier', 'brig', 'general', 'gen',
  'marshal', 'admiral', 'adm', 'commander', 'cmdr',
  'aqid', 'akid', 'muqaddam', 'mukaddam', 'naqib', 'nakib', 'mulazim', 'liwa', 'liwaa', 'amid', 'imid',
  'raqib', 'mujannad', 'mushir',
  // the same transliterations with English and French vowel spellings (ee, ou, o)
  'aqeed', 'akeed', 'moqaddam', 'mokaddam', 'muqadam', 'naqeeb', 'nakeeb', 'mulazem', 'moulazem', 'ameed', 'raqeeb', 'moushir',
  // French ranks that are not English words (colonel, capitaine, général fold to known forms or are listed)
  'capitaine', 'commandant', 'adjudant', 'sergent', 'caporal', 'soldat', 'lieutenant-colonel', 'general', 'generale',
  // roles in detention
  'interrogator', 'investigator', 'jailer', 'jailor', 'warden', 'guard', 'director', 'chief', 'head',
  'muhaqqiq', 'sajjan',
  // honorifics
  'dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'sheikh', 'shaykh', 'sheik', 'shaikh', 'cheikh',
  'hajj', 'haj', 'hajji', 'hadji', 'ustaz', 'ustadh', 'ostaz', 'the',
];

/** Arabic ranks, roles and honorifics that are titles with or without the article. */
export const ARABIC_TITLES: readonly string[] = [
  'مجند', 'عريف', 'رقيب', 'ملازم', 'نقيب', 'مقدم', 'عقيد', 'عميد', 'لواء', 'مشير', 'ضابط',
  'محقق', 'سجان', 'سجّان', 'شيخ', 'حاج', 'حجي', 'دكتور', 'أستاذ',
];

/** Arabic titles that are also given names: titles only when written with the article. */
export const ARABIC_TITLES_WITH_ARTICLE_ONLY: readonly string[] = [
  'رائد', 'عماد', 'مساعد', 'فريق', 'سيد', 'أمير', 'قائد', 'حارس', 'مدير', 'رئيس', 'معلم',
];

/** Words that qualify a title and go with it: "Lt. Col.", "First Lieutenant", "ملازم أول", "العميد الركن". */
export const TITLE_MODIFIERS: readonly string[] = ['first', 'second', 'staff', 'senior', 'of', 'أول', 'ثاني', 'ركن'];

/** Particles inside a name that do not identify anyone (son of, daughter of). */
export const NAME_PARTICLES: readonly string[] = ['bin', 'ibn', 'ben', 'bint', 'بن', 'ابن', 'بنت'];

/** First word of a kunya ("father of", "mother of"), Latin spellings and Arabic. */
export const KUNYA_HEADS: Readonly<Record<'abu' | 'umm', readonly string[]>> = {
  // bou: the Maghrebi and Lebanese form (Bou Ali, Boumediene written apart)
  abu: ['abu', 'abū', 'abou', 'abo', 'aboo', 'bou', 'أبو', 'ابو'],
  umm: ['umm', 'um', 'oum', 'omm', 'em', 'أم', 'ام'],
};

/**
 * The Latin article written as its own word or before a hyphen: al-, el-, il-, ul- and the
 * sun-letter forms, where the l takes the sound of the next consonant (ash-Shaar, ad-Din,
 * ez-Zor, French ech-Cham). The sun-letter forms count only before a word that starts with that consonant.
 */
export const LATIN_ARTICLES: readonly string[] = ['al', 'el', 'il', 'ul'];
/** A sun-letter article (ash, ad, ez…); group 1 is the consonant the next word must start with. */
export const LATIN_SUN_ARTICLE = /^[aeiu](t|th|d|dh|r|z|s|sh|ch|n)$/;
