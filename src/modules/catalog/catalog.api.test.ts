import { afterAll, beforeAll, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { upsertOrganisations } from './index.ts';

describeEachBackend('catalogue read API', (backend) => {
  let test: TestDatabase;
  let app: App;
  const organisation = organisationRecord({ municipalityCode: '905', regionCode: '17' });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    app = await buildApp(testDeps(test.db), { logger: false });
    await upsertOrganisations(test.db, [organisation]);
    const make = async (key: string, service: Parameters<typeof createService>[1]) => {
      ids[key] = (await createService(test.db, { organisation, ...service })).service.id;
    };
    await make('swim', { service: { name: { fi: 'Vesijumppa', sv: 'Vattengympa' }, themes: ['exercise'], targetGroups: ['older_people'], costType: 'fee', kaikukortti: true, languages: ['fi', 'sv'], areaMunicipalities: ['905'] } });
    await make('peer', { service: { name: { fi: 'Vertaisryhmä' }, themes: ['peer_support'], targetGroups: ['carers'], costType: 'free', areaMunicipalities: ['905'] } });
    await make('national', { service: { name: { fi: 'Valtakunnallinen auttava puhelin' }, themes: ['mental_wellbeing'], areaType: 'nationwide', areaMunicipalities: [] } });
    await make('tampere', { service: { name: { fi: 'Tuolijumppa' }, themes: ['exercise'], areaMunicipalities: ['837'] } });
    await make('draft', { service: { name: { fi: 'Luonnos' }, status: 'draft', areaMunicipalities: ['905'] } });
    await make('outside', { service: { name: { fi: 'Rakennuslupa' }, inTray: false, areaMunicipalities: ['905'] } });
    await make('secret', {
      service: { name: { fi: 'Turvapaikka' }, confidentialAddress: true, themes: ['mental_wellbeing'], areaMunicipalities: ['905'] },
      locations: [{ municipalityCode: '905', streetAddress: { fi: 'Salainen katu 1' }, latitude: 63.1, longitude: 21.6 }],
      channels: [{ kind: 'phone', value: { fi: '0800 123 456' } }],
      schedules: [{ weekdays: [1, 3], opens: '10:00', closes: '11:30' }],
      events: [{ startsAt: new Date('2026-12-03T08:00:00Z') }, { startsAt: new Date('2025-01-01T08:00:00Z') }],
    });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const list = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/services?organisation=${organisation.id}&${query}` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: { id: string }[]; total: number; page: number; pageSize: number };
    return { ...body, keys: body.items.map((item) => Object.keys(ids).find((k) => ids[k] === item.id)).sort() };
  };

  it('lists only published activities of the tray', async () => {
    expect((await list('')).keys).toEqual(['national', 'peer', 'secret', 'swim', 'tampere']);
  });

  it('filters by municipality and region, including nationwide activities', async () => {
    expect((await list('municipality=905')).keys).toEqual(['national', 'peer', 'secret', 'swim']);
    expect((await list('region=08')).keys).toEqual(['national', 'tampere']);
  });

  it('filters by theme, target group, free of charge, Kaikukortti and language, combined with AND', async () => {
    expect((await list('theme=exercise')).keys).toEqual(['swim', 'tampere']);
    expect((await list('theme=exercise&theme=peer_support')).keys).toEqual(['peer', 'swim', 'tampere']);
    expect((await list('targetGroup=carers')).keys).toEqual(['peer']);
    expect((await list('free=true&theme=exercise')).keys).toEqual(['tampere']);
    expect((await list('free=false')).keys).toEqual(['swim']);
    expect((await list('kaikukortti=true')).keys).toEqual(['swim']);
    expect((await list('language=sv')).keys).toEqual(['swim']);
  });

  it('pages with a stable order and reports the total', async () => {
    const first = await list('pageSize=2&page=1');
    const second = await list('pageSize=2&page=2');
    const third = await list('pageSize=2&page=3');
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id).sort()).toEqual(
      ['national', 'peer', 'secret', 'swim', 'tampere'].map((k) => ids[k]).sort(),
    );
    expect(third.items).toHaveLength(1);
    expect((await list('pageSize=2&page=4')).items).toEqual([]);
  });

  it('answers a bad parameter with 400 naming the parameter, never 500', async () => {
    for (const [query, parameter] of [
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['municipality=abc', 'municipality'],
      ['theme=unknown_theme', 'theme'],
      ['free=maybe', 'free'],
      ['organisation=not-a-uuid', 'organisation'],
      ['sort=name', 'sort'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/services?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ error: 'bad_request', parameter });
      expect(response.json().message).toContain(parameter);
    }
  });

  it('returns one activity with locations, channels, schedule and upcoming events, hiding a confidential address', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/services/${ids.secret}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.name).toEqual({ fi: 'Turvapaikka' });
    expect(body.confidentialAddress).toBe(true);
    expect(body.locations).toHaveLength(1);
    expect(body.locations[0]).toMatchObject({ streetAddress: null, postalCode: null, latitude: null, longitude: null, municipality: '905' });
    expect(JSON.stringify(body)).not.toContain('Salainen katu');
    expect(body.channels).toEqual([expect.objectContaining({ kind: 'phone', value: { fi: '0800 123 456' } })]);
    expect(body.schedules).toEqual([expect.objectContaining({ weekdays: [1, 3], opens: '10:00', closes: '11:30', kind: 'weekly' })]);
    expect(body.upcomingEvents.map((e: { startsAt: string }) => e.startsAt)).toEqual(['2026-12-03T08:00:00.000Z']);
    expect(body.organisation).toMatchObject({ id: organisation.id, type: 'ngo' });
    expect(body.provenance).toMatchObject({ source: 'manual' });
  });

  it('answers 404 for unknown, draft and out-of-tray activities, and 400 for a malformed id', async () => {
    for (const id of ['0b9d3b53-7a4c-4a2f-9a55-1b2c3d4e5f60', ids.draft, ids.outside]) {
      expect((await app.inject({ method: 'GET', url: `/api/v1/services/${id}` })).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/123' })).statusCode).toBe(400);
  });

  it('returns an organisation with its count of public activities', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/organisations/${organisation.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: organisation.id, publicServiceCount: 5, municipality: '905' });
  });

  it('serves taxonomies with fi/sv/en labels and the areas', async () => {
    const taxonomies = (await app.inject({ method: 'GET', url: '/api/v1/taxonomies' })).json();
    expect(taxonomies.themes.length).toBe(14);
    expect(taxonomies.targetGroups.length).toBe(10);
    for (const term of [...taxonomies.themes, ...taxonomies.targetGroups]) {
      expect(Object.keys(term.label).sort()).toEqual(['en', 'fi', 'sv']);
    }
    const areas = (await app.inject({ method: 'GET', url: '/api/v1/areas' })).json();
    expect(areas.regions).toHaveLength(23);
    expect(areas.municipalities).toHaveLength(309);
  });

  it('publishes an OpenAPI 3 document that validates, and a browsable page', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/services', '/api/v1/services/{id}', '/api/v1/organisations/{id}', '/api/v1/taxonomies', '/healthz', '/readyz']),
    );
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('reports health and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
