/** Schemas of the search API (GET query string and the equivalent POST body): validation and OpenAPI. */
import { Type, type Static } from 'typebox';
import { ErrorResponse, Localised, TargetGroupCode, ThemeCode } from '../catalog/catalog.schemas.ts';
import { maxQueryLength } from './search.service.ts';
import { searchSorts, timesOfDay } from './search.types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), { description });

export const SearchRequest = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: maxQueryLength, description: `Free text in Finnish, Swedish or English (at most ${maxQueryLength} characters). Empty: browse with the filters.` })),
    lang: Type.Optional(Type.Union([Type.Literal('fi'), Type.Literal('sv'), Type.Literal('en')], { description: 'UI language: a hint for detecting the query language (default fi).' })),
    theme: Type.Optional(Type.Array(ThemeCode, { maxItems: 20, description: 'HYTE theme codes (any of).' })),
    targetGroup: Type.Optional(Type.Array(TargetGroupCode, { maxItems: 20, description: 'Target group codes (any of).' })),
    age: Type.Optional(Type.Integer({ minimum: 0, maximum: 120, description: "The person's age: activities whose age range includes it." })),
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Welfare region code.' })),
    municipality: Type.Optional(Type.String({ pattern: '^[0-9]{3}$', description: 'Municipality code.' })),
    free: Type.Optional(Type.Boolean({ description: 'true: free of charge only; false: with a fee only.' })),
    kaikukortti: Type.Optional(Type.Boolean({ description: 'true: activities that accept Kaikukortti.' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[a-z]+)?$', description: 'Language the activity is held in.' })),
    accessibility: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]{1,40}$' }), { maxItems: 10, description: 'Accessibility features every location must have (e.g. step_free).' })),
    weekday: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7, description: 'ISO weekdays (1 = Monday).' })),
    timeOfDay: Type.Optional(Type.Array(literals(timesOfDay, 'morning, afternoon or evening'), { maxItems: 3 })),
    upcomingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'Only activities with an event within this many days.' })),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: 'Distance origin: a Finnish postal code.' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Distance origin latitude (WGS84); with lon.' })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180, description: 'Distance origin longitude (WGS84); with lat.' })),
    radiusKm: Type.Optional(Type.Number({ minimum: 0.1, maximum: 2000, description: 'Only activities within this distance of the origin.' })),
    sort: Type.Optional(literals(searchSorts, 'relevance (default), distance (needs an origin) or soonest.')),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    debug: Type.Optional(Type.Boolean({ description: 'Return the parts of each score.' })),
  },
  { additionalProperties: false },
);
export type SearchRequest = Static<typeof SearchRequest>;

const Hit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Localised,
  summary: Localised,
  plainSummary: Localised,
  organisation: Type.Object({ id: Type.String(), name: Localised }),
  themes: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
  costType: Type.Union([Type.Literal('free'), Type.Literal('fee'), Type.Literal('unknown')]),
  kaikukortti: Type.Boolean(),
  languages: Type.Array(Type.String()),
  municipalityCodes: Type.Array(Type.String()),
  acceptsReferrals: Type.Boolean(),
  openPlaces: Nullable(Type.Integer()),
  location: Type.Optional(
    Type.Object({
      name: Localised,
      streetAddress: Localised,
      postOffice: Localised,
      municipalityCode: Nullable(Type.String()),
      latitude: Nullable(Type.Number()),
      longitude: Nullable(Type.Number()),
    }),
  ),
  distanceKm: Type.Optional(Type.Number()),
  nextEventAt: Type.Optional(Type.String({ format: 'date-time' })),
  score: Type.Number(),
  scoreParts: Type.Optional(Type.Record(Type.String(), Type.Number(), { description: 'text × topic × distance × time × quality (debug)' })),
});

const Counts = Type.Record(Type.String(), Type.Integer());

export const SearchResponse = Type.Object({
  items: Type.Array(Hit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Object({
    themes: Counts,
    targetGroups: Counts,
    languages: Counts,
    municipalities: Counts,
    free: Type.Integer(),
    kaikukortti: Type.Integer(),
  }),
  didYouMean: Type.Optional(Type.String()),
  queryLanguage: Type.String(),
  origin: Type.Optional(
    Type.Object({ latitude: Type.Number(), longitude: Type.Number(), coarse: Type.Boolean(), postalCode: Type.Optional(Type.String()) }),
  ),
});

export const searchErrors = { 400: ErrorResponse };
