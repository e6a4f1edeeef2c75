/**
 * PTV service channels → locations, schedule drafts and contact channels (pure functions).
 *
 * - ServiceLocation → one LocationRecord per visiting address (the first keeps the id of the
 *   channel; ten v8 channels list two or three separate addresses), schedule drafts from the
 *   channel's hours (on the first location), and the phones, e-mails and web pages it carries.
 * - Phone / WebPage / EChannel / PrintableForm → one ContactChannelRecord per phone number,
 *   e-mail address or URL. A number or address listed once per language is one record whose
 *   value is localised; web pages are paired by their position in each language (the fi page
 *   and the sv page of a WebPage channel are one record). Fax numbers are skipped.
 * - A point outside Finland is not stored: the location keeps its address and coordinateState,
 *   and the reason goes to `rejectedCoordinates` for the run record.
 */
import type { ChannelKind, ContactChannelRecord, LocationRecord, Provenance } from '../../catalog/catalog.types.ts';
import { payloadHash, stableId } from '../../../platform/ids.ts';
import { languages, type Language, type LocalisedText } from '../../../platform/localised.ts';
import { toWgs84 } from './coordinates.ts';
import { accessibilityFeatures } from './mappings/accessibility.ts';
import { mapServiceHours, type ScheduleDraft } from './ptv.hours.mapper.ts';
import type {
  PtvAddress,
  PtvContactDetails,
  PtvEmail,
  PtvPhone,
  PtvPublishingStatus,
  PtvServiceChannel,
  PtvServiceLocationChannel,
  PtvWebPage,
} from './ptv.records.ts';

export const organisationIdFor = (ptvId: string): string => stableId('ptv:organisation', ptvId);
/** Source id of a channel's visiting address: the GUID for the first, '<GUID>#2', '#3'… for the others. */
export const locationSourceIdFor = (channelId: string, index = 0): string => (index === 0 ? channelId : `${channelId}#${index + 1}`);
export const locationIdFor = (channelId: string, index = 0): string => stableId('ptv:location', locationSourceIdFor(channelId, index));

export function recordStatus(status: PtvPublishingStatus | null): 'active' | 'archived' {
  return status === 'Deleted' || status === 'Archived' || status === 'Withdrawn' ? 'archived' : 'active';
}

export function ptvProvenance(sourceId: string, modified: Date | null, raw: unknown): Provenance {
  return { source: 'ptv', sourceId, sourceModified: modified, payloadHash: payloadHash(raw) };
}

/** Where contact records come from; `key` keeps their ids stable (a channel GUID, or "<service>|link|<channel>"). */
export interface ContactSource {
  key: string;
  organisationId: string | null;
  name: LocalisedText;
  description: LocalisedText;
  status: 'active' | 'archived';
  provenance: Provenance;
  /** e.g. 'support' for an e-service's support phone; stored in details */
  role: string | null;
}

/** "+358" + "63251111"; service numbers (0295…, 116117) stay as written. */
export function phoneNumber(phone: PtvPhone): string {
  if (phone.number.startsWith('+') || phone.isFinnishServiceNumber || !phone.prefixNumber) return phone.number;
  const prefix = phone.prefixNumber.replace(/\s/g, '');
  return `${prefix.startsWith('+') ? prefix : `+${prefix}`}${phone.number.replace(/^0/, '')}`;
}

function byLanguage<T>(items: readonly T[], languageOf: (item: T) => Language, textOf: (item: T) => string | null): LocalisedText {
  const text: LocalisedText = {};
  for (const item of items) {
    const value = textOf(item);
    if (value) text[languageOf(item)] ??= value;
  }
  return text;
}

function contactRecord(
  source: ContactSource,
  kind: ChannelKind,
  identity: string,
  value: LocalisedText,
  name: LocalisedText,
  description: LocalisedText,
  details: Record<string, unknown>,
): ContactChannelRecord {
  return {
    id: stableId('ptv:contact', `${source.key}|${kind}|${identity}`),
    organisationId: source.organisationId,
    kind,
    name: Object.keys(name).length > 0 ? name : source.name,
    value,
    description: Object.keys(description).length > 0 ? description : source.description,
    details: source.role ? { role: source.role, ...details } : details,
    status: source.status,
    provenance: source.provenance,
  };
}

