/**
 * npm run eval:search -- --set PATH [--out FILE] [--analyser auto|voikko|fallback] [--per-query]
 *
 * Imports the recorded PTV services (../shared/data/ptv, or TARJOTIN_SHARED_DIR) into a fresh
 * embedded database, runs every query of the set (JSON lines {id, lang, query, filters?,
 * judgments}) through the production search and through the plain snowball baseline, and prints
 * nDCG@10, recall@20 and the zero-result rate per language and overall, side by side. With --out
 * it writes {"id", "ranking": [ptvServiceGuid, …]} lines (scorable by shared/search-eval/score.mjs).
 * The last line of output is one JSON object with the overall figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/index.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { systemClock } from '../../src/platform/deps.ts';
import { syncReferenceData } from '../../src/modules/catalog/index.ts';
import { configureSearchAnalyser, ensureSearchIndex, searchAnalyser, searchServices } from '../../src/modules/search/index.ts';
import { toSearchQuery } from '../../src/modules/search/search.routes.ts';
import type { SearchRequest } from '../../src/modules/search/search.schemas.ts';
import { parseAnalyserChoice } from '../../src/modules/search/search.analyser.ts';
import { buildBaseline, searchBaseline } from './baseline.ts';
import { summarise, type Judged, type Summary } from './metrics.ts';
import { loadPtvCorpus } from './ptv-loader.ts';

const { values } = parseArgs({
  options: { set: { type: 'string' }, out: { type: 'string' }, analyser: { type: 'string' }, 'per-query': { type: 'boolean' } },
});
if (!values.set) {
  process.stderr.write('usage: npm run eval:search -- --set PATH [--out FILE] [--analyser auto|voikko|fallback] [--per-query]\n');
  process.exit(2);
}
const choice = parseAnalyserChoice(values.analyser ?? process.env.SEARCH_ANALYSER ?? 'auto');
if (!choice) throw new Error('--analyser must be auto, voikko or fallback');

interface SetLine extends Judged {
  query: string;
  filters?: Record<string, unknown>;
}
const set = readFileSync(values.set, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as SetLine);

const shared = resolve(process.env.TARJOTIN_SHARED_DIR ?? join(import.meta.dirname, '../../../shared'));
const ptv = join(shared, 'data/ptv');
configureSearchAnalyser(choice);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'off', SECRET_KEY: 'eval-search-secret-key-0123456789abcdef', SEARCH_ANALYSER: choice });
const db = await openPglite('memory://');
const deps = { config, db, clock: systemClock };
await migrate(db);
await syncReferenceData(db);
await ensureSearchIndex(db);
const started = performance.now();
const loaded = await loadPtvCorpus(db, [join(ptv, 'kunta-api-v8-2018'), join(ptv, 'kunta-api-v9-2018-12')]);
const guidOf = new Map((await db.query<{ id: string; source_id: string }>(`SELECT id, source_id FROM services`)).map((r) => [r.id, r.source_id]));
process.stderr.write(`${loaded.services} PTV services imported and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s (analyser ${searchAnalyser().id}${loaded.rejected.length ? `, ${loaded.rejected.length} rejected` : ''})\n`);
await buildBaseline(db);

const runs = new Map<string, string[]>();
const baselineRuns = new Map<string, string[]>();
const t0 = performance.now();
for (const q of set) {
  const request = { ...(q.filters ?? {}), q: q.query, lang: q.lang } as SearchRequest;
  let ranking: string[] = [];
  try {
    const result = await searchServices(deps, { ...toSearchQuery(request), page: 1, pageSize: 50 });
    ranking = result.items.map((item) => guidOf.get(item.id) ?? item.id);
  } catch (error) {
    process.stderr.write(`${q.id}: ${(error as Error).message}\n`);
  }
  runs.set(q.id, ranking);
  baselineRuns.set(q.id, await searchBaseline(db, q.query, q.lang));
}
const msPerQuery = (performance.now() - t0) / Math.max(1, set.length);

const ours = summarise(set, runs);
const baseline = summarise(set, baselineRuns);
const f = (n: number) => n.toFixed(3);
const lines = ['lang  queries  nDCG@10 (baseline)  recall@20 (baseline)  zero-result (baseline)'];
for (const lang of Object.keys(ours)) {
  const a = ours[lang] as Summary;
  const b = baseline[lang] as Summary;
  lines.push(`${lang.padEnd(5)} ${String(a.queries).padStart(7)}  ${f(a.ndcg10)} (${f(b.ndcg10)})       ${f(a.recall20)} (${f(b.recall20)})         ${f(a.zeroResultRate)} (${f(b.zeroResultRate)})`);
}
process.stdout.write(`analyser ${searchAnalyser().id}, ${msPerQuery.toFixed(1)} ms per query (PGlite)\n${lines.join('\n')}\n`);
if (values['per-query']) {
  for (const q of set) {
    const one = summarise([q], runs).all as Summary;
    process.stdout.write(`  ${q.id.padEnd(8)} ${f(one.ndcg10)} ${f(one.recall20)} ${String(runs.get(q.id)?.length ?? 0).padStart(3)}  ${q.query}\n`);
  }
}
if (values.out) writeFileSync(values.out, set.map((q) => JSON.stringify({ id: q.id, ranking: runs.get(q.id) ?? [] })).join('\n') + '\n');
const all = ours.all as Summary;
process.stdout.write(
  `${JSON.stringify({ ndcg10: all.ndcg10, baselineNdcg10: (baseline.all as Summary).ndcg10, recall20: all.recall20, zeroResultRate: all.zeroResultRate, queries: all.queries })}\n`,
);
await db.close();
