/**
 * The demo vault's contents (issue item 6): a few dozen synthetic testimonies in Arabic and
 * English with their witnesses and consent, linked to real facilities and fictional alleged
 * perpetrators. Deterministic for a seed. Pure: loading is demo-vault.ts.
 */
import type {
  AllegedPerpetrator,
  Allegation,
  ConsentRecord,
  DetentionEpisode,
  Facility,
  InterviewSession,
  Testimony,
  TestimonyStatus,
  Witness,
} from '../../../../../shared/domain';
import type { ActCode } from '../../../../../shared/domain';
import { formatPseudonymCode, formatReferenceCode } from '../reference-codes';
import { demoFacilities, demoPerpetrators, type DemoFacilityKey } from './demo-entities';
import { DemoRandom } from './demo-random';
import { ARABIC_NARRATIVES, ENGLISH_NARRATIVES, FAMILY_NAMES, GIVEN_NAMES, PLACES, summaryAr, summaryEn, TAGS, type NarrativeSlots } from './demo-texts';

/** Everything a demo vault holds, in the order it must be written (parents before children). */
export interface DemoData {
  readonly facilities: readonly Facility[];
  readonly perpetrators: readonly AllegedPerpetrator[];
  readonly witnesses: readonly Witness[];
  readonly consents: readonly ConsentRecord[];
  readonly testimonies: readonly Testimony[];
}

const ACTS: readonly ActCode[] = ['beating', 'humiliation', 'death_threats', 'stress_positions', 'blindfolding_hooding', 'overcrowding', 'denial_medical_care', 'incommunicado', 'solitary_confinement'];
const STATUSES: readonly TestimonyStatus[] = ['draft', 'complete', 'complete', 'reviewed', 'reviewed', 'sealed'];
const ROUTES: readonly [DemoFacilityKey, DemoFacilityKey][] = [
  ['branch235', 'sednaya'],
  ['branch215', 'dorm'],
  ['mezzeh', 'red'],
  ['qaboun', 'white'],
  ['branch235', 'adra'],
  ['branch215', 'redWing'],
];

