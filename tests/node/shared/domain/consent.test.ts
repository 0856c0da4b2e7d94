import { describe, expect, it } from 'vitest';
import { consentGrantedSchema, consentRecordSchema } from '../../../../shared/domain/consent';
import { grant, record, withdrawal } from './consent-fixtures';
import { IDS, issuePaths } from './samples';

describe('consent schema', () => {
  it('accepts a grant followed by a partial and a full withdrawal', () => {
    const events = [grant(), withdrawal({ scope: ['sharing'] }), withdrawal({ version: 3, date: '2026-06-01' })];
    expect(consentRecordSchema.safeParse(record(...events)).success).toBe(true);
  });

  it('ties the sharing scope to its recipients', () => {
    expect(issuePaths(consentGrantedSchema.safeParse(grant({ sharing: { contactIds: [], recipientClasses: [] } })))).toEqual(['sharing']);
    expect(issuePaths(consentGrantedSchema.safeParse(grant({ scopes: ['internal_archive'] })))).toEqual(['sharing']);
  });

  it('ties named disclosure to the recipients who may learn the name', () => {
    expect(issuePaths(consentGrantedSchema.safeParse(grant({ identityDisclosure: 'named' })))).toEqual(['namedDisclosureTo']);
    const namedTo = { contactIds: [IDS.contactLawyer], recipientClasses: [] };
    expect(consentGrantedSchema.safeParse(grant({ identityDisclosure: 'named', namedDisclosureTo: namedTo })).success).toBe(true);
    expect(issuePaths(consentGrantedSchema.safeParse(grant({ namedDisclosureTo: namedTo })))).toEqual(['namedDisclosureTo']);
  });

  it('refuses a review date before the consent and duplicated scopes or classes', () => {
    expect(issuePaths(consentGrantedSchema.safeParse(grant({ reviewDate: '2025-12-31' })))).toEqual(['reviewDate']);
    expect(consentGrantedSchema.safeParse(grant({ scopes: ['sharing', 'sharing'] })).success).toBe(false);
    expect(consentGrantedSchema.safeParse(grant({ sharing: { contactIds: [], recipientClasses: ['lawyer', 'lawyer'] } })).success).toBe(false);
  });

  it('keeps the history ordered: versions 1, 2, 3… and dates that never go back', () => {
    expect(issuePaths(consentRecordSchema.safeParse(record(grant(), withdrawal({ version: 3 }))))).toEqual(['events.1.version']);
    expect(issuePaths(consentRecordSchema.safeParse(record(grant(), withdrawal({ date: '2025-01-01' }))))).toEqual(['events.1.date']);
    expect(issuePaths(consentRecordSchema.safeParse(record(withdrawal({ version: 1 }))))).toEqual(['events.0']);
    expect(consentRecordSchema.safeParse(record()).success).toBe(false);
  });

  it('refuses an unknown event type and unknown scope', () => {
    expect(consentRecordSchema.safeParse(record(grant(), { ...withdrawal(), type: 'paused' } as never)).success).toBe(false);
    expect(consentRecordSchema.safeParse(record(grant({ scopes: ['marketing'] as never }))).success).toBe(false);
  });
});
