/**
 * Never stuck: every failure reaches the user as a message in its own place, the status says
 * "error" (never "loading" for ever, never "ready" over a blank), and "try again" recovers.
 * Failures are made real: a script the server does not deliver (Playwright routing), a query
 * DuckDB itself refuses (its SQL swapped on the way to DuckDB's worker).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { browserForFile, seriousViolations, upload, waitUntilReady } from './chromium';

const browser = browserForFile();

/**
 * Before the app's code runs: a query whose SQL matches `window.__failSql` (a regular
 * expression's source) reaches DuckDB as a query on a table that does not exist, so DuckDB
 * answers it with a real error.
 */
const FAIL_SQL = () => {
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('duckdb')) return;
      const post = this.postMessage.bind(this);
      this.postMessage = ((message: { type?: string; data?: unknown[] }, transfer?: Transferable[]) => {
        const pattern = (window as unknown as { __failSql?: string }).__failSql;
        const sql = message?.data?.[1];
        if (pattern && (message.type === 'RUN_QUERY' || message.type === 'CREATE_PREPARED') && typeof sql === 'string' && new RegExp(pattern).test(sql)) {
          message = { ...message, data: [message.data![0], 'SELECT * FROM simulated_failure'] };
        }
        post(message, transfer ?? []);
      }) as Worker['postMessage'];
    }
  };
};

interface Opened {
  page: Page;
  /**
   * Console errors and uncaught errors, except the browser's own line for a request we aborted on
   * purpose and React's report of the resulting load failure that an error boundary caught.
   */
  errors: string[];
  close: () => Promise<void>;
}

