/**
 * iCalendar (RFC 5545) writer for activities: weekly rules as recurring VEVENTs with
 * RRULE:FREQ=WEEKLY;INTERVAL;BYDAY;UNTIL and EXDATEs in Europe/Helsinki time, dated occurrences
 * as single VEVENTs. Lines end in CRLF, are folded at 75 octets and TEXT values are escaped.
 */
import { helsinkiInstant } from '../../platform/format.ts';
import type { ScheduleInput } from './schedule-format.ts';
import { addDays, datesClosedByExceptions, firstOccurrence, hasKnownPhase } from './schedule-occurrences.ts';

export const calendarTimeZone = 'Europe/Helsinki';

/** Finland's rules since 1996 (EU summer time): +03 from the last Sunday of March, +02 from the last Sunday of October. */
const helsinkiTimeZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'X-LIC-LOCATION:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const byDay = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into chunks of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      // a continuation line starts with one space, which counts towards its 75 octets
      limit = 74;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

export type CalendarStatus = 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';

export interface CalendarEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: CalendarStatus;
  /** A dated occurrence (UTC instants) ... */
  instant?: { start: Date; end: Date | null };
  /** ... or a weekly recurrence in local time. */
  weekly?: {
    firstDate: string;
    opens: string;
    closes: string | null;
    weekdays: number[];
    intervalWeeks: number;
    /** last local date, inclusive */
    until: string | null;
    excludedDates: string[];
  };
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcStamp(stamp)}`];
  if (event.instant) {
    lines.push(`DTSTART:${utcStamp(event.instant.start)}`);
    if (event.instant.end) lines.push(`DTEND:${utcStamp(event.instant.end)}`);
  } else if (event.weekly) {
    const w = event.weekly;
    const tz = `TZID=${calendarTimeZone}`;
    lines.push(`DTSTART;${tz}:${localStamp(w.firstDate, w.opens)}`);
    if (w.closes) {
      const endDate = w.closes <= w.opens ? addDays(w.firstDate, 1) : w.firstDate;
      lines.push(`DTEND;${tz}:${localStamp(endDate, w.closes)}`);
    }
    const rule = ['FREQ=WEEKLY'];
    if (w.intervalWeeks > 1) rule.push(`INTERVAL=${w.intervalWeeks}`);
    rule.push(`BYDAY=${[...w.weekdays].sort((a, b) => a - b).map((d) => byDay[d - 1]).join(',')}`);
    // With a TZID start, UNTIL must be a UTC date-time (RFC 5545 3.3.10): the end of the last day.
    if (w.until) rule.push(`UNTIL=${utcStamp(helsinkiInstant(w.until, '23:59'))}`);
    rule.push('WKST=MO');
    lines.push(`RRULE:${rule.join(';')}`);
    const excluded = [...new Set(w.excludedDates)].filter((d) => d >= w.firstDate).sort();
    if (excluded.length) lines.push(`EXDATE;${tz}:${excluded.map((d) => localStamp(d, w.opens)).join(',')}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A complete VCALENDAR document (CRLF line ends, folded lines). */
export function writeCalendar(input: { name: string; events: CalendarEvent[]; stamp: Date }): string {
  const needsZone = input.events.some((e) => e.weekly);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tarjotin//Tarjotin service tray//FI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    ...(needsZone ? helsinkiTimeZone : []),
    ...input.events.flatMap((event) => eventLines(event, input.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * Calendar entries of an activity's weekly rules from `today` on: one recurring VEVENT per rule
 * row, with its excluded dates and the dates closed by exception rows as EXDATEs. Rules without
 * a start time or with an unknown phase ("every other week" with no start date) are left out.
 */
export function weeklyCalendarEvents(
  schedules: readonly (ScheduleInput & { id: string })[],
  today: string,
  base: Omit<CalendarEvent, 'uid' | 'weekly' | 'instant'>,
  uidDomain: string,
): CalendarEvent[] {
  const exceptions = schedules.filter((s) => s.kind === 'exception');
  return schedules.flatMap((rule) => {
    if (rule.kind !== 'weekly' || rule.closed || !rule.opens || rule.weekdays.length === 0 || !hasKnownPhase(rule)) return [];
    if (rule.validTo && rule.validTo < today) return [];
    const firstDate = firstOccurrence(rule, today);
    if (!firstDate) return [];
    return [
      {
        ...base,
        uid: `schedule-${rule.id}@${uidDomain}`,
        weekly: {
          firstDate,
          opens: rule.opens,
          closes: rule.closes,
          weekdays: rule.weekdays,
          intervalWeeks: rule.intervalWeeks,
          until: rule.validTo,
          excludedDates: [...rule.excludedDates, ...datesClosedByExceptions(rule, exceptions)],
        },
      },
    ];
  });
}
