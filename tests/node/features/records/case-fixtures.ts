/**
 * Synthetic case records for the pure-function tests (node tier): valid bodies built from
 * the shared/domain schemas, and a CaseData derived from them as the store would. Fictional
 * people; public facility names.
 */
import {
  idFromBytes,
  type Allegation,
  type AllegedPerpetrator,
  type ConsentRecord,
  type DetentionEpisode,
  type Facility,
  type Id,
  type InterviewSession,
  type PartialDate,
  type Testimony,
} from '../../../../shared/domain';
import { deriveCaseData, type CaseData, type RawCase } from '../../../../renderer/src/features/records/case-data';
import type { WitnessPseudonym } from '../../../../renderer/src/features/records/types';
import { summariseTestimony } from '../../../../renderer/src/features/records/testimony-summary';
import type { LiveRecord } from '../../../../renderer/src/vault/vault-client';

let counter = 0;

/** A fresh canonical id (deterministic per test run). */
export function testId(): Id {
  counter += 1;
  const bytes = new Uint8Array(16);
  new DataView(bytes.buffer).setUint32(12, counter);
  bytes[0] = 7;
  return idFromBytes(bytes);
}

/** A partial date. */
export const year = (y: number, approximate = false): PartialDate => ({ year: y, precision: 'year', approximate });
export const month = (y: number, m: number): PartialDate => ({ year: y, month: m, precision: 'month', approximate: false });

/** A live record around `body`. */
export function live<T extends { id: Id }>(type: string, body: T, version = 1, savedAt = '2026-01-01T00:00:00.000Z'): LiveRecord<T> {
  return { id: body.id, type, compartment: type === 'consent' ? 'witness' : 'general', version, savedAt, body };
}

export function facility(names: string[], extra: Partial<Facility> = {}): Facility {
  return { id: testId(), names: names.map((text) => ({ text, lang: /\p{Script=Arabic}/u.test(text) ? 'ar' : 'en', kind: 'common' })), type: 'prison', ...extra };
}

export function perpetrator(names: string[], extra: Partial<AllegedPerpetrator> = {}): AllegedPerpetrator {
  return { id: testId(), names: names.map((text) => ({ text, kind: 'full_name', source: { note: 'test source' } })), positions: [], status: 'unknown', photoAttachmentIds: [], ...extra };
}

export function allegation(perpetratorId: Id | undefined, extra: Partial<Allegation> = {}): Allegation {
  return {
    id: testId(),
    ...(perpetratorId === undefined ? { unidentifiedDescription: 'a guard with a coastal accent' } : { perpetratorId }),
    acts: ['beating'],
    role: 'directly_carried_out',
    identificationBasis: perpetratorId === undefined ? [] : ['saw_face'],
    ...extra,
  };
}

export function episode(facilityId: Id, extra: Partial<DetentionEpisode> = {}): DetentionEpisode {
  return { id: testId(), facilityId, ...extra };
}

let reference = 0;

export function testimony(extra: Partial<Testimony> = {}): Testimony {
  reference += 1;
  return {
    id: testId(),
    referenceCode: `T-2026-${String(reference).padStart(4, '0')}`,
    kind: 'survivor_account',
    status: 'draft',
    sessions: [],
    narrative: { language: 'en', text: 'I was held for several months.' },
    translations: [],
    detentionEpisodes: [],
    allegations: [],
    attachmentIds: [],
    tags: [],
    ...extra,
  };
}

/** A consent record granting the internal archive on `date`. */
export function consent(date = '2025-01-10', extra: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: testId(),
    events: [
      {
        type: 'granted',
        version: 1,
        date,
        form: 'written',
        explainedBy: 'DOC-01',
        language: 'ar',
        scopes: ['internal_archive', 'legal_proceedings'],
        sharing: { contactIds: [], recipientClasses: [] },
        identityDisclosure: 'pseudonym_only',
        recordingAllowed: false,
        recontactAllowed: true,
      },
    ],
    ...extra,
  };
}

/** Records for a case. */
export interface CaseRecords {
  testimonies?: Testimony[];
  facilities?: Facility[];
  perpetrators?: AllegedPerpetrator[];
  consents?: ConsentRecord[];
  witnesses?: WitnessPseudonym[];
}

/** The raw records of a case. */
export function rawCase(records: CaseRecords): RawCase {
  return {
    testimonies: new Map((records.testimonies ?? []).map((b) => [b.id, live('testimony', summariseTestimony(b))])),
    facilities: new Map((records.facilities ?? []).map((b) => [b.id, live('facility', b)])),
    perpetrators: new Map((records.perpetrators ?? []).map((b) => [b.id, live('perpetrator', b)])),
    consents: new Map((records.consents ?? []).map((b) => [b.id, live('consent', b)])),
    witnesses: new Map((records.witnesses ?? []).map((w) => [w.id, w])),
  };
}

/** CaseData for `records`, on a fixed day. */
export function caseData(records: CaseRecords, day = '2026-03-01'): CaseData {
  return deriveCaseData(rawCase(records), null, day);
}

/** An interview session on `date`. */
export function interviewSession(date = '2026-01-05'): InterviewSession {
  return { id: testId(), date, mode: 'in_person', interviewers: ['DOC-01'], interpreters: [], languages: ['ar'], personsPresent: [], recordingMade: false, breaks: [], distressObserved: false, referralOffered: true, priorInterviews: [] };
}
