/**
 * The dashboard before DuckDB is ready: drawn from the build's sample figures on a first visit
 * and from the last confirmed figures on a return, checked by DuckDB once it is up. DuckDB is
 * held back here by holding its wasm, so what is drawn can only have come from a cache.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserForFile, panelFacts, tableCells, upload, waitUntilReady } from './chromium';

const browser = browserForFile();

interface Visit {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  /** Lets DuckDB's wasm through; until then the engine cannot start. */
  releaseEngine: () => Promise<void>;
}

/** A page whose DuckDB wasm is held back until released (the context keeps its IndexedDB across reloads). */
async function holdEngine(context: BrowserContext, page: Page, consoleErrors: string[]): Promise<Visit> {
  const held: Route[] = [];
  let released = false;
  await page.route('**/*.wasm', (route) => (released ? route.continue() : void held.push(route)));
  return {
    page,
    context,
    consoleErrors,
    releaseEngine: async () => {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
      await page.unroute('**/*.wasm');
    },
  };
}

async function newVisit(): Promise<Visit> {
  const context = await browser().newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return holdEngine(context, page, consoleErrors);
}

const status = (page: Page) => page.locator('[data-testid=app-status]');
const chartsDrawn = (page: Page) => page.locator('[data-testid^=panel-] .recharts-surface').count();

/** The figures kept in the browser, with the fingerprint they were kept under. */
const keptCache = (page: Page) =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('ketenmonitor-figures', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('cache');
    open.onsuccess = () => {
      const get = open.result.transaction('cache').objectStore('cache').get('last');
      get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  })`) as Promise<{ buster: string; clientState: { queries: { queryKey: unknown[]; state: { data: unknown } }[] } } | null>;

/** Waits until the figures for the files now loaded are kept (saving waits a second after the last change). */
async function cacheKeptFor(page: Page, names: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const cache = await keptCache(page);
      return cache ? (JSON.parse(cache.buster) as { files: string[][] }).files.map((f) => f[0]) : null;
    }, { timeout: 15_000 })
    .toEqual(names);
}

const gehoren = { name: 'gehoren_2020-09-14.csv', text: 'Week;Gehoren fysiek;Telehoren\n2020-W27;412;238\n2020-W28;1.004;241\n' };
const vertrek = { name: 'vertrek_2020-09-14.csv', text: 'week;Aantoonbaar vertrek\n2020-W27;78\n2020-W28;81\n' };

/** A user's visit with the hearings export loaded and its figures kept: the start of every returning visit. */
async function visitWithGehorenKept(): Promise<Visit> {
  const visit = await newVisit();
  try {
    await visit.releaseEngine();
    await visit.page.goto(inject('baseUrl'));
    await waitUntilReady(visit.page);
    await upload(visit.page, [gehoren]);
    await cacheKeptFor(visit.page, [gehoren.name]);
    return visit;
  } catch (error) {
    await visit.context.close();
    throw error;
  }
}

it('draws the sample on a first visit from the build before DuckDB is up, and DuckDB confirms every figure', async () => {
  const visit = await newVisit();
  const { page } = visit;
  try {
    await page.goto(inject('baseUrl'));
    await expect.poll(() => chartsDrawn(page), { timeout: 20_000 }).toBeGreaterThan(3);
    await expect(status(page).getAttribute('data-state')).resolves.toBe('loading');
    await expect(status(page).textContent()).resolves.toContain('Cijfers worden gecontroleerd');
    // Nothing leaves the app from unconfirmed figures.
    await expect(page.locator('[data-testid=download-csv-standard]').first().isDisabled()).resolves.toBe(true);
    const drawn = await panelFacts(page);

    await visit.releaseEngine();
    await waitUntilReady(page);
    await expect(status(page).textContent()).resolves.not.toContain('gecontroleerd');
    await expect(page.locator('[data-testid=download-csv-standard]').first().isDisabled()).resolves.toBe(false);
    // The build's figures are DuckDB's: any difference would have been logged as an error.
    expect(visit.consoleErrors).toEqual([]);
    expect(await panelFacts(page)).toEqual(drawn);
  } finally {
    await visit.context.close();
  }
});

it("draws a returning user's own figures before DuckDB is up, and never a cache of other files", async () => {
  const visit = await visitWithGehorenKept();
  const { page } = visit;
  try {
    // The file was kept with the SHA-256 of its bytes, which the fingerprint uses: start-up reads no file to draw.
    const sha256 = createHash('sha256').update(gehoren.text).digest('hex');
    const keptHashes = await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('ketenmonitor', 1);
      open.onsuccess = () => {
        const all = open.result.transaction('exports').objectStore('exports').getAll();
        all.onsuccess = () => { open.result.close(); resolve(all.result.map((r) => r.contentHash ?? null)); };
        all.onerror = () => reject(all.error);
      };
      open.onerror = () => reject(open.error);
    })`);
    expect(keptHashes).toEqual([sha256]);
    expect((JSON.parse((await keptCache(page))!.buster) as { files: string[][] }).files[0][1]).toBe(sha256);

    // Return with DuckDB held: the user's figures are drawn from the cache.
    const held = await holdEngine(visit.context, page, visit.consoleErrors);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=panel-hearings] .recharts-surface').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('user');
    await expect(status(page).textContent()).resolves.toContain('Cijfers worden gecontroleerd');
    await held.releaseEngine();
    await waitUntilReady(page);
    expect((await tableCells(page, 'hearings', 'hearings_physical')).map((c) => c.value)).toEqual(['412', '1004']);

    // Another file joins the store (as another tab would add it, or as a record kept before hashes were, without one): the kept figures are of other files.
    await page.evaluate(
      ({ name, text }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ketenmonitor', 1);
          open.onsuccess = () => {
            const add = open.result.transaction('exports', 'readwrite').objectStore('exports').add({ name, lastModified: 0, content: new Blob([text]) });
            add.onsuccess = () => {
              open.result.close();
              resolve();
            };
            add.onerror = () => reject(add.error);
          };
          open.onerror = () => reject(open.error);
        }),
      vertrek,
    );
    const again = await holdEngine(visit.context, page, visit.consoleErrors);
    await page.reload();
    await page.locator('[data-testid=app-status]').waitFor();
    await page.waitForTimeout(1_500);
    // Nothing drawn from the stale cache, which is gone: the page waits for DuckDB.
    expect(await page.locator('[data-testid^=panel-] .recharts-surface').count()).toBe(0);
    await expect(status(page).textContent()).resolves.not.toContain('gecontroleerd');
    expect(await keptCache(page)).toBeNull();
    await again.releaseEngine();
    await waitUntilReady(page);
    await expect(page.locator('[data-testid=dataset-banner]').getAttribute('data-dataset')).resolves.toBe('user');
    expect((await tableCells(page, 'departures', 'departures_total')).map((c) => c.value)).toEqual(['78', '81']);
    await cacheKeptFor(page, [gehoren.name, vertrek.name]);
    expect(visit.consoleErrors).toEqual([]);
  } finally {
    await visit.context.close();
  }
});

