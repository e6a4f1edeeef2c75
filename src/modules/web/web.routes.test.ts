import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { ensurePostalCodes, upsertOrganisations } from '../catalog/index.ts';

const xss = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describeEachBackend('resident pages', (backend) => {
  let test: TestDatabase;
  let app: App;
  const organisation = organisationRecord({ name: { fi: 'Näsin Liikuntaseura ry', sv: 'Näsi idrottsförening rf' }, municipalityCode: '837', regionCode: '06' });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    app = await buildApp(testDeps(test.db), { logger: false });
    await upsertOrganisations(test.db, [organisation]);
    await ensurePostalCodes(test.db);
    ids.chair = (
      await createService(test.db, {
        organisation,
        service: {
          name: { fi: 'Tuolijumppa Näsissä', sv: 'Stolgympa vid Näsi', en: 'Chair exercise at Näsi' },
          summary: { fi: 'Kevyttä jumppaa istuen.', sv: 'Lätt gympa sittande.', en: 'Light exercise sitting down.' },
          plainSummary: { fi: 'Jumppaa tuolilla. Kaikki voivat tulla.' },
          themes: ['exercise'],
          targetGroups: ['older_people'],
          costType: 'fee',
          costInfo: { fi: '2 € / kerta' },
          kaikukortti: true,
          languages: ['fi', 'sv'],
          areaMunicipalities: ['837'],
        },
        locations: [
          {
            name: { fi: 'Näsin palvelutalo' },
            streetAddress: { fi: 'Näsikatu 5' },
            postalCode: '33100',
            accessibility: [{ group: { fi: 'Sisäänkäynti', sv: 'Ingång' }, sentence: { fi: 'Sisäänkäynnille pääsee ilman portaita.', sv: 'Ingången nås utan trappor.' } }],
            accessibilityFeatures: ['step_free'],
          },
        ],
        channels: [{ kind: 'phone', value: { fi: '040 123 4567' } }],
        schedules: [{ weekdays: [1, 3], opens: '10:00', closes: '11:00', validFrom: '2026-09-01', validTo: '2027-05-31', excludedDates: ['2026-12-30'] }],
      })
    ).service.id;
    ids.secret = (
      await createService(test.db, {
        organisation,
        service: { name: { fi: 'Turvakoti-ryhmä' }, confidentialAddress: true, themes: ['peer_support'], areaMunicipalities: ['837'] },
        locations: [{ name: { fi: 'Kohtaamispaikka' }, streetAddress: { fi: 'Salainenkatu 13' }, latitude: 61.51, longitude: 23.77 }],
        schedules: [{ weekdays: [2], opens: '17:00', closes: '19:00' }],
      })
    ).service.id;
    ids.evil = (
      await createService(test.db, {
        organisation,
        service: { name: { fi: `Ilkeä ${xss}` }, summary: { fi: `Yhteenveto ${xss}` }, description: { fi: `Kuvaus </script>${xss}` }, themes: ['culture'], areaMunicipalities: ['837'] },
        locations: [{ name: { fi: `Paikka ${xss}` } }],
        channels: [
          { kind: 'web', value: { fi: 'javascript:alert(1)' }, name: { fi: 'Klikkaa' } },
          { kind: 'email', value: { fi: '"><script>alert(2)</script>@x.fi' } },
        ],
      })
    ).service.id;
    ids.helsinki = (await createService(test.db, { service: { name: { fi: 'Helsingin kuoro' }, themes: ['culture'], areaMunicipalities: ['091'] } })).service.id;
    ids.draft = (await createService(test.db, { organisation, service: { name: { fi: 'Luonnos' }, status: 'draft', areaMunicipalities: ['837'] } })).service.id;
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves the home page in Finnish, Swedish and English with the page language and a switcher to the same page', async () => {
    for (const [lang, title] of [['fi', 'Löydä hyvinvointia'], ['sv', 'Hitta verksamhet'], ['en', 'Find activities']] as const) {
      const response = await get(`/${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<html lang="${lang}">`);
      expect(response.body).toContain(title);
    }
    const results = await get('/sv/search?theme=exercise');
    expect(results.body).toContain('href="/fi/search?theme=exercise"');
    expect(results.body).toContain('href="/en/search?theme=exercise"');
  });

  it('filters results with a plain GET form and shows facet counts', async () => {
    const response = await get('/fi/search?theme=exercise&municipality=837');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Tuolijumppa Näsissä');
    expect(response.body).not.toContain('Helsingin kuoro');
    expect(response.body).toMatch(/<form method="get" action="\/fi\/search"/);
    expect(response.body).toMatch(/id="theme-\d+" name="theme" value="exercise" checked/);
    expect(response.body).toMatch(/Liikunta ja ulkoilu<span class="count"> \(1\)/);
    // themes combine with OR: once one is chosen, the others' counts within the results would mislead
    expect(response.body).toContain('>Luonto</label>');
    expect(response.body).toMatch(/Ikääntyneet<span class="count"> \(1\)/);
    expect(response.body).toContain('Kaikukortti käy');
  });

  it('says when nothing matches and offers a way on', async () => {
    const response = await get('/en/search?q=zzzyyyxxx');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('No activities match these criteria.');
    expect(response.body).toContain('0 activities');
  });

  it('shows an unknown or malformed postal code as a field error and still lists results', async () => {
    const unknown = await get('/sv/search?postalCode=12345&theme=exercise');
    expect(unknown.body).toContain('class="error-summary"');
    expect(unknown.body).toContain('Postnumret hittades inte.');
    expect(unknown.body).toContain('Stolgympa vid Näsi');
    const malformed = await get('/fi/search?postalCode=12a');
    expect(malformed.body).toContain('<a href="#postalCode">Postinumerossa on viisi numeroa');
    expect(malformed.body).toMatch(/aria-describedby="postalCode-hint postalCode-error" aria-invalid="true"/);
  });

  it('sorts by distance from a postal code and shows the distance', async () => {
    const response = await get('/fi/search?postalCode=33100&sort=distance&theme=exercise');
    expect(response.body).toMatch(/Näsin palvelutalo, Tampere \(\d+,\d km\)/);
  });

  it('scopes a region tray by URL, shows its name and colour, and answers 404 for an unknown region', async () => {
    const region = await get('/fi/pirkanmaa/search?theme=culture');
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain('Pirkanmaan hyvinvointialue');
    expect(region.body).toContain('style="--brand: #8d4c36"');
    expect(region.body).toContain('Ilkeä');
    expect(region.body).not.toContain('Helsingin kuoro');
    expect(region.body).toContain('href="/fi/pirkanmaa/activities/');
    const unknown = await get('/sv/atlantis');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<html lang="sv">');
    expect(unknown.body).toContain('Sidan hittades inte.');
  });

  it('serves a region by host name when REGION_HOSTS maps the host', async () => {
    const hosted = await buildApp(testDeps(test.db, { config: testConfig({ REGION_HOSTS: 'hyte.pirha.test=pirkanmaa' }) }), { logger: false });
    const response = await hosted.inject({ method: 'GET', url: '/fi/search?theme=culture', headers: { host: 'hyte.pirha.test' } });
    expect(response.body).toContain('Pirkanmaan hyvinvointialue');
    expect(response.body).not.toContain('Helsingin kuoro');
    expect(response.body).toContain('href="/fi/activities/');
    // The host's own address is set in the page's context without reading its form token.
    expect(response.headers['set-cookie']).toBeUndefined();
    await hosted.close();
  });

  it('shows an activity with the schedule in human words in each language, next dates, cost, accessibility and contact', async () => {
    const fi = (await get(`/fi/activities/${ids.chair}`)).body;
    expect(fi).toContain('<li>ma ja ke klo 10–11 (31.5.2027 asti, paitsi 30.12.)</li>');
    expect(fi).toContain('<h3>Seuraavat kerrat</h3>');
    expect(fi).toContain('<li>ma 30.11.2026 klo 10–11</li>');
    expect(fi).not.toContain('ke 30.12.2026');
    expect(fi).toContain('Jumppaa tuolilla. Kaikki voivat tulla.');
    expect(fi).toContain('Kaikukortilla voit osallistua maksutta.');
    expect(fi).toContain('2 € / kerta');
    expect(fi).toContain('Sisäänkäynnille pääsee ilman portaita.');
    expect(fi).toContain('href="tel:0401234567"');
    expect(fi).toContain('Reittiohjeet');
    expect(fi).toContain(`/fi/activities/${ids.chair}/calendar.ics`);
    expect((await get(`/sv/activities/${ids.chair}`)).body).toContain('<li>mån och ons kl. 10–11 (till 31.5.2027, utom 30.12)</li>');
    const en = (await get(`/en/activities/${ids.chair}`)).body;
    expect(en).toContain('<li>Mon and Wed 10–11 (until 31 May 2027, except 30 Dec)</li>');
    // the plain-language summary exists only in Finnish: shown with its language marked
    expect(en).toMatch(/<p lang="fi">Jumppaa tuolilla/);
  });

  it('describes the activity as schema.org JSON-LD', async () => {
    const body = (await get(`/fi/activities/${ids.chair}`)).body;
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!);
    const service = json['@graph'][0];
    expect(service['@type']).toBe('Service');
    expect(service.name).toBe('Tuolijumppa Näsissä');
    expect(service.provider).toMatchObject({ '@type': 'NGO', name: 'Näsin Liikuntaseura ry' });
    expect(service.availableChannel.serviceLocation.address).toMatchObject({ streetAddress: 'Näsikatu 5', postalCode: '33100', addressCountry: 'FI' });
  });

  it('never shows a confidential address, in the page, its JSON-LD or the results', async () => {
    for (const url of [`/fi/activities/${ids.secret}`, '/fi/search?theme=peer_support&postalCode=33100&sort=distance']) {
      const body = (await get(url)).body;
      expect(body).toContain('Turvakoti-ryhmä');
      expect(body).not.toContain('Salainenkatu');
      expect(body).not.toContain('61.51');
    }
    const detail = (await get(`/fi/activities/${ids.secret}`)).body;
    expect(detail).toContain('Paikan osoite kerrotaan, kun otat yhteyttä järjestäjään.');
    expect(detail).not.toContain('Reittiohjeet');
  });

  it('renders provider-written script and HTML payloads inert', async () => {
    for (const url of [`/fi/activities/${ids.evil}`, '/fi/search?theme=culture', `/fi/organisations/${organisation.id}`, '/fi/widget?theme=culture']) {
      const body = (await get(url)).body;
      expect(body).toContain('Ilkeä &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(body).not.toMatch(/<script>alert/);
      expect(body).not.toMatch(/<img src=x/);
      expect(body).not.toMatch(/href="javascript:/i);
    }
    const detail = (await get(`/fi/activities/${ids.evil}`)).body;
    // inside JSON-LD, "<" is escaped so that text cannot close the script element
    expect(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(detail)![1]).toContain('\\u003c/script\\u003e');
    expect(detail).not.toContain('href="mailto:&quot;');
  });

  it('answers 404 in the page language for an unknown, malformed or unpublished activity', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', ids.draft]) {
      const response = await get(`/en/activities/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('<html lang="en">');
      expect(response.body).toContain('Page not found.');
    }
  });

  it('downloads a valid iCalendar file for a recurring activity', async () => {
    const response = await get(`/fi/activities/${ids.chair}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename="tuolijumppa-nasissa.ics"');
    const ics = response.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270531T205900Z;WKST=MO');
    expect(ics).toContain('EXDATE;TZID=Europe/Helsinki:20261230T100000');
    expect(ics).toContain('SUMMARY:Tuolijumppa Näsissä');
    expect((await get(`/fi/activities/${ids.evil}/calendar.ics`)).statusCode).toBe(404);
  });

  it('shows an organisation with its public activities only', async () => {
    const body = (await get(`/sv/organisations/${organisation.id}`)).body;
    expect(body).toContain('<h1>Näsi idrottsförening rf</h1>');
    expect(body).toContain('Stolgympa vid Näsi');
    expect(body).not.toContain('Luonnos');
  });

  it('lists public pages in sitemap.xml and points robots.txt to it', async () => {
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain(`<loc>http://tarjotin.test/sv/activities/${ids.chair}</loc>`);
    expect(sitemap.body).toContain(`<loc>http://tarjotin.test/en/organisations/${organisation.id}</loc>`);
    expect(sitemap.body).not.toContain(ids.draft);
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Sitemap: http://tarjotin.test/sitemap.xml');
    expect(robots.body).toContain('Disallow: /fi/search');
  });

  it('lets any site frame the widget, and no other page', async () => {
    const widget = await get('/fi/widget?municipality=837&theme=exercise&limit=3');
    expect(widget.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(widget.headers['x-frame-options']).toBeUndefined();
    expect(widget.body).toContain('Tuolijumppa Näsissä');
    expect(widget.body).toContain(`href="http://tarjotin.test/fi/activities/${ids.chair}" target="_top"`);
    expect(widget.body).not.toContain('class="site-header"');
    const page = await get('/fi/search');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('gives web editors an embed code for the widget with their choices', async () => {
    const body = (await get('/sv/embed?municipality=837&theme=exercise&limit=3&title=Motion%20i%20Tammerfors')).body;
    const widgetUrl = 'http://tarjotin.test/sv/widget?theme=exercise&amp;municipality=837&amp;limit=3&amp;title=Motion+i+Tammerfors';
    expect(body).toContain(`&lt;iframe src=&quot;${widgetUrl.replace(/&amp;/g, '&amp;amp;')}&quot; title=&quot;Motion i Tammerfors&quot;`);
    expect(body).toContain(`<iframe src="${widgetUrl.replace('http://tarjotin.test', '')}" title="Motion i Tammerfors"`);
  });

  it('adds the map and its tile host to the CSP only when MAP_TILE_URL is set', async () => {
    const plain = await get('/fi/search?theme=exercise');
    expect(plain.body).not.toContain('id="map"');
    expect(plain.body).not.toContain('leaflet');
    const mapped = await buildApp(testDeps(test.db, { config: testConfig({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' }) }), { logger: false });
    const response = await mapped.inject({ method: 'GET', url: '/fi/search?theme=exercise' });
    expect(response.headers['content-security-policy']).toContain("img-src 'self' data: https://*.tiles.example.org");
    expect(response.body).toContain('id="map"');
    expect(response.body).toContain('/assets/vendor/leaflet/leaflet.js');
    expect((await mapped.inject({ method: 'GET', url: '/assets/vendor/leaflet/leaflet.js' })).statusCode).toBe(200);
    await mapped.close();
  });

  it('suggests activities from the self-check and says that nothing is stored', async () => {
    const form = (await get('/en/self-check')).body;
    expect(form).toContain('Your answers are not stored or linked to you.');
    const answers = (await get('/fi/self-check?interest=move&forWhom=older&when=weekday_daytime&cost=kaikukortti')).body;
    expect(answers).toContain('Ehdotuksia sinulle');
    expect(answers).toContain('Tuolijumppa Näsissä');
    // nothing found on weekends: the time is left out and the resident is told so
    const relaxed = (await get('/fi/self-check?interest=move&when=weekend')).body;
    expect(relaxed).toContain('Sopivana aikana ei löytynyt toimintaa');
    expect(relaxed).toContain('Tuolijumppa Näsissä');
  });

  it('shows a 500 page in the page language when something breaks', async () => {
    const broken = { ...test.db, query: async () => Promise.reject(new Error('database is down')) } as unknown as typeof test.db;
    const failing = await buildApp(testDeps(broken), { logger: false });
    const response = await failing.inject({ method: 'GET', url: '/sv/search?q=x' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('<html lang="sv">');
    expect(response.body).toContain('Något gick fel.');
    expect(response.body).not.toContain('database is down');
    await failing.close();
  });

  it('keeps the search text out of the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => { lines.push(String(chunk)); done(); } });
    const logged = await buildApp(testDeps(test.db), { logger: { level: 'info', stream } });
    await logged.inject({ method: 'GET', url: '/fi/search?q=yksin%C3%A4isyys+velat&postalCode=33100' });
    await logged.close();
    expect(lines.join('')).toContain('/fi/search');
    expect(lines.join('')).not.toMatch(/yksin|velat|33100/);
  });
});
