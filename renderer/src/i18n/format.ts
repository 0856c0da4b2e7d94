/**
 * Dates, times and durations in the UI language, through Intl (no data files, no network).
 *
 * Arabic uses the Syrian locale (Levantine month names such as «تشرين الأول», as Syrian
 * organisations write them) with Western digits, matching the digits in the messages and in
 * reference codes like T-2026-0042.
 */
import { toLanguage } from './languages';

const LOCALES = { en: 'en-GB', ar: 'ar-SY-u-nu-latn' } as const;

/** The Intl locale for an i18next language code. */
export function intlLocale(language: string | undefined): string {
  return LOCALES[toLanguage(language)];
}

/**
 * A moment as date and 24-hour time, the month in words ("8 March 2026 at 09:15:00",
 * «8 آذار 2026 في 09:15:00»): no day/month order to misread, no a.m./p.m. Invalid input comes
 * back as is.
 */
export function formatDateTime(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A number of minutes with its unit, plural rules included ("5 minutes", "5 دقائق", "11 دقيقة"). */
export function formatMinutes(minutes: number, language: string | undefined): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
