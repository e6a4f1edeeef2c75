/**
 * The search API: GET /api/v1/search and the equivalent POST (a body keeps sensitive needs out
 * of URLs and access logs). Anonymous: nothing links a query to a person, and the request log
 * never carries the query string (app.ts).
 */
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import { SearchRequest, SearchResponse, searchErrors } from './search.schemas.ts';
import { searchServices } from './search.service.ts';
import type { SearchQuery } from './search.types.ts';

/** The API's parameters as the service's query. */
export function toSearchQuery(request: SearchRequest): SearchQuery {
  if ((request.lat === undefined) !== (request.lon === undefined)) {
    throw new ValidationError('lat and lon must be given together', { lat: 'search.error.coordinates' });
  }
  if (request.sort === 'distance' && request.postalCode === undefined && request.lat === undefined) {
    throw new ValidationError('sort=distance needs postalCode or lat and lon', { sort: 'search.error.noOrigin' });
  }
  const near =
    request.postalCode !== undefined || request.lat !== undefined
      ? {
          ...(request.postalCode !== undefined ? { postalCode: request.postalCode } : { latitude: request.lat!, longitude: request.lon! }),
          ...(request.radiusKm !== undefined ? { radiusKm: request.radiusKm } : {}),
        }
      : undefined;
  return {
    lang: request.lang ?? 'fi',
    ...(request.q !== undefined ? { text: request.q } : {}),
    ...(request.theme ? { themes: request.theme } : {}),
    ...(request.targetGroup ? { targetGroups: request.targetGroup } : {}),
    ...(request.age !== undefined ? { age: request.age } : {}),
    ...(request.region ? { regionCode: request.region } : {}),
    ...(request.municipality ? { municipalityCode: request.municipality } : {}),
    ...(request.free !== undefined ? { free: request.free } : {}),
    ...(request.kaikukortti !== undefined ? { kaikukortti: request.kaikukortti } : {}),
    ...(request.language ? { language: request.language } : {}),
    ...(request.accessibility ? { accessibility: request.accessibility } : {}),
    ...(request.weekday ? { weekdays: request.weekday } : {}),
    ...(request.timeOfDay ? { timesOfDay: request.timeOfDay } : {}),
    ...(request.upcomingDays !== undefined ? { upcomingDays: request.upcomingDays } : {}),
    ...(near ? { near } : {}),
    ...(request.sort ? { sort: request.sort } : {}),
    page: request.page ?? 1,
    pageSize: request.pageSize ?? 20,
    ...(request.debug ? { debug: true } : {}),
  };
}

export function registerSearchRoutes(app: App, deps: Deps): void {
  const description =
    'Free text in fi/sv/en (language detected; lang is a hint), lay-language concepts, typo correction ("didYouMean"), ' +
    'filters combined with AND (list values with OR), facet counts over the whole result, sorting and paging.';
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the tray',
        description: `${description} Prefer POST for sensitive needs: a query string can end up in logs of proxies.`,
        querystring: SearchRequest,
        response: { 200: SearchResponse, ...searchErrors },
      },
    },
    async (request) => searchServices(deps, toSearchQuery(request.query)),
  );
  app.post(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search the tray (parameters in a JSON body)',
        description,
        body: SearchRequest,
        response: { 200: SearchResponse, ...searchErrors },
      },
    },
    async (request) => searchServices(deps, toSearchQuery(request.body)),
  );
}
