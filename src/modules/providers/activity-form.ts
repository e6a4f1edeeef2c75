/**
 * The activity editor's form: flat values as the browser posts them (so that drafts, even
 * invalid ones, are stored and shown again exactly), their validation into an ActivityInput,
 * the field-level diff against the catalogue, and which catalogue columns a change touches
 * (the `locally_edited_fields` contract with the importers). Pure: no I/O.
 */
import { languages, type Language, type LocalisedText } from '../../platform/localised.ts';
import { localDate, timeZone } from '../../platform/format.ts';
import { costTypes, isTargetGroupCode, isThemeCode, type CostType, type ServiceBundle } from '../catalog/index.ts';

export type FormValues = Record<string, string | string[]>;
/** field name → i18n key of the problem */
export type FormErrors = Record<string, string>;

export const weeklyRows = 3;
export const exceptionRows = 2;
export const eventRows = 3;
export const accessibilityFeatureCodes = ['step_free', 'accessible_toilet', 'hearing_loop', 'accessible_parking'] as const;
export const activityLanguages = ['fi', 'sv', 'en', 'fi-plain', 'se', 'ru', 'et', 'ar', 'so', 'uk'] as const;

/** Localised text fields of the editor and their catalogue columns. */
export const textFields = {
  name: 'name',
  summary: 'summary',
  description: 'description',
  plain_summary: 'plain_summary',
  user_instructions: 'user_instructions',
  cost_info: 'cost_info',
  keywords: 'keywords',
} as const;
export type TextField = keyof typeof textFields;

/** Multi-valued fields (checkbox groups). */
export const listFields = ['themes', 'target_groups', 'languages', 'accessibility', ...Array.from({ length: weeklyRows }, (_, i) => `weekly_${i}_days`)];

export interface WeeklyTime {
  weekdays: number[];
  opens: string;
  closes: string;
}

export interface ActivityInput {
  texts: Record<TextField, LocalisedText>;
  themes: string[];
  targetGroups: string[];
  languages: string[];
  ageMin: number | null;
  ageMax: number | null;
  costType: CostType;
  kaikukortti: boolean;
  areaMunicipalities: string[];
  acceptsReferrals: boolean;
  openPlaces: number | null;
  confidentialAddress: boolean;
  location: { name: string; streetAddress: string; postalCode: string } | null;
  accessibilityFeatures: string[];
  contact: { phone: string; email: string; website: string };
  weekly: WeeklyTime[];
  validFrom: string | null;
  validTo: string | null;
  excludedDates: string[];
  exceptions: { from: string; to: string; note: string }[];
  events: { date: string; starts: string; ends: string | null }[];
}

/** Browsers send a textarea's line breaks as CRLF; the catalogue keeps LF. */
const normaliseText = (value: string): string => value.replace(/\r\n?/g, '\n').trim();

const one = (values: FormValues, key: string): string => {
  const value = values[key];
  return normaliseText(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
};
const many = (values: FormValues, key: string): string[] => {
  const value = values[key];
  return (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
};
const checked = (values: FormValues, key: string) => ['on', 'true', '1', 'yes'].includes(one(values, key).toLowerCase());

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

export function isValidDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** 'H:MM', 'HH.MM' → 'HH:MM', or undefined. */
export function normaliseTime(value: string): string | undefined {
  const match = timePattern.exec(value.length === 4 ? `0${value}` : value);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

const localTimeFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
/** 'HH:MM' of an instant in Finland. */
export function localTime(instant: Date): string {
  return localTimeFormat.format(instant);
}

const splitList = (value: string) => value.split(/[,;\s]+/).map((v) => v.trim()).filter(Boolean);

/** Keeps only the fields the editor knows, trimmed, so that stored drafts stay small and clean. */
export function cleanFormValues(values: FormValues): FormValues {
  const known = new Set(formFieldNames());
  const clean: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) continue;
    if (listFields.includes(key)) clean[key] = many(values, key);
    else clean[key] = one(values, key).slice(0, 8000);
  }
  return clean;
}

export function formFieldNames(): string[] {
  const names: string[] = [];
  for (const field of Object.keys(textFields)) for (const lang of languages) names.push(`${field}_${lang}`);
  names.push(...listFields, 'age_min', 'age_max', 'cost_type', 'kaikukortti', 'area_municipalities', 'accepts_referrals', 'open_places', 'confidential_address');
  names.push('location_name', 'location_street', 'location_postal_code', 'phone', 'email', 'website', 'valid_from', 'valid_to', 'excluded_dates');
  for (let i = 0; i < weeklyRows; i++) names.push(`weekly_${i}_opens`, `weekly_${i}_closes`);
  for (let i = 0; i < exceptionRows; i++) names.push(`exception_${i}_from`, `exception_${i}_to`, `exception_${i}_note`);
  for (let i = 0; i < eventRows; i++) names.push(`event_${i}_date`, `event_${i}_starts`, `event_${i}_ends`);
  return names;
}

function integerOrNull(values: FormValues, key: string, errors: FormErrors, min: number, max: number): number | null {
  const raw = one(values, key);
  if (raw === '') return null;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < min || number > max) {
    errors[key] = 'providers.error.number';
    return null;
  }
  return number;
}

