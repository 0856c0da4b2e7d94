// The live testimonies as the main thread tells the search worker (current-list.ts): one string
// of ids and one array of versions give back every (id, version) pair in order; a list that
// does not hold together throws rather than being misread.
import { describe, expect, it } from 'vitest';
import { currentEntries, currentList } from '../../../../renderer/src/features/records/search/current-list';
import type { Id } from '../../../../shared/domain/ids';
import { testimony } from './case-fixtures';

describe('current testimonies list', () => {
  it('round-trips ids and versions, in order', () => {
    const pairs: [Id, number][] = [testimony({}), testimony({}), testimony({})].map((t, at) => [t.id, [0, 7, 2 ** 40][at] ?? 0]);
    const list = currentList(pairs);
    expect(list.ids).toHaveLength(pairs.length * 22);
    expect([...currentEntries(list)]).toEqual(pairs);
    expect([...currentEntries(currentList([]))]).toEqual([]);
  });

  it('refuses ids of another length and a list whose parts disagree', () => {
    expect(() => currentList([['short' as Id, 1]])).toThrow(RangeError);
    const list = currentList([[testimony({}).id, 1]]);
    expect(() => [...currentEntries({ ids: `${list.ids}x`, versions: list.versions })]).toThrow(RangeError);
    expect(() => [...currentEntries({ ids: list.ids, versions: new Float64Array(2) })]).toThrow(RangeError);
  });
});
