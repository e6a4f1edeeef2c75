/**
 * Use cases of the resident pages: resolve the region of a request, search the tray, read an
 * activity and an organisation, suggest activities from the self-check, write an activity's
 * calendar and list the pages for the sitemap. Reading only; the forms are in web.forms.service.ts.
 */
import type { Db } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import { textOf, type Language, type LocalisedText } from '../../platform/localised.ts';
import {
  getOrganisation,
  getPublicService,
  getTaxonomies,
  listMunicipalities,
  listPublicServices,
  listRegions,
  listTrayPages,
  type ServiceDetail,
} from '../catalog/index.ts';
import { searchServices, type SearchResult } from '../search/index.ts';
import { weeklyCalendarEvents, writeCalendar, type CalendarEvent } from './ical.ts';
import { relaxations, selfCheckFilters, type SelfCheckAnswers } from './self-check.ts';
import { toSearchQuery, type FieldError, type TrayFilters } from './tray-filters.ts';

export interface TaxonomyTerm {
  code: string;
  label: LocalisedText;
  description: LocalisedText;
}

export interface Region {
  code: string;
  slug: string;
  name: LocalisedText;
  colour: string | null;
}

export interface Municipality {
  code: string;
  name: LocalisedText;
  regionCode: string;
}

/** Reference data every page needs: taxonomies and areas. */
export interface TrayReference {
  themes: TaxonomyTerm[];
  targetGroups: TaxonomyTerm[];
  regions: Region[];
  municipalities: Municipality[];
}

/** The tray a request is in: the whole country, or one region by URL prefix or by host name. */
export interface RegionScope {
  region: Region;
  /** true when the host name selects the region: links then need no /<region> prefix */
  byHost: boolean;
}

const referenceTtlMs = 10 * 60_000;
const referenceCache = new WeakMap<Db, { loadedAt: number; value: Promise<TrayReference> }>();

async function loadReference(deps: Pick<Deps, 'db'>): Promise<TrayReference> {
  const [taxonomies, regions, municipalities] = await Promise.all([getTaxonomies(deps), listRegions(deps.db), listMunicipalities(deps.db)]);
  return {
    themes: taxonomies.themes.map((t) => ({ code: t.code, label: t.label, description: t.description })),
    targetGroups: taxonomies.targetGroups.map((t) => ({ code: t.code, label: t.label, description: t.description })),
    regions: regions.map((r) => ({ code: r.code, slug: r.slug, name: r.name, colour: r.brand_colour })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, regionCode: m.region_code })),
  };
}

/**
 * Taxonomies and areas, cached per database for ten minutes: they are reference data that
 * change only with a release, and every page shows them.
 */
export async function trayReference(deps: Pick<Deps, 'db' | 'clock'>): Promise<TrayReference> {
  const now = Date.now();
  const cached = referenceCache.get(deps.db);
  if (cached && now - cached.loadedAt < referenceTtlMs) return cached.value;
  const value = loadReference(deps);
  referenceCache.set(deps.db, { loadedAt: now, value });
  value.catch(() => referenceCache.delete(deps.db));
  return value;
}

/** The region of a request: from the URL's region segment, else from the host name mapping. */
export async function resolveRegion(deps: Deps, input: { slug?: string | undefined; host?: string | undefined }): Promise<RegionScope | undefined> {
  const reference = await trayReference(deps);
  if (input.slug !== undefined) {
    const region = reference.regions.find((r) => r.slug === input.slug);
    if (!region) throw new NotFoundError('region');
    return { region, byHost: false };
  }
  const host = input.host?.toLowerCase();
  const hostSlug = host ? (deps.config.regionHosts[host] ?? deps.config.regionHosts[host.replace(/:\d+$/, '')]) : undefined;
  const region = hostSlug ? reference.regions.find((r) => r.slug === hostSlug) : undefined;
  return region ? { region, byHost: true } : undefined;
}

/** What every resident page needs first: the request's region (if any) and the reference data. */
export async function openTray(deps: Deps, input: { slug?: string | undefined; host?: string | undefined }) {
  const [scope, reference] = await Promise.all([resolveRegion(deps, input), trayReference(deps)]);
  return { scope, reference };
}

export interface TraySearch {
  result: SearchResult;
  errors: FieldError[];
}

/**
 * Searches the tray with the resident's filters. A postal code that does not exist becomes a
 * field error and the search runs without the distance, so the page still shows results.
 */
