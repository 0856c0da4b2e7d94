/**
 * The testimony editor's values (what the inputs hold) and how they become a Testimony body.
 * Pure; runs anywhere.
 *
 * The values mirror the body's paths (`allegations.2.acts`, `detentionEpisodes.0.to.year`),
 * so when the shared/domain schema refuses the body, each zod issue path is also the path of
 * the input to mark. Blank optional fields are left out of the body, never stored as ''.
 * Nothing is repaired: what is typed goes to the schema as typed.
 */
import type { ActCode, IdentificationBasis, PerpetratorRole, Testimony, TestimonyKind } from '../../../../../shared/domain';
import { fromPartialDateValues, toPartialDateValues, type PartialDateValues } from '../../facility/form-kit/partial-date-values';
import { newRecordId } from '../../records/record-kinds';
import { optionalText, put, tagsFromText, tagsToText } from '../form/text-lists';
import { sessionFromValues, sessionToValues, type SessionValues } from './session-values';

export interface TranslationValues {
  language: string;
  text: string;
  translator: string;
  translatedOn: string;
}

export interface EpisodeValues {
  id: string;
  facilityId: string;
  from: PartialDateValues;
  to: PartialDateValues;
  placeInFacility: string;
  notes: string;
}

export interface AllegationValues {
  id: string;
  /** Whether the person is an alleged perpetrator record or only described. */
  subject: 'identified' | 'unidentified';
  perpetratorId: string;
  unidentifiedDescription: string;
  facilityId: string;
  date: PartialDateValues;
  acts: ActCode[];
  role: PerpetratorRole;
  identificationBasis: IdentificationBasis[];
  notes: string;
}

/** Every input of the editor. */
export interface TestimonyValues {
  kind: TestimonyKind;
  narrative: { language: string; text: string };
  translations: TranslationValues[];
  summary: string;
  sessions: SessionValues[];
  detentionEpisodes: EpisodeValues[];
  allegations: AllegationValues[];
  tags: string;
  witnessId: string;
  consentId: string;
  /** Kept in step by the attachment panel (not typed): the ids of the testimony's attachments. */
  attachmentIds: string[];
}

/** What the record has that the editor does not edit: carried from version to version. */
export interface TestimonyFrame {
  readonly id?: string;
  readonly referenceCode?: string;
  readonly status: Testimony['status'];
  readonly amendment?: Testimony['amendment'];
}

export const newTranslation = (language: string): TranslationValues => ({ language, text: '', translator: '', translatedOn: '' });

export const newEpisode = (facilityId = ''): EpisodeValues => ({
  id: newRecordId(),
  facilityId,
  from: toPartialDateValues(undefined),
  to: toPartialDateValues(undefined),
  placeInFacility: '',
  notes: '',
});

export const newAllegation = (facilityId = ''): AllegationValues => ({
  id: newRecordId(),
  subject: 'identified',
  perpetratorId: '',
  unidentifiedDescription: '',
  facilityId,
  date: toPartialDateValues(undefined),
  acts: [],
  role: 'directly_carried_out',
  identificationBasis: [],
  notes: '',
});

/** The values of a new, empty testimony whose narrative is in `language`. */
export function emptyTestimonyValues(language: string): TestimonyValues {
  return {
    kind: 'survivor_account',
    narrative: { language, text: '' },
    translations: [],
    summary: '',
    sessions: [],
    detentionEpisodes: [],
    allegations: [],
    tags: '',
    witnessId: '',
    consentId: '',
    attachmentIds: [],
  };
}

/** The values of a stored testimony. */
export function testimonyToValues(testimony: Testimony): TestimonyValues {
  return {
    kind: testimony.kind,
    narrative: { ...testimony.narrative },
    translations: testimony.translations.map((item) => ({ language: item.language, text: item.text, translator: item.translator, translatedOn: item.translatedOn ?? '' })),
    summary: testimony.summary ?? '',
    sessions: testimony.sessions.map(sessionToValues),
    detentionEpisodes: testimony.detentionEpisodes.map((episode) => ({
      id: episode.id,
      facilityId: episode.facilityId,
      from: toPartialDateValues(episode.from),
      to: toPartialDateValues(episode.to),
      placeInFacility: episode.placeInFacility ?? '',
      notes: episode.notes ?? '',
    })),
    allegations: testimony.allegations.map((allegation) => ({
      id: allegation.id,
      subject: allegation.perpetratorId === undefined ? 'unidentified' : 'identified',
      perpetratorId: allegation.perpetratorId ?? '',
      unidentifiedDescription: allegation.unidentifiedDescription ?? '',
      facilityId: allegation.facilityId ?? '',
      date: toPartialDateValues(allegation.date),
      acts: [...allegation.acts],
      role: allegation.role,
      identificationBasis: [...allegation.identificationBasis],
      notes: allegation.notes ?? '',
    })),
    tags: tagsToText(testimony.tags),
    witnessId: testimony.witnessId ?? '',
    consentId: testimony.consentId ?? '',
    attachmentIds: [...testimony.attachmentIds],
  };
}

function allegationBody(values: AllegationValues): Record<string, unknown> {
  const identified = values.subject === 'identified';
  const body: Record<string, unknown> = {
    id: values.id,
    acts: values.acts,
    role: values.role,
    // How someone was identified means nothing for a person who was not.
    identificationBasis: identified ? values.identificationBasis : [],
  };
  if (identified) put(body, 'perpetratorId', optionalText(values.perpetratorId));
  else put(body, 'unidentifiedDescription', optionalText(values.unidentifiedDescription));
  put(body, 'facilityId', optionalText(values.facilityId));
  put(body, 'date', fromPartialDateValues(values.date));
  put(body, 'notes', optionalText(values.notes));
  return body;
}

/** The candidate body the values describe within `frame` (not validated: the schema does that next). */
export function testimonyBody(values: TestimonyValues, frame: TestimonyFrame): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: values.kind,
    status: frame.status,
    sessions: values.sessions.map(sessionFromValues),
    narrative: { language: values.narrative.language, text: values.narrative.text },
    translations: values.translations.map((item) => {
      const out: Record<string, unknown> = { language: item.language, text: item.text, translator: item.translator };
      put(out, 'translatedOn', optionalText(item.translatedOn));
      return out;
    }),
    detentionEpisodes: values.detentionEpisodes.map((episode) => {
      // An empty link stays '' (refused as "not an id", which the link field shows as
      // "required"): leaving it out would stop zod before the episode's own date check.
      const out: Record<string, unknown> = { id: episode.id, facilityId: episode.facilityId };
      put(out, 'from', fromPartialDateValues(episode.from));
      put(out, 'to', fromPartialDateValues(episode.to));
      put(out, 'placeInFacility', optionalText(episode.placeInFacility));
      put(out, 'notes', optionalText(episode.notes));
      return out;
    }),
    allegations: values.allegations.map(allegationBody),
    attachmentIds: [...values.attachmentIds],
    tags: tagsFromText(values.tags),
  };
  put(body, 'id', frame.id);
  put(body, 'referenceCode', frame.referenceCode);
  put(body, 'summary', optionalText(values.summary));
  put(body, 'witnessId', optionalText(values.witnessId));
  put(body, 'consentId', optionalText(values.consentId));
  put(body, 'amendment', frame.amendment);
  return body;
}
