/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), the
 * app served on a random local port, and axe-core for WCAG 2.1 A/AA checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import type { Deps } from '../../src/platform/deps.ts';
import type { App } from '../../src/platform/http.ts';
import { skipReason } from './requirements.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The reason browser tests are skipped here, or undefined when Chromium is available. */
export const browserSkip = skipReason('Chromium', existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium)`);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'fi-FI',
    viewport: { width: 1280, height: 900 },
    // axe-core is injected as an inline script; the app's CSP would (rightly) block it.
    bypassCSP: true,
  });
  // Tests never reach the internet: anything not served by the app fails loudly.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort('blockedbyclient'));
  return context;
}

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** Builds the app on the given dependencies and listens on a random local port. */
export async function startApp(deps: Deps): Promise<RunningApp> {
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
