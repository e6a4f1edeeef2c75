import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from './schedule-format.ts';
import { firstOccurrence, isoWeekday, nextOccurrences } from './schedule-occurrences.ts';

const weekly = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  kind: 'weekly', weekdays: [1], opens: '10:00', closes: '11:00', intervalWeeks: 1, validFrom: null, validTo: null, excludedDates: [], closed: false, ...overrides,
});

describe('occurrences of weekly rules', () => {
  it('knows the ISO weekday of a date', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('lists the next dates of two rules in time order, skipping excluded dates and closed exceptions', () => {
    const rules = [
      weekly({ weekdays: [1, 3], excludedDates: ['2026-12-02'] }),
      weekly({ kind: 'exception', weekdays: [], closed: true, opens: null, closes: null, validFrom: '2026-12-07', validTo: '2026-12-07' }),
    ];
    expect(nextOccurrences(rules, '2026-11-28', 3).map((o) => o.date)).toEqual(['2026-11-30', '2026-12-09', '2026-12-14']);
  });

  it('keeps the phase of every other week from the start date and stops at the end date', () => {
    const rule = weekly({ intervalWeeks: 2, validFrom: '2026-11-02', validTo: '2026-12-31' });
    expect(nextOccurrences([rule], '2026-11-28', 5).map((o) => o.date)).toEqual(['2026-11-30', '2026-12-14', '2026-12-28']);
    expect(firstOccurrence(rule, '2026-12-01')).toBe('2026-12-14');
  });

  it('does not guess the dates of an interval rule without a start date', () => {
    expect(nextOccurrences([weekly({ intervalWeeks: 2 })], '2026-11-28', 3)).toEqual([]);
  });
});
