/**
 * Bulk writes of catalogue records. Each function takes a batch and writes it with one
 * statement (rows passed as one JSONB parameter and expanded with jsonb_to_recordset), which
 * is fast on both PostgreSQL and PGlite.
 */
import type { Queryable } from '../../db/index.ts';
import type {
  ContactChannelRecord,
  EventRecord,
  LocationRecord,
  OrganisationRecord,
  ScheduleRecord,
  ServiceRecord,
} from './catalog.types.ts';

function provenanceColumns(p: { source: string; sourceId: string | null; sourceModified: Date | null; payloadHash: string | null }) {
  return {
    source: p.source,
    source_id: p.sourceId,
    source_modified: p.sourceModified?.toISOString() ?? null,
    payload_hash: p.payloadHash,
  };
}

/**
 * Organisations without a region of their own (e.g. imported municipalities) get the region of
 * their municipality: moderation and coordinators' views go by the organisation's region.
 */
export async function upsertOrganisations(q: Queryable, records: readonly OrganisationRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    type: r.type,
    name: r.name,
    description: r.description,
    business_id: r.businessId,
    region_code: r.regionCode,
    municipality_code: r.municipalityCode,
    parent_id: r.parentId,
    website: r.website,
    email: r.email,
    phone: r.phone,
    status: r.status,
    ...provenanceColumns(r.provenance),
  }));
  await q.query(
    `INSERT INTO organisations (id, type, name, description, business_id, region_code, municipality_code, parent_id,
       website, email, phone, status, source, source_id, source_modified, payload_hash)
     SELECT id, type, name, description, business_id,
       COALESCE(r.region_code, (SELECT m.region_code FROM municipalities m WHERE m.code = r.municipality_code)), municipality_code, parent_id,
       website, email, phone, status, source, source_id, source_modified, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, type text, name jsonb, description jsonb, business_id text,
       region_code text, municipality_code text, parent_id uuid, website text, email text, phone text, status text,
       source text, source_id text, source_modified timestamptz, payload_hash text)
     ON CONFLICT (id) DO UPDATE SET
       type = EXCLUDED.type, name = EXCLUDED.name, description = EXCLUDED.description,
       business_id = EXCLUDED.business_id, region_code = EXCLUDED.region_code,
       municipality_code = EXCLUDED.municipality_code, parent_id = EXCLUDED.parent_id,
       website = EXCLUDED.website, email = EXCLUDED.email, phone = EXCLUDED.phone, status = EXCLUDED.status,
       source = EXCLUDED.source, source_id = EXCLUDED.source_id, source_modified = EXCLUDED.source_modified,
       payload_hash = EXCLUDED.payload_hash, last_seen_at = now(), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

export async function upsertServices(q: Queryable, records: readonly ServiceRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    organisation_id: r.organisationId,
    name: r.name,
    alternative_names: r.alternativeNames,
    summary: r.summary,
    description: r.description,
    plain_summary: r.plainSummary,
    user_instructions: r.userInstructions,
    keywords: r.keywords,
    themes: r.themes,
    target_groups: r.targetGroups,
    age_min: r.ageMin,
    age_max: r.ageMax,
    cost_type: r.costType,
    cost_info: r.costInfo,
    kaikukortti: r.kaikukortti,
    languages: r.languages,
    area_type: r.areaType,
    area_regions: r.areaRegions,
    area_municipalities: r.areaMunicipalities,
    status: r.status,
    in_tray: r.inTray,
    accepts_referrals: r.acceptsReferrals,
    open_places: r.openPlaces,
    confidential_address: r.confidentialAddress,
    last_reviewed_at: r.lastReviewedAt?.toISOString() ?? null,
    service_classes: r.serviceClasses,
    ontology_terms: r.ontologyTerms,
    source_target_groups: r.sourceTargetGroups,
    life_events: r.lifeEvents,
    ...provenanceColumns(r.provenance),
  }));
  await q.query(
    `INSERT INTO services (id, organisation_id, name, alternative_names, summary, description, plain_summary,
       user_instructions, keywords, themes, target_groups, age_min, age_max, cost_type, cost_info, kaikukortti,
       languages, area_type, area_regions, area_municipalities, status, in_tray, accepts_referrals, open_places,
       confidential_address, last_reviewed_at, service_classes, ontology_terms, source_target_groups, life_events,
       source, source_id, source_modified, payload_hash)
     SELECT id, organisation_id, name, alternative_names, summary, description, plain_summary,
       user_instructions, keywords, themes, target_groups, age_min, age_max, cost_type, cost_info, kaikukortti,
       languages, area_type, area_regions, area_municipalities, status, in_tray, accepts_referrals, open_places,
       confidential_address, last_reviewed_at, service_classes, ontology_terms, source_target_groups, life_events,
       source, source_id, source_modified, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, name jsonb, alternative_names jsonb,
       summary jsonb, description jsonb, plain_summary jsonb, user_instructions jsonb, keywords jsonb, themes text[],
       target_groups text[], age_min smallint, age_max smallint, cost_type text, cost_info jsonb, kaikukortti boolean,
       languages text[], area_type text, area_regions text[], area_municipalities text[], status text, in_tray boolean,
       accepts_referrals boolean, open_places integer, confidential_address boolean, last_reviewed_at timestamptz,
       service_classes text[], ontology_terms text[], source_target_groups text[], life_events text[],
       source text, source_id text, source_modified timestamptz, payload_hash text)
     ON CONFLICT (id) DO UPDATE SET
       organisation_id = EXCLUDED.organisation_id, name = EXCLUDED.name, alternative_names = EXCLUDED.alternative_names,
       summary = EXCLUDED.summary, description = EXCLUDED.description, plain_summary = EXCLUDED.plain_summary,
       user_instructions = EXCLUDED.user_instructions, keywords = EXCLUDED.keywords, themes = EXCLUDED.themes,
       target_groups = EXCLUDED.target_groups, age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max,
       cost_type = EXCLUDED.cost_type, cost_info = EXCLUDED.cost_info, kaikukortti = EXCLUDED.kaikukortti,
       languages = EXCLUDED.languages, area_type = EXCLUDED.area_type, area_regions = EXCLUDED.area_regions,
       area_municipalities = EXCLUDED.area_municipalities, status = EXCLUDED.status, in_tray = EXCLUDED.in_tray,
       accepts_referrals = EXCLUDED.accepts_referrals, open_places = EXCLUDED.open_places,
       confidential_address = EXCLUDED.confidential_address,
       -- an import carries no review date: keep the provider's
       last_reviewed_at = coalesce(EXCLUDED.last_reviewed_at, services.last_reviewed_at),
       service_classes = EXCLUDED.service_classes, ontology_terms = EXCLUDED.ontology_terms,
       source_target_groups = EXCLUDED.source_target_groups, life_events = EXCLUDED.life_events,
       source = EXCLUDED.source, source_id = EXCLUDED.source_id, source_modified = EXCLUDED.source_modified,
       payload_hash = EXCLUDED.payload_hash, last_seen_at = now(), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

