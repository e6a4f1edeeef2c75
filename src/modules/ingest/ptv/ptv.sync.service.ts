/**
 * `tarjotin import ptv`: synchronises a scope of the PTV catalogue through the HTTP client.
 *
 * - The first run of a scope, or `--full`: a full import of the scope (everything: GUID pages
 *   without `date`; a municipality or region: its services by area; an organisation: the services
 *   its record lists), then the linked channels and organisations that are not imported yet.
 * - Later runs: GUID deltas [cursor, dateBefore) per entity type, full records through
 *   `list?guids=`; within a limited scope, records already imported are updated and new
 *   services are kept when their areas or organisation are in the scope.
 * - Every run ends with the removal pass (`status=Archived` and `Withdrawn`).
 * The cursor (dateBefore of the last successful run of the scope) advances only on success, so
 * a failed or killed run is repeated from the same cursor: nothing is skipped, and the
 * importer's payload hashes make the repetition cheap.
 */
import type { Db } from '../../../db/index.ts';
import type { Clock } from '../../../platform/deps.ts';
import { silentProgress, type Progress } from '../../../platform/progress.ts';
import { maxGuidsPerList, type PtvClient, type PtvEntityPath } from './ptv.client.ts';
import { findCursor, knownGuids, municipalitiesOfRegion, saveCursor, type PtvEntity, type RunCounts } from './ptv.import.queries.ts';
import {
  archiveRemoved,
  beginImport,
  endImport,
  importChannels,
  importOrganisations,
  importServices,
  ptvImportLockKey,
  type ImportContext,
} from './ptv.import.service.ts';
import { readService, readServiceChannel } from './ptv.records.ts';

export type PtvScope =
  | { kind: 'all' }
  | { kind: 'municipality'; codes: string[] }
  | { kind: 'region'; code: string }
  | { kind: 'organisation'; guid: string };

export function scopeKey(scope: PtvScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'municipality':
      return `municipality:${[...new Set(scope.codes)].sort().join(',')}`;
    case 'region':
      return `region:${scope.code}`;
    case 'organisation':
      return `organisation:${scope.guid.toLowerCase()}`;
  }
}

export interface SyncResult {
  runId: string;
  mode: 'full' | 'incremental';
  scope: string;
  counts: RunCounts;
  cursor: Date;
  requests: number;
}

const entityOf: Record<PtvEntityPath, PtvEntity> = { Service: 'service', ServiceChannel: 'channel', Organization: 'organisation' };

/** Groups of GUIDs fetched ahead while the previous group is written. */
async function pipeline(ids: readonly string[], groupSize: number, fetchGroup: (ids: string[]) => Promise<unknown[]>, write: (records: unknown[]) => Promise<void>) {
  const groups: string[][] = [];
  for (let i = 0; i < ids.length; i += groupSize) groups.push(ids.slice(i, i + groupSize));
  let next = groups.length > 0 ? fetchGroup(groups[0]!) : null;
  for (let i = 0; i < groups.length; i++) {
    const records = await next!;
    next = i + 1 < groups.length ? fetchGroup(groups[i + 1]!) : null;
    await write(records);
  }
}

function guidOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : null;
  return typeof id === 'string' ? id : null;
}

/** Service GUIDs an organisation record lists (v11 `services[].service.id`). */
function organisationServiceGuids(raw: unknown): string[] {
  const services = raw && typeof raw === 'object' ? (raw as { services?: unknown }).services : null;
  if (!Array.isArray(services)) return [];
  return services.flatMap((item) => {
    const id = item && typeof item === 'object' ? (item as { service?: { id?: unknown } }).service?.id : null;
    return typeof id === 'string' ? [id] : [];
  });
}

interface SyncState {
  ctx: ImportContext;
  client: PtvClient;
  groupSize: number;
  /** GUIDs imported or attempted in this run, per entity */
  seen: Record<PtvEntity, Set<string>>;
}

