/** The audit module's public API: append-only audit events for every module. */
export { recordAudit, readAuditEvents, type AuditEvent, type AuditEventFilter, type AuditEventRow } from './audit.service.ts';
