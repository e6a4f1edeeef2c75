/**
 * SQL of the PTV import: run records, rejects, cursors, stored payloads, organisation aliases,
 * import conflicts and duplicate candidates (one function per statement).
 */
import type { Queryable } from '../../../db/index.ts';
import { newId } from '../../../platform/ids.ts';

export type PtvEntity = 'organisation' | 'service' | 'channel';

export interface RunCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  rejected: number;
}

export interface ImportRunRow extends RunCounts {
  id: string;
  source: string;
  scope: string;
  mode: 'full' | 'incremental';
  status: 'running' | 'succeeded' | 'failed';
  started_at: Date;
  ended_at: Date | null;
  cursor_from: Date | null;
  cursor_to: Date | null;
  error: string | null;
  reject_count: number;
}

export async function insertRun(
  q: Queryable,
  run: { scope: string; mode: 'full' | 'incremental'; cursorFrom: Date | null; cursorTo: Date | null },
): Promise<string> {
  const id = newId();
  await q.query(
    `INSERT INTO import_runs (id, source, scope, mode, cursor_from, cursor_to) VALUES ($1, 'ptv', $2, $3, $4, $5)`,
    [id, run.scope, run.mode, run.cursorFrom, run.cursorTo],
  );
  return id;
}

export async function updateRunCounts(q: Queryable, runId: string, counts: RunCounts): Promise<void> {
  await q.query(
    `UPDATE import_runs SET created = $2, updated = $3, unchanged = $4, archived = $5, rejected = $6 WHERE id = $1`,
    [runId, counts.created, counts.updated, counts.unchanged, counts.archived, counts.rejected],
  );
}

export async function finishRun(q: Queryable, runId: string, status: 'succeeded' | 'failed', error: string | null): Promise<void> {
  await q.query(`UPDATE import_runs SET status = $2, error = $3, ended_at = now() WHERE id = $1`, [runId, status, error]);
}

/** Runs left 'running' by a killed process (called under the import lock). */
export async function failInterruptedRuns(q: Queryable): Promise<number> {
  const rows = await q.query(
    `UPDATE import_runs SET status = 'failed', error = 'interrupted', ended_at = now() WHERE source = 'ptv' AND status = 'running' RETURNING id`,
  );
  return rows.length;
}

export async function listRuns(q: Queryable, limit: number): Promise<ImportRunRow[]> {
  return q.query<ImportRunRow>(
    `SELECT r.*, (SELECT count(*) FROM import_rejects j WHERE j.run_id = r.id) AS reject_count
     FROM import_runs r ORDER BY r.started_at DESC, r.id LIMIT $1`,
    [limit],
  );
}

export async function insertRejects(
  q: Queryable,
  runId: string,
  rejects: readonly { entity: PtvEntity; sourceId: string | null; reasons: string[] }[],
): Promise<void> {
  if (rejects.length === 0) return;
  await q.query(
    `INSERT INTO import_rejects (run_id, entity, source_id, reasons)
     SELECT $1, entity, source_id, ARRAY(SELECT jsonb_array_elements_text(reasons))
     FROM jsonb_to_recordset($2::jsonb) AS r(entity text, source_id text, reasons jsonb)`,
    [runId, JSON.stringify(rejects.map((r) => ({ entity: r.entity, source_id: r.sourceId, reasons: r.reasons })))],
  );
}

export async function listRejects(q: Queryable, runId: string) {
  return q.query<{ entity: PtvEntity; source_id: string | null; reasons: string[] }>(
    `SELECT entity, source_id, reasons FROM import_rejects WHERE run_id = $1 ORDER BY created_at, source_id`,
    [runId],
  );
}

export async function findCursor(q: Queryable, scope: string): Promise<Date | null> {
  const rows = await q.query<{ cursor: Date }>(`SELECT cursor FROM import_cursors WHERE source = 'ptv' AND scope = $1`, [scope]);
  return rows[0]?.cursor ?? null;
}

