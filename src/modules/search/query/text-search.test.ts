import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../../test/support/db.ts';
import { skipReason } from '../../../../test/support/requirements.ts';
import type { Db } from '../../../db/index.ts';
import { openPglite } from '../../../db/pglite.ts';
import type { FinnishAnalyser } from '../analysis/finnish.ts';
import type { QuerySlot } from './query-plan.ts';
import { createFinnishAnalyser } from '../analysis/finnish.ts';
import { loadVoikko } from '../analysis/voikko.ts';
import { CrossLanguageDictionary } from '../concepts/dictionary.ts';
import { toSearchDocumentRow } from './search-document.ts';
import { listStems, rankServices, type CandidateTier } from './search-text.queries.ts';
import {
  findIndexAnalyser,
  rebuildSearchVocabulary,
  searchIndexSchemaSql,
  upsertIndexAnalyser,
  upsertSearchDocuments,
} from './search-index.queries.ts';
import { accessFor, candidateTiers, createTextSearch, defaultTextSearchSettings } from './text-search.ts';

/** A tiny catalogue: name, then description, per language. */
const listings: { id: string; place: string; fi?: [string, string]; sv?: [string, string]; en?: [string, string] }[] = [
  { id: 'group-exercise', place: '529', fi: ['Ryhmäliikuntaa ikäihmisille', 'Tuolijumppaa ja tasapainoharjoittelua viikoittain.'] },
  { id: 'peer-support', place: '529', fi: ['Vertaistuki omaishoitajille', 'Vertaistukiryhmä kokoontuu kuukausittain.'] },
  { id: 'gym-groups', place: '905', fi: ['Kuntosaliryhmät', 'Ohjatut kuntosaliryhmät senioreille.'] },
  { id: 'meeting-place', place: '905', fi: ['Kohtaamispaikka Olohuone', 'Yksinäisyyteen apua: tule juttelemaan ja tapaamaan muita.'] },
  {
    id: 'swedish-motion', place: '905',
    fi: ['Senioriliikunta', 'Liikuntaa eläkeläisille.'],
    sv: ['Gratis gruppmotion för seniorer', 'Avgiftsfri seniormotion varje vecka.'],
  },
  { id: 'swimming', place: '905', fi: ['Uimahalli', 'Uinti ja vesijumppa.'], sv: ['Simhallen', 'Simning och vattengympa.'], en: ['Swimming Centre', 'Pools for swimming.'] },
  { id: 'youth', place: '905', fi: ['Nuorisotilat', 'Nuorten vapaa-ajan tilat.'], en: ['Youth centres', 'Places for young people to meet.'] },
  { id: 'maternity', place: '529', fi: ['Äitiysneuvolapalvelut', 'Raskauden seuranta ja perhevalmennus.'] },
  { id: 'streets', place: '529', fi: ['Kadunpito', 'Katujen kunnossapito ja hiekoitus.'] },
];

const voikko = loadVoikko();
const voikkoSkip = skipReason('Voikko', voikko !== null, 'libvoikko1 + voikko-fi are not installed');
const analysers: FinnishAnalyser[] = [createFinnishAnalyser({ choice: 'fallback', loadVoikko: () => null })];
if (voikko) analysers.unshift(createFinnishAnalyser({ choice: 'voikko', loadVoikko: () => voikko }));
else describe.skip(`text search with the voikko analyser [${voikkoSkip}]`, () => it('needs Voikko', () => {}));

