/**
 * PTV service hours → schedule rows (iCalendar-like: weekly rules, exceptions, validity).
 *
 * Rules:
 * - DaysOfTheWeek (v7 "Standard"): entries with the same opening and closing time become one
 *   weekly row listing their weekdays; an entry closing at or before it opens closes the next
 *   day (overMidnight). "00:00–00:00" is a whole day and a closing time of "00:00" is midnight
 *   (stored as '24:00', which PostgreSQL's `time` accepts). A `dayTo` on a regular entry is a
 *   range of days with the same hours.
 * - OverMidnight (v7 "Special"): one continuous opening from `dayFrom` `from` to `dayTo` `to`;
 *   the next day becomes one overMidnight row, a longer span becomes rows per day.
 * - isAlwaysOpen (v11; inferred for ≤ v10, see ptv.v11.parts.ts) → one 'always_open' row;
 *   isReservation → 'by_appointment'.
 * - Exceptional (v7 "Exception") → 'exception' rows for validFrom…validTo (a single day when
 *   validTo is missing), closed when isClosed. Without a date they cannot be placed: skipped
 *   with a warning (the v8 data uses them for free-text notes such as "holidays differ").
 * - validFrom/validTo of regular hours become the rows' validity.
 * Drafts have no service id: PTV hours belong to a channel shared by several services, so
 * `attachSchedules` makes the rows per service.
 */
import type { ScheduleRecord } from '../../catalog/catalog.types.ts';
import { stableId } from '../../../platform/ids.ts';
import { ptvWeekdays, type PtvWeekday } from './ptv.enums.ts';
import type { PtvOpeningHour, PtvServiceHour } from './ptv.records.ts';

export type ScheduleDraft = Omit<ScheduleRecord, 'id' | 'serviceId'>;

export interface HoursMapping {
  drafts: ScheduleDraft[];
  warnings: string[];
}

interface DayInterval {
  weekday: number;
  opens: string;
  closes: string;
  overMidnight: boolean;
}

const isoWeekday = (day: PtvWeekday): number => ptvWeekdays.indexOf(day) + 1;
const allWeekdays = [1, 2, 3, 4, 5, 6, 7];

/** "00:00" as a closing time means midnight at the end of the day. */
const closingTime = (to: string): string => (to === '00:00' ? '24:00' : to);

function singleDay(weekday: number, from: string, to: string): DayInterval {
  const closes = closingTime(to);
  return { weekday, opens: from, closes, overMidnight: closes !== '24:00' && closes <= from };
}

/** Expands one opening-hour entry into per-weekday intervals; null with a warning when unusable. */
function expandEntry(entry: PtvOpeningHour, continuous: boolean, warn: (message: string) => void): DayInterval[] {
  if (!entry.dayFrom || !entry.from || !entry.to) {
    warn(`opening hour without ${!entry.dayFrom ? 'a weekday' : 'a time'}; skipped`);
    return [];
  }
  const first = isoWeekday(entry.dayFrom);
  const last = entry.dayTo ? isoWeekday(entry.dayTo) : first;
  const span = (last - first + 7) % 7;
  if (span === 0) return [singleDay(first, entry.from, entry.to)];
  const day = (offset: number) => ((first - 1 + offset) % 7) + 1;
  if (!continuous && closingTime(entry.to) > entry.from) {
    // a range of days with the same hours ("Monday–Friday 8–16")
    return Array.from({ length: span + 1 }, (_, offset) => singleDay(day(offset), entry.from!, entry.to!));
  }
  if (span === 1) return [{ weekday: first, opens: entry.from, closes: entry.to, overMidnight: true }];
  // open from dayFrom `from` without a break until dayTo `to`
  const intervals: DayInterval[] = [{ weekday: first, opens: entry.from, closes: '24:00', overMidnight: false }];
  for (let offset = 1; offset < span; offset += 1) intervals.push({ weekday: day(offset), opens: '00:00', closes: '24:00', overMidnight: false });
  if (entry.to !== '00:00') intervals.push({ weekday: last, opens: '00:00', closes: entry.to, overMidnight: false });
  return intervals;
}

