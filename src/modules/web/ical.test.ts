import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, weeklyCalendarEvents, writeCalendar } from './ical.ts';
import type { ScheduleInput } from './schedule-format.ts';

const rule = (overrides: Partial<ScheduleInput & { id: string }> = {}): ScheduleInput & { id: string } => ({
  id: 'r1', kind: 'weekly', weekdays: [1, 3], opens: '10:00', closes: '11:30', intervalWeeks: 2, validFrom: '2026-11-02', validTo: '2027-05-31',
  excludedDates: ['2026-12-30'], closed: false, ...overrides,
});

/** Unfolds per RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ä'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes a weekly rule with interval, BYDAY, UTC UNTIL, EXDATE and the Helsinki time zone', () => {
    const events = weeklyCalendarEvents([rule(), rule({ id: 'x', kind: 'exception', weekdays: [], closed: true, opens: null, closes: null, validFrom: '2026-12-14', validTo: '2026-12-16', excludedDates: [] })], '2026-11-28', { summary: 'Tuolijumppa, senioreille; tervetuloa' }, 'tarjotin.test');
    const ics = writeCalendar({ name: 'Tuolijumppa', events, stamp: new Date('2026-11-28T10:00:00Z') });
    const lines = unfold(ics).split('\r\n');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Helsinki');
    expect(lines).toContain('DTSTART;TZID=Europe/Helsinki:20261130T100000');
    expect(lines).toContain('DTEND;TZID=Europe/Helsinki:20261130T113000');
    // 31 May 2027 23:59 in Helsinki (summer time, +03) is 20:59 UTC
    expect(lines).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270531T205900Z;WKST=MO');
    // 30 Dec (excluded) and 14 and 16 Dec (closed by the exception, in phase) are EXDATEs
    expect(lines).toContain('EXDATE;TZID=Europe/Helsinki:20261214T100000,20261216T100000,20261230T100000');
    expect(lines).toContain('SUMMARY:Tuolijumppa\\, senioreille\\; tervetuloa');
    expect(lines).toContain('UID:schedule-r1@tarjotin.test');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('writes dated occurrences in UTC with their status, without a time zone block', () => {
    const ics = writeCalendar({
      name: 'Kurssi',
      stamp: new Date('2026-11-28T10:00:00Z'),
      events: [{ uid: 'e1@t', summary: 'Kurssi', instant: { start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-01T11:00:00Z') }, status: 'CANCELLED' }],
    });
    expect(ics).toContain('DTSTART:20261201T100000Z\r\nDTEND:20261201T110000Z');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).not.toContain('VTIMEZONE');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
  });

  it('leaves out expired rules and interval rules without a known phase', () => {
    expect(weeklyCalendarEvents([rule({ validTo: '2026-01-01' }), rule({ validFrom: null })], '2026-11-28', { summary: 'x' }, 't')).toEqual([]);
  });
});