export async function upsertLocations(q: Queryable, records: readonly LocationRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    organisation_id: r.organisationId,
    name: r.name,
    street_address: r.streetAddress,
    postal_code: r.postalCode,
    post_office: r.postOffice,
    municipality_code: r.municipalityCode,
    latitude: r.latitude,
    longitude: r.longitude,
    coordinate_state: r.coordinateState,
    accessibility: r.accessibility,
    accessibility_features: r.accessibilityFeatures,
    status: r.status,
    ...provenanceColumns(r.provenance),
  }));
  await q.query(
    `INSERT INTO locations (id, organisation_id, name, street_address, postal_code, post_office, municipality_code,
       latitude, longitude, coordinate_state, accessibility, accessibility_features, status,
       source, source_id, source_modified, payload_hash)
     SELECT id, organisation_id, name, street_address, postal_code, post_office, municipality_code,
       latitude, longitude, coordinate_state, accessibility, accessibility_features, status,
       source, source_id, source_modified, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, name jsonb, street_address jsonb,
       postal_code text, post_office jsonb, municipality_code text, latitude double precision,
       longitude double precision, coordinate_state text, accessibility jsonb, accessibility_features text[],
       status text, source text, source_id text, source_modified timestamptz, payload_hash text)
     ON CONFLICT (id) DO UPDATE SET
       organisation_id = EXCLUDED.organisation_id, name = EXCLUDED.name, street_address = EXCLUDED.street_address,
       postal_code = EXCLUDED.postal_code, post_office = EXCLUDED.post_office,
       municipality_code = EXCLUDED.municipality_code, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
       coordinate_state = EXCLUDED.coordinate_state, accessibility = EXCLUDED.accessibility,
       accessibility_features = EXCLUDED.accessibility_features, status = EXCLUDED.status,
       source = EXCLUDED.source, source_id = EXCLUDED.source_id, source_modified = EXCLUDED.source_modified,
       payload_hash = EXCLUDED.payload_hash, last_seen_at = now(), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

export async function upsertContactChannels(q: Queryable, records: readonly ContactChannelRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    organisation_id: r.organisationId,
    kind: r.kind,
    name: r.name,
    value: r.value,
    description: r.description,
    details: r.details,
    status: r.status,
    ...provenanceColumns(r.provenance),
  }));
  await q.query(
    `INSERT INTO contact_channels (id, organisation_id, kind, name, value, description, details, status,
       source, source_id, source_modified, payload_hash)
     SELECT id, organisation_id, kind, name, value, description, details, status,
       source, source_id, source_modified, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, kind text, name jsonb, value jsonb,
       description jsonb, details jsonb, status text, source text, source_id text, source_modified timestamptz,
       payload_hash text)
     ON CONFLICT (id) DO UPDATE SET
       organisation_id = EXCLUDED.organisation_id, kind = EXCLUDED.kind, name = EXCLUDED.name, value = EXCLUDED.value,
       description = EXCLUDED.description, details = EXCLUDED.details, status = EXCLUDED.status,
       source = EXCLUDED.source, source_id = EXCLUDED.source_id, source_modified = EXCLUDED.source_modified,
       payload_hash = EXCLUDED.payload_hash, last_seen_at = now(), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

