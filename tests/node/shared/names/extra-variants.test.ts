/**
 * The second, larger set of name variants (tests/fixtures/names/extra-variants.json), run
 * through what the app runs: the search engine of the search worker (shared/names search
 * keys inside minisearch) and the duplicate engine (shared/names DuplicateIndex), plus the
 * pairwise score the duplicate cards show. Failures are collected per check and reported
 * together, so one run shows every variant that regressed.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import extraJson from '../../../fixtures/names/extra-variants.json';
import { idFromBytes, type Id } from '../../../../shared/domain';
import { SUGGESTION_THRESHOLD } from '../../../../shared/names/match-result';
import { nameSimilarity } from '../../../../shared/names/similarity';
import { consonantSkeleton } from '../../../../shared/names/fold';
import { hasArabic } from '../../../../shared/names/arabic';
import { TOKEN_MATCH, phoneticToken, tokenSimilarity } from '../../../../shared/names/phonetic-token';
import { tokenizeName } from '../../../../shared/names/tokenize';
import { DuplicateEngine } from '../../../../renderer/src/features/records/duplicates/duplicate-engine';
import { SearchEngine } from '../../../../renderer/src/features/records/search/search-engine';
import { pairs } from './name-fixtures';

const domainSchema = z.strictObject({
  groups: z
    .array(z.strictObject({ label: z.string(), names: z.array(z.string().min(1)).min(2), searchMisses: z.array(z.string()).optional(), why: z.string().optional() }))
    .min(1),
  distinct: z.array(z.strictObject({ a: z.string(), b: z.string(), why: z.string(), search: z.literal('absent').optional() })),
  aliasOnly: z.array(z.strictObject({ a: z.string(), b: z.string(), word: z.tuple([z.string(), z.string()]), why: z.string() })),
});
const EXTRA = z.strictObject({ about: z.string(), facility: domainSchema, person: domainSchema }).parse(extraJson);

let counter = 0;
function nextId(): Id {
  counter += 1;
  const bytes = new Uint8Array(16);
  new DataView(bytes.buffer).setUint32(12, counter);
  bytes[0] = 9;
  return idFromBytes(bytes);
}

const KINDS = { facility: 'facility', person: 'perpetrator' } as const;
type Domain = keyof typeof KINDS;

/** One record per name, indexed for search and duplicate suggestions the way the worker does. */
function engines(domain: Domain, records: readonly { id: Id; name: string }[], more: readonly { id: Id; names: string[] }[] = []) {
  const search = new SearchEngine();
  const duplicates = new DuplicateEngine();
  const docs = [...records.map(({ id, name }) => ({ id, names: [name], extra: [] })), ...more.map(({ id, names }) => ({ id, names, extra: [] }))];
  search.apply(domain === 'facility' ? { facilities: docs } : { perpetrators: docs });
  duplicates.put(KINDS[domain], docs);
  const hits = (query: string): Id[] => {
    const results = search.search(query, 10_000);
    return (domain === 'facility' ? results.facilities : results.perpetrators).map((hit) => hit.id);
  };
  return { hits, duplicates };
}

/** The first word of `text` ready to compare. */
function word(text: string) {
  const [raw] = tokenizeName(text);
  const token = raw && phoneticToken(raw);
  if (!token) throw new Error(`no word in ${text}`);
  return token;
}

describe.each(['facility', 'person'] as const)('extra %s variants', (domain) => {
  const fixture = EXTRA[domain];
  const records = fixture.groups.flatMap((group, g) => group.names.map((name) => ({ id: nextId(), name, group: g })));
  const { duplicates } = engines(domain, records);

  describe.each(fixture.groups.map((group, g) => [group.label, g] as const))('group %s', (_label, g) => {
    const members = records.filter((r) => r.group === g);

    it('every name finds the group record (its first name and first Arabic name) in search', () => {
      const [first] = members;
      const arabic = members.find((m) => hasArabic(m.name) && !/[A-Za-z]/.test(m.name));
      const record = { id: nextId(), names: [first?.name ?? '', arabic?.name ?? ''].filter((n) => n !== '') };
      const { hits: find } = engines(domain, [], [record]);
      const missed = members.filter((query) => !find(query.name).includes(record.id)).map((query) => query.name);
      expect(missed).toEqual(fixture.groups[g]?.searchMisses ?? []);
    });

    it('every pair of names scores as one entity', () => {
      const low = pairs(members)
        .map(([a, b]) => ({ pair: `${a.name} / ${b.name}`, match: nameSimilarity(a.name, b.name, domain) }))
        .filter(({ match }) => match.score < SUGGESTION_THRESHOLD)
        .map(({ pair, match }) => `${pair}: ${match.score.toFixed(2)} ${match.reason}`);
      expect(low).toEqual([]);
    });

    it('every name, being entered, is suggested as a duplicate of every record of the group', () => {
      const missed: string[] = [];
      for (const entered of members) {
        const suggested = new Set(duplicates.suggestionsFor(KINDS[domain], [entered.name], entered.id).map((s) => s.b));
        for (const record of members) if (record !== entered && !suggested.has(record.id)) missed.push(`${entered.name} ⇏ ${record.name}`);
      }
      expect(missed).toEqual([]);
    });
  });

  it('never suggests records of two different groups as one', () => {
    const groupOf = new Map(records.map((r) => [r.id as string, r] as const));
    const across = duplicates
      .suggestions(KINDS[domain])
      .filter((s) => groupOf.get(s.a)?.group !== groupOf.get(s.b)?.group)
      .map((s) => `${groupOf.get(s.a)?.name} / ${groupOf.get(s.b)?.name}`);
    expect(across).toEqual([]);
  });

  it.each(fixture.distinct.map((d) => [d.a, d.b, d] as const))('"%s" is not "%s"', (a, b, pair) => {
    expect(nameSimilarity(a, b, domain).score, pair.why).toBeLessThan(SUGGESTION_THRESHOLD);
    const recordA = { id: nextId(), name: a };
    const recordB = { id: nextId(), name: b };
    const { hits: find, duplicates: pairEngine } = engines(domain, [recordA, recordB]);
    expect(pairEngine.suggestions(KINDS[domain]), pair.why).toEqual([]);
    // Search: the record asked for comes first; a clearly different one is not found at all.
    const found = find(a);
    expect(found[0], pair.why).toBe(recordA.id);
    if (pair.search === 'absent') expect(found, pair.why).not.toContain(recordB.id);
  });

  it.each(fixture.aliasOnly.map((d) => [d.a, d.b, d] as const))('"%s" is "%s" only by the curated tables', (a, b, pair) => {
    expect(nameSimilarity(a, b, domain).score, pair.why).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    const [x, y] = pair.word;
    if (!/^\d+$/.test(y)) {
      expect(tokenSimilarity(word(x), word(y)), pair.why).toBeLessThan(TOKEN_MATCH);
      expect(consonantSkeleton(x)).not.toBe(consonantSkeleton(y));
    }
  });
});
