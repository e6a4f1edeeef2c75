/**
 * The professional's journey in Chromium, in Finnish and in Swedish: sign in, record the
 * client's context and needs (with a validation error first), do the light check, get
 * suggestions, build a plan and print it (and save it as PDF). A provider gets the 403 page.
 * Every page, including forms showing errors, has no WCAG 2.1 A/AA violations (axe-core).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { createGuidanceFixture, type GuidanceFixture } from './support/guidance.ts';

const texts = {
  fi: { guidance: 'Palveluohjaus', suggestions: 'Ehdotetut toiminnat', why: 'Miksi ehdotettu', plan: 'Asiakkaan suunnitelma', printable: 'Oma hyvinvointisuunnitelmasi', activity: 'Senioreiden kuntojumppa', needsError: 'Valitse vähintään yksi tarve.', forbidden: 'Sinulla ei ole oikeutta tähän sivuun.', weekday: 'tiistai 10.00–11.30' },
  sv: { guidance: 'Servicehandledning', suggestions: 'Föreslagna verksamheter', why: 'Varför föreslagen', plan: 'Kundens plan', printable: 'Din välmåendeplan', activity: 'Motion för seniorer', needsError: 'Välj minst ett behov.', forbidden: 'Du har inte rätt att se den här sidan.', weekday: 'tisdag 10:00–11:30' },
} as const;

/** axe needs JavaScript: a page browsed without it is checked as a copy in a page with it. */
let checker: Page | undefined;

async function expectAccessible(page: Page, where: string): Promise<void> {
  let target = page;
  if (checker) {
    const origin = new URL(page.url()).origin;
    await checker.goto(`${origin}/fi/axe-check-base`); // any HTML page of the app (a 404 is fine)
    await checker.setContent(await page.content(), { waitUntil: 'load' });
    target = checker;
  }
  const violations = await axeViolations(target);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function submit(page: Page, formAction: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(`main form[action$="${formAction}"] button[type="submit"]`)]);
}

describe.skipIf(browserSkip !== undefined)(`guidance journey in Chromium${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let fixture: GuidanceFixture;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fixture = await createGuidanceFixture(test.db, 'browser');
    running = await startApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }) }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  for (const [lang, javaScriptEnabled] of [['fi', false], ['sv', true]] as const) {
    it(`lets a professional guide a client from sign-in to a printed plan in ${lang} (JavaScript ${javaScriptEnabled ? 'on' : 'off'}), accessibly`, async () => {
      const t = texts[lang];
      const context = await newContext(browser, { javaScriptEnabled, locale: lang === 'fi' ? 'fi-FI' : 'sv-FI' });
      const page = await context.newPage();
      const checkerContext = javaScriptEnabled ? undefined : await newContext(browser);
      checker = await checkerContext?.newPage();

      await page.goto(`${running.url}/${lang}/sign-in`);
      await expectAccessible(page, 'sign-in');
      await page.check(`input[name="userId"][value="${fixture.professional.id}"]`);
      await submit(page, '/sign-in/dev');
      expect(new URL(page.url()).pathname).toBe(`/${lang}/guidance`);
      expect(await page.textContent('h1')).toBe(t.guidance);
      await expectAccessible(page, 'guidance home');

      await page.selectOption('#clientLanguage', lang);
      await submit(page, '/guidance/sessions');
      expect(page.url()).toMatch(/\/context$/);
      await expectAccessible(page, 'context form');

      await page.fill('#postalCode', '123');
      await submit(page, '/context');
      expect(await page.textContent('.error-summary')).toContain(t.needsError);
      await expectAccessible(page, 'context form with errors');

      await page.check('#needAreas-0'); // loneliness
      await page.check('#needAreas-2'); // exercise
      await page.fill('#postalCode', '33100');
      await page.check('#ageGroup-5'); // older
      await page.check('#budget-1'); // free only
      await submit(page, '/context');
      expect(page.url()).toMatch(/\/suggestions$/);
      expect(await page.textContent('h1')).toBe(t.suggestions);
      expect(await page.textContent('main')).toContain(t.why);
      expect(await page.textContent('main')).toContain(t.activity);
      await expectAccessible(page, 'suggestions');

      const sessionPath = new URL(page.url()).pathname.replace(/\/suggestions$/, '');
      await page.goto(`${running.url}${sessionPath}/check`);
      await expectAccessible(page, 'well-being check');
      await page.check('#item-life_satisfaction-6');
      await page.check('#item-anxious_yesterday-8');
      await submit(page, '/check');
      await expectAccessible(page, 'check results (not stored)');

      await page.goto(`${running.url}${sessionPath}/suggestions`);
      await page.check(`input[name="services"][value="${fixture.services.seniorGym}"]`);
      await page.check(`input[name="services"][value="${fixture.services.livingRoom}"]`);
      await submit(page, '/plan/items');
      expect(await page.textContent('h1')).toBe(t.plan);
      await expectAccessible(page, 'plan');
      await page.fill('#recipient', 'not an address');
      await submit(page, '/plan/send');
      await expectAccessible(page, 'plan with a send error');

      await Promise.all([page.waitForLoadState('load'), page.click(`main a[href*="/${lang}/plan/"]`)]);
      expect(await page.textContent('h1')).toBe(t.printable);
      expect(await page.textContent('main')).toContain(t.weekday);
      expect(await page.locator('svg.qr').count()).toBe(1);
      await expectAccessible(page, 'printable plan');
      expect(await page.locator('[data-print]').isVisible()).toBe(javaScriptEnabled);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await context.close();
      await checkerContext?.close();
      checker = undefined;
    });
  }

  it('shows a provider the 403 page, accessibly, when they open guidance pages', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${running.url}/fi/sign-in`);
    await page.check(`input[name="userId"][value="${fixture.provider.id}"]`);
    await submit(page, '/sign-in/dev');
    const response = await page.goto(`${running.url}/fi/guidance`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe(texts.fi.forbidden);
    await expectAccessible(page, '403 page');
    const sv = await page.goto(`${running.url}/sv/guidance`);
    expect(sv?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe(texts.sv.forbidden);
    await context.close();
  });
});
