/**
 * The PTV import core: raw PTV records in, catalogue rows out, in transactional batches (one
 * batch = one transaction). A malformed record is rejected into the run record and the rest of
 * its batch is written; if the database refuses a batch, its records are retried one by one so
 * that only the offending record is rejected.
 *
 * Order: organisations, then channels, then services (a service's locations, contacts and
 * schedules come from its channels' stored payloads). The raw payload of every accepted record
 * is kept in `source_payloads` in the same transaction as its rows, so an unchanged payload
 * (same hash) is skipped and an interrupted run converges when re-run. A changed channel
 * rebuilds the services linked to it in the same transaction.
 */
import type { Db, Queryable } from '../../../db/index.ts';
import { upsertOrganisations, upsertSourcePayloads } from '../../catalog/index.ts';
import { payloadHash } from '../../../platform/ids.ts';
import { silentProgress, type Progress } from '../../../platform/progress.ts';
import { reindexServices } from '../../search/index.ts';
import { recordConflicts } from './ptv.conflicts.queries.ts';
import { mapOrganisation, serviceIdFor } from './ptv.mapper.ts';
import {
  archiveRows,
  archiveServicesBySourceId,
  channelRows,
  deletePayloads,
  existingIds,
  failInterruptedRuns,
  finishRun,
  insertOrganisationAliases,
  insertRejects,
  insertRun,
  municipalityCodes,
  organisationAliases,
  organisationIdsBySourceId,
  organisationsByBusinessId,
  servicesLinkedTo,
  storedHashes,
  storedPayloads,
  updateRunCounts,
  type PtvEntity,
  type RunCounts,
} from './ptv.import.queries.ts';
import { protectLocalEdits } from './ptv.protect.ts';
import { readOrganization, readService, readServiceChannel, type PtvService } from './ptv.records.ts';
import { mapChannelRecord, organisationResolver, writeChannelRows, writeServiceBundles, type ChannelRecordMapping } from './ptv.store.ts';

export const ptvBatchSize = 250;
/** One import at a time per database (PostgreSQL advisory lock key). */
export const ptvImportLockKey = 0x70747631;

export interface Reject {
  entity: PtvEntity;
  sourceId: string | null;
  reasons: string[];
}

export interface ImportContext {
  db: Db;
  runId: string;
  counts: RunCounts;
  municipalities: Set<string>;
  progress: Progress;
  /** PTV service GUIDs written in this run (for callers and tests) */
  writtenServices: Set<string>;
  /** channel mappings committed in this run, by GUID (bounded; a cache of stored payloads) */
  channelCache: Map<string, ChannelRecordMapping>;
}

const channelCacheLimit = 100_000;

interface BatchOutcome extends RunCounts {
  rejects: Reject[];
  written: string[];
  channels: ChannelRecordMapping[];
}

const emptyOutcome = (): BatchOutcome => ({ created: 0, updated: 0, unchanged: 0, archived: 0, rejected: 0, rejects: [], written: [], channels: [] });

export async function beginImport(
  db: Db,
  run: { scope: string; mode: 'full' | 'incremental'; cursorFrom: Date | null; cursorTo: Date | null },
  progress: Progress = silentProgress,
): Promise<ImportContext> {
  await failInterruptedRuns(db);
  const runId = await insertRun(db, run);
  return {
    db,
    runId,
    counts: { created: 0, updated: 0, unchanged: 0, archived: 0, rejected: 0 },
    municipalities: await municipalityCodes(db),
    progress,
    writtenServices: new Set(),
    channelCache: new Map(),
  };
}

export async function endImport(ctx: ImportContext, status: 'succeeded' | 'failed', error: string | null = null): Promise<void> {
  await updateRunCounts(ctx.db, ctx.runId, ctx.counts);
  await finishRun(ctx.db, ctx.runId, status, error);
}

function guidOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : null;
  return typeof id === 'string' ? id : null;
}

