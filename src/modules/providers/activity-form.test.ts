import { describe, expect, it } from 'vitest';
import { bundleToForm, diffForms, editedColumns, parseActivityForm } from './activity-form.ts';
import { buildActivityBundle } from './activity-bundle.ts';

const base = { name_fi: 'Kävelyryhmä', summary_fi: 'Yhdessä ulos.', themes: ['exercise'] };

describe('activity form', () => {
  it('reads weekly times, validity, exceptions and dated events, in local Finnish time', () => {
    const { input, errors } = parseActivityForm({
      ...base,
      weekly_0_days: ['3', '1'],
      weekly_0_opens: '9.30',
      weekly_0_closes: '11:00',
      valid_from: '2026-09-01',
      valid_to: '2027-05-31',
      excluded_dates: '2026-12-24, 2027-01-06',
      exception_0_from: '2026-12-20',
      exception_0_to: '2027-01-07',
      exception_0_note: 'Joulutauko',
      event_0_date: '2026-12-12',
      event_0_starts: '18:00',
      event_0_ends: '20:00',
    });
    expect(errors).toEqual({});
    expect(input.weekly).toEqual([{ weekdays: [1, 3], opens: '09:30', closes: '11:00' }]);
    expect(input.excludedDates).toEqual(['2026-12-24', '2027-01-06']);
    const bundle = buildActivityBundle(input, { serviceId: 's', organisationId: 'o', existing: null, touched: new Set(), place: null, newId: () => 'x', status: 'published', reviewedAt: new Date('2026-11-28T10:00:00Z') });
    expect(bundle.schedules.map((s) => [s.kind, s.validFrom, s.validTo, s.closed])).toEqual([
      ['weekly', '2026-09-01', '2027-05-31', false],
      ['exception', '2026-12-20', '2027-01-07', true],
    ]);
    expect(bundle.events[0]!.startsAt.toISOString()).toBe('2026-12-12T16:00:00.000Z');
    // and back to the form, unchanged
    expect(diffForms(bundleToForm(bundle), { ...base, weekly_0_days: ['1', '3'], weekly_0_opens: '09:30', weekly_0_closes: '11:00', valid_from: '2026-09-01', valid_to: '2027-05-31', excluded_dates: '2026-12-24, 2027-01-06', exception_0_from: '2026-12-20', exception_0_to: '2027-01-07', exception_0_note: 'Joulutauko', event_0_date: '2026-12-12', event_0_starts: '18:00', event_0_ends: '20:00', cost_type: 'unknown' })).toEqual({});
  });

  it('treats the CRLF line breaks that browsers post from a textarea as no change, and stores LF', () => {
    const before = { ...base, description_fi: 'Ensimmäinen kappale.\n\nToinen kappale.' };
    const posted = { ...base, description_fi: 'Ensimmäinen kappale.\r\n\r\nToinen kappale.\r\n' };
    expect(diffForms(before, posted)).toEqual({});
    expect(parseActivityForm(posted).input.texts.description.fi).toBe('Ensimmäinen kappale.\n\nToinen kappale.');
  });

  it.each([
    [{ ...base, name_fi: '', name_en: 'Walk' }, 'name_fi', 'providers.error.nameRequired'],
    [{ ...base, name_sv: 'Promenad' }, 'summary_sv', 'providers.error.summaryRequired'],
    [{ ...base, themes: [] }, 'themes', 'providers.error.themeRequired'],
    [{ ...base, age_min: '70', age_max: '12' }, 'age_max', 'providers.error.ageRange'],
    [{ ...base, weekly_1_days: ['2'], weekly_1_opens: '12:00', weekly_1_closes: '11:00' }, 'weekly_1_closes', 'providers.error.timeOrder'],
    [{ ...base, weekly_0_opens: '10:00', weekly_0_closes: '11:00' }, 'weekly_0_days', 'providers.error.weekdays'],
    [{ ...base, valid_from: '2026-02-29' }, 'valid_from', 'providers.error.date'],
    [{ ...base, location_street: 'Katu 1' }, 'location_postal_code', 'providers.error.postalCodeRequired'],
    [{ ...base, email: 'ei-osoite' }, 'email', 'providers.error.email'],
    [{ ...base, website: 'javascript:alert(1)' }, 'website', 'providers.error.url'],
    [{ ...base, event_0_date: '2026-12-01' }, 'event_0_starts', 'providers.error.time'],
  ])('reports %j as %s: %s', (values, field, key) => {
    expect(parseActivityForm(values).errors[field]).toBe(key);
  });

  it('maps changed fields to the catalogue columns the importers must not overwrite', () => {
    expect(editedColumns(['name_sv', 'summary_fi', 'summary_sv', 'cost_type', 'location_street', 'accessibility', 'phone', 'weekly_0_opens', 'excluded_dates', 'event_1_date', 'status'])).toEqual(
      ['channels', 'cost_type', 'events', 'locations', 'name', 'schedules', 'status', 'summary'],
    );
  });
});
