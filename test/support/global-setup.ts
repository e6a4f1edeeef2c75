/**
 * Runs once per test run. With TEST_DATABASE_URL it builds a migrated template database on the
 * PostgreSQL server that every test file copies (fast), and drops it at the end. Without it,
 * it says clearly that the PostgreSQL variants are skipped.
 */
import pg from 'pg';
import { migrate, openDatabase } from '../../src/db/index.ts';
import { syncReferenceData } from '../../src/modules/catalog/index.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    process.stdout.write('\n[tarjotin tests] PostgreSQL variants SKIPPED: TEST_DATABASE_URL is not set (PGlite tests run).\n\n');
    return async () => {};
  }
  const template = `tarjotin_tmpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const db = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: '', databasePoolSize: 2 });
  await migrate(db);
  await syncReferenceData(db);
  await db.close();
  process.env.TARJOTIN_TEST_TEMPLATE = template;
  process.stdout.write(`\n[tarjotin tests] PostgreSQL variants run against ${templateUrl.host} (template ${template}).\n\n`);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}
