/**
 * One interview session of a testimony: when, where (in general terms only: a precise place
 * can identify the witness), how, who was there, and the care given to the witness. Lawyers
 * read these fields to judge how the account was taken (Istanbul Protocol, Murad Code).
 */
import { z } from 'zod';
import { idSchema } from './ids';
import { LIMITS } from './limits';
import { calendarDateSchema, partialDateSchema, timeOfDaySchema } from './partial-date';
import { languageTagSchema, longText, nameText, shortText, uniqueValues } from './text';
import { interviewModeSchema } from './vocabularies';

/** A break taken during a session and why (often at the witness's request). */
export const sessionBreakSchema = z.strictObject({
  at: timeOfDaySchema.optional(),
  minutes: z.int().min(0).max(24 * 60).optional(),
  reason: shortText(LIMITS.shortTextChars).optional(),
});

/** An earlier interview of the same witness by someone else (a risk of re-traumatising and of divergent accounts). */
export const priorInterviewSchema = z.strictObject({
  /** Who, in general terms: "a UN commission", "a journalist". */
  by: shortText(LIMITS.labelChars),
  date: partialDateSchema.optional(),
  notes: shortText(LIMITS.shortTextChars).optional(),
});

const people = z.array(nameText(LIMITS.labelChars)).max(LIMITS.peoplePerSession);

/** One interview session. */
export const interviewSessionSchema = z
  .strictObject({
    id: idSchema,
    date: calendarDateSchema,
    startTime: timeOfDaySchema.optional(),
    endTime: timeOfDaySchema.optional(),
    /** In general terms only ("Gaziantep", "northern Lebanon"), never an address. */
    place: shortText(LIMITS.labelChars).optional(),
    mode: interviewModeSchema,
    interviewers: people.min(1),
    interpreters: people,
    languages: z.array(languageTagSchema).min(1).max(LIMITS.languagesPerSession).refine(uniqueValues, {
      message: 'a language is listed twice',
    }),
    /** Everyone else present, by role: "psychosocial support worker", "the witness's sister". */
    personsPresent: z.array(shortText(LIMITS.labelChars)).max(LIMITS.peoplePerSession),
    recordingMade: z.boolean(),
    breaks: z.array(sessionBreakSchema).max(LIMITS.breaksPerSession),
    distressObserved: z.boolean(),
    distressNotes: longText(LIMITS.notesChars).optional(),
    referralOffered: z.boolean(),
    referralNotes: longText(LIMITS.notesChars).optional(),
    priorInterviews: z.array(priorInterviewSchema).max(LIMITS.priorInterviews),
    notes: longText(LIMITS.notesChars).optional(),
  })
  .refine((s) => !s.startTime || !s.endTime || s.startTime <= s.endTime, {
    message: 'the session ends before it starts',
    path: ['endTime'],
  });
export type InterviewSession = z.infer<typeof interviewSessionSchema>;
