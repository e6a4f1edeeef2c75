/** Read queries of the public catalogue. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { AccessibilitySentence, Keywords } from './catalog.types.ts';

/**
 * The public tray: published activities that belong to it, except those hidden because their
 * provider has not reviewed them for too long (providers' review reminders).
 */
export const publicServiceCondition = `s.status = 'published' AND s.in_tray AND s.review_state <> 'hidden'`;

export interface ServiceListFilters {
  regionCode?: string | undefined;
  municipalityCode?: string | undefined;
  themes?: string[] | undefined;
  targetGroups?: string[] | undefined;
  free?: boolean | undefined;
  kaikukortti?: boolean | undefined;
  language?: string | undefined;
  organisationId?: string | undefined;
  /** include nationwide services in area filters (default true) */
  includeNationwide?: boolean | undefined;
}

export interface ServiceListRow {
  id: string;
  organisation_id: string;
  organisation_name: LocalisedText;
  name: LocalisedText;
  summary: LocalisedText;
  themes: string[];
  target_groups: string[];
  age_min: number | null;
  age_max: number | null;
  cost_type: string;
  kaikukortti: boolean;
  languages: string[];
  area_type: string;
  municipality_codes: string[];
  region_codes: string[];
  accepts_referrals: boolean;
  updated_at: Date;
}

function whereClause(filters: ServiceListFilters, params: unknown[]): string {
  const conditions = [publicServiceCondition];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const nationwide = filters.includeNationwide === false ? '' : ` OR s.area_type = 'nationwide'`;
  if (filters.regionCode) conditions.push(`(${add(filters.regionCode)} = ANY(s.region_codes)${nationwide})`);
  if (filters.municipalityCode) {
    conditions.push(`(${add(filters.municipalityCode)} = ANY(s.municipality_codes)${nationwide})`);
  }
  if (filters.themes?.length) conditions.push(`s.themes && ${add(filters.themes)}::text[]`);
  if (filters.targetGroups?.length) conditions.push(`s.target_groups && ${add(filters.targetGroups)}::text[]`);
  if (filters.free === true) conditions.push(`s.cost_type = 'free'`);
  if (filters.free === false) conditions.push(`s.cost_type <> 'free'`);
  if (filters.kaikukortti === true) conditions.push('s.kaikukortti');
  if (filters.language) conditions.push(`${add(filters.language)} = ANY(s.languages)`);
  if (filters.organisationId) conditions.push(`s.organisation_id = ${add(filters.organisationId)}::uuid`);
  return conditions.join(' AND ');
}