/** Replaces the location links of the given services with exactly these pairs. */
export async function replaceServiceLocations(
  q: Queryable,
  serviceIds: readonly string[],
  links: readonly { serviceId: string; locationId: string }[],
): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query('DELETE FROM service_locations WHERE service_id = ANY($1::uuid[])', [serviceIds]);
  if (links.length === 0) return;
  await q.query(
    `INSERT INTO service_locations (service_id, location_id)
     SELECT DISTINCT service_id, location_id FROM jsonb_to_recordset($1::jsonb) AS r(service_id uuid, location_id uuid)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(links.map((l) => ({ service_id: l.serviceId, location_id: l.locationId })))],
  );
}

/** Replaces the channel links of the given services with exactly these pairs. */
export async function replaceServiceChannels(
  q: Queryable,
  serviceIds: readonly string[],
  links: readonly { serviceId: string; channelId: string }[],
): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query('DELETE FROM service_channels WHERE service_id = ANY($1::uuid[])', [serviceIds]);
  if (links.length === 0) return;
  await q.query(
    `INSERT INTO service_channels (service_id, channel_id)
     SELECT DISTINCT service_id, channel_id FROM jsonb_to_recordset($1::jsonb) AS r(service_id uuid, channel_id uuid)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(links.map((l) => ({ service_id: l.serviceId, channel_id: l.channelId })))],
  );
}

/** Replaces all schedules of the given services. */
export async function replaceSchedules(
  q: Queryable,
  serviceIds: readonly string[],
  records: readonly ScheduleRecord[],
): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query('DELETE FROM schedules WHERE service_id = ANY($1::uuid[])', [serviceIds]);
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    service_id: r.serviceId,
    location_id: r.locationId,
    kind: r.kind,
    weekdays: r.weekdays,
    opens: r.opens,
    closes: r.closes,
    over_midnight: r.overMidnight,
    interval_weeks: r.intervalWeeks,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    excluded_dates: r.excludedDates,
    closed: r.closed,
    note: r.note,
    source: r.source,
  }));
  await q.query(
    `INSERT INTO schedules (id, service_id, location_id, kind, weekdays, opens, closes, over_midnight, interval_weeks,
       valid_from, valid_to, excluded_dates, closed, note, source)
     SELECT id, service_id, location_id, kind, weekdays, opens, closes, over_midnight, interval_weeks,
       valid_from, valid_to, excluded_dates, closed, note, source
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, service_id uuid, location_id uuid, kind text, weekdays smallint[],
       opens time, closes time, over_midnight boolean, interval_weeks smallint, valid_from date, valid_to date,
       excluded_dates date[], closed boolean, note jsonb, source text)`,
    [JSON.stringify(rows)],
  );
}

