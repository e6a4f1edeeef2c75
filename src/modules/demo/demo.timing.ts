/**
 * The demo tray's times: weekly schedules with validity and exceptions, short courses and
 * dated events, and the human sentence that describes them ("ma ja ke klo 10–11").
 */
import type { EventRecord, LocationRecord, Provenance, ScheduleRecord, ServiceRecord } from '../catalog/index.ts';
import { stableId } from '../../platform/ids.ts';
import { helsinkiInstant } from '../../platform/format.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { ActivityTemplate } from './demo.templates.ts';
import type { Random } from './random.ts';

const weekdayNames = { fi: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'], sv: ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'] };

/** Provenance of a demo record: the generator is its source. */
export function demoProvenance(key: string): Provenance {
  return { source: 'demo', sourceId: key, sourceModified: null, payloadHash: null };
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}


export interface Timing {
  schedules: ScheduleRecord[];
  events: EventRecord[];
  sentence: LocalisedText;
}

function timeText(hour: number, minute: number): string {
  return `${hour}.${pad(minute)}`;
}

export function buildTiming(
  random: Random,
  anchorDate: string,
  template: ActivityTemplate,
  service: { id: string; name: LocalisedText; organisationId: string; themes: string[]; costType: ServiceRecord['costType'] },
  location: LocationRecord,
): Timing {
  const hour = random.pick(template.hours);
  const minute = random.pick([0, 0, 0, 15, 30]);
  const endTotal = Math.min(hour * 60 + minute + template.minutes, 23 * 60 + 45);
  const opens = `${pad(hour)}:${pad(minute)}`;
  const closes = `${pad(Math.floor(endTotal / 60))}:${pad(endTotal % 60)}`;
  const span = { fi: `klo ${timeText(hour, minute)}–${timeText(Math.floor(endTotal / 60), endTotal % 60)}`, sv: `kl. ${opens}–${closes}`, en: `${opens}–${closes}` };
  const validFrom = addDays(anchorDate, -random.int(20, 90));
  const validTo = addDays(anchorDate, random.int(120, 240));
  const schedule = (weekdays: number[], extra: Partial<ScheduleRecord> = {}): ScheduleRecord => ({
    id: stableId('demo:schedule', `${service.id}:${weekdays.join(',')}:${extra.kind ?? 'weekly'}`),
    serviceId: service.id,
    locationId: location.id,
    kind: 'weekly',
    weekdays,
    opens,
    closes,
    overMidnight: false,
    intervalWeeks: 1,
    validFrom,
    validTo,
    excludedDates: [],
    closed: false,
    note: {},
    source: 'demo',
    ...extra,
  });
  const days = (list: number[]) => ({
    fi: list.map((d) => weekdayNames.fi[d - 1]).join(' ja '),
    sv: list.map((d) => weekdayNames.sv[d - 1]).join(' och '),
    en: list.map((d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]).join(' and '),
  });
  const event = (index: number, date: string): EventRecord => {
    const startsAt = helsinkiInstant(date, opens);
    return {
      id: stableId('demo:event', `${service.id}:${index}`),
      serviceId: service.id,
      organisationId: service.organisationId,
      locationId: location.id,
      name: service.name,
      description: {},
      startsAt,
      endsAt: new Date(startsAt.getTime() + template.minutes * 60000),
      status: 'scheduled',
      themes: service.themes,
      costType: service.costType,
      costInfo: {},
      infoUrl: null,
      provenance: demoProvenance(`event:${service.id}:${index}`),
    };
  };
  switch (template.pattern) {
    case 'weekly':
    case 'monthly': {
      const weekday = random.int(1, template.hours[0]! < 12 ? 5 : 6);
      const interval = template.pattern === 'monthly' ? 4 : 1;
      const holiday = addDays(anchorDate, random.int(10, 60));
      const d = days([weekday]);
      const excluded = interval === 1 && isoWeekday(holiday) === weekday ? [holiday] : [];
      return {
        schedules: [schedule([weekday], { intervalWeeks: interval, excludedDates: excluded })],
        events: [],
        sentence:
          interval === 1
            ? { fi: `Kokoontuu ${d.fi} ${span.fi}.`, sv: `Träffas ${d.sv} ${span.sv}.`, en: `Meets on ${d.en}, ${span.en}.` }
            : { fi: `Kokoontuu joka neljäs ${d.fi} ${span.fi}.`, sv: `Träffas var fjärde ${d.sv} ${span.sv}.`, en: `Meets every fourth ${d.en}, ${span.en}.` },
      };
    }
    case 'twice_weekly': {
      const first = random.int(1, 3);
      const list = [first, first + 2];
      const d = days(list);
      return {
        schedules: [schedule(list)],
        events: [],
        sentence: { fi: `Kokoontuu ${d.fi} ${span.fi}.`, sv: `Träffas ${d.sv} ${span.sv}.`, en: `Meets on ${d.en}, ${span.en}.` },
      };
    }
    case 'drop_in': {
      const list = template.minutes >= 600 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
      return {
        schedules: [schedule(list, { validFrom: null, validTo: null })],
        events: [],
        sentence: {
          fi: `Avoinna ${list.length === 6 ? 'ma–la' : 'ma–pe'} ${span.fi}, ei ilmoittautumista.`,
          sv: `Öppet ${list.length === 6 ? 'mån–lör' : 'mån–fre'} ${span.sv}, ingen anmälan.`,
          en: `Open ${list.length === 6 ? 'Mon–Sat' : 'Mon–Fri'} ${span.en}, no registration.`,
        },
      };
    }
    case 'appointment': {
      return {
        schedules: [
          schedule([1, 2, 3, 4, 5], { kind: 'by_appointment', opens: '09:00', closes: '15:00', validFrom: null, validTo: null }),
        ],
        events: [],
        sentence: {
          fi: 'Ajanvaraus puhelimitse arkisin klo 9–15.',
          sv: 'Tidsbokning per telefon vardagar kl. 9–15.',
          en: 'Book an appointment by phone on weekdays 9–15.',
        },
      };
    }
    case 'course': {
      const start = addDays(anchorDate, random.int(-14, 40));
      const sessions = random.int(6, 8);
      const dates = Array.from({ length: sessions }, (_, i) => addDays(start, i * 7));
      const d = days([isoWeekday(start)]);
      return {
        schedules: [schedule([isoWeekday(start)], { validFrom: dates[0]!, validTo: dates[dates.length - 1]! })],
        events: dates.map((date, i) => event(i, date)),
        sentence: {
          fi: `${sessions} kerran kurssi ${d.fi} ${span.fi}. Ilmoittaudu ennakkoon.`,
          sv: `Kurs med ${sessions} träffar ${d.sv} ${span.sv}. Anmäl dig på förhand.`,
          en: `A course of ${sessions} sessions on ${d.en}, ${span.en}. Register in advance.`,
        },
      };
    }
    case 'event': {
      const count = random.int(1, 3);
      const dates = Array.from({ length: count }, (_, i) => addDays(anchorDate, random.int(1, 25) + i * 25));
      return {
        schedules: [],
        events: dates.map((date, i) => event(i, date)),
        sentence: { fi: `Tapahtumat ${span.fi}.`, sv: `Evenemangen ${span.sv}.`, en: `Events at ${span.en}.` },
      };
    }
  }
}