/** Validates the form. Errors are i18n keys per field; the input is complete only without errors. */
export function parseActivityForm(values: FormValues): { input: ActivityInput; errors: FormErrors } {
  const errors: FormErrors = {};
  const texts = {} as Record<TextField, LocalisedText>;
  for (const field of Object.keys(textFields) as TextField[]) {
    const text: LocalisedText = {};
    for (const lang of languages) {
      const value = one(values, `${field}_${lang}`);
      if (value) text[lang] = value;
    }
    texts[field] = text;
  }
  if (!texts.name.fi && !texts.name.sv) errors.name_fi = 'providers.error.nameRequired';
  for (const lang of languages) {
    if (texts.name[lang] && !texts.summary[lang]) errors[`summary_${lang}`] = 'providers.error.summaryRequired';
  }
  const themes = many(values, 'themes');
  if (themes.length === 0) errors.themes = 'providers.error.themeRequired';
  else if (!themes.every(isThemeCode)) errors.themes = 'providers.error.unknownTheme';
  const targetGroups = many(values, 'target_groups');
  if (!targetGroups.every(isTargetGroupCode)) errors.target_groups = 'providers.error.unknownTargetGroup';
  const activityLanguagesChosen = many(values, 'languages');
  if (!activityLanguagesChosen.every((l) => (activityLanguages as readonly string[]).includes(l))) errors.languages = 'providers.error.unknownLanguage';
  const ageMin = integerOrNull(values, 'age_min', errors, 0, 120);
  const ageMax = integerOrNull(values, 'age_max', errors, 0, 120);
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) errors.age_max = 'providers.error.ageRange';
  const costRaw = one(values, 'cost_type') || 'unknown';
  const costType = (costTypes as readonly string[]).includes(costRaw) ? (costRaw as CostType) : 'unknown';
  if (costRaw !== costType) errors.cost_type = 'providers.error.costType';
  const areaMunicipalities = splitList(one(values, 'area_municipalities'));
  if (!areaMunicipalities.every((c) => /^\d{3}$/.test(c))) errors.area_municipalities = 'providers.error.municipalityCode';
  const openPlaces = integerOrNull(values, 'open_places', errors, 0, 100000);

  const street = one(values, 'location_street');
  const postalCode = one(values, 'location_postal_code');
  const locationName = one(values, 'location_name');
  if ((street || locationName) && !postalCode) errors.location_postal_code = 'providers.error.postalCodeRequired';
  if (postalCode && !/^\d{5}$/.test(postalCode)) errors.location_postal_code = 'providers.error.postalCode';
  const location = street || postalCode || locationName ? { name: locationName, streetAddress: street, postalCode } : null;
  const accessibilityFeatures = many(values, 'accessibility').filter((f) => (accessibilityFeatureCodes as readonly string[]).includes(f));

  const contact = { phone: one(values, 'phone'), email: one(values, 'email'), website: one(values, 'website') };
  if (contact.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) errors.email = 'providers.error.email';
  if (contact.website && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(contact.website)) errors.website = 'providers.error.url';
  if (contact.phone && !/^\+?[0-9 ()-]{5,20}$/.test(contact.phone)) errors.phone = 'providers.error.phone';

  const weekly: WeeklyTime[] = [];
  for (let i = 0; i < weeklyRows; i++) {
    const days = many(values, `weekly_${i}_days`).map(Number);
    const opensRaw = one(values, `weekly_${i}_opens`);
    const closesRaw = one(values, `weekly_${i}_closes`);
    if (days.length === 0 && !opensRaw && !closesRaw) continue;
    const opens = normaliseTime(opensRaw);
    const closes = normaliseTime(closesRaw);
    if (days.length === 0 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) errors[`weekly_${i}_days`] = 'providers.error.weekdays';
    if (!opens) errors[`weekly_${i}_opens`] = 'providers.error.time';
    if (!closes) errors[`weekly_${i}_closes`] = 'providers.error.time';
    else if (opens && closes <= opens) errors[`weekly_${i}_closes`] = 'providers.error.timeOrder';
    if (opens && closes) weekly.push({ weekdays: [...new Set(days)].sort(), opens, closes });
  }
  const dateOrNull = (key: string): string | null => {
    const value = one(values, key);
    if (!value) return null;
    if (!isValidDate(value)) {
      errors[key] = 'providers.error.date';
      return null;
    }
    return value;
  };
  const validFrom = dateOrNull('valid_from');
  const validTo = dateOrNull('valid_to');
  if (validFrom && validTo && validTo < validFrom) errors.valid_to = 'providers.error.dateOrder';
  const excludedDates = splitList(one(values, 'excluded_dates'));
  if (!excludedDates.every(isValidDate)) errors.excluded_dates = 'providers.error.date';
  const exceptions: ActivityInput['exceptions'] = [];
  for (let i = 0; i < exceptionRows; i++) {
    const from = dateOrNull(`exception_${i}_from`);
    const to = dateOrNull(`exception_${i}_to`) ?? from;
    if (!from && one(values, `exception_${i}_to`)) errors[`exception_${i}_from`] = 'providers.error.date';
    if (from && to && to < from) errors[`exception_${i}_to`] = 'providers.error.dateOrder';
    if (from && to) exceptions.push({ from, to, note: one(values, `exception_${i}_note`) });
  }
  const events: ActivityInput['events'] = [];
  for (let i = 0; i < eventRows; i++) {
    const date = dateOrNull(`event_${i}_date`);
    const startsRaw = one(values, `event_${i}_starts`);
    const endsRaw = one(values, `event_${i}_ends`);
    if (!date && !startsRaw) continue;
    if (!date) errors[`event_${i}_date`] = 'providers.error.date';
    const starts = normaliseTime(startsRaw);
    if (!starts) errors[`event_${i}_starts`] = 'providers.error.time';
    const ends = endsRaw ? normaliseTime(endsRaw) : null;
    if (ends === undefined) errors[`event_${i}_ends`] = 'providers.error.time';
    else if (ends && starts && ends <= starts) errors[`event_${i}_ends`] = 'providers.error.timeOrder';
    if (date && starts && ends !== undefined) events.push({ date, starts, ends });
  }

  return {
    errors,
    input: {
      texts,
      themes,
      targetGroups,
      languages: activityLanguagesChosen,
      ageMin,
      ageMax,
      costType,
      kaikukortti: checked(values, 'kaikukortti'),
      areaMunicipalities,
      acceptsReferrals: checked(values, 'accepts_referrals'),
      openPlaces,
      confidentialAddress: checked(values, 'confidential_address'),
      location,
      accessibilityFeatures,
      contact,
      weekly,
      validFrom,
      validTo,
      excludedDates,
      exceptions,
      events,
    },
  };
}

