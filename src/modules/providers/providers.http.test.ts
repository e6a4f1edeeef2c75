import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { organisationRecord } from '../../../test/support/factories.ts';
import { createUser, TestClient, type TestUser } from '../../../test/support/users.ts';
import { ensurePostalCodes, upsertOrganisations } from '../catalog/index.ts';

describeEachBackend('provider and moderation pages over HTTP', (backend) => {
  let test: TestDatabase;
  let app: App;
  let provider: TestUser;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  const org = organisationRecord({ regionCode: '08', name: { fi: 'Liikuntaseura Testi ry' } });

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await ensurePostalCodes(test.db);
    await upsertOrganisations(test.db, [org]);
    provider = await createUser(test.db, { roles: [{ role: 'provider', organisationId: org.id, regionCode: '08' }], devKey: 'p' });
    coordinator = await createUser(test.db, { roles: [{ role: 'coordinator', organisationId: org.id, regionCode: '08' }], devKey: 'c' });
    otherCoordinator = await createUser(test.db, { roles: [{ role: 'coordinator', organisationId: org.id, regionCode: '06' }], devKey: 'o' });
    app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) }), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function signedIn(user: TestUser, lang = 'fi') {
    const client = new TestClient(app);
    await client.signInAsDevUser(user.id, lang);
    return client;
  }

  it('without JavaScript: a provider creates an activity in fi and sv, it waits in moderation, the coordinator approves and residents find it', async () => {
    const client = await signedIn(provider, 'sv');
    expect((await client.get('/sv/provider')).statusCode).toBe(200);
    const started = await client.post('/sv/provider/activities', { organisationId: org.id });
    const editorUrl = started.location!;
    expect(editorUrl).toMatch(/^\/sv\/provider\/activities\/[0-9a-f-]{36}$/);
    const id = editorUrl.split('/').pop()!;
    await client.get(editorUrl);

    // Errors come back in the user's language, linked to their fields.
    const invalid = await client.post(editorUrl, { intent: 'submit', name_sv: 'Stolgymnastik', weekly_0_days: '1', weekly_0_opens: '25:00' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Skriv klockslaget i formen 18:00.');
    expect(invalid.body).toContain('Välj minst ett tema.');
    expect(invalid.body).toContain('href="#weekly_0_opens"');
    expect(invalid.body).toContain('value="Stolgymnastik"');

    const form = {
      name_fi: 'Tuolijumppa Hervannassa',
      name_sv: 'Stolgymnastik i Hervanta',
      summary_fi: 'Kevyttä jumppaa tuolilla istuen.',
      summary_sv: 'Lätt gymnastik sittande på en stol.',
      themes: 'exercise',
      target_groups: 'older_people',
      languages: ['fi', 'sv'],
      cost_type: 'free',
      location_street: 'Insinöörinkatu 38',
      location_postal_code: '33720',
      weekly_0_days: ['2', '4'],
      weekly_0_opens: '13:00',
      weekly_0_closes: '14:00',
    };
    const draft = await client.post(`${editorUrl}/draft`, form);
    expect(draft.statusCode).toBe(204);
    await client.get(editorUrl);
    const submitted = await client.post(editorUrl, { intent: 'submit', ...form });
    expect(submitted.location).toBe(`${editorUrl}?notice=editor.submittedPending`);
    expect((await client.get(submitted.location!)).body).toContain('Verksamheten skickades till granskning.');
    expect((await client.get(`/fi/activities/${id}`)).statusCode).toBe(404);

    // A coordinator of another region does not see it; the region's coordinator does.
    const other = await signedIn(otherCoordinator);
    expect((await other.get('/fi/moderation')).body).not.toContain('Tuolijumppa Hervannassa');
    const moderator = await signedIn(coordinator);
    const queue = await moderator.get('/fi/moderation');
    const changeUrl = /href="(\/fi\/moderation\/changes\/[0-9a-f-]{36})"/.exec(queue.body)![1]!;
    expect((await other.get(changeUrl)).statusCode).toBe(404);
    const diff = await moderator.get(changeUrl);
    expect(diff.body).toContain('Nimi (ruotsi)');
    expect(diff.body).toContain('<ins>Stolgymnastik i Hervanta</ins>');
    expect((await moderator.post(changeUrl, { decision: 'approved', comment: '' })).location).toBe('/fi/moderation?notice=moderation.decided');

    const page = await new TestClient(app).get(`/sv/activities/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Stolgymnastik i Hervanta');
    const search = await new TestClient(app).get('/fi/search?q=tuolijumppa');
    expect(search.body).toContain(`/fi/activities/${id}`);
    const api = JSON.parse((await app.inject({ url: `/api/v1/services/${id}` })).body);
    expect(api).toMatchObject({ mayBeOutOfDate: false, schedules: [{ weekdays: [2, 4], opens: '13:00' }] });

    // The review job's "may be out of date" mark shows on the public page.
    await test.db.query(`UPDATE services SET review_state = 'out_of_date' WHERE id = $1`, [id]);
    expect((await new TestClient(app).get(`/en/activities/${id}`)).body).toContain('This information may be out of date');
    await test.db.query(`UPDATE services SET review_state = 'current' WHERE id = $1`, [id]);

    const history = await client.get(`${editorUrl}/history`);
    expect(history.body).toContain('skickad till granskning');
    expect((await moderator.get(`/fi/provider/activities/${id}/history`)).statusCode).toBe(200);
    expect((await other.get(`/fi/provider/activities/${id}/history`)).statusCode).toBe(404);
  });

  it('uploads a spreadsheet: Latin-1 is refused with a clear message; a preview lists row errors before anything is saved', async () => {
    const client = await signedIn(provider);
    await client.get('/fi/provider/import');
    const template = await client.get('/fi/provider/import/template.csv');
    expect(template.headers['content-type']).toContain('text/csv');
    const upload = async (content: Buffer) => {
      const boundary = '----tarjotin';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="organisationId"\r\n\r\n${org.id}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.csv"\r\nContent-Type: text/plain\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({ method: 'POST', url: '/fi/provider/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, cookies: Object.fromEntries(client.cookies) });
    };
    const latin1 = await upload(Buffer.from('name_fi;summary_fi;themes\r\nKävely;Kävelyä;exercise\r\n', 'latin1'));
    expect(latin1.statusCode).toBe(400);
    expect(latin1.body).toContain('Tiedosto ei ole UTF-8-muodossa');
    expect(latin1.body).toContain('name="fromLatin1"');
    const preview = await upload(Buffer.from('name_fi;summary_fi;themes;valid_from\r\nKävely;Kävelyä;exercise;\r\nUinti;Uintia;astrology;1.1.2027\r\n'));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Rivejä: 2. Kunnossa: 1. Virheellisiä: 1.');
    expect(preview.body).toContain('themes: Tuntematon teema.');
    expect(preview.body).toContain('valid_from: Kirjoita päivämäärä muodossa 2026-12-31.');
    expect(preview.body).not.toContain('Tuo kaikki rivit');
    expect(preview.body).toContain('Tuo vain kunnossa olevat rivit (1)');
  });
});
