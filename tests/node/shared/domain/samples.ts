/**
 * Valid, synthetic domain records for schema tests. Every person and account here is
 * invented; the wording is kept plain and respectful, as a real record would be.
 */
import { idFromBytes, type Id } from '../../../../shared/domain/ids';

/** A deterministic id: 16 bytes of `n` (never a real record's id). */
export function testId(n: number): Id {
  return idFromBytes(new Uint8Array(16).fill(n));
}

/** A distinct id for each of up to 65,536 indices. */
export function indexedId(i: number): Id {
  const bytes = new Uint8Array(16).fill(200);
  bytes[0] = i >> 8;
  bytes[1] = i & 255;
  return idFromBytes(bytes);
}

/** Where a failed parse found its problems (`a.b.0.c`), to check a refusal has the right cause. */
export function issuePaths(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
}

export const IDS = {
  testimony: testId(1),
  witness: testId(2),
  consent: testId(3),
  facility: testId(4),
  perpetrator: testId(5),
  session: testId(6),
  episode: testId(7),
  allegation: testId(8),
  attachment: testId(9),
  contactUn: testId(10),
  contactLawyer: testId(11),
  parentFacility: testId(12),
} as const;

export function session() {
  return {
    id: IDS.session,
    date: '2026-03-14',
    startTime: '10:00',
    endTime: '12:30',
    place: 'Gaziantep',
    mode: 'in_person',
    interviewers: ['Documenter D-07'],
    interpreters: [],
    languages: ['ar'],
    personsPresent: ['psychosocial support worker'],
    recordingMade: true,
    breaks: [{ at: '11:10', minutes: 15, reason: 'requested by the witness' }],
    distressObserved: true,
    distressNotes: 'Paused when describing the first night; resumed when ready.',
    referralOffered: true,
    priorInterviews: [{ by: 'a UN commission', date: { year: 2024, precision: 'year', approximate: true } }],
  };
}

export function allegation() {
  return {
    id: IDS.allegation,
    perpetratorId: IDS.perpetrator,
    facilityId: IDS.facility,
    date: { year: 2013, month: 3, precision: 'month', approximate: true },
    acts: ['beating', 'shabeh', 'sleep_deprivation'],
    role: 'directly_carried_out',
    identificationBasis: ['heard_name_called', 'saw_face'],
  };
}

export function testimony() {
  return {
    id: IDS.testimony,
    referenceCode: 'T-2026-0042',
    kind: 'survivor_account',
    status: 'complete',
    sessions: [session()],
    narrative: { language: 'ar', text: 'نص الشهادة كما رواه الشاهد.\nالفقرة الثانية.' },
    translations: [{ language: 'en', text: 'The account as the witness gave it.', translator: 'Translator T-03' }],
    summary: 'Detained in 2013; held in two facilities.',
    detentionEpisodes: [
      {
        id: IDS.episode,
        facilityId: IDS.facility,
        from: { year: 2013, month: 2, precision: 'month', approximate: false },
        to: { year: 2014, precision: 'year', approximate: true },
        placeInFacility: 'dormitory 3',
      },
    ],
    allegations: [allegation()],
    attachmentIds: [IDS.attachment],
    tags: ['priority'],
    witnessId: IDS.witness,
    consentId: IDS.consent,
  };
}

export function facility() {
  return {
    id: IDS.facility,
    names: [
      { text: 'صيدنايا', lang: 'ar', kind: 'common' },
      { text: 'Sednaya Military Prison', lang: 'en', kind: 'common' },
    ],
    type: 'prison',
    authority: 'Military Police',
    governorate: 'Rif Dimashq',
    coordinates: { lat: 33.665, lon: 36.333, precisionMetres: 1000 },
    operation: { from: { year: 1987, precision: 'year', approximate: true } },
  };
}

export function perpetrator() {
  return {
    id: IDS.perpetrator,
    names: [
      { text: 'Nizar Haddad', kind: 'full_name', lang: 'en', source: { testimonyId: IDS.testimony } },
      { text: 'أبو علي', kind: 'kunya', lang: 'ar', source: { note: 'named by two witnesses' } },
    ],
    positions: [
      {
        rank: 'Colonel',
        facilityId: IDS.facility,
        role: 'head of interrogation',
        from: { year: 2012, precision: 'year', approximate: false },
        source: { testimonyId: IDS.testimony },
      },
    ],
    status: 'at_large',
    photoAttachmentIds: [],
  };
}

export function witness() {
  return {
    id: IDS.witness,
    pseudonymCode: 'W-0042',
    fullName: 'سامر جابر',
    otherNames: ['Samer Jaber'],
    birthYear: 1988,
    gender: 'male',
    contacts: [{ channel: 'messaging_app', value: '+90 000 000 0000', note: 'text first, never call' }],
    origin: { governorate: 'Homs' },
    safetyNotes: 'Family still in the area of origin.',
  };
}