export async function saveCursor(q: Queryable, scope: string, cursor: Date, runId: string): Promise<void> {
  await q.query(
    `INSERT INTO import_cursors (source, scope, cursor, run_id) VALUES ('ptv', $1, $2, $3)
     ON CONFLICT (source, scope) DO UPDATE SET cursor = EXCLUDED.cursor, run_id = EXCLUDED.run_id, updated_at = now()`,
    [scope, cursor, runId],
  );
}

/** Hashes of the stored raw payloads of these source ids. */
export async function storedHashes(q: Queryable, entity: PtvEntity, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ source_id: string; payload_hash: string }>(
    `SELECT source_id, payload_hash FROM source_payloads WHERE source = 'ptv' AND entity = $1 AND source_id = ANY($2::text[])`,
    [entity, ids],
  );
  return new Map(rows.map((r) => [r.source_id, r.payload_hash]));
}

export async function storedPayloads(q: Queryable, entity: PtvEntity, ids: readonly string[]): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ source_id: string; payload: unknown }>(
    `SELECT source_id, payload FROM source_payloads WHERE source = 'ptv' AND entity = $1 AND source_id = ANY($2::text[])`,
    [entity, ids],
  );
  return new Map(rows.map((r) => [r.source_id, r.payload]));
}

/** Which of these ids exist in a catalogue table. */
export async function existingIds(q: Queryable, table: 'organisations' | 'services' | 'locations' | 'contact_channels', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function municipalityCodes(q: Queryable): Promise<Set<string>> {
  const rows = await q.query<{ code: string }>('SELECT code FROM municipalities');
  return new Set(rows.map((r) => r.code));
}

export async function municipalitiesOfRegion(q: Queryable, regionCode: string): Promise<string[]> {
  const rows = await q.query<{ code: string }>('SELECT code FROM municipalities WHERE region_code = $1 ORDER BY code', [regionCode]);
  return rows.map((r) => r.code);
}

/** PTV organisation GUID → the organisation it was merged into. */
export async function organisationAliases(q: Queryable, guids: readonly string[]): Promise<Map<string, string>> {
  if (guids.length === 0) return new Map();
  const rows = await q.query<{ source_id: string; organisation_id: string }>(
    `SELECT source_id, organisation_id FROM organisation_aliases WHERE source = 'ptv' AND source_id = ANY($1::text[])`,
    [guids],
  );
  return new Map(rows.map((r) => [r.source_id, r.organisation_id]));
}

/** Active organisations with these business IDs (the first seen wins a merge). */
export async function organisationsByBusinessId(q: Queryable, businessIds: readonly string[]): Promise<Map<string, string>> {
  if (businessIds.length === 0) return new Map();
  const rows = await q.query<{ business_id: string; id: string }>(
    `SELECT DISTINCT ON (business_id) business_id, id FROM organisations
     WHERE business_id = ANY($1::text[]) AND status = 'active' ORDER BY business_id, first_seen_at, id`,
    [businessIds],
  );
  return new Map(rows.map((r) => [r.business_id, r.id]));
}

export async function insertOrganisationAliases(
  q: Queryable,
  aliases: readonly { sourceId: string; organisationId: string; businessId: string }[],
): Promise<void> {
  if (aliases.length === 0) return;
  await q.query(
    `INSERT INTO organisation_aliases (source, source_id, organisation_id, business_id)
     SELECT 'ptv', source_id, organisation_id, business_id
     FROM jsonb_to_recordset($1::jsonb) AS r(source_id text, organisation_id uuid, business_id text)
     ON CONFLICT (source, source_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, business_id = EXCLUDED.business_id`,
    [JSON.stringify(aliases.map((a) => ({ source_id: a.sourceId, organisation_id: a.organisationId, business_id: a.businessId })))],
  );
}

/** Location and contact rows that came from these channels (a channel's 2nd+ address is '<GUID>#n'). */
export async function channelRows(q: Queryable, guids: readonly string[]) {
  if (guids.length === 0) return [];
  // '#2'… as exact values so that the (source, source_id) index serves the lookup
  const extra = guids.flatMap((guid) => Array.from({ length: 9 }, (_, i) => `${guid}#${i + 2}`));
  return q.query<{ table: 'locations' | 'contact_channels'; id: string; source_id: string }>(
    `SELECT 'locations' AS table, id, source_id FROM locations
       WHERE source = 'ptv' AND source_id IS NOT NULL AND (source_id = ANY($1::text[]) OR source_id = ANY($2::text[]))
     UNION ALL
     SELECT 'contact_channels', id, source_id FROM contact_channels WHERE source = 'ptv' AND source_id = ANY($1::text[])`,
    [guids, extra],
  );
}

/** PTV GUIDs of the services linked to these location or contact rows. */
export async function servicesLinkedTo(q: Queryable, rowIds: readonly string[]): Promise<string[]> {
  if (rowIds.length === 0) return [];
  const rows = await q.query<{ source_id: string }>(
    `SELECT DISTINCT s.source_id FROM services s
     WHERE s.source = 'ptv' AND s.source_id IS NOT NULL AND s.id IN (
       SELECT service_id FROM service_locations WHERE location_id = ANY($1::uuid[])
       UNION SELECT service_id FROM service_channels WHERE channel_id = ANY($1::uuid[]))`,
    [rowIds],
  );
  return rows.map((r) => r.source_id);
}

export async function archiveRows(q: Queryable, table: 'locations' | 'contact_channels' | 'organisations', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `UPDATE ${table} SET status = 'archived', updated_at = now()
     WHERE id = ANY($1::uuid[]) AND status <> 'archived' AND NOT ('status' = ANY(locally_edited_fields)) RETURNING id`,
    [ids],
  );
  return rows.map((r) => r.id);
}

