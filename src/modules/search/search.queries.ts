/**
 * SQL of the search: filters, facets, distance and next occurrence. The text part is a
 * parameter (a condition and a score expression built by the service) so that the text
 * analysis can change without touching the filters.
 */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import { publicServiceCondition } from '../catalog/index.ts';
import { facetCountsSql, type RankFacetRow as FacetRow } from './query/search-text.queries.ts';
import type { TimeOfDay } from './search.types.ts';

export interface FilterSpec {
  themes?: string[];
  targetGroups?: string[];
  age?: number;
  regionCode?: string;
  municipalityCode?: string;
  free?: boolean;
  kaikukortti?: boolean;
  language?: string;
  accessibility?: string[];
  weekdays?: number[];
  timesOfDay?: TimeOfDay[];
  upcomingDays?: number;
  now: Date;
  origin?: { latitude: number; longitude: number; radiusKm?: number };
}

interface ConditionSpec {
  /** SQL boolean over alias `s` (or `d`), its placeholders numbered from $1. */
  condition: string;
  params: unknown[];
}

/**
 * The text matches: activity ids with their text scores (0…1), already narrowed by every
 * filter (the text ranking runs over the filtered documents only), so the filters are not
 * applied to them a second time.
 */
export interface TextSpec {
  ids: readonly string[];
  scores: readonly number[];
  /** All matches when `ids` holds only those that can reach the requested page. */
  total: number;
}

/**
 * Bounds of the factor the blended relevance multiplies the text score by (topic × distance ×
 * time × quality, see `searchPage`): a match whose text score times the upper bound is
 * below the k-th best text score times the lower bound cannot reach the first k places.
 */
export function relevanceFactorBounds(withOrigin: boolean): { min: number; max: number } {
  return { min: withOrigin ? distanceFactorMin : 1, max: topicFactorMax * timeFactorMax * qualityFactorMax };
}

/** Ranges of the blended factors (searchPage): topic 1…1.3, distance 0.6…1, time and quality 1…1.1. */
const topicFactorMax = 1.3;
const distanceFactorMin = 0.6;
const timeFactorMax = 1.1;
const qualityFactorMax = 1.1;
/** A browse blending more rows than this joins grouped distances and next occurrences (searchPage). */
const groupedFromRows = 500;

const timeRanges: Record<TimeOfDay, [string, string]> = {
  morning: ['00:00', '12:00'],
  afternoon: ['12:00', '17:00'],
  evening: ['17:00', '24:00'],
};

/** Haversine distance in km between a location `l` and the origin parameters. */
function distanceSql(lat: string, lon: string): string {
  return `(2 * 6371 * asin(sqrt(power(sin(radians(l.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}) / 2), 2))))`;
}

interface Built {
  where: string;
  params: unknown[];
}

/**
 * Alias `s` builds over `services s`; alias `d` over `search_documents d`, whose filter columns
 * are copies of the service's (written with the document) and which holds public services only.
 */
