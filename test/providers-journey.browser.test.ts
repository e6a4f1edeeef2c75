/**
 * Providers and coordinators in Chromium (with axe-core on every page): a new activity with a
 * weekly schedule in Finnish and Swedish goes through moderation to the resident search; an
 * imported PTV activity is claimed, edited and approved, and keeps its provenance while the
 * edited fields are marked for the importer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePostalCodes, upsertOrganisations } from '../src/modules/catalog/index.ts';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { organisationRecord } from './support/factories.ts';
import { importPtvActivity } from './support/ptv-stand-in.ts';
import { createUser, type TestUser } from './support/users.ts';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function submitAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

describe.skipIf(browserSkip !== undefined)(`providers and moderation in Chromium${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let provider: TestUser;
  let coordinator: TestUser;
  const org = organisationRecord({ regionCode: '08', name: { fi: 'Selainseura ry', sv: 'Webbläsarföreningen rf' } });

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    await ensurePostalCodes(test.db);
    await upsertOrganisations(test.db, [org]);
    provider = await createUser(test.db, { name: 'Pirjo Palveluntuottaja', devKey: 'browser-provider', roles: [{ role: 'provider', organisationId: org.id, regionCode: '08' }] });
    coordinator = await createUser(test.db, { name: 'Kalle Koordinaattori', devKey: 'browser-coordinator', roles: [{ role: 'coordinator', organisationId: org.id, regionCode: '08' }] });
    running = await startApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  async function signIn(user: TestUser, lang: string, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${running.url}/${lang}/sign-in`);
    await page.check(`input[name="userId"][value="${user.id}"]`);
    await submitAndWait(page, 'main form[action$="/sign-in/dev"] button[type="submit"]');
    return { context, page };
  }

  it('a provider creates an activity with a weekly schedule in fi and sv; it waits in moderation; the coordinator approves; residents find it', async () => {
    const { context, page } = await signIn(provider, 'fi');
    await page.goto(`${running.url}/fi/provider`);
    await expectAccessible(page, 'provider home');
    await submitAndWait(page, 'main form[action$="/provider/activities"] button[type="submit"]');
    const editorUrl = page.url();
    const id = editorUrl.split('/').pop()!;
    await expectAccessible(page, 'empty editor');

    await page.fill('#name_fi', 'Selainjumppa Kalevassa');
    // Autosave keeps the draft on the server while the provider types.
    await page.waitForFunction(() => /Luonnos tallennettu/.test(document.getElementById('autosave-status')?.textContent ?? ''), null, { timeout: 10_000 });
    const [draft] = await test.db.query<{ proposed: Record<string, string> }>(`SELECT proposed FROM change_requests WHERE service_id = $1`, [id]);
    expect(draft!.proposed.name_fi).toBe('Selainjumppa Kalevassa');

    await submitAndWait(page, 'button[name="intent"][value="submit"]');
    expect(await page.textContent('.error-summary')).toContain('Valitse ainakin yksi teema.');
    await expectAccessible(page, 'editor with errors');

    await page.fill('#name_sv', 'Webbläsargymnastik i Kaleva');
    await page.fill('#summary_fi', 'Rauhallista jumppaa kaikenikäisille.');
    await page.fill('#summary_sv', 'Lugn gymnastik för alla åldrar.');
    await page.check('input[name="themes"][value="exercise"]');
    await page.check('input[name="languages"][value="fi"]');
    await page.check('input[name="languages"][value="sv"]');
    await page.check('input[name="cost_type"][value="free"]');
    await page.fill('#location_street', 'Sammonkatu 2');
    await page.fill('#location_postal_code', '33540');
    await page.check('input[name="weekly_0_days"][value="1"]');
    await page.check('input[name="weekly_0_days"][value="4"]');
    await page.fill('#weekly_0_opens', '17:30');
    await page.fill('#weekly_0_closes', '18:30');
    await page.fill('#valid_from', '2026-09-01');
    await submitAndWait(page, 'button[name="intent"][value="submit"]');
    expect(await page.textContent('[role="status"]')).toContain('Toiminto lähetettiin moderointiin.');
    expect((await page.request.get(`${running.url}/fi/activities/${id}`)).status()).toBe(404);
    await context.close();

    const moderator = await signIn(coordinator, 'sv');
    await moderator.page.goto(`${running.url}/sv/moderation`);
    await expectAccessible(moderator.page, 'moderation queue');
    await submitAndWait(moderator.page, 'main a[href*="/moderation/changes/"]');
    expect(await moderator.page.textContent('table')).toContain('Webbläsargymnastik i Kaleva');
    await expectAccessible(moderator.page, 'change diff');
    await submitAndWait(moderator.page, 'button[name="decision"][value="approved"]');
    expect(await moderator.page.textContent('[role="status"]')).toContain('Beslutet har sparats.');
    await moderator.context.close();

    const resident = await newContext(browser);
    const residentPage = await resident.newPage();
    await residentPage.goto(`${running.url}/sv/search?q=webbläsargymnastik`);
    await submitAndWait(residentPage, `main a[href$="/activities/${id}"]`);
    expect(await residentPage.textContent('h1')).toBe('Webbläsargymnastik i Kaleva');
    await resident.close();
  });

  it('a provider previews a spreadsheet with row errors, imports only the valid rows, and the pages stay accessible', async () => {
    const { context, page } = await signIn(provider, 'en');
    await page.goto(`${running.url}/en/provider/import`);
    await expectAccessible(page, 'import page');
    const csv = 'name_fi;name_sv;summary_fi;summary_sv;themes;weekdays;opens;closes\r\nLukupiiri;Läscirkel;Luetaan yhdessä.;Vi läser tillsammans.;culture;ti;18:00;19:30\r\nShakkikerho;;Shakkia.;;chess;ke;25:00;19:00\r\n';
    await page.setInputFiles('#file', { name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await submitAndWait(page, 'main form[action$="/provider/import"] button[type="submit"]');
    expect(await page.textContent('[role="status"]')).toContain('Rows: 2. Fine: 1. With errors: 1.');
    expect(await page.textContent('table')).toContain("themes: Unknown theme. Use the template's theme codes.");
    await expectAccessible(page, 'import preview with errors');
    await submitAndWait(page, 'button[name="mode"][value="valid"]');
    expect(await page.textContent('[role="status"]')).toContain('Activities imported: 1. Rows skipped: 1.');
    await expectAccessible(page, 'import result');
    await context.close();
  });

  it('a provider claims a PTV-imported activity, edits it after approval; provenance is kept and the edited fields are marked for the importer', async () => {
    const imported = await importPtvActivity(test.db, { ptvServiceId: 'ptv-browser-1', organisation: org });
    const { context, page } = await signIn(provider, 'fi');
    await page.goto(`${running.url}/fi/provider/activities/${imported.service.id}`);
    expect(await page.textContent('main')).toContain('Pyydä ensin sen ottamista ylläpitoon.');
    await expectAccessible(page, 'claim needed');
    await page.goto(`${running.url}/fi/provider`);
    await page.fill('#target', `${running.url}/fi/activities/${imported.service.id}`);
    await page.fill('#reason', 'Päivitämme ryhmän tiedot itse.');
    await submitAndWait(page, 'main form[action$="/provider/claims"] button[type="submit"]');
    expect(await page.textContent('[role="status"]')).toContain('Pyyntö lähetettiin koordinaattorille.');

    const moderator = await signIn(coordinator, 'fi', false);
    await moderator.page.goto(`${running.url}/fi/moderation`);
    expect(await moderator.page.textContent('main')).toContain('Kuntosaliryhmä (PTV)');
    await submitAndWait(moderator.page, 'form[action*="/moderation/claims/"] button[value="approved"]');

    await page.goto(`${running.url}/fi/provider/activities/${imported.service.id}`);
    expect(await page.textContent('main')).toContain('Tuotu lähteestä PTV');
    await expectAccessible(page, 'editor of an imported activity');
    await page.fill('#summary_fi', 'Ohjattu kuntosaliryhmä, päivitetty Tarjottimessa.');
    await page.fill('#location_postal_code', '33100');
    await page.fill('#location_street', 'Hämeenkatu 1');
    await submitAndWait(page, 'button[name="intent"][value="submit"]');

    await moderator.page.goto(`${running.url}/fi/moderation`);
    await submitAndWait(moderator.page, 'main a[href*="/moderation/changes/"]:has-text("Kuntosaliryhmä")');
    await submitAndWait(moderator.page, 'button[name="decision"][value="approved"]');

    const [row] = await test.db.query<{ source: string; source_id: string; locally_edited_fields: string[]; summary: { fi: string } }>(
      'SELECT source, source_id, locally_edited_fields, summary FROM services WHERE id = $1',
      [imported.service.id],
    );
    expect(row).toEqual({ source: 'ptv', source_id: 'ptv-browser-1', locally_edited_fields: ['locations', 'summary'], summary: { fi: 'Ohjattu kuntosaliryhmä, päivitetty Tarjottimessa.' } });
    await page.goto(`${running.url}/fi/provider/activities/${imported.service.id}/history`);
    expect(await page.textContent('main')).toContain('muutos julkaistu');
    await expectAccessible(page, 'history');
    await context.close();
    await moderator.context.close();
  });
});