/** Contact rows of a service's links (source id = the service GUID) that the new mapping no longer has. */
export async function staleLinkContacts(q: Queryable, serviceGuids: readonly string[], keep: readonly string[]): Promise<string[]> {
  if (serviceGuids.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM contact_channels WHERE source = 'ptv' AND source_id = ANY($1::text[]) AND status <> 'archived' AND NOT (id = ANY($2::uuid[]))`,
    [serviceGuids, keep],
  );
  return rows.map((r) => r.id);
}

export async function archiveServicesBySourceId(q: Queryable, guids: readonly string[]) {
  if (guids.length === 0) return [];
  return q.query<{ id: string; source_id: string; protected: boolean }>(
    `UPDATE services SET status = CASE WHEN 'status' = ANY(locally_edited_fields) THEN status ELSE 'archived' END,
       updated_at = now(), last_seen_at = now()
     WHERE source = 'ptv' AND source_id = ANY($1::text[]) AND status <> 'archived'
     RETURNING id, source_id, 'status' = ANY(locally_edited_fields) AS protected`,
    [guids],
  );
}

export async function organisationIdsBySourceId(q: Queryable, guids: readonly string[]): Promise<string[]> {
  if (guids.length === 0) return [];
  const rows = await q.query<{ id: string }>(`SELECT id FROM organisations WHERE source = 'ptv' AND source_id = ANY($1::text[])`, [guids]);
  return rows.map((r) => r.id);
}

/** Which PTV GUIDs of an entity are already imported (stored payloads). */
export async function knownGuids(q: Queryable, entity: PtvEntity, guids: readonly string[]): Promise<Set<string>> {
  return new Set((await storedHashes(q, entity, guids)).keys());
}

/** Forgets the stored payloads of removed records: a record published again is imported as new. */
export async function deletePayloads(q: Queryable, entity: PtvEntity, guids: readonly string[]): Promise<void> {
  if (guids.length === 0) return;
  await q.query(`DELETE FROM source_payloads WHERE source = 'ptv' AND entity = $1 AND source_id = ANY($2::text[])`, [entity, guids]);
}
