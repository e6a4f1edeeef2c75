/**
 * The recorded real PTV records in ../shared/data/ptv for tests, the audit script and the
 * benchmark: `loadPtvCorpus` imports them through the real importer (replay server);
 * `mapPtvCorpus` maps them with the pure readers and mappers into catalogue records (the rule
 * tests take real-shaped records from it).
 *
 * `importPtvActivity` (the providers' tests) writes one imported activity with PTV provenance
 * the same way; the providers' side of the importer contract is only that locally edited fields
 * are listed in `locally_edited_fields` and that provenance is kept.
 */
import { join } from 'node:path';
import type { Db, Queryable } from '../../src/db/index.ts';
import { stableId } from '../../src/platform/ids.ts';
import { organisationRecord, serviceRecord } from './factories.ts';
import {
  saveServiceBundles,
  upsertContactChannels,
  upsertLocations,
  upsertOrganisations,
  type ContactChannelRecord,
  type LocationRecord,
  type OrganisationRecord,
  type ScheduleRecord,
  type ServiceBundle,
  type ServiceRecord,
} from '../../src/modules/catalog/index.ts';
import {
  mapContactChannel,
  mapOrganisation,
  mapService,
  mapServiceLocationChannel,
  organisationIdFor,
  readOrganization,
  readService,
  readServiceChannel,
  schedulesForServiceAtChannel,
  type ScheduleDraft,
} from '../../src/modules/ingest/ptv/index.ts';
import { loadAll, ptvDataDir } from '../../src/modules/ingest/ptv/ptv.test-data.ts';
import { existsSync } from 'node:fs';
import { importRecordedPtvData } from './ptv-import.ts';

export type PtvCorpus = 'v8' | 'v9';

export const hasPtvCorpus = existsSync(join(ptvDataDir, 'kunta-api-v8-2018', 'services'));

interface MappedChannel {
  locations: LocationRecord[];
  contacts: ContactChannelRecord[];
  drafts: ScheduleDraft[];
  serviceIds: string[];
}

export interface PtvStandIn {
  organisations: OrganisationRecord[];
  bundles: ServiceBundle[];
  /** locations and contact channels that serve no service */
  orphanLocations: LocationRecord[];
  orphanChannels: ContactChannelRecord[];
  rejected: number;
}

function mapChannels(version: PtvCorpus): Map<string, MappedChannel> {
  const channels = new Map<string, MappedChannel>();
  for (const { raw } of loadAll(version, 'servicechannels')) {
    const read = readServiceChannel(raw);
    if (!read.ok) continue;
    if (read.value.type === 'ServiceLocation') {
      const mapped = mapServiceLocationChannel(read.value, raw);
      // A channel with several visiting addresses maps to several locations with the same PTV
      // id, but locations are unique by (source, source_id): the second and later get "#n".
      const locations = mapped.locations.map((l, index) => (index === 0 ? l : { ...l, provenance: { ...l.provenance, sourceId: `${l.provenance.sourceId}#${index}` } }));
      channels.set(read.value.id, { locations, contacts: mapped.channels, drafts: mapped.scheduleDrafts, serviceIds: mapped.serviceIds });
    } else {
      const mapped = mapContactChannel(read.value, raw);
      channels.set(read.value.id, { locations: [], contacts: mapped.channels, drafts: [], serviceIds: mapped.serviceIds });
    }
  }
  return channels;
}

const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];

