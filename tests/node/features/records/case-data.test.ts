import { describe, expect, it } from 'vitest';
import type { Id } from '../../../../shared/domain';
import { applyCaseChange, deriveCaseData, loadCaseData, type CaseData, type RawCase } from '../../../../renderer/src/features/records/case-data';
import { facilityUsage, perpetratorUsage } from '../../../../renderer/src/features/records/link-integrity';
import { facilityProfile, perpetratorProfile } from '../../../../renderer/src/features/records/profiles';
import { allegation, consent, episode, facility, live, perpetrator, rawCase, testId, testimony, year } from './case-fixtures';
import { summariseTestimony } from '../../../../renderer/src/features/records/testimony-summary';

/** Everything the indexes answer, per entity, comparable with toEqual. */
function answers(data: CaseData) {
  const sortIds = (ids: Iterable<string>) => [...ids].sort();
  return {
    testimonies: [...data.testimonies.keys()].sort().map((id) => {
      const entry = data.testimonies.get(id);
      return { id, version: entry?.version, consent: entry?.consent, pseudonym: entry?.witnessPseudonym, period: entry?.eventPeriod, facilities: sortIds(entry?.facilityIds ?? []) };
    }),
    consents: [...data.consents.keys()].sort().map((id) => ({ id, glance: data.consents.get(id)?.glance, usage: sortIds(data.indexes.testimoniesByConsent.get(id) ?? []) })),
    witnesses: [...data.witnesses.keys()].sort().map((id) => ({ id, usage: sortIds(data.indexes.testimoniesByWitness.get(id) ?? []) })),
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
    const consents = Array.from({ length: 3 }, () => consent('2025-01-10'));
    const witnesses = Array.from({ length: 3 }, (_, i) => ({ id: testId(), pseudonymCode: `W-${i + 1}` }));
    let raw: RawCase = rawCase({ facilities, perpetrators, consents, witnesses });
    let data = deriveCaseData(raw, null, '2026-03-01');
    const testimonies = new Map<Id, ReturnType<typeof testimony>>();

    for (let step = 0; step < 150; step += 1) {
      const roll = random();
      const next = {
        testimonies: new Map(raw.testimonies),
        facilities: new Map(raw.facilities),
        perpetrators: new Map(raw.perpetrators),
        consents: new Map(raw.consents),
        witnesses: new Map(raw.witnesses),
      };
      if (roll < 0.5 || testimonies.size === 0) {
        const f = pick(facilities);
        const links = random() < 0.7 ? { witnessId: pick(witnesses).id, consentId: pick(consents).id } : {};
        const body = testimony({
          detentionEpisodes: [episode(f.id, { from: year(2010 + Math.floor(random() * 5)) }), episode(pick(facilities).id)],
          allegations: [allegation(pick(perpetrators).id, { facilityId: f.id }), allegation(pick(perpetrators).id), allegation(undefined)],
          ...links,
        });
        const replaced = roll < 0.25 && testimonies.size > 0 ? pick([...testimonies.values()]) : null;
        const final = replaced ? { ...body, id: replaced.id, referenceCode: replaced.referenceCode } : body;
        testimonies.set(final.id, final);
        next.testimonies.set(final.id, live('testimony', summariseTestimony(final), (raw.testimonies.get(final.id)?.version ?? 0) + 1));
      } else if (roll < 0.7) {
        const gone = pick([...testimonies.keys()]);
        testimonies.delete(gone);
        next.testimonies.delete(gone);
      } else if (roll < 0.75) {
        // A consent withdrawn or granted again, a witness's code changed, or either removed.
        const c = pick(consents);
        const w = pick(witnesses);
        const which = random();
        if (which < 0.4) {
          const events = [...c.events, { type: 'withdrawn' as const, version: c.events.length + 1, date: '2025-06-01', scope: 'all' as const, recordedBy: 'DOC-01' }];
          next.consents.set(c.id, live('consent', which < 0.2 ? { ...c, events } : c, step + 2));
        } else if (which < 0.8) next.witnesses.set(w.id, { id: w.id, pseudonymCode: `W-${step + 100}` });
        else if (which < 0.9) next.consents.delete(c.id);
        else next.witnesses.delete(w.id);
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
    // Asked after every consent, testimony, facility and alleged perpetrator.
    const records = raw.consents.size + raw.testimonies.size + raw.facilities.size + raw.perpetrators.size;
    expect(asked).toBe(records);
    expect(pauses).toBe(Math.floor(records / 3));
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

  it('applies a change without touching the snapshot before it (a render reading it sees it whole)', () => {
    const prison = facility(['Sednaya Prison']);
    const person = perpetrator(['Khaled Mansour']);
    const given = consent('2025-01-10');
    const linked = testimony({ detentionEpisodes: [episode(prison.id)], allegations: [allegation(person.id)], consentId: given.id });
    const other = testimony();
    const first = deriveCaseData(rawCase({ testimonies: [linked, other], facilities: [prison], perpetrators: [person], consents: [given] }), null, '2026-03-01');
    const before = { testimony: first.testimonies.get(linked.id), other: first.testimonies.get(other.id), facility: first.facilities.get(prison.id), size: first.testimonies.size };
    expect(before.testimony?.consent).toBe('active');
    const withdrawn = { ...given, events: [...given.events, { type: 'withdrawn' as const, version: 2, date: '2025-06-01', scope: 'all' as const, recordedBy: 'DOC-01' }] };
    const added = testimony({ detentionEpisodes: [episode(prison.id)] });
    const second = applyCaseChange(first, { consents: [live('consent', withdrawn, 2)], testimonies: [live('testimony', summariseTestimony(added))], removed: { testimonies: [other.id] } }, '2026-03-01');
    // The new snapshot: the consent's testimony shows the withdrawal, the facility counts the new testimony.
    expect(second.testimonies.get(linked.id)?.consent).toBe('withdrawn');
    expect(second.testimonies.has(other.id)).toBe(false);
    expect(second.facilities.get(prison.id)?.testimonyCount).toBe(2);
    expect(second.testimonies.size).toBe(2);
    // The old one: every map and entry as it was.
    expect(first.testimonies.get(linked.id)).toBe(before.testimony);
    expect(first.testimonies.get(linked.id)?.consent).toBe('active');
    expect(first.testimonies.get(other.id)).toBe(before.other);
    expect(first.testimonies.has(added.id)).toBe(false);
    expect(first.facilities.get(prison.id)).toBe(before.facility);
    expect(first.testimonies.size).toBe(before.size);
    expect(first.raw.consents.get(given.id)?.body).toBe(given);
  });
});
