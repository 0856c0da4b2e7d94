/**
 * "Consent at a glance": the terms in force on a given day, folded from the consent events.
 *
 * Pure and total: events dated after `at` are not yet in force and are ignored; events are
 * applied in version order; a new grant replaces earlier terms entirely (including earlier
 * withdrawals: the witness consented again); a withdrawal removes scopes from the terms in
 * force. Withdrawing every scope is a full withdrawal.
 */
import type { ConsentEvent, RecipientSet } from './consent';
import type { CalendarDate } from './partial-date';
import type { ConsentScope, IdentityDisclosure } from './vocabularies';

/** What the consent allows on one day. Fields are `null` (not optional) when no terms are in force. */
export interface ConsentSummary {
  /** `none`: no grant in force yet; `withdrawn`: every scope withdrawn. */
  readonly status: 'none' | 'active' | 'withdrawn';
  /** Version of the last event in force, or null. */
  readonly version: number | null;
  /** Date of the grant whose terms are in force. */
  readonly grantedOn: CalendarDate | null;
  readonly activeScopes: readonly ConsentScope[];
  /** Recipients the testimony may go to (empty unless `sharing` is active). */
  readonly sharing: RecipientSet;
  readonly identityDisclosure: IdentityDisclosure | null;
  /** Recipients who may learn the witness's name (empty unless disclosure is `named`). */
  readonly namedDisclosureTo: RecipientSet;
  readonly recordingAllowed: boolean;
  readonly recontactAllowed: boolean;
  /** Scopes withdrawn since the grant in force. */
  readonly withdrawnScopes: readonly ConsentScope[];
  /** Date of the latest withdrawal since the grant in force. */
  readonly withdrawnOn: CalendarDate | null;
  readonly reviewDate: CalendarDate | null;
  /** True when terms are active and their review date is on or before `at`. */
  readonly reviewDue: boolean;
}

const NO_RECIPIENTS: RecipientSet = Object.freeze({ contactIds: [], recipientClasses: [] });

const NO_CONSENT: ConsentSummary = Object.freeze({
  status: 'none',
  version: null,
  grantedOn: null,
  activeScopes: [],
  sharing: NO_RECIPIENTS,
  identityDisclosure: null,
  namedDisclosureTo: NO_RECIPIENTS,
  recordingAllowed: false,
  recontactAllowed: false,
  withdrawnScopes: [],
  withdrawnOn: null,
  reviewDate: null,
  reviewDue: false,
});

/** Terms after a withdrawal of every scope: nothing is allowed, only the history remains. */
function fullyWithdrawn(state: ConsentSummary, withdrawn: readonly ConsentScope[], version: number, on: CalendarDate): ConsentSummary {
  return {
    ...NO_CONSENT,
    status: 'withdrawn',
    version,
    grantedOn: state.grantedOn,
    withdrawnScopes: withdrawn,
    withdrawnOn: on,
  };
}

/**
 * The consent terms in force on day `at` (`YYYY-MM-DD`), from a record's events. Events need
 * not be sorted; they are applied by version.
 */
export function consentState(events: readonly ConsentEvent[], at: CalendarDate): ConsentSummary {
  const inForce = events.filter((event) => event.date <= at).sort((a, b) => a.version - b.version);
  let state = NO_CONSENT;
  for (const event of inForce) {
    if (event.type === 'granted') {
      state = {
        status: 'active',
        version: event.version,
        grantedOn: event.date,
        activeScopes: [...event.scopes],
        sharing: event.scopes.includes('sharing') ? event.sharing : NO_RECIPIENTS,
        identityDisclosure: event.identityDisclosure,
        namedDisclosureTo: event.identityDisclosure === 'named' ? (event.namedDisclosureTo ?? NO_RECIPIENTS) : NO_RECIPIENTS,
        recordingAllowed: event.recordingAllowed,
        recontactAllowed: event.recontactAllowed,
        withdrawnScopes: [],
        withdrawnOn: null,
        reviewDate: event.reviewDate ?? null,
        reviewDue: false,
      };
      continue;
    }
    if (state.status !== 'active') {
      // A withdrawal with no terms in force changes nothing but is still the latest word.
      state = { ...state, version: event.version, withdrawnOn: event.date };
      continue;
    }
    const removed = event.scope === 'all' ? state.activeScopes : event.scope;
    const withdrawn = [...new Set([...state.withdrawnScopes, ...removed])];
    const remaining = state.activeScopes.filter((scope) => !removed.includes(scope));
    if (event.scope === 'all' || remaining.length === 0) {
      state = fullyWithdrawn(state, withdrawn, event.version, event.date);
      continue;
    }
    state = {
      ...state,
      version: event.version,
      activeScopes: remaining,
      sharing: remaining.includes('sharing') ? state.sharing : NO_RECIPIENTS,
      withdrawnScopes: withdrawn,
      withdrawnOn: event.date,
    };
  }
  const reviewDue = state.status === 'active' && state.reviewDate !== null && state.reviewDate <= at;
  return reviewDue ? { ...state, reviewDue } : state;
}
