/** SQL of the moderation queue: waiting changes, claims, residents' reports and import conflicts of a region. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { FieldDiff } from './providers.queries.ts';

/** Each part of the queue shows its oldest items first, at most this many. */
export const queueLimit = 200;

export interface QueueChangeRow {
  id: string;
  service_id: string;
  kind: 'create' | 'update';
  organisation_name: LocalisedText;
  region_code: string | null;
  proposed_name: LocalisedText;
  diff: FieldDiff;
  submitted_at: Date;
}

export async function listPendingChanges(q: Queryable, regionCodes: readonly string[]): Promise<QueueChangeRow[]> {
  return q.query<QueueChangeRow>(
    `SELECT cr.id, cr.service_id, cr.kind, o.name AS organisation_name, cr.region_code,
       jsonb_strip_nulls(jsonb_build_object('fi', cr.proposed->>'name_fi', 'sv', cr.proposed->>'name_sv', 'en', cr.proposed->>'name_en')) AS proposed_name,
       cr.diff, cr.submitted_at
     FROM change_requests cr JOIN organisations o ON o.id = cr.organisation_id
     WHERE cr.status = 'pending' AND cr.region_code = ANY($1::text[])
     ORDER BY cr.submitted_at, cr.id
     LIMIT ${queueLimit}`,
    [regionCodes],
  );
}

export async function countPendingChanges(q: Queryable, regionCodes: readonly string[]): Promise<number> {
  const rows = await q.query<{ total: string }>(`SELECT count(*) AS total FROM change_requests WHERE status = 'pending' AND region_code = ANY($1::text[])`, [regionCodes]);
  return Number(rows[0]?.total ?? 0);
}

export interface ClaimRow {
  id: string;
  entity: 'organisation' | 'service';
  entity_id: string;
  entity_name: LocalisedText | null;
  entity_source: string | null;
  claimant_organisation_id: string;
  claimant_name: LocalisedText;
  region_code: string | null;
  status: 'pending' | 'approved' | 'declined';
  reason: string | null;
  requested_by: string;
  requested_at: Date;
}

const claimSelect = `SELECT c.id, c.entity, c.entity_id, coalesce(s.name, eo.name) AS entity_name, coalesce(s.source, eo.source) AS entity_source,
    c.claimant_organisation_id, co.name AS claimant_name, c.region_code, c.status, c.reason, c.requested_by, c.requested_at
  FROM claims c
  JOIN organisations co ON co.id = c.claimant_organisation_id
  LEFT JOIN services s ON c.entity = 'service' AND s.id = c.entity_id
  LEFT JOIN organisations eo ON c.entity = 'organisation' AND eo.id = c.entity_id`;

export async function listPendingClaims(q: Queryable, regionCodes: readonly string[]): Promise<ClaimRow[]> {
  return q.query<ClaimRow>(`${claimSelect} WHERE c.status = 'pending' AND c.region_code = ANY($1::text[]) ORDER BY c.requested_at, c.id LIMIT ${queueLimit}`, [regionCodes]);
}

export async function findClaim(q: Queryable, id: string): Promise<ClaimRow | undefined> {
  return (await q.query<ClaimRow>(`${claimSelect} WHERE c.id = $1::uuid`, [id]))[0];
}

export async function listClaimsOf(q: Queryable, organisationIds: readonly string[]): Promise<ClaimRow[]> {
  return q.query<ClaimRow>(`${claimSelect} WHERE c.claimant_organisation_id = ANY($1::uuid[]) ORDER BY c.requested_at DESC, c.id`, [organisationIds]);
}

