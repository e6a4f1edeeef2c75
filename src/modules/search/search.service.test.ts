/**
 * The production search on both databases: text (inflection, typos, Swedish), every filter,
 * facets, sorting, paging, debug score parts, the index kept current on writes, and the API
 * (GET and POST, bad input → 400 or an empty result, never 500). Runs with whichever analyser
 * SEARCH_ANALYSER picks (CI runs it again with SEARCH_ANALYSER=fallback).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord, serviceRecord } from '../../../test/support/factories.ts';
import { saveServiceBundles, upsertOrganisations } from '../catalog/index.ts';
import { reindexServices } from './search.index.ts';
import { searchAnalyser } from './search.analyser.ts';
import { searchPage } from './search.queries.ts';
import { searchServices } from './search.service.ts';
import type { SearchQuery, SearchResult } from './search.types.ts';

describeEachBackend(`search service and API (${searchAnalyser().name} analyser)`, (backend) => {
  let test: TestDatabase;
  let app: App;
  const organisation = organisationRecord({ municipalityCode: '905', regionCode: '17' });
  const ids: Record<string, string> = {};
  const vaasa = { latitude: 63.096, longitude: 21.616 };

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    app = await buildApp(testDeps(test.db), { logger: false });
    await upsertOrganisations(test.db, [organisation]);
    const make = async (key: string, options: Parameters<typeof createService>[1]) => {
      ids[key] = (await createService(test.db, { organisation, ...options })).service.id;
    };
    await make('swim', {
      service: {
        name: { fi: 'Vesijumppa ikäihmisille', sv: 'Vattengympa för seniorer' }, themes: ['exercise'], targetGroups: ['older_people'],
        costType: 'fee', kaikukortti: true, languages: ['fi', 'sv'], ageMin: 60, ageMax: 120, areaMunicipalities: ['905'],
      },
      locations: [{ municipalityCode: '905', ...vaasa, accessibilityFeatures: ['step_free'] }],
      schedules: [{ weekdays: [1], opens: '10:00', closes: '11:00' }],
    });
    await make('peer', {
      service: { name: { fi: 'Vertaistuki omaishoitajille' }, themes: ['peer_support'], targetGroups: ['carers'], costType: 'free', areaMunicipalities: ['905'] },
      schedules: [{ weekdays: [3], opens: '18:00', closes: '20:00' }],
    });
    await make('youth', {
      service: { name: { fi: 'Nuorisotila Kompassi' }, themes: ['hobbies'], targetGroups: ['young_people'], costType: 'free', ageMin: 13, ageMax: 17, areaMunicipalities: ['091'] },
      locations: [{ municipalityCode: '091', latitude: 60.17, longitude: 24.94 }],
      schedules: [],
      events: [{ startsAt: new Date('2026-12-01T12:00:00Z') }],
    });
    await make('lonely', {
      service: {
        name: { fi: 'Kohtaamispaikka Olohuone' }, description: { fi: 'Yksinäisyyteen apua: tule juttelemaan.' }, themes: ['meeting_places'],
        targetGroups: ['older_people'], costType: 'free', areaMunicipalities: ['905'],
      },
      schedules: [],
    });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const keysOf = (result: SearchResult) => result.items.map((item) => Object.keys(ids).find((k) => ids[k] === item.id));
  const search = async (query: Partial<SearchQuery>) => searchServices(testDeps(test.db), { lang: 'fi', ...query });

  it('finds inflected Finnish, a typo with "did you mean", Swedish and yksinäinen → yksinäisyys', async () => {
    expect(keysOf(await search({ text: 'vesijumppaan' }))[0]).toBe('swim');
    const typo = await search({ text: 'vertaistukki' });
    expect(keysOf(typo)[0]).toBe('peer');
    expect(keysOf(await search({ text: 'vattengympa', lang: 'sv' }))[0]).toBe('swim');
    expect(keysOf(await search({ text: 'yksinäinen' }))).toContain('lonely');
    expect((await search({ text: 'zzqxv' })).total).toBe(0);
  });

  it('looks a postal code up while the text is matched, and first when a radius narrows the match', async () => {
    const code = '65100';
    await test.db.query(`INSERT INTO postal_codes (code, municipality_code, latitude, longitude) VALUES ($1, '905', $2, $3) ON CONFLICT (code) DO NOTHING`, [code, vaasa.latitude, vaasa.longitude]);
    const order: string[] = [];
    // The postal code's answer waits until the text match has asked the vocabulary (or 1 s).
    let asked: () => void = () => undefined;
    const vocabularyAsked = new Promise<void>((resolve) => (asked = resolve));
    const db = new Proxy(test.db, {
      get(target, key, receiver) {
        if (key !== 'query') return Reflect.get(target, key, receiver);
        return async (sql: string, params?: unknown[]) => {
          if (/FROM postal_codes/.test(sql)) {
            await Promise.race([vocabularyAsked, new Promise((resolve) => setTimeout(resolve, 1000))]);
            order.push('postal code');
          } else if (/FROM search_vocabulary/.test(sql)) {
            order.push('vocabulary');
            asked();
          }
          return target.query(sql, params);
        };
      },
    });
    const near = await searchServices(testDeps(db), { lang: 'fi', text: 'vesijumppa', near: { postalCode: code }, sort: 'distance' });
    expect(keysOf(near)[0]).toBe('swim');
    expect(near.origin?.postalCode).toBe(code);
    expect(order[0]).toBe('vocabulary');
    order.length = 0;
    const within = await searchServices(testDeps(db), { lang: 'fi', text: 'vesijumppa', near: { postalCode: code, radiusKm: 30 } });
    expect(keysOf(within)).toEqual(['swim']);
    expect(order[0]).toBe('postal code');
  });

  it('applies every filter, alone and combined', async () => {
    const keys = async (query: Partial<SearchQuery>) => keysOf(await search(query)).sort();
    expect(await keys({ themes: ['exercise'] })).toEqual(['swim']);
    expect(await keys({ targetGroups: ['older_people'] })).toEqual(['lonely', 'swim']);
    expect(await keys({ age: 15 })).toEqual(['lonely', 'peer', 'youth']);
    expect(await keys({ regionCode: '90' })).toEqual(['youth']);
    expect(await keys({ municipalityCode: '905' })).toEqual(['lonely', 'peer', 'swim']);
    expect(await keys({ free: true })).toEqual(['lonely', 'peer', 'youth']);
    expect(await keys({ free: false })).toEqual(['swim']);
    expect(await keys({ kaikukortti: true })).toEqual(['swim']);
    expect(await keys({ language: 'sv' })).toEqual(['swim']);
    expect(await keys({ accessibility: ['step_free'] })).toEqual(['swim']);
    expect(await keys({ weekdays: [3] })).toEqual(['peer']);
    expect(await keys({ timesOfDay: ['evening'] })).toEqual(['peer']);
    expect(await keys({ timesOfDay: ['morning'] })).toEqual(['swim']);
    expect(await keys({ timesOfDay: ['afternoon'] })).toEqual(['youth']);
    expect(await keys({ upcomingDays: 7 })).toEqual(['youth']);
    expect(await keys({ upcomingDays: 1 })).toEqual([]);
    expect(await keys({ near: { ...vaasa, radiusKm: 50 } })).toEqual(['swim']);
    expect(await keys({ text: 'vesijumppa', free: false, targetGroups: ['older_people'], municipalityCode: '905' })).toEqual(['swim']);
    expect(await keys({ text: 'vesijumppa', free: true })).toEqual([]);
  });

  it('counts facets over the whole result', async () => {
    const { facets, total } = await search({ municipalityCode: '905' });
    expect(total).toBe(3);
    expect(facets.themes).toEqual({ exercise: 1, peer_support: 1, meeting_places: 1 });
    expect(facets.targetGroups).toEqual({ older_people: 2, carers: 1 });
    expect(facets.free).toBe(2);
    expect(facets.kaikukortti).toBe(1);
    expect(facets.languages.sv).toBe(1);
    expect(facets.municipalities['905']).toBe(3);
  });

  it('sorts by distance and by the soonest occurrence, pages, and explains scores', async () => {
    const byDistance = await search({ near: vaasa, sort: 'distance' });
    expect(keysOf(byDistance).slice(0, 2)).toEqual(['swim', 'youth']);
    expect(byDistance.items[0]?.distanceKm).toBeLessThan(1);
    expect(keysOf(await search({ sort: 'soonest' }))[0]).toBe('youth');
    const first = await search({ pageSize: 2, page: 1 });
    const second = await search({ pageSize: 2, page: 2 });
    expect(first.total).toBe(4);
    expect(new Set([...keysOf(first), ...keysOf(second)]).size).toBe(4);
    const debug = await search({ text: 'vesijumppa', debug: true, near: vaasa });
    expect(Object.keys(debug.items[0]?.scoreParts ?? {})).toEqual(['text', 'topic', 'distance', 'time', 'quality']);
    expect(debug.items[0]?.scoreParts?.distance).toBeGreaterThan(0.99);
  });

  it('keeps the index current when a writer changes an activity', async () => {
    const { service, locations } = await createService(test.db, { organisation, service: { name: { fi: 'Keramiikkapaja' }, areaMunicipalities: ['905'] } });
    expect((await search({ text: 'shakkikerho' })).total).toBe(0);
    expect((await search({ text: 'keramiikkapaja' })).items[0]?.id).toBe(service.id);
    const renamed = serviceRecord(organisation.id, { ...service, name: { fi: 'Shakkikerho' } });
    await reindexServices(test.db, await saveServiceBundles(test.db, [{ service: renamed, locations, channels: [], schedules: [], events: [] }]));
    expect((await search({ text: 'shakkikerho' })).items[0]?.id).toBe(service.id);
    // The old name left the index: its words are out of the vocabulary (document counts kept current).
    expect(await test.db.query(`SELECT lexeme FROM search_vocabulary WHERE lexeme LIKE 'keramiik%'`)).toEqual([]);
    await reindexServices(test.db, await saveServiceBundles(test.db, [{ service: { ...renamed, status: 'archived' }, locations, channels: [], schedules: [], events: [] }]));
    expect((await search({ text: 'shakkikerho' })).items.map((i) => i.id)).not.toContain(service.id);
  });

  it('breaks distance ties by relevance on every page (the next occurrence counts at the page boundary)', async () => {
    // Two activities at one place far from the others: the one that meets in two days ranks first.
    const oulu = { latitude: 65.012, longitude: 25.465 };
    const at = async (name: string, events: { startsAt: Date }[]) =>
      (await createService(test.db, { organisation, service: { name: { fi: name }, areaMunicipalities: ['564'] }, locations: [{ municipalityCode: '564', ...oulu }], schedules: [], events })).service.id;
    const later = await at('Kerho lukupiiri', []);
    const soon = await at('Kerho kävelyryhmä', [{ startsAt: new Date(Date.now() + 2 * 86_400_000) }]);
    // Browsing and a text search that both match alike (a small browse, like a text search,
    // looks distance and next occurrence up per row; the grouped joins are compared below).
    for (const text of [undefined, 'kerho']) {
      const page = async (n: number) => (await search({ ...(text ? { text } : {}), near: oulu, sort: 'distance', pageSize: 1, page: n })).items.map((i) => i.id);
      expect(await page(1)).toEqual([soon]);
      expect(await page(2)).toEqual([later]);
      expect(await page(3)).not.toContain(soon);
      const both = await search({ ...(text ? { text } : {}), near: oulu, sort: 'distance', pageSize: 2, debug: true });
      expect(both.items.map((i) => i.id)).toEqual([soon, later]);
      expect(both.items[0]?.scoreParts?.time).toBeGreaterThan(1);
    }
  });

  it('blends a browse alike whether distance and next occurrence are joined in grouped or looked up per row', async () => {
    // A browse takes the grouped joins only above a row count; 0 forces them, a huge one the lookups.
    const filters = { now: new Date('2026-11-01T00:00:00Z'), origin: vaasa };
    for (const order of ['relevance', 'distance', 'soonest'] as const) {
      const page = (groupedFromRows: number) => searchPage(test.db, filters, undefined, order, { limit: 50, offset: 0 }, undefined, { groupedFromRows });
      const grouped = await page(0);
      expect(grouped.length).toBeGreaterThan(3);
      expect(grouped.filter((row) => row.distance_km !== null).length).toBeGreaterThan(1);
      expect(grouped.some((row) => row.next_event_at !== null)).toBe(true);
      expect(await page(1_000_000)).toEqual(grouped);
    }
  });

  const api = async (method: 'GET' | 'POST', query: Record<string, unknown>) =>
    method === 'GET'
      ? app.inject({ method, url: `/api/v1/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` })
      : app.inject({ method, url: '/api/v1/search', payload: query });

  it('answers GET and the equivalent POST alike', async () => {
    const get = await api('GET', { q: 'vesijumppa', lang: 'fi', free: 'false' });
    const post = await api('POST', { q: 'vesijumppa', lang: 'fi', free: false });
    expect(get.statusCode).toBe(200);
    expect(post.statusCode).toBe(200);
    expect(post.json()).toEqual(get.json());
    expect((get.json() as SearchResult).items[0]?.id).toBe(ids.swim);
  });

  it('answers bad queries with 400 or an empty result, never 500', async () => {
    for (const method of ['GET', 'POST'] as const) {
      expect((await api(method, { q: '' })).statusCode).toBe(200);
      expect((await api(method, { q: 'x'.repeat(10_000) })).statusCode).toBe(400);
      expect((await api(method, { q: '!!! ??? ... ;;' })).statusCode).toBe(200);
      for (const q of ["'; DROP TABLE services; --", 'vesi & !jumppa | (a:* <-> b', "' OR 1=1 --", '\\ % _ * :A']) {
        const response = await api(method, { q });
        expect(response.statusCode, q).toBe(200);
      }
      expect((await api(method, { lat: 999, lon: 21 })).statusCode).toBe(400);
      expect((await api(method, { lat: 63 })).statusCode).toBe(400);
      expect((await api(method, { lat: 'abc', lon: 'def' })).statusCode).toBe(400);
      expect((await api(method, { sort: 'distance' })).statusCode).toBe(400);
      expect((await api(method, { postalCode: '1234' })).statusCode).toBe(400);
      expect((await api(method, { unknown: 1 })).statusCode).toBe(400);
    }
    const body = (await api('GET', { q: 'x'.repeat(10_000) })).json() as { error: string; message: string };
    expect(body.message).toMatch(/q|500/);
  });
});
