/** SQL of the audit log. There is deliberately no UPDATE or DELETE here: the log is append-only. */
import type { Queryable } from '../../db/index.ts';

export interface AuditEventInsert {
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  organisationId: string | null;
  regionCode: string | null;
  details: Record<string, unknown>;
}

export async function insertAuditEvent(q: Queryable, event: AuditEventInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO audit_events (occurred_at, actor_user_id, action, subject_type, subject_id, organisation_id, region_code, details)
     VALUES ($1, $2::uuid, $3, $4, $5, $6::uuid, $7, $8::jsonb)
     RETURNING id`,
    [
      event.occurredAt,
      event.actorUserId,
      event.action,
      event.subjectType,
      event.subjectId,
      event.organisationId,
      event.regionCode,
      JSON.stringify(event.details),
    ],
  );
  return rows[0]!.id;
}

export interface AuditEventRow {
  id: number;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  organisation_id: string | null;
  region_code: string | null;
  details: Record<string, unknown>;
}

export interface AuditEventFilter {
  /** Only events of these regions (plus events without a region when includeUnscoped). */
  regionCode?: string;
  subjectType?: string;
  subjectId?: string;
  actionPrefix?: string;
  /** Events with an id below this (paging backwards in time). */
  beforeId?: number;
  limit: number;
}

export async function listAuditEvents(q: Queryable, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['true'];
  if (filter.regionCode) conditions.push(`region_code = ${add(filter.regionCode)}`);
  if (filter.subjectType) conditions.push(`subject_type = ${add(filter.subjectType)}`);
  if (filter.subjectId) conditions.push(`subject_id = ${add(filter.subjectId)}`);
  if (filter.actionPrefix) conditions.push(`action LIKE ${add(`${filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (filter.beforeId !== undefined) conditions.push(`id < ${add(filter.beforeId)}`);
  return q.query<AuditEventRow>(
    `SELECT id, occurred_at, actor_user_id, action, subject_type, subject_id, organisation_id, region_code, details
     FROM audit_events WHERE ${conditions.join(' AND ')}
     ORDER BY id DESC LIMIT ${add(filter.limit)}`,
    params,
  );
}
