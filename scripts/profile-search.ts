/**
 * Profiles one search case over a PostgreSQL database that holds a scaled demo tray: every SQL
 * statement of a whole searchServices call with its time. Development aid for the search bench.
 *   PROFILE_URL=postgres://…/search_bench npx tsx scripts/profile-search.ts "liikuntaa ikäihmisille" fi [filters-json]
 */
import { openDatabase } from '../src/db/index.ts';
import { timedDb } from './timed-db.ts';
import { searchServices, type SearchQuery } from '../src/modules/search/index.ts';
import { benchDeps } from '../bench/support.ts';

const url = process.env.PROFILE_URL ?? 'postgres://postgres@127.0.0.1:5432/search_bench';
const [text = 'jumppa', lang = 'fi', extra = '{}'] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 10 });
const log: string[] = [];
let explain = false;
const timed = timedDb(db, async ({ sql, params, ms }) => {
  log.push(`${ms.toFixed(1).padStart(7)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}`);
  if (explain && ms > 5) {
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    log.push(plan.map((r) => r['QUERY PLAN']).join('\n'));
  }
});
const deps = benchDeps(timed);
const query = { text, lang: lang as SearchQuery['lang'], ...JSON.parse(extra) } as SearchQuery;
const rounds = Number(process.env.PROFILE_ROUNDS ?? 3);
for (let round = 0; round < rounds; round++) {
  log.length = 0;
  explain = round === rounds - 1 && process.env.PROFILE_EXPLAIN === '1';
  const t = performance.now();
  const result = await searchServices(deps, query);
  process.stdout.write(`round ${round}: ${(performance.now() - t).toFixed(1)} ms, total ${result.total}\n${log.join('\n')}\n`);
}
await db.close();
