/**
 * Analysis and query timing on the PTV corpus:
 *   npx tsx scripts/search-prototype/timing.ts
 * Prints µs per word (Voikko uncached and cached, fallback) and ms per query stage.
 */
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Queryable } from '../../src/db/index.ts';
import type { FinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import { createFinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import { words } from '../../src/modules/search/analysis/tokenize.ts';
import { loadVoikko } from '../../src/modules/search/analysis/voikko.ts';
import { readFileSync } from 'node:fs';
import { CrossLanguageDictionary } from '../../src/modules/search/concepts/dictionary.ts';
import { allConcepts, createConceptMatcher } from '../../src/modules/search/concepts/concepts.ts';
import { planQuery } from '../../src/modules/search/query/query-plan.ts';
import { defaultResolveOptions, resolveTerms } from '../../src/modules/search/query/resolve-terms.ts';
import { conceptKeys, createTextSearch, defaultTextSearchSettings, placeIndex } from '../../src/modules/search/query/text-search.ts';
import { buildIndex } from './prototype-index.ts';
import { loadPtvServices } from './ptv-corpus.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const { services, places } = loadPtvServices([join(shared, 'data/ptv/kunta-api-v8-2018/services')]);
const finnishText = services.map((s) => [s.names.fi, s.summary.fi, s.description.fi].filter(Boolean).join('\n'));
const tokens = finnishText.flatMap((text) => words(text));
const distinct = [...new Set(tokens)];
console.log(`corpus: ${tokens.length} Finnish tokens, ${distinct.length} distinct`);

const time = (label: string, count: number, work: () => void) => {
  const t0 = performance.now();
  work();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${((ms * 1000) / count).toFixed(1).padStart(7)} µs/word  (${ms.toFixed(0)} ms total)`);
};

const voikko = loadVoikko({ cacheSize: 100_000 });
if (voikko) {
  time('voikko analyse, distinct words (uncached)', distinct.length, () => distinct.forEach((w) => voikko.analyse(w)));
  time('voikko analyse, same words again (cached)', distinct.length, () => distinct.forEach((w) => voikko.analyse(w)));
  const analyser = createFinnishAnalyser({ choice: 'voikko', loadVoikko: () => loadVoikko() });
  time('voikko documentTerms, whole corpus (cold)', tokens.length, () => finnishText.forEach((t) => analyser.documentTerms(t)));
  time('voikko documentTerms, whole corpus (warm)', tokens.length, () => finnishText.forEach((t) => analyser.documentTerms(t)));
}
const fallback = createFinnishAnalyser({ choice: 'fallback', loadVoikko: () => null });
time('fallback documentTerms, whole corpus', tokens.length, () => finnishText.forEach((t) => fallback.documentTerms(t)));

const queries = readFileSync(join(shared, 'search-eval/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { query: string; lang: 'fi' | 'sv' | 'en' });
const db = await PGlite.create({ extensions: { pg_trgm } });
const queryable = { query: async (sql: string, params?: readonly unknown[]) => (await db.query(sql, params ? [...params] : undefined)).rows as never, exec: (sql: string) => db.exec(sql) } satisfies Queryable & { exec(sql: string): Promise<unknown> };
const analysers: FinnishAnalyser[] = [fallback];
if (voikko) analysers.unshift(createFinnishAnalyser({ choice: 'voikko', loadVoikko: () => voikko }));
const dictionary = new CrossLanguageDictionary();
for (const s of services) for (const t of s.labels) dictionary.add(t);
for (const analyser of analysers) {
  await buildIndex(queryable, services, analyser);
  const concepts = createConceptMatcher(allConcepts, conceptKeys(analyser));
  const placeMap = placeIndex(places, analyser);
  let planMs = 0;
  let resolveMs = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const plan = planQuery(q.query, q.lang, { finnish: analyser, concepts, dictionary, places: placeMap });
    const t1 = performance.now();
    await resolveTerms(queryable, plan, { ...defaultResolveOptions, totalDocuments: services.length });
    planMs += t1 - t0;
    resolveMs += performance.now() - t1;
  }
  const search = createTextSearch(queryable, { finnish: analyser, dictionary, places, totalDocuments: services.length }, defaultTextSearchSettings);
  const t2 = performance.now();
  for (const q of queries) await search(q.query, q.lang);
  const totalMs = performance.now() - t2;
  const n = queries.length;
  console.log(`[${analyser.name}] per query on PGlite: plan ${(planMs / n).toFixed(2)} ms, resolve ${(resolveMs / n).toFixed(1)} ms, whole pipeline incl. ranking ${(totalMs / n).toFixed(1)} ms`);
}
await db.close();
