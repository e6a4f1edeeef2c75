/** Admin and sign-in pages in Chromium: no WCAG 2.1 A/AA violations, also with form errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { upsertOrganisations } from '../src/modules/catalog/index.ts';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { organisationRecord } from './support/factories.ts';
import { createUser, type TestUser } from './support/users.ts';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.skipIf(browserSkip !== undefined)(`admin pages in Chromium${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let admin: TestUser;
  let newcomer: TestUser;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    const organisation = organisationRecord({ regionCode: '08', name: { fi: 'Selaintestin yhdistys ry' } });
    await upsertOrganisations(test.db, [organisation]);
    admin = await createUser(test.db, { name: 'Selma Selainylläpitäjä', devKey: 'browser-admin', roles: [{ role: 'admin', organisationId: null, regionCode: null }] });
    newcomer = await createUser(test.db, { name: 'Nelli Uusi', roles: [] });
    running = await startApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  it('keeps the sign-in, admin and signed-out pages accessible in Finnish and Swedish', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${running.url}/sv/sign-in?notice=expired`);
    await expectAccessible(page, 'sign-in with a notice');
    await page.click('main form[action$="/sign-in/dev"] button[type="submit"]');
    await page.waitForLoadState('load');
    await expectAccessible(page, 'sign-in with an error');
    await page.check(`input[name="userId"][value="${admin.id}"]`);
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action$="/sign-in/dev"] button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe('/sv/admin');
    await expectAccessible(page, 'admin home');
    for (const path of ['/fi/admin/users', `/fi/admin/users/${newcomer.id}?region=08`, '/fi/admin/organisations', '/sv/admin/role-mappings?region=08', '/fi/admin/audit', '/fi/admin/organisations/new']) {
      await page.goto(`${running.url}${path}`);
      await expectAccessible(page, path);
    }
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action$="/admin/organisations"] button[type="submit"]')]);
    expect(await page.textContent('.error-summary')).toContain('Kirjoita nimi suomeksi tai ruotsiksi.');
    await expectAccessible(page, 'organisation form with errors');
    await page.goto(`${running.url}/fi/admin/users/${newcomer.id}`);
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action$="/roles"] button[type="submit"]')]);
    await expectAccessible(page, 'role form with errors');
    await Promise.all([page.waitForLoadState('load'), page.click('form.account__sign-out button')]);
    expect(new URL(page.url()).pathname).toBe('/fi/signed-out');
    await expectAccessible(page, 'signed out');
    await context.close();
  });
});
