/**
 * Test databases. Every integration test runs on PGlite and, when TEST_DATABASE_URL is set, on
 * PostgreSQL too; each test file gets its own fresh database (PGlite in memory from a migrated
 * snapshot; PostgreSQL as a copy of the run's template database, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { migrate, openDatabase, type Db } from '../../src/db/index.ts';
import { openPglite } from '../../src/db/pglite.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { syncReferenceData } from '../../src/modules/catalog/index.ts';
import { skipReason } from './requirements.ts';

export type Backend = 'pglite' | 'postgres';

let pgliteSnapshot: Promise<Blob> | undefined;

async function migratedSnapshot(): Promise<Blob> {
  const db = await openPglite('memory://');
  await migrate(db);
  await syncReferenceData(db);
  const snapshot = await db.snapshot();
  await db.close();
  return snapshot;
}

export interface TestDatabase {
  db: Db;
  /** PostgreSQL only: the database's URL (for tests that start a child process on it) */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    pgliteSnapshot ??= migratedSnapshot();
    const db = await openPglite('memory://', { loadDataDir: await pgliteSnapshot });
    return { db, drop: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tarjotin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const template = process.env.TARJOTIN_TEST_TEMPLATE;
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: dbUrl.toString(), dataDir: '', databasePoolSize: 5 });
  if (!template) {
    await migrate(db);
    await syncReferenceData(db);
  }
  return {
    db,
    url: dbUrl.toString(),
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'off',
    PUBLIC_URL: 'http://tarjotin.test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...overrides,
  });
}

export function testDeps(db: Db, overrides: Partial<Deps> = {}): Deps {
  return { config: testConfig(), db, clock: () => new Date('2026-11-28T10:00:00Z'), ...overrides };
}

const postgresSkip = skipReason('PostgreSQL', Boolean(process.env.TEST_DATABASE_URL), 'TEST_DATABASE_URL is not set');

export const backends: { backend: Backend; skipReason?: string }[] = [
  { backend: 'pglite' },
  postgresSkip ? { backend: 'postgres', skipReason: postgresSkip } : { backend: 'postgres' },
];

/**
 * Declares the same suite for every backend. The PostgreSQL suite shows as skipped, with the
 * reason in its title, when no server is configured.
 */
export function describeEachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const { backend, skipReason } of backends) {
    describe.skipIf(skipReason !== undefined)(`${title} [${backend}${skipReason ? ` ${skipReason}` : ''}]`, () =>
      suite(backend),
    );
  }
}
