import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { csrfCookieName } from '../../platform/csrf.ts';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService } from '../../../test/support/factories.ts';
import { eraseFeedbackContact, eraseReporterContact } from './index.ts';
import { findAccessibilityFeedback, findListingReport } from './web.queries.ts';

describeEachBackend('residents’ forms: accessibility feedback and listing reports', (backend) => {
  let test: TestDatabase;
  let app: App;
  let serviceId: string;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    app = await buildApp(testDeps(test.db), { logger: false });
    serviceId = (await createService(test.db, { service: { name: { fi: 'Kuorolaulu', sv: 'Körsång' } } })).service.id;
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  /** Opens a form page and returns its CSRF token and cookie. */
  async function openForm(url: string) {
    const page = await app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.find((c) => c.name === csrfCookieName)?.value ?? token;
    return { token, cookies: { [csrfCookieName]: cookie } };
  }

  async function post(url: string, form: { token: string; cookies: Record<string, string> }, payload: Record<string, string>) {
    return app.inject({ method: 'POST', url, cookies: form.cookies, payload: { _csrf: form.token, ...payload } });
  }

  it('stores a listing report with status "new" and sends the reporter back to the activity with thanks', async () => {
    const form = await openForm(`/fi/activities/${serviceId}/report`);
    const response = await post(`/fi/activities/${serviceId}/report`, form, { category: 'time', message: 'Kuoro on nykyään tiistaisin.', email: 'laulaja@example.fi' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/fi/activities/${serviceId}?reported=1`);
    const rows = await test.db.query<{ id: string }>('SELECT id FROM listing_reports WHERE service_id = $1', [serviceId]);
    const report = await findListingReport(test.db, rows[0]!.id);
    expect(report).toMatchObject({ category: 'time', message: 'Kuoro on nykyään tiistaisin.', language: 'fi', reporter_email: 'laulaja@example.fi', status: 'new' });
    const thanks = await app.inject({ method: 'GET', url: response.headers.location as string });
    expect(thanks.body).toContain('Kiitos! Ilmoituksesi on vastaanotettu');
  });

  it('shows the errors of a listing report in the page language, linked to the fields, and keeps what was typed', async () => {
    const form = await openForm(`/sv/activities/${serviceId}/report`);
    const response = await post(`/sv/activities/${serviceId}/report`, form, { message: '', email: 'inte-en-adress', category: 'nonsense' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="sv">');
    expect(response.body).toContain('<a href="#category">Välj vad som är fel i uppgifterna.</a>');
    expect(response.body).toContain('<a href="#message">Skriv ett meddelande.</a>');
    expect(response.body).toContain('<a href="#email">Kontrollera e-postadressen');
    expect(response.body).toMatch(/id="email"[^>]*aria-describedby="email-hint email-error" aria-invalid="true"[^>]*value="inte-en-adress"/);
    expect(response.body).toMatch(/<title>Fel: Meddela ett fel: Körsång/);
  });

  it('refuses a report without the form token and a report on an activity that is not public', async () => {
    const forged = await app.inject({ method: 'POST', url: `/fi/activities/${serviceId}/report`, payload: { category: 'time', message: 'x' } });
    expect(forged.statusCode).toBe(403);
    const form = await openForm(`/fi/activities/${serviceId}/report`);
    const unknown = await post('/fi/activities/00000000-0000-4000-8000-000000000000/report', form, { category: 'time', message: 'x' });
    expect(unknown.statusCode).toBe(404);
  });

  it('erases the reporter’s e-mail address on request and keeps the report', async () => {
    const form = await openForm(`/en/activities/${serviceId}/report`);
    await post(`/en/activities/${serviceId}/report`, form, { category: 'ended', message: 'It ended in May.', email: 'me@example.org' });
    const row = (await test.db.query<{ id: string }>(`SELECT id FROM listing_reports WHERE reporter_email = 'me@example.org'`))[0]!;
    await eraseReporterContact(testDeps(test.db), row.id);
    const report = await findListingReport(test.db, row.id);
    expect(report?.reporter_email).toBeNull();
    expect(report?.contact_erased_at).toBeInstanceOf(Date);
    expect(report?.message).toBe('It ended in May.');
  });

  it('stores accessibility feedback, keeping only a path of this site, and thanks the sender', async () => {
    const form = await openForm('/en/accessibility');
    const response = await post('/en/accessibility/feedback', form, {
      message: 'The map cannot be used with a keyboard.',
      pagePath: 'https://evil.example/en/search?q=secret',
      name: 'Anna',
      email: 'anna@example.org',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/accessibility?sent=1#feedback');
    const id = (await test.db.query<{ id: string }>(`SELECT id FROM accessibility_feedback WHERE contact_email = 'anna@example.org'`))[0]!.id;
    expect(await findAccessibilityFeedback(test.db, id)).toMatchObject({ language: 'en', page_path: '/en/search', contact_name: 'Anna', status: 'new' });
    expect((await app.inject({ method: 'GET', url: response.headers.location as string })).body).toContain('Thank you for your feedback!');
    await eraseFeedbackContact(testDeps(test.db), id);
    expect(await findAccessibilityFeedback(test.db, id)).toMatchObject({ contact_name: null, contact_email: null });
  });

  it('asks for the feedback text in Finnish when it is missing', async () => {
    const form = await openForm('/fi/accessibility');
    const response = await post('/fi/accessibility/feedback', form, { message: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#message">Kirjoita viesti.</a>');
    expect(response.body).toContain('Saavutettavuusseloste');
  });

  it('sets the CSRF cookie only with a form: browsing the tray leaves no cookie', async () => {
    const organisationId = (await test.db.query<{ organisation_id: string }>('SELECT organisation_id FROM services WHERE id = $1', [serviceId]))[0]!.organisation_id;
    for (const url of ['/fi', '/sv/search?q=k%C3%B6r', '/en/search?theme=culture', `/fi/activities/${serviceId}`, `/fi/organisations/${organisationId}`, '/fi/self-check']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['set-cookie'], url).toBeUndefined();
    }
    for (const url of [`/fi/activities/${serviceId}/report`, '/sv/accessibility']) {
      const page = await app.inject({ method: 'GET', url });
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      expect(token, url).toBeTruthy();
      expect(page.cookies.find((c) => c.name === csrfCookieName)?.value, url).toBe(token);
    }
  });
});
