/**
 * The audit log every module writes to. `recordAudit` takes the caller's transaction so that
 * the event is committed if and only if the change is. Events carry ids and codes, never
 * personal data (no names, addresses or free text about a person).
 */
import type { Queryable } from '../../db/index.ts';
import { insertAuditEvent, listAuditEvents, type AuditEventFilter, type AuditEventRow } from './audit.queries.ts';

export interface AuditEvent {
  /** When the change happened (the service's clock). */
  at: Date;
  /** The user who made the change; null for the system (start-up seeding, retention). */
  actorUserId: string | null;
  /** Dotted, module first: 'auth.role.granted', 'guidance.plan.sent'. */
  action: string;
  /** What kind of record changed ('user', 'organisation', 'guidance_session', ...). */
  subjectType: string;
  subjectId?: string | null;
  /** The organisation and region the change belongs to, for scoped audit views. */
  organisationId?: string | null;
  regionCode?: string | null;
  /** Ids, codes and counts only. */
  details?: Record<string, unknown>;
}

const personalDataKeys = /^(name|display_?name|email|e_?mail|phone|address|recipient|ssn|hetu|personal_?id)$/i;

/** Appends an event inside the caller's transaction. Refuses keys that would hold personal data. */
export async function recordAudit(tx: Queryable, event: AuditEvent): Promise<number> {
  const details = event.details ?? {};
  for (const key of Object.keys(details)) {
    if (personalDataKeys.test(key)) throw new Error(`audit details must not contain personal data (key "${key}")`);
  }
  return insertAuditEvent(tx, {
    occurredAt: event.at,
    actorUserId: event.actorUserId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    organisationId: event.organisationId ?? null,
    regionCode: event.regionCode ?? null,
    details,
  });
}

export type { AuditEventFilter, AuditEventRow };

/** The latest events first (admin views page backwards with `beforeId`). */
export async function readAuditEvents(q: Queryable, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  return listAuditEvents(q, filter);
}
