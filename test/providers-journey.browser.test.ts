/**
 * Providers and coordinators in Chromium (with axe-core on every page): a new activity with a
 * weekly schedule in Finnish and Swedish goes through moderation to the resident search; an
 * activity imported from PTV (the real importer over the replay server) is claimed, edited and
 * approved; the next import keeps the edit and records a conflict for moderation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePostalCodes, upsertOrganisations } from '../src/modules/catalog/index.ts';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { organisationRecord } from './support/factories.ts';
import { importRecordedPtvData } from './support/ptv-import.ts';
import { startPtvReplayServer } from './support/ptv-replay-server.ts';
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

  it('a provider claims a PTV-imported activity and edits it after approval; the next PTV import keeps the edit and records a conflict for moderation', async () => {
    const replay = await startPtvReplayServer();
    try {
      await importRecordedPtvData(test.db, { server: replay });
      // One real imported tray activity of the region of Ostrobothnia (Vaasa), organiser known.
      const [target] = await test.db.query<{ id: string; source_id: string; organisation_id: string; name: { fi: string } }>(
        `SELECT s.id, s.source_id, s.organisation_id, s.name FROM services s JOIN organisations o ON o.id = s.organisation_id
         WHERE s.source = 'ptv' AND s.status = 'published' AND s.in_tray AND o.region_code = '17' AND s.name ? 'fi' ORDER BY s.source_id LIMIT 1`,
      );
      if (!target) throw new Error('no imported tray activity in region 17');
      const roles = (role: 'provider' | 'coordinator') => [{ role, organisationId: target.organisation_id, regionCode: '17' }];
      const ptvProvider = await createUser(test.db, { name: 'Vilma Vaasalainen', devKey: 'browser-ptv-provider', roles: roles('provider') });
      const ptvCoordinator = await createUser(test.db, { name: 'Pekka Pohjanmaa', devKey: 'browser-ptv-coordinator', roles: roles('coordinator') });

      const { context, page } = await signIn(ptvProvider, 'fi');
      await page.goto(`${running.url}/fi/provider/activities/${target.id}`);
      expect(await page.textContent('main')).toContain('Pyydä ensin sen ottamista ylläpitoon.');
      await expectAccessible(page, 'claim needed');
      await page.goto(`${running.url}/fi/provider`);
      await page.fill('#target', `${running.url}/fi/activities/${target.id}`);
      await page.fill('#reason', 'Päivitämme ryhmän tiedot itse.');
      await submitAndWait(page, 'main form[action$="/provider/claims"] button[type="submit"]');
      expect(await page.textContent('[role="status"]')).toContain('Pyyntö lähetettiin koordinaattorille.');

      const moderator = await signIn(ptvCoordinator, 'fi', false);
      await moderator.page.goto(`${running.url}/fi/moderation`);
      expect(await moderator.page.textContent('main')).toContain(target.name.fi);
      await submitAndWait(moderator.page, 'form[action*="/moderation/claims/"] button[value="approved"]');

      await page.goto(`${running.url}/fi/provider/activities/${target.id}`);
      expect(await page.textContent('main')).toContain('Tuotu lähteestä PTV');
      await expectAccessible(page, 'editor of an imported activity');
      await page.fill('#summary_fi', 'Ohjattu ryhmä, päivitetty Tarjottimessa.');
      await page.fill('#location_postal_code', '65100');
      await page.fill('#location_street', 'Kauppapuistikko 1');
      await submitAndWait(page, 'button[name="intent"][value="submit"]');

      await moderator.page.goto(`${running.url}/fi/moderation`);
      await submitAndWait(moderator.page, `main a[href*="/moderation/changes/"]`);
      await submitAndWait(moderator.page, 'button[name="decision"][value="approved"]');

      const edited = async () =>
        (
          await test.db.query<{ source: string; source_id: string; locally_edited_fields: string[]; summary: { fi: string } }>(
            'SELECT source, source_id, locally_edited_fields, summary FROM services WHERE id = $1',
            [target.id],
          )
        )[0];
      expect(await edited()).toMatchObject({ source: 'ptv', source_id: target.source_id, locally_edited_fields: ['locations', 'summary'], summary: { fi: 'Ohjattu ryhmä, päivitetty Tarjottimessa.' } });
      await page.goto(`${running.url}/fi/provider/activities/${target.id}/history`);
      expect(await page.textContent('main')).toContain('muutos julkaistu');
      await expectAccessible(page, 'history');

      // PTV changes the same summary; the next (incremental) import keeps the provider's text
      // and records the incoming one as a conflict, which the coordinator sees in the queue.
      replay.update('Service', target.source_id, (raw) => {
        const summary = (raw.serviceDescriptions as { type: string; language: string; value: string }[]).find((d) => d.type === 'Summary' && d.language === 'fi');
        if (summary) summary.value = 'PTV:n uusi tiivistelmä.';
        raw.modified = new Date().toISOString();
      });
      await new Promise((resolve) => setTimeout(resolve, 1100)); // dateBefore is whole seconds
      const next = await importRecordedPtvData(test.db, { server: replay });
      expect(next.mode).toBe('incremental');
      expect(await edited()).toMatchObject({ summary: { fi: 'Ohjattu ryhmä, päivitetty Tarjottimessa.' }, locally_edited_fields: ['locations', 'summary'] });
      const conflicts = await test.db.query<{ field: string; incoming_value: { fi: string }; status: string }>(
        `SELECT field, incoming_value, status FROM import_conflicts WHERE entity = 'service' AND entity_id = $1`,
        [target.id],
      );
      expect(conflicts).toEqual([{ field: 'summary', incoming_value: expect.objectContaining({ fi: 'PTV:n uusi tiivistelmä.' }), status: 'open' }]);
      await moderator.page.goto(`${running.url}/fi/moderation`);
      expect(await moderator.page.textContent('main')).toContain('PTV:n uusi tiivistelmä.');
      await context.close();
      await moderator.context.close();
    } finally {
      await replay.close();
    }
  });
});
