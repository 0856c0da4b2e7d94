import { describe, expect, it } from 'vitest';
import { testimonySchema, type TestimonyStatus } from '../../../../shared/domain';
import { ImmutableFieldError, SealedTestimonyError, StatusTransitionError } from '../../../../renderer/src/features/records/errors';
import {
  allowedNextStatuses,
  amendedBody,
  canTransition,
  checkNewTestimony,
  checkTestimonyDelete,
  checkTestimonyUpdate,
} from '../../../../renderer/src/features/records/status-flow';
import { interviewSession, testimony } from './case-fixtures';

const session = interviewSession();

describe('status flow', () => {
  it('allows draft → complete → reviewed → sealed and one step back before sealing', () => {
    const forward: [TestimonyStatus, TestimonyStatus][] = [
      ['draft', 'complete'],
      ['complete', 'reviewed'],
      ['reviewed', 'sealed'],
      ['complete', 'draft'],
      ['reviewed', 'complete'],
      ['draft', 'draft'],
    ];
    for (const [from, to] of forward) expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    const refused: [TestimonyStatus, TestimonyStatus][] = [
      ['draft', 'reviewed'],
      ['draft', 'sealed'],
      ['complete', 'sealed'],
      ['sealed', 'reviewed'],
      ['sealed', 'sealed'],
      ['reviewed', 'draft'],
    ];
    for (const [from, to] of refused) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
    expect(allowedNextStatuses('sealed')).toEqual([]);
  });

  it('refuses any update of a sealed testimony, and status skips', () => {
    const sealed = testimony({ status: 'sealed', sessions: [session] });
    expect(() => checkTestimonyUpdate(sealed, { ...sealed, summary: 'changed' })).toThrow(SealedTestimonyError);
    expect(() => checkTestimonyDelete(sealed)).toThrow(SealedTestimonyError);
    const draft = testimony();
    expect(() => checkTestimonyUpdate(draft, { ...draft, status: 'sealed' })).toThrow(StatusTransitionError);
    expect(() => checkTestimonyUpdate(draft, { ...draft, referenceCode: 'T-2026-9999' })).toThrow(ImmutableFieldError);
    expect(() => checkTestimonyUpdate(draft, { ...draft, status: 'complete' })).not.toThrow();
  });

  it('starts testimonies as draft or complete only, never amended', () => {
    expect(() => checkNewTestimony({ status: 'draft' })).not.toThrow();
    expect(() => checkNewTestimony({ status: 'sealed' })).toThrow(StatusTransitionError);
    expect(() => checkNewTestimony({ status: 'draft', amendment: { reason: 'x' } })).toThrow(ImmutableFieldError);
  });

  it('builds an amendment that stays sealed and references the sealed version', () => {
    const sealed = testimony({ status: 'sealed', sessions: [session] });
    const amended = amendedBody(sealed, 4, { ...sealed, summary: 'corrected date' }, 'the witness corrected a date');
    expect(amended.status).toBe('sealed');
    expect(amended.amendment).toEqual({ reason: 'the witness corrected a date', amends: { testimonyId: sealed.id, version: 4 } });
    expect(testimonySchema.safeParse(amended).success).toBe(true);
    expect(testimonySchema.safeParse(amendedBody(sealed, 4, sealed, '  ')).success).toBe(false);
    expect(() => amendedBody(testimony(), 1, testimony(), 'reason')).toThrow(StatusTransitionError);
  });
});
