/**
 * Hard ceilings for every string and array in the domain records.
 *
 * Records arrive from forms, from imported bundles written by someone else, and from IPC; an
 * unbounded field is a way to exhaust memory or hide content. Limits are in UTF-16 code units
 * (what `string.length` counts and what bounds memory), generous enough that a real record
 * never meets them. Changing one is a format decision: exports written under a larger limit
 * would be refused by older readers.
 */
export const LIMITS = {
  /** A person's or place's name, one variant. */
  nameChars: 200,
  /** A label: explained-by, interviewer, translator, authority, governorate, a tag. */
  labelChars: 200,
  /** A short free-text line: place in general terms, a source note, a rank. */
  shortTextChars: 1_000,
  /** Notes, descriptions, safety notes, reasons. */
  notesChars: 20_000,
  /** A summary of a testimony. */
  summaryChars: 10_000,
  /** A narrative or one translation of it (a typical narrative is about 5 KB). */
  narrativeChars: 500_000,
  /** A tag. */
  tagChars: 64,

  names: 50,
  tags: 50,
  sessions: 30,
  peoplePerSession: 20,
  languagesPerSession: 10,
  breaksPerSession: 50,
  priorInterviews: 30,
  translations: 10,
  detentionEpisodes: 200,
  allegations: 1_000,
  actsPerAllegation: 64,
  attachments: 2_000,
  photos: 100,
  positions: 200,
  contacts: 20,
  consentEvents: 200,
  recipientsPerScope: 200,
} as const;
