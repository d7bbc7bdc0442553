/**
 * Debian's Chromium driven by playwright-core (no browser download is possible here). The
 * flags keep it from reaching for the network, which is closed, at start-up.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh, empty user-data dir.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page made to another origin: must stay empty. */
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function openApp(browser: Browser, query = '', timezoneId = 'Europe/Amsterdam'): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
  });
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(baseUrl + query);
  await waitUntilReady(page);
  return { page, context, foreignRequests, consoleErrors };
}

/**
 * Opens the app, runs `test`, and then fails on any request to another origin or any console
 * error during it: nothing may leave the browser, and nothing may break quietly.
 */
export async function withApp(browser: Browser, test: (app: AppPage) => Promise<void>, options: { query?: string; timezoneId?: string } = {}): Promise<void> {
  const app = await openApp(browser, options.query, options.timezoneId);
  try {
    await test(app);
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await app.context.close();
  }
}

/**
 * One Chromium for the test file that calls this (at its top level): launched before its tests and
 * closed after them. Gives the browser to tests that open their own pages or contexts.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not up yet: call the browser inside a test');
    return browser;
  };
}

/** One Chromium for the test file (as `browserForFile`), giving `withApp` on it with the page's query string. */
export function chromiumForFile(defaultQuery = ''): (test: (app: AppPage) => Promise<void>, query?: string) => Promise<void> {
  const browser = browserForFile();
  return (test, query = defaultQuery) => withApp(browser(), test, { query });
}

export async function waitUntilReady(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout });
}

export interface UploadFile {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

/** Sets files on the file input, as a user picking them would, and waits until they are in. */
export async function upload(page: Page, files: UploadFile[]): Promise<void> {
  await page.locator('[data-testid=file-input]').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.bytes ?? new TextEncoder().encode(f.text ?? '')) })),
  );
  // The status leaves "ready" within a frame of the files being chosen.
  await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
  await waitUntilReady(page);
}

export interface PanelBaseline {
  metric: string;
  value: number;
  method: string;
}

/** Every panel's baselines and status, as the acceptance hooks expose them. */
export async function panelFacts(page: Page): Promise<Record<string, { baselines: PanelBaseline[]; backSince: string | null }>> {
  return page.locator('section[data-testid^=panel-]').evaluateAll((panels) =>
    Object.fromEntries(
      panels.map((panel) => [
        panel.getAttribute('data-testid')!.replace('panel-', ''),
        {
          baselines: [...panel.querySelectorAll('[data-baseline-metric]')].map((el) => ({
            metric: el.getAttribute('data-baseline-metric')!,
            value: Number(el.getAttribute('data-value')),
            method: el.getAttribute('data-method')!,
          })),
          backSince: panel.querySelector('[data-testid=baseline-status]')?.getAttribute('data-back-since') || null,
        },
      ]),
    ),
  );
}

export interface FileItemFacts {
  name: string;
  loaded: number;
  rejected: number;
  skipped: number;
  rejectedLines: number[];
}

export async function fileItems(page: Page): Promise<FileItemFacts[]> {
  await page.locator('[data-testid=nav-files]').click();
  await waitUntilReady(page);
  return page.locator('[data-testid=file-item]').evaluateAll((items) =>
    items.map((item) => ({
      name: item.getAttribute('data-name')!,
      loaded: Number(item.getAttribute('data-rows-loaded')),
      rejected: Number(item.getAttribute('data-rows-rejected')),
      skipped: Number(item.getAttribute('data-rows-skipped')),
      rejectedLines: [...item.querySelectorAll('[data-testid=rejected-row]')].map((row) => Number(row.getAttribute('data-line'))),
    })),
  );
}

export interface TableCell {
  week: string;
  metric: string;
  value: string;
  revised: boolean;
}

/** Opens the table view of a dashboard panel ("inflow", "hearings", ... or a custom metric's id) and reads the figure cells of `metric`. */
export async function tableCells(page: Page, panel: string, metric: string): Promise<TableCell[]> {
  await page.locator('[data-testid=nav-dashboard]').click();
  await waitUntilReady(page);
  const section = page.locator(`[data-testid="panel-${panel}"]`);
  const toggle = section.locator('[data-testid=show-table]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await waitUntilReady(page);
  return section.locator(`td[data-metric="${metric}"]`).evaluateAll((cells) =>
    cells.map((cell) => ({
      week: cell.getAttribute('data-week')!,
      metric: cell.getAttribute('data-metric')!,
      value: cell.getAttribute('data-value')!,
      revised: cell.getAttribute('data-revised') === 'true',
    })),
  );
}

export interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe in the page (through the driver, which the page's CSP does not govern) and returns the serious and critical findings. */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate<Finding[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    )`);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
