import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDateSchema,
  canPrecede,
  comparePartialDates,
  formatPartialDate,
  isCalendarDay,
  partialDateBounds,
  partialDateSchema,
  partialDateSortKey,
  timeOfDaySchema,
  type PartialDate,
} from '../../../../shared/domain/partial-date';

const year = (y: number, approximate = false): PartialDate => ({ year: y, precision: 'year', approximate });
const month = (y: number, m: number): PartialDate => ({ year: y, month: m, precision: 'month', approximate: false });
const day = (y: number, m: number, d: number): PartialDate => ({ year: y, month: m, day: d, precision: 'day', approximate: false });

describe('partial dates', () => {
  it('accept year, month and day precision with matching fields', () => {
    for (const ok of [year(2013, true), month(2013, 3), day(2012, 2, 29), day(2000, 2, 29)]) expect(partialDateSchema.safeParse(ok).success).toBe(true);
  });

  it('refuse days that do not exist', () => {
    for (const [y, m, d] of [[2013, 2, 29], [1900, 2, 29], [2013, 4, 31], [2013, 13, 1], [2013, 0, 10], [2013, 1, 0], [2013, 1, 32]] as const) {
      expect(partialDateSchema.safeParse({ year: y, month: m, day: d, precision: 'day', approximate: false }).success, `${y}-${m}-${d}`).toBe(false);
    }
  });

  it('refuse a precision that disagrees with the fields', () => {
    expect(partialDateSchema.safeParse({ year: 2013, precision: 'month', approximate: false }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2013, month: 3, precision: 'year', approximate: false }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2013, month: 3, precision: 'day', approximate: false }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2013, day: 3, precision: 'day', approximate: false }).success).toBe(false);
  });

  it('refuse years out of range, fractions and unknown keys', () => {
    expect(partialDateSchema.safeParse(year(1899)).success).toBe(false);
    expect(partialDateSchema.safeParse(year(2101)).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2013.5, precision: 'year', approximate: false }).success).toBe(false);
    expect(partialDateSchema.safeParse({ ...year(2013), season: 'spring' }).success).toBe(false);
  });

  it('agree with the JavaScript calendar on every day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const date = new Date(Date.UTC(y, m - 1, d));
        expect(isCalendarDay(y, m, d)).toBe(date.getUTCMonth() === m - 1);
      }),
    );
  });

  it('sort year before month before day, chronologically', () => {
    const sorted = [day(2013, 3, 14), year(2013), month(2012, 12), month(2013, 3), year(2012, true)].sort(comparePartialDates);
    expect(sorted.map(formatPartialDate)).toEqual(['~2012', '2012-12', '2013', '2013-03', '2013-03-14']);
    expect(partialDateSortKey(day(2013, 3, 14))).toBe(20130314);
  });

  it('keep the sort key order consistent with the earliest possible day (property)', () => {
    const arb = fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), p: fc.constantFrom('year', 'month', 'day') });
    const toDate = ({ y, m, d, p }: { y: number; m: number; d: number; p: string }): PartialDate =>
      p === 'year' ? year(y) : p === 'month' ? month(y, m) : day(y, m, d);
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const [x, y] = [toDate(a), toDate(b)];
        if (partialDateBounds(x).earliest < partialDateBounds(y).earliest) expect(comparePartialDates(x, y)).toBeLessThan(0);
      }),
    );
  });

  it('give the days a partial date can mean, and whether one can precede another', () => {
    expect(partialDateBounds(year(2012))).toEqual({ earliest: 20120101, latest: 20121231 });
    expect(partialDateBounds(month(2012, 2))).toEqual({ earliest: 20120201, latest: 20120229 });
    expect(canPrecede(month(2012, 3), year(2012))).toBe(true);
    expect(canPrecede(year(2013), year(2012))).toBe(false);
  });

  it('check exact dates and times', () => {
    expect(calendarDateSchema.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2023-02-29', '2023-4-1', '2023-04-31', '20230401', '1899-12-31']) expect(calendarDateSchema.safeParse(bad).success, bad).toBe(false);
    expect(timeOfDaySchema.safeParse('23:59').success).toBe(true);
    expect(timeOfDaySchema.safeParse('24:00').success).toBe(false);
  });
});
