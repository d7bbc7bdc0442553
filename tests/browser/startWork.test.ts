/**
 * What a first visit asks of the machine before its figures are confirmed (#14): the sample comes
 * read with the build while DuckDB's wasm is still on its way (no parse worker, no CSV fetched), and
 * DuckDB is asked only what the first view needs. Counted, not timed: the statements the page sends
 * to DuckDB's worker are recorded as it sends them.
 */
import type { Route } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { browserForFile, waitUntilReady } from './chromium';

const browser = browserForFile();

/**
 * Records every text the page hands a worker (DuckDB's queries among them), how many there were
 * when the status first said ready, and the most panel charts that appeared in one task.
 */
const RECORD_SQL = () => {
  const record = { sent: [] as string[], atReady: -1, charts: 0, mostChartsAtOnce: 0 };
  (window as unknown as { sqlRecord: typeof record }).sqlRecord = record;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const data = (message as { data?: unknown } | null)?.data;
    if (Array.isArray(data)) for (const part of data) if (typeof part === 'string') record.sent.push(part);
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
  new MutationObserver(() => {
    if (record.atReady < 0 && document.querySelector('[data-testid=app-status][data-state=ready]')) record.atReady = record.sent.length;
    // Called once per task that changed the page: how many panel charts appeared in one.
    const charts = document.querySelectorAll('.panel .recharts-wrapper').length;
    record.mostChartsAtOnce = Math.max(record.mostChartsAtOnce, charts - record.charts);
    record.charts = charts;
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

it('has the sample read while DuckDB starts, and asks DuckDB nothing the first view does not show before it is ready', async () => {
  const context = await browser().newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.addInitScript(RECORD_SQL);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname.split('/').pop()!));
    // DuckDB's wasm is held back: the engine cannot start until it is let through.
    const held: Route[] = [];
    let released = false;
    await page.route('**/*.wasm', (route) => (released ? route.continue() : void held.push(route)));
    await page.goto(inject('baseUrl'));
    const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(`ketenmonitor:${n}`).length > 0, name);
    // The sample's files come read with the build while the engine is still waiting for its wasm.
    for (const deadline = Date.now() + 30_000; !(await mark('sample-read')); await page.waitForTimeout(100)) {
      if (Date.now() > deadline) throw new Error('the sample was not read while DuckDB was starting');
    }
    expect(await mark('engine-ready')).toBe(false);
    expect(requested).toContain('sample-reads.json');
    // DuckDB's worker is asked for before DuckDB's client code (the engine's chunk and Arrow): the worker starts first,
    // and its start queue asks for the wasm before it loads DuckDB's own script (src/db/duckdbStartQueue.js).
    const worker = requested.findIndex((name) => name.startsWith('duckdbStartQueue-'));
    expect(worker).toBeGreaterThanOrEqual(0);
    expect(worker).toBeLessThan(requested.findIndex((name) => name.startsWith('engine-')));
    const wasm = requested.findIndex((name) => name.endsWith('.wasm'));
    expect(wasm).toBeGreaterThan(worker);
    expect(wasm).toBeLessThan(requested.findIndex((name) => name.startsWith('duckdb-browser-eh.worker')));
    released = true;
    await Promise.all(held.map((route) => route.continue()));
    await waitUntilReady(page);
    const { sent, atReady, charts, mostChartsAtOnce } = await page.evaluate(
      () => (window as unknown as { sqlRecord: { sent: string[]; atReady: number; charts: number; mostChartsAtOnce: number } }).sqlRecord,
    );
    // The dashboard's charts appeared one per task (src/charts/lazy.tsx): never two drawn in one long task.
    expect(charts).toBeGreaterThanOrEqual(5);
    expect(mostChartsAtOnce).toBe(1);
    const beforeReady = sent.slice(0, atReady);
    expect(beforeReady.some((sql) => /INSERT INTO current_observations/.test(sql))).toBe(true);
    // Each drawn figure is asked of DuckDB once to confirm it, not once more for a fetch the refresh replaced.
    expect(beforeReady.filter((sql) => /FROM view_grid g LEFT JOIN judged j/.test(sql))).toHaveLength(1);
    // The panels' weeks and summaries come from that one statement: the dashboard's pipeline is planned and run once.
    expect(beforeReady.filter((sql) => /\bjudged AS \(/.test(sql))).toHaveLength(1);
    // The header counts the user's files, without the file list's ranking of observations: with the
    // datasets' metrics, week ranges and whether they have period figures, in one statement asked once.
    expect(beforeReady.filter((sql) => /FROM observation_versions v/.test(sql))).toEqual([]);
    const overviews = beforeReady.filter((sql) => /WITH labels AS/.test(sql));
    expect(overviews).toHaveLength(1);
    expect(overviews[0]).toMatch(/CAST\(count\(\*\) AS INTEGER\) AS files FROM files GROUP BY dataset/);
    // The sample's few rejected lines go in with the rest of its rows: DuckDB's CSV reader, slow the first time it runs, waits for the case export after ready.
    expect(beforeReady.filter((sql) => /read_csv/i.test(sql))).toEqual([]);
    expect(sent.slice(atReady).some((sql) => /read_csv/i.test(sql))).toBe(true);
    // The sample has no monthly figures: the dashboard asks whether there are any (in that statement), not for their figures and means.
    const periodReads = beforeReady.filter((sql) => /^\s*(WITH|SELECT)\b/i.test(sql) && /FROM current_periods/.test(sql));
    expect(periodReads).toEqual(overviews);
    expect(periodReads[0]).toMatch(/SELECT DISTINCT 'periods' AS part, dataset FROM current_periods/);
    // Nor does it rank period figures again when its weekly files are stored.
    expect(beforeReady.filter((sql) => /INSERT INTO current_periods/.test(sql))).toEqual([]);
    // Nothing was read on the page at start: no parse worker, no sample CSV fetched.
    const readBeforeReady = requested.filter((name) => name.startsWith('parse.worker-') || (name.endsWith('.csv') && name !== 'annotations.csv'));
    expect(readBeforeReady).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