/** Writes records in batches; a batch the database refuses is retried record by record. */
async function inBatches(
  ctx: ImportContext,
  entity: PtvEntity,
  raws: readonly unknown[],
  write: (tx: Queryable, raws: readonly unknown[]) => Promise<BatchOutcome>,
): Promise<void> {
  const commit = async (chunk: readonly unknown[]) =>
    ctx.db.transaction(async (tx) => {
      const outcome = await write(tx, chunk);
      const counts = addCounts({ ...ctx.counts }, outcome);
      await insertRejects(tx, ctx.runId, outcome.rejects);
      await updateRunCounts(tx, ctx.runId, counts);
      return outcome;
    });
  const apply = (outcome: BatchOutcome) => {
    addCounts(ctx.counts, outcome);
    if (entity === 'service') for (const guid of outcome.written) ctx.writtenServices.add(guid);
    for (const mapping of outcome.channels) if (ctx.channelCache.size < channelCacheLimit || ctx.channelCache.has(mapping.guid)) ctx.channelCache.set(mapping.guid, mapping);
  };
  for (let start = 0; start < raws.length; start += ptvBatchSize) {
    const chunk = raws.slice(start, start + ptvBatchSize);
    try {
      apply(await commit(chunk));
    } catch (batchError) {
      let failures = 0;
      for (const raw of chunk) {
        try {
          apply(await commit([raw]));
        } catch (error) {
          // every record failing alone too: not a record's fault (database gone…); the run fails
          if (++failures === chunk.length && chunk.length > 1) throw batchError;
          const reject = { entity, sourceId: guidOf(raw), reasons: [`database refused the record: ${(error as Error).message}`] };
          await insertRejects(ctx.db, ctx.runId, [reject]);
          apply({ ...emptyOutcome(), rejected: 1 });
        }
      }
    }
    ctx.progress.advance(chunk.length);
  }
}

function addCounts(target: RunCounts, add: RunCounts): RunCounts {
  target.created += add.created;
  target.updated += add.updated;
  target.unchanged += add.unchanged;
  target.archived += add.archived;
  target.rejected += add.rejected;
  return target;
}

/** Reads each raw record; returns the accepted ones whose payload changed, counting the rest. */
async function readChanged<T extends { id: string }>(
  tx: Queryable,
  entity: PtvEntity,
  raws: readonly unknown[],
  read: (raw: unknown) => { ok: true; value: T } | { ok: false; id: string | null; reasons: string[] },
  outcome: BatchOutcome,
  force = false,
) {
  const accepted: { raw: unknown; value: T; hash: string; isNew: boolean }[] = [];
  const read_ = raws.map((raw) => ({ raw, result: read(raw) }));
  for (const { raw, result } of read_) {
    if (!result.ok) {
      outcome.rejected++;
      outcome.rejects.push({ entity, sourceId: result.id ?? guidOf(raw), reasons: result.reasons });
    }
  }
  const ok = read_.flatMap(({ raw, result }) => (result.ok ? [{ raw, value: result.value }] : []));
  const hashes = await storedHashes(tx, entity, ok.map((item) => item.value.id));
  const seen = new Set<string>();
  for (const item of ok) {
    if (seen.has(item.value.id)) continue; // the same record twice in one batch: the first wins
    seen.add(item.value.id);
    const hash = payloadHash(item.raw);
    const stored = hashes.get(item.value.id);
    if (stored === hash && !force) outcome.unchanged++;
    else accepted.push({ ...item, hash, isNew: stored === undefined });
  }
  return accepted;
}

export async function importOrganisations(ctx: ImportContext, raws: readonly unknown[]): Promise<void> {
  await inBatches(ctx, 'organisation', raws, async (tx, chunk) => {
    const outcome = emptyOutcome();
    const changed = await readChanged(tx, 'organisation', chunk, readOrganization, outcome);
    if (changed.length === 0) return outcome;
    const mapped = changed.map((item) => ({ ...item, mapping: mapOrganisation(item.value, item.raw) }));
    const ids = mapped.map((m) => m.mapping.organisation.id);
    const parents = mapped.flatMap((m) => (m.mapping.organisation.parentId ? [m.mapping.organisation.parentId] : []));
    const existing = await existingIds(tx, 'organisations', [...ids, ...parents]);
    const aliases = await organisationAliases(tx, mapped.map((m) => m.value.id));
    const businessIds = mapped.flatMap((m) => (m.mapping.organisation.businessId ? [m.mapping.organisation.businessId] : []));
    const byBusinessId = await organisationsByBusinessId(tx, businessIds);
    const newAliases: { sourceId: string; organisationId: string; businessId: string }[] = [];
    const rows = [];
    for (const { mapping, value } of mapped) {
      const organisation = mapping.organisation;
      const businessId = organisation.businessId;
      const owner = businessId ? byBusinessId.get(businessId) : undefined;
      if (!existing.has(organisation.id) && (aliases.has(value.id) || (businessId && owner && owner !== organisation.id))) {
        // merged by business ID: the first organisation with it stays, this GUID points to it
        newAliases.push({ sourceId: value.id, organisationId: aliases.get(value.id) ?? owner!, businessId: businessId ?? '' });
        continue;
      }
      if (businessId && !owner) byBusinessId.set(businessId, organisation.id);
      if (organisation.municipalityCode && !ctx.municipalities.has(organisation.municipalityCode)) organisation.municipalityCode = null;
      rows.push(organisation);
    }
    const writtenIds = new Set(rows.map((r) => r.id));
    for (const row of rows) if (row.parentId && !existing.has(row.parentId) && !writtenIds.has(row.parentId)) row.parentId = null;
    const { records } = await protectLocalEdits(tx, 'organisations', rows);
    // parents first, so that the foreign key holds within the batch
    const withoutParent = records.map((r) => ({ ...r, parentId: existing.has(r.parentId ?? '') ? r.parentId : null }));
    await upsertOrganisations(tx, withoutParent);
    await upsertOrganisations(tx, records.filter((r) => r.parentId && !existing.has(r.parentId)));
    await insertOrganisationAliases(tx, newAliases);
    await upsertSourcePayloads(tx, changed.map((c) => ({ source: 'ptv', entity: 'organisation', sourceId: c.value.id, payload: c.raw, payloadHash: c.hash })));
    for (const item of mapped) {
      if (item.mapping.organisation.status === 'archived') outcome.archived++;
      else if (existing.has(item.mapping.organisation.id) || !item.isNew) outcome.updated++;
      else outcome.created++;
    }
    return outcome;
  });
}

