import { describe, expect, it } from 'vitest';
import type { Id } from '../../../../shared/domain';
import { deriveCaseData, loadCaseData, type CaseData, type RawCase } from '../../../../renderer/src/features/records/case-data';
import { facilityUsage, perpetratorUsage } from '../../../../renderer/src/features/records/link-integrity';
import { facilityProfile, perpetratorProfile } from '../../../../renderer/src/features/records/profiles';
import { allegation, episode, facility, live, perpetrator, rawCase, testimony } from './case-fixtures';
import { summariseTestimony } from '../../../../renderer/src/features/records/testimony-summary';

/** Everything the indexes answer, per entity, comparable with toEqual. */
function answers(data: CaseData) {
  const sortIds = (ids: Iterable<string>) => [...ids].sort();
  return {
    facilities: [...data.facilities.keys()].sort().map((id) => ({
      id,
      usage: facilityUsage(data, id),
      count: data.facilities.get(id)?.testimonyCount,
      children: sortIds(data.facilities.get(id)?.childIds ?? []),
      timeline: facilityProfile(data, id)?.timeline.map((item) => `${item.kind}:${item.testimonyId}:${item.facilityId}`).sort(),
    })),
    perpetrators: [...data.perpetrators.keys()].sort().map((id) => ({
      id,
      usage: perpetratorUsage(data, id),
      allegations: data.perpetrators.get(id)?.allegationCount,
      testimonies: data.perpetrators.get(id)?.testimonyCount,
      profile: perpetratorProfile(data, id)?.allegations.map((a) => a.allegation.id).sort(),
    })),
  };
}

describe('case data derivation', () => {
  it('keeps incrementally patched indexes equal to a full rebuild through a random series of edits', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const facilities = Array.from({ length: 6 }, (_, i) => facility([`Facility ${i}`]));
    const perpetrators = Array.from({ length: 5 }, (_, i) => perpetrator([`Person ${i}`]));
    let raw: RawCase = rawCase({ facilities, perpetrators });
    let data = deriveCaseData(raw, null, '2026-03-01');
    const testimonies = new Map<Id, ReturnType<typeof testimony>>();

    for (let step = 0; step < 150; step += 1) {
      const roll = random();
      const next = { ...raw, testimonies: new Map(raw.testimonies), facilities: new Map(raw.facilities), perpetrators: new Map(raw.perpetrators) };
      if (roll < 0.5 || testimonies.size === 0) {
        const f = pick(facilities);
        const body = testimony({
          detentionEpisodes: [episode(f.id), episode(pick(facilities).id)],
          allegations: [allegation(pick(perpetrators).id, { facilityId: f.id }), allegation(pick(perpetrators).id), allegation(undefined)],
        });
        const replaced = roll < 0.25 && testimonies.size > 0 ? pick([...testimonies.values()]) : null;
        const final = replaced ? { ...body, id: replaced.id, referenceCode: replaced.referenceCode } : body;
        testimonies.set(final.id, final);
        next.testimonies.set(final.id, live('testimony', summariseTestimony(final), (raw.testimonies.get(final.id)?.version ?? 0) + 1));
      } else if (roll < 0.7) {
        const gone = pick([...testimonies.keys()]);
        testimonies.delete(gone);
        next.testimonies.delete(gone);
      } else if (roll < 0.85) {
        const f = pick(facilities);
        const parent = pick(facilities);
        const body = parent.id === f.id ? f : { ...f, type: 'building' as const, parentId: parent.id };
        next.facilities.set(f.id, live('facility', body, step + 2));
      } else {
        const p = pick(perpetrators);
        next.perpetrators.set(p.id, live('perpetrator', { ...p, positions: [{ role: 'guard', facilityId: pick(facilities).id, source: { note: 'n' } }] }, step + 2));
      }
      raw = next;
      data = deriveCaseData(raw, data, '2026-03-01');
      expect(answers(data), `step ${step}`).toEqual(answers(deriveCaseData(raw, null, '2026-03-01')));
    }
    // Loading in slices (a pause every third testimony here) gives the same case file.
    let asked = 0;
    let pauses = 0;
    const slicer = { maybeYield: () => (++asked % 3 === 0 ? Promise.resolve().then(() => void (pauses += 1)) : null) };
    const loaded = await loadCaseData(raw, '2026-03-01', slicer);
    expect(answers(loaded)).toEqual(answers(data));
    expect(asked).toBe(raw.testimonies.size);
    expect(pauses).toBe(Math.floor(raw.testimonies.size / 3));
  });

  it('reuses the entry of a record that did not change', () => {
    const t1 = testimony();
    const t2 = testimony();
    const raw = rawCase({ testimonies: [t1, t2] });
    const first = deriveCaseData(raw, null, '2026-03-01');
    const entry1 = first.testimonies.get(t1.id);
    const changed = { ...raw, testimonies: new Map(raw.testimonies).set(t2.id, live('testimony', summariseTestimony({ ...t2, tags: ['new'] }), 2)) };
    const second = deriveCaseData(changed, first, '2026-03-01');
    expect(second.testimonies.get(t1.id)).toBe(entry1);
    expect(second.testimonies.get(t2.id)?.version).toBe(2);
  });
});