it('replaces a drawn figure that DuckDB does not confirm, and logs it as an error', async () => {
  const visit = await visitWithGehorenKept();
  const { page } = visit;
  try {

    // The kept figures are corrupted under the right fingerprint: 412 becomes 999.
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('ketenmonitor-figures', 1);
      open.onsuccess = () => {
        const store = open.result.transaction('cache', 'readwrite').objectStore('cache');
        const get = store.get('last');
        get.onsuccess = () => {
          const cache = get.result;
          for (const query of cache.clientState.queries)
            if (query.queryKey[0] === 'panelWeeks')
              for (const row of query.state.data) if (row.metric === 'hearings_physical' && row.value === 412) row.value = 999;
          const put = store.put(cache, 'last');
          put.onsuccess = () => { open.result.close(); resolve(); };
          put.onerror = () => reject(put.error);
        };
      };
      open.onerror = () => reject(open.error);
    })`);
    const held = await holdEngine(visit.context, page, visit.consoleErrors);
    await page.reload();
    const section = page.locator('[data-testid=panel-hearings]');
    await section.locator('.recharts-surface').first().waitFor({ timeout: 20_000 });
    await section.locator('[data-testid=show-table]').click();
    const cells = () => section.locator('td[data-metric=hearings_physical]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
    expect(await cells()).toEqual(['999', '1004']);

    await held.releaseEngine();
    await waitUntilReady(page);
    expect(await cells()).toEqual(['412', '1004']);
    expect(visit.consoleErrors).toHaveLength(1);
    expect(visit.consoleErrors[0]).toContain('differ from DuckDB');
  } finally {
    await visit.context.close();
  }
});