export async function searchTray(
  deps: Deps,
  input: { filters: TrayFilters; errors: FieldError[]; lang: Language; regionCode?: string | undefined; pageSize?: number },
): Promise<TraySearch> {
  const scope = { ...(input.regionCode ? { regionCode: input.regionCode } : {}), ...(input.pageSize ? { pageSize: input.pageSize } : {}) };
  const errors = [...input.errors];
  try {
    return { result: await searchServices(deps, toSearchQuery(input.filters, input.lang, scope)), errors };
  } catch (error) {
    if (!(error instanceof ValidationError) || !error.fields.postalCode) throw error;
    errors.push({ field: 'postalCode', key: 'web.search.error.postalCodeUnknown' });
    const withoutOrigin = { ...input.filters, postalCode: '', radiusKm: undefined, sort: input.filters.sort === 'distance' ? ('relevance' as const) : input.filters.sort };
    return { result: await searchServices(deps, toSearchQuery(withoutOrigin, input.lang, scope)), errors };
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One public activity; anything else (also a malformed id) is "not found". */
export async function getActivity(deps: Deps, id: string): Promise<ServiceDetail> {
  if (!uuidPattern.test(id)) throw new NotFoundError('service');
  return getPublicService(deps, id);
}

export type OrganisationDetail = Awaited<ReturnType<typeof getOrganisation>>;

/** An organisation and a page of its public activities. */
export async function getOrganisationWithActivities(deps: Deps, id: string, page: number, pageSize = 20) {
  if (!uuidPattern.test(id)) throw new NotFoundError('organisation');
  const organisation = await getOrganisation(deps, id);
  const activities = await listPublicServices(deps, { organisationId: id, includeNationwide: true }, { page, pageSize });
  return { organisation, activities };
}

export interface Suggestions {
  result: SearchResult;
  filters: TrayFilters;
  errors: FieldError[];
  /** message keys of what was left out to find anything */
  relaxed: string[];
}

/** The self-check's suggestions; when the answers together find nothing, looser filters are tried. */
export async function suggestActivities(
  deps: Deps,
  input: { answers: SelfCheckAnswers; errors: FieldError[]; lang: Language; regionCode?: string | undefined },
): Promise<Suggestions> {
  const strict = selfCheckFilters(input.answers);
  const common = { errors: input.errors, lang: input.lang, regionCode: input.regionCode, pageSize: 6 };
  let search = await searchTray(deps, { ...common, filters: strict });
  let filters = strict;
  const relaxed: string[] = [];
  for (const step of relaxations(strict)) {
    if (search.result.total > 0) break;
    search = await searchTray(deps, { ...common, filters: step.filters });
    filters = step.filters;
    relaxed.push(step.key);
  }
  return { result: search.result, filters, errors: search.errors, relaxed };
}

/** The activity's calendar: its weekly rules from today on and its upcoming dated occurrences. */
export async function activityCalendar(deps: Deps, id: string, lang: Language): Promise<{ filename: string; body: string }> {
  const activity = await getActivity(deps, id);
  const now = deps.clock();
  const today = localDate(now);
  const url = `${deps.config.publicUrl}/${lang}/activities/${activity.id}`;
  const name = textOf(activity.name, lang);
  const location = activity.locations[0];
  const place = location
    ? [textOf(location.name, lang), textOf(location.streetAddress, lang), textOf(location.postOffice, lang)].filter(Boolean).join(', ')
    : undefined;
  const host = new URL(deps.config.publicUrl).host;
  const base: Omit<CalendarEvent, 'uid'> = {
    summary: name,
    description: [textOf(activity.summary, lang), url].filter(Boolean).join('\n\n'),
    url,
    ...(place ? { location: place } : {}),
  };
  const events: CalendarEvent[] = [
    ...weeklyCalendarEvents(activity.schedules, today, base, host),
    ...activity.upcomingEvents.map((e) => ({
      ...base,
      uid: `event-${e.id}@${host}`,
      summary: textOf(e.name, lang) || name,
      instant: { start: new Date(e.startsAt), end: e.endsAt ? new Date(e.endsAt) : null },
      status: e.status === 'cancelled' ? ('CANCELLED' as const) : e.status === 'postponed' ? ('TENTATIVE' as const) : ('CONFIRMED' as const),
    })),
  ];
  if (events.length === 0) throw new NotFoundError('calendar');
  const slug = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'activity';
  return { filename: `${slug}.ics`, body: writeCalendar({ name, events, stamp: now }) };
}

/** Whether the activity has something to put in a calendar (the page shows the link only then). */
export function hasCalendar(activity: ServiceDetail, today: string): boolean {
  return activity.upcomingEvents.length > 0 || weeklyCalendarEvents(activity.schedules, today, { summary: '' }, 'x').length > 0;
}

export { listTrayPages };