/** Maps the hours of one channel (or one service–channel link). */
export function mapServiceHours(hours: readonly PtvServiceHour[], locationId: string | null): HoursMapping {
  const drafts: ScheduleDraft[] = [];
  const warnings: string[] = [];
  hours.forEach((hour, index) => {
    const warn = (message: string) => warnings.push(`serviceHours[${index}] (${hour.type}): ${message}`);
    let validTo = hour.validTo;
    if (hour.validFrom && validTo && validTo < hour.validFrom) {
      warn(`validTo ${validTo} is before validFrom ${hour.validFrom}; validTo ignored`);
      validTo = null;
    }
    const base: ScheduleDraft = {
      locationId,
      kind: 'weekly',
      weekdays: [],
      opens: null,
      closes: null,
      overMidnight: false,
      intervalWeeks: 1,
      validFrom: hour.validFrom,
      validTo,
      excludedDates: [],
      closed: false,
      note: hour.additionalInformation,
      source: 'ptv',
    };

    if (hour.type === 'Exceptional') {
      if (!hour.validFrom) {
        warn('exceptional hours without a date cannot be placed; skipped');
        return;
      }
      const exception: ScheduleDraft = { ...base, kind: 'exception', validTo: validTo ?? hour.validFrom };
      if (hour.isClosed) {
        drafts.push({ ...exception, closed: true });
      } else if (hour.isAlwaysOpen) {
        drafts.push({ ...exception, opens: '00:00', closes: '24:00' });
      } else if (hour.openingHours.length === 0) {
        warn('exceptional hours that are neither closed nor have times; skipped');
      } else {
        for (const entry of hour.openingHours) {
          if (!entry.from || !entry.to) {
            warn('opening hour without a time; skipped');
            continue;
          }
          const interval = singleDay(0, entry.from, entry.to);
          drafts.push({
            ...exception,
            weekdays: entry.dayFrom ? [isoWeekday(entry.dayFrom)] : [],
            opens: interval.opens,
            closes: interval.closes,
            overMidnight: interval.overMidnight,
          });
        }
      }
      return;
    }

    if (hour.isClosed) {
      if (hour.validFrom) drafts.push({ ...base, kind: 'exception', validTo: validTo ?? hour.validFrom, closed: true });
      else warn('closed regular hours without dates; skipped');
      return;
    }
    if (hour.isAlwaysOpen) {
      drafts.push({ ...base, kind: 'always_open', weekdays: allWeekdays });
      return;
    }
    if (hour.openingHours.length === 0) {
      if (hour.isReservation) drafts.push({ ...base, kind: 'by_appointment' });
      else warn('regular hours without times; skipped');
      return;
    }
    const continuous = hour.type === 'OverMidnight';
    const groups = new Map<string, DayInterval[]>();
    for (const entry of hour.openingHours) {
      for (const interval of expandEntry(entry, continuous, warn)) {
        const key = `${interval.opens}|${interval.closes}|${interval.overMidnight}`;
        groups.set(key, [...(groups.get(key) ?? []), interval]);
      }
    }
    for (const intervals of groups.values()) {
      const first = intervals[0]!;
      drafts.push({
        ...base,
        kind: hour.isReservation ? 'by_appointment' : 'weekly',
        weekdays: [...new Set(intervals.map((interval) => interval.weekday))].sort((a, b) => a - b),
        opens: first.opens,
        closes: first.closes,
        overMidnight: first.overMidnight,
      });
    }
  });
  return { drafts, warnings };
}

/**
 * Schedule rows of one service from channel drafts. `key` names the source (the channel GUID,
 * or "link:<channel GUID>" for hours on the service–channel link) so ids stay stable.
 */
export function attachSchedules(serviceId: string, key: string, drafts: readonly ScheduleDraft[]): ScheduleRecord[] {
  return drafts.map((draft, index) => ({ id: stableId('ptv:schedule', `${serviceId}|${key}|${index}`), serviceId, ...draft }));
}