/** Maps a recorded corpus into catalogue records (pure apart from reading the files). */
export function mapPtvCorpus(version: PtvCorpus = 'v8'): PtvStandIn {
  const channels = mapChannels(version);
  const organisations = new Map<string, OrganisationRecord>();
  for (const { raw } of loadAll(version, 'organizations')) {
    const read = readOrganization(raw);
    if (read.ok) organisations.set(read.value.id, mapOrganisation(read.value, raw).organisation);
  }
  const bundles: ServiceBundle[] = [];
  const linkedChannels = new Set<string>();
  let rejected = 0;
  for (const { raw } of loadAll(version, 'services')) {
    const read = readService(raw);
    const mapped = read.ok ? mapService(read.value, raw) : null;
    if (!read.ok || !mapped?.ok) {
      rejected += 1;
      continue;
    }
    const service = mapped.service;
    const channelIds = new Set([...mapped.links.map((link) => link.channelId), ...[...channels].filter(([, c]) => c.serviceIds.includes(read.value.id)).map(([id]) => id)]);
    const locations: LocationRecord[] = [];
    const contacts: ContactChannelRecord[] = mapped.links.flatMap((link) => link.channels);
    const schedules: ScheduleRecord[] = [];
    for (const channelId of channelIds) {
      const channel = channels.get(channelId);
      if (!channel) continue;
      linkedChannels.add(channelId);
      locations.push(...channel.locations);
      contacts.push(...channel.contacts);
      const link = mapped.links.find((item) => item.channelId === channelId);
      schedules.push(...schedulesForServiceAtChannel(service.id, channelId, channel.drafts, link, channel.locations[0]?.id ?? null));
    }
    bundles.push({ service, locations: unique(locations), channels: unique(contacts), schedules: unique(schedules), events: [] });
  }
  const orphans = [...channels].filter(([id]) => !linkedChannels.has(id)).map(([, channel]) => channel);
  const orphanLocations = unique(orphans.flatMap((c) => c.locations));
  const orphanChannels = unique(orphans.flatMap((c) => c.contacts));
  // Organisations that records name but the corpus lacks (producers, other municipalities) get
  // a placeholder with their PTV id, as the importer would before fetching them.
  const known = new Set([...organisations.values()].map((o) => o.id));
  const referenced = [
    ...bundles.flatMap((b) => [b.service.organisationId, ...b.locations.map((l) => l.organisationId), ...b.channels.map((c) => c.organisationId)]),
    ...orphanLocations.map((l) => l.organisationId),
    ...orphanChannels.map((c) => c.organisationId),
  ];
  const placeholders = new Map<string, OrganisationRecord>();
  for (const id of referenced) {
    if (id === null || known.has(id) || placeholders.has(id)) continue;
    placeholders.set(id, {
      id,
      type: 'other',
      name: { fi: `PTV-organisaatio ${id.slice(0, 8)}` },
      description: {},
      businessId: null,
      regionCode: null,
      municipalityCode: null,
      parentId: null,
      website: null,
      email: null,
      phone: null,
      status: 'active',
      provenance: { source: 'ptv', sourceId: `placeholder:${id}`, sourceModified: null, payloadHash: null },
    });
  }
  const all = [...organisations.values(), ...placeholders.values()];
  // parents first (the parent_id foreign key)
  all.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  for (const organisation of all) if (organisation.parentId && !all.some((o) => o.id === organisation.parentId)) organisation.parentId = null;
  return { organisations: all, bundles, orphanLocations, orphanChannels, rejected };
}

export interface PtvLoadResult {
  services: number;
  rejected: number;
}

/**
 * Loads a recorded PTV corpus into the catalogue of `db`: the v8 set (Vaasa, Naantali) through
 * the real importer and the replay server; the small v9 set through the mappers (the replay
 * server serves the v8 set only).
 */
export async function loadPtvCorpus(db: Db, version: PtvCorpus = 'v8'): Promise<PtvLoadResult> {
  if (version === 'v8') {
    const result = await importRecordedPtvData(db);
    const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM services WHERE source = 'ptv'`);
    return { services: row?.count ?? 0, rejected: result.counts.rejected };
  }
  const corpus = mapPtvCorpus(version);
  await db.transaction(async (tx) => {
    await upsertOrganisations(tx, corpus.organisations);
    await upsertLocations(tx, corpus.orphanLocations);
    await upsertContactChannels(tx, corpus.orphanChannels);
    for (let i = 0; i < corpus.bundles.length; i += 100) await saveServiceBundles(tx, corpus.bundles.slice(i, i + 100));
  });
  return { services: corpus.bundles.length, rejected: corpus.rejected };
}

export { organisationIdFor };

export interface ImportedActivity {
  organisation: OrganisationRecord;
  service: ServiceRecord;
}

/** "Imports" one PTV organisation and activity (ids derived from the PTV ids, like the importer). */
export async function importPtvActivity(q: Queryable, options: { ptvServiceId: string; organisation?: OrganisationRecord; service?: Partial<ServiceRecord> }): Promise<ImportedActivity> {
  const ptv = (sourceId: string) => ({ source: 'ptv' as const, sourceId, sourceModified: new Date('2026-10-01T00:00:00Z'), payloadHash: `hash-${sourceId}` });
  const organisation = options.organisation ?? organisationRecord({ type: 'municipality', provenance: ptv(`org-${options.ptvServiceId}`) });
  if (!options.organisation) await upsertOrganisations(q, [organisation]);
  const service = serviceRecord(organisation.id, {
    id: stableId('ptv:service', options.ptvServiceId),
    name: { fi: 'Kuntosaliryhmä (PTV)' },
    summary: { fi: 'Tuotu palvelutietovarannosta.' },
    lastReviewedAt: null,
    provenance: ptv(options.ptvServiceId),
    ...options.service,
  });
  await saveServiceBundles(q, [{ service, locations: [], channels: [], schedules: [], events: [] }]);
  return { organisation, service };
}
