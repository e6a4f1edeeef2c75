/** Formatting of dates, times and numbers for pages, in Finland's time zone. */
import type { Language } from './localised.ts';

export const timeZone = 'Europe/Helsinki';

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Creating an Intl formatter costs far more than using one: each is made once and reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(date: Date, lang: Language): string {
  return cached(`date:${lang}`, () => new Intl.DateTimeFormat(locales[lang], { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' })).format(date);
}

export function formatDateTime(date: Date, lang: Language): string {
  return cached(
    `datetime:${lang}`,
    () =>
      new Intl.DateTimeFormat(locales[lang], {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'numeric',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(date);
}

export function formatNumber(value: number, lang: Language, fractionDigits = 0): string {
  return cached(
    `number:${lang}:${fractionDigits}`,
    () => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }),
  ).format(value);
}

/** 'YYYY-MM-DD' of an instant in Finland. */
export function localDate(date: Date): string {
  const parts = cached('local-date', () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The UTC instant of a local wall-clock time in Finland ('YYYY-MM-DD', 'HH:MM'). */
export function helsinkiInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  // Offset of Helsinki at that moment (+2 or +3 hours), found by formatting the guess.
  const parts = cached(
    'local-minute',
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asLocal = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = asLocal - guess.getTime();
  return new Date(guess.getTime() - offset);
}
