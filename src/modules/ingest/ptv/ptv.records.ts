/**
 * PTV records as the mappers consume them: a version-independent, already validated shape
 * modelled on the Open API v11. The active adapter (`ptv.v11.ts`) reads raw JSON into these
 * types, normalising the known differences of older versions (v7 names, v8/v9 field sets), so
 * that a v12 adapter can replace it without touching the mappers.
 *
 * Texts are already reduced to `LocalisedText` (fi/sv/en). Coordinates stay as PTV sends them
 * (EPSG:3067 strings); `coordinates.ts` converts them.
 */
import type { Keywords } from '../../catalog/catalog.types.ts';
import type { Language, LocalisedText } from '../../../platform/localised.ts';
import type {
  PtvServiceType,
  PtvPublishingStatus,
  PtvChargeType,
  PtvAreaType,
  PtvAreaKind,
  PtvRoleType,
  PtvServiceHourType,
  PtvOrganizationType,
  PtvWeekday,
  PtvPhoneKind,
} from './ptv.enums.ts';
import { ptvV11Adapter } from './ptv.v11.ts';

export {
  ptvServiceTypes,
  ptvPublishingStatuses,
  ptvChargeTypes,
  ptvAreaTypes,
  ptvAreaKinds,
  ptvRoleTypes,
  ptvChannelTypes,
  ptvServiceHourTypes,
  ptvOrganizationTypes,
  ptvWeekdays,
  ptvPhoneKinds,
} from './ptv.enums.ts';
export type {
  PtvServiceType,
  PtvPublishingStatus,
  PtvChargeType,
  PtvAreaType,
  PtvAreaKind,
  PtvRoleType,
  PtvChannelType,
  PtvServiceHourType,
  PtvOrganizationType,
  PtvWeekday,
  PtvPhoneKind,
} from './ptv.enums.ts';

/** A service class, ontology term, target group or life event. */
export interface PtvFintoItem {
  /** e.g. 'P27.1', 'KR1.2', 'KE8'; null for ontology terms */
  code: string | null;
  /** e.g. 'http://www.yso.fi/onto/koko/p30612' */
  uri: string | null;
  label: LocalisedText;
}

export interface PtvArea {
  kind: PtvAreaKind;
  code: string | null;
  name: LocalisedText;
  /** Municipality codes PTV embeds in the area (also for Region areas). */
  municipalityCodes: string[];
}

export interface PtvOpeningHour {
  dayFrom: PtvWeekday | null;
  dayTo: PtvWeekday | null;
  /** 'HH:MM' */
  from: string | null;
  to: string | null;
}

export interface PtvServiceHour {
  type: PtvServiceHourType;
  /** 'YYYY-MM-DD', Europe/Helsinki */
  validFrom: string | null;
  validTo: string | null;
  isClosed: boolean;
  /** v11 flag; inferred for older versions (see ptv.v11.channels.ts) */
  isAlwaysOpen: boolean;
  isReservation: boolean;
  additionalInformation: LocalisedText;
  openingHours: PtvOpeningHour[];
}

export interface PtvPhone {
  kind: PtvPhoneKind;
  number: string;
  prefixNumber: string | null;
  isFinnishServiceNumber: boolean;
  chargeType: PtvChargeType | null;
  chargeDescription: string | null;
  additionalInformation: string | null;
  language: Language;
}

export interface PtvEmail {
  value: string;
  description: string | null;
  language: Language;
}

export interface PtvWebPage {
  url: string;
  title: string | null;
  language: Language;
  /** PrintableForm channel URLs: 'PDF', 'DOC', ... */
  fileType: string | null;
}

export interface PtvStreetAddress {
  street: LocalisedText;
  streetNumber: string | null;
  postalCode: string | null;
  postOffice: LocalisedText;
  municipalityCode: string | null;
  additionalInformation: LocalisedText;
  /** EPSG:3067 northing as PTV sends it (a string, "0" when missing) */
  latitude: string | null;
  /** EPSG:3067 easting */
  longitude: string | null;
  coordinateState: string | null;
}

export interface PtvAccessibilitySentence {
  group: LocalisedText;
  sentence: LocalisedText;
}

export interface PtvEntrance {
  name: LocalisedText;
  isMainEntrance: boolean;
  latitude: string | null;
  longitude: string | null;
  accessibilitySentences: PtvAccessibilitySentence[];
}

export interface PtvAddress {
  /** 'Location' = visiting address (v7/organisations: 'Visiting'), 'Postal', 'Delivery' */
  type: 'Location' | 'Postal' | 'Delivery';
  /** 'Single', 'Street', 'PostOfficeBox', 'Abroad', 'Other', 'NoAddress' */
  subType: string | null;
  street: PtvStreetAddress | null;
  /** a point without a street address (v8 multipointLocation, v9+ otherAddress) */
  other: Pick<PtvStreetAddress, 'latitude' | 'longitude' | 'postalCode' | 'postOffice' | 'additionalInformation'> | null;
  postOfficeBox: LocalisedText;
  entrances: PtvEntrance[];
  country: string | null;
}

export interface PtvContactDetails {
  phones: PtvPhone[];
  emails: PtvEmail[];
  webPages: PtvWebPage[];
  addresses: PtvAddress[];
}

/** A service's link to a channel, with data specific to that pair. */
export interface PtvServiceChannelLink {
  channelId: string;
  chargeType: PtvChargeType | null;
  description: LocalisedText;
  serviceHours: PtvServiceHour[];
  contactDetails: PtvContactDetails;
}

export interface PtvServiceOrganization {
  organizationId: string;
  roleType: PtvRoleType;
  provisionType: string | null;
}

