/**
 * Routine maintenance of the embedded database. A PostgreSQL server vacuums and analyzes its
 * tables itself (autovacuum); PGlite runs PostgreSQL as a single process without it, so dead
 * row versions and stale planner statistics would pile up as imports and edits change rows.
 * The server's hourly housekeeping calls this.
 */
import type { Db } from './db.ts';

/** On PGlite: VACUUM ANALYZE every table (true). On PostgreSQL: nothing, autovacuum does it (false). */
export async function maintainEmbeddedDatabase(db: Db): Promise<boolean> {
  if (db.kind !== 'pglite') return false;
  await db.exec('VACUUM ANALYZE');
  return true;
}
