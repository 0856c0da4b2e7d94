/**
 * Curated aliases of public detention facilities: names of one place that no spelling rule
 * can connect, because one is a translation, a number or an exonym of the other.
 *
 * Two tables:
 * - word exonyms, used inside any facility name: Palmyra is Tadmur, Palestine is Filastin,
 *   Damascus is Dimashq. "Palmyra prison" then compares equal to "سجن تدمر".
 * - facility aliases: whole names of the same facility. "Palestine Branch" is Military
 *   Intelligence Branch 235; "al-Khatib Branch" is General Intelligence Branch 251.
 *
 * Sources: public reporting on Syrian detention facilities (e.g. Human Rights Watch,
 * "Torture Archipelago", 2012; "If the Dead Could Speak", 2015; Amnesty International,
 * "Human Slaughterhouse", 2017; the Koblenz Higher Regional Court judgment on Branch 251,
 * 2022). Only well-attested public designations belong here, never persons. Aliases only
 * raise a *suggestion*; a person decides and the merge is audited (DESIGN.md §10). To add an
 * entry, cite the public source in the review and add a same/different case to the fixtures.
 */

/** A word and its other names (exonyms, translations, established spellings). */
export interface WordExonym {
  readonly id: string;
  readonly forms: readonly string[];
}

/** Word-level exonyms and translations, usable inside any facility name. */
export const WORD_EXONYMS: readonly WordExonym[] = [
  { id: 'tadmur', forms: ['Tadmur', 'Tadmor', 'Palmyra', 'تدمر'] },
  { id: 'filastin', forms: ['Palestine', 'Palestinian', 'Falastin', 'Filastin', 'Felesteen', 'فلسطين'] },
  { id: 'dimashq', forms: ['Damascus', 'Dimashq', 'Damas', 'دمشق'] },
  { id: 'halab', forms: ['Aleppo', 'Halab', 'Alep', 'حلب'] },
  { id: 'hims', forms: ['Homs', 'Hims', 'حمص'] },
  { id: 'ladhiqiya', forms: ['Latakia', 'Lattakia', 'Lattaquié', 'Ladhiqiyah', 'اللاذقية'] },
  { id: 'raids', forms: ['Raids', 'Raid', 'Mudahama', 'مداهمة'] },
  { id: 'region', forms: ['Region', 'Regional', 'Mantiqa', 'منطقة'] },
  { id: 'investigation', forms: ['Investigation', 'Investigations', 'Tahqiq', 'تحقيق'] },
];

/** One facility and names it is publicly known by. */
export interface FacilityAlias {
  readonly id: string;
  readonly names: readonly string[];
}

/** Whole-name aliases of public facilities; ids are stable, so exports may cite them. */
export const FACILITY_ALIASES: readonly FacilityAlias[] = [
  {
    id: 'sy-mi-branch-235',
    names: ['Palestine Branch', 'فرع فلسطين', 'Branch 235', 'الفرع 235', 'Military Intelligence Branch 235'],
  },
  {
    id: 'sy-mi-branch-215',
    names: ['Branch 215', 'الفرع 215', 'Raids Branch', 'Raid Company', 'فرع المداهمة', 'سرية المداهمة'],
  },
  {
    id: 'sy-mi-branch-227',
    names: ['Branch 227', 'الفرع 227', 'Region Branch', 'Damascus Region Branch', 'فرع المنطقة'],
  },
  {
    id: 'sy-mi-branch-248',
    names: ['Branch 248', 'الفرع 248', 'Military Investigation Branch', 'فرع التحقيق العسكري'],
  },
  {
    id: 'sy-gid-branch-251',
    names: ['Branch 251', 'الفرع 251', 'al-Khatib Branch', 'Khatib Branch', 'فرع الخطيب'],
  },
  {
    id: 'sy-adra-prison',
    names: ['Adra Central Prison', 'Adra Prison', 'Damascus Central Prison', 'سجن عدرا', 'سجن دمشق المركزي'],
  },
];
