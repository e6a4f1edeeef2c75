/**
 * Dates on which weekly rules take place: the "next times" of an activity and the first date of
 * an iCalendar recurrence. Dates are 'YYYY-MM-DD' in Finland's local calendar.
 */
import type { ScheduleInput } from './schedule-format.ts';

const dayMs = 86_400_000;

function toDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / dayMs);
}

function fromDays(days: number): string {
  return new Date(days * dayMs).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDays(toDays(iso) + days);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDays(iso) + 3) % 7) + 7) % 7) + 1;
}

function mondayOf(iso: string): number {
  return toDays(iso) - (isoWeekday(iso) - 1);
}

export interface Occurrence {
  date: string;
  opens: string | null;
  closes: string | null;
}

/** Whether a weekly rule takes place on `date` (weekday, phase of the interval, validity, exclusions). */
export function occursOn(rule: ScheduleInput, date: string): boolean {
  if (!rule.weekdays.includes(isoWeekday(date))) return false;
  if (rule.validFrom && date < rule.validFrom) return false;
  if (rule.validTo && date > rule.validTo) return false;
  if (rule.excludedDates.includes(date)) return false;
  if (rule.intervalWeeks > 1) {
    // The phase of "every n weeks" is counted from the week the rule starts.
    if (!rule.validFrom) return false;
    const weeks = (mondayOf(date) - mondayOf(rule.validFrom)) / 7;
    if (weeks % rule.intervalWeeks !== 0) return false;
  }
  return true;
}

/** Whether an interval rule can be placed in the calendar at all (its phase is known). */
export function hasKnownPhase(rule: ScheduleInput): boolean {
  return rule.intervalWeeks <= 1 || rule.validFrom !== null;
}

function closedByException(exceptions: readonly ScheduleInput[], date: string): boolean {
  return exceptions.some((e) => {
    const from = e.validFrom ?? e.validTo;
    const to = e.validTo ?? e.validFrom;
    return (e.closed || !e.opens) && from !== null && to !== null && date >= from && date <= to;
  });
}

/**
 * The next `count` occurrences of the weekly rules from `today` on (at most a year ahead),
 * leaving out dates closed by exception rows.
 */
export function nextOccurrences(schedules: readonly ScheduleInput[], today: string, count: number): Occurrence[] {
  const rules = schedules.filter((s) => s.kind === 'weekly' && !s.closed && s.weekdays.length > 0 && hasKnownPhase(s));
  const exceptions = schedules.filter((s) => s.kind === 'exception');
  const result: Occurrence[] = [];
  for (let offset = 0; offset < 366 && result.length < count; offset++) {
    const date = addDays(today, offset);
    if (closedByException(exceptions, date)) continue;
    const todays = rules
      .filter((rule) => occursOn(rule, date))
      .sort((a, b) => (a.opens ?? '').localeCompare(b.opens ?? ''));
    for (const rule of todays) {
      if (result.length < count) result.push({ date, opens: rule.opens, closes: rule.closes });
    }
  }
  return result;
}

/** The first date on or after `from` on which the rule takes place, within a year; undefined if none. */
export function firstOccurrence(rule: ScheduleInput, from: string): string | undefined {
  const start = rule.validFrom && rule.validFrom > from ? rule.validFrom : from;
  for (let offset = 0; offset < 366; offset++) {
    const date = addDays(start, offset);
    if (rule.validTo && date > rule.validTo) return undefined;
    // Excluded dates do not move the start of the recurrence: they become EXDATEs.
    if (occursOn({ ...rule, excludedDates: [] }, date)) return date;
  }
  return undefined;
}

/** Dates of closed exception ranges that fall on the rule's days (for EXDATE), at most a year. */
export function datesClosedByExceptions(rule: ScheduleInput, exceptions: readonly ScheduleInput[]): string[] {
  const dates: string[] = [];
  for (const e of exceptions) {
    if (!(e.closed || !e.opens)) continue;
    const from = e.validFrom ?? e.validTo;
    const to = e.validTo ?? e.validFrom;
    if (!from || !to) continue;
    for (let date = from, n = 0; date <= to && n < 366; date = addDays(date, 1), n++) {
      if (occursOn({ ...rule, excludedDates: [] }, date)) dates.push(date);
    }
  }
  return dates;
}
