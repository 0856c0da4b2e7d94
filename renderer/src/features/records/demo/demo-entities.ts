/**
 * Facilities and alleged perpetrators of the demo vault. Facilities are real, publicly known
 * places (their names are public record); every person is fictional, with invented names in
 * Arabic and Latin script, kunyas and nicknames. One facility and one person appear twice
 * under different spellings, so the duplicate-suggestion and merge screens have work to show.
 * Pure.
 */
import type { AllegedPerpetrator, Facility, FacilityName, PerpetratorName, PositionStatement } from '../../../../../shared/domain';
import type { DemoRandom } from './demo-random';

const name = (text: string, lang: string, kind: FacilityName['kind']): FacilityName => ({ text, lang, kind });
const source = { note: 'بيانات تجريبية — Demo data (synthetic)' };
const person = (text: string, kind: PerpetratorName['kind'], lang: string): PerpetratorName => ({ text, kind, lang, source });

/** Keys the testimonies use to refer to facilities. */
export type DemoFacilityKey = 'sednaya' | 'red' | 'white' | 'redWing' | 'dorm' | 'branch235' | 'branch215' | 'mezzeh' | 'adra' | 'qaboun' | 'sednayaDuplicate';

/** The demo facilities, with hierarchy (Sednaya › Red building › wing › dormitory). */
export function demoFacilities(random: DemoRandom): Record<DemoFacilityKey, Facility> {
  const ids = {} as Record<DemoFacilityKey, string>;
  const keys: DemoFacilityKey[] = ['sednaya', 'red', 'white', 'redWing', 'dorm', 'branch235', 'branch215', 'mezzeh', 'adra', 'qaboun', 'sednayaDuplicate'];
  for (const key of keys) ids[key] = random.id();
  const damascus = { governorate: 'ريف دمشق' };
  return {
    sednaya: {
      id: ids.sednaya,
      names: [name('سجن صيدنايا العسكري', 'ar', 'official'), name('صيدنايا', 'ar', 'common'), name('Sednaya Military Prison', 'en', 'official'), name('Saydnaya', 'ar-Latn', 'transliteration')],
      type: 'prison',
      authority: 'Military Police / الشرطة العسكرية',
      ...damascus,
      coordinates: { lat: 33.665, lon: 36.333, precisionMetres: 2000 },
    },
    red: { id: ids.red, names: [name('المبنى الأحمر', 'ar', 'common'), name('Red Building', 'en', 'common')], type: 'building', parentId: ids.sednaya },
    white: { id: ids.white, names: [name('المبنى الأبيض', 'ar', 'common'), name('White Building', 'en', 'common')], type: 'building', parentId: ids.sednaya },
    redWing: { id: ids.redWing, names: [name('الجناح أ', 'ar', 'common'), name('Wing A', 'en', 'common')], type: 'wing', parentId: ids.red },
    dorm: { id: ids.dorm, names: [name('المهجع ٣', 'ar', 'common'), name('Dormitory 3', 'en', 'common')], type: 'dormitory', parentId: ids.redWing },
    branch235: {
      id: ids.branch235,
      names: [name('فرع فلسطين', 'ar', 'common'), name('الفرع ٢٣٥', 'ar', 'official'), name('Palestine Branch', 'en', 'common'), name('Branch 235', 'en', 'official')],
      type: 'intelligence_branch',
      authority: 'Military Intelligence / شعبة المخابرات العسكرية',
      governorate: 'دمشق',
    },
    branch215: { id: ids.branch215, names: [name('الفرع ٢١٥', 'ar', 'official'), name('Branch 215', 'en', 'official')], type: 'intelligence_branch', governorate: 'دمشق' },
    mezzeh: { id: ids.mezzeh, names: [name('مطار المزة العسكري', 'ar', 'official'), name('Mezzeh Military Airport', 'en', 'official')], type: 'military_airport', governorate: 'دمشق' },
    adra: { id: ids.adra, names: [name('سجن عدرا المركزي', 'ar', 'official'), name('Adra Central Prison', 'en', 'official')], type: 'prison', ...damascus },
    qaboun: { id: ids.qaboun, names: [name('الشرطة العسكرية في القابون', 'ar', 'common'), name('Military Police, Qaboun', 'en', 'common')], type: 'detention_centre', governorate: 'دمشق' },
    // Entered a second time by another documenter: a duplicate to merge.
    sednayaDuplicate: { id: ids.sednayaDuplicate, names: [name('Saidnaya prison', 'en', 'common')], type: 'prison', ...damascus },
  };
}

