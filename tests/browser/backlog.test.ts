/**
 * The backlog in the production build: the sample's case-level export against the generator's
 * own cases (open stock, ages), the weekly exports' reconciliation against the generator's
 * corrections, the inverse solver, and a million-case export loaded through the whole pipeline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekMonday, isoWeekOfDate, parseIsoWeekLabel } from '../../src/domain/isoWeek';
import { largeCaseExport, regionCases } from '../../scripts/caseExports';
import { generateSeries, sampleWeeks, STOCK_CORRECTIONS } from '../../scripts/sampleSeries';
import { chromiumForFile, fileItems, waitUntilReady } from './chromium';

const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);

const withApp = chromiumForFile();

/** The backlog table's cells of `metric`, by ISO week. */
async function backlogCells(page: Page, metric: string): Promise<Map<string, number | null>> {
  const panel = page.locator('[data-testid=panel-backlog]');
  const toggle = panel.locator('[data-testid=show-table]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await waitUntilReady(page);
  const cells = await panel.locator(`td[data-metric="${metric}"]`).evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-week')!, td.getAttribute('data-value')!]));
  return new Map(cells.map(([week, value]) => [week, value === '' ? null : Number(value)]));
}

/** The Sunday ending an ISO week, as a local date (the generator's cases are local dates). */
function localSunday(week: string): Date {
  const [y, m, d] = isoWeekMonday(parseIsoWeekLabel(week)!).split('-').map(Number);
  return new Date(y, m - 1, d + 6);
}

/** Whole calendar months from `received` to `day`, as the app defines a case's age. */
function ageInMonths(received: Date, day: Date): number {
  let months = (day.getFullYear() - received.getFullYear()) * 12 + day.getMonth() - received.getMonth();
  const anniversary = new Date(received.getFullYear(), received.getMonth() + months, 1);
  anniversary.setDate(Math.min(received.getDate(), new Date(anniversary.getFullYear(), anniversary.getMonth() + 1, 0).getDate()));
  if (anniversary > day) months--;
  return months;
}

describe('backlog from the sample\'s case-level export', () => {
  it('counts the open cases and their ages at the end of a week as the generator made them, across 2020-W53', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=panel-backlog]').getAttribute('data-source')).resolves.toBe('cases');
      const sunday = new Date(2021, 0, 3); // 2020-W53 ends on Sunday 3 January 2021
      const open = regionCases(series).filter((c) => c.received <= sunday && (c.decided === null || c.decided > sunday));
      expect((await backlogCells(page, 'open_implied')).get('2020-W53')).toBe(open.length);
      const ages = open.map((c) => ageInMonths(c.received, sunday));
      expect((await backlogCells(page, 'open_age_0_3')).get('2020-W53')).toBe(ages.filter((a) => a < 3).length);
      expect((await backlogCells(page, 'open_age_9_plus')).get('2020-W53')).toBe(ages.filter((a) => a >= 9).length);
      expect((await backlogCells(page, 'open_past_term')).get('2020-W53')).toBe(ages.filter((a) => a >= 6).length);
      // The projection continues after the last week with data.
      const projection = await backlogCells(page, 'projection_open');
      expect([...projection.entries()].filter(([, v]) => v !== null).length).toBe(26);
      expect(projection.get('2022-W01')).not.toBeNull();
      expect(projection.get('2021-W52')).toBeNull();
    }, '?view=backlog&bsource=cases'));

  it('solves for the decisions per week to reach a target, and answers more for a lower target', () =>
    withApp(async ({ page }) => {
      const required = page.locator('[data-testid=required-decisions-per-week]');
      const atDefault = Number(await required.getAttribute('data-value'));
      expect(atDefault).toBeGreaterThan(0);
      await page.locator('[data-testid=target-open]').fill('0');
      await waitUntilReady(page);
      await expect.poll(async () => Number(await required.getAttribute('data-value'))).toBeGreaterThan(atDefault);
      await page.locator('[data-testid=target-date]').fill('2021-01-01');
      await waitUntilReady(page);
      // A date before the latest week has no answer, and says so.
      await expect(required.getAttribute('data-value')).resolves.toBe('');
      expect(new URL(page.url()).searchParams.get('target')).toBe('0');
    }, '?view=backlog&bsource=cases'));

  it('says its scope in the title and starts where its stock is complete, with the cases open at its start, and says so', () =>
    withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-backlog]');
      await expect(panel.locator('#backlog-title').textContent()).resolves.toBe('Voorraad regio Zuid, uit de export per zaak');
      // The export holds the cases open at its start (received up to four months before) but none decided before it:
      // its stock is complete from its first decision, not during the ramp of the receipts before.
      const cases = regionCases(series);
      const decidedFirst = cases.filter((c) => c.decided).reduce((a, c) => (c.decided! < a ? c.decided! : a), new Date(8.64e15));
      const firstWeek = formatIsoWeek(isoWeekOfDate(`${decidedFirst.getFullYear()}-${String(decidedFirst.getMonth() + 1).padStart(2, '0')}-${String(decidedFirst.getDate()).padStart(2, '0')}`));
      const receivedFirst = cases.reduce((a, c) => (c.received < a ? c.received : a), new Date(8.64e15));
      expect(receivedFirst < decidedFirst).toBe(true);
      const note = page.locator('[data-testid=backlog-complete-from]');
      await expect(note.getAttribute('data-week')).resolves.toBe(firstWeek);
      await expect(note.textContent()).resolves.toContain(`vanaf week ${Number(firstWeek.slice(6))} ${firstWeek.slice(0, 4)} compleet`);
      const open = await backlogCells(page, 'open_implied');
      expect([...open.keys()][0]).toBe(firstWeek);
      const sunday = new Date(localSunday(firstWeek));
      expect(open.get(firstWeek)).toBe(cases.filter((c) => c.received <= sunday && (c.decided === null || c.decided > sunday)).length);
      expect(open.get(firstWeek)).toBeGreaterThan(0);
    }, '?view=backlog&bsource=cases'));
});

