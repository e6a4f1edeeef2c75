/**
 * Writing mapped PTV records into the catalogue, with local edits protected: channel rows
 * (locations and contact channels shared by services) and service bundles (the service, its
 * links to locations and channels, its schedules, the contacts specific to its links).
 */
import type { Queryable } from '../../../db/index.ts';
import type { ContactChannelRecord, LocationRecord, ScheduleRecord, ServiceRecord } from '../../catalog/index.ts';
import {
  refreshDerivedAreas,
  replaceSchedules,
  replaceServiceChannels,
  replaceServiceLocations,
  upsertContactChannels,
  upsertLocations,
  upsertServices,
} from '../../catalog/index.ts';
import { mapContactChannel, mapServiceLocationChannel, organisationIdFor, recordStatus } from './ptv.channels.mapper.ts';
import { flagDuplicates, pauseOpenDuplicates } from './ptv.conflicts.queries.ts';
import type { ScheduleDraft } from './ptv.hours.mapper.ts';
import { archiveRows, existingIds, organisationAliases, staleLinkContacts, storedPayloads } from './ptv.import.queries.ts';
import { mapService, schedulesForServiceAtChannel } from './ptv.mapper.ts';
import { protectLocalEdits, relationConflicts, type ServiceRelation } from './ptv.protect.ts';
import { readServiceChannel, type PtvService, type PtvServiceChannel } from './ptv.records.ts';

/** PTV organisation GUID → the id of an organisation that exists (merged ones followed), or null. */
export type Resolver = (guid: string | null) => string | null;

/** Names at least this similar (pg_trgm) make two activities of one organiser at one place probable duplicates. */
export const duplicateNameSimilarity = 0.8;

export async function organisationResolver(q: Queryable, guids: readonly string[]): Promise<Resolver> {
  const unique = [...new Set(guids)];
  const aliases = await organisationAliases(q, unique);
  const existing = await existingIds(q, 'organisations', unique.map((guid) => aliases.get(guid) ?? organisationIdFor(guid)));
  return (guid) => {
    if (!guid) return null;
    const id = aliases.get(guid) ?? organisationIdFor(guid);
    return existing.has(id) ? id : null;
  };
}

export interface ChannelRecordMapping {
  guid: string;
  locations: LocationRecord[];
  channels: ContactChannelRecord[];
  scheduleDrafts: ScheduleDraft[];
  serviceIds: string[];
  rejectedCoordinates: string[];
  archived: boolean;
}

export function mapChannelRecord(channel: PtvServiceChannel, raw: unknown, resolve: Resolver, municipalities: Set<string>): ChannelRecordMapping {
  const organisationId = resolve(channel.organizationId);
  const archived = recordStatus(channel.publishingStatus) === 'archived';
  if (channel.type === 'ServiceLocation') {
    const m = mapServiceLocationChannel(channel, raw);
    return {
      guid: channel.id,
      locations: m.locations.map((l) => ({
        ...l,
        organisationId,
        // codes of merged municipalities (the data is from 2018) are not in the reference data
        municipalityCode: l.municipalityCode && municipalities.has(l.municipalityCode) ? l.municipalityCode : null,
      })),
      channels: m.channels.map((c) => ({ ...c, organisationId })),
      scheduleDrafts: m.scheduleDrafts,
      serviceIds: m.serviceIds,
      rejectedCoordinates: m.rejectedCoordinates,
      archived,
    };
  }
  const m = mapContactChannel(channel, raw);
  return { guid: channel.id, locations: [], channels: m.channels.map((c) => ({ ...c, organisationId })), scheduleDrafts: [], serviceIds: m.serviceIds, rejectedCoordinates: [], archived };
}

const uniqueById = <T extends { id: string }>(items: readonly T[]) => [...new Map(items.map((i) => [i.id, i])).values()];

/** Upserts the channels' rows and archives the rows they no longer produce. */
export async function writeChannelRows(
  q: Queryable,
  mappings: readonly ChannelRecordMapping[],
  previous: readonly { table: 'locations' | 'contact_channels'; id: string }[],
): Promise<void> {
  const locations = (await protectLocalEdits(q, 'locations', uniqueById(mappings.flatMap((m) => m.locations)))).records;
  const channels = (await protectLocalEdits(q, 'contact_channels', uniqueById(mappings.flatMap((m) => m.channels)))).records;
  await upsertLocations(q, locations);
  await upsertContactChannels(q, channels);
  const written = new Set([...locations, ...channels].map((r) => r.id));
  const stale = (table: 'locations' | 'contact_channels') => previous.filter((p) => p.table === table && !written.has(p.id)).map((p) => p.id);
  await archiveRows(q, 'locations', stale('locations'));
  await archiveRows(q, 'contact_channels', stale('contact_channels'));
}

const timeOf = (value: string | null) => (value && value.length === 5 ? `${value}:00` : value);

/** Schedules in the shape `currentRelations` reads them (for conflict comparison). */
function scheduleShape(schedules: readonly ScheduleRecord[]) {
  return [...schedules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => ({ kind: s.kind, weekdays: s.weekdays, opens: timeOf(s.opens), closes: timeOf(s.closes), validFrom: s.validFrom, validTo: s.validTo, closed: s.closed }));
}

export interface ServiceItem {
  guid: string;
  raw: unknown;
  value: PtvService;
}

