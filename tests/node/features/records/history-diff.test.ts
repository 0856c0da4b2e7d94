import { describe, expect, it } from 'vitest';
import { diffFields, toVersionEntries } from '../../../../renderer/src/features/records/history';
import { allegation, live, testimony, testId } from './case-fixtures';

describe('diffFields', () => {
  it('reports changed, added and removed fields with label paths', () => {
    const before = testimony({ summary: 'old summary' });
    const after = { ...before, summary: 'new summary', tags: ['صيدنايا'], kind: 'witness_account' as const };
    const changes = diffFields(before, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        { path: ['summary'], labelPath: 'summary', change: 'changed', before: 'old summary', after: 'new summary' },
        { path: ['kind'], labelPath: 'kind', change: 'changed', before: 'survivor_account', after: 'witness_account' },
        { path: ['tags'], labelPath: 'tags', change: 'changed', before: [], after: ['صيدنايا'] },
      ]),
    );
    expect(changes).toHaveLength(3);
    const { summary: _s, ...without } = before;
    expect(diffFields(before, without)).toEqual([{ path: ['summary'], labelPath: 'summary', change: 'removed', before: 'old summary' }]);
  });

  it('matches array items by id, so an insertion is one addition', () => {
    const perpetratorId = testId();
    const a = allegation(perpetratorId);
    const b = allegation(perpetratorId, { acts: ['falaqa'] });
    const before = testimony({ allegations: [a, b] });
    const inserted = allegation(undefined);
    const after = { ...before, allegations: [inserted, a, { ...b, acts: ['falaqa', 'beating' as const] }] };
    const changes = diffFields(before, after);
    expect(changes).toEqual([
      { path: ['allegations', 0], labelPath: 'allegations', itemId: inserted.id, change: 'added', after: inserted },
      { path: ['allegations', 2, 'acts'], labelPath: 'allegations.acts', itemId: b.id, change: 'changed', before: ['falaqa'], after: ['falaqa', 'beating'] },
    ]);
    const removed = diffFields(before, { ...before, allegations: [b] });
    expect(removed).toEqual([{ path: ['allegations', 0], labelPath: 'allegations', itemId: a.id, change: 'removed', before: a }]);
  });

  it('compares arrays of objects without ids by position (names)', () => {
    const names = [{ text: 'صيدنايا', lang: 'ar', kind: 'common' }];
    const changes = diffFields({ names }, { names: [...names, { text: 'Saydnaya', lang: 'ar-Latn', kind: 'transliteration' }] });
    expect(changes).toEqual([{ path: ['names', 1], labelPath: 'names', change: 'added', after: { text: 'Saydnaya', lang: 'ar-Latn', kind: 'transliteration' } }]);
    expect(diffFields({ names }, { names: [{ ...names[0], text: 'صيدنايا العسكري' }] })).toEqual([
      { path: ['names', 0, 'text'], labelPath: 'names.text', change: 'changed', before: 'صيدنايا', after: 'صيدنايا العسكري' },
    ]);
    expect(diffFields({ names }, { names })).toEqual([]);
  });

  it('turns vault versions into history entries attributed to this device', () => {
    const body = testimony();
    const entries = toVersionEntries([live('testimony', body, 1, '2026-01-01T10:00:00.000Z'), live('testimony', body, 2, '2026-01-02T10:00:00.000Z')]);
    expect(entries.map((e) => [e.version, e.savedAt, e.author.kind])).toEqual([
      [1, '2026-01-01T10:00:00.000Z', 'this-device'],
      [2, '2026-01-02T10:00:00.000Z', 'this-device'],
    ]);
  });
});