async function open(prepare: (page: Page) => Promise<unknown> = async () => {}): Promise<Opened> {
  const context = await browser().newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const errors: string[] = [];
  const expected = /^Failed to load resource|Failed to fetch dynamically imported module/;
  page.on('console', (m) => m.type() === 'error' && !expected.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(FAIL_SQL);
  await prepare(page);
  await page.goto(inject('baseUrl'));
  return { page, errors, close: () => context.close() };
}

const status = (page: Page) => page.locator('[data-testid=app-status]');
const settled = (page: Page) => page.locator('[data-testid=app-status]:is([data-state=ready], [data-state=error])').waitFor({ timeout: 30_000 });

describe('the parse worker', () => {
  it('ends every file it could not read as that file’s error report, and a new worker reads the next file', async () => {
    const { page, errors, close } = await open((p) => p.route(/parse\.worker-[\w-]+\.js$/, (route) => route.abort()));
    try {
      // The sample comes read with the build (sample-reads.json): no worker is needed for it.
      await waitUntilReady(page);
      expect(errors).toEqual([]);
      await upload(page, [
        { name: 'asiel_2020-09-14.csv', text: 'Week;Eerste asielaanvragen\n2020-W27;310\n2020-W28;295\n' },
        { name: 'vertrek_2020-09-14.csv', text: 'Week;Vertrek totaal\n2020-W27;150\n' },
      ]);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const problems = await page.locator('[data-testid=file-item]').evaluateAll((items) => items.map((i) => [i.getAttribute('data-name'), i.getAttribute('data-problem')]));
      expect(problems.map(([name]) => name).sort()).toEqual(['asiel_2020-09-14.csv', 'vertrek_2020-09-14.csv']);
      for (const [name, problem] of problems) expect(problem, name!).toBe('reader_stopped');
      await expect(page.locator('[data-testid=file-item][data-problem=reader_stopped]').first().textContent()).resolves.toMatch(/Het inlezen stopte onverwacht/);

      await page.unroute(/parse\.worker-[\w-]+\.js$/);
      await upload(page, [{ name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n2020-W28;1.004;241\n' }]);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const item = page.locator('[data-testid=file-item][data-name="gehoren_2020-09-14.csv"]');
      await expect(item.getAttribute('data-rows-loaded')).resolves.toBe('2');
      await expect(item.getAttribute('data-problem')).resolves.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('DuckDB that cannot start', () => {
  it('says so when its wasm is not found, instead of checking the figures for ever', async () => {
    // By path: the worker's own URL names the wasm in its query string.
    const { page, close } = await open((p) => p.route((url) => url.pathname.endsWith('.wasm'), (route) => route.fulfill({ status: 404, body: 'not found' })));
    try {
      await settled(page);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      await expect(status(page).textContent()).resolves.toMatch(/De rekenkern \(DuckDB\) kon niet starten.*HTTP status code is not ok/);
    } finally {
      await close();
    }
  });
});

describe('a chunk that does not load', () => {
  it('says so when the app itself does not load, and "try again" loads it', async () => {
    const app = /\/mount-[\w-]+\.js$/;
    const { page, errors, close } = await open((p) => p.route(app, (route) => route.abort()));
    try {
      await status(page).and(page.locator('[data-state=error]')).waitFor({ timeout: 30_000 });
      await expect(status(page).textContent()).resolves.toMatch(/Ketenmonitor kon niet worden geladen/);
      await page.unroute(app);
      await page.locator('[data-testid=try-again]').click();
      await waitUntilReady(page);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows each panel’s failure in the panel, the status says error, and "try again" draws the chart', async () => {
    const chart = /PanelChart-[\w-]+\.js$/;
    const { page, errors, close } = await open((p) => p.route(chart, (route) => route.abort()));
    try {
      const inflow = page.locator('[data-testid=panel-inflow]');
      await inflow.locator('[data-testid=part-error]').waitFor({ timeout: 30_000 });
      await settled(page);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      await expect(inflow.locator('[data-testid=part-error]').textContent()).resolves.toMatch(/Dit paneel kon niet worden getoond/);
      // The other panels say the same in their own place; the page is not blank.
      expect(await page.locator('[data-testid^=panel-] [data-testid=part-error]').count()).toBe(5);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('button[lang=en]').click();
      await expect(inflow.locator('[data-testid=try-again]').textContent()).resolves.toBe('Try again');

      await page.unroute(chart);
      // Each panel's "try again" fetches the chart's code again and draws its chart.
      while ((await page.locator('[data-testid=try-again]').count()) > 0) await page.locator('[data-testid=try-again]').first().click();
      await waitUntilReady(page);
      expect(await inflow.locator('.recharts-line-curve').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('costs only the range brush when its code does not load: the panels draw, the brush says so', async () => {
    const brush = /RangeBrush-[\w-]+\.js$/;
    const { page, errors, close } = await open((p) => p.route(brush, (route) => route.abort()));
    try {
      await page.locator('.controls [data-testid=part-error]').waitFor({ timeout: 30_000 });
      await settled(page);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      // The panels draw all the same (charts take turns mounting: wait for the line, not for a moment).
      await page.locator('[data-testid=panel-inflow] .recharts-line-curve').first().waitFor({ timeout: 30_000 });
      await page.unroute(brush);
      await page.locator('.controls [data-testid=try-again]').click();
      await waitUntilReady(page);
      expect(await page.locator('.controls [data-testid=part-error]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a view whose code failed to load as a message with "Opnieuw proberen", never as a page stuck on loading', async () => {
    const letter = /LetterView-[\w-]+\.js$/;
    const { page, errors, close } = await open((p) => p.route(letter, (route) => route.abort()));
    try {
      await waitUntilReady(page);
      await page.locator('[data-testid=nav-letter]').click();
      const failure = page.locator('main [data-testid=part-error]');
      await failure.waitFor({ timeout: 10_000 });
      await expect(failure.textContent()).resolves.toMatch(/Dit deel van de pagina kon niet worden getoond/);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      await expect(page.locator('main [data-testid=try-again]').textContent()).resolves.toBe('Opnieuw proberen');
      expect(await seriousViolations(page)).toEqual([]);

      await page.unroute(letter);
      await page.locator('main [data-testid=try-again]').click();
      await waitUntilReady(page);
      expect(await page.locator('[data-testid=phase-item]').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a failed query', () => {
  it('is shown in the panels with the status on error, not "Klaar" over empty panels; "try again" asks again', async () => {
    const { page, errors, close } = await open();
    try {
      await waitUntilReady(page);
      await page.evaluate(() => ((window as unknown as { __failSql: string }).__failSql = '\\bjudged\\b'));
      // A changed period asks for the panels' figures again.
      await page.locator('[data-testid=nav-dashboard]').click();
      const url = new URL(page.url());
      url.searchParams.set('from', '2020-W01');
      await page.evaluate((href) => {
        history.pushState(null, '', href);
        dispatchEvent(new PopStateEvent('popstate'));
      }, url.toString());
      const inflow = page.locator('[data-testid=panel-inflow]');
      await inflow.locator('[data-testid=part-error]').waitFor({ timeout: 30_000 });
      await settled(page);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      await expect(status(page).textContent()).resolves.not.toMatch(/Klaar/);
      await expect(inflow.locator('[data-testid=part-error]').textContent()).resolves.toMatch(/simulated_failure/);

      await page.evaluate(() => delete (window as unknown as { __failSql?: string }).__failSql);
      await inflow.locator('[data-testid=try-again]').click();
      await waitUntilReady(page);
      expect(await page.locator('[data-testid=part-error]').count()).toBe(0);
      expect(await inflow.locator('.recharts-line-curve').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a failed removal', () => {
  it('says why, keeps the file, and leaves no unhandled rejection', async () => {
    const { page, errors, close } = await open();
    try {
      await waitUntilReady(page);
      await upload(page, [{ name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n' }]);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      await page.evaluate(() => ((window as unknown as { __failSql: string }).__failSql = '^DELETE FROM observations'));
      await page.getByRole('button', { name: 'gehoren_2020-09-14.csv verwijderen' }).click();
      const problem = page.locator('[data-testid=action-problem]');
      await problem.waitFor({ timeout: 10_000 });
      await expect(problem.textContent()).resolves.toMatch(/^Dat lukte niet: .*simulated_failure/);
      await settled(page);
      await expect(status(page).getAttribute('data-state')).resolves.toBe('error');
      expect(await page.locator('[data-testid=file-item][data-name="gehoren_2020-09-14.csv"]').count()).toBe(1);

      await page.evaluate(() => delete (window as unknown as { __failSql?: string }).__failSql);
      await page.getByRole('button', { name: 'gehoren_2020-09-14.csv verwijderen' }).click();
      await waitUntilReady(page);
      expect(await problem.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
