/**
 * Interview sessions as the form holds them, and back. Pure; runs anywhere.
 *
 * Values mirror the domain's paths (`sessions.0.interviewers`), so a zod issue on the record
 * lands on the input that holds it. Lists of people are typed one per line.
 */
import type { InterviewMode, InterviewSession } from '../../../../../shared/domain';
import { fromPartialDateValues, numberFromText, toPartialDateValues, type PartialDateValues } from '../../facility/form-kit/partial-date-values';
import { newRecordId } from '../../records/record-kinds';
import { linesToList, listToLines, optionalText, put } from '../form/text-lists';

export interface BreakValues {
  at: string;
  minutes: string;
  reason: string;
}

export interface PriorInterviewValues {
  by: string;
  date: PartialDateValues;
  notes: string;
}

/** Every input of one session. */
export interface SessionValues {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  mode: InterviewMode;
  interviewers: string;
  interpreters: string;
  languages: string[];
  personsPresent: string;
  recordingMade: boolean;
  breaks: BreakValues[];
  distressObserved: boolean;
  distressNotes: string;
  referralOffered: boolean;
  referralNotes: string;
  priorInterviews: PriorInterviewValues[];
  notes: string;
}

/** A new session on `date` (`YYYY-MM-DD`), held in person in `language`. */
export function newSession(date: string, language: string): SessionValues {
  return {
    id: newRecordId(),
    date,
    startTime: '',
    endTime: '',
    place: '',
    mode: 'in_person',
    interviewers: '',
    interpreters: '',
    languages: [language],
    personsPresent: '',
    recordingMade: false,
    breaks: [],
    distressObserved: false,
    distressNotes: '',
    referralOffered: false,
    referralNotes: '',
    priorInterviews: [],
    notes: '',
  };
}

export const newBreak = (): BreakValues => ({ at: '', minutes: '', reason: '' });
export const newPriorInterview = (): PriorInterviewValues => ({ by: '', date: toPartialDateValues(undefined), notes: '' });

/** The form values of a stored session. */
export function sessionToValues(session: InterviewSession): SessionValues {
  return {
    id: session.id,
    date: session.date,
    startTime: session.startTime ?? '',
    endTime: session.endTime ?? '',
    place: session.place ?? '',
    mode: session.mode,
    interviewers: listToLines(session.interviewers),
    interpreters: listToLines(session.interpreters),
    languages: [...session.languages],
    personsPresent: listToLines(session.personsPresent),
    recordingMade: session.recordingMade,
    breaks: session.breaks.map((item) => ({ at: item.at ?? '', minutes: item.minutes === undefined ? '' : String(item.minutes), reason: item.reason ?? '' })),
    distressObserved: session.distressObserved,
    distressNotes: session.distressNotes ?? '',
    referralOffered: session.referralOffered,
    referralNotes: session.referralNotes ?? '',
    priorInterviews: session.priorInterviews.map((prior) => ({ by: prior.by, date: toPartialDateValues(prior.date), notes: prior.notes ?? '' })),
    notes: session.notes ?? '',
  };
}

/** The candidate session body (validated by the testimony schema). */
export function sessionFromValues(values: SessionValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: values.id,
    date: values.date,
    mode: values.mode,
    interviewers: linesToList(values.interviewers),
    interpreters: linesToList(values.interpreters),
    languages: values.languages,
    personsPresent: linesToList(values.personsPresent),
    recordingMade: values.recordingMade,
    breaks: values.breaks.map((item) => {
      const out: Record<string, unknown> = {};
      put(out, 'at', optionalText(item.at));
      put(out, 'minutes', numberFromText(item.minutes));
      put(out, 'reason', optionalText(item.reason));
      return out;
    }),
    distressObserved: values.distressObserved,
    referralOffered: values.referralOffered,
    priorInterviews: values.priorInterviews.map((prior) => {
      const out: Record<string, unknown> = { by: prior.by };
      put(out, 'date', fromPartialDateValues(prior.date));
      put(out, 'notes', optionalText(prior.notes));
      return out;
    }),
  };
  put(body, 'startTime', optionalText(values.startTime));
  put(body, 'endTime', optionalText(values.endTime));
  put(body, 'place', optionalText(values.place));
  // Notes about distress or referral only mean something when the box is ticked.
  if (values.distressObserved) put(body, 'distressNotes', optionalText(values.distressNotes));
  if (values.referralOffered) put(body, 'referralNotes', optionalText(values.referralNotes));
  put(body, 'notes', optionalText(values.notes));
  return body;
}
