import { describe, expect, it } from 'vitest';
import { consentState } from '../../../../shared/domain/consent-state';
import { grant, withdrawal } from './consent-fixtures';

describe('consentState (consent at a glance)', () => {
  it('is "none" before the first grant is in force', () => {
    const state = consentState([grant()], '2026-01-09');
    expect(state.status).toBe('none');
    expect(state.activeScopes).toEqual([]);
    expect(state.identityDisclosure).toBeNull();
  });

  it('summarises the terms of the grant in force', () => {
    const state = consentState([grant({ reviewDate: '2027-01-10' })], '2026-02-01');
    expect(state).toMatchObject({
      status: 'active',
      version: 1,
      grantedOn: '2026-01-10',
      activeScopes: ['internal_archive', 'legal_proceedings', 'sharing'],
      identityDisclosure: 'pseudonym_only',
      recordingAllowed: true,
      reviewDate: '2027-01-10',
      reviewDue: false,
    });
    expect(state.sharing.recipientClasses).toEqual(['un_mechanism', 'lawyer']);
  });

  it('reports a review as due on and after its date', () => {
    expect(consentState([grant({ reviewDate: '2026-06-01' })], '2026-06-01').reviewDue).toBe(true);
    expect(consentState([grant({ reviewDate: '2026-06-01' })], '2026-05-31').reviewDue).toBe(false);
  });

  it('narrows the terms on a partial withdrawal and empties sharing when it is withdrawn', () => {
    const state = consentState([grant(), withdrawal({ scope: ['sharing'] })], '2026-06-01');
    expect(state.status).toBe('active');
    expect(state.activeScopes).toEqual(['internal_archive', 'legal_proceedings']);
    expect(state.withdrawnScopes).toEqual(['sharing']);
    expect(state.withdrawnOn).toBe('2026-05-01');
    expect(state.sharing).toEqual({ contactIds: [], recipientClasses: [] });
  });

  it('is withdrawn after a full withdrawal, or when every scope has been withdrawn', () => {
    const full = consentState([grant(), withdrawal()], '2026-06-01');
    expect(full).toMatchObject({ status: 'withdrawn', activeScopes: [], identityDisclosure: null, recontactAllowed: false, withdrawnOn: '2026-05-01' });
    const piecemeal = consentState(
      [grant(), withdrawal({ scope: ['sharing', 'internal_archive'] }), withdrawal({ version: 3, scope: ['legal_proceedings'] })],
      '2026-06-01',
    );
    expect(piecemeal.status).toBe('withdrawn');
    expect(piecemeal.withdrawnScopes).toEqual(expect.arrayContaining(['sharing', 'internal_archive', 'legal_proceedings']));
  });

  it('returns to active when the witness consents again after withdrawing', () => {
    const events = [grant(), withdrawal(), grant({ version: 3, date: '2026-07-01', scopes: ['internal_archive'], sharing: { contactIds: [], recipientClasses: [] } })];
    expect(consentState(events, '2026-06-15').status).toBe('withdrawn');
    const later = consentState(events, '2026-07-02');
    expect(later).toMatchObject({ status: 'active', version: 3, activeScopes: ['internal_archive'], withdrawnScopes: [] });
  });

  it('ignores events dated after the day asked about, and applies events by version whatever their order', () => {
    expect(consentState([grant(), withdrawal()], '2026-04-30').status).toBe('active');
    expect(consentState([withdrawal(), grant()], '2026-06-01').status).toBe('withdrawn');
  });
});
