/**
 * Search latency over a scaled-up demo tray: 100,000 activities and 200,000 event occurrences
 * (the demo generator's events repeated weekly), on PostgreSQL and PGlite, for text only, text +
 * 3 filters + facets, and distance-sorted queries, with the plain snowball baseline (one
 * plainto_tsquery + ts_rank over a per-language tsvector of the same activities) in the same run.
 * Every measured call is a whole `searchServices` (list + facet counts + hits), sequential.
 * Target: p95 ≤ 20 ms on PostgreSQL for text + filters + facets.
 * BENCH_SEARCH_COUNT scales it down for a quick look (e.g. 10000); BENCH_SEARCH_BACKENDS=postgres
 * or pglite runs one; BENCH_SEARCH_REUSE_URL names a PostgreSQL database that already holds the
 * scaled tray (`tarjotin demo-data --count 100000`), which skips the ~9 minutes of loading.
 */
import { openDatabase } from '../src/db/index.ts';
import type { Db } from '../src/db/index.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';
import { searchServices, type SearchQuery } from '../src/modules/search/index.ts';
import { benchDatabases, benchDeps, measure, type BenchDatabase, type Table } from './support.ts';

const activities = Number(process.env.BENCH_SEARCH_COUNT ?? 100_000);
const occurrences = activities * 2;
/** Sequential calls per case: PGlite (WASM, one connection) is much slower, so it gets fewer. */
const iterations = { PostgreSQL: Number(process.env.BENCH_SEARCH_ITERATIONS ?? 100), PGlite: Number(process.env.BENCH_SEARCH_ITERATIONS ?? 20) };

const texts: [string, SearchQuery['lang']][] = [
  ['jumppa', 'fi'], ['yksinäisyys', 'fi'], ['kuoro', 'fi'], ['vertaistuki omaishoitajille', 'fi'], ['liikuntaa ikäihmisille', 'fi'],
  ['motion', 'sv'], ['gratis kör', 'sv'], ['choir', 'en'], ['peer support', 'en'], ['tuolijumpa', 'fi'],
];

/** Repeats the events a week later until there are `target` of them. */
async function scaleEvents(db: Db, target: number): Promise<number> {
  for (let week = 1; ; week++) {
    const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM events');
    if (count >= target) return count;
    await db.query(
      `INSERT INTO events
       SELECT (jsonb_populate_record(e, jsonb_build_object('id', gen_random_uuid(), 'source_id', NULL,
                 'starts_at', e.starts_at + make_interval(days => 7 * $1::integer),
                 'ends_at', e.ends_at + make_interval(days => 7 * $1::integer)))).*
         FROM events e
        LIMIT $2`,
      [week, target - count],
    );
  }
}

async function buildBaseline(db: Db): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS bench_baseline_rows;
    CREATE TABLE bench_baseline_rows AS
    SELECT s.id AS service_id, l.language,
           setweight(to_tsvector(l.config, coalesce(s.name->>l.language, '')), 'A')
        || setweight(to_tsvector(l.config, coalesce(s.summary->>l.language, '')), 'B')
        || setweight(to_tsvector(l.config, coalesce(s.description->>l.language, '')), 'C') AS tsv
      FROM services s
      CROSS JOIN (VALUES ('fi', 'finnish'::regconfig), ('sv', 'swedish'::regconfig), ('en', 'english'::regconfig)) AS l(language, config)
     WHERE s.name ? l.language;
    CREATE INDEX ON bench_baseline_rows USING gin (tsv);
    ANALYZE bench_baseline_rows;`);
}

const baselineConfig = { fi: 'finnish', sv: 'swedish', en: 'english' } as const;

async function searchBaseline(db: Db, text: string, lang: SearchQuery['lang']): Promise<unknown> {
  return db.query(
    `SELECT service_id, count(*) OVER () AS total FROM bench_baseline_rows
      WHERE language = $1 AND tsv @@ plainto_tsquery($2::regconfig, $3)
      ORDER BY ts_rank(tsv, plainto_tsquery($2::regconfig, $3)) DESC, service_id LIMIT 20`,
    [lang, baselineConfig[lang], text],
  );
}

export async function runSearchBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  const rows: Table['rows'] = [];
  const only = process.env.BENCH_SEARCH_BACKENDS;
  const reuse = process.env.BENCH_SEARCH_REUSE_URL;
  // PostgreSQL first: its figures are the target's.
  const opens: (() => Promise<BenchDatabase & { reused?: boolean }>)[] = [...databases].reverse().map((open, i) =>
    reuse && i === 0 && databases.length > 1
      ? async () => ({ name: 'PostgreSQL', db: await openDatabase({ databaseUrl: reuse, dataDir: '', databasePoolSize: 10 }), reused: true, drop: async () => undefined })
      : open,
  );
  for (const open of opens) {
    const bench = await open();
    if (only && bench.name.toLowerCase() !== only) {
      await bench.drop();
      continue;
    }
    try {
      const deps = benchDeps(bench.db);
      const loadStarted = performance.now();
      if (!bench.reused) await loadDemoData(deps, { seed: 2026, count: activities, anchorDate: new Date().toISOString().slice(0, 10) });
      const events = await scaleEvents(bench.db, occurrences);
      // Fresh statistics after the events were doubled: the steady state autovacuum keeps on
      // PostgreSQL; PGlite has no autovacuum, so it gets the ANALYZE a maintainer would run.
      await bench.db.exec(bench.name === 'PostgreSQL' ? 'VACUUM ANALYZE' : 'ANALYZE');
      await buildBaseline(bench.db);
      notes.push(`${bench.name}: ${activities} activities, ${events} event occurrences loaded and indexed in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);
      const run = (query: (i: number) => Partial<SearchQuery>) => (i: number) =>
        searchServices(deps, { lang: texts[i % texts.length]![1], ...query(i) });
      const cases: [string, (i: number) => Promise<unknown>][] = [
        ['text only', run((i) => ({ text: texts[i % texts.length]![0] }))],
        ['text + 3 filters + facets', run((i) => ({ text: texts[i % texts.length]![0], regionCode: '08', free: true, targetGroups: ['older_people'] }))],
        ['text, distance-sorted (postal code)', run((i) => ({ text: texts[i % texts.length]![0], near: { postalCode: '33100' }, sort: 'distance' }))],
        ['filters only + facets', run(() => ({ themes: ['exercise'], municipalityCode: '837', free: true }))],
        ['baseline: plain snowball FTS, text only', (i) => searchBaseline(bench.db, texts[i % texts.length]![0], texts[i % texts.length]![1])],
      ];
      for (const [label, work] of cases) {
        const result = await measure(iterations[bench.name], work);
        rows.push([bench.name, label, result.p50, result.p95, result.perSecond]);
        process.stderr.write(`${bench.name} ${label}: p50 ${result.p50} p95 ${result.p95}\n`);
      }
    } finally {
      if (bench.reused) await bench.db.close();
      await bench.drop();
    }
  }
  return {
    title: `Search (${activities.toLocaleString('en')} demo activities, ${occurrences.toLocaleString('en')} event occurrences; whole searchServices calls, sequential)`,
    columns: ['database', 'query', 'p50 ms', 'p95 ms', 'requests/s'],
    rows,
    notes,
  };
}
