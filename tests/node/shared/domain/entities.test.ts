import { describe, expect, it } from 'vitest';
import { facilitySchema } from '../../../../shared/domain/facility';
import { LIMITS } from '../../../../shared/domain/limits';
import { perpetratorSchema } from '../../../../shared/domain/perpetrator';
import { witnessSchema } from '../../../../shared/domain/witness';
import { facility, IDS, issuePaths, perpetrator, witness } from './samples';

describe('facility schema', () => {
  it('accepts a facility with names in two scripts', () => {
    const parsed = facilitySchema.parse(facility());
    expect(parsed.names.map((n) => n.text)).toEqual(['صيدنايا', 'Sednaya Military Prison']);
  });

  it('range-checks coordinates', () => {
    for (const coordinates of [{ lat: 91, lon: 0 }, { lat: 0, lon: -180.5 }, { lat: Number.NaN, lon: 0 }, { lat: 0, lon: Infinity }]) {
      expect(facilitySchema.safeParse({ ...facility(), coordinates }).success).toBe(false);
    }
  });

  it('needs a parent for a wing or cell, and never itself as parent', () => {
    expect(issuePaths(facilitySchema.safeParse({ ...facility(), type: 'cell' }))).toEqual(['parentId']);
    expect(facilitySchema.safeParse({ ...facility(), type: 'cell', parentId: IDS.parentFacility }).success).toBe(true);
    expect(facilitySchema.safeParse({ ...facility(), parentId: IDS.facility }).success).toBe(false);
  });

  it('refuses an operation period that ends before it starts', () => {
    const operation = { from: { year: 2012, precision: 'year', approximate: false }, to: { year: 2011, precision: 'year', approximate: false } };
    expect(issuePaths(facilitySchema.safeParse({ ...facility(), operation }))).toEqual(['operation.to']);
  });

  it('refuses oversized and spoofing names, too many names, unknown fields and unknown types', () => {
    const withName = (text: string) => ({ ...facility(), names: [{ text, lang: 'en', kind: 'common' }] });
    expect(issuePaths(facilitySchema.safeParse(withName('x'.repeat(LIMITS.nameChars + 1))))).toEqual(['names.0.text']);
    expect(issuePaths(facilitySchema.safeParse(withName('Branch \u202E532')))).toEqual(['names.0.text']);
    const many = Array.from({ length: LIMITS.names + 1 }, (_, i) => ({ text: `Name ${i}`, lang: 'en', kind: 'common' }));
    expect(facilitySchema.safeParse({ ...facility(), names: many }).success).toBe(false);
    expect(facilitySchema.safeParse({ ...facility(), secret: 'x' }).success).toBe(false);
    expect(facilitySchema.safeParse({ ...facility(), type: 'villa' }).success).toBe(false);
    expect(facilitySchema.safeParse({ ...facility(), names: [] }).success).toBe(false);
  });
});

describe('alleged perpetrator schema', () => {
  it('accepts names with kinds and sources, and sourced positions', () => {
    const parsed = perpetratorSchema.parse(perpetrator());
    expect(parsed.names[1]?.kind).toBe('kunya');
    expect(parsed.positions[0]?.rank).toBe('Colonel');
  });

  it('needs a source for every name and something in every position', () => {
    const names = [{ text: 'Abu Ali', kind: 'kunya', source: {} }];
    expect(perpetratorSchema.safeParse({ ...perpetrator(), names }).success).toBe(false);
    const positions = [{ source: { note: 'a list' } }];
    expect(perpetratorSchema.safeParse({ ...perpetrator(), positions }).success).toBe(false);
  });

  it('refuses positions that end before they start and a photo listed twice', () => {
    const position = {
      rank: 'Major',
      from: { year: 2014, precision: 'year', approximate: false },
      to: { year: 2013, month: 5, precision: 'month', approximate: false },
      source: { note: 'defector statement' },
    };
    expect(issuePaths(perpetratorSchema.safeParse({ ...perpetrator(), positions: [position] }))).toEqual(['positions.0.to']);
    expect(perpetratorSchema.safeParse({ ...perpetrator(), photoAttachmentIds: [IDS.attachment, IDS.attachment] }).success).toBe(false);
  });

  it('refuses a status outside the vocabulary', () => {
    expect(perpetratorSchema.safeParse({ ...perpetrator(), status: 'guilty' }).success).toBe(false);
  });
});

describe('witness schema', () => {
  it('accepts a witness with a pseudonym code', () => {
    expect(witnessSchema.parse(witness()).pseudonymCode).toBe('W-0042');
  });

  it('refuses malformed pseudonym codes and impossible birth years', () => {
    for (const code of ['w-0042', 'W0042', 'W-', '-0042', 'W-00 42']) expect(witnessSchema.safeParse({ ...witness(), pseudonymCode: code }).success, code).toBe(false);
    expect(witnessSchema.safeParse({ ...witness(), birthYear: 1850 }).success).toBe(false);
  });

  it('refuses control characters in contact details and oversized safety notes', () => {
    const contacts = [{ channel: 'phone', value: '+90\u0000123' }];
    expect(witnessSchema.safeParse({ ...witness(), contacts }).success).toBe(false);
    expect(witnessSchema.safeParse({ ...witness(), safetyNotes: 'x'.repeat(LIMITS.notesChars + 1) }).success).toBe(false);
  });
});
