/**
 * One activity with all its parts in the write model's shape (any status), for the writers that
 * change an existing record: provider self-service and moderation. Provenance is kept as stored.
 */
import type { Queryable } from '../../db/index.ts';
import type { ContactChannelRecord, EventRecord, LocationRecord, ScheduleRecord, ServiceBundle, ServiceRecord } from './catalog.types.ts';

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));
const time = (value: unknown): string | null => (value === null || value === undefined ? null : String(value).slice(0, 5));

function provenance(row: Record<string, unknown>) {
  return {
    source: row.source as ServiceRecord['provenance']['source'],
    sourceId: (row.source_id as string | null) ?? null,
    sourceModified: date(row.source_modified),
    payloadHash: (row.payload_hash as string | null) ?? null,
  };
}

export interface StoredServiceBundle extends ServiceBundle {
  regionCode: string | null;
  locallyEditedFields: string[];
  reviewState: 'current' | 'reminded' | 'out_of_date' | 'hidden';
}

/** Reads one activity with its locations, channels, schedules and events (not archived ones). */
export async function loadServiceBundle(q: Queryable, id: string): Promise<StoredServiceBundle | undefined> {
  const [row] = await q.query<Record<string, any>>(
    `SELECT s.*, o.region_code AS organisation_region_code
     FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1::uuid`,
    [id],
  );
  if (!row) return undefined;
  const [locations, channels, schedules, events] = await Promise.all([
    q.query<Record<string, any>>(
      `SELECT l.* FROM locations l JOIN service_locations sl ON sl.location_id = l.id WHERE sl.service_id = $1::uuid ORDER BY l.created_at, l.id`,
      [id],
    ),
    q.query<Record<string, any>>(
      `SELECT c.* FROM contact_channels c JOIN service_channels sc ON sc.channel_id = c.id WHERE sc.service_id = $1::uuid ORDER BY c.created_at, c.id`,
      [id],
    ),
    q.query<Record<string, any>>(`SELECT * FROM schedules WHERE service_id = $1::uuid ORDER BY kind, created_at, id`, [id]),
    q.query<Record<string, any>>(`SELECT * FROM events WHERE service_id = $1::uuid AND status <> 'archived' ORDER BY starts_at, id`, [id]),
  ]);
  const service: ServiceRecord = {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    alternativeNames: row.alternative_names,
    summary: row.summary,
    description: row.description,
    plainSummary: row.plain_summary,
    userInstructions: row.user_instructions,
    keywords: row.keywords,
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
    status: row.status,
    inTray: row.in_tray,
    acceptsReferrals: row.accepts_referrals,
    openPlaces: row.open_places,
    confidentialAddress: row.confidential_address,
    lastReviewedAt: date(row.last_reviewed_at),
    serviceClasses: row.service_classes,
    ontologyTerms: row.ontology_terms,
    sourceTargetGroups: row.source_target_groups,
    lifeEvents: row.life_events,
    provenance: provenance(row),
  };
  return {
    service,
    regionCode: row.organisation_region_code ?? null,
    locallyEditedFields: row.locally_edited_fields,
    reviewState: row.review_state,
    locations: locations.map(
      (l): LocationRecord => ({
        id: l.id,
        organisationId: l.organisation_id,
        name: l.name,
        streetAddress: l.street_address,
        postalCode: l.postal_code,
        postOffice: l.post_office,
        municipalityCode: l.municipality_code,
        latitude: l.latitude,
        longitude: l.longitude,
        coordinateState: l.coordinate_state,
        accessibility: l.accessibility,
        accessibilityFeatures: l.accessibility_features,
        status: l.status,
        provenance: provenance(l),
      }),
    ),
    channels: channels.map(
      (c): ContactChannelRecord => ({
        id: c.id,
        organisationId: c.organisation_id,
        kind: c.kind,
        name: c.name,
        value: c.value,
        description: c.description,
        details: c.details,
        status: c.status,
        provenance: provenance(c),
      }),
    ),
    schedules: schedules.map(
      (s): ScheduleRecord => ({
        id: s.id,
        serviceId: s.service_id,
        locationId: s.location_id,
        kind: s.kind,
        weekdays: s.weekdays,
        opens: time(s.opens),
        closes: time(s.closes),
        overMidnight: s.over_midnight,
        intervalWeeks: s.interval_weeks,
        validFrom: iso(s.valid_from),
        validTo: iso(s.valid_to),
        excludedDates: (s.excluded_dates ?? []).map(String),
        closed: s.closed,
        note: s.note,
        source: s.source,
      }),
    ),
    events: events.map(
      (e): EventRecord => ({
        id: e.id,
        serviceId: e.service_id,
        organisationId: e.organisation_id,
        locationId: e.location_id,
        name: e.name,
        description: e.description,
        startsAt: new Date(e.starts_at),
        endsAt: date(e.ends_at),
        status: e.status,
        themes: e.themes,
        costType: e.cost_type,
        costInfo: e.cost_info,
        infoUrl: e.info_url,
        provenance: provenance(e),
      }),
    ),
  };
}
