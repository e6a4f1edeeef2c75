/**
 * Quality pages over HTTP: role gates (coordinator of a region, provider of an organisation),
 * the overview with its charts, coverage, the worklist and its CSV (BOM, `;` or `,`, formulas
 * neutralised), rule settings (validation, audit event) and starting a run from the page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { hasPtvCorpus, loadPtvCorpus } from '../../../test/support/ptv-stand-in.ts';
import { createUser, TestClient, type TestUser } from '../../../test/support/users.ts';
import { upsertOrganisations } from '../catalog/index.ts';
import { runAudit } from './quality.service.ts';

describeEachBackend('quality pages', (backend) => {
  let test: TestDatabase;
  let app: App;
  let coordinator: TestUser;
  let provider: TestUser;
  let professional: TestUser;
  let ownActivityId = '';
  const association = organisationRecord({ regionCode: '17', municipalityCode: '905', name: { fi: 'Vaasan testiyhdistys ry' } });
  const elsewhere = organisationRecord({ regionCode: '08', municipalityCode: '837', name: { fi: 'Tampereen yhdistys ry' } });

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    if (hasPtvCorpus) await loadPtvCorpus(test.db, 'v8');
    await upsertOrganisations(test.db, [association, elsewhere]);
    // a provider-written activity whose name a spreadsheet would run as a formula
    const own = await createService(test.db, {
      organisation: association,
      service: { name: { fi: '=HYPERLINK("http://evil.example","Klikkaa")' }, summary: { fi: 'Lyhyt' }, description: { fi: 'Lyhyt kuvaus.' }, areaMunicipalities: ['905'] },
    });
    ownActivityId = own.service.id;
    await createService(test.db, { organisation: elsewhere });
    coordinator = await createUser(test.db, { name: 'Kaisa Koordinaattori', devKey: 'q-coordinator', roles: [{ role: 'coordinator', organisationId: association.id, regionCode: '17' }] });
    provider = await createUser(test.db, { name: 'Pekka Tuottaja', devKey: 'q-provider', roles: [{ role: 'provider', organisationId: association.id, regionCode: '17' }] });
    professional = await createUser(test.db, { name: 'Ohto Ohjaaja', devKey: 'q-professional', roles: [{ role: 'professional', organisationId: association.id, regionCode: '17' }] });
    const deps = testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) });
    await runAudit(deps, { regionCode: null, trigger: 'cli' });
    app = await buildApp(deps, { logger: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  async function signedIn(user: TestUser): Promise<TestClient> {
    const client = new TestClient(app);
    await client.signInAsDevUser(user.id);
    return client;
  }

  it('shows a coordinator the region scorecard with charts, coverage and the worklist', async () => {
    const client = await signedIn(coordinator);
    const overview = await client.get('/fi/quality');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Tietojen laatu: Pohjanmaan hyvinvointialue');
    expect(overview.body).toContain('role="img" aria-labelledby="rules-chart-title"');
    expect(overview.body).toContain('<figcaption id="trend-chart-title">Laatupisteet tarkistuksittain</figcaption>');
    expect(overview.body).toContain('Vaasan testiyhdistys ry');
    const coverage = await client.get('/sv/quality/coverage?region=17');
    expect(coverage.statusCode).toBe(200);
    expect(coverage.body).toContain('Verksamheter per 10 000 invånare per tema och kommun');
    expect(coverage.body).toContain('Vasa');
    expect(coverage.body).toContain('<figcaption id="missing-themes-chart-title">Kommuner där temat saknas helt</figcaption>');
    const worklist = await client.get('/en/quality/worklist?region=17&severity=error');
    expect(worklist.statusCode).toBe(200);
    expect(worklist.body).toContain('Description missing or too short');
    expect(worklist.body).not.toContain('severity--warning');
    expect(worklist.body).not.toContain('Tampereen');
  });

  it('exports the worklist as CSV for a spreadsheet: BOM, semicolons by default, commas on request, formulas neutralised', async () => {
    const client = await signedIn(coordinator);
    const csv = await client.get('/fi/quality/worklist.csv?region=17');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="tarjotin-worklist-17.csv"');
    expect(csv.body.startsWith('\uFEFFVakavuus;Sääntö;Tietue;Tietueen tyyppi;Organisaatio;Missä korjataan;Miten korjataan;Tiedot;Tunniste\r\n')).toBe(true);
    expect(csv.body).toContain(`;"'=HYPERLINK(""http://evil.example"",""Klikkaa"")";Palvelu;Vaasan testiyhdistys ry;Tarjotin;`);
    expect(csv.body).not.toMatch(/[;,]=HYPERLINK/);
    if (hasPtvCorpus) expect(csv.body).toContain(';PTV;');
    const comma = await client.get('/en/quality/worklist.csv?region=17&separator=comma&rule=description_short');
    expect(comma.body.startsWith('\uFEFFSeverity,Rule,Record,Record type,Organisation,Where to fix,How to fix,Details,Id\r\n')).toBe(true);
    expect(comma.body.split('\r\n').slice(1, -1).every((line) => line.includes('Description missing or too short'))).toBe(true);
  });

  it('shows a provider only their own organisation', async () => {
    const client = await signedIn(provider);
    const home = await client.get('/fi/quality');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Tietojen laatu: Vaasan testiyhdistys ry');
    const worklist = await client.get(`/fi/quality/worklist?organisation=${association.id}`);
    expect(worklist.body).toContain('=HYPERLINK');
    // their own activity's findings link to the editor; a coordinator's worklist has no such link
    expect(worklist.body).toContain(`href="/fi/provider/activities/${ownActivityId}"`);
    expect((await (await signedIn(coordinator)).get('/fi/quality/worklist?region=17')).body).not.toContain('/fi/provider/activities/');
    expect(worklist.body).not.toContain('Tampereen');
    expect((await client.get('/fi/quality?region=17')).statusCode).toBe(403);
    expect((await client.get(`/fi/quality?organisation=${elsewhere.id}`)).statusCode).toBe(404);
    expect((await client.get('/fi/quality/rules')).statusCode).toBe(404);
  });

  it('keeps professionals and anonymous visitors out', async () => {
    expect((await (await signedIn(professional)).get('/fi/quality')).statusCode).toBe(403);
    const anonymous = await new TestClient(app).get('/fi/quality/worklist.csv?region=17');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.location).toMatch(/^\/fi\/sign-in\?returnTo=/);
  });

  it('lets a coordinator change the region rules: an invalid threshold is shown, a valid change is saved and audited', async () => {
    const client = await signedIn(coordinator);
    await client.get('/fi/quality/rules?region=17');
    const enabled = ['name_short', 'summary_short', 'description_short', 'swedish_missing'];
    const invalid = await client.post('/fi/quality/rules', { region: '17', enabled, 'threshold-summary_short': 'paljon' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Anna raja-arvo kokonaislukuna (0–9999).');
    expect(invalid.body).toContain('href="#threshold-summary_short"');
    const saved = await client.post('/fi/quality/rules', { region: '17', enabled, 'threshold-summary_short': '40' });
    expect(saved.statusCode).toBe(303);
    expect(saved.location).toBe('/fi/quality/rules?region=17&saved=1');
    const page = await client.get(saved.location!);
    expect(page.body).toContain('Säännöt tallennettu.');
    expect(page.body).toMatch(/id="threshold-summary_short" name="threshold-summary_short" min="0" max="9999" value="40"/);
    expect(page.body).not.toMatch(/id="enabled-stale"[^>]*checked/);
    const [event] = await test.db.query<{ action: string; details: { disabled: string[] } }>(`SELECT action, details FROM audit_events WHERE action = 'quality.rules.updated'`);
    expect(event!.details.disabled).toContain('stale');
  });

  it('runs an audit of the region from the page and lists it in the history', async () => {
    const client = await signedIn(coordinator);
    await client.get('/fi/quality/runs?region=17');
    const started = await client.post('/fi/quality/runs', { region: '17' });
    expect(started.statusCode).toBe(303);
    const page = await client.get(started.location!);
    expect(page.body).toMatch(/Tarkistus tehty: \d+ tietuetta, pisteet \d/);
    expect(page.body).toContain('<td>sivu</td>');
    expect(page.body).toContain('kaikki alueet');
    const denied = await (await signedIn(provider)).post('/fi/quality/runs', { region: '17' }, { csrf: false });
    expect(denied.statusCode).toBe(403);
  });
});
