import { describe, expect, it } from 'vitest';
import { stableId } from '../../../platform/ids.ts';
import { attachSchedules, mapServiceHours } from './ptv.hours.mapper.ts';
import { readServiceChannel, type PtvServiceHour } from './ptv.records.ts';
import { hasPtvData, loadRecord, withPtvData } from './ptv.test-data.ts';

const location = stableId('ptv:location', 'test');

function hour(overrides: Partial<PtvServiceHour>): PtvServiceHour {
  return {
    type: 'DaysOfTheWeek',
    validFrom: null,
    validTo: null,
    isClosed: false,
    isAlwaysOpen: false,
    isReservation: false,
    additionalInformation: {},
    openingHours: [],
    ...overrides,
  };
}

const days = (names: string[], from: string, to: string) =>
  names.map((dayFrom) => ({ dayFrom: dayFrom as PtvServiceHour['openingHours'][number]['dayFrom'], dayTo: null, from, to }));

describe('PTV service hours to schedule rows', () => {
  it('groups weekdays with the same hours into one weekly row and keeps other hours apart', () => {
    const { drafts, warnings } = mapServiceHours(
      [hour({ openingHours: [...days(['Monday', 'Tuesday', 'Wednesday', 'Thursday'], '08:00', '16:00'), ...days(['Friday'], '08:00', '14:00')] })],
      location,
    );
    expect(warnings).toEqual([]);
    expect(drafts.map(({ kind, weekdays, opens, closes }) => ({ kind, weekdays, opens, closes }))).toEqual([
      { kind: 'weekly', weekdays: [1, 2, 3, 4], opens: '08:00', closes: '16:00' },
      { kind: 'weekly', weekdays: [5], opens: '08:00', closes: '14:00' },
    ]);
    expect(drafts[0]).toMatchObject({ locationId: location, overMidnight: false, intervalWeeks: 1, closed: false, source: 'ptv' });
  });

  it('closes the next day when the closing time is before the opening time', () => {
    const { drafts } = mapServiceHours([hour({ openingHours: days(['Friday'], '22:00', '02:00') })], location);
    expect(drafts[0]).toMatchObject({ weekdays: [5], opens: '22:00', closes: '02:00', overMidnight: true });
  });

  it('reads 00:00–00:00 as the whole day and a closing time of 00:00 as midnight', () => {
    const { drafts } = mapServiceHours(
      [hour({ openingHours: [...days(['Monday'], '00:00', '00:00'), ...days(['Tuesday'], '18:00', '00:00')] })],
      location,
    );
    expect(drafts.map(({ weekdays, opens, closes, overMidnight }) => ({ weekdays, opens, closes, overMidnight }))).toEqual([
      { weekdays: [1], opens: '00:00', closes: '24:00', overMidnight: false },
      { weekdays: [2], opens: '18:00', closes: '24:00', overMidnight: false },
    ]);
  });

  it('maps an OverMidnight entry to the next day as one row, and a weekend-long opening to rows per day', () => {
    const nextDay = mapServiceHours([hour({ type: 'OverMidnight', openingHours: [{ dayFrom: 'Friday', dayTo: 'Saturday', from: '22:00', to: '04:00' }] })], location);
    expect(nextDay.drafts).toMatchObject([{ kind: 'weekly', weekdays: [5], opens: '22:00', closes: '04:00', overMidnight: true }]);
    const weekend = mapServiceHours([hour({ type: 'OverMidnight', openingHours: [{ dayFrom: 'Friday', dayTo: 'Monday', from: '16:00', to: '08:00' }] })], location);
    expect(weekend.drafts.map(({ weekdays, opens, closes }) => ({ weekdays, opens, closes }))).toEqual([
      { weekdays: [5], opens: '16:00', closes: '24:00' },
      { weekdays: [6, 7], opens: '00:00', closes: '24:00' },
      { weekdays: [1], opens: '00:00', closes: '08:00' },
    ]);
  });

  it('reads a regular entry with dayTo as a range of days', () => {
    const { drafts } = mapServiceHours([hour({ openingHours: [{ dayFrom: 'Monday', dayTo: 'Friday', from: '09:00', to: '15:00' }] })], location);
    expect(drafts).toMatchObject([{ weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00' }]);
  });

  it('maps always-open and reservation-only hours', () => {
    expect(mapServiceHours([hour({ isAlwaysOpen: true })], null).drafts).toMatchObject([{ kind: 'always_open', weekdays: [1, 2, 3, 4, 5, 6, 7] }]);
    expect(mapServiceHours([hour({ isReservation: true })], null).drafts).toMatchObject([{ kind: 'by_appointment', opens: null }]);
    expect(mapServiceHours([hour({ isReservation: true, openingHours: days(['Monday'], '09:00', '12:00') })], null).drafts).toMatchObject([
      { kind: 'by_appointment', weekdays: [1], opens: '09:00', closes: '12:00' },
    ]);
  });

  it('maps exceptional hours to exception rows for their dates, closed or with times', () => {
    const { drafts } = mapServiceHours(
      [
        hour({ type: 'Exceptional', validFrom: '2018-06-22', validTo: '2018-08-12', isClosed: true, additionalInformation: { fi: 'Kesätauko' } }),
        hour({ type: 'Exceptional', validFrom: '2018-12-24', openingHours: [{ dayFrom: null, dayTo: null, from: '10:00', to: '12:00' }] }),
      ],
      location,
    );
    expect(drafts).toMatchObject([
      { kind: 'exception', validFrom: '2018-06-22', validTo: '2018-08-12', closed: true, note: { fi: 'Kesätauko' } },
      { kind: 'exception', validFrom: '2018-12-24', validTo: '2018-12-24', closed: false, weekdays: [], opens: '10:00', closes: '12:00' },
    ]);
  });

  it('skips what cannot be placed, with warnings', () => {
    const { drafts, warnings } = mapServiceHours(
      [
        hour({ type: 'Exceptional', additionalInformation: { fi: 'Juhlapäivinä poikkeavat aukioloajat' }, openingHours: [{ dayFrom: null, dayTo: null, from: '00:00', to: '00:00' }] }),
        hour({ validFrom: '2018-09-01', validTo: '2018-06-01', openingHours: days(['Monday'], '08:00', '16:00') }),
      ],
      location,
    );
    expect(warnings).toEqual([
      'serviceHours[0] (Exceptional): exceptional hours without a date cannot be placed; skipped',
      'serviceHours[1] (DaysOfTheWeek): validTo 2018-06-01 is before validFrom 2018-09-01; validTo ignored',
    ]);
    expect(drafts).toMatchObject([{ validFrom: '2018-09-01', validTo: null }]);
  });

  it('gives each service its own rows with stable ids', () => {
    const { drafts } = mapServiceHours([hour({ openingHours: days(['Monday'], '08:00', '16:00') })], location);
    const first = attachSchedules('service-a', 'channel-1', drafts);
    expect(first[0]).toMatchObject({ id: stableId('ptv:schedule', 'service-a|channel-1|0'), serviceId: 'service-a', weekdays: [1] });
    expect(attachSchedules('service-a', 'channel-1', drafts)[0]!.id).toBe(first[0]!.id);
    expect(attachSchedules('service-b', 'channel-1', drafts)[0]!.id).not.toBe(first[0]!.id);
  });

  it('reads v7 hour type names through the adapter (Standard, Special, Exception)', () => {
    const result = readServiceChannel({
      id: '11111111-2222-3333-4444-555555555555',
      serviceChannelType: 'Phone',
      serviceChannelNames: [{ language: 'fi', value: 'Neuvonta', type: 'Name' }],
      serviceHours: [
        { serviceHourType: 'Standard', openingHour: [{ dayFrom: 'Monday', from: '8:00', to: '16:00' }] },
        { serviceHourType: 'Special', openingHour: [{ dayFrom: 'Friday', dayTo: 'Saturday', from: '22:00', to: '03:00' }] },
        { serviceHourType: 'Exception', validFrom: '2019-12-24T00:00:00', isClosed: true, openingHour: [] },
      ],
    });
    expect(result.ok && result.value.serviceHours.map((item) => item.type)).toEqual(['DaysOfTheWeek', 'OverMidnight', 'Exceptional']);
    expect(result.ok && result.value.serviceHours[0]?.openingHours[0]?.from).toBe('08:00');
  });

  it('converts zoned validity timestamps to Finnish calendar dates', () => {
    const result = readServiceChannel({
      id: '11111111-2222-3333-4444-555555555555',
      serviceChannelType: 'Phone',
      serviceChannelNames: [{ language: 'fi', value: 'Neuvonta', type: 'Name' }],
      serviceHours: [{ serviceHourType: 'Exceptional', validFrom: '2020-02-05T22:00:00Z', isClosed: true, isAlwaysOpen: false }],
    });
    expect(result.ok && result.value.serviceHours[0]?.validFrom).toBe('2020-02-06');
  });
});

describe.skipIf(!hasPtvData)(withPtvData('real opening hours'), () => {
  it("maps the Vaasa main library's two summer timetables with their validity", () => {
    const result = readServiceChannel(loadRecord('v8', 'servicechannels', '98eb680e'));
    if (!result.ok) throw new Error(result.reasons.join('; '));
    const { drafts, warnings } = mapServiceHours(result.value.serviceHours, location);
    expect(warnings).toEqual([]);
    expect(drafts.map(({ weekdays, opens, closes, validFrom, validTo }) => ({ weekdays, opens, closes, validFrom, validTo }))).toEqual([
      { weekdays: [1, 2, 3, 4], opens: '10:00', closes: '19:00', validFrom: '2018-06-01', validTo: '2018-09-02' },
      { weekdays: [5], opens: '10:00', closes: '17:00', validFrom: '2018-06-01', validTo: '2018-09-02' },
      { weekdays: [1, 2, 3, 4], opens: '09:00', closes: '19:00', validFrom: '2018-06-01', validTo: '2018-09-02' },
      { weekdays: [5], opens: '09:00', closes: '17:00', validFrom: '2018-06-01', validTo: '2018-09-02' },
      { weekdays: [6], opens: '12:00', closes: '15:00', validFrom: '2018-06-01', validTo: '2018-09-02' },
    ]);
    expect(drafts[0]?.note).toEqual({ fi: 'Pääkirjaston kesäaukioloajat', sv: 'Huvudbibliotek sommaröppettider', en: 'Main library summer opening hours' });
  });

  it("maps a branch library's summer break as a closed exception", () => {
    const result = readServiceChannel(loadRecord('v8', 'servicechannels', '84e04200'));
    if (!result.ok) throw new Error(result.reasons.join('; '));
    expect(mapServiceHours(result.value.serviceHours, location).drafts).toMatchObject([
      { kind: 'exception', validFrom: '2018-06-01', validTo: '2018-08-31', closed: true, note: { fi: 'Kesätauko' } },
    ]);
  });
});
