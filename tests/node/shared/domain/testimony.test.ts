import { describe, expect, it } from 'vitest';
import { allegationSchema } from '../../../../shared/domain/allegation';
import { LIMITS } from '../../../../shared/domain/limits';
import { referenceCodeSchema, testimonySchema } from '../../../../shared/domain/testimony';
import { allegation, IDS, indexedId, issuePaths, session, testimony } from './samples';

describe('testimony schema', () => {
  it('accepts a complete testimony and keeps its narrative lines', () => {
    const parsed = testimonySchema.parse(testimony());
    expect(parsed.narrative.text).toContain('\n');
    expect(parsed.allegations[0]?.acts).toEqual(['beating', 'shabeh', 'sleep_deprivation']);
  });

  it('checks the reference code format', () => {
    for (const ok of ['T-2026-0042', 'T-1998-123456']) expect(referenceCodeSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['T-26-0042', 't-2026-0042', 'T-2026-42', 'T-2026-0042x', 'W-2026-0042']) expect(referenceCodeSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('requires an interview session once past draft', () => {
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), sessions: [] }))).toEqual(['sessions']);
    expect(testimonySchema.safeParse({ ...testimony(), status: 'draft', sessions: [] }).success).toBe(true);
  });

  it('refuses a translation in the narrative language and duplicate ids', () => {
    const translations = [{ language: 'ar', text: 'نص', translator: 'T-03' }];
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), translations }))).toEqual(['translations']);
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), sessions: [session(), session()] }))).toEqual(['sessions']);
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), attachmentIds: [IDS.attachment, IDS.attachment] }))).toEqual(['attachmentIds']);
  });

  it('refuses a stay that ends before it starts', () => {
    const episode = { ...testimony().detentionEpisodes[0], to: { year: 2012, precision: 'year', approximate: false } };
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), detentionEpisodes: [episode] }))).toEqual(['detentionEpisodes.0.to']);
  });

  it('needs a reason for an amendment and a version to amend', () => {
    const amendment = { reason: 'Witness corrected the month of arrest.', amends: { testimonyId: IDS.testimony, version: 3 } };
    expect(testimonySchema.safeParse({ ...testimony(), amendment }).success).toBe(true);
    expect(testimonySchema.safeParse({ ...testimony(), amendment: { ...amendment, reason: '  ' } }).success).toBe(false);
    expect(testimonySchema.safeParse({ ...testimony(), amendment: { ...amendment, amends: { testimonyId: IDS.testimony, version: 0 } } }).success).toBe(false);
  });

  it('refuses an oversized narrative and too many allegations', () => {
    const narrative = { language: 'ar', text: 'ا'.repeat(LIMITS.narrativeChars + 1) };
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), narrative }))).toEqual(['narrative.text']);
    const allegations = (count: number) => Array.from({ length: count }, (_, i) => ({ ...allegation(), id: indexedId(i) }));
    expect(testimonySchema.safeParse({ ...testimony(), allegations: allegations(LIMITS.allegations) }).success).toBe(true);
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), allegations: allegations(LIMITS.allegations + 1) }))).toEqual(['allegations']);
  });

  it('refuses lone surrogates in a narrative', () => {
    expect(issuePaths(testimonySchema.safeParse({ ...testimony(), narrative: { language: 'ar', text: 'ok \uD83D' } }))).toEqual(['narrative.text']);
  });
});

describe('allegation schema', () => {
  it('takes an alleged perpetrator or a description, never both or neither', () => {
    const { perpetratorId: _omit, ...withoutPerpetrator } = allegation();
    expect(allegationSchema.safeParse(withoutPerpetrator).success).toBe(false);
    expect(allegationSchema.safeParse({ ...allegation(), unidentifiedDescription: 'a tall guard' }).success).toBe(false);
    const unidentified = { ...withoutPerpetrator, identificationBasis: [], unidentifiedDescription: 'A guard the others called "the doctor".' };
    expect(allegationSchema.safeParse(unidentified).success).toBe(true);
  });

  it('needs a basis of identification for an identified person', () => {
    expect(issuePaths(allegationSchema.safeParse({ ...allegation(), identificationBasis: [] }))).toEqual(['identificationBasis']);
  });

  it('needs known, distinct acts', () => {
    expect(allegationSchema.safeParse({ ...allegation(), acts: [] }).success).toBe(false);
    expect(allegationSchema.safeParse({ ...allegation(), acts: ['beating', 'beating'] }).success).toBe(false);
    expect(allegationSchema.safeParse({ ...allegation(), acts: ['waterboarding_v2'] }).success).toBe(false);
  });
});