function consentFor(random: DemoRandom, witness: Witness, index: number): ConsentRecord {
  const date = `2025-${String(random.int(1, 9)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const events: ConsentRecord['events'] = [
    {
      type: 'granted',
      version: 1,
      date,
      form: random.pick(['written', 'oral', 'recorded'] as const),
      explainedBy: 'DOC-02',
      language: 'ar',
      scopes: index % 4 === 0 ? ['internal_archive'] : ['internal_archive', 'legal_proceedings', 'sharing'],
      sharing: index % 4 === 0 ? { contactIds: [], recipientClasses: [] } : { contactIds: [], recipientClasses: ['un_mechanism', 'prosecutor'] },
      identityDisclosure: index % 3 === 0 ? 'never' : 'pseudonym_only',
      recordingAllowed: index % 2 === 0,
      recontactAllowed: true,
      ...(index % 5 === 1 ? { reviewDate: '2025-12-01' } : {}),
    },
  ];
  // A few witnesses later narrowed or withdrew consent: the badges and filters show it.
  if (index % 9 === 4) events.push({ type: 'withdrawn', version: 2, date: '2025-11-15', scope: ['sharing'], recordedBy: 'DOC-02' });
  if (index % 11 === 7) events.push({ type: 'withdrawn', version: 2, date: '2025-11-20', scope: 'all', recordedBy: 'DOC-01' });
  return { id: random.id(), witnessId: witness.id, events };
}

function session(random: DemoRandom, arabic: boolean, year: number): InterviewSession {
  return {
    id: random.id(),
    date: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    mode: random.pick(['in_person', 'remote_video'] as const),
    place: arabic ? random.pick(['غازي عنتاب', 'شمال لبنان', 'دمشق']) : random.pick(['Gaziantep', 'Northern Lebanon', 'Berlin']),
    interviewers: ['DOC-0' + String(random.int(1, 4))],
    interpreters: [],
    languages: [arabic ? 'ar' : 'en'],
    personsPresent: [],
    recordingMade: false,
    breaks: [],
    distressObserved: random.next() < 0.3,
    referralOffered: true,
    priorInterviews: [],
  };
}

/** Builds the demo data for `seed` (the default seed is the one the app uses). */
export function buildDemoData(seed = 2026, count = 36): DemoData {
  const random = new DemoRandom(seed);
  const facilityMap = demoFacilities(random);
  const facilities = Object.values(facilityMap);
  const perpetrators = demoPerpetrators(random, facilityMap);
  const nicknames = perpetrators.map((p) => p.names.find((n) => n.kind !== 'full_name')?.text ?? p.names[0]?.text ?? '');
  const witnesses: Witness[] = [];
  const consents: ConsentRecord[] = [];
  const testimonies: Testimony[] = [];
  for (let index = 0; index < count; index += 1) {
    const arabic = index % 3 !== 2;
    const witness: Witness = {
      id: random.id(),
      pseudonymCode: formatPseudonymCode(index + 1),
      fullName: `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`,
      otherNames: [],
      birthYear: random.int(1960, 2000),
      birthYearApproximate: random.next() < 0.3,
      gender: random.pick(['female', 'male', 'undisclosed'] as const),
      contacts: [{ channel: 'intermediary', value: 'DOC-02', note: 'عبر المنظمة فقط / only through the organisation' }],
      origin: { governorate: random.pick(PLACES).ar },
    };
    witnesses.push(witness);
    const consent = index % 12 === 11 ? null : consentFor(random, witness, index);
    if (consent) consents.push(consent);

    const [firstKey, secondKey] = random.pick(ROUTES);
    const first = facilityMap[firstKey];
    const second = facilityMap[secondKey];
    const year = random.int(2011, 2018);
    const year2 = year + random.int(1, 3);
    const perpetratorIndex = random.int(0, perpetrators.length - 2); // the duplicate is only linked below
    const place = random.pick(PLACES);
    const label = (f: Facility) => (arabic ? f.names[0]?.text : (f.names.find((n) => n.lang === 'en')?.text ?? f.names[0]?.text)) ?? '';
    const slots: NarrativeSlots = { place: arabic ? place.ar : place.en, facility: label(first), facility2: label(second), year, year2, months: random.int(2, 18), nick: nicknames[perpetratorIndex] ?? '' };
    const episodes: DetentionEpisode[] = [
      { id: random.id(), facilityId: first.id, from: { year, precision: 'year', approximate: false }, to: { year, month: random.int(6, 12), precision: 'month', approximate: true } },
      { id: random.id(), facilityId: second.id, from: { year: year + 1, precision: 'year', approximate: true }, to: { year: year2, precision: 'year', approximate: false } },
    ];
    const allegations: Allegation[] = [
      {
        id: random.id(),
        perpetratorId: (perpetrators[index === count - 1 ? perpetrators.length - 1 : perpetratorIndex] as AllegedPerpetrator).id,
        facilityId: first.id,
        date: { year, month: random.int(1, 12), precision: 'month', approximate: true },
        acts: random.some(ACTS, random.int(1, 3)),
        role: random.pick(['directly_carried_out', 'gave_orders', 'present'] as const),
        identificationBasis: random.some(['saw_face', 'heard_name_called', 'recognised_voice', 'told_by_others'] as const, random.int(1, 2)),
      },
    ];
    if (index % 4 === 0) {
      allegations.push({ id: random.id(), unidentifiedDescription: arabic ? 'سجّان طويل القامة ذو لهجة ساحلية' : 'A tall guard with a coastal accent', facilityId: second.id, acts: ['beating'], role: 'directly_carried_out', identificationBasis: [] });
    }
    const status = random.pick(STATUSES);
    const template = random.pick(arabic ? ARABIC_NARRATIVES : ENGLISH_NARRATIVES);
    const sessionYear = 2025 + (index % 2);
    testimonies.push({
      id: random.id(),
      referenceCode: formatReferenceCode(sessionYear, Math.floor(index / 2) + 1),
      kind: index % 7 === 3 ? 'witness_account' : 'survivor_account',
      status,
      sessions: [session(random, arabic, sessionYear)],
      narrative: { language: arabic ? 'ar' : 'en', text: template(slots) },
      translations: index % 5 === 0 ? [{ language: arabic ? 'en' : 'ar', text: arabic ? summaryEn({ ...slots, facility: label(first) }) : summaryAr(slots), translator: 'TR-01' }] : [],
      summary: arabic ? summaryAr(slots) : summaryEn(slots),
      detentionEpisodes: episodes,
      allegations,
      attachmentIds: [],
      tags: random.some(TAGS, random.int(0, 2)),
      witnessId: witness.id,
      ...(consent ? { consentId: consent.id } : {}),
    });
  }
  return { facilities, perpetrators, witnesses, consents, testimonies };
}
