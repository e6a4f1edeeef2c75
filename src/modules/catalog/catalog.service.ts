/** Use cases of the public catalogue: read the tray, and save records that importers produce. */
import type { Queryable, Transaction } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import {
  countPublicServicesOfOrganisation,
  countServices,
  findOrganisation,
  findPublicService,
  listMunicipalities,
  listOrganisationsWithPublicServices,
  listPublicServiceStamps,
  listRegions,
  listServiceChannels,
  listServiceLocations,
  listServices,
  listServiceSchedules,
  listTaxonomyTerms,
  listUpcomingEvents,
  type ServiceListFilters,
  type ServiceListRow,
} from './catalog.read.queries.ts';
import type { ServiceBundle } from './catalog.types.ts';
import {
  refreshDerivedAreas,
  replaceSchedules,
  replaceServiceChannels,
  replaceServiceLocations,
  upsertContactChannels,
  upsertEvents,
  upsertLocations,
  upsertServices,
} from './catalog.write.queries.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

function serviceLinks(publicUrl: string, id: string) {
  return { self: `${publicUrl}/api/v1/services/${id}`, html: `${publicUrl}/fi/activities/${id}` };
}

export function toServiceSummary(row: ServiceListRow, publicUrl: string) {
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    themes: row.themes,
    targetGroups: row.target_groups,
    ageMin: row.age_min,
    ageMax: row.age_max,
    costType: row.cost_type as 'free' | 'fee' | 'unknown',
    kaikukortti: row.kaikukortti,
    languages: row.languages,
    areaType: row.area_type,
    municipalities: row.municipality_codes,
    regions: row.region_codes,
    acceptsReferrals: row.accepts_referrals,
    updatedAt: row.updated_at.toISOString(),
    links: serviceLinks(publicUrl, row.id),
  };
}

/** Lists published activities of the tray with filters and paging. */
export async function listPublicServices(
  deps: Deps,
  filters: ServiceListFilters,
  paging: { page: number; pageSize: number },
) {
  const [rows, total] = await Promise.all([
    listServices(deps.db, filters, { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }),
    countServices(deps.db, filters),
  ]);
  return {
    items: rows.map((row) => toServiceSummary(row, deps.config.publicUrl)),
    page: paging.page,
    pageSize: paging.pageSize,
    total,
  };
}

export type ServiceDetail = Awaited<ReturnType<typeof getPublicService>>;

/**
 * One published activity with its locations, channels, schedules and upcoming events. An
 * activity outside the public tray is "not found". Confidential addresses are never returned.
 */
export async function getPublicService(deps: Deps, id: string) {
  const row = await findPublicService(deps.db, id);
  if (!row) throw new NotFoundError('service');
  const [locations, channels, schedules, events] = await Promise.all([
    listServiceLocations(deps.db, id),
    listServiceChannels(deps.db, id),
    listServiceSchedules(deps.db, id),
    listUpcomingEvents(deps.db, id, deps.clock(), 20),
  ]);
  const confidential = row.confidential_address;
  return {
    id: row.id,
    name: row.name,
    alternativeNames: row.alternative_names,
    summary: row.summary,
    description: row.description,
    plainSummary: row.plain_summary,
    userInstructions: row.user_instructions,
    keywords: row.keywords as Record<string, string[]>,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      type: row.organisation_type,
      businessId: row.organisation_business_id,
    },
    themes: row.themes,
    targetGroups: row.target_groups,
    ageMin: row.age_min,
    ageMax: row.age_max,
    costType: row.cost_type,
    costInfo: row.cost_info,
    kaikukortti: row.kaikukortti,
    languages: row.languages,
    areaType: row.area_type,
    areaRegions: row.area_regions,
    areaMunicipalities: row.area_municipalities,
    municipalities: row.municipality_codes,
    acceptsReferrals: row.accepts_referrals,
    openPlaces: row.open_places,
    confidentialAddress: confidential,
    lastReviewedAt: iso(row.last_reviewed_at),
    /** Not reviewed by its provider for longer than the configured period (providers' review reminders). */
    mayBeOutOfDate: row.review_state === 'out_of_date',
    locations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      // A confidential service publishes only its contact point, never the street address.
      streetAddress: confidential ? null : l.street_address,
      postalCode: confidential ? null : l.postal_code,
      postOffice: l.post_office,
      municipality: l.municipality_code,
      latitude: confidential ? null : l.latitude,
      longitude: confidential ? null : l.longitude,
      accessibility: l.accessibility,
      accessibilityFeatures: l.accessibility_features,
    })),
    channels: channels.map((c) => ({ id: c.id, kind: c.kind, name: c.name, value: c.value, description: c.description })),
    schedules: schedules.map((s) => ({
      id: s.id,
      locationId: confidential ? null : s.location_id,
      kind: s.kind,
      weekdays: s.weekdays,
      opens: s.opens,
      closes: s.closes,
      overMidnight: s.over_midnight,
      intervalWeeks: s.interval_weeks,
      validFrom: s.valid_from,
      validTo: s.valid_to,
      excludedDates: s.excluded_dates,
      closed: s.closed,
      note: s.note,
    })),
    upcomingEvents: events.map((e) => ({
      id: e.id,
      name: e.name,
      startsAt: e.starts_at.toISOString(),
      endsAt: iso(e.ends_at),
      status: e.status,
      locationId: confidential ? null : e.location_id,
      infoUrl: e.info_url,
    })),
    classifications: { serviceClasses: row.service_classes, ontologyTerms: row.ontology_terms },
    provenance: {
      source: row.source,
      sourceId: row.source_id,
      sourceModified: iso(row.source_modified),
      lastSeenAt: row.last_seen_at.toISOString(),
    },
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getOrganisation(deps: Deps, id: string) {
  const row = await findOrganisation(deps.db, id);
  if (!row || row.status !== 'active') throw new NotFoundError('organisation');
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    description: row.description,
    businessId: row.business_id,
    region: row.region_code,
    municipality: row.municipality_code,
    parentId: row.parent_id,
    website: row.website,
    email: row.email,
    phone: row.phone,
    publicServiceCount: await countPublicServicesOfOrganisation(deps.db, id),
    links: { services: `${deps.config.publicUrl}/api/v1/services?organisation=${row.id}` },
  };
}

