/**
 * Dates as survivors remember them: "spring 2013", "March 2012", "about 14 March 2012".
 *
 * A partial date always has a year; month and day are optional, and `precision` says which
 * fields are present so a reader never has to guess whether a missing day means "unknown" or
 * "forgot to fill in". `approximate` records the witness's own uncertainty, independently of
 * precision ("around March 2012" is month precision, approximate).
 *
 * Also here: exact calendar dates (`YYYY-MM-DD`) and times of day (`HH:MM`) for the fields
 * that are known precisely (an interview session, a consent event).
 */
import { z } from 'zod';

/** Earliest year accepted: birth years of older witnesses, detentions of the 1980s. */
export const MIN_YEAR = 1900;
/** Latest year accepted. */
export const MAX_YEAR = 2100;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True if year-month-day is a real day of the Gregorian calendar within the accepted years. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An exact date, `YYYY-MM-DD`, checked against the calendar (no 31 April, no 29 Feb 2023). */
export const calendarDateSchema = z
  .string()
  .max(10)
  .refine(
    (value) => {
      const match = CALENDAR_DATE.exec(value);
      return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
    },
    { message: 'not a calendar date (YYYY-MM-DD)' },
  );
export type CalendarDate = z.infer<typeof calendarDateSchema>;

/** A local time of day, `HH:MM`, 24-hour clock. */
export const timeOfDaySchema = z
  .string()
  .max(5, { abort: true })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'not a time (HH:MM)' });

const year = z.int().min(MIN_YEAR).max(MAX_YEAR);

/** How much of a partial date is known. */
export const datePrecisionSchema = z.enum(['year', 'month', 'day']);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;

/** A date known to the year, the month or the day, possibly approximate. */
export const partialDateSchema = z
  .strictObject({
    year,
    month: z.int().min(1).max(12).optional(),
    day: z.int().min(1).max(31).optional(),
    precision: datePrecisionSchema,
    approximate: z.boolean(),
  })
  .superRefine((date, ctx) => {
    const hasMonth = date.month !== undefined;
    const hasDay = date.day !== undefined;
    const expected: DatePrecision = hasDay ? 'day' : hasMonth ? 'month' : 'year';
    if (hasDay && !hasMonth) {
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'a day needs a month' });
    } else if (date.precision !== expected) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: `precision must be "${expected}" for the fields given` });
    }
    if (hasDay && hasMonth && !isCalendarDay(date.year, date.month ?? 0, date.day ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['day'], message: 'no such day in that month' });
    }
  });
export type PartialDate = z.infer<typeof partialDateSchema>;

/**
 * A number that sorts partial dates chronologically: `yyyymmdd`, with unknown month or day as
 * 00 so "2012" sorts before "March 2012", which sorts before "14 March 2012".
 */
export function partialDateSortKey(date: PartialDate): number {
  return date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

/** Orders partial dates chronologically (for `Array.prototype.sort`); approximate after exact. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return partialDateSortKey(a) - partialDateSortKey(b) || Number(a.approximate) - Number(b.approximate);
}

/**
 * The first and last day a partial date can mean, as `yyyymmdd` numbers: "2012" is
 * 20120101–20121231, "February 2012" is 20120201–20120229. Approximation is not widened here;
 * a caller that wants slack adds it explicitly.
 */
export function partialDateBounds(date: PartialDate): { earliest: number; latest: number } {
  const base = date.year * 10_000;
  if (date.month === undefined) return { earliest: base + 101, latest: base + 1231 };
  const monthBase = base + date.month * 100;
  if (date.day === undefined) return { earliest: monthBase + 1, latest: monthBase + daysInMonth(date.year, date.month) };
  return { earliest: monthBase + date.day, latest: monthBase + date.day };
}

/**
 * True if `from` can be on or before `to`: some day `from` may mean is not after some day `to`
 * may mean. "March 2012" to "2012" is possible; "2013" to "2012" is not.
 */
export function canPrecede(from: PartialDate, to: PartialDate): boolean {
  return partialDateBounds(from).earliest <= partialDateBounds(to).latest;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a leading `~` when approximate: for exports and logs. */
export function formatPartialDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let text = String(date.year);
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.day !== undefined) text += `-${pad(date.day)}`;
  return date.approximate ? `~${text}` : text;
}
