/**
 * Human-readable schedules: "ma ja ke klo 10–11", "mån och ons kl. 10–11", "Mon and Wed 10–11".
 * Pure functions over the catalogue's schedule rows (iCalendar semantics: weekly rules with an
 * interval, validity, excluded dates, exception rows, by appointment, always open).
 */
import type { Language } from '../../platform/localised.ts';

export interface ScheduleInput {
  kind: 'weekly' | 'exception' | 'always_open' | 'by_appointment' | string;
  /** ISO weekdays, 1 = Monday */
  weekdays: number[];
  /** 'HH:MM' local time */
  opens: string | null;
  closes: string | null;
  overMidnight?: boolean;
  intervalWeeks: number;
  /** 'YYYY-MM-DD' */
  validFrom: string | null;
  validTo: string | null;
  excludedDates: string[];
  closed: boolean;
}

interface Words {
  days: string[];
  and: string;
  at: string;
  everyOtherWeek: string;
  everyNthWeek: (n: number) => string;
  from: (date: string) => string;
  until: (date: string) => string;
  except: string;
  closed: string;
  byAppointment: string;
  alwaysOpen: string;
  time: (hhmm: string) => string;
  date: (iso: string, withYear: boolean) => string;
  dateRange: (from: string, to: string) => string;
}

const parse = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
};

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '10:00' → '10', '10:30' → '10<sep>30' */
function clock(hhmm: string, separator: string, keepZeroMinutes = false): string {
  const [h, m] = hhmm.split(':');
  const hour = String(Number(h));
  return m === '00' && !keepZeroMinutes ? hour : `${hour}${separator}${m ?? '00'}`;
}

const words: Record<Language, Words> = {
  fi: {
    days: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
    and: 'ja',
    at: 'klo',
    everyOtherWeek: 'joka toinen viikko',
    everyNthWeek: (n) => `joka ${n}. viikko`,
    from: (date) => `alkaen ${date}`,
    until: (date) => `${date} asti`,
    except: 'paitsi',
    closed: 'suljettu',
    byAppointment: 'ajanvarauksella',
    alwaysOpen: 'aina avoinna',
    time: (t) => clock(t, '.'),
    date: (iso, withYear) => {
      const { y, m, d } = parse(iso);
      return withYear ? `${d}.${m}.${y}` : `${d}.${m}.`;
    },
    dateRange: (from, to) => `${from}–${to}`,
  },
  sv: {
    days: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'],
    and: 'och',
    at: 'kl.',
    everyOtherWeek: 'varannan vecka',
    everyNthWeek: (n) => `var ${n}:e vecka`,
    from: (date) => `från ${date}`,
    until: (date) => `till ${date}`,
    except: 'utom',
    closed: 'stängt',
    byAppointment: 'enligt tidsbokning',
    alwaysOpen: 'alltid öppet',
    time: (t) => clock(t, '.'),
    date: (iso, withYear) => {
      const { y, m, d } = parse(iso);
      return withYear ? `${d}.${m}.${y}` : `${d}.${m}`;
    },
    dateRange: (from, to) => `${from}–${to}`,
  },
  en: {
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    and: 'and',
    at: '',
    everyOtherWeek: 'every other week',
    everyNthWeek: (n) => `every ${n} weeks`,
    from: (date) => `from ${date}`,
    until: (date) => `until ${date}`,
    except: 'except',
    closed: 'closed',
    byAppointment: 'by appointment',
    alwaysOpen: 'always open',
    time: (t) => clock(t, ':'),
    date: (iso, withYear) => {
      const { y, m, d } = parse(iso);
      return withYear ? `${d} ${monthsEn[m - 1]} ${y}` : `${d} ${monthsEn[m - 1]}`;
    },
    dateRange: (from, to) => `${from} – ${to}`,
  },
};

/** "a, b ja c" in the language. */
export function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${words[lang].and} ${items[items.length - 1]}`;
}

/** ISO weekdays as words, with runs of three or more days as ranges: "ma–pe ja su". */
export function formatWeekdays(weekdays: number[], lang: Language): string {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const names = words[lang].days;
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${names[days[i]! - 1]}–${names[days[j]! - 1]}`);
    else for (let k = i; k <= j; k++) parts.push(names[days[k]! - 1]!);
    i = j + 1;
  }
  return joinList(parts, lang);
}

/** "klo 10–11", "kl. 10.30–12", "10:30–12" */
export function formatTimeSpan(opens: string | null, closes: string | null, lang: Language): string {
  if (!opens) return '';
  const w = words[lang];
  const span = closes ? `${w.time(opens)}–${w.time(closes)}` : w.time(opens);
  return w.at ? `${w.at} ${span}` : span;
}

