/**
 * Residents' journeys in a real browser (Debian Chromium): search → filter → activity → print
 * preview in Finnish, Swedish and English, with and without JavaScript, by keyboard only; and
 * axe-core WCAG 2.1 A/AA checks on every page type in all three languages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from './support/db.ts';
import { createService } from './support/factories.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';
import { languages, type Language } from '../src/platform/localised.ts';

const words: Record<Language, { free: string; apply: string; when: string; results: RegExp }> = {
  fi: { free: 'Maksuton', apply: 'Näytä tulokset', when: 'Milloin', results: /\d+ toiminta/ },
  sv: { free: 'Avgiftsfri', apply: 'Visa resultaten', when: 'När', results: /\d+ verksamhet/ },
  en: { free: 'Free of charge', apply: 'Show results', when: 'When', results: /\d+ activit/ },
};

describe.skipIf(browserSkip !== undefined)(`residents' journeys in Chromium${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  let activityId: string;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    const deps = testDeps(test.db);
    await loadDemoData(deps, { seed: 7, count: 240, anchorDate: '2026-11-28' });
    activityId = (
      await createService(test.db, {
        service: {
          name: { fi: 'Tuolijumppa kaikille', sv: 'Stolgympa för alla', en: 'Chair exercise for everyone' },
          summary: { fi: 'Kevyttä jumppaa tuolilla.', sv: 'Lätt gympa på stol.', en: 'Light exercise on a chair.' },
          plainSummary: { fi: 'Jumppaa tuolilla. Kaikki voivat tulla.', sv: 'Gympa på stol. Alla får komma.', en: 'Exercise on a chair. Everyone can come.' },
          costType: 'free',
          areaMunicipalities: ['837'],
        },
        locations: [{ name: { fi: 'Näsin palvelutalo' }, accessibility: [{ group: { fi: 'Sisäänkäynti', sv: 'Ingång', en: 'Entrance' }, sentence: { fi: 'Ei portaita.', sv: 'Inga trappor.', en: 'No steps.' } }] }],
        channels: [{ kind: 'phone', value: { fi: '040 123 4567' } }],
        schedules: [{ weekdays: [1, 3], opens: '10:00', closes: '11:00' }],
      })
    ).service.id;
    running = await startApp(deps);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  async function journey(page: Page, lang: Language): Promise<void> {
    const w = words[lang];
    await page.goto(`${running.url}/${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.fill('#q', 'jumppa');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/search\?q=jumppa/);
    const before = await page.textContent('#results-count');
    expect(before).toMatch(w.results);
    await page.check(`label:has-text("${w.free}") >> nth=0`);
    await page.click(`button:has-text("${w.apply}")`);
    await page.waitForURL(/free=1/);
    expect(await page.isChecked('#free')).toBe(true);
    expect(await page.locator('.chips').textContent()).toContain(w.free);
    await page.click('.card__title a >> nth=0');
    await page.waitForURL(/\/activities\//);
    expect(await page.textContent('#when-heading')).toBe(w.when);
    expect(await page.locator('h1').count()).toBe(1);
    // print preview: navigation and forms disappear, the QR code back to the page appears
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('.print-back svg.qr')).toBe(true);
    expect(await page.textContent('.print-url')).toContain('/activities/');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  }

  for (const lang of languages) {
    it(`finds, filters, opens and prints an activity in ${lang} with JavaScript`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await journey(page, lang);
      // JavaScript reveals the print and copy buttons
      expect(await page.isVisible('[data-action="print"]')).toBe(true);
      await context.close();
    });
  }

  it('copies the share link of an activity and says so to screen readers', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(`${running.url}/en/activities/${activityId}`);
    await page.click('[data-action="copy"]');
    await expect.poll(() => page.textContent('[data-copy-status]')).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://tarjotin.test/en/activities/${activityId}`);
    expect(await page.getAttribute('a[href^="mailto:"]', 'href')).toContain(encodeURIComponent(`/en/activities/${activityId}`));
    await context.close();
  });

  it('does the same journey with JavaScript disabled, in Finnish', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await journey(page, 'fi');
    expect(await page.isVisible('[data-action="print"]')).toBe(false);
    await context.close();
  });

  it('works by keyboard only: skip link first, visible focus, focus in document order', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${running.url}/fi/search?q=jumppa`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { className: el.className, top: box.top, height: box.height };
    });
    expect(skip.className).toBe('skip-link');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.evaluate(() => document.querySelectorAll('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').length)).toBe(0);
    // walk 60 tab stops: each has a visible focus indicator and comes after the previous one
    const stops: { tag: string; outline: string; shadow: string; after: boolean }[] = [];
    await page.evaluate(() => ((window as unknown as { previous: Element | null }).previous = null));
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const win = window as unknown as { previous: Element | null };
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          const after = win.previous === null || Boolean(win.previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
          win.previous = el;
          return { tag: el.tagName, outline: style.outlineStyle, shadow: style.boxShadow, after };
        }),
      );
    }
    expect(stops[0]?.tag).toBe('INPUT');
    for (const stop of stops) {
      expect(stop.after).toBe(true);
      expect(stop.outline !== 'none' || stop.shadow !== 'none').toBe(true);
    }
    // reach the first result by keyboard and open it
    for (let i = 0; i < 200; i++) {
      if (await page.evaluate(() => document.activeElement?.closest('.card__title') !== null)) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/activities\//);
    expect(await page.locator('h1').count()).toBe(1);
    await context.close();
  });

  it('puts the results on a map when a tile server is configured, and the list stays complete', async () => {
    // a local tile server: one grey pixel for every tile
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    let tileRequests = 0;
    const tiles = createServer((_request, response) => {
      tileRequests++;
      response.writeHead(200, { 'content-type': 'image/png' }).end(pixel);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    const mapped = await startApp(testDeps(test.db, { config: testConfig({ MAP_TILE_URL: tileUrl }) }));
    try {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${mapped.url}/fi/search?q=jumppa`);
      await page.waitForSelector('#map .leaflet-tile-loaded');
      const cards = await page.locator('.cards > .card').count();
      expect(await page.locator('#map path.leaflet-interactive').count()).toBe(cards);
      expect(tileRequests).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
      // with the page's own Content-Security-Policy enforced (the test contexts bypass it for axe)
      const strict = await browser.newContext();
      await strict.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort('blockedbyclient'));
      const strictPage = await strict.newPage();
      const blocked: string[] = [];
      strictPage.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      await strictPage.goto(`${mapped.url}/fi/search?q=jumppa`);
      await strictPage.waitForSelector('#map .leaflet-tile-loaded');
      expect(blocked).toEqual([]);
      await strict.close();
      // without JavaScript the map stays hidden and the same list is there
      const noScript = await newContext(browser, { javaScriptEnabled: false });
      const plain = await noScript.newPage();
      await plain.goto(`${mapped.url}/fi/search?q=jumppa`);
      expect(await plain.isVisible('#map')).toBe(false);
      expect(await plain.locator('.cards > .card').count()).toBe(cards);
      await noScript.close();
    } finally {
      await mapped.close();
      await new Promise((resolve) => tiles.close(resolve));
    }
  });

  for (const lang of languages) {
    it(`has no WCAG 2.1 A/AA violations on any page type in ${lang}`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      const problems: Record<string, unknown> = {};
      const check = async (name: string) => {
        const violations = await axeViolations(page);
        if (violations.length) problems[name] = violations;
      };
      const visit = async (name: string, path: string, status = 200) => {
        const response = await page.goto(`${running.url}${path}`);
        expect(response?.status(), name).toBe(status);
        await check(name);
      };
      await visit('home', `/${lang}`);
      await visit('region home', `/${lang}/pirkanmaa`);
      await visit('results', `/${lang}/search?q=jumppa`);
      await visit('results without results', `/${lang}/search?q=zzqqxxyy`);
      await visit('results with a postal code error', `/${lang}/search?postalCode=12`);
      await visit('results in a region with municipalities', `/${lang}/pirkanmaa/search?theme=exercise`);
      await visit('activity', `/${lang}/activities/${activityId}`);
      const organisationHref = await page.getAttribute('.organiser a', 'href');
      await visit('organisation', organisationHref!);
      await visit('self-check', `/${lang}/self-check`);
      await visit('self-check suggestions', `/${lang}/self-check?interest=move&when=weekend&cost=free`);
      await visit('accessibility statement', `/${lang}/accessibility`);
      await page.click('form.stack button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await check('accessibility feedback with errors');
      await visit('report form', `/${lang}/activities/${activityId}/report`);
      await page.click('form.stack button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await check('report form with errors');
      // the error summary takes the focus so that it is read first
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      await visit('widget', `/${lang}/widget?municipality=837&theme=exercise`);
      await visit('embed code for the widget', `/${lang}/embed?municipality=837&theme=exercise`);
      await visit('not found', `/${lang}/activities/00000000-0000-4000-8000-000000000000`, 404);
      expect(problems).toEqual({});
      await context.close();
    });
  }
});
