/**
 * Turns a validated editor input into the catalogue's write model. An existing activity keeps
 * its id, provenance and everything the editor does not show (classifications, other channels
 * and locations); its relations are replaced only when the change touched them. Pure.
 */
import { helsinkiInstant } from '../../platform/format.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { ContactChannelRecord, EventRecord, LocationRecord, ScheduleRecord, ServiceBundle, ServiceRecord } from '../catalog/index.ts';
import type { ActivityInput } from './activity-form.ts';

const manual = { source: 'manual' as const, sourceId: null, sourceModified: null, payloadHash: null };

export interface PlaceOfPostalCode {
  municipalityCode: string;
  latitude: number;
  longitude: number;
  coarse: boolean;
}

export interface BuildContext {
  serviceId: string;
  organisationId: string;
  /** null for a new activity */
  existing: ServiceBundle | null;
  /** catalogue columns the change touched (see editedColumns); relations not listed are kept */
  touched: ReadonlySet<string>;
  place: PlaceOfPostalCode | null;
  newId: () => string;
  status: ServiceRecord['status'];
  reviewedAt: Date;
  /** provenance of a new activity (the editor, or a spreadsheet row) */
  provenance?: { source: 'manual' | 'csv'; sourceId: string | null };
}

const keywordsOf = (text: LocalisedText) =>
  Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, value!.split(/\s*,\s*/).filter(Boolean)]));

function serviceOf(input: ActivityInput, c: BuildContext): ServiceRecord {
  const base: ServiceRecord = c.existing?.service ?? {
    id: c.serviceId,
    organisationId: c.organisationId,
    name: {},
    alternativeNames: {},
    summary: {},
    description: {},
    plainSummary: {},
    userInstructions: {},
    keywords: {},
    themes: [],
    targetGroups: [],
    ageMin: null,
    ageMax: null,
    costType: 'unknown',
    costInfo: {},
    kaikukortti: false,
    languages: [],
    areaType: 'local',
    areaRegions: [],
    areaMunicipalities: [],
    status: c.status,
    inTray: true,
    acceptsReferrals: false,
    openPlaces: null,
    confidentialAddress: false,
    lastReviewedAt: null,
    serviceClasses: [],
    ontologyTerms: [],
    sourceTargetGroups: [],
    lifeEvents: [],
    provenance: { ...manual, ...c.provenance },
  };
  // An existing record changes only in the columns the change touched: a value an import
  // updated meanwhile in another field is not reverted by an older form.
  const take = (column: string) => !c.existing || c.touched.has(column);
  const pick = <K extends keyof ServiceRecord>(column: string, key: K, value: ServiceRecord[K]): Partial<ServiceRecord> => (take(column) ? { [key]: value } : {});
  const areaMunicipalities = take('area_municipalities') ? input.areaMunicipalities : base.areaMunicipalities;
  return {
    ...base,
    ...pick('name', 'name', input.texts.name),
    ...pick('summary', 'summary', input.texts.summary),
    ...pick('description', 'description', input.texts.description),
    ...pick('plain_summary', 'plainSummary', input.texts.plain_summary),
    ...pick('user_instructions', 'userInstructions', input.texts.user_instructions),
    ...pick('cost_info', 'costInfo', input.texts.cost_info),
    ...pick('keywords', 'keywords', keywordsOf(input.texts.keywords)),
    ...pick('themes', 'themes', input.themes),
    ...pick('target_groups', 'targetGroups', input.targetGroups),
    ...pick('languages', 'languages', input.languages),
    ...pick('age_min', 'ageMin', input.ageMin),
    ...pick('age_max', 'ageMax', input.ageMax),
    ...pick('cost_type', 'costType', input.costType),
    ...pick('kaikukortti', 'kaikukortti', input.kaikukortti),
    ...pick('accepts_referrals', 'acceptsReferrals', input.acceptsReferrals),
    ...pick('open_places', 'openPlaces', input.openPlaces),
    ...pick('confidential_address', 'confidentialAddress', input.confidentialAddress),
    areaMunicipalities,
    areaType: areaMunicipalities.length > 0 && base.areaType === 'local' ? 'municipalities' : base.areaType,
    status: c.existing ? base.status : c.status,
    lastReviewedAt: c.reviewedAt,
  };
}

