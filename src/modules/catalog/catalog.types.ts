/**
 * Catalogue records as the rest of the system writes and reads them. Importers (PTV, CSV,
 * Linked Events), the demo generator and provider self-service all produce these shapes and
 * hand them to the catalogue's write functions.
 */
import type { Language, LocalisedText } from '../../platform/localised.ts';

export const sources = ['ptv', 'linked_events', 'hsds', 'csv', 'manual', 'demo'] as const;
export type Source = (typeof sources)[number];

export const organisationTypes = ['municipality', 'welfare_region', 'ngo', 'parish', 'company', 'state', 'other'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const serviceStatuses = ['draft', 'published', 'paused', 'archived'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

export const costTypes = ['free', 'fee', 'unknown'] as const;
export type CostType = (typeof costTypes)[number];

export const areaTypes = ['nationwide', 'regions', 'municipalities', 'local'] as const;
export type AreaType = (typeof areaTypes)[number];

export const channelKinds = ['web', 'phone', 'email', 'eservice', 'printable_form'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const scheduleKinds = ['weekly', 'exception', 'always_open', 'by_appointment'] as const;
export type ScheduleKind = (typeof scheduleKinds)[number];

export const eventStatuses = ['scheduled', 'cancelled', 'postponed', 'archived'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Where a record came from; every catalogue record has it. */
export interface Provenance {
  source: Source;
  /** The id in the source system (PTV GUID, Linked Events id, CSV row key); null for manual records. */
  sourceId: string | null;
  sourceModified: Date | null;
  /** sha256 of the raw payload; the payload itself goes to `source_payloads`. */
  payloadHash: string | null;
}

export interface OrganisationRecord {
  id: string;
  type: OrganisationType;
  name: LocalisedText;
  description: LocalisedText;
  businessId: string | null;
  regionCode: string | null;
  municipalityCode: string | null;
  parentId: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  status: 'active' | 'archived';
  provenance: Provenance;
}

export type Keywords = Partial<Record<Language, string[]>>;

export interface ServiceRecord {
  id: string;
  organisationId: string;
  name: LocalisedText;
  alternativeNames: LocalisedText;
  summary: LocalisedText;
  description: LocalisedText;
  plainSummary: LocalisedText;
  userInstructions: LocalisedText;
  keywords: Keywords;
  themes: string[];
  targetGroups: string[];
  ageMin: number | null;
  ageMax: number | null;
  costType: CostType;
  costInfo: LocalisedText;
  kaikukortti: boolean;
  /** Languages the activity is held in (ISO 639-1, 'fi-plain' for selkokieli). */
  languages: string[];
  areaType: AreaType;
  areaRegions: string[];
  areaMunicipalities: string[];
  status: ServiceStatus;
  /** false: imported but not a well-being activity (kept for the audit, hidden from residents). */
  inTray: boolean;
  acceptsReferrals: boolean;
  openPlaces: number | null;
  confidentialAddress: boolean;
  lastReviewedAt: Date | null;
  serviceClasses: string[];
  ontologyTerms: string[];
  sourceTargetGroups: string[];
  lifeEvents: string[];
  provenance: Provenance;
}

export interface AccessibilitySentence {
  group: LocalisedText;
  sentence: LocalisedText;
}

export interface LocationRecord {
  id: string;
  organisationId: string | null;
  name: LocalisedText;
  streetAddress: LocalisedText;
  postalCode: string | null;
  postOffice: LocalisedText;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
  coordinateState: string | null;
  accessibility: AccessibilitySentence[];
  /** e.g. 'step_free', 'accessible_toilet', 'hearing_loop', 'accessible_parking' */
  accessibilityFeatures: string[];
  status: 'active' | 'archived';
  provenance: Provenance;
}

export interface ContactChannelRecord {
  id: string;
  organisationId: string | null;
  kind: ChannelKind;
  name: LocalisedText;
  /** URL, phone number or e-mail address, per language where it differs */
  value: LocalisedText;
  description: LocalisedText;
  details: Record<string, unknown>;
  status: 'active' | 'archived';
  provenance: Provenance;
}

export interface ScheduleRecord {
  id: string;
  serviceId: string;
  locationId: string | null;
  kind: ScheduleKind;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday */
  weekdays: number[];
  /** 'HH:MM' local time (Europe/Helsinki) */
  opens: string | null;
  closes: string | null;
  overMidnight: boolean;
  intervalWeeks: number;
  /** 'YYYY-MM-DD' */
  validFrom: string | null;
  validTo: string | null;
  excludedDates: string[];
  closed: boolean;
  note: LocalisedText;
  source: Source;
}

export interface EventRecord {
  id: string;
  serviceId: string | null;
  organisationId: string | null;
  locationId: string | null;
  name: LocalisedText;
  description: LocalisedText;
  startsAt: Date;
  endsAt: Date | null;
  status: EventStatus;
  themes: string[];
  costType: CostType;
  costInfo: LocalisedText;
  infoUrl: string | null;
  provenance: Provenance;
}

/** One activity with everything that belongs to it, as importers and the demo hand it over. */
export interface ServiceBundle {
  service: ServiceRecord;
  locations: LocationRecord[];
  channels: ContactChannelRecord[];
  schedules: ScheduleRecord[];
  events: EventRecord[];
}
