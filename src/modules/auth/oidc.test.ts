import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { organisationRecord } from '../../../test/support/factories.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../../test/support/identity-provider.ts';
import { TestClient } from '../../../test/support/users.ts';
import { upsertOrganisations } from '../catalog/index.ts';

const publicUrl = 'http://tarjotin.test';

describeEachBackend('OpenID Connect sign-in against a local identity provider', (backend) => {
  let test: TestDatabase;
  let idp: TestIdentityProvider;
  let app: App;
  let wrongSecretApp: App;
  let unreachableApp: App;
  const organisation = organisationRecord({ regionCode: '08', businessId: '1234567-8' });

  function config(overrides: Record<string, string> = {}) {
    return testConfig({
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_SCOPES: 'openid profile email roles',
      OIDC_ORGANISATION_CLAIM: 'business_id',
      ...overrides,
    });
  }

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await upsertOrganisations(test.db, [organisation]);
    idp = await startTestIdentityProvider({ redirectUri: `${publicUrl}/auth/oidc/callback`, postLogoutRedirectUri: `${publicUrl}/auth/signed-out` });
    app = await buildApp(testDeps(test.db, { config: config() }), { logger: false });
    wrongSecretApp = await buildApp(testDeps(test.db, { config: config({ OIDC_CLIENT_SECRET: 'not-the-secret' }) }), { logger: false });
    unreachableApp = await buildApp(testDeps(test.db, { config: config({ OIDC_ISSUER: 'http://127.0.0.1:1' }) }), { logger: false });
  });
  beforeEach(() => {
    idp.accounts.clear();
  });
  afterAll(async () => {
    await app?.close();
    await wrongSecretApp?.close();
    await unreachableApp?.close();
    await idp?.close();
    await test?.drop();
  });

  /** Starts sign-in at the app, lets the provider answer, and returns the app's callback path. */
  async function signInAtProvider(client: TestClient, lang = 'fi', returnTo?: string): Promise<string> {
    await client.get(`/${lang}/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    const started = await client.post(`/${lang}/sign-in/oidc`, returnTo ? { returnTo } : {});
    expect(started.statusCode).toBe(303);
    expect(started.location!.startsWith(idp.issuer)).toBe(true);
    const back = await idp.authorize(started.location!);
    expect(`${back.origin}${back.pathname}`).toBe(`${publicUrl}/auth/oidc/callback`);
    return `${back.pathname}${back.search}`;
  }

  function account(overrides: Partial<{ sub: string; roles: string[]; businessId: string }> = {}) {
    const sub = overrides.sub ?? `user-${newId()}`;
    idp.accounts.set(sub, { sub, name: 'Olli Oidc', email: `${sub}@example.fi`, roles: ['professional'], businessId: organisation.businessId!, ...overrides });
    idp.behaviour = { action: 'sign_in', account: sub };
    return sub;
  }

  it('signs in an organisation user, creates the user on first sign-in and gives the role of the claims', async () => {
    const sub = account();
    const client = new TestClient(app);
    const callback = await signInAtProvider(client, 'sv', '/sv/admin');
    const response = await client.get(callback);
    expect(response.statusCode).toBe(303);
    expect(response.location).toBe('/sv/admin');
    expect(client.cookies.get('tarjotin_session')).toBeDefined();
    expect(client.cookies.has('tarjotin_oidc')).toBe(false);
    const users = await test.db.query<{ id: string; display_name: string; email: string; oidc_issuer: string }>(`SELECT id, display_name, email, oidc_issuer FROM users WHERE oidc_subject = $1`, [sub]);
    expect(users).toEqual([expect.objectContaining({ display_name: 'Olli Oidc', email: `${sub}@example.fi`, oidc_issuer: idp.issuer })]);
    const roles = await test.db.query(`SELECT role, organisation_id, region_code, source FROM user_roles WHERE user_id = $1`, [users[0]!.id]);
    expect(roles).toEqual([{ role: 'professional', organisation_id: organisation.id, region_code: '08', source: 'oidc' }]);
    expect((await client.get('/sv/sign-in/done')).location).toBe('/sv/guidance');
    const forbidden = await client.get('/sv/admin');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('Olli Oidc');
  });

  it('replaces the roles from claims at each sign-in and applies the admin mapping of a claim value', async () => {
    const sub = account({ roles: ['professional'] });
    const first = new TestClient(app);
    await first.get(await signInAtProvider(first));
    await test.db.query(`INSERT INTO role_mappings (id, claim_value, role, organisation_id, region_code) VALUES ($1, 'tarjotin-admins', 'admin', NULL, NULL)`, [newId()]);
    idp.accounts.set(sub, { ...idp.accounts.get(sub)!, roles: ['coordinator', 'tarjotin-admins'] });
    const second = new TestClient(app);
    await second.get(await signInAtProvider(second));
    const roles = await test.db.query<{ role: string }>(`SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.oidc_subject = $1 ORDER BY r.role`, [sub]);
    expect(roles.map((r) => r.role)).toEqual(['admin', 'coordinator']);
    expect((await second.get('/fi/admin')).statusCode).toBe(200);
    await test.db.query(`DELETE FROM role_mappings WHERE claim_value = 'tarjotin-admins'`);
  });

  it('tells the user that sign-in was cancelled when they cancel at the provider, and starts no session', async () => {
    idp.behaviour = { action: 'cancel' };
    const client = new TestClient(app);
    const callback = await signInAtProvider(client);
    expect(callback).toContain('error=access_denied');
    const response = await client.get(callback);
    expect(response.statusCode).toBe(303);
    expect(response.location).toBe('/fi/sign-in?notice=cancelled');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    expect((await client.get(response.location!)).body).toContain('Kirjautuminen peruttiin.');
    const events = await test.db.query<{ details: { reason: string } }>(`SELECT details FROM audit_events WHERE action = 'auth.sign_in.cancelled'`);
    expect(events.at(-1)?.details).toEqual({ reason: 'access_denied' });
  });

  it('fails a sign-in whose state was tampered with, and does not let the code be used afterwards', async () => {
    const sub = account();
    const client = new TestClient(app);
    const callback = await signInAtProvider(client);
    const tampered = callback.replace(/state=[^&]+/, 'state=forged-state');
    const response = await client.get(tampered);
    expect(response.location).toBe('/fi/sign-in?notice=failed');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    // The sign-in in progress was used up: the genuine callback no longer completes either.
    expect((await client.get(callback)).location).toBe('/fi/sign-in?notice=failed');
    expect(await test.db.query(`SELECT 1 FROM users WHERE oidc_subject = $1`, [sub])).toEqual([]);
  });

  it('refuses a callback that this browser did not start (login CSRF)', async () => {
    account();
    const victim = new TestClient(app);
    const attacker = new TestClient(app);
    const callback = await signInAtProvider(attacker);
    const response = await victim.get(callback);
    expect(response.location).toBe('/fi/sign-in?notice=failed');
    expect(victim.cookies.has('tarjotin_session')).toBe(false);
  });

  it('fails when the provider refuses the code exchange (wrong client secret)', async () => {
    account();
    const client = new TestClient(wrongSecretApp);
    const callback = await signInAtProvider(client);
    const response = await client.get(callback);
    expect(response.location).toBe('/fi/sign-in?notice=failed');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    const events = await test.db.query<{ details: { reason: string } }>(`SELECT details FROM audit_events WHERE action = 'auth.sign_in.failed' ORDER BY id DESC LIMIT 1`);
    expect(events[0]?.details.reason).toMatch(/^token_/);
  });

  it('signs in nobody whose claims give no role, but keeps the user for an admin to give one', async () => {
    const sub = account({ roles: ['some-unmapped-group'] });
    const client = new TestClient(app);
    const response = await client.get(await signInAtProvider(client, 'en'));
    expect(response.location).toBe('/en/sign-in?notice=no_roles');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    expect((await client.get(response.location!)).body).toContain('Ask an admin to give you a role.');
    expect(await test.db.query(`SELECT 1 FROM users WHERE oidc_subject = $1`, [sub])).toHaveLength(1);
  });

  it('says so when the identity provider cannot be reached', async () => {
    const client = new TestClient(unreachableApp);
    await client.get('/fi/sign-in');
    const response = await client.post('/fi/sign-in/oidc', {});
    expect(response.location).toBe('/fi/sign-in?notice=unavailable');
  });

  it('ends the provider session too at sign-out', async () => {
    account();
    const client = new TestClient(app);
    await client.get(await signInAtProvider(client));
    await client.get('/fi');
    const response = await client.post('/fi/sign-out');
    const location = new URL(response.location!);
    expect(location.href.startsWith(idp.issuer)).toBe(true);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/auth/signed-out`);
    expect(location.searchParams.get('state')).toBe('fi');
    expect(client.cookies.has('tarjotin_session')).toBe(false);
    expect((await client.get('/auth/signed-out?state=fi')).location).toBe('/fi/signed-out');
  });
});
