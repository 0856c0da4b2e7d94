/**
 * The testimony list's filter and sort controls as the form holds them, and the data layer's
 * filter they mean. Pure. Years are typed (a range of years is how people ask: "detained
 * between 2012 and 2014"); empty means open-ended.
 */
import type { ConsentGlance, TestimonyFilter, TestimonySort } from '../../records';
import type { TestimonyKind, TestimonyStatus } from '../../../../../shared/domain';
import { numberFromText } from '../../facility/form-kit/partial-date-values';

export interface ListControls {
  status: TestimonyStatus[];
  kind: TestimonyKind[];
  consent: ConsentGlance[];
  facilityId: string;
  perpetratorId: string;
  yearFrom: string;
  yearTo: string;
  dateOn: 'events' | 'interview';
  sortBy: TestimonySort['by'];
  direction: TestimonySort['direction'];
}

export const DEFAULT_CONTROLS: ListControls = {
  status: [],
  kind: [],
  consent: [],
  facilityId: '',
  perpetratorId: '',
  yearFrom: '',
  yearTo: '',
  dateOn: 'events',
  sortBy: 'reference',
  direction: 'desc',
};

/** Every consent state the filter offers, in the order shown. */
export const CONSENT_GLANCES: readonly ConsentGlance[] = ['active', 'review-due', 'partly-withdrawn', 'withdrawn', 'none', 'missing'];

const year = (text: string): number | undefined => {
  const value = numberFromText(text);
  return value !== undefined && Number.isInteger(value) && value >= 1900 && value <= 2100 ? value : undefined;
};

/** The filter the controls describe (a year that is not a year is ignored, and said so in the form). */
export function filterOf(controls: ListControls): TestimonyFilter {
  const from = year(controls.yearFrom);
  const to = year(controls.yearTo);
  return {
    ...(controls.status.length > 0 ? { status: controls.status } : {}),
    ...(controls.kind.length > 0 ? { kind: controls.kind } : {}),
    ...(controls.consent.length > 0 ? { consent: controls.consent } : {}),
    ...(controls.facilityId !== '' ? { facilityId: controls.facilityId, includeSubFacilities: true } : {}),
    ...(controls.perpetratorId !== '' ? { perpetratorId: controls.perpetratorId } : {}),
    ...(from !== undefined ? { dateFrom: { year: from, precision: 'year', approximate: false } } : {}),
    ...(to !== undefined ? { dateTo: { year: to, precision: 'year', approximate: false } } : {}),
    ...(from !== undefined || to !== undefined ? { dateOn: controls.dateOn } : {}),
  };
}

/** The sort the controls describe. */
export function sortOf(controls: ListControls): TestimonySort {
  return { by: controls.sortBy, direction: controls.direction };
}

/** True when a typed year is not a year between 1900 and 2100. */
export function badYear(text: string): boolean {
  return text.trim() !== '' && year(text) === undefined;
}
