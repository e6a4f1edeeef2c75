/** Factories: each test creates its own organisations and activities; nothing relies on a seed. */
import { reindexServices } from '../../src/modules/search/index.ts';
import type { Queryable } from '../../src/db/index.ts';
import { newId } from '../../src/platform/ids.ts';
import {
  saveServiceBundles,
  upsertOrganisations,
  type ContactChannelRecord,
  type EventRecord,
  type LocationRecord,
  type OrganisationRecord,
  type ScheduleRecord,
  type ServiceRecord,
} from '../../src/modules/catalog/index.ts';

const manual = { source: 'manual' as const, sourceId: null, sourceModified: null, payloadHash: null };

export function organisationRecord(overrides: Partial<OrganisationRecord> = {}): OrganisationRecord {
  return {
    id: newId(),
    type: 'ngo',
    name: { fi: `Testiyhdistys ${Math.random().toString(36).slice(2, 8)} ry` },
    description: {},
    businessId: null,
    regionCode: '08',
    municipalityCode: '837',
    parentId: null,
    website: null,
    email: null,
    phone: null,
    status: 'active',
    provenance: manual,
    ...overrides,
  };
}

export function serviceRecord(organisationId: string, overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id: newId(),
    organisationId,
    name: { fi: 'Testitoiminta' },
    alternativeNames: {},
    summary: { fi: 'Lyhyt kuvaus.' },
    description: { fi: 'Pitkä kuvaus.' },
    plainSummary: {},
    userInstructions: {},
    keywords: {},
    themes: ['exercise'],
    targetGroups: ['older_people'],
    ageMin: null,
    ageMax: null,
    costType: 'free',
    costInfo: {},
    kaikukortti: false,
    languages: ['fi'],
    areaType: 'local',
    areaRegions: [],
    areaMunicipalities: ['837'],
    status: 'published',
    inTray: true,
    acceptsReferrals: false,
    openPlaces: null,
    confidentialAddress: false,
    lastReviewedAt: null,
    serviceClasses: [],
    ontologyTerms: [],
    sourceTargetGroups: [],
    lifeEvents: [],
    provenance: manual,
    ...overrides,
  };
}

export function locationRecord(overrides: Partial<LocationRecord> = {}): LocationRecord {
  return {
    id: newId(),
    organisationId: null,
    name: { fi: 'Testitalo' },
    streetAddress: { fi: 'Testikatu 1' },
    postalCode: '33100',
    postOffice: { fi: 'Tampere' },
    municipalityCode: '837',
    latitude: 61.4978,
    longitude: 23.761,
    coordinateState: 'Ok',
    accessibility: [],
    accessibilityFeatures: [],
    status: 'active',
    provenance: manual,
    ...overrides,
  };
}

export interface CreatedService {
  organisation: OrganisationRecord;
  service: ServiceRecord;
  locations: LocationRecord[];
}

/** Creates an organisation (unless given) and one activity with optional parts. */
export async function createService(
  q: Queryable,
  options: {
    organisation?: OrganisationRecord;
    service?: Partial<ServiceRecord>;
    locations?: Partial<LocationRecord>[];
    channels?: Partial<ContactChannelRecord>[];
    schedules?: Partial<ScheduleRecord>[];
    events?: Partial<EventRecord>[];
  } = {},
): Promise<CreatedService> {
  const organisation = options.organisation ?? organisationRecord();
  if (!options.organisation) await upsertOrganisations(q, [organisation]);
  const service = serviceRecord(organisation.id, options.service);
  const locations = (options.locations ?? []).map((l) => locationRecord({ organisationId: organisation.id, ...l }));
  const channels: ContactChannelRecord[] = (options.channels ?? []).map((c) => ({
    id: newId(),
    organisationId: organisation.id,
    kind: 'phone',
    name: {},
    value: { fi: '040 123 4567' },
    description: {},
    details: {},
    status: 'active',
    provenance: manual,
    ...c,
  }));
  const schedules: ScheduleRecord[] = (options.schedules ?? []).map((s) => ({
    id: newId(),
    serviceId: service.id,
    locationId: locations[0]?.id ?? null,
    kind: 'weekly',
    weekdays: [1],
    opens: '10:00',
    closes: '11:00',
    overMidnight: false,
    intervalWeeks: 1,
    validFrom: null,
    validTo: null,
    excludedDates: [],
    closed: false,
    note: {},
    source: 'manual',
    ...s,
  }));
  const events: EventRecord[] = (options.events ?? []).map((e) => ({
    id: newId(),
    serviceId: service.id,
    organisationId: organisation.id,
    locationId: locations[0]?.id ?? null,
    name: service.name,
    description: {},
    startsAt: new Date('2026-12-01T10:00:00Z'),
    endsAt: null,
    status: 'scheduled',
    themes: service.themes,
    costType: service.costType,
    costInfo: {},
    infoUrl: null,
    provenance: manual,
    ...e,
  }));
  await reindexServices(q, await saveServiceBundles(q, [{ service, locations, channels, schedules, events }]));
  return { organisation, service, locations };
}
