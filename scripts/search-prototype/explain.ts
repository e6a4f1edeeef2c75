/**
 * Shows how one query is planned, resolved and ranked:
 *   npx tsx scripts/search-prototype/explain.ts [--fallback] [--lang fi] [--brief] "query text" ["sv:another query" …]
 * A query may start with "fi:", "sv:" or "en:" to give its UI language.
 */
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Queryable } from '../../src/db/index.ts';
import { createFinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import type { SearchLanguage } from '../../src/modules/search/analysis/language.ts';
import { loadVoikko } from '../../src/modules/search/analysis/voikko.ts';
import { CrossLanguageDictionary } from '../../src/modules/search/concepts/dictionary.ts';
import { buildIndex } from './prototype-index.ts';
import { loadPtvServices } from './ptv-corpus.ts';
import { createSearch, defaultSettings } from './search-service.ts';

const args = process.argv.slice(2);
const lang = (args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'fi') as SearchLanguage;
const shared = resolve(import.meta.dirname, '../../../shared');
const { services, places } = loadPtvServices([join(shared, 'data/ptv/kunta-api-v8-2018/services')]);
const dictionary = new CrossLanguageDictionary();
for (const s of services) for (const t of s.labels) dictionary.add(t);
const finnish = createFinnishAnalyser({ choice: args.includes('--fallback') ? 'fallback' : 'auto', loadVoikko });
const db = await PGlite.create({ extensions: { pg_trgm } });
const queryable = {
  query: async (sql: string, params?: readonly unknown[]) => (await db.query(sql, params ? [...params] : undefined)).rows as never,
  exec: (sql: string) => db.exec(sql),
} satisfies Queryable & { exec(sql: string): Promise<unknown> };
await buildIndex(queryable, services, finnish);
const search = createSearch(queryable, { finnish, dictionary, places, totalDocuments: services.length }, defaultSettings);
const names = new Map(services.map((s) => [s.id, `${(s.names.fi ?? s.names.sv ?? '').split('\n')[0]} [${s.placeIds.slice(0, 2).join(',')}]`]));
const brief = args.includes('--brief');
for (const raw of args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang')) {
  const prefixed = /^(fi|sv|en):(.*)$/.exec(raw);
  const { plan, resolved, rows, didYouMean } = await search(prefixed ? prefixed[2]! : raw, prefixed ? (prefixed[1] as SearchLanguage) : lang, 15);
  console.log(`\n== ${raw}  [${plan.language}] places ${plan.places.join(',') || '-'} concepts ${plan.concepts.join(', ') || '-'}${didYouMean ? ` did you mean "${didYouMean}"` : ''}`);
  if (!brief) {
    plan.slots.forEach((slot, i) => {
      const terms = resolved.terms.filter((t) => t.slot === i).sort((a, b) => b.weight - a.weight);
      console.log(`slot ${i} ${slot.label}: ${terms.slice(0, 25).map((t) => `${t.query}${t.how === 'exact' ? '' : `(${t.how})`}=${t.weight.toFixed(2)}`).join(' ')}`);
    });
  }
  for (const row of rows.slice(0, brief ? 4 : 15)) console.log(`${row.score.toFixed(3)} ${row.matchedSlots} ${names.get(row.serviceId)}`);
}
