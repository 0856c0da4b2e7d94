import { describe, expect, it } from 'vitest';
import { perpetratorSchema } from '../../../../shared/domain';
import { gains, linksTo, repointTestimony, withGains, withoutGains } from '../../../../renderer/src/features/records/duplicates/merge-links';
import { allegation, caseData, episode, facility, perpetrator, testimony } from './case-fixtures';

describe('merge links', () => {
  it('finds every link to a facility: allegations, episodes, parts and positions', () => {
    const dup = facility(['Saidnaya prison']);
    const part = facility(['Red building'], { type: 'building', parentId: dup.id });
    const holder = perpetrator(['Majed Omran'], { positions: [{ role: 'guard', source: { note: 'n' } }, { role: 'director', facilityId: dup.id, source: { note: 'n' } }] });
    const t = testimony({ detentionEpisodes: [episode(dup.id)], allegations: [allegation(holder.id, { facilityId: dup.id })] });
    const data = caseData({ facilities: [dup, part], perpetrators: [holder], testimonies: [t] });
    const links = linksTo(data, 'facility', dup.id);
    expect(links).toEqual([
      { recordType: 'testimony', recordId: t.id, field: 'allegation-facility', itemId: t.allegations[0]?.id },
      { recordType: 'testimony', recordId: t.id, field: 'episode-facility', itemId: t.detentionEpisodes[0]?.id },
      { recordType: 'facility', recordId: part.id, field: 'parent' },
      { recordType: 'perpetrator', recordId: holder.id, field: 'position-facility', index: 1 },
    ]);
  });

  it('re-points only the linked items of a testimony', () => {
    const [from, to, other] = [perpetrator(['a']), perpetrator(['b']), perpetrator(['c'])];
    const a1 = allegation(from.id);
    const a2 = allegation(other.id);
    const a3 = allegation(from.id);
    const t = testimony({ allegations: [a1, a2, a3] });
    const { body, count } = repointTestimony(t, [{ recordType: 'testimony', recordId: t.id, field: 'allegation-perpetrator', itemId: a1.id }], from.id, to.id);
    expect(count).toBe(1);
    expect(body.allegations.map((a) => a.perpetratorId)).toEqual([to.id, other.id, from.id]);
  });

  it('adds the merged names (deduplicated across spelling noise) and takes them out again', () => {
    const survivor = perpetrator(['Khaled Mansour', 'أبو علي']);
    const merged = perpetrator(['khaled  mansour', 'Khalid Mansur'], {
      positions: [{ rank: 'Warrant officer', source: { note: 'defector list' } }],
      description: 'Grey moustache',
      photoAttachmentIds: [],
    });
    const added = gains('perpetrator', survivor, merged);
    expect(added.names.map((n) => (n as { text: string }).text)).toEqual(['Khalid Mansur']);
    const grown = withGains(survivor, added);
    expect(grown.names.map((n) => n.text)).toEqual(['Khaled Mansour', 'أبو علي', 'Khalid Mansur']);
    expect(grown.names[2]?.source).toEqual({ note: 'test source' });
    expect(grown.positions).toHaveLength(1);
    expect(grown.description).toBe('Grey moustache');
    expect(perpetratorSchema.safeParse(grown).success).toBe(true);
    expect(withGains(grown, added)).toEqual(grown);
    expect(withoutGains(grown, added)).toEqual(survivor);
  });
});
