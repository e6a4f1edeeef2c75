import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Db, Queryable, Transaction } from './db.ts';
import { parseDate, parseInt8, parseNumeric, pgTypes } from './db.ts';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

function queryable(client: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const result = await client.query<T>(sql, params ? [...params] : undefined);
      return result.rows;
    },
  };
}

function asTransaction(client: PgliteLike): Transaction {
  const tx: Transaction = {
    ...queryable(client),
    async exec(sql) {
      await client.exec(sql);
    },
    transaction: (work) => work(tx),
  };
  return tx;
}

/**
 * Opens the embedded database. `dataDir` is a directory path, or `memory://` for an
 * ephemeral database (tests). PGlite is a single connection: queries are serialised, and a
 * transaction holds the connection until it ends, which keeps transactions isolated.
 */
export interface PgliteDb extends Db {
  /** The whole database as a tarball: tests start new databases from a migrated snapshot. */
  snapshot(): Promise<Blob>;
}

export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PgliteDb> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgTypes.int8]: parseInt8,
      [pgTypes.numeric]: parseNumeric,
      [pgTypes.date]: parseDate,
    },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db: PgliteDb = {
    kind: 'pglite',
    ...queryable(client),
    async exec(sql) {
      await client.exec(sql);
    },
    transaction(work) {
      return client.transaction((tx) => work(asTransaction(tx)));
    },
    async withAdvisoryLock(_key, work) {
      // A single embedded connection per process: there is nobody to race with.
      return work();
    },
    async close() {
      await client.close();
    },
    snapshot() {
      return client.dumpDataDir('none');
    },
  };
  return db;
}

