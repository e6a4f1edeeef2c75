/**
 * searchServices: the one entry point of search. Resolves the distance origin, builds the text
 * match, runs the ranked query and the facets, and shapes the hits.
 *
 * The text part comes from the analysed index (search.text.ts): its ranked candidates become
 * a condition and a score that the filters, facets and the blended ranking build on.
 */
import type { Deps } from '../../platform/deps.ts';
import { ValidationError } from '../../platform/errors.ts';
import { findPostalCode } from '../catalog/index.ts';
import { relevanceFactorBounds, searchFacets, searchPage, type FacetRow, type FilterSpec, type TextSpec } from './search.queries.ts';
import type { FacetCounts, SearchHit, SearchQuery, SearchResult } from './search.types.ts';
import { matchText, type TextMatch } from './search.text.ts';

export const maxQueryLength = 500;

/**
 * The text matches the blended ranking needs. Sorted by relevance, only the matches that can
 * still reach the first `needed` places are blended (see relevanceFactorBounds); the other
 * orders need them all.
 */
function textSpec(match: TextMatch, sort: 'relevance' | 'distance' | 'soonest', needed: number, withOrigin: boolean): TextSpec {
  const kth = match.scores[needed - 1];
  if (sort !== 'relevance' || kth === undefined) return { ids: match.ids, scores: match.scores, total: match.ids.length };
  const bounds = relevanceFactorBounds(withOrigin);
  let keep = match.scores.length;
  while (keep > needed && match.scores[keep - 1]! * bounds.max < kth * bounds.min) keep--;
  return { ids: match.ids.slice(0, keep), scores: match.scores.slice(0, keep), total: match.ids.length };
}

function facetCounts(rows: FacetRow[]): FacetCounts {
  const facets: FacetCounts = { themes: {}, targetGroups: {}, languages: {}, municipalities: {}, free: 0, kaikukortti: 0 };
  for (const row of rows) {
    if (row.facet === 'theme') facets.themes[row.value] = row.count;
    else if (row.facet === 'target_group') facets.targetGroups[row.value] = row.count;
    else if (row.facet === 'language') facets.languages[row.value] = row.count;
    else if (row.facet === 'municipality') facets.municipalities[row.value] = row.count;
    else if (row.facet === 'free') facets.free = row.count;
    else if (row.facet === 'kaikukortti') facets.kaikukortti = row.count;
  }
  return facets;
}

/** The distance origin: a postal code's centre (ValidationError when unknown) or given coordinates. */
async function resolveOrigin(deps: Deps, near: SearchQuery['near']): Promise<SearchResult['origin']> {
  if (near?.postalCode) {
    const postal = await findPostalCode(deps.db, near.postalCode);
    if (!postal) throw new ValidationError(`unknown postal code ${near.postalCode}`, { postalCode: 'search.error.unknownPostalCode' });
    return { latitude: postal.latitude, longitude: postal.longitude, coarse: postal.coarse, postalCode: postal.code };
  }
  if (near?.latitude !== undefined && near.longitude !== undefined) return { latitude: near.latitude, longitude: near.longitude, coarse: false };
  return undefined;
}

/** Searches the public tray. Throws ValidationError for input that cannot be searched. */
export async function searchServices(deps: Deps, query: SearchQuery): Promise<SearchResult> {
  const text = (query.text ?? '').trim();
  if (text.length > maxQueryLength) {
    throw new ValidationError(`the search text is longer than ${maxQueryLength} characters`, { text: 'search.error.tooLong' });
  }
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const near = query.near;
  const filters: FilterSpec = {
    ...(query.themes ? { themes: query.themes } : {}),
    ...(query.targetGroups ? { targetGroups: query.targetGroups } : {}),
    ...(query.age !== undefined ? { age: query.age } : {}),
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
    ...(query.municipalityCode ? { municipalityCode: query.municipalityCode } : {}),
    ...(query.free !== undefined ? { free: query.free } : {}),
    ...(query.kaikukortti ? { kaikukortti: true } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.accessibility?.length ? { accessibility: query.accessibility } : {}),
    ...(query.weekdays?.length ? { weekdays: query.weekdays } : {}),
    ...(query.timesOfDay?.length ? { timesOfDay: query.timesOfDay } : {}),
    ...(query.upcomingDays !== undefined ? { upcomingDays: query.upcomingDays } : {}),
    now: deps.clock(),
  };
  // Text without a word (only punctuation, symbols) browses like an empty query.
  const withText = /[\p{L}\p{N}]/u.test(text);
  // The text match needs the origin only for a radius (a filter on what is ranked): without one,
  // the postal code is looked up while the text is matched, one round trip less.
  const originLookup = resolveOrigin(deps, near);
  const early = withText && near?.radiusKm === undefined ? matchText(deps.db, text, query.lang, { ...filters }) : undefined;
  const [origin, earlyMatch] = await Promise.all([originLookup, early]);
  if (origin) filters.origin = { latitude: origin.latitude, longitude: origin.longitude, ...(near?.radiusKm !== undefined ? { radiusKm: near.radiusKm } : {}) };
  const match = earlyMatch ?? (withText ? await matchText(deps.db, text, query.lang, filters) : undefined);
  const sort = query.sort === 'distance' && !origin ? 'relevance' : (query.sort ?? 'relevance');
  const spec = match ? textSpec(match, sort, page * pageSize, origin !== undefined) : undefined;
  const boost = {
    themes: [...new Set([...(query.themes ?? []), ...(match?.conceptThemes ?? [])])],
    targetGroups: [...new Set([...(query.targetGroups ?? []), ...(match?.conceptTargetGroups ?? [])])],
  };
  const [rows, facetRows] = await Promise.all([
    searchPage(deps.db, filters, spec, sort, { limit: pageSize, offset: (page - 1) * pageSize }, boost),
    match ? match.facets : searchFacets(deps.db, filters),
  ]);
  const items: SearchHit[] = rows.map((hit) => ({
    id: hit.id,
    name: hit.name,
    summary: hit.summary,
    plainSummary: hit.plain_summary,
    organisation: { id: hit.organisation_id, name: hit.organisation_name },
    themes: hit.themes,
    targetGroups: hit.target_groups,
    ageMin: hit.age_min,
    ageMax: hit.age_max,
    costType: hit.cost_type,
    kaikukortti: hit.kaikukortti,
    languages: hit.languages,
    municipalityCodes: hit.municipality_codes,
    acceptsReferrals: hit.accepts_referrals,
    openPlaces: hit.open_places,
    ...(hit.location_name && !hit.confidential_address
      ? {
          location: {
            name: hit.location_name,
            streetAddress: hit.street_address ?? {},
            postOffice: hit.post_office ?? {},
            municipalityCode: hit.location_municipality,
            latitude: hit.latitude,
            longitude: hit.longitude,
          },
        }
      : {}),
    ...(hit.distance_km !== null && !hit.confidential_address ? { distanceKm: Math.round(hit.distance_km * 10) / 10 } : {}),
    ...(hit.next_event_at ? { nextEventAt: hit.next_event_at.toISOString() } : {}),
    score: hit.relevance,
    ...(query.debug
      ? {
          scoreParts: {
            text: hit.text_score,
            topic: hit.topic_factor,
            distance: hit.distance_factor,
            time: hit.time_factor,
            quality: hit.quality_factor,
          },
        }
      : {}),
  }));
  return {
    items,
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
    facets: facetCounts(facetRows),
    queryLanguage: match?.language ?? query.lang,
    ...(match?.didYouMean ? { didYouMean: match.didYouMean } : {}),
    ...(origin ? { origin } : {}),
  };
}
