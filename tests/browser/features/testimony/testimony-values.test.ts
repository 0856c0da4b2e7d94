// The editor's values and the shared/domain testimony schema: a stored testimony comes back
// unchanged through the form, blank optionals are left out, and autosave keeps incomplete
// list items on screen (never saving half an item) while everything else is saved.
import { describe, expect, it } from 'vitest';
import { testimonySchema } from '../../../../shared/domain';
import { checkDraft, toTestimonyInput, UNSAVED_REFERENCE, UNSAVED_TESTIMONY_ID } from '../../../../renderer/src/features/testimony/editor/testimony-form-schema';
import { emptyTestimonyValues, newAllegation, testimonyBody, testimonyToValues } from '../../../../renderer/src/features/testimony/editor/testimony-values';
import { newSession } from '../../../../renderer/src/features/testimony/editor/session-values';
import { itemId, sessionBody } from './support/testimony-ui';

const stored = testimonySchema.parse({
  id: 'tstAAAAAAAAAAAAAAAAAAA',
  referenceCode: 'T-2026-0042',
  kind: 'survivor_account',
  status: 'complete',
  sessions: [{ ...sessionBody(), startTime: '10:00', endTime: '12:00', place: 'Gaziantep', breaks: [{ at: '11:00', minutes: 10, reason: 'asked for' }], priorInterviews: [{ by: 'a UN commission', date: { year: 2024, precision: 'year', approximate: true } }] }],
  narrative: { language: 'ar', text: 'نص الإفادة.' },
  translations: [{ language: 'en', text: 'The account.', translator: 'T-03' }],
  summary: 'Held in 2013.',
  detentionEpisodes: [{ id: itemId(), facilityId: 'facAAAAAAAAAAAAAAAAAAA', from: { year: 2013, month: 2, precision: 'month', approximate: false }, placeInFacility: 'dormitory 3' }],
  allegations: [
    { id: itemId(), perpetratorId: 'perAAAAAAAAAAAAAAAAAAA', acts: ['beating', 'shabeh'], role: 'gave_orders', identificationBasis: ['saw_face'] },
    { id: itemId(), unidentifiedDescription: 'a tall guard', acts: ['falaqa'], role: 'directly_carried_out', identificationBasis: [] },
  ],
  attachmentIds: [],
  tags: ['priority', 'Sednaya'],
  witnessId: 'witAAAAAAAAAAAAAAAAAAA',
});
const frame = { id: stored.id, referenceCode: stored.referenceCode, status: stored.status };

describe('testimony form values', () => {
  it('round-trips a stored testimony through the form unchanged', () => {
    const values = testimonyToValues(stored);
    expect(values.sessions[0]?.interviewers).toBe('Documenter D-07');
    expect(values.allegations[1]?.subject).toBe('unidentified');
    expect(testimonySchema.parse(testimonyBody(values, frame))).toEqual(stored);
  });

  it('leaves blank optionals out and starts a new draft valid', () => {
    const body = testimonyBody(emptyTestimonyValues('ar'), { status: 'draft' });
    expect(body).not.toHaveProperty('summary');
    expect(body).not.toHaveProperty('witnessId');
    const check = checkDraft(emptyTestimonyValues('ar'), { status: 'draft' });
    expect(check.ok).toBe(true);
    const input = toTestimonyInput(check.ok ? check.testimony : stored);
    expect(input).not.toHaveProperty('id');
    expect(JSON.stringify(input)).not.toContain(UNSAVED_TESTIMONY_ID);
    expect(JSON.stringify(input)).not.toContain(UNSAVED_REFERENCE);
  });

  it('holds back an incomplete allegation and saves the rest', () => {
    const values = testimonyToValues(stored);
    values.allegations.push(newAllegation());
    values.narrative.text = 'نص أطول للإفادة.';
    const check = checkDraft(values, { ...frame, status: 'draft' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.heldBack).toBe(1);
    expect(check.testimony.allegations).toHaveLength(2);
    expect(check.testimony.narrative.text).toBe('نص أطول للإفادة.');
  });

  it('saves nothing when a problem is outside any item', () => {
    const values = testimonyToValues(stored);
    values.sessions.push(newSession('2026-02-11', 'ar'));
    values.narrative.text = 'bad \u202E override';
    const check = checkDraft(values, { ...frame, status: 'draft' });
    expect(check.ok).toBe(false);
  });
});