function build(filters: FilterSpec, text: ConditionSpec | undefined, offset = 0, alias: 's' | 'd' = 's'): Built {
  const id = alias === 's' ? 's.id' : 'd.service_id::uuid';
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  const conditions = alias === 's' ? [publicServiceCondition] : [];
  if (text) {
    // Text parameters go first: the condition and score keep their own $1…$n numbering.
    params.push(...text.params);
    conditions.push(text.condition);
  }
  // On documents, the filters that one GIN index serves with the text are overlaps with their
  // prefixed keys (migration 0202): one index scan answers the words and these filters together.
  const keys = (prefix: string, values: readonly (string | number)[]) => `d.filter_keys && ${add(values.map((v) => `${prefix}${v}`))}::text[]`;
  if (filters.themes?.length) conditions.push(alias === 'd' ? keys('th:', filters.themes) : `s.themes && ${add(filters.themes)}::text[]`);
  if (filters.targetGroups?.length) {
    conditions.push(alias === 'd' ? keys('tg:', filters.targetGroups) : `s.target_groups && ${add(filters.targetGroups)}::text[]`);
  }
  if (filters.age !== undefined) {
    const age = add(filters.age);
    conditions.push(`(${alias}.age_min IS NULL OR ${alias}.age_min <= ${age}) AND (${alias}.age_max IS NULL OR ${alias}.age_max >= ${age})`);
  }
  // Documents of nationwide services carry the area code '*' (r:*, m:*).
  const area = (column: string, prefix: string, code: string) =>
    alias === 'd' ? keys(prefix, [code, '*']) : `(${add(code)} = ANY(s.${column}) OR s.area_type = 'nationwide')`;
  if (filters.regionCode) conditions.push(area('region_codes', 'r:', filters.regionCode));
  if (filters.municipalityCode) conditions.push(area('municipality_codes', 'm:', filters.municipalityCode));
  if (filters.free === true) conditions.push(alias === 'd' ? keys('cost:', ['free']) : `s.cost_type = 'free'`);
  if (filters.free === false) conditions.push(`${alias}.cost_type <> 'free'`);
  if (filters.kaikukortti) conditions.push(alias === 'd' ? keys('', ['kaikukortti']) : 's.kaikukortti');
  if (filters.language) conditions.push(alias === 'd' ? keys('l:', [filters.language]) : `${add(filters.language)} = ANY(s.languages)`);
  if (filters.accessibility?.length) {
    conditions.push(`EXISTS (SELECT 1 FROM service_locations sl JOIN locations l ON l.id = sl.location_id
      WHERE sl.service_id = ${id} AND l.accessibility_features @> ${add(filters.accessibility)}::text[])`);
  }
  if (filters.weekdays?.length || filters.timesOfDay?.length) {
    const parts: string[] = [`sc.service_id = ${id}`, `sc.kind IN ('weekly', 'always_open')`, `NOT sc.closed`];
    if (filters.weekdays?.length) parts.push(`(sc.kind = 'always_open' OR sc.weekdays && ${add(filters.weekdays)}::smallint[])`);
    if (filters.timesOfDay?.length) {
      const ranges = filters.timesOfDay.map((t) => {
        const [from, to] = timeRanges[t];
        return `(sc.opens < ${add(to)}::time OR ${add(to)} = '24:00') AND coalesce(sc.closes, '23:59') > ${add(from)}::time`;
      });
      parts.push(`(sc.kind = 'always_open' OR ${ranges.map((r) => `(${r})`).join(' OR ')})`);
    }
    const eventParts = [`e.service_id = ${id}`, `e.status = 'scheduled'`, `e.starts_at >= ${add(filters.now)}`];
    if (filters.weekdays?.length) {
      eventParts.push(`extract(isodow FROM e.starts_at AT TIME ZONE 'Europe/Helsinki')::int = ANY(${add(filters.weekdays)}::int[])`);
    }
    if (filters.timesOfDay?.length) {
      const local = `(e.starts_at AT TIME ZONE 'Europe/Helsinki')::time`;
      const ranges = filters.timesOfDay.map((t) => {
        const [from, to] = timeRanges[t];
        return `(${local} >= ${add(from)}::time AND (${local} < ${add(to === '24:00' ? '23:59:59.999' : to)}::time))`;
      });
      eventParts.push(`(${ranges.join(' OR ')})`);
    }
    conditions.push(`(EXISTS (SELECT 1 FROM schedules sc WHERE ${parts.join(' AND ')})
      OR EXISTS (SELECT 1 FROM events e WHERE ${eventParts.join(' AND ')}))`);
  }
  if (filters.upcomingDays !== undefined) {
    const now = add(filters.now);
    conditions.push(`EXISTS (SELECT 1 FROM events e WHERE e.service_id = ${id} AND e.status = 'scheduled'
      AND e.starts_at >= ${now} AND e.starts_at < ${now}::timestamptz + make_interval(days => ${add(filters.upcomingDays)}))`);
  }
  const origin = filters.origin;
  if (origin?.radiusKm !== undefined) {
    // The distance to the nearest of the activity's places.
    const point = distanceSql(`${add(origin.latitude)}::double precision`, `${add(origin.longitude)}::double precision`);
    conditions.push(`((SELECT min(${point}) FROM service_locations sl JOIN locations l ON l.id = sl.location_id
      WHERE sl.service_id = ${id} AND l.latitude IS NOT NULL AND l.status = 'active') <= ${add(origin.radiusKm)} OR ${alias}.area_type = 'nationwide')`);
  }
  return { where: conditions.length ? conditions.join('\n  AND ') : 'true', params };
}

/** Ranking signals besides the text: themes and target groups the query is about. */
export interface BoostSpec {
  themes: string[];
  targetGroups: string[];
}

/**
 * The filters as a condition over a search document's `d.service_id`, placeholders from
 * `offset + 1`, or undefined when they narrow nothing (only the clock, or an origin without a
 * radius): the text ranking then ranks only activities that can be shown.
 */
