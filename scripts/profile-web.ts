/**
 * Profiles the resident results pages of the web bench over a PostgreSQL database that holds
 * the demo tray: per page, every SQL statement with its time and the page's whole server time
 * (in-process, one request at a time). Development aid for the web bench.
 *   PROFILE_URL=postgres://…/web_bench npx tsx scripts/profile-web.ts [path…]
 */
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/index.ts';
import { benchDeps } from '../bench/support.ts';
import { resultPages } from '../bench/web.bench.ts';
import { timedDb } from './timed-db.ts';

const url = process.env.PROFILE_URL ?? 'postgres://postgres@127.0.0.1:5432/web_bench';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : resultPages;
const db = await openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 10 });
const log: { ms: number; sql: string }[] = [];
const timed = timedDb(db, ({ sql, ms }) => log.push({ ms, sql: sql.replace(/\s+/g, ' ').slice(0, 100) }));
const app = await buildApp(benchDeps(timed), { logger: false });
const rounds = Number(process.env.PROFILE_ROUNDS ?? 20);
let all = 0;
for (const path of paths) {
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: path });
  const sums = new Map<string, number>();
  let page = 0;
  for (let i = 0; i < rounds; i++) {
    log.length = 0;
    const t = performance.now();
    await app.inject({ method: 'GET', url: path });
    page += performance.now() - t;
    for (const entry of log) sums.set(entry.sql, (sums.get(entry.sql) ?? 0) + entry.ms);
  }
  const sql = [...sums.values()].reduce((a, b) => a + b, 0) / rounds;
  all += page / rounds;
  process.stdout.write(`${path}: page ${(page / rounds).toFixed(1)} ms, SQL ${sql.toFixed(1)} ms\n`);
  for (const [statement, ms] of sums) process.stdout.write(`  ${(ms / rounds).toFixed(2).padStart(6)} ms  ${statement}\n`);
}
process.stdout.write(`mean page ${(all / paths.length).toFixed(1)} ms\n`);
await app.close();
await db.close();
