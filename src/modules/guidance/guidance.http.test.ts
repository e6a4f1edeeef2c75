import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createGuidanceFixture, type GuidanceFixture } from '../../../test/support/guidance.ts';
import { TestClient } from '../../../test/support/users.ts';
import { dispatchOutbox, type OutgoingMessage } from '../outbox/index.ts';

describeEachBackend('client and service guidance over HTTP', (backend) => {
  let test: TestDatabase;
  let app: App;
  let fixture: GuidanceFixture;
  const now = new Date('2026-11-28T10:00:00Z');

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    fixture = await createGuidanceFixture(test.db);
    app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }), clock: () => now }), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function professional(lang = 'fi'): Promise<TestClient> {
    const client = new TestClient(app);
    await client.signInAsDevUser(fixture.professional.id, lang);
    return client;
  }

  async function startSession(client: TestClient, lang = 'fi', clientLanguage = 'fi'): Promise<string> {
    await client.get(`/${lang}/guidance`);
    const started = await client.post(`/${lang}/guidance/sessions`, { clientLanguage });
    expect(started.statusCode).toBe(303);
    return /sessions\/([0-9a-f-]{36})\/context$/.exec(started.location!)![1]!;
  }

  const context = { clientLanguage: 'sv', municipalityCode: '', postalCode: '33100', ageGroup: 'older', languages: ['fi'], budget: 'free', needAreas: ['exercise', 'loneliness'] };

  it('shows a provider the 403 page instead of guidance, and sends a visitor to sign in', async () => {
    const provider = new TestClient(app);
    await provider.signInAsDevUser(fixture.provider.id);
    const page = await provider.get('/fi/guidance');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Sinulla ei ole oikeutta tähän sivuun.');
    expect((await new TestClient(app).get('/fi/guidance')).location).toBe('/fi/sign-in?returnTo=%2Ffi%2Fguidance');
  });

  it('re-renders the context form with errors in the page language, linked to their fields', async () => {
    const client = await professional('sv');
    const id = await startSession(client, 'sv');
    await client.get(`/sv/guidance/sessions/${id}/context`);
    const response = await client.post(`/sv/guidance/sessions/${id}/context`, { clientLanguage: 'sv', municipalityCode: '', postalCode: '9999', budget: 'free' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Välj minst ett behov.');
    expect(response.body).toContain('Kontrollera postnumret');
    expect(response.body).toContain('href="#needAreas-0"');
    const input = /<input id="postalCode"[^>]*>/.exec(response.body)?.[0] ?? '';
    expect(input).toContain('aria-describedby="postalCode-hint postalCode-error"');
    expect(input).toContain('aria-invalid="true"');
  });

  it('suggests nearby free activities for the needs and age group, each with why it was suggested', async () => {
    const client = await professional();
    const id = await startSession(client);
    await client.get(`/fi/guidance/sessions/${id}/context`);
    const saved = await client.post(`/fi/guidance/sessions/${id}/context`, context);
    expect(saved.statusCode).toBe(303);
    expect(saved.location).toBe(`/fi/guidance/sessions/${id}/suggestions`);
    const page = await client.get(saved.location!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Senioreiden kuntojumppa');
    expect(page.body).toContain('Olohuone-kahvila');
    expect(page.body).not.toContain('Kuntosali'); // fee, but "free only"
    expect(page.body).not.toContain('Nuorten sähly'); // for 13–17-year-olds
    expect(page.body).not.toContain('Helsingin kävelyryhmä'); // too far
    expect(page.body).not.toContain('Velkaneuvonta'); // another need
    expect(page.body).toContain('Miksi ehdotettu');
    expect(page.body).toContain('Tarpeeseen Liikunta (teema');
    expect(page.body).toContain('Tarkoitettu ikäryhmälle: Ikääntynyt');
    expect(page.body).toMatch(/km postinumerosta 33100/);
    expect(page.body.indexOf('Senioreiden kuntojumppa')).toBeLessThan(page.body.indexOf('Olohuone-kahvila'));
  });

  it('shows unstored check answers once and stores them (without a name) only when asked', async () => {
    const client = await professional();
    const id = await startSession(client);
    await client.get(`/fi/guidance/sessions/${id}/check`);
    expect(client.lastBody).toContain('Kevyt kartoitus ei ole diagnoosi');
    const answers = { instrumentId: 'ons4', 'item-life_satisfaction': '3', 'item-worthwhile': '7', 'item-happy_yesterday': '', 'item-anxious_yesterday': '8' };
    const shown = await client.post(`/fi/guidance/sessions/${id}/check`, answers);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Vastauksia ei tallennettu');
    expect(shown.body).toContain('3 / 10');
    expect(shown.headers['cache-control']).toBe('no-store');
    const count = async () => (await test.db.query<{ n: number }>('SELECT count(*) AS n FROM guidance_checks WHERE session_id = $1', [id]))[0]!.n;
    expect(await count()).toBe(0);
    await client.get(`/fi/guidance/sessions/${id}/check`);
    const stored = await client.post(`/fi/guidance/sessions/${id}/check`, { ...answers, keep: 'yes' });
    expect(stored.location).toBe(`/fi/guidance/sessions/${id}`);
    expect(await count()).toBe(1);
    const values = await test.db.query<{ item_id: string; value: number }>(`SELECT a.item_id, a.value FROM guidance_check_answers a JOIN guidance_checks c ON c.id = a.check_id WHERE c.session_id = $1 ORDER BY a.item_id`, [id]);
    expect(values).toEqual([
      { item_id: 'anxious_yesterday', value: 8 },
      { item_id: 'life_satisfaction', value: 3 },
      { item_id: 'worthwhile', value: 7 },
    ]);
    const overview = await client.get(`/fi/guidance/sessions/${id}`);
    expect(overview.body).toContain('Ahdistuneisuus eilen');
    await client.get(`/fi/guidance/sessions/${id}/check`);
    const invalid = await client.post(`/fi/guidance/sessions/${id}/check`, { instrumentId: 'ons4', 'item-worthwhile': '11' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#item-worthwhile-0"');
  });

  it('builds a plan, prints it in the client’s language with a QR code, and sends it by e-mail without keeping the address', async () => {
    const client = await professional();
    const id = await startSession(client, 'fi', 'sv');
    await client.get(`/fi/guidance/sessions/${id}/context`);
    await client.post(`/fi/guidance/sessions/${id}/context`, context);
    await client.get(`/fi/guidance/sessions/${id}/suggestions`);
    const added = await client.post(`/fi/guidance/sessions/${id}/plan/items`, { services: [fixture.services.seniorGym, fixture.services.livingRoom] });
    expect(added.location).toBe(`/fi/guidance/sessions/${id}/plan`);
    const plan = await client.get(added.location!);
    const printLink = /href="(\/sv\/plan\/[A-Za-z0-9_-]{22})"/.exec(plan.body)?.[1];
    expect(printLink).toBeDefined();

    const visitor = new TestClient(app);
    const printable = await visitor.get(printLink!);
    expect(printable.statusCode).toBe(200);
    expect(printable.body).toContain('<html lang="sv">');
    expect(printable.body).toContain('Din välmåendeplan');
    expect(printable.body).toContain('Motion för seniorer');
    expect(printable.body).toContain('tisdag 10:00–11:30');
    expect(printable.body).toContain('040 123 4567');
    expect(printable.body).toMatch(/<svg[^>]*role="img"[^>]*class="qr"/);
    expect(printable.headers['x-robots-tag']).toBe('noindex, nofollow');

    const form = await client.post(`/fi/guidance/sessions/${id}/plan/send`, { channel: 'email', recipient: 'ei osoite' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Kirjoita sähköpostiosoite');
    const sent = await client.post(`/fi/guidance/sessions/${id}/plan/send`, { channel: 'email', recipient: 'asiakas@example.fi' });
    expect(sent.location).toBe(`/fi/guidance/sessions/${id}/plan?sent=1`);
    const delivered: OutgoingMessage[] = [];
    await dispatchOutbox({ db: test.db, clock: () => now }, { email: { name: 'memory', send: async (m) => void delivered.push(m) } });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.to).toBe('asiakas@example.fi');
    expect(delivered[0]!.subject).toBe('Din välmåendeplan');
    expect(delivered[0]!.body).toContain(`http://tarjotin.test${printLink}`);
    expect(delivered[0]!.body).toContain('Motion för seniorer');
    const leftovers = await test.db.query(`SELECT 1 FROM outbox_messages WHERE recipient IS NOT NULL OR body IS NOT NULL`);
    expect(leftovers).toEqual([]);
    expect((await client.get(`/fi/guidance/sessions/${id}/plan`)).body).toContain('sähköposti – lähetetty');
  });

  it('hides a session from professionals of other organisations, and deletes it with its plan', async () => {
    const client = await professional();
    const id = await startSession(client);
    await client.get(`/fi/guidance/sessions/${id}/context`);
    await client.post(`/fi/guidance/sessions/${id}/context`, context);
    await client.get(`/fi/guidance/sessions/${id}/suggestions`);
    await client.post(`/fi/guidance/sessions/${id}/plan/items`, { services: fixture.services.seniorGym });
    const token = (await test.db.query<{ public_token: string }>('SELECT public_token FROM client_plans WHERE session_id = $1', [id]))[0]!.public_token;
    const other = new TestClient(app);
    await other.signInAsDevUser(fixture.otherProfessional.id);
    expect((await other.get(`/fi/guidance/sessions/${id}`)).statusCode).toBe(404);
    await other.get('/fi/guidance');
    expect((await other.post(`/fi/guidance/sessions/${id}/delete`)).statusCode).toBe(404);
    await client.get(`/fi/guidance/sessions/${id}`);
    expect((await client.post(`/fi/guidance/sessions/${id}/delete`)).location).toBe('/fi/guidance');
    expect((await new TestClient(app).get(`/fi/plan/${token}`)).statusCode).toBe(404);
    expect(await test.db.query('SELECT 1 FROM guidance_sessions WHERE id = $1', [id])).toEqual([]);
  });
});

describeEachBackend('guidance retention', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('deletes sessions and their plans GUIDANCE_RETENTION_DAYS after their last change, and audits how many', async () => {
    const fixture = await createGuidanceFixture(test.db, 'retention');
    const insert = (id: string, updatedAt: string) =>
      test.db.query(
        `INSERT INTO guidance_sessions (id, organisation_id, region_code, created_by, created_at, updated_at) VALUES ($1, $2, '08', $3, $4, $4)`,
        [id, fixture.organisation.id, fixture.professional.id, new Date(updatedAt)],
      );
    await insert('00000000-0000-4000-8000-00000000000a', '2026-05-01T00:00:00Z');
    await insert('00000000-0000-4000-8000-00000000000b', '2026-11-01T00:00:00Z');
    await test.db.query(`INSERT INTO client_plans (id, session_id, public_token, created_at, updated_at, expires_at) VALUES ($1, $2, 'AAAAAAAAAAAAAAAAAAAAAA', now(), now(), now())`, [
      '00000000-0000-4000-8000-0000000000aa',
      '00000000-0000-4000-8000-00000000000a',
    ]);
    const { purgeOldGuidanceSessions } = await import('./index.ts');
    expect(await purgeOldGuidanceSessions(testDeps(test.db))).toBe(1);
    expect((await test.db.query<{ id: string }>('SELECT id FROM guidance_sessions ORDER BY id')).map((r) => r.id)).toEqual(['00000000-0000-4000-8000-00000000000b']);
    expect(await test.db.query('SELECT 1 FROM client_plans')).toEqual([]);
    expect((await test.db.query<{ details: unknown }>(`SELECT details FROM audit_events WHERE action = 'guidance.session.purged'`))[0]?.details).toEqual({ count: 1, retentionDays: 180 });
  });
});
