/**
 * Screenshots of the resident pages for review: home, results, activity and the printed activity
 * (print media), in one language, on the demo tray. `npx tsx scripts/web-screenshots.ts [dir] [lang]`
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { benchDatabases, benchDeps } from '../bench/support.ts';
import { buildApp } from '../src/app.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';

const dir = process.argv[2] ?? '/work/screenshots';
const lang = process.argv[3] ?? 'fi';
mkdirSync(dir, { recursive: true });
const database = await (await benchDatabases()).databases[0]!();
const deps = benchDeps(database.db);
await loadDemoData(deps, { seed: 2026, count: 600, anchorDate: '2026-11-28' });
const app = await buildApp(deps, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/${lang}`);
  await page.screenshot({ path: `${dir}/web-home.png`, fullPage: true });
  await page.goto(`${base}/${lang}/search?q=jumppa&group=older_people&postalCode=33100&sort=distance`);
  await page.screenshot({ path: `${dir}/web-results.png`, fullPage: true });
  await page.screenshot({ path: `${dir}/web-results-top.png` });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${dir}/web-results-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  const href = await page.getAttribute('.card__title a', 'href');
  await page.goto(`${base}${href}`);
  await page.screenshot({ path: `${dir}/web-detail.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${dir}/web-print.png`, fullPage: true });
  await page.pdf({ path: `${dir}/web-print.pdf`, format: 'A4', printBackground: true });
  const mobile = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await mobile.goto(`${base}/${lang}/search?theme=exercise`);
  await mobile.screenshot({ path: `${dir}/web-results-mobile.png`, fullPage: false });
  process.stdout.write(`screenshots in ${dir}\n`);
} finally {
  await browser.close();
  await app.close();
  await database.drop();
}
