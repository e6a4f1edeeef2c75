import { describe, expect, it } from 'vitest';
import { describeSchedules, formatDateRange, formatTimeSpan, formatWeekdays, type ScheduleInput } from './schedule-format.ts';

const weekly = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  kind: 'weekly',
  weekdays: [1],
  opens: '10:00',
  closes: '11:00',
  overMidnight: false,
  intervalWeeks: 1,
  validFrom: null,
  validTo: null,
  excludedDates: [],
  closed: false,
  ...overrides,
});

describe('human-readable schedules', () => {
  it('says a weekly rule on two days in Finnish, Swedish and English', () => {
    const rule = [weekly({ weekdays: [1, 3] })];
    expect(describeSchedules(rule, 'fi')).toEqual(['ma ja ke klo 10–11']);
    expect(describeSchedules(rule, 'sv')).toEqual(['mån och ons kl. 10–11']);
    expect(describeSchedules(rule, 'en')).toEqual(['Mon and Wed 10–11']);
  });

  it('merges rows with the same times and keeps different times apart', () => {
    const rows = [weekly({ weekdays: [1] }), weekly({ weekdays: [3] }), weekly({ weekdays: [5], opens: '12:30', closes: '14:00' })];
    expect(describeSchedules(rows, 'fi')).toEqual(['ma ja ke klo 10–11, pe klo 12.30–14']);
    expect(describeSchedules(rows, 'en')).toEqual(['Mon and Wed 10–11, Fri 12:30–14']);
  });

  it('writes three or more consecutive days as a range', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5], 'fi')).toBe('ma–pe');
    expect(formatWeekdays([1, 2, 3, 5, 7], 'sv')).toBe('mån–ons, fre och sön');
    expect(formatWeekdays([6, 7], 'en')).toBe('Sat and Sun');
  });

  it('says every other week and every n weeks', () => {
    expect(describeSchedules([weekly({ intervalWeeks: 2 })], 'fi')).toEqual(['ma klo 10–11 joka toinen viikko']);
    expect(describeSchedules([weekly({ intervalWeeks: 4 })], 'sv')).toEqual(['mån kl. 10–11 var 4:e vecka']);
    expect(describeSchedules([weekly({ intervalWeeks: 3 })], 'en')).toEqual(['Mon 10–11 every 3 weeks']);
  });

  it('adds the validity and leaves out a start that has passed', () => {
    const rule = [weekly({ validFrom: '2026-09-01', validTo: '2026-12-15' })];
    expect(describeSchedules(rule, 'fi', '2026-08-01')).toEqual(['ma klo 10–11 (1.9.–15.12.2026)']);
    expect(describeSchedules(rule, 'fi', '2026-10-01')).toEqual(['ma klo 10–11 (15.12.2026 asti)']);
    expect(describeSchedules(rule, 'sv', '2026-10-01')).toEqual(['mån kl. 10–11 (till 15.12.2026)']);
    expect(describeSchedules(rule, 'en', '2026-08-01')).toEqual(['Mon 10–11 (1 Sep – 15 Dec 2026)']);
    expect(describeSchedules([weekly({ validFrom: '2027-01-12' })], 'fi', '2026-12-01')).toEqual(['ma klo 10–11 (alkaen 12.1.2027)']);
  });

  it('drops expired rules and past exclusions', () => {
    const rows = [weekly({ validTo: '2026-01-01' }), weekly({ weekdays: [2], excludedDates: ['2026-11-03', '2026-12-22'] })];
    expect(describeSchedules(rows, 'fi', '2026-11-28')).toEqual(['ti klo 10–11 (paitsi 22.12.)']);
    expect(describeSchedules(rows, 'en', '2026-11-28')).toEqual(['Tue 10–11 (except 22 Dec)']);
  });

  it('names closed exceptions, exceptions with other hours, appointments and always open', () => {
    const rows: ScheduleInput[] = [
      weekly({ kind: 'by_appointment', weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00' }),
      weekly({ kind: 'exception', weekdays: [], closed: true, opens: null, closes: null, validFrom: '2026-12-22', validTo: '2027-01-06' }),
      weekly({ kind: 'exception', weekdays: [], opens: '10:00', closes: '12:00', validFrom: '2026-12-31', validTo: '2026-12-31' }),
    ];
    expect(describeSchedules(rows, 'fi')).toEqual(['ajanvarauksella ma–pe klo 9–15', 'suljettu 22.12.2026–6.1.2027', '31.12.2026 klo 10–12']);
    expect(describeSchedules(rows, 'sv')).toEqual(['enligt tidsbokning mån–fre kl. 9–15', 'stängt 22.12.2026–6.1.2027', '31.12.2026 kl. 10–12']);
    expect(describeSchedules([weekly({ kind: 'always_open', weekdays: [], opens: null, closes: null })], 'en')).toEqual(['always open']);
  });

  it('formats times with minutes and rules over midnight', () => {
    expect(formatTimeSpan('10:30', '12:00', 'fi')).toBe('klo 10.30–12');
    expect(formatTimeSpan('22:00', '02:00', 'sv')).toBe('kl. 22–2');
    expect(formatTimeSpan('09:15', null, 'en')).toBe('9:15');
    expect(formatDateRange('2026-12-20', '2027-01-06', 'en')).toBe('20 Dec 2026 – 6 Jan 2027');
  });
});
