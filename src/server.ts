/** Starts and stops the service: configuration, database, listen, graceful shutdown. */
import { buildApp, catalogues } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DatabaseUnavailableError, maintainEmbeddedDatabase, openDatabase, type Db } from './db/index.ts';
import { systemClock } from './platform/deps.ts';
import { createTransports, purgeFinishedMessages, startOutboxDispatcher, type Dispatcher } from './modules/outbox/index.ts';
import { InstrumentConfigError, purgeOldGuidanceSessions } from './modules/guidance/index.ts';
import { purgeExpiredSessions } from './modules/auth/index.ts';
import { startAuditScheduler } from './modules/quality/index.ts';
import { runReviewReminders } from './modules/providers/index.ts';
import { ReferralKeyError, startReferralJobs } from './modules/referrals/index.ts';
import { createI18n } from './platform/i18n.ts';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`tarjotin: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.problems);
    throw error;
  }

  let db: Db;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) fail([error.message]);
    throw error;
  }

  const deps = { config, db, clock: systemClock };
  const report = await prepareDatabase(deps, { demoData: config.demoData === 'auto' });
  let dispatcher: Dispatcher | undefined;
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(deps, { onMessageQueued: () => dispatcher?.nudge() });
  } catch (error) {
    if (error instanceof InstrumentConfigError || error instanceof ReferralKeyError) {
      await db.close();
      fail([error.message]);
    }
    throw error;
  }
  if (report.migrationsApplied.length > 0) app.log.info({ migrations: report.migrationsApplied }, 'migrations applied');
  if (report.demo) {
    app.log.info(`empty database: loaded the demo tray (${report.demo.services} activities, ${report.demo.organisations} organisations)`);
  }

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'needs more privileges' : `cannot be used (${code ?? error})`;
    await db.close();
    fail([`PORT ${config.port} on HOST ${config.host} ${reason}`]);
  }
  app.log.info(`Tarjotin is running at ${config.publicUrl} (database: ${db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  if (config.devLogin) app.log.warn(`development sign-in is on (DEV_LOGIN=on): ${config.publicUrl}/fi/sign-in`);

  // Every instance sends due messages (claims do not overlap) and forgets old data.
  dispatcher = startOutboxDispatcher(deps, createTransports(config, app.log), {
    intervalMs: config.outboxIntervalSeconds * 1000,
    onError: (error) => app.log.error({ err: error }, 'outbox: sending failed'),
    onReport: (report) => app.log.info(report, 'outbox: messages handled'),
  });
  // Scheduled data-quality audits: every instance ticks, one claims each run (AUDIT_INTERVAL_HOURS).
  const auditScheduler = startAuditScheduler(deps, {
    onError: (error) => app.log.error({ err: error }, 'quality audit failed'),
    onReport: (runs) => app.log.info({ runs: runs.map((r) => ({ region: r.regionCode, records: r.records, score: r.score })) }, 'quality audit done'),
  });
  const housekeeping = setInterval(() => {
    Promise.all([purgeOldGuidanceSessions(deps), purgeFinishedMessages(deps, 30), purgeExpiredSessions(deps), runReviewReminders(deps)])
      // PGlite has no autovacuum: its tables are vacuumed and analyzed here, after the purges.
      .then(() => maintainEmbeddedDatabase(db))
      .catch((error: unknown) => app.log.error({ err: error }, 'housekeeping failed'));
  }, 3_600_000);
  housekeeping.unref();
  // Follow-up reminders and personal-data retention of referrals (row claims: safe on every instance).
  const referralI18n = createI18n(catalogues);
  const referralJobs = startReferralJobs({ ...deps, translatorFor: (lang) => referralI18n.translator(lang) }, { intervalMs: 900_000, onError: (error) => app.log.error({ err: error }, 'referrals: scheduled jobs failed') });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    clearInterval(housekeeping);
    referralJobs.stop();
    await app.close();
    await dispatcher?.stop();
    await auditScheduler.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`tarjotin: failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