export async function listServices(
  q: Queryable,
  filters: ServiceListFilters,
  paging: { limit: number; offset: number },
): Promise<ServiceListRow[]> {
  const params: unknown[] = [];
  const where = whereClause(filters, params);
  params.push(paging.limit, paging.offset);
  return q.query<ServiceListRow>(
    `SELECT s.id, s.organisation_id, o.name AS organisation_name, s.name, s.summary, s.themes, s.target_groups,
       s.age_min, s.age_max, s.cost_type, s.kaikukortti, s.languages, s.area_type, s.municipality_codes,
       s.region_codes, s.accepts_referrals, s.updated_at
     FROM services s JOIN organisations o ON o.id = s.organisation_id
     WHERE ${where}
     ORDER BY s.name->>'fi' NULLS LAST, s.id
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

export async function countServices(q: Queryable, filters: ServiceListFilters): Promise<number> {
  const params: unknown[] = [];
  const where = whereClause(filters, params);
  const rows = await q.query<{ total: number }>(`SELECT count(*) AS total FROM services s WHERE ${where}`, params);
  return rows[0]?.total ?? 0;
}

export interface ServiceDetailRow extends ServiceListRow {
  alternative_names: LocalisedText;
  description: LocalisedText;
  plain_summary: LocalisedText;
  user_instructions: LocalisedText;
  keywords: Keywords;
  cost_info: LocalisedText;
  area_regions: string[];
  area_municipalities: string[];
  status: string;
  in_tray: boolean;
  open_places: number | null;
  confidential_address: boolean;
  last_reviewed_at: Date | null;
  review_state: 'current' | 'reminded' | 'out_of_date' | 'hidden';
  service_classes: string[];
  ontology_terms: string[];
  source: string;
  source_id: string | null;
  source_modified: Date | null;
  last_seen_at: Date;
  organisation_type: string;
  organisation_business_id: string | null;
}

/** One activity of the public tray (`publicServiceCondition`, the same rule as lists and search). */
export async function findPublicService(q: Queryable, id: string): Promise<ServiceDetailRow | undefined> {
  const rows = await q.query<ServiceDetailRow>(
    `SELECT s.id, s.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
       o.business_id AS organisation_business_id, s.name, s.alternative_names, s.summary, s.description,
       s.plain_summary, s.user_instructions, s.keywords, s.themes, s.target_groups, s.age_min, s.age_max, s.cost_type,
       s.cost_info, s.kaikukortti, s.languages, s.area_type, s.area_regions, s.area_municipalities,
       s.municipality_codes, s.region_codes, s.status, s.in_tray, s.accepts_referrals, s.open_places,
       s.confidential_address, s.last_reviewed_at, s.review_state, s.service_classes, s.ontology_terms, s.source,
       s.source_id, s.source_modified, s.last_seen_at, s.updated_at
     FROM services s JOIN organisations o ON o.id = s.organisation_id
     WHERE s.id = $1::uuid AND ${publicServiceCondition}`,
    [id],
  );
  return rows[0];
}

export interface LocationRow {
  id: string;
  name: LocalisedText;
  street_address: LocalisedText;
  postal_code: string | null;
  post_office: LocalisedText;
  municipality_code: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: AccessibilitySentence[];
  accessibility_features: string[];
}

export async function listServiceLocations(q: Queryable, serviceId: string): Promise<LocationRow[]> {
  return q.query<LocationRow>(
    `SELECT l.id, l.name, l.street_address, l.postal_code, l.post_office, l.municipality_code, l.latitude, l.longitude,
       l.accessibility, l.accessibility_features
     FROM service_locations sl JOIN locations l ON l.id = sl.location_id
     WHERE sl.service_id = $1::uuid AND l.status = 'active'
     ORDER BY l.name->>'fi' NULLS LAST, l.id`,
    [serviceId],
  );
}

export interface ChannelRow {
  id: string;
  kind: string;
  name: LocalisedText;
  value: LocalisedText;
  description: LocalisedText;
  details: Record<string, unknown>;
}

export async function listServiceChannels(q: Queryable, serviceId: string): Promise<ChannelRow[]> {
  return q.query<ChannelRow>(
    `SELECT c.id, c.kind, c.name, c.value, c.description, c.details
     FROM service_channels sc JOIN contact_channels c ON c.id = sc.channel_id
     WHERE sc.service_id = $1::uuid AND c.status = 'active'
     ORDER BY c.kind, c.id`,
    [serviceId],
  );
}

export interface ScheduleRow {
  id: string;
  location_id: string | null;
  kind: string;
  weekdays: number[];
  opens: string | null;
  closes: string | null;
  over_midnight: boolean;
  interval_weeks: number;
  valid_from: string | null;
  valid_to: string | null;
  excluded_dates: string[];
  closed: boolean;
  note: LocalisedText;
}

export async function listServiceSchedules(q: Queryable, serviceId: string): Promise<ScheduleRow[]> {
  return q.query<ScheduleRow>(
    `SELECT id, location_id, kind, weekdays::int[] AS weekdays, to_char(opens, 'HH24:MI') AS opens,
       to_char(closes, 'HH24:MI') AS closes, over_midnight, interval_weeks, valid_from::text AS valid_from,
       valid_to::text AS valid_to, excluded_dates::text[] AS excluded_dates, closed, note
     FROM schedules WHERE service_id = $1::uuid
     ORDER BY kind, valid_from NULLS FIRST, weekdays, opens`,
    [serviceId],
  );
}

export interface EventRow {
  id: string;
  service_id: string | null;
  location_id: string | null;
  name: LocalisedText;
  description: LocalisedText;
  starts_at: Date;
  ends_at: Date | null;
  status: string;
  cost_type: string;
  info_url: string | null;
}

export async function listUpcomingEvents(q: Queryable, serviceId: string, from: Date, limit: number): Promise<EventRow[]> {
  return q.query<EventRow>(
    `SELECT id, service_id, location_id, name, description, starts_at, ends_at, status, cost_type, info_url
     FROM events
     WHERE service_id = $1::uuid AND coalesce(ends_at, starts_at) >= $2 AND status <> 'archived'
     ORDER BY starts_at, id
     LIMIT $3`,
    [serviceId, from, limit],
  );
}

export interface OrganisationRow {
  id: string;
  type: string;
  name: LocalisedText;
  description: LocalisedText;
  business_id: string | null;
  region_code: string | null;
  municipality_code: string | null;
  parent_id: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  source: string;
  source_id: string | null;
  updated_at: Date;
}

export async function findOrganisation(q: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const rows = await q.query<OrganisationRow>(
    `SELECT id, type, name, description, business_id, region_code, municipality_code, parent_id, website, email, phone,
       status, source, source_id, updated_at
     FROM organisations WHERE id = $1::uuid`,
    [id],
  );
  return rows[0];
}

export async function countPublicServicesOfOrganisation(q: Queryable, organisationId: string): Promise<number> {
  const rows = await q.query<{ total: number }>(
    `SELECT count(*) AS total FROM services s WHERE s.organisation_id = $1::uuid AND ${publicServiceCondition}`,
    [organisationId],
  );
  return rows[0]?.total ?? 0;
}

export interface TaxonomyTermRow {
  taxonomy: string;
  code: string;
  label: LocalisedText;
  description: LocalisedText;
  age_min: number | null;
  age_max: number | null;
}

export async function listTaxonomyTerms(q: Queryable): Promise<TaxonomyTermRow[]> {
  return q.query<TaxonomyTermRow>(
    `SELECT taxonomy, code, label, description, age_min, age_max FROM taxonomy_terms ORDER BY taxonomy, sort_order, code`,
  );
}

export interface RegionRow {
  code: string;
  slug: string;
  kind: string;
  name: LocalisedText;
  population: number | null;
  brand_colour: string | null;
}

export async function listRegions(q: Queryable): Promise<RegionRow[]> {
  return q.query<RegionRow>(`SELECT code, slug, kind, name, population, brand_colour FROM regions ORDER BY code`);
}

export interface MunicipalityRow {
  code: string;
  name: LocalisedText;
  region_code: string;
  population: number | null;
  official_languages: string[];
  latitude: number | null;
  longitude: number | null;
}

export async function listMunicipalities(q: Queryable): Promise<MunicipalityRow[]> {
  return q.query<MunicipalityRow>(
    `SELECT code, name, region_code, population, official_languages, latitude, longitude
     FROM municipalities ORDER BY name->>'fi', code`,
  );
}

export interface PostalCodeRow {
  code: string;
  municipality_code: string;
  latitude: number;
  longitude: number;
  coarse: boolean;
}

export async function findPostalCode(q: Queryable, code: string): Promise<PostalCodeRow | undefined> {
  const rows = await q.query<PostalCodeRow>(
    `SELECT code, municipality_code, latitude, longitude, coarse FROM postal_codes WHERE code = $1`,
    [code],
  );
  return rows[0];
}

export interface PageStampRow {
  id: string;
  updated_at: Date;
}

/** Ids and modification times of the public activities (sitemap). */
export async function listPublicServiceStamps(q: Queryable): Promise<PageStampRow[]> {
  return q.query<PageStampRow>(`SELECT s.id, s.updated_at FROM services s WHERE ${publicServiceCondition} ORDER BY s.id`);
}

/** Active organisations that have at least one public activity (sitemap). */
export async function listOrganisationsWithPublicServices(q: Queryable): Promise<PageStampRow[]> {
  return q.query<PageStampRow>(
    `SELECT o.id, o.updated_at FROM organisations o
     WHERE o.status = 'active' AND EXISTS (SELECT 1 FROM services s WHERE s.organisation_id = o.id AND ${publicServiceCondition})
     ORDER BY o.id`,
  );
}