/** Public activities and organisations with their modification times (for the sitemap). */
export async function listTrayPages(deps: Pick<Deps, 'db'>) {
  const [services, organisations] = await Promise.all([listPublicServiceStamps(deps.db), listOrganisationsWithPublicServices(deps.db)]);
  return {
    services: services.map((s) => ({ id: s.id, updatedAt: s.updated_at.toISOString() })),
    organisations: organisations.map((o) => ({ id: o.id, updatedAt: o.updated_at.toISOString() })),
  };
}

export async function getTaxonomies(deps: Pick<Deps, 'db'>) {
  const terms = await listTaxonomyTerms(deps.db);
  const shape = (t: (typeof terms)[number]) => ({
    code: t.code,
    label: t.label,
    description: t.description,
    ageMin: t.age_min,
    ageMax: t.age_max,
  });
  return {
    themes: terms.filter((t) => t.taxonomy === 'theme').map(shape),
    targetGroups: terms.filter((t) => t.taxonomy === 'target_group').map(shape),
  };
}

export async function getAreas(deps: Pick<Deps, 'db'>) {
  const [regions, municipalities] = await Promise.all([listRegions(deps.db), listMunicipalities(deps.db)]);
  return {
    regions: regions.map((r) => ({ code: r.code, slug: r.slug, kind: r.kind, name: r.name, population: r.population })),
    municipalities: municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      region: m.region_code,
      population: m.population,
      officialLanguages: m.official_languages,
      latitude: m.latitude,
      longitude: m.longitude,
    })),
  };
}

/**
 * Saves activity bundles (service + locations + channels + schedules + events) as one unit of
 * work inside the caller's transaction. Links and schedules of the given services are replaced;
 * derived area columns are refreshed. Returns the ids of the services written so that callers
 * can update the search index in the same transaction.
 */
export async function saveServiceBundles(tx: Transaction | Queryable, bundles: readonly ServiceBundle[]): Promise<string[]> {
  if (bundles.length === 0) return [];
  const serviceIds = bundles.map((b) => b.service.id);
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  await upsertLocations(tx, unique(bundles.flatMap((b) => b.locations)));
  await upsertContactChannels(tx, unique(bundles.flatMap((b) => b.channels)));
  await upsertServices(tx, bundles.map((b) => b.service));
  await replaceServiceLocations(
    tx,
    serviceIds,
    bundles.flatMap((b) => b.locations.map((l) => ({ serviceId: b.service.id, locationId: l.id }))),
  );
  await replaceServiceChannels(
    tx,
    serviceIds,
    bundles.flatMap((b) => b.channels.map((c) => ({ serviceId: b.service.id, channelId: c.id }))),
  );
  await replaceSchedules(tx, serviceIds, bundles.flatMap((b) => b.schedules));
  await upsertEvents(tx, bundles.flatMap((b) => b.events));
  await refreshDerivedAreas(tx, serviceIds);
  return serviceIds;
}
