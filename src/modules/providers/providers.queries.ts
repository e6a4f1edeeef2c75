/** SQL of the providers module: change requests, claims, history, moderation policy and decisions. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { FormValues } from './activity-form.ts';

export type ModerationPolicy = 'all' | 'new_only' | 'none';
export type ChangeRequestStatus = 'draft' | 'pending' | 'approved' | 'returned' | 'withdrawn';
export type FieldDiff = Record<string, { before: string | string[] | null; after: string | string[] | null }>;

export interface ChangeRequestRow {
  id: string;
  service_id: string;
  organisation_id: string;
  region_code: string | null;
  kind: 'create' | 'update';
  source: 'manual' | 'csv';
  source_id: string | null;
  status: ChangeRequestStatus;
  proposed: FormValues;
  diff: FieldDiff;
  created_by: string;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  updated_at: Date;
}

const changeRequestColumns = `id, service_id, organisation_id, region_code, kind, source, source_id, status, proposed, diff, created_by, submitted_at,
  decided_by, decided_at, decision_comment, updated_at`;

export async function findModerationPolicy(q: Queryable, regionCode: string | null): Promise<ModerationPolicy> {
  if (!regionCode) return 'all';
  const rows = await q.query<{ policy: ModerationPolicy }>('SELECT policy FROM region_moderation_policies WHERE region_code = $1', [regionCode]);
  return rows[0]?.policy ?? 'all';
}

export async function upsertModerationPolicy(q: Queryable, regionCode: string, policy: ModerationPolicy, userId: string, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO region_moderation_policies (region_code, policy, updated_by, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (region_code) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [regionCode, policy, userId, at],
  );
}

/** The open (draft, pending or returned) version of an activity. */
export async function findOpenChangeRequest(q: Queryable, serviceId: string): Promise<ChangeRequestRow | undefined> {
  const rows = await q.query<ChangeRequestRow>(
    `SELECT ${changeRequestColumns} FROM change_requests WHERE service_id = $1::uuid AND status IN ('draft', 'pending', 'returned')`,
    [serviceId],
  );
  return rows[0];
}

export async function findChangeRequest(q: Queryable, id: string): Promise<ChangeRequestRow | undefined> {
  const rows = await q.query<ChangeRequestRow>(`SELECT ${changeRequestColumns} FROM change_requests WHERE id = $1::uuid`, [id]);
  return rows[0];
}