/** Imports the organisations and channels these services need that are not imported yet, then the services. */
async function importServicesWithDependencies(state: SyncState, services: readonly unknown[]): Promise<void> {
  const reads = services.flatMap((raw) => {
    const result = readService(raw);
    return result.ok ? [result.value] : [];
  });
  const channelGuids = [...new Set(reads.flatMap((s) => s.serviceChannels.map((l) => l.channelId)))];
  const missingChannels = await missing(state, 'channel', channelGuids);
  const channels = missingChannels.length > 0 ? await state.client.list('ServiceChannel', missingChannels) : [];
  const organisationGuids = [
    ...reads.flatMap((s) => s.organizations.filter((o) => o.roleType === 'Responsible').map((o) => o.organizationId)),
    ...channels.flatMap((raw) => {
      const result = readServiceChannel(raw);
      return result.ok && result.value.organizationId ? [result.value.organizationId] : [];
    }),
  ];
  const missingOrganisations = await missing(state, 'organisation', [...new Set(organisationGuids)]);
  if (missingOrganisations.length > 0) await importOrganisations(state.ctx, await state.client.list('Organization', missingOrganisations));
  if (channels.length > 0) await importChannels(state.ctx, channels);
  await importServices(state.ctx, services);
  for (const raw of services) state.seen.service.add(guidOf(raw) ?? '');
}

async function missing(state: SyncState, entity: PtvEntity, guids: readonly string[]): Promise<string[]> {
  const unseen = guids.filter((guid) => !state.seen[entity].has(guid));
  const known = await knownGuids(state.ctx.db, entity, unseen);
  const result = unseen.filter((guid) => !known.has(guid));
  for (const guid of result) state.seen[entity].add(guid);
  return result;
}

function inScope(raw: unknown, scope: PtvScope, municipalities: ReadonlySet<string>): boolean {
  if (scope.kind === 'all') return true;
  const result = readService(raw);
  if (!result.ok) return true; // rejected with its reasons by the importer
  if (scope.kind === 'organisation') return result.value.organizations.some((o) => o.organizationId.toLowerCase() === scope.guid.toLowerCase());
  return result.value.areas.some((area) => area.municipalityCodes.some((code) => municipalities.has(code)));
}

async function deltaRun(state: SyncState, scope: PtvScope, window: { date: Date | null; dateBefore: Date }, municipalities: ReadonlySet<string>, progress: Progress) {
  const [organisations, channels, services] = await Promise.all(
    (['Organization', 'ServiceChannel', 'Service'] as const).map((entity) => state.client.guids(entity, window)),
  );
  // within a limited scope, only records already imported are updated from the channel and organisation deltas
  const limit = async (entity: PtvEntity, guids: string[]) => (scope.kind === 'all' ? guids : [...(await knownGuids(state.ctx.db, entity, guids))]);
  const orgGuids = await limit('organisation', organisations!);
  const channelGuids = await limit('channel', channels!);
  progress.start(orgGuids.length + channelGuids.length + services!.length, `PTV ${scopeKey(scope)}`);
  const fetchGroup = (entity: PtvEntityPath) => (ids: string[]) => state.client.list(entity, ids);
  await pipeline(orgGuids, state.groupSize, fetchGroup('Organization'), async (records) => {
    records.forEach((raw) => state.seen.organisation.add(guidOf(raw) ?? ''));
    await importOrganisations(state.ctx, records);
  });
  await pipeline(channelGuids, state.groupSize, fetchGroup('ServiceChannel'), async (records) => {
    records.forEach((raw) => state.seen.channel.add(guidOf(raw) ?? ''));
    await importChannels(state.ctx, records);
  });
  await pipeline(services!, state.groupSize, fetchGroup('Service'), async (records) => {
    const known = scope.kind === 'all' ? new Set<string>() : await knownGuids(state.ctx.db, 'service', records.map((r) => guidOf(r) ?? ''));
    const kept = records.filter((raw) => known.has(guidOf(raw) ?? '') || inScope(raw, scope, municipalities));
    progress.advance(records.length - kept.length);
    await importServicesWithDependencies(state, kept);
  });
}

