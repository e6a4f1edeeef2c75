/**
 * The FHIR R4 interface: create, read, search and update with organisation-scoped bearer tokens;
 * every resource validated against the official FHIR R4 JSON schema; organisation B sees nothing of A.
 */
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../test/support/db.ts';
import { createReferralFixture, referralTestConfig, type ReferralFixture } from '../../../test/support/referrals.ts';
import { TestClient } from '../../../test/support/users.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const validator = new JSONSchemaValidator();
function expectValid(resource: Record<string, unknown>) {
  expect(validator.validate(resource), JSON.stringify(resource)).toEqual([]);
}

const serviceRequest = (serviceId: string) => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  contained: [
    { resourceType: 'Patient', id: 'person', name: [{ text: 'Frida Fhirström' }], telecom: [{ system: 'phone', value: '044 987 6543' }], communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'sv' }] } }] },
    {
      resourceType: 'Consent',
      id: 'consent',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: '#person' },
      performer: [{ reference: '#person' }],
    },
  ],
  code: { coding: [{ system: 'urn:tarjotin:service', code: serviceId }] },
  reasonCode: [{ coding: [{ system: 'urn:tarjotin:need-area', code: 'loneliness' }] }],
  subject: { reference: '#person' },
  supportingInfo: [{ reference: '#consent' }],
});

