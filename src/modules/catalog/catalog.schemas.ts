/** Route schemas of the catalogue's read API: validation, types and OpenAPI in one place. */
import { Type, type Static } from 'typebox';
import { targetGroupCodes, themeCodes } from './reference/taxonomy.ts';

export const Localised = Type.Object(
  { fi: Type.Optional(Type.String()), sv: Type.Optional(Type.String()), en: Type.Optional(Type.String()) },
  { description: 'Text per language (fi, sv, en); a missing language is absent.' },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  parameter: Type.Optional(Type.String()),
});

export const ThemeCode = Type.Union(themeCodes.map((c) => Type.Literal(c)), { description: 'HYTE theme code' });
export const TargetGroupCode = Type.Union(targetGroupCodes.map((c) => Type.Literal(c)), { description: 'Target group code' });

const code = (pattern: string, description: string) => Type.String({ pattern, description });

export const ServiceListQuery = Type.Object(
  {
    region: Type.Optional(code('^[0-9]{2}$', 'Welfare region code (01–21, 90 Helsinki, 91 Åland).')),
    municipality: Type.Optional(code('^[0-9]{3}$', 'Municipality code, e.g. 837 (Tampere).')),
    theme: Type.Optional(Type.Array(ThemeCode, { maxItems: 20, description: 'HYTE theme codes (any of).' })),
    targetGroup: Type.Optional(Type.Array(TargetGroupCode, { maxItems: 20, description: 'Target group codes (any of).' })),
    free: Type.Optional(Type.Boolean({ description: 'true: only free of charge; false: only with a fee.' })),
    kaikukortti: Type.Optional(Type.Boolean({ description: 'true: only activities that accept Kaikukortti.' })),
    language: Type.Optional(
      Type.String({ pattern: '^[a-z]{2,3}(-[a-z]+)?$', description: 'Language the activity is held in (ISO 639-1).' }),
    ),
    organisation: Type.Optional(Type.String({ format: 'uuid', description: 'Organiser id.' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ServiceListQuery = Static<typeof ServiceListQuery>;

const OrganisationRef = Type.Object({ id: Type.String(), name: Localised });

export const ServiceSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Localised,
  summary: Localised,
  organisation: OrganisationRef,
  themes: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
  costType: Type.Union([Type.Literal('free'), Type.Literal('fee'), Type.Literal('unknown')]),
  kaikukortti: Type.Boolean(),
  languages: Type.Array(Type.String()),
  areaType: Type.String(),
  municipalities: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  acceptsReferrals: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
  links: Type.Object({ self: Type.String(), html: Type.String() }),
});

export const ServiceListResponse = Type.Object({
  items: Type.Array(ServiceSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const AccessibilitySentence = Type.Object({ group: Localised, sentence: Localised });

export const Location = Type.Object({
  id: Type.String(),
  name: Localised,
  streetAddress: Nullable(Localised),
  postalCode: Nullable(Type.String()),
  postOffice: Localised,
  municipality: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  accessibility: Type.Array(AccessibilitySentence),
  accessibilityFeatures: Type.Array(Type.String()),
});

export const Channel = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Localised,
  value: Localised,
  description: Localised,
});

export const Schedule = Type.Object({
  id: Type.String(),
  locationId: Nullable(Type.String()),
  kind: Type.String(),
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 })),
  opens: Nullable(Type.String()),
  closes: Nullable(Type.String()),
  overMidnight: Type.Boolean(),
  intervalWeeks: Type.Integer(),
  validFrom: Nullable(Type.String({ format: 'date' })),
  validTo: Nullable(Type.String({ format: 'date' })),
  excludedDates: Type.Array(Type.String({ format: 'date' })),
  closed: Type.Boolean(),
  note: Localised,
});

export const Event = Type.Object({
  id: Type.String(),
  name: Localised,
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Nullable(Type.String({ format: 'date-time' })),
  status: Type.String(),
  locationId: Nullable(Type.String()),
  infoUrl: Nullable(Type.String()),
});

export const ServiceDetail = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Localised,
  alternativeNames: Localised,
  summary: Localised,
  description: Localised,
  plainSummary: Localised,
  userInstructions: Localised,
  keywords: Type.Record(Type.String(), Type.Array(Type.String())),
  organisation: Type.Object({
    id: Type.String(),
    name: Localised,
    type: Type.String(),
    businessId: Nullable(Type.String()),
  }),
  themes: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
  costType: Type.String(),
  costInfo: Localised,
  kaikukortti: Type.Boolean(),
  languages: Type.Array(Type.String()),
  areaType: Type.String(),
  areaRegions: Type.Array(Type.String()),
  areaMunicipalities: Type.Array(Type.String()),
  municipalities: Type.Array(Type.String()),
  acceptsReferrals: Type.Boolean(),
  openPlaces: Nullable(Type.Integer()),
  confidentialAddress: Type.Boolean(),
  lastReviewedAt: Nullable(Type.String({ format: 'date-time' })),
  mayBeOutOfDate: Type.Boolean(),
  locations: Type.Array(Location),
  channels: Type.Array(Channel),
  schedules: Type.Array(Schedule),
  upcomingEvents: Type.Array(Event),
  classifications: Type.Object({ serviceClasses: Type.Array(Type.String()), ontologyTerms: Type.Array(Type.String()) }),
  provenance: Type.Object({
    source: Type.String(),
    sourceId: Nullable(Type.String()),
    sourceModified: Nullable(Type.String({ format: 'date-time' })),
    lastSeenAt: Type.String({ format: 'date-time' }),
  }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const Organisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String(),
  name: Localised,
  description: Localised,
  businessId: Nullable(Type.String()),
  region: Nullable(Type.String()),
  municipality: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  website: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  publicServiceCount: Type.Integer(),
  links: Type.Object({ services: Type.String() }),
});

const TaxonomyTerm = Type.Object({
  code: Type.String(),
  label: Localised,
  description: Localised,
  ageMin: Nullable(Type.Integer()),
  ageMax: Nullable(Type.Integer()),
});

export const TaxonomiesResponse = Type.Object({
  themes: Type.Array(TaxonomyTerm),
  targetGroups: Type.Array(TaxonomyTerm),
});

export const RegionsResponse = Type.Object({
  regions: Type.Array(
    Type.Object({
      code: Type.String(),
      slug: Type.String(),
      kind: Type.String(),
      name: Localised,
      population: Nullable(Type.Integer()),
    }),
  ),
  municipalities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Localised,
      region: Type.String(),
      population: Nullable(Type.Integer()),
      officialLanguages: Type.Array(Type.String()),
      latitude: Nullable(Type.Number()),
      longitude: Nullable(Type.Number()),
    }),
  ),
});