export async function importChannels(ctx: ImportContext, raws: readonly unknown[]): Promise<void> {
  await inBatches(ctx, 'channel', raws, async (tx, chunk) => {
    const outcome = emptyOutcome();
    const changed = await readChanged(tx, 'channel', chunk, readServiceChannel, outcome);
    if (changed.length === 0) return outcome;
    const resolve = await organisationResolver(tx, changed.flatMap((c) => (c.value.organizationId ? [c.value.organizationId] : [])));
    const mapped = changed.map((c) => ({ ...c, mapping: mapChannelRecord(c.value, c.raw, resolve, ctx.municipalities) }));
    for (const m of mapped) {
      if (m.mapping.rejectedCoordinates.length > 0) {
        outcome.rejects.push({ entity: 'channel', sourceId: m.value.id, reasons: m.mapping.rejectedCoordinates.map((r) => `${r} (stored without the point)`) });
      }
    }
    const guids = mapped.map((m) => m.value.id);
    const previous = await channelRows(tx, guids);
    const affected = new Set([...mapped.flatMap((m) => m.mapping.serviceIds), ...(await servicesLinkedTo(tx, previous.map((p) => p.id)))]);
    await writeChannelRows(tx, mapped.map((m) => m.mapping), previous);
    outcome.channels.push(...mapped.map((m) => m.mapping));
    await upsertSourcePayloads(tx, changed.map((c) => ({ source: 'ptv', entity: 'channel', sourceId: c.value.id, payload: c.raw, payloadHash: c.hash })));
    for (const m of mapped) {
      if (m.mapping.archived) outcome.archived++;
      else if (m.isNew && !previous.some((p) => p.source_id.split('#')[0] === m.value.id)) outcome.created++;
      else outcome.updated++;
    }
    // services already imported that link these channels get their locations, contacts and hours again
    const batch = new Map(mapped.map((m) => [m.value.id, m.mapping]));
    await rebuildStoredServices(ctx, tx, [...affected], {
      get: (guid) => batch.get(guid) ?? ctx.channelCache.get(guid),
      has: (guid) => batch.has(guid) || ctx.channelCache.has(guid),
    });
    return outcome;
  });
}

async function rebuildStoredServices(
  ctx: ImportContext,
  tx: Queryable,
  guids: readonly string[],
  channels: Pick<ReadonlyMap<string, ChannelRecordMapping>, 'get' | 'has'> = ctx.channelCache,
): Promise<void> {
  const payloads = await storedPayloads(tx, 'service', guids);
  const items = [...payloads.entries()].flatMap(([guid, raw]) => {
    const result = readService(raw);
    return result.ok ? [{ guid, raw, value: result.value }] : [];
  });
  const { written } = await writeServiceBundles(tx, items, ctx.municipalities, channels);
  await reindexServices(tx, written.map((w) => w.serviceId));
}

export async function importServices(ctx: ImportContext, raws: readonly unknown[]): Promise<void> {
  await inBatches(ctx, 'service', raws, async (tx, chunk) => {
    const outcome = emptyOutcome();
    const changed = await readChanged<PtvService>(tx, 'service', chunk, readService, outcome);
    if (changed.length === 0) return outcome;
    const existing = await existingIds(tx, 'services', changed.map((c) => serviceIdFor(c.value.id)));
    const result = await writeServiceBundles(
      tx,
      changed.map((c) => ({ guid: c.value.id, raw: c.raw, value: c.value })),
      ctx.municipalities,
      ctx.channelCache,
    );
    for (const reject of result.rejects) {
      outcome.rejected++;
      outcome.rejects.push({ entity: 'service', sourceId: reject.guid, reasons: reject.reasons });
    }
    const written = new Set(result.written.map((w) => w.guid));
    await upsertSourcePayloads(
      tx,
      changed.filter((c) => written.has(c.value.id)).map((c) => ({ source: 'ptv', entity: 'service', sourceId: c.value.id, payload: c.raw, payloadHash: c.hash })),
    );
    // after the payloads: the search documents take the PTV classification labels from them
    await reindexServices(tx, result.written.map((w) => w.serviceId));
    for (const w of result.written) {
      outcome.written.push(w.guid);
      if (w.archived) outcome.archived++;
      else if (existing.has(serviceIdFor(w.guid))) outcome.updated++;
      else outcome.created++;
    }
    return outcome;
  });
}

