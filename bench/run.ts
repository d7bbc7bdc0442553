/**
 * npm run bench [-- --check] [-- --smoke] [-- --only=start,cases,rejected,workbook]
 * Builds the app and a bare DuckDB page, serves both on localhost, drives Debian's Chromium
 * and compares each figure with the engine's own, measured in the same run (the machines are
 * shared and noisy: ratios hold better than milliseconds). Writes bench/results.json and
 * bench/results.md; --check exits non-zero when a budget in bench/budgets.json is broken;
 * --smoke does one quick round and writes nothing (part of the test command); --only=NAME runs
 * only the named parts (start: cold and returning starts, interactions, weekly ingest; cases:
 * the million-case export; rejected: the all-rejected files; workbook: the 50,000-row workbook)
 * and writes nothing either (a partial run is no result).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { largeCaseExport } from '../scripts/caseExports';
import { allRejectedCaseExport, allRejectedWeeklyExport, longWeeklyRows, rowsAsCsv, rowsAsWorkbook } from '../scripts/benchExports';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS } from '../tests/browser/chromium';
import { bareFirstVisit, PAGE_PROBE, probeMarks } from './pageProbe';
import { BARE_CONFIG, serveBuild } from './staticHost';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const check = args.includes('--check');
const PARTS = ['start', 'cases', 'rejected', 'workbook'] as const;
type Part = (typeof PARTS)[number];
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const unknownPart = only?.find((name) => !(PARTS as readonly string[]).includes(name));
if (unknownPart) throw new Error(`--only: unknown part ${unknownPart}; one or more of ${PARTS.join(', ')}`);
const wants = (part: Part) => !only || only.includes(part);
const runs = smoke ? 1 : 7;
const interactions = smoke ? 3 : 20;
/** The case-level export: a million rows, or a small one in the smoke run. */
const caseRows = smoke ? 20_000 : 1_000_000;
const caseRuns = smoke ? 1 : 3;
/** The all-rejected weekly export (about 2 million lines at 45 MB) and the all-rejected case export. */
const rejectedWeeklyMb = smoke ? 0.25 : 45;
const rejectedCaseRows = smoke ? 5_000 : 1_000_000;
/** The workbook and its CSV twin. */
const workbookRows = smoke ? 2_000 : 50_000;
const workbookRuns = smoke ? 1 : 3;

interface Stats {
  median: number;
  min: number;
  max: number;
  p95?: number;
}

function stats(values: number[], withP95 = false): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], ...(withP95 ? { p95: at(0.95) } : {}) };
}

async function coldStart(browser: Browser, appUrl: string, bareUrl: string) {
  const app: Record<'shell' | 'firstChart' | 'ready' | 'longestTask', number[]> = { shell: [], firstChart: [], ready: [], longestTask: [] };
  const bare: number[] = [];
  /** The app's own performance marks along the start (src/mount.tsx, engine.ts, workspace.ts, queryCache.ts) and when the build's first view arrived. */
  const steps: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    // Alternate the two so both see the same noise; a new context each time has an empty cache.
    bare.push(await bareFirstVisit(browser, bareUrl));

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PAGE_PROBE);
    await page.goto(appUrl);
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    const marks = await probeMarks(page);
    for (const key of Object.keys(app) as (keyof typeof app)[]) app[key].push(marks[key]);
    const timeline = await page.evaluate(() => [
      ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ketenmonitor:')).map((m) => [m.name.replace('ketenmonitor:', ''), m.startTime] as const),
      // The wasm is fetched by DuckDB's worker: its timing is in the worker's timeline, not the page's.
      ...performance.getEntriesByType('resource').filter((r) => /first-view\.json$/.test(r.name)).map((r) => ['first-view.json arrived', (r as PerformanceResourceTiming).responseEnd] as const),
    ]);
    for (const [name, at] of [...timeline, ['first chart drawn', marks.firstChart], ['ready', marks.ready]] as const) (steps[name] ??= []).push(at);
    await context.close();
  }
  return { app, bare, steps };
}

/**
 * A returning visit: the user's files (the sample's weekly exports and its 3,190-line case export,
 * loaded as the user's own) are stored and their figures kept; each run reloads the page, which
 * draws from the kept figures while DuckDB starts and rebuilds its tables. The bare page is
 * reloaded in a context of its own as often, so both come back with their files in the HTTP cache.
 */