/** The form values that show a catalogue activity in the editor. */
export function bundleToForm(bundle: ServiceBundle): FormValues {
  const { service } = bundle;
  const values: FormValues = {};
  const put = (field: TextField, text: LocalisedText) => {
    for (const lang of languages) if (text[lang]) values[`${field}_${lang}`] = text[lang]!;
  };
  put('name', service.name);
  put('summary', service.summary);
  put('description', service.description);
  put('plain_summary', service.plainSummary);
  put('user_instructions', service.userInstructions);
  put('cost_info', service.costInfo);
  for (const lang of languages) {
    const words = service.keywords[lang as Language];
    if (words?.length) values[`keywords_${lang}`] = words.join(', ');
  }
  values.themes = [...service.themes];
  values.target_groups = [...service.targetGroups];
  values.languages = [...service.languages];
  if (service.ageMin !== null) values.age_min = String(service.ageMin);
  if (service.ageMax !== null) values.age_max = String(service.ageMax);
  values.cost_type = service.costType;
  if (service.kaikukortti) values.kaikukortti = 'on';
  if (service.areaMunicipalities.length) values.area_municipalities = service.areaMunicipalities.join(', ');
  if (service.acceptsReferrals) values.accepts_referrals = 'on';
  if (service.openPlaces !== null) values.open_places = String(service.openPlaces);
  if (service.confidentialAddress) values.confidential_address = 'on';
  const location = bundle.locations[0];
  if (location) {
    if (location.name.fi ?? location.name.sv) values.location_name = (location.name.fi ?? location.name.sv)!;
    if (location.streetAddress.fi ?? location.streetAddress.sv) values.location_street = (location.streetAddress.fi ?? location.streetAddress.sv)!;
    if (location.postalCode) values.location_postal_code = location.postalCode;
    values.accessibility = [...location.accessibilityFeatures];
  }
  for (const kind of ['phone', 'email', 'web'] as const) {
    const channel = bundle.channels.find((c) => c.kind === kind);
    const value = channel ? (channel.value.fi ?? channel.value.sv ?? channel.value.en) : undefined;
    if (value) values[kind === 'web' ? 'website' : kind] = value;
  }
  const weekly = bundle.schedules.filter((s) => s.kind === 'weekly' && !s.closed);
  weekly.slice(0, weeklyRows).forEach((s, i) => {
    values[`weekly_${i}_days`] = s.weekdays.map(String);
    if (s.opens) values[`weekly_${i}_opens`] = s.opens;
    if (s.closes) values[`weekly_${i}_closes`] = s.closes;
  });
  const first = weekly[0];
  if (first?.validFrom) values.valid_from = first.validFrom;
  if (first?.validTo) values.valid_to = first.validTo;
  if (first?.excludedDates.length) values.excluded_dates = first.excludedDates.join(', ');
  bundle.schedules
    .filter((s) => s.kind === 'exception')
    .slice(0, exceptionRows)
    .forEach((s, i) => {
      if (s.validFrom) values[`exception_${i}_from`] = s.validFrom;
      if (s.validTo) values[`exception_${i}_to`] = s.validTo;
      if (s.note.fi ?? s.note.sv) values[`exception_${i}_note`] = (s.note.fi ?? s.note.sv)!;
    });
  bundle.events.slice(0, eventRows).forEach((e, i) => {
    values[`event_${i}_date`] = localDate(e.startsAt);
    values[`event_${i}_starts`] = localTime(e.startsAt);
    if (e.endsAt) values[`event_${i}_ends`] = localTime(e.endsAt);
  });
  return cleanFormValues(values);
}

