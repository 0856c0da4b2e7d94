import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateConsentForExport, type ExportRequest } from '../../../../shared/domain/consent-export';
import { recipientClasses } from '../../../../shared/domain/vocabularies';
import { grant, record, withdrawal } from './consent-fixtures';
import { IDS } from './samples';

const toUn = (redaction: ExportRequest['redaction'] = 'pseudonymised', at?: string): ExportRequest => ({
  recipient: { contactId: IDS.contactUn, classes: ['un_mechanism'] },
  redaction,
  ...(at ? { at } : {}),
});
const toNgo: ExportRequest = { recipient: { contactId: IDS.contactLawyer, classes: ['ngo_partner'] }, redaction: 'pseudonymised' };
const named = { identityDisclosure: 'named' as const, namedDisclosureTo: { contactIds: [IDS.contactUn], recipientClasses: [] } };

describe('evaluateConsentForExport', () => {
  it('allows a pseudonymised export to a covered recipient', () => {
    expect(evaluateConsentForExport(record(grant()), toUn())).toEqual({ decision: 'allowed', redaction: 'pseudonymised', reviewDue: false });
  });

  it('excludes a testimony without consent', () => {
    expect(evaluateConsentForExport(undefined, toUn())).toEqual({ decision: 'excluded', reason: 'no_consent' });
    expect(evaluateConsentForExport(record(grant({ date: '2026-03-01' })), toUn('pseudonymised', '2026-02-01'))).toEqual({ decision: 'excluded', reason: 'no_consent' });
  });

  it('blocks every export once consent is withdrawn, but not for a day before the withdrawal', () => {
    const consent = record(grant(), withdrawal());
    expect(evaluateConsentForExport(consent, toUn())).toEqual({ decision: 'excluded', reason: 'consent_withdrawn' });
    expect(evaluateConsentForExport(consent, toUn('pseudonymised', '2026-04-30')).decision).toBe('allowed');
  });

  it('blocks when sharing is not (or no longer) a scope', () => {
    expect(evaluateConsentForExport(record(grant(), withdrawal({ scope: ['sharing'] })), toUn())).toEqual({ decision: 'excluded', reason: 'sharing_not_consented' });
  });

  it('blocks a recipient covered neither by contact nor by class', () => {
    expect(evaluateConsentForExport(record(grant()), toNgo)).toEqual({ decision: 'excluded', reason: 'recipient_not_covered' });
    const byContact = record(grant({ sharing: { contactIds: [IDS.contactLawyer], recipientClasses: [] } }));
    expect(evaluateConsentForExport(byContact, toNgo).decision).toBe('allowed');
  });

  it('treats sending to a legal recipient as use in legal proceedings', () => {
    const consent = record(grant({ scopes: ['internal_archive', 'sharing'] }));
    expect(evaluateConsentForExport(consent, toUn())).toEqual({ decision: 'excluded', reason: 'legal_proceedings_not_consented' });
  });

  it('allows an identified export only with named disclosure to that recipient', () => {
    expect(evaluateConsentForExport(record(grant()), toUn('identified'))).toEqual({ decision: 'excluded', reason: 'identity_not_disclosable' });
    expect(evaluateConsentForExport(record(grant({ identityDisclosure: 'never' })), toUn('identified')).decision).toBe('excluded');
    expect(evaluateConsentForExport(record(grant(named)), toUn('identified'))).toEqual({ decision: 'allowed', redaction: 'identified', reviewDue: false });
    const namedToOther = { ...named, namedDisclosureTo: { contactIds: [IDS.contactLawyer], recipientClasses: [] } };
    expect(evaluateConsentForExport(record(grant(namedToOther)), toUn('identified'))).toEqual({ decision: 'excluded', reason: 'recipient_not_named_for_disclosure' });
  });

  it('allows a pseudonymised export whatever the disclosure level', () => {
    for (const identityDisclosure of ['pseudonym_only', 'never'] as const) {
      expect(evaluateConsentForExport(record(grant({ identityDisclosure })), toUn()).decision).toBe('allowed');
    }
  });

  it('reports a due review without blocking', () => {
    expect(evaluateConsentForExport(record(grant({ reviewDate: '2026-04-01' })), toUn('pseudonymised', '2026-04-02'))).toEqual({
      decision: 'allowed',
      redaction: 'pseudonymised',
      reviewDue: true,
    });
  });

  it('never allows anything after a full withdrawal, whatever the terms and request (property)', () => {
    const classes = fc.subarray([...recipientClasses.codes]);
    fc.assert(
      fc.property(classes, classes, fc.constantFrom('pseudonymised', 'identified'), fc.boolean(), (granted, asked, redaction, isNamed) => {
        const terms = grant({
          sharing: { contactIds: [IDS.contactUn], recipientClasses: granted },
          ...(isNamed ? { identityDisclosure: 'named', namedDisclosureTo: { contactIds: [IDS.contactUn], recipientClasses: granted } } : {}),
        });
        const decision = evaluateConsentForExport(record(terms, withdrawal()), { recipient: { contactId: IDS.contactUn, classes: asked }, redaction });
        expect(decision).toEqual({ decision: 'excluded', reason: 'consent_withdrawn' });
      }),
    );
  });
});
