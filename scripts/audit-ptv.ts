/**
 * `npx tsx scripts/audit-ptv.ts [v8|v9]`: loads the recorded real PTV records (../shared/data/ptv)
 * into a fresh embedded database through the PTV stand-in, audits all regions and prints the
 * scorecard (records audited, share passing per rule, weighted score, run time).
 */
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/index.ts';
import { openPglite } from '../src/db/pglite.ts';
import { systemClock } from '../src/platform/deps.ts';
import { syncReferenceData } from '../src/modules/catalog/index.ts';
import { formatAuditSummary, runAudit } from '../src/modules/quality/index.ts';
import { loadPtvCorpus, type PtvCorpus } from '../test/support/ptv-stand-in.ts';

const version = (process.argv[2] ?? 'v8') as PtvCorpus;
const db = await openPglite('memory://');
try {
  await migrate(db);
  await syncReferenceData(db);
  const loaded = await loadPtvCorpus(db, version);
  process.stdout.write(`loaded PTV ${version}: ${loaded.services} services (${loaded.rejected} records rejected)\n`);
  const config = loadConfig({ ...process.env, DEMO_DATA: 'off', LOG_LEVEL: 'silent' });
  const result = await runAudit({ config, db, clock: systemClock }, { regionCode: null, trigger: 'cli' });
  process.stdout.write(formatAuditSummary(result));
} finally {
  await db.close();
}
