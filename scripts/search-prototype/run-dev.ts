/**
 * Prototype evaluation on the development set (shared/search-eval/dev.jsonl):
 *   npx tsx scripts/search-prototype/run-dev.ts [--shared ../shared] [--yso] [--variants all|final]
 *   [--hint query|fi] [--per-query] [--out DIR]
 * Indexes the 446 PTV services in an in-memory PGlite once per analyser, runs every query, writes
 * one run file per variant and scores it with shared/search-eval/score.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Queryable } from '../../src/db/index.ts';
import type { FinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import { createFinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import type { SearchLanguage } from '../../src/modules/search/analysis/language.ts';
import { loadVoikko } from '../../src/modules/search/analysis/voikko.ts';
import { CrossLanguageDictionary, readYsoLabels } from '../../src/modules/search/concepts/dictionary.ts';
import { buildBaseline, searchBaseline } from './baseline.ts';
import { buildIndex } from './prototype-index.ts';
import { loadPtvServices } from './ptv-corpus.ts';
import type { PipelineSettings } from './search-service.ts';
import { createSearch, defaultSettings } from './search-service.ts';
import { variants } from './variants.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const shared = resolve(option('shared', resolve(import.meta.dirname, '../../../shared')));
const outDir = resolve(option('out', '/tmp/search-prototype-runs'));
const hintMode = option('hint', 'query');
const useYso = args.includes('--yso');
const perQuery = args.includes('--per-query');
const variantFilter = option('variants', 'all');
mkdirSync(outDir, { recursive: true });

interface DevQuery {
  id: string;
  lang: SearchLanguage;
  query: string;
}
const devSet = readFileSync(join(shared, 'search-eval/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as DevQuery);

const { services, places } = loadPtvServices([join(shared, 'data/ptv/kunta-api-v8-2018/services'), join(shared, 'data/ptv/kunta-api-v9-2018-12/services')]);
const dictionary = new CrossLanguageDictionary();
for (const service of services) for (const triple of service.labels) dictionary.add(triple);
if (useYso) for (const triple of await readYsoLabels(join(shared, 'data/yso/annif-corpora-yso-2019.3-cicero'))) dictionary.add(triple);
console.log(`services ${services.length}, places ${places.length}, dictionary entries ${dictionary.size}${useYso ? ' (PTV labels + YSO)' : ' (PTV labels)'}`);

interface Summary { 'nDCG@10': number; 'recall@20': number; zeroResultRate: number; queries: number }
function score(name: string, runs: { id: string; ranking: string[] }[]): Record<string, Summary> {
  const file = join(outDir, `${name}.jsonl`);
  writeFileSync(file, runs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const output = execFileSync('node', [join(shared, 'search-eval/score.mjs'), '--set', join(shared, 'search-eval/dev.jsonl'), '--run', file, '--json', ...(perQuery ? ['--per-query'] : [])], { encoding: 'utf8' });
  const parsed = JSON.parse(output) as { summary: Record<string, Summary>; perQuery?: { id: string; ndcg: number; recall: number; query: string; results: number }[] };
  if (perQuery && parsed.perQuery) {
    for (const q of parsed.perQuery) console.log(`  ${q.id.padEnd(7)} ${q.ndcg.toFixed(3)} ${q.recall.toFixed(2)} ${String(q.results).padStart(3)}  ${q.query}`);
  }
  return parsed.summary;
}

const table: string[] = ['| variant | analyser | lang | nDCG@10 | recall@20 | zero-result |', '|---|---|---|---|---|---|'];
function report(variant: string, analyser: string, summary: Record<string, Summary>) {
  for (const lang of ['fi', 'sv', 'en', 'all']) {
    const s = summary[lang];
    if (!s) continue;
    table.push(`| ${variant} | ${analyser} | ${lang} (${s.queries}) | ${s['nDCG@10'].toFixed(3)} | ${s['recall@20'].toFixed(3)} | ${s.zeroResultRate.toFixed(3)} |`);
  }
  const all = summary.all!;
  console.log(`${variant.padEnd(28)} ${analyser.padEnd(9)} nDCG@10 ${all['nDCG@10'].toFixed(3)}  R@20 ${all['recall@20'].toFixed(3)}  zero ${all.zeroResultRate.toFixed(3)}  | fi ${summary.fi?.['nDCG@10'].toFixed(3)} sv ${summary.sv?.['nDCG@10'].toFixed(3)} en ${summary.en?.['nDCG@10'].toFixed(3)}`);
}

const db = await PGlite.create({ extensions: { pg_trgm } });
const queryable = {
  query: async (sql: string, params?: readonly unknown[]) => (await db.query(sql, params ? [...params] : undefined)).rows as never,
  exec: (sql: string) => db.exec(sql),
} satisfies Queryable & { exec(sql: string): Promise<unknown> };

await buildBaseline(db, services);
report('plain snowball baseline', 'none', score('baseline', await Promise.all(devSet.map(async (q) => ({ id: q.id, ranking: await searchBaseline(db, q.query, q.lang) })))));

const analysers: FinnishAnalyser[] = [];
const voikko = loadVoikko();
if (voikko) analysers.push(createFinnishAnalyser({ choice: 'voikko', loadVoikko: () => voikko }));
else console.log('libvoikko not available: the Voikko path is skipped');
analysers.push(createFinnishAnalyser({ choice: 'fallback', loadVoikko: () => null }));

for (const analyser of analysers) {
  const started = performance.now();
  await buildIndex(queryable, services, analyser);
  const vocabulary = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_vocabulary')).rows[0]?.n;
  console.log(`\n[${analyser.name}] index built in ${((performance.now() - started) / 1000).toFixed(1)} s, vocabulary ${vocabulary} lexemes`);
  for (const [name, overrides] of Object.entries(variants)) {
    if (variantFilter !== 'all' && !name.startsWith(variantFilter)) continue;
    const settings: PipelineSettings = { ...defaultSettings, ...overrides };
    const search = createSearch(queryable, { finnish: analyser, dictionary, places, totalDocuments: services.length }, settings);
    const runs = [];
    const t0 = performance.now();
    for (const q of devSet) {
      const hint: SearchLanguage = hintMode === 'fi' ? 'fi' : q.lang;
      const { rows } = await search(q.query, hint);
      runs.push({ id: q.id, ranking: rows.map((r) => r.serviceId) });
    }
    const perQueryMs = (performance.now() - t0) / devSet.length;
    if (perQuery) console.log(`-- ${name} / ${analyser.name} (${perQueryMs.toFixed(1)} ms/query)`);
    report(name, analyser.name, score(`${name}-${analyser.name}`, runs));
  }
}
console.log(`\n${table.join('\n')}`);
await db.close();