/**
 * Maps services with their stored channels and writes them. Returns the written services and the
 * services rejected (a mapping reason, or a responsible organisation that is not imported). The
 * caller reindexes the written services once their raw payloads are stored: the search documents
 * take the PTV classification labels from them.
 */
export async function writeServiceBundles(
  q: Queryable,
  items: readonly ServiceItem[],
  municipalities: Set<string>,
  /** channel mappings this run committed (saves reading and mapping their stored payloads again) */
  cached: Pick<ReadonlyMap<string, ChannelRecordMapping>, 'get' | 'has'> = new Map(),
) {
  const rejects: { guid: string; reasons: string[] }[] = [];
  const written: { guid: string; serviceId: string; archived: boolean }[] = [];
  if (items.length === 0) return { rejects, written };
  const channelGuids = [...new Set(items.flatMap((i) => i.value.serviceChannels.map((l) => l.channelId)))];
  const payloads = await storedPayloads(q, 'channel', channelGuids.filter((guid) => !cached.has(guid)));
  const channelReads = [...payloads.entries()].flatMap(([guid, raw]) => {
    const result = readServiceChannel(raw);
    return result.ok ? [{ guid, raw, channel: result.value }] : [];
  });
  const resolve = await organisationResolver(q, [
    ...items.flatMap((i) => i.value.organizations.map((o) => o.organizationId)),
    ...channelReads.flatMap((c) => (c.channel.organizationId ? [c.channel.organizationId] : [])),
  ]);
  const channelMaps = new Map(channelReads.map((c) => [c.guid, mapChannelRecord(c.channel, c.raw, resolve, municipalities)]));
  for (const guid of channelGuids) {
    const mapping = cached.get(guid);
    if (mapping) channelMaps.set(guid, mapping);
  }

  const bundles: {
    guid: string;
    service: ServiceRecord;
    locationIds: string[];
    channelIds: string[];
    schedules: ScheduleRecord[];
    linkContacts: ContactChannelRecord[];
  }[] = [];
  for (const item of items) {
    const mapping = mapService(item.value, item.raw);
    if (!mapping.ok) {
      rejects.push({ guid: item.guid, reasons: mapping.reasons });
      continue;
    }
    const responsible = item.value.organizations.find((o) => o.roleType === 'Responsible')!;
    const organisationId = resolve(responsible.organizationId);
    if (!organisationId) {
      rejects.push({ guid: item.guid, reasons: [`organizations: the responsible organisation ${responsible.organizationId} is not imported`] });
      continue;
    }
    const service = { ...mapping.service, organisationId };
    const locationIds = new Set<string>();
    const channelIds = new Set<string>();
    const schedules: ScheduleRecord[] = [];
    const linkContacts: ContactChannelRecord[] = [];
    for (const link of mapping.links) {
      for (const contact of link.channels) {
        linkContacts.push({ ...contact, organisationId });
        channelIds.add(contact.id);
      }
      const channel = channelMaps.get(link.channelId);
      if (!channel || channel.archived) continue; // not (yet) imported, or archived: no link
      for (const contact of channel.channels) channelIds.add(contact.id);
      for (const location of channel.locations) locationIds.add(location.id);
      if (channel.locations.length > 0) {
        schedules.push(...schedulesForServiceAtChannel(service.id, link.channelId, channel.scheduleDrafts, link, channel.locations[0]!.id));
      }
    }
    bundles.push({ guid: item.guid, service, locationIds: [...locationIds], channelIds: [...channelIds], schedules: uniqueById(schedules), linkContacts });
  }
  if (bundles.length === 0) return { rejects, written };

  const { records, keptRelations } = await protectLocalEdits(q, 'services', bundles.map((b) => b.service));
  await upsertServices(q, records);
  const contacts = (await protectLocalEdits(q, 'contact_channels', uniqueById(bundles.flatMap((b) => b.linkContacts)))).records;
  await upsertContactChannels(q, contacts);
  await archiveRows(q, 'contact_channels', await staleLinkContacts(q, bundles.map((b) => b.guid), contacts.map((c) => c.id)));

  const replaced = (relation: ServiceRelation) => bundles.filter((b) => !keptRelations.get(b.service.id)?.has(relation));
  const ids = (list: typeof bundles) => list.map((b) => b.service.id);
  const locationLinks = replaced('locations');
  await replaceServiceLocations(q, ids(locationLinks), locationLinks.flatMap((b) => b.locationIds.map((locationId) => ({ serviceId: b.service.id, locationId }))));
  const channelLinks = replaced('channels');
  await replaceServiceChannels(q, ids(channelLinks), channelLinks.flatMap((b) => b.channelIds.map((channelId) => ({ serviceId: b.service.id, channelId }))));
  const scheduled = replaced('schedules');
  await replaceSchedules(q, ids(scheduled), scheduled.flatMap((b) => b.schedules));
  await relationConflicts(
    q,
    keptRelations,
    new Map(
      bundles.map((b) => [
        b.service.id,
        { sourceId: b.guid, payloadHash: b.service.provenance.payloadHash, locations: b.locationIds, channels: b.channelIds, schedules: scheduleShape(b.schedules) },
      ]),
    ),
  );

  const serviceIds = ids(bundles);
  await refreshDerivedAreas(q, serviceIds);
  await flagDuplicates(q, serviceIds, duplicateNameSimilarity);
  await pauseOpenDuplicates(q, serviceIds);
  for (const b of bundles) written.push({ guid: b.guid, serviceId: b.service.id, archived: b.service.status === 'archived' });
  return { rejects, written };
}