for (const analyser of analysers) {
  describeEachBackend(`text search with the ${analyser.name} analyser`, (backend) => {
    let testDb: TestDatabase;
    let db: Db;
    let search: ReturnType<typeof createTextSearch>;

    beforeAll(async () => {
      testDb = await createTestDatabase(backend);
      db = testDb.db;
      await db.exec(searchIndexSchemaSql);
      const rows = listings.map((l) =>
        toSearchDocumentRow(
          {
            serviceId: l.id,
            placeIds: [l.place],
            fields: {
              a: { fi: [l.fi?.[0]], sv: [l.sv?.[0]], en: [l.en?.[0]] },
              b: {},
              c: {},
              d: { fi: [l.fi?.[1]], sv: [l.sv?.[1]], en: [l.en?.[1]] },
            },
          },
          analyser,
        ),
      );
      await upsertSearchDocuments(db, rows);
      await rebuildSearchVocabulary(db);
      await upsertIndexAnalyser(db, 'services', analyser.id);
      search = createTextSearch(
        db,
        {
          finnish: analyser,
          dictionary: new CrossLanguageDictionary(),
          places: [{ id: '905', names: ['Vaasa', 'Vasa'] }, { id: '529', names: ['Naantali', 'Nådendal'] }],
          totalDocuments: listings.length,
        },
        defaultTextSearchSettings,
      );
    });
    afterAll(async () => testDb.drop());

    const top = async (text: string, hint: 'fi' | 'sv' | 'en' = 'fi', n = 3) =>
      (await search(text, hint)).rows.slice(0, n).map((r) => r.serviceId);

    it('records the analyser that built the index', async () => {
      expect(await findIndexAnalyser(db, 'services')).toBe(analyser.id);
    });

    it('finds a compound by its part: liikunta → Ryhmäliikuntaa ikäihmisille', async () => {
      expect(await top('liikunta')).toContain('group-exercise');
    });

    it('finds a longer compound from a shorter query and back: kuntosali ↔ kuntosaliryhmä', async () => {
      expect((await top('kuntosali'))[0]).toBe('gym-groups');
      expect((await top('kuntosaliryhmä'))[0]).toBe('gym-groups');
    });

    it('corrects a typo through the vocabulary: vertaistukki → vertaistuki', async () => {
      const result = await search('vertaistukki', 'fi');
      expect(result.rows[0]?.serviceId).toBe('peer-support');
      // Voikko knows vertaistukki (vertais + tukki), absent from the index: the typo fallback
      // replaces it. Snowball cuts both spellings to vertaistuk, so the fallback needs no repair.
      if (analyser.name === 'voikko') expect(result.didYouMean).toBe('vertaistuki');
    });

    it('reaches yksinäisyys from yksinäinen', async () => {
      expect(await top('yksinäinen')).toContain('meeting-place');
    });

    it('matches inflection and consonant gradation: kadun → Kadunpito', async () => {
      expect((await top('katujen'))[0]).toBe('streets');
    });

    it('finds Swedish listings for gratis motion', async () => {
      expect((await top('gratis motion', 'sv'))[0]).toBe('swedish-motion');
    });

    it('finds a Swedish compound by its part and the definite form: simhallen', async () => {
      expect((await top('simhallen', 'sv'))[0]).toBe('swimming');
      expect(await top('motion', 'sv')).toContain('swedish-motion');
    });

    it('stems English and meets British and American spelling: swimming, youth center', async () => {
      expect((await top('swimming', 'en'))[0]).toBe('swimming');
      expect((await top('youth center', 'en'))[0]).toBe('youth');
    });

    it('corrects Swedish and English typos through the vocabulary: simhalen, swiming, yuoth', async () => {
      expect((await top('simhalen', 'sv'))[0]).toBe('swimming');
      expect((await top('swiming pool', 'en'))[0]).toBe('swimming');
      expect(await top('yuoth centres', 'en')).toContain('youth');
    });

    it('matches Swedish and English inflection: simningen, centres → centre', async () => {
      expect((await top('simningen', 'sv'))[0]).toBe('swimming');
      expect((await top('youth centre', 'en'))[0]).toBe('youth');
    });

    it('reaches a Finnish-only listing from lay English through the concept layer: pregnant', async () => {
      expect((await top('pregnant', 'en'))[0]).toBe('maternity');
    });

    it('finds candidates through the given terms only and scores them with every term', async () => {
      // English fields are stemmed by snowball alike for both analysers: swim, pool, youth.
      const rank = (tiers?: CandidateTier[], tierMinimum?: number) =>
        rankServices(db, {
          slots: [0, 0, 1], queries: ["'swim'", "'pool'", "'youth'"], weights: [1, 1, 1], activeSlots: 2, coverage: 'count',
          slotWeights: [1, 1], coverageExponent: 1, saturation: 0, places: [], placeBoost: 1, fieldWeights: [0.1, 0.2, 0.4, 1], limit: 10,
          ...(tiers ? { tiers } : {}),
          ...(tierMinimum !== undefined ? { tierMinimum } : {}),
        });
      const ids = (result: Awaited<ReturnType<typeof rank>>) => result.rows.map((r) => r.serviceId).sort();
      const all = await rank();
      expect(ids(all)).toEqual(['swimming', 'youth']);
      const throughPool = await rank([{ groups: [[1]] }]);
      expect(ids(throughPool)).toEqual(['swimming']);
      expect(throughPool.rows[0]?.score).toBeCloseTo(all.rows.find((r) => r.serviceId === 'swimming')!.score, 9);
      // Groups are ANDed: swim and pool are in one listing, swim and youth in none.
      expect(ids(await rank([{ groups: [[0], [1]] }]))).toEqual(['swimming']);
      expect(ids(await rank([{ groups: [[0], [2]] }]))).toEqual([]);
      await expect(rank([{ groups: [] }])).rejects.toThrow(/candidate tier/);
      await expect(rank([{ groups: [[3]] }])).rejects.toThrow(/candidate tier/);
    });

    it('ranks the first candidate tier with enough matches, and the last one whatever its count', async () => {
      const rank = (tiers: CandidateTier[], tierMinimum: number) =>
        rankServices(db, {
          slots: [0, 0, 1], queries: ["'swim'", "'pool'", "'youth'"], weights: [1, 1, 1], activeSlots: 2, coverage: 'count',
          slotWeights: [1, 1], coverageExponent: 1, saturation: 0, places: [], placeBoost: 1, fieldWeights: [0.1, 0.2, 0.4, 1], limit: 10,
          tiers, tierMinimum, candidates: { max: 10 },
        });
      const none: CandidateTier = { groups: [[0], [2]] };
      const pool: CandidateTier = { groups: [[1]] };
      const every: CandidateTier = { groups: [[0, 1, 2]] };
      const fellThrough = await rank([none, pool, every], 1);
      expect(fellThrough.tier).toBe(1);
      expect(fellThrough.rows.map((r) => r.serviceId)).toEqual(['swimming']);
      const first = await rank([{ groups: [[2]] }, every], 1);
      expect(first.tier).toBe(0);
      expect(first.rows.map((r) => r.serviceId)).toEqual(['youth']);
      // No tier reaches the minimum: the last is ranked, and its facets are counted.
      const last = await rank([pool, every], 5);
      expect(last.tier).toBe(1);
      expect(last.rows.map((r) => r.serviceId).sort()).toEqual(['swimming', 'youth']);
      // The minimum counts matches of the tier itself: one listing has pool, so 2 is not enough.
      expect((await rank([pool, every], 2)).tier).toBe(1);
      expect((await rank([pool, every], 1)).tier).toBe(0);
    });

    it('on a capped search, takes the candidates from the query words when they match enough documents', async () => {
      const capped = (minimum: number) =>
        createTextSearch(db, { finnish: analyser, dictionary: new CrossLanguageDictionary(), places: [], totalDocuments: listings.length }, { ...defaultTextSearchSettings, tierMinimum: minimum });
      // "youth centres": both words are in one listing, either word in two; the concept layer adds Finnish words.
      const both = await capped(1)('youth centres', 'en', 50, { max: 2 });
      expect(both.resolved.terms.some((t) => !t.direct)).toBe(true);
      expect(both.tier).toBe('allWords');
      expect(both.rows.map((r) => r.serviceId)).toEqual(['youth']);
      // Fewer than the minimum have both words: a wider tier, the words' aspects or either word.
      const either = await capped(2)('youth centres', 'en', 50, { max: 2 });
      expect(['allAspects', 'anyWord']).toContain(either.tier);
      expect(either.rows.map((r) => r.serviceId).sort()).toEqual(['swimming', 'youth']);
      // The words match fewer documents than the minimum: every term finds the candidates.
      const every = await capped(3)('youth centres', 'en', 50, { max: 2 });
      expect(every.tier).toBe('allTerms');
    });

    it('stems a repeated word once per database, and reads its document counts every time', async () => {
      const statements: string[] = [];
      const counted = new Proxy(db, {
        get: (target, key, receiver) =>
          key === 'query' ? (sql: string, params?: unknown[]) => (statements.push(sql), target.query(sql, params)) : Reflect.get(target, key, receiver),
      });
      const engine = createTextSearch(counted, { finnish: analyser, dictionary: null, places: [], totalDocuments: listings.length }, defaultTextSearchSettings);
      const first = await engine('kuntosaliryhmät', 'fi');
      const stemming = statements.filter((sql) => sql.includes('to_tsvector')).length;
      const vocabulary = statements.filter((sql) => sql.includes('FROM search_vocabulary WHERE lexeme = ANY')).length;
      expect(stemming).toBeGreaterThan(0);
      const second = await engine('kuntosaliryhmät', 'fi');
      expect(statements.filter((sql) => sql.includes('to_tsvector')).length).toBe(stemming);
      expect(statements.filter((sql) => sql.includes('FROM search_vocabulary WHERE lexeme = ANY')).length).toBe(2 * vocabulary);
      expect(second.rows).toEqual(first.rows);
    });

    it('treats a named town as a boost, not as text', async () => {
      const result = await search('Naantali liikunta', 'fi');
      expect(result.plan.places).toEqual(['529']);
      expect(result.rows[0]?.serviceId).toBe('group-exercise');
    });
  });
}

