import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { organisationRecord } from '../../../test/support/factories.ts';
import { createUser, TestClient, type TestUser } from '../../../test/support/users.ts';
import { upsertOrganisations } from '../catalog/index.ts';

describeEachBackend('admin pages', (backend) => {
  let test: TestDatabase;
  let app: App;
  let national: TestUser;
  let regional: TestUser;
  let newcomer: TestUser;
  let elsewhere: TestUser;
  const pirkanmaa = organisationRecord({ regionCode: '08', name: { fi: 'Pirkanmaan testijärjestö ry' } });
  const southwest = organisationRecord({ regionCode: '05', name: { fi: 'Varsinais-Suomen testijärjestö ry' } });

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await upsertOrganisations(test.db, [pirkanmaa, southwest]);
    national = await createUser(test.db, { name: 'Niina Kansallinen', devKey: 'adm-national', roles: [{ role: 'admin', organisationId: null, regionCode: null }] });
    regional = await createUser(test.db, { name: 'Riku Alueellinen', devKey: 'adm-regional', roles: [{ role: 'admin', organisationId: null, regionCode: '08' }] });
    newcomer = await createUser(test.db, { name: 'Uuno Uusi', email: 'uuno@example.fi', roles: [] });
    elsewhere = await createUser(test.db, { name: 'Toini Turku', roles: [{ role: 'professional', organisationId: southwest.id, regionCode: '05' }] });
    app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) }), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function admin(user: TestUser): Promise<TestClient> {
    const client = new TestClient(app);
    await client.signInAsDevUser(user.id);
    return client;
  }

  async function auditActions(subjectId: string): Promise<string[]> {
    return (await test.db.query<{ action: string }>('SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id', [subjectId])).map((e) => e.action);
  }

  it('lets a regional admin give a new user a role in their region, and audits it', async () => {
    const client = await admin(regional);
    const list = await client.get('/fi/admin/users');
    expect(list.body).toContain('Uuno Uusi');
    expect(list.body).not.toContain('Toini Turku');
    await client.get(`/fi/admin/users/${newcomer.id}?region=08`);
    expect(client.lastBody).toContain('Pirkanmaan testijärjestö ry');
    const granted = await client.post(`/fi/admin/users/${newcomer.id}/roles`, { role: 'professional', regionCode: '08', organisationId: pirkanmaa.id });
    expect(granted.location).toBe(`/fi/admin/users/${newcomer.id}?saved=1`);
    expect(await test.db.query(`SELECT role, organisation_id, region_code, source FROM user_roles WHERE user_id = $1`, [newcomer.id])).toEqual([
      { role: 'professional', organisation_id: pirkanmaa.id, region_code: '08', source: 'admin' },
    ]);
    expect(await auditActions(newcomer.id)).toEqual(['auth.role.granted']);
  });

  it('refuses a regional admin roles in other regions and the admin role, with the reason on the form', async () => {
    const client = await admin(regional);
    await client.get(`/fi/admin/users/${newcomer.id}?region=08`);
    const admin08 = await client.post(`/fi/admin/users/${newcomer.id}/roles`, { role: 'admin', regionCode: '08', organisationId: '' });
    expect(admin08.statusCode).toBe(400);
    expect(admin08.body).toContain('Sinulla ei ole oikeutta antaa tätä roolia');
    const wrongRegion = await client.post(`/fi/admin/users/${newcomer.id}/roles`, { role: 'provider', regionCode: '08', organisationId: southwest.id });
    expect(wrongRegion.statusCode).toBe(400);
    expect(wrongRegion.body).toContain('Valitse valitun alueen toimiva organisaatio.');
    expect((await client.get(`/fi/admin/users/${elsewhere.id}`)).statusCode).toBe(404);
  });

  it('disables a user and ends their sessions at once; deletes a user’s personal data but keeps the audit trail', async () => {
    const victim = await createUser(test.db, { name: 'Veera Väliaikainen', email: 'veera@example.fi', devKey: 'adm-victim', roles: [{ role: 'professional', organisationId: pirkanmaa.id, regionCode: '08' }] });
    const victimBrowser = new TestClient(app);
    await victimBrowser.signInAsDevUser(victim.id);
    expect((await victimBrowser.get('/fi/sign-in/done')).location).toBe('/fi/guidance');
    const client = await admin(national);
    await client.get(`/fi/admin/users/${victim.id}`);
    await client.post(`/fi/admin/users/${victim.id}/status`, { status: 'disabled' });
    expect((await victimBrowser.get('/fi/guidance')).statusCode).toBe(303);
    await client.get(`/fi/admin/users/${victim.id}`);
    const unconfirmed = await client.post(`/fi/admin/users/${victim.id}/delete`, {});
    expect(unconfirmed.location).toBe(`/fi/admin/users/${victim.id}`);
    await client.get(`/fi/admin/users/${victim.id}`);
    await client.post(`/fi/admin/users/${victim.id}/delete`, { confirm: 'yes' });
    expect(await test.db.query('SELECT 1 FROM users WHERE id = $1', [victim.id])).toEqual([]);
    expect(await test.db.query('SELECT 1 FROM user_roles WHERE user_id = $1', [victim.id])).toEqual([]);
    const actions = await auditActions(victim.id);
    expect(actions).toEqual(expect.arrayContaining(['auth.user.signed_in', 'auth.user.disabled', 'auth.user.deleted']));
    const trail = JSON.stringify(await test.db.query('SELECT * FROM audit_events WHERE subject_id = $1', [victim.id]));
    expect(trail).not.toContain('Veera');
    expect(trail).not.toContain('veera@example.fi');
  });

  it('keeps admins from changing their own access', async () => {
    const client = await admin(national);
    const own = await client.get(`/fi/admin/users/${national.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Et voi muuttaa omia oikeuksiasi');
    expect(own.body).not.toContain(`/admin/users/${national.id}/delete`);
    await client.get('/fi/admin');
    expect((await client.post(`/fi/admin/users/${national.id}/status`, { status: 'disabled' })).statusCode).toBe(404);
  });

  it('creates and edits organisations with validation in the page language, each change audited', async () => {
    const client = await admin(regional);
    await client.get('/sv/admin/organisations/new');
    const invalid = await client.post('/sv/admin/organisations', { nameFi: '', type: 'ngo', businessId: '1234567-2', regionCode: '05', municipalityCode: '', status: 'active' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Skriv namnet på finska eller svenska.');
    expect(invalid.body).toContain('FO-numret har fel form eller fel kontrolltecken.');
    expect(invalid.body).toContain('href="#nameFi"');
    const outside = await client.post('/sv/admin/organisations', { nameFi: 'Uusi yhdistys ry', type: 'ngo', businessId: '', regionCode: '05', municipalityCode: '', status: 'active' });
    expect(outside.body).toContain('Du har inte rätt att ge den här rollen eller arbeta i det här området.');
    const created = await client.post('/sv/admin/organisations', { nameFi: 'Uusi yhdistys ry', nameSv: 'Nya föreningen rf', type: 'ngo', businessId: '0112038-9', regionCode: '08', municipalityCode: '837', status: 'active' });
    expect(created.statusCode).toBe(303);
    const id = /organisations\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    await client.get(created.location!);
    await client.post(`/sv/admin/organisations/${id}`, { nameFi: 'Uusi yhdistys ry', nameSv: 'Nya föreningen rf', type: 'ngo', businessId: '0112038-9', regionCode: '08', municipalityCode: '837', status: 'archived' });
    expect((await test.db.query<{ status: string }>('SELECT status FROM organisations WHERE id = $1', [id]))[0]!.status).toBe('archived');
    expect(await auditActions(id)).toEqual(['auth.organisation.created', 'auth.organisation.updated']);
    const details = await test.db.query<{ details: { fields: string[] } }>(`SELECT details FROM audit_events WHERE subject_id = $1 AND action = 'auth.organisation.updated'`, [id]);
    expect(details[0]!.details.fields).toEqual(['status']);
  });

  it('maps an identity-provider group to a role and lists the change in the audit log', async () => {
    const client = await admin(national);
    await client.get('/en/admin/role-mappings?region=08');
    const created = await client.post('/en/admin/role-mappings', { claimValue: 'sote-ohjaajat', role: 'professional', regionCode: '08', organisationId: pirkanmaa.id });
    expect(created.location).toBe('/en/admin/role-mappings');
    const page = await client.get('/en/admin/role-mappings');
    expect(page.body).toContain('sote-ohjaajat');
    const audit = await client.get('/en/admin/audit');
    expect(audit.body).toContain('auth.role_mapping.created');
    expect(audit.body).toContain('auth.role.granted');
  });
});
