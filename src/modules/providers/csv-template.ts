/**
 * The spreadsheet template of an organisation's activities: its columns, how a row becomes the
 * editor's form values (so that a row is validated exactly like the editor), and the export of
 * activities in the same columns. Pure.
 */
import { formatCsv, type CsvSeparator } from '../../platform/csv.ts';
import { languages } from '../../platform/localised.ts';
import type { ServiceBundle } from '../catalog/index.ts';
import { bundleToForm, eventRows, type FormValues } from './activity-form.ts';

/** Columns of the template, in order. Documented in the module README and the downloadable template. */
export const csvColumns = [
  'external_id',
  ...languages.map((l) => `name_${l}`),
  ...languages.map((l) => `summary_${l}`),
  ...languages.map((l) => `description_${l}`),
  'plain_summary_fi',
  'themes',
  'target_groups',
  'languages',
  'age_min',
  'age_max',
  'cost_type',
  'cost_info_fi',
  'kaikukortti',
  'location_name',
  'street_address',
  'postal_code',
  'phone',
  'email',
  'website',
  'weekdays',
  'opens',
  'closes',
  'valid_from',
  'valid_to',
  'event_dates',
  'accepts_referrals',
  'open_places',
  'confidential_address',
] as const;

export const requiredColumns = ['name_fi', 'summary_fi', 'themes'] as const;

/** Weekday names people write (fi, sv, en), and ISO numbers. */
const weekdayNames: Record<string, string> = {
  ma: '1', ti: '2', ke: '3', to: '4', pe: '5', la: '6', su: '7',
  må: '1', on: '3', fr: '5', lö: '6', sö: '7',
  mon: '1', tue: '2', wed: '3', thu: '4', fri: '5', sat: '6', sun: '7',
};

const list = (value: string) => value.split(/[|,]/).map((v) => v.trim()).filter(Boolean);
const yes = (value: string) => (['1', 'x', 'yes', 'kyllä', 'k', 'ja', 'true', 'on'].includes(value.trim().toLowerCase()) ? 'on' : '');

/** Columns of the form that a row's cell goes to (the rest are converted below). */
const direct: Record<string, string> = { street_address: 'location_street', postal_code: 'location_postal_code' };

/** One row (by column name) as the editor's form values; a cell it cannot read becomes an invalid value the editor reports. */
export function rowToForm(cells: Record<string, string>): FormValues {
  const form: FormValues = {};
  for (const [column, raw] of Object.entries(cells)) {
    const value = raw.trim();
    if (value === '') continue;
    switch (column) {
      case 'themes':
      case 'target_groups':
      case 'languages':
        form[column] = list(value).map((v) => v.toLowerCase());
        break;
      case 'kaikukortti':
      case 'accepts_referrals':
      case 'confidential_address':
        form[column] = yes(value);
        break;
      case 'weekdays':
        form.weekly_0_days = list(value).map((d) => weekdayNames[d.toLowerCase()] ?? d);
        break;
      case 'opens':
        form.weekly_0_opens = value;
        break;
      case 'closes':
        form.weekly_0_closes = value;
        break;
      case 'event_dates':
        // "2026-12-01 18:00-20:00 | 2026-12-08 18:00"
        value
          .split('|')
          .map((v) => v.trim())
          .filter(Boolean)
          .slice(0, eventRows)
          .forEach((entry, i) => {
            const [date = '', times = ''] = entry.split(/\s+/);
            const [starts = '', ends = ''] = times.split('-');
            form[`event_${i}_date`] = date;
            form[`event_${i}_starts`] = starts;
            if (ends) form[`event_${i}_ends`] = ends;
          });
        break;
      case 'external_id':
        break;
      default:
        form[direct[column] ?? column] = value;
    }
  }
  return form;
}

/** Which template column a form field's error belongs to (for per-row messages). */
export function columnOfField(field: string): string {
  if (field === 'location_street') return 'street_address';
  if (field === 'location_postal_code') return 'postal_code';
  if (field.startsWith('weekly_0_')) return { weekly_0_days: 'weekdays', weekly_0_opens: 'opens', weekly_0_closes: 'closes' }[field] ?? field;
  if (field.startsWith('event_')) return 'event_dates';
  return field;
}

/** Activities in the template's columns (formula injection neutralised by formatCsv). */
export function exportActivitiesCsv(bundles: readonly ServiceBundle[], separator: CsvSeparator = ';'): string {
  const rows = bundles.map((bundle) => {
    const form = bundleToForm(bundle);
    const one = (key: string) => {
      const value = form[key];
      return Array.isArray(value) ? value.join(',') : (value ?? '');
    };
    const events = Array.from({ length: eventRows }, (_, i) => (one(`event_${i}_date`) ? `${one(`event_${i}_date`)} ${one(`event_${i}_starts`)}${one(`event_${i}_ends`) ? `-${one(`event_${i}_ends`)}` : ''}` : ''))
      .filter(Boolean)
      .join(' | ');
    return csvColumns.map((column) => {
      switch (column) {
        case 'external_id':
          return bundle.service.provenance.source === 'csv' ? (bundle.service.provenance.sourceId?.split(':').slice(1).join(':') ?? '') : bundle.service.id;
        case 'street_address':
          return one('location_street');
        case 'postal_code':
          return one('location_postal_code');
        case 'weekdays':
          return one('weekly_0_days');
        case 'opens':
          return one('weekly_0_opens');
        case 'closes':
          return one('weekly_0_closes');
        case 'event_dates':
          return events;
        case 'kaikukortti':
        case 'accepts_referrals':
        case 'confidential_address':
          return one(column) ? 'yes' : '';
        default:
          return one(column);
      }
    });
  });
  return formatCsv(csvColumns, rows, { separator });
}

/** The downloadable template: the header and one example row. */
export function templateCsv(): string {
  const example: Record<string, string> = {
    external_id: 'tuolijumppa-1',
    name_fi: 'Tuolijumppa',
    name_sv: 'Stolgymnastik',
    summary_fi: 'Kevyttä jumppaa tuolilla istuen.',
    summary_sv: 'Lätt gymnastik sittande på en stol.',
    themes: 'exercise',
    target_groups: 'older_people',
    languages: 'fi,sv',
    cost_type: 'free',
    street_address: 'Hämeenkatu 1',
    postal_code: '33100',
    weekdays: 'ma,ke',
    opens: '10:00',
    closes: '11:00',
    valid_from: '2026-09-01',
    valid_to: '2027-05-31',
    event_dates: '2026-12-01 18:00-20:00',
  };
  return formatCsv(csvColumns, [csvColumns.map((c) => example[c] ?? '')]);
}
