/**
 * Consent at a glance: the badge a testimony shows and the value the consent filter uses.
 * Pure; the state comes from shared/domain's `consentState` for a given day.
 */
import { consentState, type CalendarDate, type ConsentEvent, type ConsentSummary } from '../../../../shared/domain';
import type { ConsentGlance } from './types';

/** The glance value of a consent summary. */
export function consentGlance(summary: ConsentSummary): ConsentGlance {
  if (summary.status === 'none') return 'none';
  if (summary.status === 'withdrawn') return 'withdrawn';
  if (summary.withdrawnScopes.length > 0) return 'partly-withdrawn';
  return summary.reviewDue ? 'review-due' : 'active';
}

/** Today as `YYYY-MM-DD` in local time (consent dates are calendar days where the team is). */
export function today(now: Date = new Date()): CalendarDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Summary and glance of a consent record's events on `at`. */
export function consentAt(events: readonly ConsentEvent[], at: CalendarDate): { summary: ConsentSummary; glance: ConsentGlance } {
  const summary = consentState(events, at);
  return { summary, glance: consentGlance(summary) };
}