export async function upsertEvents(q: Queryable, records: readonly EventRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    id: r.id,
    service_id: r.serviceId,
    organisation_id: r.organisationId,
    location_id: r.locationId,
    name: r.name,
    description: r.description,
    starts_at: r.startsAt.toISOString(),
    ends_at: r.endsAt?.toISOString() ?? null,
    status: r.status,
    themes: r.themes,
    cost_type: r.costType,
    cost_info: r.costInfo,
    info_url: r.infoUrl,
    ...provenanceColumns(r.provenance),
  }));
  await q.query(
    `INSERT INTO events (id, service_id, organisation_id, location_id, name, description, starts_at, ends_at, status,
       themes, cost_type, cost_info, info_url, source, source_id, source_modified, payload_hash)
     SELECT id, service_id, organisation_id, location_id, name, description, starts_at, ends_at, status,
       themes, cost_type, cost_info, info_url, source, source_id, source_modified, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, service_id uuid, organisation_id uuid, location_id uuid,
       name jsonb, description jsonb, starts_at timestamptz, ends_at timestamptz, status text, themes text[],
       cost_type text, cost_info jsonb, info_url text, source text, source_id text, source_modified timestamptz,
       payload_hash text)
     ON CONFLICT (id) DO UPDATE SET
       service_id = EXCLUDED.service_id, organisation_id = EXCLUDED.organisation_id, location_id = EXCLUDED.location_id,
       name = EXCLUDED.name, description = EXCLUDED.description, starts_at = EXCLUDED.starts_at,
       ends_at = EXCLUDED.ends_at, status = EXCLUDED.status, themes = EXCLUDED.themes, cost_type = EXCLUDED.cost_type,
       cost_info = EXCLUDED.cost_info, info_url = EXCLUDED.info_url, source = EXCLUDED.source,
       source_id = EXCLUDED.source_id, source_modified = EXCLUDED.source_modified,
       payload_hash = EXCLUDED.payload_hash, last_seen_at = now(), updated_at = now()`,
    [JSON.stringify(rows)],
  );
}

/** Stores raw source payloads (audit and re-mapping). */
export async function upsertSourcePayloads(
  q: Queryable,
  payloads: readonly { source: string; entity: string; sourceId: string; payload: unknown; payloadHash: string }[],
): Promise<void> {
  if (payloads.length === 0) return;
  await q.query(
    `INSERT INTO source_payloads (source, entity, source_id, payload, payload_hash)
     SELECT source, entity, source_id, payload, payload_hash
     FROM jsonb_to_recordset($1::jsonb) AS r(source text, entity text, source_id text, payload jsonb, payload_hash text)
     ON CONFLICT (source, entity, source_id) DO UPDATE SET
       payload = EXCLUDED.payload, payload_hash = EXCLUDED.payload_hash, fetched_at = now()
     WHERE source_payloads.payload_hash <> EXCLUDED.payload_hash`,
    [
      JSON.stringify(
        payloads.map((p) => ({
          source: p.source,
          entity: p.entity,
          source_id: p.sourceId,
          payload: p.payload,
          payload_hash: p.payloadHash,
        })),
      ),
    ],
  );
}

/**
 * Recomputes the derived area columns of services: the municipalities a service is in or
 * serves (its areas, its regions' municipalities and its locations) and their regions.
 */
export async function refreshDerivedAreas(q: Queryable, serviceIds: readonly string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query(
    `WITH served AS (
       SELECT s.id, m.code AS municipality_code
       FROM services s CROSS JOIN LATERAL unnest(s.area_municipalities) AS m(code)
       WHERE s.id = ANY($1::uuid[])
       UNION
       SELECT s.id, mu.code
       FROM services s JOIN municipalities mu ON mu.region_code = ANY(s.area_regions)
       WHERE s.id = ANY($1::uuid[])
       UNION
       SELECT sl.service_id, l.municipality_code
       FROM service_locations sl JOIN locations l ON l.id = sl.location_id
       WHERE sl.service_id = ANY($1::uuid[]) AND l.municipality_code IS NOT NULL AND l.status = 'active'
     ),
     aggregated AS (
       SELECT s.id,
         coalesce(array_agg(DISTINCT sv.municipality_code ORDER BY sv.municipality_code)
           FILTER (WHERE sv.municipality_code IS NOT NULL), '{}') AS municipality_codes
       FROM services s LEFT JOIN served sv ON sv.id = s.id
       WHERE s.id = ANY($1::uuid[])
       GROUP BY s.id
     )
     UPDATE services s SET
       municipality_codes = a.municipality_codes,
       region_codes = (
         SELECT coalesce(array_agg(DISTINCT r ORDER BY r), '{}') FROM (
           SELECT mu.region_code AS r FROM municipalities mu WHERE mu.code = ANY(a.municipality_codes)
           UNION SELECT unnest(s.area_regions)
         ) regions
       )
     FROM aggregated a
     WHERE a.id = s.id`,
    [serviceIds],
  );
}