export interface PtvService {
  id: string;
  type: PtvServiceType | null;
  names: LocalisedText;
  alternativeNames: LocalisedText;
  summary: LocalisedText;
  description: LocalisedText;
  userInstruction: LocalisedText;
  chargeTypeAdditionalInfo: LocalisedText;
  /** ValidityTime, ProcessingTime, DeadLine, ServiceType: kept for the audit, not mapped */
  otherDescriptions: Record<string, LocalisedText>;
  requirements: LocalisedText;
  chargeType: PtvChargeType | null;
  fundingType: string | null;
  areaType: PtvAreaType | null;
  areas: PtvArea[];
  /** ISO 639 codes, lower case */
  languages: string[];
  keywords: Keywords;
  serviceClasses: PtvFintoItem[];
  ontologyTerms: PtvFintoItem[];
  targetGroups: PtvFintoItem[];
  lifeEvents: PtvFintoItem[];
  organizations: PtvServiceOrganization[];
  serviceChannels: PtvServiceChannelLink[];
  generalDescriptionId: string | null;
  publishingStatus: PtvPublishingStatus | null;
  modified: Date | null;
}

export interface PtvAccessibilityClassification {
  level: string | null;
  wcagLevel: string | null;
  statementUrl: string | null;
}

interface PtvChannelBase {
  id: string;
  organizationId: string | null;
  names: LocalisedText;
  summary: LocalisedText;
  description: LocalisedText;
  languages: string[];
  areaType: PtvAreaType | null;
  areas: PtvArea[];
  serviceHours: PtvServiceHour[];
  /** GUIDs of the services linked to the channel */
  serviceIds: string[];
  /** ServiceLocation/Phone: its phone numbers; other types: support phones */
  phones: PtvPhone[];
  /** ServiceLocation: its e-mail addresses; other types: support e-mails */
  emails: PtvEmail[];
  /** WebPage/EChannel: the page or e-service itself; ServiceLocation: related web pages */
  webPages: PtvWebPage[];
  publishingStatus: PtvPublishingStatus | null;
  modified: Date | null;
}

export interface PtvServiceLocationChannel extends PtvChannelBase {
  type: 'ServiceLocation';
  addresses: PtvAddress[];
}

export interface PtvEChannel extends PtvChannelBase {
  type: 'EChannel';
  requiresAuthentication: boolean | null;
  requiresSignature: boolean | null;
  accessibility: PtvAccessibilityClassification | null;
}

export interface PtvWebPageChannel extends PtvChannelBase {
  type: 'WebPage';
  accessibility: PtvAccessibilityClassification | null;
}

export interface PtvPhoneChannel extends PtvChannelBase {
  type: 'Phone';
}

export interface PtvPrintableFormChannel extends PtvChannelBase {
  type: 'PrintableForm';
  /** the form files (channelUrls) */
  formUrls: PtvWebPage[];
  formIdentifier: LocalisedText;
}

export type PtvServiceChannel =
  | PtvServiceLocationChannel
  | PtvEChannel
  | PtvWebPageChannel
  | PtvPhoneChannel
  | PtvPrintableFormChannel;

export interface PtvOrganization {
  id: string;
  type: PtvOrganizationType | null;
  names: LocalisedText;
  alternativeNames: LocalisedText;
  /** per language: show the Name or the AlternativeName */
  displayNameTypes: Partial<Record<Language, 'Name' | 'AlternativeName'>>;
  description: LocalisedText;
  summary: LocalisedText;
  /** Y-tunnus as PTV has it, not yet validated */
  businessCode: string | null;
  municipalityCode: string | null;
  parentOrganizationId: string | null;
  phones: PtvPhone[];
  emails: PtvEmail[];
  webPages: PtvWebPage[];
  addresses: PtvAddress[];
  publishingStatus: PtvPublishingStatus | null;
  modified: Date | null;
}

/** `/Service?date=…` style index pages list `{id, name}` items. */
export interface PtvListItem {
  id: string;
  name: string | null;
}

export interface PtvPage<T> {
  pageNumber: number;
  pageSize: number;
  pageCount: number;
  items: T[];
  rejected: { index: number; id: string | null; reasons: string[] }[];
}

/** A reader never throws: malformed records come back with reasons for the run record. */
export type ReadResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; id: string | null; reasons: string[]; warnings: string[] };

/** Everything that depends on the API version. A v12 adapter implements the same interface. */
export interface PtvAdapter {
  readonly version: string;
  readService(raw: unknown): ReadResult<PtvService>;
  readServiceChannel(raw: unknown): ReadResult<PtvServiceChannel>;
  readOrganization(raw: unknown): ReadResult<PtvOrganization>;
  readPage<T>(raw: unknown, readItem: (item: unknown) => ReadResult<T>): ReadResult<PtvPage<T>>;
  readListItem(raw: unknown): ReadResult<PtvListItem>;
}

/** The adapter the importer uses: v11, reading v8/v9 records tolerantly. */
export const activePtvAdapter: PtvAdapter = ptvV11Adapter;

export function readService(raw: unknown): ReadResult<PtvService> {
  return activePtvAdapter.readService(raw);
}

export function readServiceChannel(raw: unknown): ReadResult<PtvServiceChannel> {
  return activePtvAdapter.readServiceChannel(raw);
}

export function readOrganization(raw: unknown): ReadResult<PtvOrganization> {
  return activePtvAdapter.readOrganization(raw);
}

export function readPage<T>(raw: unknown, readItem: (item: unknown) => ReadResult<T>): ReadResult<PtvPage<T>> {
  return activePtvAdapter.readPage(raw, readItem);
}

export function readListItem(raw: unknown): ReadResult<PtvListItem> {
  return activePtvAdapter.readListItem(raw);
}