export function filterRestriction(filters: FilterSpec, offset: number): { where: string; params: unknown[] } | undefined {
  const built = build(filters, undefined, offset, 'd');
  return built.where === 'true' ? undefined : { where: built.where, params: built.params };
}

export interface SearchRow {
  id: string;
  total: number;
  /** The blended score the relevance order uses; the other numbers are its parts. */
  relevance: number;
  text_score: number;
  topic_factor: number;
  distance_factor: number;
  time_factor: number;
  quality_factor: number;
  distance_km: number | null;
  next_event_at: Date | null;
  last_reviewed_at: Date | null;
  updated_at: Date;
}

/**
 * One page of matching activities, ranked by `order`, with the parts of their score and their
 * display fields. Relevance blends the text score (0…1) with a topic match (themes / target
 * groups of the query's concepts or filters: up to +30 %), distance (×0.6…1, half-way at
 * ~14 km), an occurrence soon (up to +10 %), a review in the last year and freshness of the data
 * (up to +5 % each).
 */
export async function searchPage(
  q: Queryable,
  filters: FilterSpec,
  text: TextSpec | undefined,
  order: 'relevance' | 'distance' | 'soonest',
  paging: { limit: number; offset: number },
  boost: BoostSpec = { themes: [], targetGroups: [] },
  tuning: { groupedFromRows: number } = { groupedFromRows },
): Promise<(SearchRow & HitRow)[]> {
  // Without text the filters first pick the search documents (narrow, indexed), then the services.
  // With text the matches are already filtered: they are joined in with their scores.
  const restriction = text ? undefined : filterRestriction(filters, 0);
  const candidates: ConditionSpec | undefined = text
    ? { condition: 'true', params: [text.ids, text.scores] }
    : restriction && { condition: `s.id IN (SELECT d.service_id::uuid FROM search_documents d WHERE ${restriction.where})`, params: restriction.params };
  // The filters are applied once: to the text matches before ranking, or to the documents in
  // `candidates` (the same conditions over the documents' copies of the filter columns). Only the
  // public condition is checked on the services themselves.
  const built = build({ now: filters.now }, candidates);
  const from = text ? 'unnest($1::uuid[], $2::float8[]) AS t(id, score) JOIN services s ON s.id = t.id' : 'services s';
  const score = text ? 't.score' : '1';
  const orderBy = {
    relevance: 'relevance DESC, next_event_at NULLS LAST, id',
    distance: 'distance_km NULLS LAST, relevance DESC, id',
    soonest: 'next_event_at NULLS LAST, relevance DESC, id',
  }[order];
  const params = [...built.params];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Without themes or target groups to boost, the topic factor is 1 for every row.
  const topic = [
    ...(boost.themes.length ? [`0.2 * (s.themes && ${add(boost.themes)}::text[])::int`] : []),
    ...(boost.targetGroups.length ? [`0.1 * (s.target_groups && ${add(boost.targetGroups)}::text[])::int`] : []),
  ];
  const limit = add(paging.limit);
  const offset = add(paging.offset);
  // float8, not numeric (extract() returns numeric, and numeric arithmetic is slower). Per row,
  // only date_part of the row's own timestamp: the clock's epoch and the review cut-off are
  // parameters, not expressions evaluated again on every row.
  const nowEpoch = add(filters.now.getTime() / 1000);
  const reviewedSince = add(new Date(filters.now.getTime() - 365 * 86_400_000));
  const daysSince = (column: string) => `greatest(0, (${nowEpoch}::float8 - date_part('epoch', ${column})) / 86400)`;
  const daysUntil = (column: string) => `greatest(0, (date_part('epoch', ${column}) - ${nowEpoch}::float8) / 86400)`;
  // Sorted by relevance, distance and next occurrence (the costly parts) are looked up only
  // for rows whose other factors can still reach the page: with c the k-th best
  // text × topic × quality, a row below c × (lowest distance factor) / (highest time factor)
  // ranks below k others whatever its distance and next date.
  // A browse has no text score: its factors all lie within a few per cent of each other, so
  // the cut would keep nearly every row and only add a sort and a copy of them all.
  const cut =
    order === 'relevance' && text
      ? `(SELECT text_score * topic_factor * quality_factor FROM base ORDER BY 1 DESC OFFSET ${add(paging.offset + paging.limit - 1)} LIMIT 1)`
      : undefined;
  const kept = cut ? 'kept' : 'base';
  const lowestDistance = filters.origin ? distanceFactorMin : 1;
  // Sorted by distance, only rows no farther than the k-th nearest can reach the page: the
  // others are dropped before the next occurrence (which only breaks ties through relevance) is
  // looked up and relevance is computed.
  const nearest =
    order === 'distance'
      ? `(SELECT distance_km FROM matched ORDER BY distance_km NULLS LAST OFFSET ${add(paging.offset + paging.limit - 1)} LIMIT 1)`
      : undefined;
  // Distance and next occurrence. A text search blends at most 1,000 matches: a lookup per row
  // (index probes) is cheap, and its plan does not hang on statistics. A browse may blend a
  // whole tray: then grouped rows are joined in, so that one pass over the locations or the
  // coming events replaces a probe per row (14 → 11.5 ms for a 2,400-row distance-sorted
  // browse). Which way a browse goes is decided on its actual row count (`size`), not by the
  // planner's estimate: with a few dozen matches after the filters, PGlite's planner hashed every
  // coming event for them. Sorted by distance, only the rows up to the k-th nearest need their
  // next occurrence, and those few are looked up one by one.
  const origin = filters.origin;
  const point = origin ? distanceSql(`${add(origin.latitude)}::double precision`, `${add(origin.longitude)}::double precision`) : '';
  const now = add(filters.now);
  const placed = `service_locations sl JOIN locations l ON l.id = sl.location_id`;
  const placeFilter = `l.latitude IS NOT NULL AND l.status = 'active'`;
  const coming = `e.status = 'scheduled' AND e.starts_at >= ${now}::timestamptz`;
  const lookupEvent = (id: string) => `(SELECT min(e.starts_at) FROM events e WHERE e.service_id = ${id} AND ${coming})`;
  const lookupDistance = (id: string) => `(SELECT min(${point}) FROM ${placed} WHERE sl.service_id = ${id} AND ${placeFilter})`;
  const grouped = text ? undefined : `(SELECT n FROM size) > ${add(tuning.groupedFromRows)}::bigint`;
  const nearSql =
    origin && grouped
      ? `near AS MATERIALIZED (
       SELECT sl.service_id AS id, min(${point}) AS distance_km FROM ${placed}
        WHERE ${grouped} AND sl.service_id IN (SELECT id FROM ${kept}) AND ${placeFilter}
        GROUP BY sl.service_id
     ),`
      : '';
  const soonSql =
    grouped && !nearest
      ? `soon AS MATERIALIZED (
       SELECT e.service_id AS id, min(e.starts_at) AS next_event_at FROM events e
        WHERE ${grouped} AND e.service_id IN (SELECT id FROM ${kept}) AND ${coming}
        GROUP BY e.service_id
     ),`
      : '';
  const nextEvent = (alias: string) =>
    soonSql ? `CASE WHEN ${grouped} THEN x.next_event_at ELSE ${lookupEvent(`${alias}.id`)} END` : lookupEvent(`${alias}.id`);
  const distanceColumn = !origin
    ? 'NULL::double precision AS distance_km'
    : nearSql
      ? `CASE WHEN ${grouped} THEN n.distance_km ELSE ${lookupDistance('k.id')} END AS distance_km`
      : `${lookupDistance('k.id')} AS distance_km`;
  const nearJoin = nearSql ? ' LEFT JOIN near n ON n.id = k.id' : '';
  const soonJoin = (alias: string) => (soonSql ? ` LEFT JOIN soon x ON x.id = ${alias}.id` : '');
  return q.query<SearchRow & HitRow>(
    // MATERIALIZED: each row's factors and subqueries run once, not once per use.
    `WITH base AS MATERIALIZED (
       SELECT s.id, ${score}::double precision AS text_score,
         ${topic.length ? `(1 + ${topic.join(' + ')})::double precision` : '1::double precision'} AS topic_factor,
         (1 + 0.05 * (s.last_reviewed_at IS NOT NULL AND s.last_reviewed_at > ${reviewedSince}::timestamptz)::int
            + 0.05 * exp(-least(${daysSince('s.updated_at')} / 365, 50)))::double precision AS quality_factor,
         s.last_reviewed_at, s.updated_at
       FROM ${from}
       WHERE ${built.where}
     ),
     ${grouped ? 'size AS (SELECT count(*) AS n FROM base),' : ''}
     ${
       cut
         ? `cut AS (SELECT ${cut} AS c),
     kept AS MATERIALIZED (
       SELECT s.* FROM base s, cut
       WHERE cut.c IS NULL OR s.text_score * s.topic_factor * s.quality_factor * ${timeFactorMax} >= cut.c * ${lowestDistance}
     ),`
         : ''
     }
     ${nearSql}
     ${soonSql}
     matched AS MATERIALIZED (
       SELECT k.*, ${distanceColumn}${nearest ? '' : `, ${nextEvent('k')} AS next_event_at`}
       FROM ${kept} k${nearJoin}${nearest ? '' : soonJoin('k')}
     ),
     ${nearest ? `nearest AS (SELECT ${nearest} AS d),
     timed AS MATERIALIZED (
       SELECT m.*, ${nextEvent('m')} AS next_event_at
       FROM matched m CROSS JOIN nearest nn
       WHERE nn.d IS NULL OR m.distance_km <= nn.d
     ),` : ''}
     parts AS (
       SELECT *,
         CASE WHEN distance_km IS NULL THEN 1 ELSE ${distanceFactorMin} + ${1 - distanceFactorMin} * exp(-least(distance_km / 20, 50)) END AS distance_factor,
         CASE WHEN next_event_at IS NULL THEN 1
              ELSE 1 + ${timeFactorMax - 1} * exp(-least(${daysUntil('next_event_at')} / 14, 50)) END AS time_factor
       FROM ${nearest ? 'timed' : 'matched'}
     ),
     page AS MATERIALIZED (
       SELECT *, (text_score * topic_factor * distance_factor * time_factor * quality_factor)::double precision AS relevance,
         ${text ? `${add(text.total)}::integer` : '(SELECT n FROM size)::integer'} AS total
       FROM parts
       ORDER BY ${orderBy}
       LIMIT ${limit} OFFSET ${offset}
     )
     -- The page's display fields in the same statement (one location each: the first by name).
     SELECT p.*, ${hitColumns}
     FROM page p
     JOIN services s ON s.id = p.id
     JOIN organisations o ON o.id = s.organisation_id
     LEFT JOIN LATERAL (${firstLocation('p.id')}) loc ON true
     ORDER BY ${orderBy.replace(/\b(relevance|next_event_at|distance_km|id)\b/g, 'p.$1')}`,
    params,
  );
}

