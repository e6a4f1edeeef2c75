/** The catalogue's public read API (JSON, /api/v1). */
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import {
  ErrorResponse,
  IdParams,
  Organisation,
  RegionsResponse,
  ServiceDetail,
  ServiceListQuery,
  ServiceListResponse,
  TaxonomiesResponse,
} from './catalog.schemas.ts';
import { getAreas, getOrganisation, getPublicService, getTaxonomies, listPublicServices } from './catalog.service.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse };

export function registerCatalogApiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/services',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'List activities of the tray',
        description: 'Published well-being activities with filters and paging. Filters combine with AND; list values with OR.',
        querystring: ServiceListQuery,
        response: { 200: ServiceListResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return listPublicServices(
        deps,
        {
          regionCode: q.region,
          municipalityCode: q.municipality,
          themes: q.theme,
          targetGroups: q.targetGroup,
          free: q.free,
          kaikukortti: q.kaikukortti,
          language: q.language,
          organisationId: q.organisation,
        },
        { page: q.page ?? 1, pageSize: q.pageSize ?? 20 },
      );
    },
  );

  app.get(
    '/api/v1/services/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One activity with locations, contact channels, schedule and upcoming events',
        params: IdParams,
        response: { 200: ServiceDetail, ...errors },
      },
    },
    async (request) => getPublicService(deps, request.params.id),
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One organisation (organiser of activities)',
        params: IdParams,
        response: { 200: Organisation, ...errors },
      },
    },
    async (request) => getOrganisation(deps, request.params.id),
  );

  app.get(
    '/api/v1/taxonomies',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'HYTE themes and target groups with fi/sv/en labels',
        response: { 200: TaxonomiesResponse },
      },
    },
    async () => getTaxonomies(deps),
  );

  app.get(
    '/api/v1/areas',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Welfare regions and municipalities',
        response: { 200: RegionsResponse },
      },
    },
    async () => getAreas(deps),
  );
}