async function returningStart(browser: Browser, appUrl: string, bareUrl: string) {
  const firstChart: number[] = [];
  const ready: number[] = [];
  const bare: number[] = [];
  const bareContext = await browser.newContext();
  const barePage = await bareContext.newPage();
  await barePage.goto(bareUrl);
  await barePage.waitForFunction(() => window.bareReady, undefined, { timeout: 60_000 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(appUrl);
  await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
  const manifest = JSON.parse(readFileSync(path.join(root, 'public/data/manifest.json'), 'utf8')) as { files: { name: string }[] };
  await page.locator('[data-testid=file-input]').setInputFiles(manifest.files.map(({ name }) => path.join(root, 'public/data', name)));
  await page.locator('[data-testid=dataset-banner][data-dataset=user]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
  // The figures are kept a second after the last change.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('ketenmonitor-figures', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('cache');
        open.onsuccess = () => {
          const get = open.result.transaction('cache').objectStore('cache').get('last');
          get.onsuccess = () => {
            open.result.close();
            resolve(Boolean(get.result && (JSON.parse(get.result.buster) as { files: unknown[] }).files.length > 0));
          };
        };
      }),
    undefined,
    { timeout: 30_000, polling: 500 },
  );
  for (let i = 0; i < runs; i++) {
    await barePage.reload();
    bare.push(await barePage.waitForFunction(() => window.bareReady, undefined, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>));
    await page.reload();
    await page.locator('[data-testid=dataset-banner][data-dataset=user]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    const marks = await probeMarks(page);
    firstChart.push(marks.firstChart);
    ready.push(marks.ready);
  }
  await context.close();
  await bareContext.close();
  return { firstChart, ready, bare };
}

/**
 * Sets a control to one value and back, `interactions` times, as a user would, and times each
 * change until every panel has redrawn. Timed from Node, as the browser tests wait: the URL
 * carries the change as soon as it is handled (`param` absent for the default), and the status
 * is ready once every panel has its new figures. Includes a few milliseconds of driver round trips.
 */
async function changes(page: Page, testId: string, param: string, [changed, byDefault]: [string, string]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < interactions; i++) {
    const value = i % 2 ? byDefault : changed;
    const start = performance.now();
    await page.locator(`[data-testid=${testId}]`).fill(value);
    await page.waitForURL((url) => (value === byDefault ? !url.search.includes(`${param}=`) : url.search.includes(`${param}=${value}`)), { timeout: 30_000 });
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 30_000 });
    times.push(performance.now() - start);
  }
  return times;
}

/** The baseline window's first week, changed and back: every panel redraws. */
const interaction = (page: Page) => changes(page, 'baseline-from', 'bfrom', ['2019-W10', '2019-W12']);

/** The backlog's trailing window, changed and back: stock, wait and ages over every case again. */
const backlogInteraction = (page: Page) => changes(page, 'trailing-weeks', 'bweeks', ['9', '8']);

/**
 * Does `act` and times, in the page, from the user's action (`event` on `selector`) until the
 * status next says ready. Timed in the page, not from Node: Playwright's waiting polls at growing
 * intervals, up to half a second, which would count in a wait of a second or more.
 */