/** The removal pass: GUIDs PTV lists as Archived or Withdrawn. Unknown GUIDs are ignored. */
export async function archiveRemoved(ctx: ImportContext, entity: PtvEntity, guids: readonly string[]): Promise<void> {
  for (let start = 0; start < guids.length; start += ptvBatchSize) {
    const chunk = guids.slice(start, start + ptvBatchSize);
    const archived = await ctx.db.transaction(async (tx) => {
      let count = 0;
      if (entity === 'service') {
        const rows = await archiveServicesBySourceId(tx, chunk);
        await protectStatus(tx, rows);
        count = rows.filter((r) => !r.protected).length;
        await deletePayloads(tx, 'service', rows.filter((r) => !r.protected).map((r) => r.source_id));
        await reindexServices(tx, rows.map((r) => r.id));
      } else if (entity === 'channel') {
        const rows = await channelRows(tx, chunk);
        const byTable = (table: 'locations' | 'contact_channels') => rows.filter((r) => r.table === table).map((r) => r.id);
        const archivedIds = new Set([
          ...(await archiveRows(tx, 'locations', byTable('locations'))),
          ...(await archiveRows(tx, 'contact_channels', byTable('contact_channels'))),
        ]);
        count = new Set(rows.filter((r) => archivedIds.has(r.id)).map((r) => r.source_id.split('#')[0])).size;
        // the services that linked these channels lose their locations, contacts and hours there
        const affected = await servicesLinkedTo(tx, rows.map((r) => r.id));
        await deletePayloads(tx, 'channel', chunk);
        for (const guid of chunk) ctx.channelCache.delete(guid);
        await rebuildStoredServices(ctx, tx, affected);
      } else {
        count = (await archiveRows(tx, 'organisations', await organisationIdsBySourceId(tx, chunk))).length;
        await deletePayloads(tx, 'organisation', chunk);
      }
      const counts = { ...ctx.counts, archived: ctx.counts.archived + count };
      await updateRunCounts(tx, ctx.runId, counts);
      return count;
    });
    ctx.counts.archived += archived;
  }
}

async function protectStatus(tx: Queryable, rows: readonly { id: string; source_id: string; protected: boolean }[]) {
  await recordConflicts(
    tx,
    rows
      .filter((r) => r.protected)
      .map((r) => ({ entity: 'service' as const, entityId: r.id, sourceId: r.source_id, field: 'status', localValue: null, incomingValue: 'archived', incomingPayloadHash: `archived:${r.source_id}` })),
  );
}

export interface PtvRecordSet {
  organisations?: readonly unknown[];
  services?: readonly unknown[];
  channels?: readonly unknown[];
  /** GUIDs PTV lists as Archived or Withdrawn */
  removed?: { organisations?: readonly string[]; services?: readonly string[]; channels?: readonly string[] };
}

/**
 * Imports a set of raw PTV records as one run (the HTTP sync streams them through the same
 * functions). Returns the run id and its counts; rejects are in the run record.
 */
export async function importPtvRecords(
  deps: { db: Db },
  records: PtvRecordSet,
  options: { scope?: string; progress?: Progress } = {},
): Promise<{ runId: string; counts: RunCounts; writtenServices: Set<string> }> {
  return deps.db.withAdvisoryLock(ptvImportLockKey, async () => {
    const ctx = await beginImport(deps.db, { scope: options.scope ?? 'records', mode: 'full', cursorFrom: null, cursorTo: null }, options.progress);
    try {
      await importOrganisations(ctx, records.organisations ?? []);
      await importChannels(ctx, records.channels ?? []);
      await importServices(ctx, records.services ?? []);
      await archiveRemoved(ctx, 'service', records.removed?.services ?? []);
      await archiveRemoved(ctx, 'channel', records.removed?.channels ?? []);
      await archiveRemoved(ctx, 'organisation', records.removed?.organisations ?? []);
      await endImport(ctx, 'succeeded');
    } catch (error) {
      await endImport(ctx, 'failed', (error as Error).message);
      throw error;
    }
    return { runId: ctx.runId, counts: ctx.counts, writtenServices: ctx.writtenServices };
  });
}
