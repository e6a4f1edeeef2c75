/** Shared helpers for benchmarks: databases on both backends, timing and table output. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { migrate, openDatabase, type Db } from '../src/db/index.ts';
import { openPglite } from '../src/db/pglite.ts';
import { syncReferenceData } from '../src/modules/catalog/index.ts';
import type { Deps } from '../src/platform/deps.ts';

export const benchPostgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: 'PGlite' | 'PostgreSQL';
  db: Db;
  /** The connection URL (PostgreSQL only), for benchmarks that start a server process. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh migrated database per backend; PostgreSQL is left out (with a note) when unreachable. */
export async function benchDatabases(): Promise<{ databases: (() => Promise<BenchDatabase>)[]; notes: string[] }> {
  const notes: string[] = [];
  const databases: (() => Promise<BenchDatabase>)[] = [
    async () => {
      const db = await openPglite('memory://');
      await migrate(db);
      await syncReferenceData(db);
      return { name: 'PGlite', db, drop: () => db.close() };
    },
  ];
  const admin = new pg.Client({ connectionString: benchPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.end();
    databases.push(async () => {
      const name = `tarjotin_bench_${randomBytes(4).toString('hex')}`;
      const client = new pg.Client({ connectionString: benchPostgresUrl });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(benchPostgresUrl);
      url.pathname = `/${name}`;
      const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', databasePoolSize: 10 });
      await migrate(db);
      await syncReferenceData(db);
      return {
        name: 'PostgreSQL',
        db,
        url: url.toString(),
        async drop() {
          await db.close();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.end();
        },
      };
    });
  } catch (error) {
    notes.push(`PostgreSQL skipped: cannot connect to ${benchPostgresUrl} (${(error as Error).message}); set BENCH_DATABASE_URL`);
  }
  return { databases, notes };
}

export function benchDeps(db: Db): Deps {
  return { config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'off', SECRET_KEY: 'bench-secret-key-that-is-long-enough-0123456789' }), db, clock: () => new Date() };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

/** Runs `work` `iterations` times (after a warm-up) and returns p50, p95 and operations/s. */
export async function measure(iterations: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, iterations); i++) await work(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: (iterations / total) * 1000 };
}

export type Table = { title: string; columns: string[]; rows: (string | number)[][]; notes?: string[] };

export function printTable(table: Table): void {
  const cells = [table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)));
  const line = (row: (string | number)[]) => `| ${row.map((c, i) => String(c).padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`\n${table.title}\n`);
  process.stdout.write(`${line(cells[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const row of cells.slice(1)) process.stdout.write(`${line(row)}\n`);
  for (const note of table.notes ?? []) process.stdout.write(`  ${note}\n`);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
