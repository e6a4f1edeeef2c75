/** SQL of guidance sessions, well-being checks and client plans. */
import type { Queryable } from '../../db/index.ts';
import type { GuidanceSession } from './guidance.types.ts';

interface SessionRow {
  id: string;
  organisation_id: string;
  region_code: string;
  created_by: string | null;
  status: GuidanceSession['status'];
  client_language: GuidanceSession['clientLanguage'];
  municipality_code: string | null;
  postal_code: string | null;
  age_group: GuidanceSession['ageGroup'];
  languages: GuidanceSession['languages'];
  mobility: GuidanceSession['mobility'];
  budget: GuidanceSession['budget'];
  need_areas: GuidanceSession['needAreas'];
  created_at: Date;
  updated_at: Date;
}

const sessionColumns = `id, organisation_id, region_code, created_by, status, client_language, municipality_code, postal_code,
  age_group, languages, mobility, budget, need_areas, created_at, updated_at`;

function toSession(row: SessionRow): GuidanceSession {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    regionCode: row.region_code,
    createdBy: row.created_by,
    status: row.status,
    clientLanguage: row.client_language,
    municipalityCode: row.municipality_code,
    postalCode: row.postal_code,
    ageGroup: row.age_group,
    languages: row.languages,
    mobility: row.mobility,
    budget: row.budget,
    needAreas: row.need_areas,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertGuidanceSession(
  q: Queryable,
  session: { id: string; organisationId: string; regionCode: string; createdBy: string; clientLanguage: string; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO guidance_sessions (id, organisation_id, region_code, created_by, client_language, created_at, updated_at)
     VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5, $6, $6)`,
    [session.id, session.organisationId, session.regionCode, session.createdBy, session.clientLanguage, session.now],
  );
}

export async function findGuidanceSession(q: Queryable, id: string): Promise<GuidanceSession | undefined> {
  const rows = await q.query<SessionRow>(`SELECT ${sessionColumns} FROM guidance_sessions WHERE id = $1::uuid`, [id]);
  return rows[0] ? toSession(rows[0]) : undefined;
}

export interface SessionListRow extends GuidanceSession {
  planItems: number;
}

/** The latest sessions of the given organisations. */
export async function listGuidanceSessions(q: Queryable, organisationIds: readonly string[], limit: number): Promise<SessionListRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await q.query<SessionRow & { plan_items: number }>(
    `SELECT ${sessionColumns.split(', ').map((c) => `s.${c.trim()}`).join(', ')},
       (SELECT count(*) FROM client_plans p JOIN client_plan_items i ON i.plan_id = p.id WHERE p.session_id = s.id) AS plan_items
     FROM guidance_sessions s WHERE s.organisation_id = ANY($1::uuid[])
     ORDER BY s.updated_at DESC, s.id LIMIT $2`,
    [organisationIds, limit],
  );
  return rows.map((row) => ({ ...toSession(row), planItems: row.plan_items }));
}

export async function updateGuidanceContext(
  q: Queryable,
  id: string,
  context: Pick<GuidanceSession, 'clientLanguage' | 'municipalityCode' | 'postalCode' | 'ageGroup' | 'languages' | 'mobility' | 'budget' | 'needAreas'>,
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE guidance_sessions SET client_language = $2, municipality_code = $3, postal_code = $4, age_group = $5,
       languages = $6::text[], mobility = $7::text[], budget = $8, need_areas = $9::text[], updated_at = $10
     WHERE id = $1::uuid`,
    [id, context.clientLanguage, context.municipalityCode, context.postalCode, context.ageGroup, context.languages, context.mobility, context.budget, context.needAreas, now],
  );
}

export async function touchGuidanceSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE guidance_sessions SET updated_at = $2 WHERE id = $1::uuid`, [id, now]);
}

export async function deleteGuidanceSession(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM guidance_sessions WHERE id = $1::uuid`, [id]);
}

/** Retention: deletes sessions (with their checks and plans) not changed since `before`. */
export async function deleteGuidanceSessionsNotChangedSince(q: Queryable, before: Date): Promise<number> {
  const rows = await q.query<{ id: string }>(`DELETE FROM guidance_sessions WHERE updated_at < $1 RETURNING id`, [before]);
  return rows.length;
}

export async function insertGuidanceCheck(
  q: Queryable,
  check: { id: string; sessionId: string; instrumentId: string; instrumentVersion: number; phase: 'initial' | 'follow_up'; now: Date; answers: Record<string, number> },
): Promise<void> {
  await q.query(
    `INSERT INTO guidance_checks (id, session_id, instrument_id, instrument_version, phase, recorded_at) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6)`,
    [check.id, check.sessionId, check.instrumentId, check.instrumentVersion, check.phase, check.now],
  );
  const entries = Object.entries(check.answers);
  if (entries.length === 0) return;
  await q.query(
    `INSERT INTO guidance_check_answers (check_id, item_id, value)
     SELECT $1::uuid, item_id, value FROM unnest($2::text[], $3::smallint[]) AS a(item_id, value)`,
    [check.id, entries.map(([item]) => item), entries.map(([, value]) => value)],
  );
}

