/**
 * npm run eval:search -- --set PATH [--out FILE] [--analyser auto|voikko|fallback] [--per-query]
 *
 * Imports the recorded PTV services (../shared/data/ptv) into a fresh embedded database through
 * the real PTV importer (HTTP sync against the local replay server), puts every imported service
 * in the public tray (the relevance set ranks the whole corpus) and reindexes the ones that were
 * not public, then runs every query of the set (JSON lines {id, lang, query, filters?,
 * judgments}) through the production search and through the plain snowball baseline, and prints
 * nDCG@10, recall@20 and the zero-result rate per language and overall, side by side. With --out
 * it writes {"id", "ranking": [ptvServiceGuid, …]} lines (scorable by shared/search-eval/score.mjs).
 * The last line of output is one JSON object with the overall figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/index.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { systemClock } from '../../src/platform/deps.ts';
import { publicServiceCondition, syncReferenceData } from '../../src/modules/catalog/index.ts';
import { configureSearchAnalyser, ensureSearchIndex, reindexServices, searchAnalyser, searchServices } from '../../src/modules/search/index.ts';
import { toSearchQuery } from '../../src/modules/search/search.routes.ts';
import type { SearchRequest } from '../../src/modules/search/search.schemas.ts';
import { parseAnalyserChoice } from '../../src/modules/search/search.analyser.ts';
import { buildBaseline, searchBaseline } from './baseline.ts';
import { summarise, type Judged, type Summary } from './metrics.ts';
import { importRecordedPtvData } from '../../test/support/ptv-import.ts';

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

configureSearchAnalyser(choice);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'off', SECRET_KEY: 'eval-search-secret-key-0123456789abcdef', SEARCH_ANALYSER: choice });
const db = await openPglite('memory://');
const deps = { config, db, clock: systemClock };
await migrate(db);
await syncReferenceData(db);
await ensureSearchIndex(db);
const started = performance.now();
const imported = await importRecordedPtvData(db);
// The relevance set ranks the whole corpus: every imported service goes in the public tray
// (the importer keeps non-activities out of it), and the ones that were not public get their
// search documents now. One write time for all: the importer's transactions are seconds apart,
// and the freshness factor would otherwise break near-ties by import order.
const madePublic = await db.transaction(async (tx) => {
  const rows = await tx.query<{ id: string; was_public: boolean }>(
    `WITH already_public AS (SELECT s.id FROM services s WHERE s.source = 'ptv' AND ${publicServiceCondition})
     UPDATE services s SET status = 'published', in_tray = true, review_state = 'current', updated_at = now()
      WHERE s.source = 'ptv' RETURNING s.id, s.id IN (SELECT id FROM already_public) AS was_public`,
  );
  const changed = rows.filter((r) => !r.was_public).map((r) => r.id);
  await reindexServices(tx, changed);
  return changed.length;
});
const guidOf = new Map((await db.query<{ id: string; source_id: string }>(`SELECT id, source_id FROM services WHERE source = 'ptv'`)).map((r) => [r.id, r.source_id]));
const [{ documents } = { documents: 0 }] = await db.query<{ documents: number }>(`SELECT count(*)::integer AS documents FROM search_documents`);
const rejected = imported.counts.rejected;
process.stderr.write(
  `${guidOf.size} PTV services imported (${madePublic} put in the tray), ${documents} indexed in ${((performance.now() - started) / 1000).toFixed(1)} s (analyser ${searchAnalyser().id}${rejected ? `, ${rejected} rejected` : ''})\n`,
);
const known = new Set(guidOf.values());
const unresolved = [...new Set(set.flatMap((q) => Object.keys(q.judgments)))].filter((guid) => !known.has(guid));
if (unresolved.length > 0) throw new Error(`judged services not in the corpus: ${unresolved.join(', ')}`);
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