describe('stemming through the index configurations', () => {
  it('stems English and Swedish with PostgreSQL snowball', async () => {
    const db = await openPglite('memory://');
    const rows = await listStems(db, ['english', 'swedish', 'swedish'], ['swimming', 'simhallen', 'simhall']);
    await db.close();
    expect(rows.map((r) => r.lexeme)).toEqual(['swim', 'simhall', 'simhall']);
  });
});

describe('candidate tiers', () => {
  const term = (slot: number, docCount: number, direct: boolean) => ({ slot, query: "'x'", weight: 1, how: 'exact' as const, docCount, direct });
  const slots: QuerySlot[] = [
    { label: 'gratis', kind: 'word' },
    { label: 'kör', kind: 'word' },
    { label: 'concept:choir', kind: 'concept', covers: [1] },
  ];
  const capped = { max: 2_000 };
  it('offers every word, the words with their concepts, then any word, on a catalogue larger than the cap', () => {
    expect(candidateTiers([term(0, 300, true), term(1, 400, true), term(2, 5_000, false)], slots, capped, 200, 100_000)).toEqual([
      { kind: 'allWords', groups: [[0], [1]] },
      { kind: 'allAspects', groups: [[0], [1, 2]] },
      { kind: 'anyWord', groups: [[0, 1]] },
    ]);
  });
  it('offers a tier only when each of its groups is in at least the minimum of documents', () => {
    expect(candidateTiers([term(0, 150, true), term(1, 400, true), term(2, 5_000, false)], slots, capped, 200, 100_000)).toEqual([{ kind: 'anyWord', groups: [[0, 1]] }]);
    expect(candidateTiers([term(0, 100, true), term(1, 90, true), term(2, 5_000, false)], slots, capped, 200, 100_000)).toEqual([]);
  });
  it('offers one word only as any word, and only when the query has expansions besides', () => {
    expect(candidateTiers([term(0, 5_000, true), term(2, 20_000, false)], slots, capped, 200, 100_000)).toEqual([{ kind: 'anyWord', groups: [[0]] }]);
    expect(candidateTiers([term(0, 5_000, true), term(0, 5_000, true)], slots, capped, 200, 100_000)).toEqual([]);
  });
  it('takes a misspelt word through its typo neighbours', () => {
    const typo = { slot: 1, query: "'kör'", weight: 1, how: 'typo' as const, docCount: 400, direct: false };
    expect(candidateTiers([term(0, 300, true), typo, term(2, 5_000, false)], slots, capped, 200, 100_000)).toEqual([
      { kind: 'allWords', groups: [[0], [1]] },
      { kind: 'allAspects', groups: [[0], [1, 2]] },
      { kind: 'anyWord', groups: [[0, 1]] },
    ]);
    // A word with terms of its own does not add its typo neighbours.
    expect(candidateTiers([term(0, 300, true), { ...typo, slot: 0 }, term(1, 400, true)], slots, capped, 200, 100_000)[0]).toEqual({ kind: 'allWords', groups: [[0], [2]] });
  });
  it('needs a cap smaller than the catalogue and a word of the query', () => {
    expect(candidateTiers([term(0, 5_000, true), term(2, 20_000, false)], slots, undefined, 200, 100_000)).toEqual([]);
    expect(candidateTiers([term(0, 500, true), term(2, 900, false)], slots, capped, 200, 1_000)).toEqual([]);
    expect(candidateTiers([term(2, 5_000, false)], slots, capped, 200, 100_000)).toEqual([]);
  });
});

describe('index or scan', () => {
  const capped = { max: 2000 };
  it('scans when the cap stops the scan early: a common term in more documents than the cap', () => {
    expect(accessFor([{ docCount: 30_000 }, { docCount: 12 }], 100_000, capped)).toBe('scan');
  });
  it('uses the index when the common term matches fewer documents than the cap (the scan would read them all)', () => {
    expect(accessFor([{ docCount: 607 }], 2_400, capped)).toBe('index');
  });
  it('uses the index for rare terms, with filters (they share the index) or without a cap', () => {
    expect(accessFor([{ docCount: 3_000 }], 100_000, capped)).toBe('index');
    expect(accessFor([{ docCount: 30_000 }], 100_000, { ...capped, where: 'true' })).toBe('index');
    expect(accessFor([{ docCount: 30_000 }], 100_000, undefined)).toBe('index');
  });
});
