import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type { Db, Queryable, Row, Transaction } from './db.ts';
export { migrate, migrationStatus, listMigrations } from './migrate.ts';
export { maintainEmbeddedDatabase } from './maintenance.ts';

export class DatabaseUnavailableError extends Error {}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<Db> {
  if (config.databaseUrl) {
    try {
      return await openPostgres({ connectionString: config.databaseUrl, poolSize: config.databasePoolSize });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseUnavailableError(`DATABASE_URL: cannot connect to the database (${reason})`);
    }
  }
  const dir = join(config.dataDir, 'pglite');
  try {
    return await openPglite(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`DATA_DIR: cannot open the embedded database in ${dir} (${reason})`);
  }
}
