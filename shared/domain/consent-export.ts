/**
 * May this testimony go to this recipient, in this form? The export gate (DESIGN.md §4):
 * export evaluates consent and refuses or narrows; a withdrawn consent blocks export.
 *
 * The rules, in the order they are checked (the first that fails is the reason given):
 * 1. there is consent in force (`no_consent`) and it is not withdrawn (`consent_withdrawn`);
 * 2. `sharing` is an active scope (`sharing_not_consented`);
 * 3. the recipient is covered: its contact id is listed, or one of its classes is
 *    (`recipient_not_covered`);
 * 4. a legal recipient (UN mechanism, prosecutor, lawyer) needs the `legal_proceedings` scope,
 *    because giving them the testimony is using it in legal proceedings
 *    (`legal_proceedings_not_consented`);
 * 5. an identified export needs disclosure `named` (`identity_not_disclosable`) and the
 *    recipient among those the name may go to (`recipient_not_named_for_disclosure`).
 * A pseudonymised export never carries the name, so rule 5 does not apply to it.
 *
 * Fail closed: anything not positively allowed is excluded.
 */
import type { ConsentRecord, RecipientSet } from './consent';
import { consentState } from './consent-state';
import type { Id } from './ids';
import type { CalendarDate } from './partial-date';
import { LEGAL_RECIPIENT_CLASSES, type RecipientClass } from './vocabularies';

/** How much of the witness's identity an export carries (the bundle manifest's `redaction`). */
export type Redaction = 'pseudonymised' | 'identified';

/** Who an export is for: a verified contact and the classes it belongs to. */
export interface ExportRecipient {
  readonly contactId: Id;
  readonly classes: readonly RecipientClass[];
}

/** An export being prepared. Without `at`, every event counts and no review is reported due. */
export interface ExportRequest {
  readonly recipient: ExportRecipient;
  readonly redaction: Redaction;
  readonly at?: CalendarDate;
}

/** Why a testimony is left out of an export. */
export type ExportExclusionReason =
  | 'no_consent'
  | 'consent_withdrawn'
  | 'sharing_not_consented'
  | 'recipient_not_covered'
  | 'legal_proceedings_not_consented'
  | 'identity_not_disclosable'
  | 'recipient_not_named_for_disclosure';

/** The decision for one testimony. `reviewDue` asks the exporter to check consent is still current. */
export type ExportDecision =
  | { readonly decision: 'allowed'; readonly redaction: Redaction; readonly reviewDue: boolean }
  | { readonly decision: 'excluded'; readonly reason: ExportExclusionReason };

/** After every real date: used when the request gives no date, so all events count. */
const END_OF_TIME = '9999-12-31';

function covers(set: RecipientSet, recipient: ExportRecipient): boolean {
  return set.contactIds.includes(recipient.contactId) || recipient.classes.some((c) => set.recipientClasses.includes(c));
}

const excluded = (reason: ExportExclusionReason): ExportDecision => ({ decision: 'excluded', reason });

/** Decides whether a testimony with `consent` may be exported as `request` asks. */
export function evaluateConsentForExport(consent: ConsentRecord | null | undefined, request: ExportRequest): ExportDecision {
  if (!consent) return excluded('no_consent');
  const state = consentState(consent.events, request.at ?? END_OF_TIME);
  if (state.status === 'none') return excluded('no_consent');
  if (state.status === 'withdrawn') return excluded('consent_withdrawn');
  if (!state.activeScopes.includes('sharing')) return excluded('sharing_not_consented');
  const { recipient } = request;
  if (!covers(state.sharing, recipient)) return excluded('recipient_not_covered');
  const legal = recipient.classes.some((c) => LEGAL_RECIPIENT_CLASSES.has(c));
  if (legal && !state.activeScopes.includes('legal_proceedings')) return excluded('legal_proceedings_not_consented');
  if (request.redaction === 'identified') {
    if (state.identityDisclosure !== 'named') return excluded('identity_not_disclosable');
    if (!covers(state.namedDisclosureTo, recipient)) return excluded('recipient_not_named_for_disclosure');
  }
  return { decision: 'allowed', redaction: request.redaction, reviewDue: request.at !== undefined && state.reviewDue };
}