describeEachBackend('referrals over FHIR R4', (backend) => {
  let test: TestDatabase;
  let app: App;
  let fixture: ReferralFixture;
  let referrerToken = '';
  let providerToken = '';
  let otherProviderToken = '';
  let id = '';
  let deps: Parameters<typeof createApiToken>[0];

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    fixture = await createReferralFixture(test.db, 'f');
    deps = { config: referralTestConfig({ DEV_LOGIN: 'on' }), db: test.db, clock: () => new Date('2026-11-28T10:00:00Z') };
    await test.db.query(`UPDATE organisations SET business_id = '1234567-8' WHERE id = $1`, [fixture.otherOrganisation.id]);
    await test.db.query(`UPDATE services SET source = 'ptv', source_id = '0b4c6a3e-1111-4222-8333-444455556666' WHERE id = $1`, [fixture.services.livingRoom]);
    app = await buildApp(deps, { logger: false });
    referrerToken = await createApiToken(deps, { userId: fixture.professional.id, organisationId: fixture.organisation.id, label: 'test' });
    providerToken = await createApiToken(deps, { userId: fixture.provider.id, organisationId: fixture.otherOrganisation.id });
    otherProviderToken = await createApiToken(deps, { userId: fixture.otherProvider.id, organisationId: (fixture.otherProvider.roles[0]!.organisationId)! });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, token: string | undefined, body?: unknown) => {
    const response = await app.inject({ method, url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/fhir+json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> & { entry?: { resource: Record<string, unknown> }[] }, headers: response.headers };
  };

  it('the client payload itself is a valid R4 ServiceRequest, and the schema does refuse invalid resources', () => {
    expectValid(serviceRequest('x'));
    expect(validator.validate({ resourceType: 'Task', status: 'sent', intent: 'order' }).length).toBeGreaterThan(0);
    expect(validator.validate({ resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: '#p' }, unknownField: 1 }).length).toBeGreaterThan(0);
  });

  it('creates a ServiceRequest with a bearer token; the response and its Task validate against the R4 schema', async () => {
    const created = await call('POST', '/fhir/ServiceRequest', referrerToken, { ...serviceRequest(''), code: { coding: [{ system: 'urn:fi:ptv:service', code: '0b4c6a3e-1111-4222-8333-444455556666' }] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = String(created.body.id);
    expect(created.headers.location).toBe(`/fhir/ServiceRequest/${id}`);
    expectValid(created.body);
    expect(created.body).toMatchObject({ status: 'active', intent: 'order', requester: { identifier: { system: 'urn:tarjotin:organisation', value: fixture.organisation.id } }, performer: [{ identifier: { system: 'urn:oid:1.2.246.10', value: '1234567-8' } }] });
    expect(JSON.stringify(created.body.code)).toContain('urn:fi:ptv:service');
    const task = await call('GET', `/fhir/Task/${id}`, providerToken);
    expect(task.status).toBe(200);
    expectValid(task.body);
    expect(task.body).toMatchObject({ status: 'requested', owner: { identifier: { value: '1234567-8' } } });
    const log = await test.db.query<{ channel: string; action: string }>(`SELECT channel, action FROM referral_access_log WHERE referral_id = $1 ORDER BY id`, [id]);
    expect(log).toEqual([{ channel: 'fhir', action: 'create' }, { channel: 'fhir', action: 'read' }]);
  });

  it('searches by status, owner and requester; updates the Task status; bundles validate', async () => {
    const byOwner = await call('GET', '/fhir/Task?status=requested&owner=urn:oid:1.2.246.10|1234567-8', providerToken);
    expectValid(byOwner.body);
    expect(byOwner.body.entry!.map((e) => e.resource.id)).toContain(id);
    expect((await call('GET', '/fhir/Task?status=completed', providerToken)).body.entry).toEqual([]);
    const byRequester = await call('GET', `/fhir/ServiceRequest?status=active&requester=${fixture.organisation.id}`, referrerToken);
    expectValid(byRequester.body);
    expect(byRequester.body.entry!.map((e) => e.resource.id)).toEqual([id]);
    const accepted = await call('PUT', `/fhir/Task/${id}`, providerToken, { resourceType: 'Task', id, status: 'accepted', intent: 'order' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expectValid(accepted.body);
    expect(accepted.body.status).toBe('accepted');
    const notAllowed = await call('PUT', `/fhir/Task/${id}`, referrerToken, { resourceType: 'Task', id, status: 'completed', intent: 'order' });
    expect(notAllowed.status).toBe(409);
    expectValid(notAllowed.body);
    const noReason = await call('PUT', `/fhir/Task/${id}`, providerToken, { resourceType: 'Task', id, status: 'failed', intent: 'order' });
    expect(noReason.status).toBe(400);
    const failed = await call('PUT', `/fhir/Task/${id}`, providerToken, { resourceType: 'Task', id, status: 'failed', statusReason: { coding: [{ code: 'unreachable' }] }, intent: 'order' });
    expect(failed.body).toMatchObject({ status: 'failed', statusReason: { coding: [{ code: 'unreachable' }] } });
    const read = await call('GET', `/fhir/ServiceRequest/${id}`, referrerToken);
    expectValid(read.body);
    expect(read.body.status).toBe('revoked');
  });

  it('keeps organisation B out: its token lists nothing, reads 404, cannot change; no token is 401', async () => {
    for (const url of [`/fhir/ServiceRequest/${id}`, `/fhir/Task/${id}`, '/fhir/Task/00000000-0000-4000-8000-000000000000', '/fhir/ServiceRequest/guess']) {
      const response = await call('GET', url, otherProviderToken);
      expect(response.status, url).toBe(404);
      expectValid(response.body);
    }
    expect((await call('GET', '/fhir/Task', otherProviderToken)).body.entry).toEqual([]);
    expect((await call('GET', '/fhir/ServiceRequest', otherProviderToken)).body.entry).toEqual([]);
    expect((await call('PUT', `/fhir/Task/${id}`, otherProviderToken, { resourceType: 'Task', id, status: 'entered-in-error', intent: 'order' })).status).toBe(404);
    const anonymous = await call('GET', '/fhir/Task', undefined);
    expect(anonymous.status).toBe(401);
    expectValid(anonymous.body);
    expect((await call('GET', '/fhir/Task', 'trj_not-a-real-token-000000000000000000000000000')).status).toBe(401);
    // a signed-in session may read but not write
    const session = new TestClient(app);
    await session.signInAsDevUser(fixture.professional.id);
    expect((await session.get(`/fhir/ServiceRequest/${id}`)).statusCode).toBe(200);
    expect((await session.get(`/fhir/ServiceRequest/${id}`)).body).toContain('Frida');
    const sessionWrite = await app.inject({ method: 'PUT', url: `/fhir/Task/${id}`, cookies: Object.fromEntries(session.cookies), headers: { 'content-type': 'application/fhir+json' }, payload: JSON.stringify({ resourceType: 'Task', status: 'cancelled' }) });
    expect(sessionWrite.statusCode).toBe(401);
  });

  it('pages searches with _count and _offset; the links keep the criteria; only the page is opened', async () => {
    const second = await call('POST', '/fhir/ServiceRequest', referrerToken, { ...serviceRequest(''), code: { coding: [{ system: 'urn:fi:ptv:service', code: '0b4c6a3e-1111-4222-8333-444455556666' }] } });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const all = await call('GET', `/fhir/ServiceRequest?requester=${fixture.organisation.id}`, referrerToken);
    expectValid(all.body);
    const total = Number(all.body.total);
    expect(total).toBeGreaterThanOrEqual(2);
    const before = Number((await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM referral_access_log WHERE action = 'read'`))[0]!.n);
    const first = await call('GET', `/fhir/ServiceRequest?requester=${fixture.organisation.id}&_count=1`, referrerToken);
    expectValid(first.body);
    expect(first.body.total).toBe(total);
    expect(first.body.entry).toHaveLength(1);
    const after = Number((await test.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM referral_access_log WHERE action = 'read'`))[0]!.n);
    expect(after - before).toBe(1);
    const links = first.body.link as { relation: string; url: string }[];
    const next = links.find((l) => l.relation === 'next')!.url;
    expect(next).toContain(`requester=${fixture.organisation.id}`);
    expect(next).toContain('_count=1&_offset=1');
    const page2 = await call('GET', next.slice(next.indexOf('/fhir/')), referrerToken);
    expectValid(page2.body);
    expect(page2.body.entry).toHaveLength(1);
    expect(page2.body.entry![0]!.resource.id).not.toBe(first.body.entry![0]!.resource.id);
    expect((page2.body.link as { relation: string }[]).map((l) => l.relation)).toContain('previous');
    const tasks = await call('GET', `/fhir/Task?_count=${total}`, referrerToken);
    expect((tasks.body.link as { relation: string }[]).map((l) => l.relation)).toEqual(['self']);
    expect((await call('GET', '/fhir/Task?_count=0', referrerToken)).status).toBe(400);
    expect((await call('GET', '/fhir/Task?_count=abc', referrerToken)).status).toBe(400);
  });

  it('searches every referral the caller may see, however many, and filters them before paging', async () => {
    // 5,000 older copies of the first referral (no personal data): the search used to read the newest 5,000 only.
    const copies = 5_000;
    const inserted = await test.db.query<{ id: string }>(
      `INSERT INTO referrals
       SELECT (jsonb_populate_record(r, jsonb_build_object('id', gen_random_uuid(), 'personal_data', NULL, 'personal_key_id', NULL,
                 'updated_at', r.updated_at - make_interval(days => g)))).*
         FROM referrals r, generate_series(1, $2::integer) AS g WHERE r.id = $1::uuid
       RETURNING id`,
      [id, copies],
    );
    try {
      const all = await call('GET', `/fhir/Task?requester=${fixture.organisation.id}&_count=1`, referrerToken);
      const total = Number(all.body.total);
      expect(total).toBeGreaterThan(copies);
      const oldest = await call('GET', `/fhir/Task?requester=${fixture.organisation.id}&_count=1&_offset=${total - 1}`, referrerToken);
      expectValid(oldest.body);
      expect(oldest.body.entry).toHaveLength(1);
      const [{ oldestId } = { oldestId: '' }] = await test.db.query<{ oldestId: string }>(
        `SELECT id AS "oldestId" FROM referrals WHERE referring_organisation_id = $1 ORDER BY updated_at, id DESC LIMIT 1`,
        [fixture.organisation.id],
      );
      expect(oldest.body.entry![0]!.resource.id).toBe(oldestId);
      // The provider named by business ID, by our id and by an unknown value.
      const byBusinessId = await call('GET', `/fhir/Task?owner=urn:oid:1.2.246.10|1234567-8&_count=1`, referrerToken);
      const byId = await call('GET', `/fhir/Task?owner=Organization/${fixture.otherOrganisation.id}&_count=1`, referrerToken);
      expect(byBusinessId.body.total).toBe(byId.body.total);
      expect(Number(byId.body.total)).toBeGreaterThan(copies);
      expect((await call('GET', '/fhir/Task?owner=9999999-9', referrerToken)).body.total).toBe(0);
      expect((await call('GET', `/fhir/Task?owner=urn:fi:ptv:organization|1234567-8`, referrerToken)).body.total).toBe(0);
      const [{ requested } = { requested: -1 }] = await test.db.query<{ requested: number }>(
        `SELECT count(*)::int AS requested FROM referrals WHERE status = 'requested' AND (referring_organisation_id = $1 OR provider_organisation_id = $1)`,
        [fixture.organisation.id],
      );
      expect((await call('GET', '/fhir/Task?status=requested&_count=1', referrerToken)).body.total).toBe(requested);
      // Another provider sees none of them.
      expect(Number((await call('GET', '/fhir/Task?_count=1', otherProviderToken)).body.total)).toBeLessThan(copies);
    } finally {
      await test.db.query(`DELETE FROM referrals WHERE id = ANY($1::uuid[])`, [inserted.map((r) => r.id)]);
    }
  });

  it('lists tokens without their values and revokes one at once', async () => {
    const token = await createApiToken(deps, { userId: fixture.professional.id, organisationId: fixture.organisation.id, label: 'to revoke' });
    expect((await call('GET', `/fhir/ServiceRequest/${id}`, token)).status).toBe(200);
    const listed = (await listApiTokens(deps, { organisationId: fixture.organisation.id })).find((t) => t.label === 'to revoke')!;
    expect(listed).toMatchObject({ userId: fixture.professional.id, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token);
    await revokeApiToken(deps, listed.id);
    await revokeApiToken(deps, listed.id); // twice: no change, no error
    expect((await call('GET', `/fhir/ServiceRequest/${id}`, token)).status).toBe(401);
    expect((await listApiTokens(deps, { organisationId: fixture.organisation.id })).find((t) => t.id === listed.id)?.revokedAt).toBeInstanceOf(Date);
    expect((await call('GET', `/fhir/ServiceRequest/${id}`, referrerToken)).status).toBe(200);
    await expect(revokeApiToken(deps, '00000000-0000-4000-8000-000000000000')).rejects.toThrow();
  });
});