export function phoneRecords(source: ContactSource, phones: readonly PtvPhone[], warnings: string[]): ContactChannelRecord[] {
  const groups = new Map<string, PtvPhone[]>();
  for (const phone of phones) {
    if (phone.kind === 'Fax') {
      warnings.push(`fax number ${phoneNumber(phone)} skipped: not a resident contact channel`);
      continue;
    }
    const key = `${phone.kind}|${phoneNumber(phone)}`;
    groups.set(key, [...(groups.get(key) ?? []), phone]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const first = group[0]!;
    return contactRecord(
      source,
      'phone',
      key,
      byLanguage(group, (phone) => phone.language, phoneNumber),
      byLanguage(group, (phone) => phone.language, (phone) => phone.additionalInformation),
      {},
      {
        phoneType: first.kind === 'Sms' ? 'sms' : 'voice',
        chargeType: first.chargeType,
        chargeDescription: byLanguage(group, (phone) => phone.language, (phone) => phone.chargeDescription),
        isFinnishServiceNumber: first.isFinnishServiceNumber,
      },
    );
  });
}

export function emailRecords(source: ContactSource, emails: readonly PtvEmail[]): ContactChannelRecord[] {
  const groups = new Map<string, PtvEmail[]>();
  for (const email of emails) groups.set(email.value.toLowerCase(), [...(groups.get(email.value.toLowerCase()) ?? []), email]);
  return [...groups.entries()].map(([address, group]) =>
    contactRecord(
      source,
      'email',
      address,
      byLanguage(group, (email) => email.language, (email) => email.value),
      {},
      byLanguage(group, (email) => email.language, (email) => email.description),
      {},
    ),
  );
}

/** Pairs pages by their position in each language: fi[0] with sv[0], fi[1] with sv[1]… */
export function webRecords(
  source: ContactSource,
  kind: 'web' | 'eservice' | 'printable_form',
  pages: readonly PtvWebPage[],
  details: Record<string, unknown> = {},
): ContactChannelRecord[] {
  const positions: PtvWebPage[][] = [];
  const seen = new Map<Language, number>();
  for (const page of pages) {
    const position = seen.get(page.language) ?? 0;
    seen.set(page.language, position + 1);
    (positions[position] ??= []).push(page);
  }
  const records = new Map<string, ContactChannelRecord>();
  for (const group of positions) {
    const value = byLanguage(group, (page) => page.language, (page) => page.url);
    const identity = value.fi ?? value.sv ?? value.en ?? group[0]!.url;
    if (records.has(identity)) continue;
    const fileTypes = [...new Set(group.map((page) => page.fileType).filter((type) => type !== null))];
    records.set(
      identity,
      contactRecord(
        source,
        kind,
        identity,
        value,
        byLanguage(group, (page) => page.language, (page) => page.title),
        {},
        fileTypes.length > 0 ? { ...details, fileTypes } : details,
      ),
    );
  }
  return [...records.values()];
}

/** Phones, e-mails and web pages of a service–channel link or an organisation. */
export function mapContactDetails(source: ContactSource, details: PtvContactDetails, warnings: string[]): ContactChannelRecord[] {
  return [
    ...phoneRecords(source, details.phones, warnings),
    ...emailRecords(source, details.emails),
    ...webRecords(source, 'web', details.webPages),
  ];
}

function channelSource(channel: PtvServiceChannel, raw: unknown, role: string | null): ContactSource {
  return {
    key: channel.id,
    organisationId: channel.organizationId ? organisationIdFor(channel.organizationId) : null,
    name: channel.names,
    description: Object.keys(channel.summary).length > 0 ? channel.summary : channel.description,
    status: recordStatus(channel.publishingStatus),
    provenance: ptvProvenance(channel.id, channel.modified, raw),
    role,
  };
}

function joinStreet(address: PtvAddress): LocalisedText {
  const street = address.street;
  if (!street) return {};
  const text: LocalisedText = {};
  for (const lang of languages) {
    const name = street.street[lang];
    if (name) text[lang] = [name, street.streetNumber].filter(Boolean).join(' ');
  }
  return text;
}

export interface LocationChannelMapping {
  locations: LocationRecord[];
  /** hours of the channel, placed on its first location; `attachSchedules` makes rows per service */
  scheduleDrafts: ScheduleDraft[];
  channels: ContactChannelRecord[];
  /** PTV GUIDs of the services the channel serves */
  serviceIds: string[];
  warnings: string[];
  /** points not stored, with the reason: for the run record */
  rejectedCoordinates: string[];
}