async function scopedFullRun(state: SyncState, scope: Exclude<PtvScope, { kind: 'all' }>, municipalities: readonly string[], progress: Progress) {
  let services: unknown[] = [];
  if (scope.kind === 'organisation') {
    const [organisation] = await state.client.list('Organization', [scope.guid]);
    if (!organisation) throw new Error(`PTV has no organisation ${scope.guid}`);
    await importOrganisations(state.ctx, [organisation]);
    state.seen.organisation.add(scope.guid);
    services = await state.client.list('Service', organisationServiceGuids(organisation));
  } else {
    for (const code of municipalities) services.push(...(await state.client.servicesOfMunicipality(code)));
  }
  const unique = [...new Map(services.map((raw) => [guidOf(raw) ?? JSON.stringify(raw), raw])).values()];
  progress.start(unique.length, `PTV ${scopeKey(scope)}`);
  for (let i = 0; i < unique.length; i += state.groupSize) await importServicesWithDependencies(state, unique.slice(i, i + state.groupSize));
}

async function removalPass(state: SyncState, window: { date: Date | null; dateBefore: Date }) {
  for (const entity of ['Service', 'ServiceChannel', 'Organization'] as const) {
    for (const status of ['Archived', 'Withdrawn'] as const) {
      const guids = await state.client.guids(entity, { ...window, status });
      await archiveRemoved(state.ctx, entityOf[entity], guids);
    }
  }
}

export async function syncPtv(
  deps: { db: Db; clock: Clock },
  client: PtvClient,
  options: { scope: PtvScope; full?: boolean; concurrency?: number; progress?: Progress },
): Promise<SyncResult> {
  const progress = options.progress ?? silentProgress;
  const key = scopeKey(options.scope);
  return deps.db.withAdvisoryLock(ptvImportLockKey, async () => {
    const cursor = await findCursor(deps.db, key);
    const mode = options.full || !cursor ? 'full' : 'incremental';
    const dateBefore = new Date(Math.floor(deps.clock().getTime() / 1000) * 1000);
    const window = { date: mode === 'incremental' ? cursor : null, dateBefore };
    const ctx = await beginImport(deps.db, { scope: key, mode, cursorFrom: window.date, cursorTo: dateBefore }, progress);
    const state: SyncState = {
      ctx,
      client,
      groupSize: maxGuidsPerList * Math.max(1, options.concurrency ?? 4),
      seen: { organisation: new Set(), channel: new Set(), service: new Set() },
    };
    const requestsBefore = client.requestCount();
    try {
      const municipalities =
        options.scope.kind === 'region'
          ? await municipalitiesOfRegion(deps.db, options.scope.code)
          : options.scope.kind === 'municipality'
            ? options.scope.codes
            : [];
      if (options.scope.kind === 'region' && municipalities.length === 0) throw new Error(`no municipalities in region ${options.scope.code}`);
      if (mode === 'full' && options.scope.kind !== 'all') await scopedFullRun(state, options.scope, municipalities, progress);
      else await deltaRun(state, options.scope, window, new Set(municipalities), progress);
      await removalPass(state, window);
      await endImport(ctx, 'succeeded');
      await saveCursor(deps.db, key, dateBefore, ctx.runId);
      progress.finish(`PTV ${key}: ${ctx.counts.created} created, ${ctx.counts.updated} updated, ${ctx.counts.unchanged} unchanged, ${ctx.counts.archived} archived, ${ctx.counts.rejected} rejected`);
    } catch (error) {
      await endImport(ctx, 'failed', (error as Error).message);
      throw error;
    }
    return { runId: ctx.runId, mode, scope: key, counts: ctx.counts, cursor: dateBefore, requests: client.requestCount() - requestsBefore };
  });
}
