/**
 * Turns an activity of the catalogue into the lines a client plan shows and sends: when, where,
 * how to get in touch. Shared by the print page and the e-mail / text message.
 */
import { formatDateTime } from '../../platform/format.ts';
import type { Translate } from '../../platform/i18n.ts';
import { textOf, type Language } from '../../platform/localised.ts';
import type { ServiceDetail } from '../catalog/index.ts';

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Weekday names, ISO numbering (1 = Monday). 2024-01-01 was a Monday. */
function weekdayName(day: number, lang: Language, style: 'long' | 'short'): string {
  return new Intl.DateTimeFormat(locales[lang], { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

function time(value: string, lang: Language): string {
  // Finnish writes 10.30, Swedish and English 10:30 (as Intl does for fi-FI / sv-FI / en-GB).
  return lang === 'fi' ? value.replace(':', '.') : value;
}

/** "Tuesdays and Thursdays 10.00–11.30", "by appointment", ... */
export function scheduleLines(service: Pick<ServiceDetail, 'schedules'>, lang: Language, t: Translate): string[] {
  const lines: string[] = [];
  for (const schedule of service.schedules) {
    if (schedule.closed || schedule.kind === 'exception') continue;
    if (schedule.kind === 'always_open') {
      lines.push(t('guidance.plan.alwaysOpen'));
      continue;
    }
    if (schedule.kind === 'by_appointment') {
      lines.push(t('guidance.plan.byAppointment'));
      continue;
    }
    const days = schedule.weekdays.map((d) => weekdayName(d, lang, 'long')).join(', ');
    const hours = schedule.opens ? ` ${time(schedule.opens, lang)}${schedule.closes ? `–${time(schedule.closes, lang)}` : ''}` : '';
    const every = schedule.intervalWeeks > 1 ? ` (${t('guidance.plan.everyNthWeek', { count: schedule.intervalWeeks })})` : '';
    const note = textOf(schedule.note, lang);
    lines.push(`${days}${hours}${every}${note ? ` – ${note}` : ''}`);
  }
  return [...new Set(lines)];
}

/** The next dated occurrences (up to `limit`). */
export function eventLines(service: Pick<ServiceDetail, 'upcomingEvents'>, lang: Language, limit = 3): string[] {
  return service.upcomingEvents
    .filter((e) => e.status === 'scheduled')
    .slice(0, limit)
    .map((e) => formatDateTime(new Date(e.startsAt), lang));
}

/** Places: name and street address (a confidential address is never shown). */
export function placeLines(service: Pick<ServiceDetail, 'locations' | 'confidentialAddress'>, lang: Language, t: Translate): string[] {
  if (service.confidentialAddress) return [t('guidance.plan.confidentialAddress')];
  return service.locations.slice(0, 2).map((l) => {
    const street = textOf(l.streetAddress, lang);
    const town = [l.postalCode, textOf(l.postOffice, lang)].filter(Boolean).join(' ');
    return [textOf(l.name, lang), street, town].filter(Boolean).join(', ');
  });
}

export interface ContactLine {
  kind: 'phone' | 'email' | 'web' | 'eservice' | 'printable_form';
  value: string;
  label: string;
}

/** Phone numbers, e-mail addresses and web pages of the activity. */
export function contactLines(service: Pick<ServiceDetail, 'channels'>, lang: Language): ContactLine[] {
  const lines: ContactLine[] = [];
  for (const channel of service.channels) {
    const value = textOf(channel.value, lang);
    if (!value) continue;
    lines.push({ kind: channel.kind as ContactLine['kind'], value, label: textOf(channel.name, lang) });
  }
  const order = ['phone', 'email', 'web', 'eservice', 'printable_form'];
  return lines.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).slice(0, 4);
}

export function costLine(service: Pick<ServiceDetail, 'costType' | 'kaikukortti' | 'costInfo'>, lang: Language, t: Translate): string {
  const base = service.costType === 'free' ? t('guidance.plan.free') : service.costType === 'fee' ? t('guidance.plan.fee') : '';
  const parts = [base, service.kaikukortti ? t('guidance.plan.kaikukortti') : '', textOf(service.costInfo, lang)].filter(Boolean);
  return parts.join(' – ');
}