export function mapServiceLocationChannel(channel: PtvServiceLocationChannel, raw: unknown): LocationChannelMapping {
  const warnings: string[] = [];
  const rejectedCoordinates: string[] = [];
  const source = channelSource(channel, raw, 'location');
  const visiting = channel.addresses.filter((address) => address.type === 'Location');
  if (visiting.length === 0) warnings.push('no visiting address');
  const addresses: (PtvAddress | null)[] = visiting.length > 0 ? visiting : [null];
  const locations = addresses.map((address, index): LocationRecord => {
    const point = address?.street ?? address?.other ?? null;
    const coordinateState = address?.street?.coordinateState ?? null;
    const result = point ? toWgs84({ latitude: point.latitude, longitude: point.longitude, coordinateState }) : null;
    if (result?.status === 'rejected') rejectedCoordinates.push(`addresses[${index}]: ${result.reason}`);
    const accessibility = (address?.entrances ?? []).flatMap((entrance) => entrance.accessibilitySentences);
    return {
      id: locationIdFor(channel.id, index),
      organisationId: source.organisationId,
      name: channel.names,
      streetAddress: address ? joinStreet(address) : {},
      postalCode: address?.street?.postalCode ?? address?.other?.postalCode ?? null,
      postOffice: address?.street?.postOffice ?? address?.other?.postOffice ?? {},
      municipalityCode: address?.street?.municipalityCode ?? null,
      latitude: result?.status === 'ok' ? result.latitude : null,
      longitude: result?.status === 'ok' ? result.longitude : null,
      coordinateState,
      accessibility,
      accessibilityFeatures: accessibilityFeatures(accessibility),
      status: source.status,
      // (source, source_id) is unique: the 2nd+ address gets '<channel GUID>#n', stable like its id
      provenance: index === 0 ? source.provenance : { ...source.provenance, sourceId: locationSourceIdFor(channel.id, index) },
    };
  });
  const hours = mapServiceHours(channel.serviceHours, locations[0]!.id);
  warnings.push(...hours.warnings);
  const channels = [
    ...phoneRecords(source, channel.phones, warnings),
    ...emailRecords(source, channel.emails),
    ...webRecords(source, 'web', channel.webPages),
  ];
  return { locations, scheduleDrafts: hours.drafts, channels, serviceIds: channel.serviceIds, warnings, rejectedCoordinates };
}

export interface ContactChannelMapping {
  channels: ContactChannelRecord[];
  serviceIds: string[];
  warnings: string[];
}

/**
 * EChannel / WebPage / Phone / PrintableForm → contact channel records. Phone service hours are
 * kept in the phone records' details (`serviceHours`), since schedules belong to locations.
 */
export function mapContactChannel(channel: Exclude<PtvServiceChannel, PtvServiceLocationChannel>, raw: unknown): ContactChannelMapping {
  const warnings: string[] = [];
  const main = channelSource(channel, raw, null);
  const support = channelSource(channel, raw, 'support');
  let channels: ContactChannelRecord[];
  switch (channel.type) {
    case 'Phone': {
      const hours = mapServiceHours(channel.serviceHours, null);
      warnings.push(...hours.warnings);
      channels = [
        ...phoneRecords(main, channel.phones, warnings).map((record) => ({
          ...record,
          details: { ...record.details, serviceHours: hours.drafts },
        })),
        ...emailRecords(support, channel.emails),
        ...webRecords({ ...main, role: 'related' }, 'web', channel.webPages),
      ];
      break;
    }
    case 'WebPage':
      channels = [...webRecords(main, 'web', channel.webPages, { accessibility: channel.accessibility })];
      break;
    case 'EChannel':
      channels = webRecords(main, 'eservice', channel.webPages, {
        requiresAuthentication: channel.requiresAuthentication,
        requiresSignature: channel.requiresSignature,
        accessibility: channel.accessibility,
      });
      break;
    case 'PrintableForm':
      channels = [
        ...webRecords(main, 'printable_form', channel.formUrls, { formIdentifier: channel.formIdentifier }),
        ...webRecords({ ...main, role: 'related' }, 'web', channel.webPages),
      ];
      break;
  }
  if (channel.type !== 'Phone') {
    channels.push(...phoneRecords(support, channel.phones, warnings), ...emailRecords(support, channel.emails));
  }
  if (channels.length === 0) warnings.push(`${channel.type} channel without any phone number, e-mail address or URL`);
  return { channels, serviceIds: channel.serviceIds, warnings };
}
