import { describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD } from '../../../../shared/names/match-result';
import { suggestDuplicates } from '../../../../shared/names/duplicates';
import { nameSimilarity } from '../../../../shared/names/similarity';
import { FIXTURES, pairs } from './name-fixtures';

describe.each(['facility', 'person'] as const)('%s name fixtures', (domain) => {
  const fixture = FIXTURES[domain];

  describe.each(fixture.groups.map((g) => [g.label, g.names] as const))('group %s', (_label, names) => {
    it.each(pairs(names))('"%s" matches "%s"', (a, b) => {
      expect(nameSimilarity(a, b, domain).score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    });
  });

  it('never matches names of two different groups', () => {
    const offenders: string[] = [];
    for (const [x, y] of pairs(fixture.groups)) {
      for (const a of x.names) for (const b of y.names) if (nameSimilarity(a, b, domain).score >= SUGGESTION_THRESHOLD) offenders.push(`${a} / ${b}`);
    }
    expect(offenders).toEqual([]);
  });

  it.each(fixture.distinct.map((d) => [d.a, d.b, d.why] as const))('"%s" does not match "%s" (%s)', (a, b) => {
    expect(nameSimilarity(a, b, domain).score).toBeLessThan(SUGGESTION_THRESHOLD);
  });

  it('suggests every group as one entity and nothing across groups', () => {
    const entities = fixture.groups.flatMap((group, g) => group.names.map((name, n) => ({ id: `${g}/${n}`, names: [name] })));
    const suggestions = suggestDuplicates(entities, domain);
    const groupOf = (id: string) => id.split('/')[0];
    expect(suggestions.filter((s) => groupOf(s.a) !== groupOf(s.b))).toEqual([]);
    const expected = fixture.groups.reduce((sum, group) => sum + (group.names.length * (group.names.length - 1)) / 2, 0);
    expect(suggestions).toHaveLength(expected);
  });

  it.each(fixture.limitations.map((l) => [l.a, l.b, l] as const))('known limitation: "%s" / "%s" behaves as documented', (a, b, limitation) => {
    // These document where the rules are knowingly wrong (see `why`). If one starts behaving
    // as `expected`, the rules improved: update the fixture and move the case to its list.
    expect(nameSimilarity(a, b, domain).score >= SUGGESTION_THRESHOLD).toBe(limitation.suggested);
    expect(limitation.suggested).toBe(limitation.expected === 'distinct');
  });
});