const comparable = (value: string | string[] | undefined): string =>
  value === undefined ? '' : Array.isArray(value) ? [...value].sort().join(',') : normaliseText(value);

/** Fields whose values differ: {field: {before, after}}. */
export function diffForms(before: FormValues, after: FormValues): Record<string, { before: string | string[] | null; after: string | string[] | null }> {
  const diff: Record<string, { before: string | string[] | null; after: string | string[] | null }> = {};
  for (const key of formFieldNames()) {
    if (comparable(before[key]) !== comparable(after[key])) diff[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return diff;
}

/**
 * The catalogue columns (snake_case) that changed form fields touch: services' own columns, or
 * for relations `locations`, `channels`, `schedules`, `events` (the importers' contract).
 */
export function editedColumns(fields: readonly string[]): string[] {
  const columns = new Set<string>();
  for (const field of fields) {
    const text = /^(.*)_(fi|sv|en)$/.exec(field);
    if (text && text[1]! in textFields) columns.add(textFields[text[1] as TextField]);
    else if (/^(location_|accessibility$)/.test(field)) columns.add('locations');
    else if (['phone', 'email', 'website'].includes(field)) columns.add('channels');
    else if (/^(weekly_|exception_|valid_|excluded_dates$)/.test(field)) columns.add('schedules');
    else if (field.startsWith('event_')) columns.add('events');
    else columns.add(field);
  }
  return [...columns].sort();
}
