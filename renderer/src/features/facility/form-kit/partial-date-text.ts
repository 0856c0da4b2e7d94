/**
 * Partial dates as people read them, honest about what is known: "2013", "March 2014",
 * "14 March 2014", and "c. 2013" when the witness was not sure. Runs on the main thread.
 *
 * Month names come from Intl in the UI language (Levantine names in Arabic, see i18n/format);
 * the date is built in UTC so no time zone moves it to the day before.
 */
import type { TFunction } from 'i18next';
import type { PartialDate } from '../../../../../shared/domain';
import { intlLocale } from '../../../i18n/format';

function exactText(date: PartialDate, language: string | undefined): string {
  if (date.month === undefined) return String(date.year);
  const when = new Date(Date.UTC(date.year, date.month - 1, date.day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    date.day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(language), options).format(when);
}

/** One partial date in the UI language, with "c." when approximate. */
export function partialDateText(t: TFunction, date: PartialDate, language: string | undefined): string {
  const text = exactText(date, language);
  return date.approximate ? t('recordForms.date.approximate', { date: text }) : text;
}

/** A period ("2012 – March 2014", "from 2012", "until c. 2014"), or '' when neither end is known. */
export function periodText(t: TFunction, from: PartialDate | undefined, to: PartialDate | undefined, language: string | undefined): string {
  const start = from ? partialDateText(t, from, language) : undefined;
  const end = to ? partialDateText(t, to, language) : undefined;
  if (start !== undefined && end !== undefined) return start === end ? start : t('recordForms.date.range', { from: start, to: end });
  if (start !== undefined) return t('recordForms.date.from', { date: start });
  if (end !== undefined) return t('recordForms.date.until', { date: end });
  return '';
}

/** Month names of the UI language, January first (for the month select). */
export function monthNames(language: string | undefined): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(language), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2000, index, 1))));
}
