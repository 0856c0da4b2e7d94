// ChunkedMap (renderer/src/features/records/chunked-map.ts) and the Interner
// (case-interning.ts): a ChunkedMap must answer like a Map, leave every earlier version as it
// was after a change, and iterate ids in string order when built from them in that order; the
// interner must share repeated parts without changing what any record says.
import { describe, expect, it } from 'vitest';
import { Interner } from '../../../../renderer/src/features/records/case-interning';
import { ChunkedMap } from '../../../../renderer/src/features/records/chunked-map';
import { summariseTestimony } from '../../../../renderer/src/features/records/testimony-summary';
import { allegation, consent, episode, facility, perpetrator, testId, testimony, year } from './case-fixtures';

describe('ChunkedMap', () => {
  it('answers like a Map through a long run of changes, and every version stays as it was', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids = Array.from({ length: 300 }, () => testId());
    let chunked = ChunkedMap.of<string, number>([]);
    let map = new Map<string, number>();
    const versions: { chunked: ChunkedMap<string, number>; map: Map<string, number> }[] = [];
    for (let step = 0; step < 400; step += 1) {
      const set = Array.from({ length: Math.floor(random() * 5) }, () => [ids[Math.floor(random() * ids.length)] as string, step] as const);
      const remove = Array.from({ length: Math.floor(random() * 3) }, () => ids[Math.floor(random() * ids.length)] as string);
      const next = chunked.with({ delete: remove, set });
      map = new Map(map);
      for (const id of remove) map.delete(id);
      for (const [id, value] of set) map.set(id, value);
      chunked = next;
      versions.push({ chunked, map });
    }
    for (const version of versions) {
      expect(version.chunked.size).toBe(version.map.size);
      expect(new Map(version.chunked)).toEqual(version.map);
      for (const id of ids.slice(0, 50)) {
        expect(version.chunked.get(id)).toBe(version.map.get(id));
        expect(version.chunked.has(id)).toBe(version.map.has(id));
      }
      expect([...version.chunked.keys()].sort()).toEqual([...version.map.keys()].sort());
    }
  });

  it('returns itself for an empty change, and iterates ids built in string order in that order', () => {
    const ids = Array.from({ length: 500 }, () => testId()).sort();
    const chunked = ChunkedMap.of(ids.map((id) => [id, id.length] as const));
    expect(chunked.with({})).toBe(chunked);
    expect(chunked.with({ delete: ['not-there'] })).toBe(chunked);
    expect([...chunked.keys()]).toEqual(ids);
    const seen: string[] = [];
    chunked.forEach((_value, key) => seen.push(key));
    expect(seen).toEqual(ids);
  });
});

describe('Interner', () => {
  it('shares ids, dates and lists across records without changing what they say', () => {
    const prison = facility(['Sednaya Prison']);
    const person = perpetrator(['Khaled Mansour']);
    const make = () =>
      summariseTestimony(
        testimony({
          detentionEpisodes: [episode(prison.id, { from: year(2012), to: year(2013) })],
          allegations: [allegation(person.id, { facilityId: prison.id, date: year(2012) })],
          tags: ['transfer'],
        }),
      );
    // Each record arrives as its own parsed JSON: equal text, distinct objects.
    const a = structuredClone(make());
    const b = structuredClone(make());
    const expected = [structuredClone(a), structuredClone(b)];
    const interner = new Interner();
    const [sa, sb] = [interner.testimony(a), interner.testimony(b)];
    expect([sa, sb]).toEqual(expected);
    expect(sa.detentionEpisodes[0]?.from).toBe(sb.detentionEpisodes[0]?.from);
    expect(sa.allegations[0]?.date).toBe(sa.detentionEpisodes[0]?.from);
    expect(sa.allegations[0]?.acts).toBe(sb.allegations[0]?.acts);
    expect(sa.tags).toBe(sb.tags);
    expect(sa.attachmentIds).toBe(sb.attachmentIds);
    // Shared parts are frozen: a slip that modifies one throws instead of changing every record.
    expect(() => (sa.tags as string[]).push('x')).toThrow(TypeError);
    expect(sb.tags).toEqual(['transfer']);

    const c = structuredClone(consent('2025-01-10'));
    const d = structuredClone({ ...consent('2025-01-10'), witnessId: testId() });
    const consents = [structuredClone(c), structuredClone(d)];
    const [ic, id] = [interner.consent(c), interner.consent(d)];
    expect([ic, id]).toEqual(consents);
    const [gc, gd] = [ic.events[0], id.events[0]];
    if (gc?.type !== 'granted' || gd?.type !== 'granted') throw new Error('fixture consents start with a grant');
    expect(gc.scopes).toBe(gd.scopes);
    expect(gc.sharing).toBe(gd.sharing);
  });
});
