/**
 * An exact calendar date (`YYYY-MM-DD`: a consent date, an interview) in the UI language,
 * the month in words so day and month cannot be misread ("14 March 2026", «14 آذار 2026»).
 * Built in UTC so no time zone moves it to the day before. Invalid input comes back as is.
 */
import { intlLocale } from '../../../i18n/format';

/** The date in words, in the language of `language`. */
export function calendarDateText(date: string, language: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const when = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(intlLocale(language), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(when);
}