export async function insertChangeRequest(
  q: Queryable,
  row: { id: string; serviceId: string; organisationId: string; regionCode: string | null; kind: 'create' | 'update'; proposed: FormValues; createdBy: string; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO change_requests (id, service_id, organisation_id, region_code, kind, status, proposed, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $8)`,
    [row.id, row.serviceId, row.organisationId, row.regionCode, row.kind, JSON.stringify(row.proposed), row.createdBy, row.at],
  );
}

export async function updateChangeRequestDraft(q: Queryable, id: string, proposed: FormValues, at: Date): Promise<void> {
  await q.query(`UPDATE change_requests SET proposed = $2, status = CASE WHEN status = 'returned' THEN 'returned' ELSE 'draft' END, updated_at = $3 WHERE id = $1::uuid`, [
    id,
    JSON.stringify(proposed),
    at,
  ]);
}

export async function updateChangeRequestStatus(
  q: Queryable,
  id: string,
  change: { status: ChangeRequestStatus; at: Date; diff?: FieldDiff; submitted?: boolean; decidedBy?: string; comment?: string | null },
): Promise<void> {
  await q.query(
    `UPDATE change_requests SET status = $2, updated_at = $3,
       diff = coalesce($4::jsonb, diff),
       submitted_at = CASE WHEN $5 THEN $3 ELSE submitted_at END,
       decided_by = coalesce($6::uuid, decided_by),
       decided_at = CASE WHEN $6::uuid IS NULL THEN decided_at ELSE $3 END,
       decision_comment = CASE WHEN $6::uuid IS NULL THEN decision_comment ELSE $7 END
     WHERE id = $1::uuid`,
    [id, change.status, change.at, change.diff ? JSON.stringify(change.diff) : null, change.submitted ?? false, change.decidedBy ?? null, change.comment ?? null],
  );
}

export interface OrganisationActivityRow {
  id: string;
  name: LocalisedText;
  status: string;
  source: string;
  review_state: string;
  last_reviewed_at: Date | null;
  open_status: ChangeRequestStatus | null;
}

/** An organisation's activities with the state of their open version, and new ones not yet approved. */
export async function listOrganisationActivities(q: Queryable, organisationIds: readonly string[]): Promise<(OrganisationActivityRow & { organisation_id: string })[]> {
  return q.query(
    `SELECT s.id, s.organisation_id, s.name, s.status, s.source, s.review_state, s.last_reviewed_at, cr.status AS open_status
     FROM services s LEFT JOIN change_requests cr ON cr.service_id = s.id AND cr.status IN ('draft', 'pending', 'returned')
     WHERE s.organisation_id = ANY($1::uuid[]) OR EXISTS (
       SELECT 1 FROM claims c WHERE c.status = 'approved' AND c.claimant_organisation_id = ANY($1::uuid[])
         AND ((c.entity = 'service' AND c.entity_id = s.id) OR (c.entity = 'organisation' AND c.entity_id = s.organisation_id)))
     UNION ALL
     SELECT cr.service_id, cr.organisation_id, jsonb_strip_nulls(jsonb_build_object('fi', cr.proposed->>'name_fi', 'sv', cr.proposed->>'name_sv', 'en', cr.proposed->>'name_en')),
       'draft', 'manual', 'current', NULL, cr.status
     FROM change_requests cr
     WHERE cr.kind = 'create' AND cr.status IN ('draft', 'pending', 'returned') AND cr.organisation_id = ANY($1::uuid[])
     ORDER BY 3`,
    [organisationIds],
  );
}

/** Organisations with an approved claim of the activity or of its organisation. */
export async function listClaimants(q: Queryable, serviceId: string, organisationId: string): Promise<string[]> {
  const rows = await q.query<{ claimant_organisation_id: string }>(
    `SELECT DISTINCT claimant_organisation_id FROM claims
     WHERE status = 'approved' AND ((entity = 'service' AND entity_id = $1::uuid) OR (entity = 'organisation' AND entity_id = $2::uuid))`,
    [serviceId, organisationId],
  );
  return rows.map((r) => r.claimant_organisation_id);
}

export async function markLocallyEdited(q: Queryable, serviceId: string, columns: readonly string[]): Promise<void> {
  if (columns.length === 0) return;
  await q.query(
    `UPDATE services SET locally_edited_fields = (SELECT array_agg(DISTINCT f ORDER BY f) FROM unnest(locally_edited_fields || $2::text[]) AS f)
     WHERE id = $1::uuid`,
    [serviceId, columns],
  );
}

/** Removes events of an activity that are not in `keep` (the editor replaced them). */
export async function archiveOtherEvents(q: Queryable, serviceId: string, keep: readonly string[], at: Date): Promise<void> {
  await q.query(`UPDATE events SET status = 'archived', updated_at = $3 WHERE service_id = $1::uuid AND NOT (id = ANY($2::uuid[])) AND status <> 'archived'`, [
    serviceId,
    keep,
    at,
  ]);
}

export async function updateServiceStatus(q: Queryable, serviceId: string, status: string, at: Date): Promise<void> {
  await q.query(`UPDATE services SET status = $2, updated_at = $3 WHERE id = $1::uuid`, [serviceId, status, at]);
}

/** The provider confirmed the listing is current. */
export async function markReviewed(q: Queryable, serviceId: string, at: Date): Promise<void> {
  await q.query(`UPDATE services SET last_reviewed_at = $2, review_state = 'current' WHERE id = $1::uuid`, [serviceId, at]);
}

export interface ServiceChangeRow {
  id: string;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  action: string;
  fields: string[];
  diff: FieldDiff;
  comment: string | null;
}

export async function insertServiceChange(
  q: Queryable,
  row: { id: string; serviceId: string; at: Date; by: string | null; action: string; fields?: readonly string[]; diff?: FieldDiff; comment?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO service_changes (id, service_id, changed_at, changed_by, action, fields, diff, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.serviceId, row.at, row.by, row.action, row.fields ?? [], JSON.stringify(row.diff ?? {}), row.comment ?? null],
  );
}

export async function listServiceChanges(q: Queryable, serviceId: string): Promise<ServiceChangeRow[]> {
  return q.query<ServiceChangeRow>(
    `SELECT c.id, c.changed_at, c.changed_by, u.display_name AS changed_by_name, c.action, c.fields, c.diff, c.comment
     FROM service_changes c LEFT JOIN users u ON u.id = c.changed_by
     WHERE c.service_id = $1::uuid ORDER BY c.changed_at DESC, c.seq DESC`,
    [serviceId],
  );
}

export async function insertModerationDecision(
  q: Queryable,
  row: { id: string; itemType: string; itemId: string; regionCode: string | null; decision: string; comment: string | null; by: string; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO moderation_decisions (id, item_type, item_id, region_code, decision, comment, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.itemType, row.itemId, row.regionCode, row.decision, row.comment, row.by, row.at],
  );
}

export interface OrganisationRow {
  id: string;
  name: LocalisedText;
  region_code: string | null;
  source: string;
}

export async function findOrganisationRow(q: Queryable, id: string): Promise<OrganisationRow | undefined> {
  const rows = await q.query<OrganisationRow>('SELECT id, name, region_code, source FROM organisations WHERE id = $1::uuid', [id]);
  return rows[0];
}