async function untilReady(page: Page, event: 'change' | 'click', selector: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    const marks = (window.readyMarks = {});
    document.addEventListener(${JSON.stringify(event)}, (e) => {
      if (!marks.start && e.target instanceof Element && e.target.matches(${JSON.stringify(selector)})) marks.start = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (!marks.start) return;
      if (document.querySelector('[data-testid=app-status]:not([data-state=ready])')) marks.busy = true;
      else if (marks.busy) {
        marks.end = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })()`);
  await act();
  // Polled with evaluate: the page's Content-Security-Policy forbids waitForFunction's eval.
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const took = (await page.evaluate('window.readyMarks.end - window.readyMarks.start')) as number;
    if (!Number.isNaN(took)) return took;
  }
  throw new Error(`not ready within 5 minutes of ${event} on ${selector}`);
}

async function weeklyIngest(browser: Browser, appUrl: string): Promise<number[]> {
  const manifest = JSON.parse(readFileSync(path.join(root, 'public/data/manifest.json'), 'utf8')) as { files: { name: string }[] };
  const files = manifest.files.map(({ name }) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(root, 'public/data', name)) }));
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    times.push(await untilReady(page, 'change', '[data-testid=file-input]', () => page.locator('[data-testid=file-input]').setInputFiles(files)));
    await context.close();
  }
  return times;
}

/** Peak and current resident memory (MB) of Chromium's renderer processes: the page and its workers are threads of one. */
function rendererMemory(): { peakMb: number; nowMb: number } {
  let peakMb = 0;
  let nowMb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
      peakMb = Math.max(peakMb, field('VmHWM'));
      nowMb = Math.max(nowMb, field('VmRSS'));
    } catch {
      // The process ended while we looked.
    }
  }
  return { peakMb: Math.round(peakMb), nowMb: Math.round(nowMb) };
}

/**
 * The case-level export through the whole pipeline (file chosen until the backlog is ready)
 * against DuckDB's bare read_csv of the same bytes, in the same browser; the longest main-thread
 * task while it loads; renderer memory; the backlog's weekly query against the bare one; and
 * interactions with the cases loaded.
 */
async function caseIngest(browser: Browser, appUrl: string, bareUrl: string, caseFile: string) {
  const app: number[] = [];
  const bare: number[] = [];
  const bareWeekly: number[] = [];
  /** What DuckDB's read_csv of the same bytes alone adds to the renderer (MB). */
  const bareMemory: number[] = [];
  const longest: number[] = [];
  const backlogOpen: number[] = [];
  let memory = { beforeMb: 0, peakMb: 0, afterMb: 0 };
  let backlogChanges: number[] = [];
  let dashboardChanges: number[] = [];
  for (let i = 0; i < caseRuns; i++) {
    const bareContext = await browser.newContext();
    const barePage = await bareContext.newPage();
    await barePage.goto(bareUrl);
    await barePage.waitForFunction(() => window.bareReady, undefined, { timeout: 60_000 });
    const bareBefore = rendererMemory();
    bare.push(await barePage.evaluate(() => window.bareReadCsv!('cases.csv')));
    bareMemory.push(rendererMemory().nowMb - bareBefore.nowMb);
    bareWeekly.push(await barePage.evaluate(() => window.bareWeeklyQuery!()));
    await bareContext.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    // After ready the sample's own case export is still being stored in the background (workspace.ts);
    // a user drops a file seconds later, and the bare page has no such work: the file goes in after it.
    await page.waitForFunction(() => performance.getEntriesByName('ketenmonitor:sample-stored').length > 0, undefined, { timeout: 60_000 });
    const before = rendererMemory();
    await page.evaluate(`window.longestTask = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration); }).observe({ type: 'longtask' });`);
    app.push(await untilReady(page, 'change', '[data-testid=file-input]', () => page.locator('[data-testid=file-input]').setInputFiles(caseFile)));
    longest.push((await page.evaluate('window.longestTask')) as number);
    backlogOpen.push(await untilReady(page, 'click', '[data-testid=nav-backlog]', () => page.locator('[data-testid=nav-backlog]').click()));
    await page.locator('[data-testid=panel-backlog]').waitFor({ timeout: 60_000 });
    if (i === caseRuns - 1) {
      const peak = rendererMemory();
      memory = { beforeMb: before.nowMb, peakMb: peak.peakMb, afterMb: peak.nowMb };
      backlogChanges = await backlogInteraction(page);
      // The dashboard with the sample's weekly exports added to the same (user) dataset.
      const manifest = JSON.parse(readFileSync(path.join(root, 'public/data/manifest.json'), 'utf8')) as { files: { name: string }[] };
      await page.locator('[data-testid=file-input]').setInputFiles(manifest.files.filter((f) => !f.name.includes('_zaken_')).map(({ name }) => path.join(root, 'public/data', name)));
      await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid=nav-dashboard]').click();
      await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
      dashboardChanges = await interaction(page);
    }
    await context.close();
  }
  return { app, bare, bareWeekly, bareMemory, longest, backlogOpen, memory, backlogChanges, dashboardChanges };
}

/** Long tasks on the page's thread from now on (reset each call); read with `longestTask`. */
const watchLongTasks = (page: Page) =>
  page.evaluate(`window.longestTask = 0; window.longTaskObserver?.disconnect(); window.longTaskObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration); }); window.longTaskObserver.observe({ type: 'longtask' });`);
const longestTask = (page: Page) => page.evaluate('window.longestTask') as Promise<number>;

/**
 * Opens the file list and times, in the page, from the click until the first page of rejected
 * rows is drawn. Polled with a cheap evaluate: Playwright's own locators run on the page's thread.
 */
async function openFileList(page: Page): Promise<number> {
  await page.evaluate(`(() => {
    const marks = (window.listMarks = {});
    document.addEventListener('click', (e) => {
      if (!marks.start && e.target instanceof Element && e.target.closest('[data-testid=nav-files]')) marks.start = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
      if (marks.start && document.querySelector('[data-testid=rejected-row]')) {
        marks.end = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  })()`);
  await page.locator('[data-testid=nav-files]').click();
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const took = (await page.evaluate('window.listMarks.end - window.listMarks.start')) as number;
    if (!Number.isNaN(took)) return took;
  }
  throw new Error('the file list showed no rejected row within 5 minutes');
}

/**
 * A file whose every line is rejected, dropped through the file input of a fresh page: time from
 * the drop until the status is ready (read, stored, reported), the longest main-thread task while
 * it is read and stored; then the file list opened: time until its first rejected rows are drawn,
 * and the longest task meanwhile.
 */
async function rejectedFile(browser: Browser, appUrl: string, file: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
    await watchLongTasks(page);
    const storeMs = await untilReady(page, 'change', '[data-testid=file-input]', () => page.locator('[data-testid=file-input]').setInputFiles(file));
    const storeLongestTaskMs = await longestTask(page);
    await watchLongTasks(page);
    const listMs = await openFileList(page);
    const listLongestTaskMs = await longestTask(page);
    const rejected = Number(await page.locator('[data-testid=file-item]').first().getAttribute('data-rows-rejected'));
    return { storeMs, storeLongestTaskMs, listMs, listLongestTaskMs, reportMs: storeMs + listMs, rejected };
  } finally {
    await context.close();
  }
}

/**
 * The same rows as an .xlsx workbook and as CSV, each dropped through the file input of a fresh
 * page (alternating, so both see the same noise): file chosen until read (the app's
 * `ketenmonitor:user-read` mark: bytes read and parsed in the worker, before storing) and until
 * every figure is ready; the longest main-thread task while the workbook is read and shown.
 */
async function workbookRead(browser: Browser, appUrl: string, workbookFile: string, csvFile: string) {
  const workbook: number[] = [];
  const csv: number[] = [];
  const workbookReady: number[] = [];
  const csvReady: number[] = [];
  const longest: number[] = [];
  /** The same for the CSV: a long task in both is the drawing of the figures, not the workbook's reading. */
  const longestCsv: number[] = [];
  let loaded = 0;
  for (let i = 0; i < workbookRuns; i++) {
    for (const [file, times, ready] of [
      [csvFile, csv, csvReady],
      [workbookFile, workbook, workbookReady],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(appUrl);
      await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
      await watchLongTasks(page);
      ready.push(await untilReady(page, 'change', '[data-testid=file-input]', () => page.locator('[data-testid=file-input]').setInputFiles(file)));
      times.push((await page.evaluate(`performance.getEntriesByName('ketenmonitor:user-read').at(-1).startTime - window.readyMarks.start`)) as number);
      if (file === csvFile) longestCsv.push(await longestTask(page));
      if (file === workbookFile) {
        longest.push(await longestTask(page));
        await page.locator('[data-testid=nav-files]').click();
        loaded = Number(await page.locator('[data-testid=file-item]').first().getAttribute('data-rows-loaded'));
      }
      await context.close();
    }
  }
  return { workbook, csv, workbookReady, csvReady, longest, longestCsv, loaded };
}

function sizes() {
  const assets = path.join(root, 'dist/assets');
  const files = readdirSync(assets);
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  const read = (f: string) => readFileSync(path.join(assets, f));
  const gz = (pattern: RegExp) => kb(files.filter((f) => pattern.test(f)).reduce((sum, f) => sum + gzipSync(read(f)).length, 0));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const distBytes = (dir: string): number =>
    readdirSync(dir).reduce((sum, f) => {
      const p = path.join(dir, f);
      return sum + (statSync(p).isDirectory() ? distBytes(p) : statSync(p).size);
    }, 0);
  // Initial: the JavaScript the shell (header, controls, file button) needs: the entry, the app it
  // loads at once (src/mount.tsx), and their static imports. Fetched at start but not waited for:
  // DuckDB's worker, the charts, the ingest code. Views other than the dashboard load when opened.
  const manifest = JSON.parse(readFileSync(path.join(root, 'dist/.vite/manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;
  const closure = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) if (!seen.has(key)) closure(manifest[key]?.imports ?? [], seen.add(key));
    return seen;
  };
  const initial = [...closure(['index.html', 'src/mount.tsx'])].map((key) => manifest[key].file.replace('assets/', ''));
  const gzOf = (names: string[]) => kb(names.reduce((sum, f) => sum + gzipSync(read(f)).length, 0));
  const lazyViews = /^(BacklogView|LetterView|BriefingView|FilesView)-/;
  const workers = /worker/;
  const atStart = files.filter((f) => f.endsWith('.js') && !workers.test(f) && !lazyViews.test(f));
  return {
    initialJsGzipKb: gzOf(initial),
    jsFetchedAtStartGzipKb: gzOf(atStart),
    parseWorkerGzipKb: gz(/^parse\.worker-.*\.js$/),
    duckdbWorkerGzipKb: gz(/^duckdb-browser-eh\.worker-.*\.js$/),
    wasmFiles: wasm.length,
    wasmRawKb: kb(wasm.reduce((s, f) => s + read(f).length, 0)),
    wasmGzipKb: kb(wasm.reduce((s, f) => s + gzipSync(read(f)).length, 0)),
    wasmBrotliKb: kb(wasm.reduce((s, f) => s + brotliCompressSync(read(f)).length, 0)),
    distKb: kb(distBytes(path.join(root, 'dist'))),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const step = (what: string) => console.error(`[bench] ${what}`);
  step('building the app and the bare engine page');
  await build({ root, logLevel: 'warn' });
  await build({ configFile: path.join(root, 'bench/vite.bare.config.ts') });
  const app = await serveBuild({ port: 4410 });
  const bare = await serveBuild({ configFile: BARE_CONFIG, port: 4420 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const temp = mkdtempSync(path.join(os.tmpdir(), 'ketenmonitor-bench-'));
  try {
    const appUrl = app.resolvedUrls!.local[0];
    const bareUrl = bare.resolvedUrls!.local[0];
    const results: BenchReport['results'] = { sizes: sizes() };
    if (wants('start')) {
      step(`cold start, ${runs} runs each (app ${appUrl}, bare ${bareUrl})`);
      const cold = await coldStart(browser, appUrl, bareUrl);
      step(`returning visit with the user's files stored, ${runs} runs each`);
      const returning = await returningStart(browser, appUrl, bareUrl);
      step(`${interactions} baseline changes`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
      await page.goto(appUrl);
      await page.locator('[data-testid=app-status][data-state=ready]').waitFor({ timeout: 60_000 });
      const clicks = await interaction(page).catch((error: Error) => {
        throw new Error(`${error.message}; page errors: ${pageErrors.join(' | ') || 'none'}`);
      });
      await context.close();
      step('weekly ingest');
      const ingest = await weeklyIngest(browser, appUrl);
      const bareStats = stats(cold.bare);
      const firstChart = stats(cold.app.firstChart);
      results.coldStart = {
        bareSelect1Ms: bareStats,
        appShellMs: stats(cold.app.shell),
        appFirstChartMs: firstChart,
        appReadyMs: stats(cold.app.ready),
        ratio: round(firstChart.median / bareStats.median),
        confirmedRatio: round(stats(cold.app.ready).median / bareStats.median),
        stepsMs: Object.fromEntries(Object.entries(cold.steps).map(([name, at]) => [name, Math.round(stats(at).median)] as const).sort((a, b) => a[1] - b[1])),
      };
      results.returningStart = {
        bareSelect1Ms: stats(returning.bare),
        appFirstChartMs: stats(returning.firstChart),
        appReadyMs: stats(returning.ready),
        ratio: round(stats(returning.firstChart).median / stats(returning.bare).median),
      };
      results.interactionBaselineChangeMs = stats(clicks, true);
      results.weeklyIngestMs = { ...stats(ingest), ratioToBareStart: round(stats(ingest).median / bareStats.median) };
      results.longestTaskMs = stats(cold.app.longestTask);
    }
    if (wants('cases')) {
      step(`case-level ingest of ${caseRows.toLocaleString('en')} rows, ${caseRuns} runs`);
      const caseCsv = largeCaseExport(caseRows);
      // The same bytes for both: a file the app is given, and a URL the bare page fetches.
      const caseFile = path.join(temp, 'zaken_2022-01-01.csv');
      writeFileSync(caseFile, caseCsv);
      writeFileSync(path.join(root, 'bench/dist-bare/cases.csv'), caseCsv);
      const cases = await caseIngest(browser, appUrl, bareUrl, caseFile);
      results.caseIngest = {
        rows: caseRows,
        sizeMb: round(Buffer.byteLength(caseCsv) / 2 ** 20),
        appMs: stats(cases.app),
        bareReadCsvMs: stats(cases.bare),
        ratio: round(stats(cases.app).median / stats(cases.bare).median),
        longestTaskMs: stats(cases.longest),
        backlogViewMs: stats(cases.backlogOpen),
        bareWeeklyQueryMs: stats(cases.bareWeekly),
        rendererMemoryMb: cases.memory,
        bareReadCsvMemoryMb: stats(cases.bareMemory),
        memoryRatio: round((cases.memory.afterMb - cases.memory.beforeMb) / stats(cases.bareMemory).median),
        backlogChangeMs: stats(cases.backlogChanges, true),
        dashboardChangeMs: stats(cases.dashboardChanges, true),
      };
    }
    if (wants('rejected')) {
      const weeklyCsv = allRejectedWeeklyExport(rejectedWeeklyMb);
      const weeklyFile = path.join(temp, 'gehoren_alles_fout_2022-01-03.csv');
      writeFileSync(weeklyFile, weeklyCsv);
      const weeklyLines = weeklyCsv.split('\r\n').length - 2;
      step(`all-rejected weekly export, ${weeklyLines.toLocaleString('en')} lines, ${round(Buffer.byteLength(weeklyCsv) / 2 ** 20)} MB`);
      const weekly = await rejectedFile(browser, appUrl, weeklyFile);
      if (weekly.rejected !== weeklyLines) throw new Error(`the all-rejected weekly export: ${weekly.rejected} of ${weeklyLines} lines rejected`);
      const casesFile = path.join(temp, 'zaken_alles_fout_2022-01-03.csv');
      writeFileSync(casesFile, allRejectedCaseExport(rejectedCaseRows));
      step(`all-rejected case-level export, ${rejectedCaseRows.toLocaleString('en')} rows`);
      const cases = await rejectedFile(browser, appUrl, casesFile);
      if (cases.rejected !== rejectedCaseRows) throw new Error(`the all-rejected case export: ${cases.rejected} of ${rejectedCaseRows} rows rejected`);
      results.rejected = {
        weekly: { lines: weeklyLines, sizeMb: round(Buffer.byteLength(weeklyCsv) / 2 ** 20), ...roundAll(weekly) },
        cases: { rows: rejectedCaseRows, ...roundAll(cases) },
      };
    }
    if (wants('workbook')) {
      const rows = longWeeklyRows(workbookRows);
      const workbookFile = path.join(temp, 'instroom_locaties_2022-01-03.xlsx');
      const csvFile = path.join(temp, 'instroom_locaties_2022-01-03.csv');
      writeFileSync(workbookFile, rowsAsWorkbook(rows));
      writeFileSync(csvFile, rowsAsCsv(rows));
      step(`${workbookRows.toLocaleString('en')}-row workbook against the same rows as CSV, ${workbookRuns} runs each`);
      const read = await workbookRead(browser, appUrl, workbookFile, csvFile);
      if (read.loaded !== workbookRows) throw new Error(`the workbook: ${read.loaded} of ${workbookRows} rows loaded`);
      results.workbook = {
        rows: workbookRows,
        sizeKb: Math.round(statSync(workbookFile).size / 1024),
        workbookMs: stats(read.workbook),
        csvMs: stats(read.csv),
        workbookReadyMs: stats(read.workbookReady),
        csvReadyMs: stats(read.csvReady),
        ratio: round(stats(read.workbook).median / stats(read.csv).median),
        longestTaskMs: stats(read.longest),
        csvLongestTaskMs: stats(read.longestCsv),
      };
    }

    const budgets = JSON.parse(readFileSync(path.join(import.meta.dirname, 'budgets.json'), 'utf8')) as Record<string, { max: number; what: string }>;
    const r = results;
    const actual: Record<string, number | undefined> = {
      coldStartRatio: r.coldStart?.ratio,
      returningStartRatio: r.returningStart?.ratio,
      confirmedRatio: r.coldStart?.confirmedRatio,
      caseMemoryRatio: r.caseIngest?.memoryRatio,
      interactionP95Ms: r.interactionBaselineChangeMs && round(r.interactionBaselineChangeMs.p95!),
      initialJsGzipKb: r.sizes.initialJsGzipKb,
      longestTaskMs: r.longestTaskMs && round(r.longestTaskMs.max),
      caseIngestRatio: r.caseIngest?.ratio,
      caseIngestLongestTaskMs: r.caseIngest && round(r.caseIngest.longestTaskMs.max),
      interactionWithCasesP95Ms: r.caseIngest && round(Math.max(r.caseIngest.backlogChangeMs.p95!, r.caseIngest.dashboardChangeMs.p95!)),
      rejectedWeeklyLongestTaskMs: r.rejected && Math.max(r.rejected.weekly.storeLongestTaskMs, r.rejected.weekly.listLongestTaskMs),
      rejectedCasesListLongestTaskMs: r.rejected?.cases.listLongestTaskMs,
      workbookReadRatio: r.workbook?.ratio,
      workbookLongestTaskMs: r.workbook && round(r.workbook.longestTaskMs.max),
    };
    const verdicts = Object.fromEntries(
      Object.entries(budgets)
        .filter(([name]) => actual[name] !== undefined)
        .map(([name, b]) => [name, { ...b, actual: actual[name]!, ok: actual[name]! <= b.max }]),
    );
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium: browser.version(), loadAverage: os.loadavg().map(round).join(' ') },
      runs,
      interactions,
      results,
      budgets: verdicts,
      notMeasured: Object.keys(budgets).filter((name) => actual[name] === undefined),
    };
    console.log(markdown(report));
    if (!smoke && !only) {
      writeFileSync(path.join(import.meta.dirname, 'results.json'), JSON.stringify(report, null, 2) + '\n');
      writeFileSync(path.join(import.meta.dirname, 'results.md'), markdown(report));
    }
    const broken = Object.entries(verdicts).filter(([, v]) => !v.ok);
    if (check && broken.length > 0) {
      console.error(`budgets broken: ${broken.map(([name, v]) => `${name} ${v.actual} > ${v.max}`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
    await browser.close();
    await app.close();
    await bare.close();
  }
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)])) as T;
}

interface RejectedFileResult {
  /** Drop until the status is ready, and the longest task meanwhile. */
  storeMs: number;
  storeLongestTaskMs: number;
  /** File list opened until its first rejected rows are drawn, and the longest task meanwhile. */
  listMs: number;
  listLongestTaskMs: number;
  /** Drop until the load report (the file list with its rejected rows) is shown. */
  reportMs: number;
  rejected: number;
}

interface BenchReport {
  date: string;
  machine: Record<string, unknown>;
  runs: number;
  interactions: number;
  /** The parts run (all, or those named with --only). */
  results: {
    coldStart?: { bareSelect1Ms: Stats; appShellMs: Stats; appFirstChartMs: Stats; appReadyMs: Stats; ratio: number; confirmedRatio: number; stepsMs: Record<string, number> };
    returningStart?: { bareSelect1Ms: Stats; appFirstChartMs: Stats; appReadyMs: Stats; ratio: number };
    interactionBaselineChangeMs?: Stats;
    weeklyIngestMs?: Stats & { ratioToBareStart: number };
    longestTaskMs?: Stats;
    caseIngest?: {
      rows: number;
      sizeMb: number;
      appMs: Stats;
      bareReadCsvMs: Stats;
      ratio: number;
      longestTaskMs: Stats;
      backlogViewMs: Stats;
      bareWeeklyQueryMs: Stats;
      rendererMemoryMb: { beforeMb: number; peakMb: number; afterMb: number };
      bareReadCsvMemoryMb: Stats;
      memoryRatio: number;
      backlogChangeMs: Stats;
      dashboardChangeMs: Stats;
    };
    rejected?: {
      weekly: RejectedFileResult & { lines: number; sizeMb: number };
      cases: RejectedFileResult & { rows: number };
    };
    workbook?: { rows: number; sizeKb: number; workbookMs: Stats; csvMs: Stats; workbookReadyMs: Stats; csvReadyMs: Stats; ratio: number; longestTaskMs: Stats; csvLongestTaskMs: Stats };
    sizes: ReturnType<typeof sizes>;
  };
  budgets: Record<string, { max: number; actual: number; ok: boolean; what: string }>;
  notMeasured: string[];
}

function markdown(report: BenchReport): string {
  const ms = (x: Stats) => {
    return `${Math.round(x.median)} | ${Math.round(x.min)} | ${Math.round(x.max)}${x.p95 !== undefined ? ` (p95 ${Math.round(x.p95)})` : ''}`;
  };
  const once = (x: number) => `${Math.round(x)} | | `;
  const r = report.results;
  const lines = [
    `# Benchmark results`,
    '',
    `${report.date}, ${Object.entries(report.machine).map(([k, v]) => `${k} ${v}`).join(', ')}; ${report.runs} cold starts, ${report.interactions} interactions.`,
    '',
    '| what | median ms | min | max |',
    '|---|---|---|---|',
    ...(r.coldStart && r.returningStart && r.interactionBaselineChangeMs && r.weeklyIngestMs && r.longestTaskMs
      ? [
          `| bare engine: navigation to SELECT 1 | ${ms(r.coldStart.bareSelect1Ms)} |`,
          `| app: shell visible | ${ms(r.coldStart.appShellMs)} |`,
          `| app: first chart drawn | ${ms(r.coldStart.appFirstChartMs)} |`,
          `| app: every panel ready (every figure confirmed by DuckDB) | ${ms(r.coldStart.appReadyMs)} |`,
          `| returning visit, bare engine reloaded: SELECT 1 | ${ms(r.returningStart.bareSelect1Ms)} |`,
          `| returning visit with the user's files stored: first chart drawn | ${ms(r.returningStart.appFirstChartMs)} |`,
          `| returning visit: every figure confirmed by DuckDB | ${ms(r.returningStart.appReadyMs)} |`,
          `| baseline window change, all panels redrawn | ${ms(r.interactionBaselineChangeMs)} |`,
          `| all sample exports dropped in, dashboard redrawn | ${ms(r.weeklyIngestMs)} |`,
          `| longest main-thread task during start | ${ms(r.longestTaskMs)} |`,
        ]
      : []),
    ...(r.caseIngest
      ? [
          `| case-level export (${r.caseIngest.rows.toLocaleString('en')} rows, ${r.caseIngest.sizeMb} MB): file chosen to every figure ready | ${ms(r.caseIngest.appMs)} |`,
          `| same bytes, bare DuckDB read_csv with explicit types | ${ms(r.caseIngest.bareReadCsvMs)} |`,
          `| longest main-thread task while the cases load | ${ms(r.caseIngest.longestTaskMs)} |`,
          `| backlog view opened (stock, wait, ages over every case) | ${ms(r.caseIngest.backlogViewMs)} |`,
          `| bare weekly received/decided/open query over the cases | ${ms(r.caseIngest.bareWeeklyQueryMs)} |`,
          `| with the cases loaded: backlog trailing-window change | ${ms(r.caseIngest.backlogChangeMs)} |`,
          `| with the cases loaded: dashboard baseline change | ${ms(r.caseIngest.dashboardChangeMs)} |`,
        ]
      : []),
    ...(r.rejected
      ? [
          `| weekly export with every line rejected (${r.rejected.weekly.lines.toLocaleString('en')} lines, ${r.rejected.weekly.sizeMb} MB): dropped until stored and reported | ${once(r.rejected.weekly.storeMs)} |`,
          `| its longest main-thread task while it is read and stored | ${once(r.rejected.weekly.storeLongestTaskMs)} |`,
          `| its file list opened until the first rejected lines are drawn | ${once(r.rejected.weekly.listMs)} |`,
          `| its longest main-thread task while the file list opens | ${once(r.rejected.weekly.listLongestTaskMs)} |`,
          `| case-level export with every row rejected (${r.rejected.cases.rows.toLocaleString('en')} rows): dropped until stored | ${once(r.rejected.cases.storeMs)} |`,
          `| its longest main-thread task while it is read and stored | ${once(r.rejected.cases.storeLongestTaskMs)} |`,
          `| its file list opened until the first rejected rows are drawn | ${once(r.rejected.cases.listMs)} |`,
          `| its longest main-thread task while the file list opens | ${once(r.rejected.cases.listLongestTaskMs)} |`,
        ]
      : []),
    ...(r.workbook
      ? [
          `| workbook (.xlsx, ${r.workbook.rows.toLocaleString('en')} rows, ${r.workbook.sizeKb} KB): file chosen until read in the worker | ${ms(r.workbook.workbookMs)} |`,
          `| the same rows as CSV: file chosen until read | ${ms(r.workbook.csvMs)} |`,
          `| workbook: file chosen until every figure is ready | ${ms(r.workbook.workbookReadyMs)} |`,
          `| the same rows as CSV: until every figure is ready | ${ms(r.workbook.csvReadyMs)} |`,
          `| longest main-thread task while the workbook is read and shown | ${ms(r.workbook.longestTaskMs)} |`,
          `| the same rows as CSV: longest main-thread task while read and shown | ${ms(r.workbook.csvLongestTaskMs)} |`,
        ]
      : []),
    '',
    ...(r.coldStart && r.returningStart
      ? [
          `Cold start ratio (first chart / bare SELECT 1): **${r.coldStart.ratio}x**. Returning visit ratio (first chart / bare SELECT 1, both reloaded): **${r.returningStart.ratio}x**. All figures confirmed, first visit: **${r.coldStart.confirmedRatio}x**.`,
        ]
      : []),
    ...(r.coldStart ? ['', `First visit step by step (median ms after navigation): ${Object.entries(r.coldStart.stepsMs).map(([name, ms]) => `${name} ${ms}`).join('; ')}.`] : []),
    ...(r.caseIngest
      ? [
          `Case-level ingest ratio (whole pipeline / bare read_csv): **${r.caseIngest.ratio}x**.`,
          `Renderer memory: ${r.caseIngest.rendererMemoryMb.beforeMb} MB before the cases, peak ${r.caseIngest.rendererMemoryMb.peakMb} MB, ${r.caseIngest.rendererMemoryMb.afterMb} MB after; bare read_csv adds ${Math.round(r.caseIngest.bareReadCsvMemoryMb.median)} MB (ratio **${r.caseIngest.memoryRatio}x**).`,
        ]
      : []),
    ...(r.workbook ? [`Workbook read ratio (workbook / same rows as CSV): **${r.workbook.ratio}x**.`] : []),
    '',
    '| size | KB |',
    '|---|---|',
    ...Object.entries(r.sizes).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '| budget | max | actual | |',
    '|---|---|---|---|',
    ...Object.entries(report.budgets).map(([k, b]) => `| ${k}: ${b.what} | ${b.max} | ${b.actual} | ${b.ok ? 'ok' : '**broken**'} |`),
    '',
    ...(report.notMeasured.length ? [`Not measured in this run: ${report.notMeasured.join(', ')}.`, ''] : []),
  ];
  return lines.join('\n');
}

await main();