/** A date or a range of dates, the year once when both are in the same year. */
export function formatDateRange(from: string | null, to: string | null, lang: Language): string {
  const w = words[lang];
  if (from && to) {
    if (from === to) return w.date(from, true);
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    return w.dateRange(w.date(from, !sameYear), w.date(to, true));
  }
  if (from) return w.from(w.date(from, true));
  if (to) return w.until(w.date(to, true));
  return '';
}

export function formatDate(iso: string, lang: Language, withYear = true): string {
  return words[lang].date(iso, withYear);
}

function weekLabel(intervalWeeks: number, lang: Language): string {
  if (intervalWeeks <= 1) return '';
  return intervalWeeks === 2 ? words[lang].everyOtherWeek : words[lang].everyNthWeek(intervalWeeks);
}

function daysAndTime(rows: ScheduleInput[], lang: Language): string {
  // Rows with the same times are merged: "ma ja ke klo 10–11, pe klo 12–14".
  const byTime = new Map<string, { opens: string | null; closes: string | null; days: number[] }>();
  for (const row of rows) {
    const key = `${row.opens ?? ''}-${row.closes ?? ''}`;
    const entry = byTime.get(key) ?? { opens: row.opens, closes: row.closes, days: [] };
    entry.days.push(...row.weekdays);
    byTime.set(key, entry);
  }
  return [...byTime.values()]
    .sort((a, b) => Math.min(...a.days) - Math.min(...b.days))
    .map((entry) => [formatWeekdays(entry.days, lang), formatTimeSpan(entry.opens, entry.closes, lang)].filter(Boolean).join(' '))
    .join(', ');
}

function validity(row: ScheduleInput, lang: Language, today: string | undefined): string {
  // A start already in the past says nothing useful to the reader.
  const from = row.validFrom && (!today || row.validFrom > today) ? row.validFrom : null;
  return formatDateRange(from, row.validTo, lang);
}

function exclusions(row: ScheduleInput, lang: Language, today: string | undefined): string {
  const dates = row.excludedDates.filter((d) => !today || d >= today).sort();
  if (dates.length === 0) return '';
  const shown = dates.slice(0, 5).map((d) => formatDate(d, lang, false));
  return `${words[lang].except} ${joinList(dates.length > 5 ? [...shown, '…'] : shown, lang)}`;
}

function isExpired(row: ScheduleInput, today: string | undefined): boolean {
  return Boolean(today && row.validTo && row.validTo < today);
}

/**
 * The schedule as lines of human words, one per rule: weekly rules with the same interval,
 * validity and exclusions are merged into one line. `today` ('YYYY-MM-DD') drops expired rules,
 * past exclusions and start dates already passed.
 */
export function describeSchedules(schedules: readonly ScheduleInput[], lang: Language, today?: string): string[] {
  const w = words[lang];
  const lines: string[] = [];
  const current = schedules.filter((s) => !isExpired(s, today));
  if (current.some((s) => s.kind === 'always_open' && !s.closed)) lines.push(w.alwaysOpen);

  const weekly = current.filter((s) => s.kind === 'weekly' && !s.closed && s.weekdays.length > 0);
  const groups = new Map<string, ScheduleInput[]>();
  for (const row of weekly) {
    const key = [row.intervalWeeks, row.validFrom, row.validTo, [...row.excludedDates].sort().join(',')].join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const parts = [daysAndTime(rows, lang), weekLabel(first.intervalWeeks, lang)].filter(Boolean).join(' ');
    const extra = [validity(first, lang, today), exclusions(first, lang, today)].filter(Boolean);
    lines.push(extra.length ? `${parts} (${extra.join(', ')})` : parts);
  }

  for (const row of current.filter((s) => s.kind === 'weekly' && s.closed && s.weekdays.length > 0)) {
    lines.push(`${w.closed} ${formatWeekdays(row.weekdays, lang)}`);
  }

  for (const row of current.filter((s) => s.kind === 'by_appointment')) {
    const when = [row.weekdays.length ? formatWeekdays(row.weekdays, lang) : '', formatTimeSpan(row.opens, row.closes, lang)]
      .filter(Boolean)
      .join(' ');
    lines.push(when ? `${w.byAppointment} ${when}` : w.byAppointment);
  }

  for (const row of current.filter((s) => s.kind === 'exception')) {
    const dates = formatDateRange(row.validFrom, row.validTo ?? row.validFrom, lang);
    if (row.closed || !row.opens) lines.push(`${w.closed} ${dates}`.trim());
    else lines.push(`${dates} ${formatTimeSpan(row.opens, row.closes, lang)}`.trim());
  }
  return lines;
}
