/**
 * Narrative templates of the demo testimonies, in Arabic and English: first person, gender
 * neutral, respectful and non-graphic (they name what happened in general terms, never
 * describe it). Every person and event is fictional. Pure.
 */

/** Values a template fills in. */
export interface NarrativeSlots {
  readonly place: string;
  readonly facility: string;
  readonly facility2: string;
  readonly year: number;
  readonly year2: number;
  readonly months: number;
  readonly nick: string;
}

type Template = (s: NarrativeSlots) => string;

export const ARABIC_NARRATIVES: readonly Template[] = [
  (s) =>
    `اعتُقلتُ عند حاجز قرب ${s.place} في عام ${s.year}، واقتِدتُ إلى ${s.facility}. أمضيتُ هناك نحو ${s.months} أشهر في مهجع مكتظ. كان التحقيق يجري ليلاً، وتعرّضتُ خلاله للضرب والإهانة. كان السجّانون ينادون أحد المسؤولين باسم «${s.nick}». نُقلتُ بعد ذلك إلى ${s.facility2}، وبقيتُ فيه حتى الإفراج عني في عام ${s.year2}.`,
  (s) =>
    `في عام ${s.year} دهمت قوة أمنية منزلنا في ${s.place} واقتادتني إلى ${s.facility}. وُضعتُ في زنزانة منفردة أياماً عدة قبل نقلي إلى مهجع جماعي. لم يُسمح لنا بالعلاج، وكان الطعام قليلاً جداً. ما زلتُ أتذكّر صوت المحقق الذي كان يُعرف بـ«${s.nick}». أُفرج عني في عام ${s.year2} بعد نقلي إلى ${s.facility2}.`,
  (s) =>
    `استُدعيتُ إلى ${s.facility} للمراجعة في عام ${s.year}، ولم أخرج إلا بعد ${s.months} أشهر. خلال تلك المدة حُرمتُ من الزيارات ومن أي تواصل مع عائلتي، وتعرّضتُ للضرب في أثناء التحقيق. سمعتُ السجناء يتحدثون عن شخص يُلقَّب بـ«${s.nick}». نُقلتُ لاحقاً إلى ${s.facility2}.`,
];

export const ENGLISH_NARRATIVES: readonly Template[] = [
  (s) =>
    `I was arrested at a checkpoint near ${s.place} in ${s.year} and taken to ${s.facility}. I spent about ${s.months} months in a crowded collective cell. Interrogations took place at night, and I was beaten and humiliated during them. The guards called one of the officers "${s.nick}". I was later moved to ${s.facility2}, where I stayed until my release in ${s.year2}.`,
  (s) =>
    `In ${s.year} security forces raided our home in ${s.place} and took me to ${s.facility}. I was kept in a solitary cell for several days before being moved to a shared cell. We were denied medical care and given very little food. I still remember the voice of an interrogator known as "${s.nick}". I was released in ${s.year2} after a transfer to ${s.facility2}.`,
  (s) =>
    `I was summoned to ${s.facility} in ${s.year} and did not leave until ${s.months} months later. During that time I had no visits and no contact with my family, and I was beaten during interrogation. Other detainees spoke of a man they called "${s.nick}". I was later transferred to ${s.facility2}.`,
];

/** Short summaries. */
export const summaryAr = (s: NarrativeSlots) => `إفادة عن الاحتجاز في ${s.facility} ثم ${s.facility2} (${s.year}–${s.year2}).`;
export const summaryEn = (s: NarrativeSlots) => `Account of detention at ${s.facility}, then ${s.facility2} (${s.year}–${s.year2}).`;

/** Places in general terms (never an address). */
export const PLACES: readonly { readonly ar: string; readonly en: string }[] = [
  { ar: 'درعا', en: 'Daraa' },
  { ar: 'حمص', en: 'Homs' },
  { ar: 'دوما', en: 'Douma' },
  { ar: 'حلب', en: 'Aleppo' },
  { ar: 'حماة', en: 'Hama' },
  { ar: 'إدلب', en: 'Idlib' },
  { ar: 'دير الزور', en: 'Deir ez-Zor' },
];

/** Fictional witness names. */
export const GIVEN_NAMES: readonly string[] = ['سامر', 'ريم', 'عمر', 'لينا', 'يوسف', 'هالة', 'مازن', 'نور', 'باسل', 'سلمى', 'Karim', 'Dima', 'Hadi', 'Rania'];
export const FAMILY_NAMES: readonly string[] = ['الخطيب', 'العلي', 'النجار', 'السيد', 'حمدان', 'شحادة', 'Nasser', 'Khoury', 'Saadeh'];

/** Tags documenters use. */
export const TAGS: readonly string[] = ['صيدنايا', 'تحقيق', 'مهجع', 'transfer', 'release', 'family-visit-denied'];