describe('the backlog\'s source', () => {
  it('is the national weekly series when the data has both, and the title says so', () =>
    withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-backlog]');
      await expect(panel.getAttribute('data-source')).resolves.toBe('weekly');
      await expect(page.locator('[data-testid=backlog-source]').inputValue()).resolves.toBe('weekly');
      await expect(panel.locator('#backlog-title').textContent()).resolves.toBe('Voorraad openstaande nareisaanvragen, landelijk');
      await expect(page.locator('[data-testid=backlog-complete-from]').count()).resolves.toBe(0);
    }, '?view=backlog'));
});

describe('backlog from the weekly exports', () => {
  it('reconciles the reported stock with its flows and finds the generator\'s corrections', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=backlog-mode]').getAttribute('data-mode')).resolves.toBe('reconciled');
      const reported = await backlogCells(page, 'open_reported');
      expect(reported.get('2020-W40')).toBe(series.nareis_open[weeks.indexOf('2020-W40')]);
      const difference = await backlogCells(page, 'open_difference');
      const corrected = [...difference.entries()].filter(([, v]) => v !== null && v !== 0);
      expect(Object.fromEntries(corrected)).toEqual(STOCK_CORRECTIONS);
      const wait = await backlogCells(page, 'wait_weeks_estimate');
      const decisions = series.nareis_decisions.slice(weeks.indexOf('2021-W45'), weeks.indexOf('2021-W52') + 1);
      expect(wait.get('2021-W52')).toBeCloseTo(series.nareis_open[weeks.indexOf('2021-W52')] / (decisions.reduce((a, b) => a + b, 0) / 8), 6);
    }, '?view=backlog'));
});

describe('a million cases', () => {
  it('load through DuckDB\'s CSV reader, every row accounted for, and the backlog follows', async () => {
    const text = largeCaseExport(1_000_000);
    // A directory of its own: two test runs on one machine must not share (and delete) each other's file.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ketenmonitor-')), 'zaken_2022-01-01.csv');
    writeFileSync(file, text);
    // Exported on Saturday 1 January 2022: its week (2021-W52) is partial, so the latest week is 2021-W51, ending Sunday 26 December.
    const openAtEnd = text
      .split('\n')
      .slice(1, -1)
      .map((line) => line.split(','))
      .filter(([, received, decided]) => received <= '2021-12-26' && (decided === '' || decided > '2021-12-26')).length;
    try {
      await withApp(async ({ page }) => {
        // Playwright refuses buffers over 50 MB: the file goes by path.
        await page.locator('[data-testid=file-input]').setInputFiles(file);
        await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
        await waitUntilReady(page, 180_000);
        const [report] = await fileItems(page);
        expect(report).toMatchObject({ name: 'zaken_2022-01-01.csv', loaded: 1_000_000, rejected: 0, skipped: 0 });
        await page.locator('[data-testid=nav-backlog]').click();
        await waitUntilReady(page, 60_000);
        await expect(page.locator('[data-testid=panel-backlog]').getAttribute('data-source')).resolves.toBe('cases');
        expect(Number(await page.locator('[data-testid=backlog-open]').getAttribute('data-value'))).toBe(openAtEnd);
      });
    } finally {
      rmSync(path.dirname(file), { recursive: true });
    }
  }, 300_000);
});