export type { RankFacetRow as FacetRow } from './query/search-text.queries.ts';

/**
 * Counts per theme, target group, language and municipality over the activities the filters
 * match (without text), from the search documents alone. A text search counts its matches
 * from the ranking's rows instead (search.service.ts).
 */
export async function searchFacets(q: Queryable, filters: FilterSpec): Promise<FacetRow[]> {
  const built = build(filters, undefined, 0, 'd');
  return q.query<FacetRow>(
    facetCountsSql(`SELECT d.filter_keys FROM search_documents d WHERE ${built.where}`),
    built.params,
  );
}

export interface HitRow {
  id: string;
  name: LocalisedText;
  summary: LocalisedText;
  plain_summary: LocalisedText;
  organisation_id: string;
  organisation_name: LocalisedText;
  themes: string[];
  target_groups: string[];
  age_min: number | null;
  age_max: number | null;
  cost_type: 'free' | 'fee' | 'unknown';
  kaikukortti: boolean;
  languages: string[];
  municipality_codes: string[];
  accepts_referrals: boolean;
  open_places: number | null;
  confidential_address: boolean;
  location_name: LocalisedText | null;
  street_address: LocalisedText | null;
  post_office: LocalisedText | null;
  location_municipality: string | null;
  latitude: number | null;
  longitude: number | null;
}

const hitColumns = `s.name, s.summary, s.plain_summary, s.organisation_id, o.name AS organisation_name, s.themes,
       s.target_groups, s.age_min, s.age_max, s.cost_type, s.kaikukortti, s.languages, s.municipality_codes,
       s.accepts_referrals, s.open_places, s.confidential_address,
       loc.name AS location_name, loc.street_address, loc.post_office, loc.municipality_code AS location_municipality,
       loc.latitude, loc.longitude`;

const firstLocation = (serviceId: string) => `
       SELECT l.name, l.street_address, l.post_office, l.municipality_code, l.latitude, l.longitude
       FROM service_locations sl JOIN locations l ON l.id = sl.location_id
       WHERE sl.service_id = ${serviceId} AND l.status = 'active'
       ORDER BY l.name->>'fi' NULLS LAST, l.id LIMIT 1`;