export async function insertClaim(
  q: Queryable,
  row: { id: string; entity: 'organisation' | 'service'; entityId: string; claimant: string; regionCode: string | null; reason: string | null; by: string; at: Date },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO claims (id, entity, entity_id, claimant_organisation_id, region_code, reason, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (entity, entity_id, claimant_organisation_id) WHERE status IN ('pending', 'approved') DO NOTHING RETURNING id`,
    [row.id, row.entity, row.entityId, row.claimant, row.regionCode, row.reason, row.by, row.at],
  );
  return rows.length > 0;
}

export async function decideClaim(q: Queryable, id: string, status: 'approved' | 'declined', by: string, at: Date, comment: string | null): Promise<void> {
  await q.query(`UPDATE claims SET status = $2, decided_by = $3, decided_at = $4, decision_comment = $5 WHERE id = $1::uuid AND status = 'pending'`, [
    id,
    status,
    by,
    at,
    comment,
  ]);
}

/** An activity's region (its organisation's), or undefined when there is no such activity. */
export async function findServiceRegion(q: Queryable, serviceId: string): Promise<{ region_code: string | null } | undefined> {
  return (await q.query<{ region_code: string | null }>(`SELECT o.region_code FROM services s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1::uuid`, [serviceId]))[0];
}

export interface QueueReportRow {
  id: string;
  service_id: string;
  service_name: LocalisedText;
  region_code: string | null;
  category: string;
  message: string;
  language: string;
  created_at: Date;
}

/** Residents' error reports on activities of the region (by the organisation's region). */
export async function listOpenReports(q: Queryable, regionCodes: readonly string[]): Promise<QueueReportRow[]> {
  return q.query<QueueReportRow>(
    `SELECT r.id, r.service_id, s.name AS service_name, o.region_code, r.category, r.message, r.language, r.created_at
     FROM listing_reports r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id
     WHERE r.status IN ('new', 'in_review') AND o.region_code = ANY($1::text[])
     ORDER BY r.created_at, r.id
     LIMIT ${queueLimit}`,
    [regionCodes],
  );
}

export async function findReportRegion(q: Queryable, id: string): Promise<{ service_id: string; region_code: string | null; status: string } | undefined> {
  return (
    await q.query<{ service_id: string; region_code: string | null; status: string }>(
      `SELECT r.service_id, o.region_code, r.status FROM listing_reports r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = s.organisation_id WHERE r.id = $1::uuid`,
      [id],
    )
  )[0];
}

/** Closes a report; the reporter's contact is erased as the matter is closed. */
export async function closeReport(q: Queryable, id: string, status: 'resolved' | 'dismissed', note: string | null, at: Date): Promise<void> {
  await q.query(
    `UPDATE listing_reports SET status = $2, resolution_note = $3, resolved_at = $4, updated_at = $4,
       reporter_email = NULL, contact_erased_at = CASE WHEN reporter_email IS NULL THEN contact_erased_at ELSE $4 END
     WHERE id = $1::uuid`,
    [id, status, note, at],
  );
}

export interface QueueConflictRow {
  id: string;
  entity: string;
  entity_id: string;
  service_name: LocalisedText | null;
  region_code: string | null;
  source: string;
  field: string;
  local_value: unknown;
  incoming_value: unknown;
  created_at: Date;
}

const conflictSelect = `SELECT ic.id, ic.entity, ic.entity_id, s.name AS service_name, o.region_code, ic.source, ic.field,
    ic.local_value, ic.incoming_value, ic.created_at
  FROM import_conflicts ic
  LEFT JOIN services s ON ic.entity = 'service' AND s.id = ic.entity_id
  LEFT JOIN organisations o ON o.id = CASE WHEN ic.entity = 'service' THEN s.organisation_id WHEN ic.entity = 'organisation' THEN ic.entity_id END`;

export async function listOpenConflicts(q: Queryable, regionCodes: readonly string[]): Promise<QueueConflictRow[]> {
  return q.query<QueueConflictRow>(`${conflictSelect} WHERE ic.status = 'open' AND o.region_code = ANY($1::text[]) ORDER BY ic.created_at, ic.id LIMIT ${queueLimit}`, [regionCodes]);
}

export async function findConflict(q: Queryable, id: string): Promise<(QueueConflictRow & { status: string }) | undefined> {
  return (await q.query<QueueConflictRow & { status: string }>(`${conflictSelect.replace('ic.created_at', 'ic.created_at, ic.status')} WHERE ic.id = $1::uuid`, [id]))[0];
}

export async function resolveConflict(q: Queryable, id: string, status: 'accepted_incoming' | 'kept_local', by: string, at: Date): Promise<void> {
  await q.query(`UPDATE import_conflicts SET status = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1::uuid AND status = 'open'`, [id, status, by, at]);
}

/** Columns of services an accepted incoming value may be written to (never ids, provenance or status bookkeeping). */
export const serviceValueColumns = [
  'name', 'alternative_names', 'summary', 'description', 'plain_summary', 'user_instructions', 'keywords', 'themes', 'target_groups',
  'age_min', 'age_max', 'cost_type', 'cost_info', 'kaikukortti', 'languages', 'area_type', 'area_regions', 'area_municipalities',
  'accepts_referrals', 'open_places', 'confidential_address', 'service_classes', 'ontology_terms', 'source_target_groups', 'life_events',
] as const;

/**
 * Writes the incoming value of a service column (converted by PostgreSQL's own record input)
 * and lets later imports update that field again.
 */
export async function acceptIncomingServiceValue(q: Queryable, serviceId: string, column: string, value: unknown, at: Date): Promise<void> {
  if ((serviceValueColumns as readonly string[]).includes(column)) {
    await q.query(
      `UPDATE services SET ${column} = (jsonb_populate_record(NULL::services, jsonb_build_object($2::text, $3::jsonb))).${column}, updated_at = $4
       WHERE id = $1::uuid`,
      [serviceId, column, JSON.stringify(value ?? null), at],
    );
  }
  await q.query(`UPDATE services SET locally_edited_fields = array_remove(locally_edited_fields, $2) WHERE id = $1::uuid`, [serviceId, column]);
}
