import { describe, expect, it } from 'vitest';
import { filterFacilities, filterPerpetrators, filterTestimonies, sortFacilities, sortTestimonies } from '../../../../renderer/src/features/records/filters';
import { deriveCaseData } from '../../../../renderer/src/features/records/case-data';
import type { CaseTestimony } from '../../../../renderer/src/features/records/case-entries';
import { allegation, caseData, consent, episode, facility, interviewSession, month, perpetrator, rawCase, testimony, year } from './case-fixtures';

const session = interviewSession;

describe('testimony filters', () => {
  const prison = facility(['Sednaya']);
  const red = facility(['Red building'], { type: 'building', parentId: prison.id });
  const branch = facility(['فرع فلسطين']);
  const p = perpetrator(['Khaled Mansour']);
  const active = consent('2025-01-01');
  const withdrawn = consent('2025-01-01', {});
  withdrawn.events.push({ type: 'withdrawn', version: 2, date: '2025-06-01', scope: 'all', recordedBy: 'DOC-01' });
  const a = testimony({ status: 'draft', detentionEpisodes: [episode(red.id, { from: year(2012), to: year(2013) })], consentId: active.id });
  const b = testimony({ status: 'sealed', kind: 'witness_account', sessions: [session('2025-04-02')], allegations: [allegation(p.id, { facilityId: branch.id, date: month(2016, 2) })], consentId: withdrawn.id });
  const c = testimony({ status: 'complete', sessions: [session('2024-12-30')] });
  const data = caseData({ testimonies: [a, b, c], facilities: [prison, red, branch], perpetrators: [p], consents: [active, withdrawn] });
  const ids = (list: { id: string }[]) => list.map((e) => e.id);

  it('filters by status, kind, perpetrator, facility (with its parts) and consent', () => {
    expect(ids(filterTestimonies(data, { status: ['draft', 'complete'] })).sort()).toEqual([a.id, c.id].sort());
    expect(ids(filterTestimonies(data, { kind: ['witness_account'] }))).toEqual([b.id]);
    expect(ids(filterTestimonies(data, { perpetratorId: p.id }))).toEqual([b.id]);
    expect(ids(filterTestimonies(data, { facilityId: prison.id }))).toEqual([]);
    expect(ids(filterTestimonies(data, { facilityId: prison.id, includeSubFacilities: true }))).toEqual([a.id]);
    expect(ids(filterTestimonies(data, { consent: ['withdrawn'] }))).toEqual([b.id]);
    expect(ids(filterTestimonies(data, { consent: ['missing'] }))).toEqual([c.id]);
    expect(ids(filterTestimonies(data, { consent: ['active'] }))).toEqual([a.id]);
  });

  it('filters by overlapping date range of the events or of the interview', () => {
    expect(ids(filterTestimonies(data, { dateFrom: year(2013), dateTo: year(2014) }))).toEqual([a.id]);
    expect(ids(filterTestimonies(data, { dateFrom: month(2016, 1) }))).toEqual([b.id]);
    expect(ids(filterTestimonies(data, { dateOn: 'interview', dateFrom: year(2025) }))).toEqual([b.id]);
  });

  it('sorts by reference, status and dates with undated last', () => {
    const all = filterTestimonies(data, {});
    expect(ids(sortTestimonies(data, [...all], { by: 'reference', direction: 'asc' }))).toEqual([a.id, b.id, c.id]);
    expect(ids(sortTestimonies(data, [...all], { by: 'status', direction: 'desc' }))).toEqual([b.id, c.id, a.id]);
    expect(ids(sortTestimonies(data, [...all], { by: 'event-date', direction: 'desc' }))).toEqual([b.id, a.id, c.id]);
    expect(ids(sortTestimonies(data, [...all], { by: 'interview-date', direction: 'asc' }))).toEqual([c.id, b.id, a.id]);
  });

  it('filters facilities and alleged perpetrators by normalised name, type, parent and facility', () => {
    expect(ids(filterFacilities(data, { query: 'فلسطين' }))).toEqual([branch.id]);
    expect(ids(filterFacilities(data, { query: 'SEDNAYA' }))).toEqual([prison.id]);
    expect(ids(filterFacilities(data, { parentId: null })).sort()).toEqual([prison.id, branch.id].sort());
    expect(ids(filterFacilities(data, { parentId: prison.id }))).toEqual([red.id]);
    expect(ids(sortFacilities(filterFacilities(data, {}), { by: 'testimonies', direction: 'desc' })).slice(0, 2).sort()).toEqual([red.id, branch.id].sort());
    expect(ids(filterPerpetrators(data, { facilityId: branch.id }))).toEqual([p.id]);
    expect(ids(filterPerpetrators(data, { query: 'mansour' }))).toEqual([p.id]);
    expect(ids(filterPerpetrators(data, { status: ['arrested'] }))).toEqual([]);
  });

  it('sorts a larger case file exactly as comparing the entries field by field does', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const statuses = ['draft', 'complete', 'reviewed', 'sealed'] as const;
    const place = facility(['Sednaya Prison']);
    const many = Array.from({ length: 300 }, () =>
      testimony({
        status: statuses[Math.floor(random() * statuses.length)] ?? 'draft',
        sessions: random() < 0.7 ? [session(`2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`)] : [],
        detentionEpisodes: random() < 0.6 ? [episode(place.id, { from: year(2010 + Math.floor(random() * 6)) })] : [],
      }),
    );
    const saved = (n: number) => `2026-0${1 + (n % 9)}-1${n % 7}T10:${String(n % 60).padStart(2, '0')}:00.000Z`;
    const raw = rawCase({ testimonies: many, facilities: [place] });
    const data = deriveCaseData({ ...raw, testimonies: new Map([...raw.testimonies].map(([id, r], n) => [id, { ...r, savedAt: saved(n) }])) }, null, '2026-03-01');
    const statusOrder = (status: string) => ['draft', 'complete', 'reviewed', 'sealed'].indexOf(status);
    const day = (date: string | null) => (date === null ? null : Number(date.replaceAll('-', '')));
    const undatedLast = (sign: number, a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : sign * (a - b));
    for (const by of ['reference', 'saved', 'status', 'interview-date', 'event-date'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const sign = direction === 'asc' ? 1 : -1;
        const primary = {
          reference: (a: CaseTestimony, b: CaseTestimony) => sign * (a.referenceNumber - b.referenceNumber),
          saved: (a: CaseTestimony, b: CaseTestimony) => sign * (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0),
          status: (a: CaseTestimony, b: CaseTestimony) => sign * (statusOrder(a.body.status) - statusOrder(b.body.status)),
          'interview-date': (a: CaseTestimony, b: CaseTestimony) => undatedLast(sign, day(a.interviewDate), day(b.interviewDate)),
          'event-date': (a: CaseTestimony, b: CaseTestimony) => undatedLast(sign, a.eventPeriod?.earliest ?? null, b.eventPeriod?.earliest ?? null),
        }[by];
        const expected = [...data.testimonies.values()].sort((a, b) => primary(a, b) || b.referenceNumber - a.referenceNumber);
        expect(ids(sortTestimonies(data, filterTestimonies(data, {}), { by, direction })), `${by} ${direction}`).toEqual(ids(expected));
      }
    }
  });
});