function locationsOf(input: ActivityInput, c: BuildContext): LocationRecord[] {
  const existing = c.existing?.locations ?? [];
  if (c.existing && !c.touched.has('locations')) return existing;
  if (!input.location) return existing.slice(1);
  const first = existing[0];
  const name = input.location.name ? { fi: input.location.name } : {};
  const location: LocationRecord = {
    id: first?.id ?? c.newId(),
    organisationId: first?.organisationId ?? c.organisationId,
    name: first ? { ...first.name, ...name } : name,
    streetAddress: input.location.streetAddress ? { ...(first?.streetAddress ?? {}), fi: input.location.streetAddress } : {},
    postalCode: input.location.postalCode,
    postOffice: first?.postalCode === input.location.postalCode ? first.postOffice : {},
    municipalityCode: c.place?.municipalityCode ?? first?.municipalityCode ?? null,
    latitude: c.place?.latitude ?? null,
    longitude: c.place?.longitude ?? null,
    coordinateState: c.place ? (c.place.coarse ? 'PostalCodeMunicipality' : 'PostalCode') : null,
    accessibility: first?.accessibility ?? [],
    accessibilityFeatures: input.accessibilityFeatures,
    status: 'active',
    provenance: first?.provenance ?? manual,
  };
  return [location, ...existing.slice(1)];
}

function channelsOf(input: ActivityInput, c: BuildContext): ContactChannelRecord[] {
  const existing = c.existing?.channels ?? [];
  if (c.existing && !c.touched.has('channels')) return existing;
  const wanted: [ContactChannelRecord['kind'], string][] = [
    ['phone', input.contact.phone],
    ['email', input.contact.email],
    ['web', input.contact.website],
  ];
  const result: ContactChannelRecord[] = [];
  const replaced = new Set<string>();
  for (const [kind, value] of wanted) {
    const first = existing.find((ch) => ch.kind === kind);
    if (first) replaced.add(first.id);
    if (!value) continue;
    result.push({
      id: first?.id ?? c.newId(),
      organisationId: first?.organisationId ?? c.organisationId,
      kind,
      name: first?.name ?? {},
      value: { fi: value },
      description: first?.description ?? {},
      details: first?.details ?? {},
      status: 'active',
      provenance: first?.provenance ?? manual,
    });
  }
  return [...result, ...existing.filter((ch) => !replaced.has(ch.id))];
}

function schedulesOf(input: ActivityInput, c: BuildContext, locationId: string | null): ScheduleRecord[] {
  if (c.existing && !c.touched.has('schedules')) return c.existing.schedules;
  const schedule = (fields: Partial<ScheduleRecord>): ScheduleRecord => ({
    id: c.newId(),
    serviceId: c.serviceId,
    locationId,
    kind: 'weekly',
    weekdays: [],
    opens: null,
    closes: null,
    overMidnight: false,
    intervalWeeks: 1,
    validFrom: null,
    validTo: null,
    excludedDates: [],
    closed: false,
    note: {},
    source: 'manual',
    ...fields,
  });
  return [
    ...input.weekly.map((w) =>
      schedule({ weekdays: w.weekdays, opens: w.opens, closes: w.closes, validFrom: input.validFrom, validTo: input.validTo, excludedDates: input.excludedDates }),
    ),
    ...input.exceptions.map((e) => schedule({ kind: 'exception', validFrom: e.from, validTo: e.to, closed: true, note: e.note ? { fi: e.note } : {} })),
  ];
}

function eventsOf(input: ActivityInput, c: BuildContext, service: ServiceRecord, locationId: string | null): EventRecord[] {
  if (c.existing && !c.touched.has('events')) return c.existing.events;
  const previous = c.existing?.events ?? [];
  return input.events.map((e, index) => ({
    id: previous[index]?.id ?? c.newId(),
    serviceId: c.serviceId,
    organisationId: service.organisationId,
    locationId,
    name: service.name,
    description: {},
    startsAt: helsinkiInstant(e.date, e.starts),
    endsAt: e.ends ? helsinkiInstant(e.date, e.ends) : null,
    status: 'scheduled',
    themes: service.themes,
    costType: service.costType,
    costInfo: service.costInfo,
    infoUrl: null,
    provenance: previous[index]?.provenance ?? manual,
  }));
}

/** The bundle to save through `saveServiceBundles`. */
export function buildActivityBundle(input: ActivityInput, context: BuildContext): ServiceBundle {
  const service = serviceOf(input, context);
  const locations = locationsOf(input, context);
  const locationId = locations[0]?.id ?? null;
  return {
    service,
    locations,
    channels: channelsOf(input, context),
    schedules: schedulesOf(input, context, locationId),
    events: eventsOf(input, context, service, locationId),
  };
}
