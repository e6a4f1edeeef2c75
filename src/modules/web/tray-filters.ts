/**
 * The results page's filters as a plain GET form: parsed from the query string (lenient: unknown
 * values are dropped, wrong formats become field errors) and written back to URLs for paging,
 * removing one filter and sharing. Pure functions.
 */
import type { Language } from '../../platform/localised.ts';
import { maxQueryLength, searchSorts, timesOfDay, type SearchQuery, type SearchSort, type TimeOfDay } from '../search/index.ts';
import { isTargetGroupCode, isThemeCode } from '../catalog/index.ts';

export const accessibilityFeatures = ['step_free', 'accessible_toilet', 'hearing_loop', 'accessible_parking'] as const;
export const activityLanguages = ['fi', 'sv', 'en', 'fi-plain'] as const;
export const radiusOptions = [2, 5, 10, 25, 50] as const;
export const pageSize = 20;

export interface TrayFilters {
  text: string;
  themes: string[];
  targetGroups: string[];
  regionCode: string;
  municipalityCode: string;
  postalCode: string;
  radiusKm: number | undefined;
  free: boolean;
  kaikukortti: boolean;
  language: string;
  accessibility: string[];
  weekdays: number[];
  times: TimeOfDay[];
  age: number | undefined;
  sort: SearchSort;
  page: number;
}

export interface FieldError {
  field: string;
  /** message key */
  key: string;
}

export type RawQuery = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);

const single = (value: string | string[] | undefined): string => list(value)[0] ?? '';

const unique = <T>(items: T[]): T[] => [...new Set(items)];

export function emptyFilters(): TrayFilters {
  return {
    text: '',
    themes: [],
    targetGroups: [],
    regionCode: '',
    municipalityCode: '',
    postalCode: '',
    radiusKm: undefined,
    free: false,
    kaikukortti: false,
    language: '',
    accessibility: [],
    weekdays: [],
    times: [],
    age: undefined,
    sort: 'relevance',
    page: 1,
  };
}

/** Reads the form; returns the filters that could be understood and the errors of the rest. */
export function parseTrayFilters(query: RawQuery): { filters: TrayFilters; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filters = emptyFilters();
  filters.text = single(query.q).replace(/\s+/g, ' ');
  if (filters.text.length > maxQueryLength) {
    errors.push({ field: 'q', key: 'web.search.error.textTooLong' });
    filters.text = filters.text.slice(0, maxQueryLength);
  }
  filters.themes = unique(list(query.theme).filter(isThemeCode));
  filters.targetGroups = unique(list(query.group).filter(isTargetGroupCode));
  const region = single(query.region);
  if (/^\d{2}$/.test(region)) filters.regionCode = region;
  const municipality = single(query.municipality);
  if (/^\d{3}$/.test(municipality)) filters.municipalityCode = municipality;
  const postalCode = single(query.postalCode).replace(/\s/g, '');
  if (postalCode !== '') {
    filters.postalCode = postalCode;
    if (!/^\d{5}$/.test(postalCode)) errors.push({ field: 'postalCode', key: 'web.search.error.postalCodeFormat' });
  }
  const radius = Number(single(query.radius));
  if ((radiusOptions as readonly number[]).includes(radius)) filters.radiusKm = radius;
  filters.free = single(query.free) === '1';
  filters.kaikukortti = single(query.kaikukortti) === '1';
  const language = single(query.language);
  if ((activityLanguages as readonly string[]).includes(language)) filters.language = language;
  filters.accessibility = unique(list(query.access).filter((a) => (accessibilityFeatures as readonly string[]).includes(a)));
  filters.weekdays = unique(list(query.day).map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)).sort();
  filters.times = unique(list(query.time).filter((t): t is TimeOfDay => (timesOfDay as readonly string[]).includes(t)));
  const age = single(query.age);
  if (age !== '') {
    if (/^\d{1,3}$/.test(age) && Number(age) <= 120) filters.age = Number(age);
    else errors.push({ field: 'age', key: 'web.search.error.age' });
  }
  const sort = single(query.sort);
  if ((searchSorts as readonly string[]).includes(sort)) filters.sort = sort as SearchSort;
  const page = Number(single(query.page));
  if (Number.isInteger(page) && page >= 1 && page <= 500) filters.page = page;
  return { filters, errors };
}

/** The query string of the filters, defaults left out, in a stable order (bookmarkable). */
export function trayQueryString(filters: TrayFilters, overrides: Partial<TrayFilters> = {}): string {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (f.text) params.set('q', f.text);
  for (const theme of f.themes) params.append('theme', theme);
  for (const group of f.targetGroups) params.append('group', group);
  if (f.regionCode) params.set('region', f.regionCode);
  if (f.municipalityCode) params.set('municipality', f.municipalityCode);
  if (f.postalCode) params.set('postalCode', f.postalCode);
  if (f.radiusKm !== undefined) params.set('radius', String(f.radiusKm));
  if (f.free) params.set('free', '1');
  if (f.kaikukortti) params.set('kaikukortti', '1');
  if (f.language) params.set('language', f.language);
  for (const feature of f.accessibility) params.append('access', feature);
  for (const day of f.weekdays) params.append('day', String(day));
  for (const time of f.times) params.append('time', time);
  if (f.age !== undefined) params.set('age', String(f.age));
  if (f.sort !== 'relevance') params.set('sort', f.sort);
  if (f.page > 1) params.set('page', String(f.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether any filter other than the text and the sort order is set. */
export function hasFilters(f: TrayFilters): boolean {
  return (
    f.themes.length > 0 || f.targetGroups.length > 0 || Boolean(f.regionCode || f.municipalityCode || f.postalCode || f.language) ||
    f.free || f.kaikukortti || f.accessibility.length > 0 || f.weekdays.length > 0 || f.times.length > 0 || f.age !== undefined
  );
}

/** The search request for the filters; a region page always searches within its region. */
export function toSearchQuery(f: TrayFilters, lang: Language, scope: { regionCode?: string; pageSize?: number } = {}): SearchQuery {
  const regionCode = scope.regionCode ?? (f.regionCode || undefined);
  const validPostalCode = /^\d{5}$/.test(f.postalCode);
  return {
    text: f.text,
    lang,
    ...(f.themes.length ? { themes: f.themes } : {}),
    ...(f.targetGroups.length ? { targetGroups: f.targetGroups } : {}),
    ...(regionCode ? { regionCode } : {}),
    ...(f.municipalityCode ? { municipalityCode: f.municipalityCode } : {}),
    ...(f.free ? { free: true } : {}),
    ...(f.kaikukortti ? { kaikukortti: true } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.accessibility.length ? { accessibility: f.accessibility } : {}),
    ...(f.weekdays.length ? { weekdays: f.weekdays } : {}),
    ...(f.times.length ? { timesOfDay: f.times } : {}),
    ...(f.age !== undefined ? { age: f.age } : {}),
    ...(validPostalCode ? { near: { postalCode: f.postalCode, ...(f.radiusKm !== undefined ? { radiusKm: f.radiusKm } : {}) } } : {}),
    sort: f.sort === 'distance' && !validPostalCode ? 'relevance' : f.sort,
    page: f.page,
    pageSize: scope.pageSize ?? pageSize,
  };
}
