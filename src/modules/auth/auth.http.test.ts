import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { organisationRecord } from '../../../test/support/factories.ts';
import { createUser, TestClient, type TestUser } from '../../../test/support/users.ts';
import { upsertOrganisations } from '../catalog/index.ts';

describeEachBackend('sessions, sign-in and sign-out', (backend) => {
  let test: TestDatabase;
  let app: App;
  let now: Date;
  let admin: TestUser;
  let professional: TestUser;
  let provider: TestUser;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    const organisation = organisationRecord({ regionCode: '08' });
    await upsertOrganisations(test.db, [organisation]);
    const scope = { organisationId: organisation.id, regionCode: '08' };
    admin = await createUser(test.db, { name: 'Aino Admin', devKey: 'test-admin', roles: [{ role: 'admin', organisationId: null, regionCode: null }] });
    professional = await createUser(test.db, { name: 'Pirjo Professional', devKey: 'test-professional', roles: [{ role: 'professional', ...scope }] });
    provider = await createUser(test.db, { name: 'Pentti Provider', devKey: 'test-provider', roles: [{ role: 'provider', ...scope }] });
    app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }), clock: () => now }), { logger: false });
  });
  beforeEach(() => {
    now = new Date('2026-11-28T08:00:00Z');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function sessionCount(): Promise<number> {
    return (await test.db.query<{ n: number }>('SELECT count(*) AS n FROM sessions'))[0]!.n;
  }

  it('signs in a development user with a fresh HttpOnly, SameSite=Lax cookie and shows their name, role and sign-out', async () => {
    const client = new TestClient(app);
    const page = await client.get('/fi/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aino Admin');
    const signedIn = await client.post('/fi/sign-in/dev', { userId: admin.id });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.location).toBe('/fi/sign-in/done');
    const cookie = [signedIn.headers['set-cookie']].flat().find((c) => String(c).startsWith('tarjotin_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/fi/sign-in/done')).location).toBe('/fi/admin');
    const adminPage = await client.get('/fi/admin');
    expect(adminPage.statusCode).toBe(200);
    expect(adminPage.body).toContain('Aino Admin');
    expect(adminPage.body).toContain('ylläpitäjä');
    expect(adminPage.body).toContain('action="/fi/sign-out"');
  });

  it('sends a visitor without a session to sign in and back to the page', async () => {
    const response = await new TestClient(app).get('/fi/admin/users');
    expect(response.statusCode).toBe(303);
    expect(response.location).toBe('/fi/sign-in?returnTo=%2Ffi%2Fadmin%2Fusers');
    const client = new TestClient(app);
    await client.get('/fi/sign-in?returnTo=%2Ffi%2Fadmin%2Fusers');
    expect((await client.post('/fi/sign-in/dev', { userId: admin.id, returnTo: '/fi/admin/users' })).location).toBe('/fi/admin/users');
  });

  it('never returns to another site after sign-in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const client = new TestClient(app);
      await client.get('/fi/sign-in');
      expect((await client.post('/fi/sign-in/dev', { userId: admin.id, returnTo })).location).toBe('/fi/sign-in/done');
    }
  });

  it('shows a provider the 403 page in their language on admin pages', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(provider.id, 'sv');
    const response = await client.get('/sv/admin');
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Du har inte rätt att se den här sidan.');
    expect(response.body).toContain('Pentti Provider');
    expect(response.body).toContain('<html lang="sv">');
  });

  it('refuses form posts without the CSRF token, signed in or not', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(admin.id);
    await client.get('/fi/admin');
    const withoutToken = await client.post('/fi/sign-out', {}, { csrf: false });
    expect(withoutToken.statusCode).toBe(403);
    expect((await client.get('/fi/admin')).statusCode).toBe(200);
    const anonymous = new TestClient(app);
    expect((await anonymous.post('/fi/sign-in/dev', { userId: admin.id }, { csrf: false })).statusCode).toBe(403);
    expect(anonymous.cookies.has('tarjotin_session')).toBe(false);
  });

  it('refuses a CSRF token issued before sign-in once signed in (tokens are bound to the session)', async () => {
    const client = new TestClient(app);
    await client.get('/fi/sign-in');
    const tokenBefore = client.csrfToken();
    await client.post('/fi/sign-in/dev', { userId: admin.id });
    const response = await client.post('/fi/sign-out', { _csrf: tokenBefore });
    expect(response.statusCode).toBe(403);
    expect((await client.get('/fi/admin')).statusCode).toBe(200);
  });

  it('never upgrades a planted session cookie: sign-in issues a new token and the planted one stays useless', async () => {
    const victim = new TestClient(app);
    victim.cookies.set('tarjotin_session', 'planted-by-an-attacker-0123456789');
    await victim.signInAsDevUser(admin.id);
    const issued = victim.cookies.get('tarjotin_session');
    expect(issued).toBeDefined();
    expect(issued).not.toBe('planted-by-an-attacker-0123456789');
    const attacker = new TestClient(app);
    attacker.cookies.set('tarjotin_session', 'planted-by-an-attacker-0123456789');
    expect((await attacker.get('/fi/admin')).statusCode).toBe(303);
  });

  it('ends the earlier session of the browser when someone signs in again (an attacker’s own session cannot be handed to a victim)', async () => {
    const browser = new TestClient(app);
    await browser.signInAsDevUser(provider.id);
    const providerToken = browser.cookies.get('tarjotin_session')!;
    await browser.get('/fi');
    await browser.post('/fi/sign-in/dev', { userId: admin.id });
    expect(browser.cookies.get('tarjotin_session')).not.toBe(providerToken);
    const reuse = new TestClient(app);
    reuse.cookies.set('tarjotin_session', providerToken);
    expect((await reuse.get('/fi/sign-in/done')).location).toBe('/fi/sign-in');
  });

  it('deletes the session at sign-out so that its token can never be used again', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(professional.id);
    const token = client.cookies.get('tarjotin_session')!;
    const before = await sessionCount();
    await client.get('/fi/signed-out');
    const signedOut = await client.post('/fi/sign-out');
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.location).toBe('/fi/signed-out');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    expect(await sessionCount()).toBe(before - 1);
    const replay = new TestClient(app);
    replay.cookies.set('tarjotin_session', token);
    const response = await replay.get('/fi/admin');
    expect(response.statusCode).toBe(303);
    expect(response.location).toMatch(/^\/fi\/sign-in\?returnTo=/);
    const events = await test.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE actor_user_id = $1 ORDER BY id`, [professional.id]);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.user.signed_in', 'auth.user.signed_out']));
  });

  it('ends a session after 30 idle minutes, but not while it is in use', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(admin.id);
    for (let i = 0; i < 5; i++) {
      now = new Date(now.getTime() + 25 * 60_000);
      expect((await client.get('/fi/admin')).statusCode).toBe(200);
    }
    now = new Date(now.getTime() + 31 * 60_000);
    const response = await client.get('/fi/admin');
    expect(response.statusCode).toBe(303);
    expect(response.location).toBe('/fi/sign-in?returnTo=%2Ffi%2Fadmin&notice=expired');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    expect((await client.get(response.location!)).body).toContain('Istuntosi päättyi');
  });

  it('ends a session 10 hours after sign-in however busy it is', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(admin.id);
    const start = now.getTime();
    while (now.getTime() < start + 10 * 3_600_000 - 20 * 60_000) {
      now = new Date(now.getTime() + 20 * 60_000);
      expect((await client.get('/fi/admin')).statusCode).toBe(200);
    }
    now = new Date(start + 10 * 3_600_000);
    expect((await client.get('/fi/admin')).statusCode).toBe(303);
  });

  it('asks to choose a user when the development sign-in form is sent empty', async () => {
    const client = new TestClient(app);
    await client.get('/sv/sign-in');
    const response = await client.post('/sv/sign-in/dev', {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Välj en testanvändare.');
    expect(response.body).toContain('href="#dev-user-0"');
  });
});

describeEachBackend('sign-in configuration', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('has no development sign-in unless DEV_LOGIN is on', async () => {
    const user = await createUser(test.db, { devKey: 'dev-off-admin', roles: [{ role: 'admin', organisationId: null, regionCode: null }] });
    const app = await buildApp(testDeps(test.db), { logger: false });
    const client = new TestClient(app);
    const page = await client.get('/fi/sign-in');
    expect(page.body).not.toContain('Kehityskirjautuminen');
    await client.get('/fi/accessibility'); // a page with a form: its token passes the CSRF check
    expect((await client.post('/fi/sign-in/dev', { userId: user.id })).statusCode).toBe(404);
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    await app.close();
  });

  it('marks session cookies Secure with the __Host- prefix when the public address is https', async () => {
    const user = await createUser(test.db, { devKey: 'https-admin', roles: [{ role: 'admin', organisationId: null, regionCode: null }] });
    const app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on', PUBLIC_URL: 'https://tarjotin.example.fi' }) }), { logger: false });
    const client = new TestClient(app);
    const response = await client.signInAsDevUser(user.id);
    const cookie = [response.headers['set-cookie']].flat().find((c) => String(c).startsWith('__Host-tarjotin_session='));
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    await app.close();
  });
});

describeEachBackend('session housekeeping', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('deletes sessions that timed out and keeps the live ones', async () => {
    const { purgeExpiredSessions } = await import('./index.ts');
    const user = await createUser(test.db, { roles: [] });
    const insert = (id: string, lastSeen: string, expires: string) =>
      test.db.query(`INSERT INTO sessions (id, token_hash, user_id, method, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, 'dev', $4, $4, $5)`, [id, `hash-${id}`, user.id, new Date(lastSeen), new Date(expires)]);
    await insert('00000000-0000-4000-8000-000000000001', '2026-11-28T09:50:00Z', '2026-11-28T18:00:00Z');
    await insert('00000000-0000-4000-8000-000000000002', '2026-11-28T09:00:00Z', '2026-11-28T18:00:00Z');
    await insert('00000000-0000-4000-8000-000000000003', '2026-11-28T09:59:00Z', '2026-11-28T09:59:30Z');
    expect(await purgeExpiredSessions(testDeps(test.db))).toBe(2);
    expect((await test.db.query<{ id: string }>('SELECT id FROM sessions')).map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000001']);
  });
});
