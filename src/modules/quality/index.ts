/** The quality module's public API: audits, the scheduler, the CLI command, pages and messages. */
export { runAudit, type AuditOptions, type AuditRunResult } from './quality.service.ts';
export { runScheduledAuditIfDue, startAuditScheduler, type AuditScheduler } from './quality.scheduler.ts';
export { AuditUsageError, formatAuditSummary, runAuditCommand } from './quality.cli.ts';
export { rules, ruleIds } from './quality.rules.ts';
export { registerQualityRoutes } from './quality.routes.ts';
export { qualityMessages } from './quality.messages.ts';