export interface CheckRow {
  id: string;
  instrument_id: string;
  instrument_version: number;
  phase: 'initial' | 'follow_up';
  recorded_at: Date;
  answers: Record<string, number>;
}

export async function listGuidanceChecks(q: Queryable, sessionId: string): Promise<CheckRow[]> {
  return q.query<CheckRow>(
    `SELECT c.id, c.instrument_id, c.instrument_version, c.phase, c.recorded_at,
       coalesce((SELECT jsonb_object_agg(a.item_id, a.value) FROM guidance_check_answers a WHERE a.check_id = c.id), '{}'::jsonb) AS answers
     FROM guidance_checks c WHERE c.session_id = $1::uuid ORDER BY c.recorded_at, c.id`,
    [sessionId],
  );
}

export interface PlanRow {
  id: string;
  session_id: string;
  public_token: string;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

export async function findPlanOfSession(q: Queryable, sessionId: string): Promise<PlanRow | undefined> {
  const rows = await q.query<PlanRow>(`SELECT id, session_id, public_token, created_at, updated_at, expires_at FROM client_plans WHERE session_id = $1::uuid`, [sessionId]);
  return rows[0];
}

export async function findPlanByToken(q: Queryable, token: string): Promise<(PlanRow & { client_language: GuidanceSession['clientLanguage'] }) | undefined> {
  const rows = await q.query<PlanRow & { client_language: GuidanceSession['clientLanguage'] }>(
    `SELECT p.id, p.session_id, p.public_token, p.created_at, p.updated_at, p.expires_at, s.client_language
     FROM client_plans p JOIN guidance_sessions s ON s.id = p.session_id WHERE p.public_token = $1`,
    [token],
  );
  return rows[0];
}

export async function insertPlan(q: Queryable, plan: { id: string; sessionId: string; publicToken: string; now: Date; expiresAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO client_plans (id, session_id, public_token, created_at, updated_at, expires_at) VALUES ($1::uuid, $2::uuid, $3, $4, $4, $5)`,
    [plan.id, plan.sessionId, plan.publicToken, plan.now, plan.expiresAt],
  );
}

export async function touchPlan(q: Queryable, id: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query(`UPDATE client_plans SET updated_at = $2, expires_at = $3 WHERE id = $1::uuid`, [id, now, expiresAt]);
}

export interface PlanItemRow {
  service_id: string;
  position: number;
  need_areas: string[];
  added_at: Date;
}

export async function listPlanItems(q: Queryable, planId: string): Promise<PlanItemRow[]> {
  return q.query<PlanItemRow>(`SELECT service_id, position, need_areas, added_at FROM client_plan_items WHERE plan_id = $1::uuid ORDER BY position, service_id`, [planId]);
}

/** Adds activities at the end of the plan; ones already in it stay where they are. Returns how many were added. */
export async function insertPlanItems(q: Queryable, planId: string, items: readonly { serviceId: string; needAreas: string[] }[], now: Date): Promise<number> {
  let added = 0;
  for (const item of items) {
    const rows = await q.query<{ service_id: string }>(
      `INSERT INTO client_plan_items (plan_id, service_id, position, need_areas, added_at)
       SELECT $1::uuid, $2::uuid, coalesce((SELECT max(position) + 1 FROM client_plan_items WHERE plan_id = $1::uuid), 1), $3::text[], $4
       ON CONFLICT (plan_id, service_id) DO NOTHING RETURNING service_id`,
      [planId, item.serviceId, item.needAreas, now],
    );
    added += rows.length;
  }
  return added;
}

export async function deletePlanItem(q: Queryable, planId: string, serviceId: string): Promise<boolean> {
  const rows = await q.query<{ service_id: string }>(`DELETE FROM client_plan_items WHERE plan_id = $1::uuid AND service_id = $2::uuid RETURNING service_id`, [planId, serviceId]);
  return rows.length > 0;
}

/** Which of the given activities are in the public tray (a plan may only list those). */
export async function listPublicServiceIds(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>(`SELECT id FROM services WHERE id = ANY($1::uuid[]) AND status = 'published' AND in_tray`, [ids]);
  return rows.map((r) => r.id);
}

export interface ServiceTextRow {
  id: string;
  name: Record<string, string>;
  summary: Record<string, string>;
  themes: string[];
  target_groups: string[];
}

export async function listServiceTexts(q: Queryable, ids: readonly string[]): Promise<ServiceTextRow[]> {
  if (ids.length === 0) return [];
  return q.query<ServiceTextRow>(`SELECT id, name, summary, themes, target_groups FROM services WHERE id = ANY($1::uuid[])`, [ids]);
}
