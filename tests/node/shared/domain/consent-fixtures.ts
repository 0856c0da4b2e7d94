/** Consent events for tests: a grant and a withdrawal with sensible defaults. */
import type { ConsentEvent, ConsentGranted, ConsentRecord, ConsentWithdrawn } from '../../../../shared/domain/consent';
import { IDS } from './samples';

export function grant(overrides: Partial<ConsentGranted> = {}): ConsentGranted {
  return {
    type: 'granted',
    version: 1,
    date: '2026-01-10',
    form: 'written',
    explainedBy: 'Documenter D-07',
    language: 'ar',
    scopes: ['internal_archive', 'legal_proceedings', 'sharing'],
    sharing: { contactIds: [], recipientClasses: ['un_mechanism', 'lawyer'] },
    identityDisclosure: 'pseudonym_only',
    recordingAllowed: true,
    recontactAllowed: true,
    ...overrides,
  };
}

export function withdrawal(overrides: Partial<ConsentWithdrawn> = {}): ConsentWithdrawn {
  return { type: 'withdrawn', version: 2, date: '2026-05-01', scope: 'all', recordedBy: 'Documenter D-07', ...overrides };
}

export function record(...events: ConsentEvent[]): ConsentRecord {
  return { id: IDS.consent, witnessId: IDS.witness, events };
}
