import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser, newContext, startApp, type RunningApp } from './support/browser.ts';
import { createTestDatabase, testDeps, type TestDatabase } from './support/db.ts';

describe.skipIf(browserSkip !== undefined)(`browser smoke test${browserSkip ? ` (${browserSkip})` : ''}`, () => {
  let test: TestDatabase;
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    running = await startApp(testDeps(test.db));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.drop();
  });

  it('renders the home page in Chromium with the page language set and no WCAG A/AA violations', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${running.url}/sv`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
