/**
 * Form values of a partial date (what the inputs hold: text, so a half-typed year is not lost)
 * and their conversion to and from the domain's PartialDate. Runs anywhere.
 *
 * Precision is derived from which fields are filled, never asked for: a witness who remembers
 * "March 2014" fills year and month, and the record says month precision. Digits typed on an
 * Arabic keyboard (٢٠١٤) are read as Western digits.
 */
import type { PartialDate } from '../../../../../shared/domain';
import { westernDigits } from '../../../../../shared/names';

/** What the year, month, day inputs and the "approximate" box hold. */
export interface PartialDateValues {
  year: string;
  /** '' or '1'…'12' (a select). */
  month: string;
  day: string;
  approximate: boolean;
}

/** An empty date. */
export const EMPTY_PARTIAL_DATE: PartialDateValues = { year: '', month: '', day: '', approximate: false };

/**
 * A number typed in a field: undefined when blank, NaN when not a number (the schema then says
 * so at that field), else the number. Eastern Arabic and Persian digits are accepted.
 */
export function numberFromText(text: string): number | undefined {
  const trimmed = westernDigits(text).trim().replace(/^\u2212/u, '-').replace(/٫/gu, '.');
  if (trimmed === '') return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The form values of a stored date (or an empty date). */
export function toPartialDateValues(date: PartialDate | undefined): PartialDateValues {
  if (!date) return { ...EMPTY_PARTIAL_DATE };
  return { year: String(date.year), month: date.month === undefined ? '' : String(date.month), day: date.day === undefined ? '' : String(date.day), approximate: date.approximate };
}

/**
 * The date the values describe, or undefined when nothing is filled. The result is not
 * validated: a missing year or a 31 April goes to the schema, which reports it at its field.
 */
export function fromPartialDateValues(values: PartialDateValues | undefined): PartialDate | undefined {
  if (!values) return undefined;
  const year = numberFromText(values.year);
  const month = numberFromText(values.month);
  const day = numberFromText(values.day);
  if (year === undefined && month === undefined && day === undefined) return undefined;
  const precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  // A missing year stays `undefined` on purpose: the schema then says "required" at `year`.
  const date = { year, precision, approximate: values.approximate } as PartialDate;
  if (month !== undefined) date.month = month;
  if (day !== undefined) date.day = day;
  return date;
}
