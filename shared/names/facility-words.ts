/**
 * Generic words in facility names. "سجن صيدنايا العسكري" and "Sednaya Military Prison" share
 * one distinguishing word; the rest says what kind of place it is. Generic words are set
 * aside so the distinguishing part is what gets compared, but they are not thrown away:
 *
 * - `type` words name the kind of facility. Two names whose types disagree (Mezzeh Prison,
 *   Mezzeh Military Airport; Palestine Branch, a Palestine Street checkpoint) are different
 *   places even when the distinguishing word agrees. A name may have several (the prison of
 *   a branch); names agree when their types overlap or one has none.
 * - `part` words name a part of a facility (wing, cell). A part is never a duplicate of the
 *   whole, nor of a different kind of part.
 * - `qualifier` words (military, central, intelligence) decide only when two names disagree
 *   on the agency or kind (facility-match.ts).
 *
 * Forms are written naturally: Arabic is normalised and the article stripped when the
 * lookup is built, Latin prefolded. Transliterated forms (sijn, far', matar) are listed
 * because documenters write them too, and French forms (branche, aéroport, centrale)
 * because francophone documenters and sources write those.
 */

/** How a generic word bears on whether two names are the same place. */
export type GenericWordRole = 'type' | 'part' | 'qualifier';

/** One concept and the words that express it. */
export interface GenericWord {
  readonly concept: string;
  readonly role: GenericWordRole;
  readonly forms: readonly string[];
}

/** The generic words, by concept. */
export const FACILITY_GENERIC_WORDS: readonly GenericWord[] = [
  { concept: 'prison', role: 'type', forms: ['prison', 'prisons', 'jail', 'gaol', 'prisonnier', 'sijn', 'sejn', 'sjn', 'سجن', 'سجون', 'معتقل'] },
  { concept: 'airport', role: 'type', forms: ['airport', 'airbase', 'airfield', 'aéroport', 'aerodrome', 'matar', 'mattar', 'مطار'] },
  { concept: 'hospital', role: 'type', forms: ['hospital', 'hôpital', 'mustashfa', 'mustashfah', 'mashfa', 'مستشفى', 'مشفى'] },
  { concept: 'checkpoint', role: 'type', forms: ['checkpoint', 'hajez', 'hajiz', 'حاجز'] },
  { concept: 'police_station', role: 'type', forms: ['police', 'station', 'shurta', 'shorta', 'makhfar', 'mukhfar', 'شرطة', 'مخفر'] },
  { concept: 'branch', role: 'type', forms: ['branch', 'branche', 'far', 'fara', 'faraa', 'firaa', 'فرع'] },
  { concept: 'building', role: 'part', forms: ['building', 'block', 'mabna', 'مبنى', 'بناء'] },
  { concept: 'wing', role: 'part', forms: ['wing', 'section', 'janah', 'جناح'] },
  { concept: 'dormitory', role: 'part', forms: ['dormitory', 'dorm', 'mahjaa', 'mehjaa', 'مهجع'] },
  { concept: 'cell', role: 'part', forms: ['cell', 'cells', 'zinzana', 'zenzana', 'zinzaneh', 'زنزانة', 'منفردة', 'منفردات'] },
  { concept: 'division', role: 'qualifier', forms: ['division', 'department', 'directorate', 'administration', 'shuba', 'idara', 'شعبة', 'إدارة', 'مديرية'] },
  { concept: 'company', role: 'qualifier', forms: ['company', 'detachment', 'unit', 'sariyya', 'mafraza', 'سرية', 'مفرزة'] },
  { concept: 'military', role: 'qualifier', forms: ['military', 'militaire', 'army', 'askari', 'askariya', 'عسكري', 'عسكرية'] },
  { concept: 'central', role: 'qualifier', forms: ['central', 'centrale', 'markazi', 'markaziya', 'مركزي', 'مركزية'] },
  { concept: 'intelligence', role: 'qualifier', forms: ['intelligence', 'mukhabarat', 'istikhbarat', 'مخابرات', 'استخبارات'] },
  { concept: 'air_force', role: 'qualifier', forms: ['air', 'force', 'jawiya', 'jawiyya', 'جوية'] },
  { concept: 'security', role: 'qualifier', forms: ['security', 'amn', 'amni', 'أمن', 'أمني', 'أمنية'] },
  { concept: 'political', role: 'qualifier', forms: ['political', 'siyasi', 'سياسي', 'سياسية'] },
  { concept: 'state', role: 'qualifier', forms: ['state', 'dawla', 'دولة'] },
  { concept: 'general', role: 'qualifier', forms: ['general', 'aama', 'amma', 'عامة', 'عام'] },
  { concept: 'detention', role: 'qualifier', forms: ['detention', 'centre', 'center', 'markaz', 'ihtijaz', 'مركز', 'احتجاز', 'توقيف', 'اعتقال'] },
];

/** Words that link the parts of a facility name and identify nothing. */
export const FACILITY_PARTICLES: readonly string[] = [
  'of', 'the', 'in', 'at', 'for', 'de', 'du', 'des', 'la', 'le', 'في', 'من', 'الى', 'إلى', 'على',
  // words that introduce a number and identify nothing: Branch No. 235, n° 235, الفرع رقم ٢٣٥
  'no', 'nr', 'n', 'number', 'num', 'numero', 'numéro', 'raqm', 'رقم',
];
