/**
 * Regenerates the README's screenshots from the production build: `npm run screenshots`
 * (after `npm run build`). Uses the same Chromium set-up as the browser tests.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_FLAGS } from '../tests/browser/chromium';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots');
const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 4320, strictPort: false } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const ready = () => page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 30_000 });
  await page.goto(server.resolvedUrls!.local[0]);
  await ready();
  await page.screenshot({ path: path.join(out, 'dashboard.png') });
  // Two panels' tables side by side on a 1366x768 laptop.
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const toggle of (await page.locator('.panel-grid [data-testid=show-table]').all()).slice(0, 2)) await toggle.click();
  await ready();
  await page.locator('[data-testid=panel-inflow]').evaluate((panel) => panel.scrollIntoView());
  const left = (await page.locator('[data-testid=panel-inflow]').boundingBox())!;
  const right = (await page.locator('[data-testid=panel-hearings]').boundingBox())!;
  await page.screenshot({ path: path.join(out, 'tables.png'), clip: { x: left.x, y: left.y, width: right.x + right.width - left.x, height: Math.min(left.height, 768 - left.y) } });
  await page.setViewportSize({ width: 1280, height: 1500 });
  for (const toggle of (await page.locator('.panel-grid [data-testid=show-table]').all()).slice(0, 2)) await toggle.click();
  await ready();
  await page.locator('[data-testid=nav-backlog]').click();
  await ready();
  // The case-level export shows the most: its region in the title, the ages, where its stock is complete.
  await page.locator('[data-testid=backlog-source]').selectOption('cases');
  await ready();
  await page.screenshot({ path: path.join(out, 'backlog.png'), fullPage: true });
  await page.locator('[data-testid=nav-letter]').click();
  await ready();
  await page.screenshot({ path: path.join(out, 'letter.png') });
  await page.locator('[data-testid=nav-briefing]').click();
  await ready();
  await page.screenshot({ path: path.join(out, 'briefing.png') });
  await page.locator('[data-testid=nav-files]').click();
  await ready();
  await page.screenshot({ path: path.join(out, 'files.png') });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
