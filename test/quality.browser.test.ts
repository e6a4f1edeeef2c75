/**
 * Quality pages in Chromium (they load no script): no WCAG 2.1 A/AA violations (axe-core) on the
 * overview with its charts, coverage, worklist, rule settings (also with a form error) and run
 * history, in Finnish, Swedish and English; filters and settings work by plain form posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { upsertOrganisations } from '../src/modules/catalog/index.ts';
import { runAudit } from '../src/modules/quality/index.ts';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { organisationRecord } from './support/factories.ts';
import { hasPtvCorpus, loadPtvCorpus } from './support/ptv-stand-in.ts';
import { createUser, type TestUser } from './support/users.ts';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

const skip = browserSkip ?? (hasPtvCorpus ? undefined : 'recorded PTV data not found');

describe.skipIf(skip !== undefined)(`quality pages in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let coordinator: TestUser;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    await loadPtvCorpus(test.db, 'v8');
    const organisation = organisationRecord({ regionCode: '17', municipalityCode: '905', name: { fi: 'Pohjanmaan hyvinvointialue' }, type: 'welfare_region' });
    await upsertOrganisations(test.db, [organisation]);
    coordinator = await createUser(test.db, { name: 'Kaisa Koordinaattori', devKey: 'q-browser', roles: [{ role: 'coordinator', organisationId: organisation.id, regionCode: '17' }] });
    const deps = testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) });
    await runAudit(deps, { regionCode: '17', trigger: 'cli' });
    await runAudit(deps, { regionCode: '17', trigger: 'schedule' });
    running = await startApp(deps);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  it('keeps every quality page accessible, with filters and settings as plain forms', async () => {
    // axe-core needs JavaScript in the page; the pages themselves load no script (checked below)
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${running.url}/fi/sign-in`);
    await page.check(`input[name="userId"][value="${coordinator.id}"]`);
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action$="/sign-in/dev"] button[type="submit"]')]);
    for (const lang of ['fi', 'sv', 'en']) {
      await page.goto(`${running.url}/${lang}/quality`);
      expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('script').count()).toBe(0);
      await expectAccessible(page, `${lang} overview`);
    }
    for (const path of ['/fi/quality/coverage?region=17', '/sv/quality/worklist?region=17', '/fi/quality/rules?region=17', '/en/quality/runs?region=17']) {
      await page.goto(`${running.url}${path}`);
      await expectAccessible(page, path);
    }
    // the worklist's filters are a GET form
    await page.goto(`${running.url}/fi/quality/worklist?region=17`);
    await page.selectOption('#severity', 'error');
    await page.selectOption('#rule', 'swedish_missing');
    await Promise.all([page.waitForLoadState('load'), page.click('main form.filter-form button[type="submit"]')]);
    expect(new URL(page.url()).searchParams.get('rule')).toBe('swedish_missing');
    expect(await page.locator('td.severity--warning').count()).toBe(0);
    await expectAccessible(page, 'filtered worklist');
    // a rule form error, then a saved change
    await page.goto(`${running.url}/fi/quality/rules?region=17`);
    await page.fill('#threshold-description_short', '-5');
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action*="/quality/rules"] button[type="submit"]')]);
    expect(await page.textContent('.error-summary')).toContain('Anna raja-arvo kokonaislukuna');
    await expectAccessible(page, 'rules with an error');
    await page.fill('#threshold-description_short', '60');
    await page.uncheck('#enabled-stale');
    await Promise.all([page.waitForLoadState('load'), page.click('main form[action*="/quality/rules"] button[type="submit"]')]);
    expect(await page.textContent('main [role="status"]')).toContain('Säännöt tallennettu.');
    await expectAccessible(page, 'rules saved');
    await context.close();
  });
});