interface PersonSeed {
  readonly names: readonly PerpetratorName[];
  readonly status: AllegedPerpetrator['status'];
  readonly rank?: string;
  readonly role?: string;
  readonly at?: DemoFacilityKey;
  readonly description?: string;
}

/** Fictional people. Everything about them is invented. */
const PEOPLE: readonly PersonSeed[] = [
  {
    names: [person('خالد منصور', 'full_name', 'ar'), person('Khaled Mansour', 'transliteration', 'ar-Latn'), person('أبو علي', 'kunya', 'ar')],
    status: 'at_large',
    rank: 'مساعد أول / Chief warrant officer',
    role: 'مسؤول مهجع / Dormitory supervisor',
    at: 'red',
    description: 'Tall, grey moustache; detainees say he walked with a limp. / طويل القامة، شارب رمادي.',
  },
  { names: [person('نبيل درويش', 'full_name', 'ar'), person('الدكتور', 'nickname', 'ar'), person('the Doctor', 'nickname', 'en')], status: 'unknown', rank: 'ملازم أول / First lieutenant', role: 'محقق / Interrogator', at: 'branch235' },
  { names: [person('رامي قاسم', 'full_name', 'ar'), person('Rami Kassem', 'transliteration', 'ar-Latn')], status: 'arrested', rank: 'رقيب / Sergeant', role: 'سجّان / Guard', at: 'sednaya' },
  { names: [person('ماجد عمران', 'full_name', 'ar'), person('أبو حسام', 'kunya', 'ar'), person('Abu Hussam', 'kunya', 'en')], status: 'at_large', rank: 'عقيد / Colonel', role: 'رئيس قسم التحقيق / Head of interrogation', at: 'branch215' },
  { names: [person('وائل حداد', 'full_name', 'ar'), person('Wael Haddad', 'transliteration', 'ar-Latn')], status: 'deceased', rank: 'مساعد / Warrant officer', at: 'mezzeh' },
  { names: [person('طارق الصباغ', 'full_name', 'ar'), person('Tareq al-Sabbagh', 'transliteration', 'ar-Latn'), person('الأشقر', 'nickname', 'ar')], status: 'unknown', role: 'سجّان / Guard', at: 'white' },
  { names: [person('سليم عيسى', 'full_name', 'ar'), person('Salim Issa', 'transliteration', 'ar-Latn')], status: 'at_large', rank: 'رائد / Major', at: 'qaboun' },
  // The first person again, as another team wrote him down: a duplicate to merge.
  { names: [person('Khalid Mansur', 'full_name', 'en'), person('Abu Ali', 'kunya', 'en')], status: 'unknown' },
];

/** The demo alleged perpetrators; positions point at the demo facilities. */
export function demoPerpetrators(random: DemoRandom, facilities: Record<DemoFacilityKey, Facility>): AllegedPerpetrator[] {
  return PEOPLE.map((seed) => {
    const positions: PositionStatement[] = [];
    if (seed.rank !== undefined || seed.role !== undefined || seed.at !== undefined) {
      positions.push({
        ...(seed.rank === undefined ? {} : { rank: seed.rank }),
        ...(seed.role === undefined ? {} : { role: seed.role }),
        ...(seed.at === undefined ? {} : { facilityId: facilities[seed.at].id }),
        from: { year: random.int(2011, 2014), precision: 'year', approximate: true },
        source,
      });
    }
    return {
      id: random.id(),
      names: [...seed.names],
      positions,
      status: seed.status,
      ...(seed.description === undefined ? {} : { description: seed.description }),
      photoAttachmentIds: [],
    };
  });
}
