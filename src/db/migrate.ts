import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_LOCK = 7_310_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The migration files in order. Names are `NNNN_description.sql`; never edit one once applied. */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}${file}`, 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

async function ensureTable(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed afterwards: a forward-only violation. */
  changed: string[];
}

export async function migrationStatus(db: Db, migrations = listMigrations()): Promise<MigrationStatus> {
  const tableExists = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  const rows = tableExists[0]?.exists
    ? await db.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')
    : [];
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  return {
    applied: [...applied.keys()].sort(),
    pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name),
    changed: migrations.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

/**
 * Applies every pending migration, each in its own transaction, under an advisory lock so
 * that app instances starting together do not race. Returns the names applied.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.withAdvisoryLock(MIGRATION_LOCK, async () => {
    await ensureTable(db);
    const status = await migrationStatus(db, migrations);
    if (status.changed.length > 0) {
      throw new Error(
        `migrations changed after they were applied: ${status.changed.join(', ')} (add a new migration instead)`,
      );
    }
    const pending = migrations.filter((m) => status.pending.includes(m.name));
    for (const migration of pending) {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          migration.name,
          migration.checksum,
        ]);
      });
    }
    return pending.map((m) => m.name);
  });
}
