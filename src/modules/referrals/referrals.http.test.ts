/**
 * Referrals over HTTP: the whole closed loop through the pages (no JavaScript), the application
 * log of that journey scanned for the person's data, and authorisation on pages and JSON routes.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../test/support/db.ts';
import { createReferralFixture, referralTestConfig, type ReferralFixture } from '../../../test/support/referrals.ts';
import { TestClient } from '../../../test/support/users.ts';
import { createLogTransport, dispatchOutbox } from '../outbox/index.ts';

const person = { name: 'Ville Vallaton', phone: '050 111 2233', email: 'ville.vallaton@example.fi', note: 'Toivoo iltapäivän ryhmää.' };

describeEachBackend('referrals over HTTP', (backend) => {
  let test: TestDatabase;
  let app: App;
  let fixture: ReferralFixture;
  const logLines: string[] = [];
  const now = new Date('2026-11-28T10:00:00Z');
  let referralId = '';

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    fixture = await createReferralFixture(test.db, 'h');
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = referralTestConfig({ DEV_LOGIN: 'on' });
    app = await buildApp({ config, db: test.db, clock: () => now }, { logger: { level: 'debug', stream } });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  async function signedIn(userId: string, lang = 'fi'): Promise<TestClient> {
    const client = new TestClient(app);
    await client.signInAsDevUser(userId, lang);
    return client;
  }

  it('closes the loop: referral with consent → accepted → started → completed → follow-up, timeline shows every step', async () => {
    const professional = await signedIn(fixture.professional.id);
    await professional.get(`/fi/guidance/sessions/${fixture.sessionId}/plan`);
    expect((await professional.post(`/fi/guidance/sessions/${fixture.sessionId}/plan/items`, { services: [fixture.services.seniorGym, fixture.services.debtAdvice] })).statusCode).toBe(303);
    const form = await professional.get(`/fi/referrals/new?session=${fixture.sessionId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Senioreiden kuntojumppa');
    expect(form.body).toContain('Tämä toiminta ei ota vastaan lähetteitä.');
    const withoutConsent = await professional.post('/fi/referrals', { sessionId: fixture.sessionId, serviceId: fixture.services.seniorGym, ...person, clientLanguage: 'fi', needCodes: 'loneliness', consentGivenBy: 'client' });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.body).toContain('Lähetettä ei voi tehdä ilman suostumusta.');
    expect(withoutConsent.body).toContain('href="#consent"');
    const sent = await professional.post('/fi/referrals', { sessionId: fixture.sessionId, serviceId: fixture.services.seniorGym, ...person, clientLanguage: 'fi', needCodes: 'loneliness', consentGivenBy: 'client', consent: 'yes' });
    expect(sent.statusCode).toBe(303);
    referralId = /\/fi\/referrals\/([0-9a-f-]{36})$/.exec(sent.location!)![1]!;

    const provider = await signedIn(fixture.provider.id, 'sv');
    const inbox = await provider.get('/sv/referrals');
    expect(inbox.body).toContain(`/sv/referrals/${referralId}`);
    expect(inbox.body).not.toContain(person.name);
    const detail = await provider.get(`/sv/referrals/${referralId}`);
    expect(detail.body).toContain(person.name);
    expect(detail.body).toContain('Godkänn');
    for (const to of ['accepted', 'in-progress', 'completed']) {
      const moved = await provider.post(`/sv/referrals/${referralId}/status`, { to, expectedStatus: to === 'accepted' ? 'requested' : to === 'in-progress' ? 'accepted' : 'in-progress' });
      expect(moved.statusCode, to).toBe(303);
      await provider.get(`/sv/referrals/${referralId}`);
    }
    const rejected = await provider.post(`/sv/referrals/${referralId}/status`, { to: 'accepted', expectedStatus: 'requested' });
    expect(rejected.statusCode).toBe(409);

    await professional.get(`/en/referrals/${referralId}`);
    const followUpForm = await professional.get(`/en/referrals/${referralId}/follow-up`);
    expect(followUpForm.body).toContain('Baseline: 4');
    const missing = await professional.post(`/en/referrals/${referralId}/follow-up`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose how it went.');
    expect((await professional.post(`/en/referrals/${referralId}/follow-up`, { outcome: 'attended', 'item-life_satisfaction': '8' })).statusCode).toBe(303);
    const timeline = await professional.get(`/en/referrals/${referralId}`);
    const steps = /<ol class="timeline" id="timeline">([\s\S]*?)<\/ol>/.exec(timeline.body)![1]!;
    for (const label of ['Sent (referrer)', 'Accepted (provider)', 'Started (provider)', 'Completed (provider)']) expect(steps).toContain(label);
    expect(timeline.body).toContain('Follow-up recorded on');

    // the messages of the journey go through a log transport into the same log
    await dispatchOutbox({ db: test.db, clock: () => now }, { email: createLogTransport('email', app.log), sms: createLogTransport('sms', app.log) });
    const queued = await test.db.query<{ purpose: string }>(`SELECT purpose FROM outbox_messages WHERE reference_id = $1 ORDER BY created_at, purpose`, [referralId]);
    expect(queued.map((q) => q.purpose)).toContain('referrals.new');
  });

  it('writes none of the person\'s data into the application log of that journey', () => {
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain(referralId);
    for (const value of [person.name, 'Vallaton', person.phone, '0501112233', person.email, 'vallaton', person.note]) expect(log.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('keeps organisation B out of organisation A\'s referrals on pages and JSON; guessed ids are 404', async () => {
    const otherProvider = await signedIn(fixture.otherProvider.id);
    const otherProfessional = await signedIn(fixture.otherProfessional.id);
    for (const client of [otherProvider, otherProfessional]) {
      expect((await client.get(`/fi/referrals/${referralId}`)).statusCode).toBe(404);
      expect((await client.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
      expect((await client.get('/fi/referrals?as=provider&view=closed')).body).not.toContain(referralId);
      expect((await client.get('/fi/referrals?as=referrer&view=all')).body).not.toContain(referralId);
      expect(JSON.parse((await client.get('/api/referrals?view=all')).body).referrals).toEqual([]);
      await client.get('/fi/referrals');
      expect((await client.post(`/fi/referrals/${referralId}/status`, { to: 'entered-in-error', reason: 'other' })).statusCode).toBe(404);
      expect((await client.get(`/fi/referrals/${referralId}/follow-up`)).statusCode).toBe(404);
    }
    expect((await otherProvider.get('/fi/referrals/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await otherProvider.get('/api/referrals/not-a-uuid')).statusCode).toBe(404);
    const provider = await signedIn(fixture.provider.id);
    expect((await provider.get('/api/referrals/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await provider.get('/fi/referrals/access-log')).statusCode).toBe(403);
    expect(JSON.parse((await provider.get('/api/referrals?view=all')).body).referrals.map((r: { id: string }) => r.id)).toContain(referralId);
    expect((await new TestClient(app).get('/api/referrals')).statusCode).toBe(401);
    // the JSON route takes JSON only (a cross-site form cannot send it), and keeps B out too
    const cookies = (client: TestClient) => Object.fromEntries(client.cookies);
    const asForm = await app.inject({ method: 'POST', url: `/api/referrals/${referralId}/status`, cookies: cookies(provider), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'to=entered-in-error' });
    expect(asForm.statusCode).toBe(415);
    const asOther = await app.inject({ method: 'POST', url: `/api/referrals/${referralId}/status`, cookies: cookies(otherProvider), headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ to: 'entered-in-error', reason: 'other' }) });
    expect(asOther.statusCode).toBe(404);
    const status = await test.db.query<{ status: string }>(`SELECT status FROM referrals WHERE id = $1`, [referralId]);
    expect(status[0]!.status).toBe('completed');
  });

  it('shows the coordinator the access log and exports one person\'s entries as CSV and JSON', async () => {
    const coordinator = await signedIn(fixture.coordinator.id);
    const page = await coordinator.get('/fi/referrals/access-log');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(referralId.slice(0, 8));
    const csv = await coordinator.post('/fi/referrals/access-log/export', { email: person.email, phone: '', format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(referralId);
    expect(csv.body).not.toContain(person.name);
    await coordinator.get('/fi/referrals/access-log');
    const json = JSON.parse((await coordinator.post('/fi/referrals/access-log/export', { email: '', phone: person.phone, format: 'json' })).body);
    expect(json.referralIds).toEqual([referralId]);
    expect(json.entries.map((e: { action: string }) => e.action)).toContain('read');
    await coordinator.get('/fi/referrals/access-log');
    expect((await coordinator.post('/fi/referrals/access-log/export', { email: '', phone: '', format: 'json' })).statusCode).toBe(400);
  });
});
