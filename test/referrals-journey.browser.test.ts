/**
 * The closed loop of a well-being referral in Chromium: a professional (JavaScript off) sends a
 * referral from a client plan with consent (a validation error first); the provider (JavaScript
 * on) finds it in the inbox, accepts it, marks it started and completed; the professional records
 * the follow-up; the timeline shows every step; the coordinator sees the access log. Every page,
 * including forms with errors, has no WCAG 2.1 A/AA violations (axe-core).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, type TestDatabase } from './support/db.ts';
import { createReferralFixture, referralTestConfig, type ReferralFixture } from './support/referrals.ts';
import { newId } from '../src/platform/ids.ts';

let checker: Page | undefined;
const withoutJavaScript = new WeakSet<Page>();

/** axe needs JavaScript: a page browsed without it is checked as a copy in a page with it. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  let target = page;
  if (withoutJavaScript.has(page) && checker) {
    const origin = new URL(page.url()).origin;
    await checker.goto(`${origin}/fi/axe-check-base`);
    await checker.setContent(await page.content(), { waitUntil: 'load' });
    target = checker;
  }
  const violations = await axeViolations(target);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

describe.skipIf(browserSkip !== undefined)(`referral journey in Chromium${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let fixture: ReferralFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    fixture = await createReferralFixture(test.db, 'browser');
    const planId = newId();
    const now = new Date('2026-11-28T09:30:00Z');
    await test.db.query(`INSERT INTO client_plans (id, session_id, public_token, created_at, updated_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`, [planId, fixture.sessionId, 'browserplantoken0123456789', now, new Date('2027-05-28T09:30:00Z')]);
    await test.db.query(`INSERT INTO client_plan_items (plan_id, service_id, position, need_areas, added_at) VALUES ($1, $2, 0, '{loneliness}', $3)`, [planId, fixture.services.seniorGym, now]);
    running = await startApp({ config: referralTestConfig({ DEV_LOGIN: 'on' }), db: test.db, clock: () => new Date('2026-11-28T10:00:00Z') });
    browser = await launchBrowser();
    const checkerContext = await newContext(browser);
    contexts.push(checkerContext);
    checker = await checkerContext.newPage();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  async function signIn(userId: string, javaScriptEnabled: boolean, lang = 'fi'): Promise<Page> {
    const context = await newContext(browser, { javaScriptEnabled });
    contexts.push(context);
    const page = await context.newPage();
    if (!javaScriptEnabled) withoutJavaScript.add(page);
    await page.goto(`${running.url}/${lang}/sign-in`);
    await page.check(`input[name="userId"][value="${userId}"]`);
    await submit(page, 'main form[action$="/sign-in/dev"] button[type="submit"]');
    return page;
  }

  it('sends, accepts, starts, completes and follows up a referral; the timeline shows every step', async () => {
    const professional = await signIn(fixture.professional.id, false);
    await professional.goto(`${running.url}/fi/guidance/sessions/${fixture.sessionId}/plan`);
    await submit(professional, 'a[href*="/referrals/new?session="]');
    expect(await professional.textContent('h1')).toBe('Tee hyvinvointilähete');
    await expectAccessible(professional, 'new referral form');
    await professional.fill('#name', 'Selma Selainen');
    await professional.fill('#phone', '040 555 6677');
    await professional.fill('#email', 'selma.selainen@example.fi');
    await submit(professional, 'main form[action="/fi/referrals"] button[type="submit"]');
    expect(await professional.textContent('.error-summary')).toContain('Lähetettä ei voi tehdä ilman suostumusta.');
    expect(await professional.inputValue('#name')).toBe('Selma Selainen');
    await expectAccessible(professional, 'new referral form with errors');
    await professional.check('#consent');
    await submit(professional, 'main form[action="/fi/referrals"] button[type="submit"]');
    const referralUrl = professional.url();
    expect(referralUrl).toMatch(/\/fi\/referrals\/[0-9a-f-]{36}$/);
    expect(await professional.textContent('#status')).toContain('Lähetetty');
    await expectAccessible(professional, 'referral (referrer)');

    const provider = await signIn(fixture.provider.id, true);
    await provider.goto(`${running.url}/fi/referrals`);
    expect(await provider.textContent('h1')).toBe('Saapuneet lähetteet');
    expect(await provider.content()).not.toContain('Selma Selainen');
    await expectAccessible(provider, 'provider inbox');
    await submit(provider, `a[href="${new URL(referralUrl).pathname}"]`);
    expect(await provider.textContent('#person')).toContain('Selma Selainen');
    await expectAccessible(provider, 'referral (provider)');
    for (const [action, status] of [['accepted', 'Hyväksytty'], ['in-progress', 'Aloitettu'], ['completed', 'Valmis']] as const) {
      await submit(provider, `form:has(input[name="to"][value="${action}"]) button[type="submit"]`);
      expect(await provider.textContent('#status')).toContain(status);
    }
    await expectAccessible(provider, 'referral completed (provider)');

    await professional.goto(referralUrl);
    await submit(professional, 'a[href$="/follow-up"]');
    expect(await professional.textContent('h1')).toBe('Lähetteen seuranta');
    await expectAccessible(professional, 'follow-up form');
    await submit(professional, 'main form[action$="/follow-up"] button[type="submit"]');
    expect(await professional.textContent('.error-summary')).toContain('Valitse, miten kävi.');
    await expectAccessible(professional, 'follow-up form with errors');
    await professional.check('input[name="outcome"][value="attended"]');
    await professional.fill('#item-life_satisfaction', '8');
    await submit(professional, 'main form[action$="/follow-up"] button[type="submit"]');
    expect(professional.url()).toBe(referralUrl);
    const timeline = await professional.textContent('#timeline');
    for (const step of ['Lähetetty (lähettäjä)', 'Hyväksytty (palveluntuottaja)', 'Aloitettu (palveluntuottaja)', 'Valmis (palveluntuottaja)']) expect(timeline).toContain(step);
    expect(await professional.textContent('#follow-up')).toContain('Osallistui');
    await expectAccessible(professional, 'referral with follow-up');

    const coordinator = await signIn(fixture.coordinator.id, true);
    await coordinator.goto(`${running.url}/fi/referrals?as=coordinator`);
    expect(await coordinator.textContent('#statistics')).toContain('Valmis');
    await expectAccessible(coordinator, 'region referrals with statistics');
    await coordinator.goto(`${running.url}/fi/referrals/access-log`);
    expect(await coordinator.textContent('#access-log')).toContain('luku');
    await expectAccessible(coordinator, 'access log');
  });
});
