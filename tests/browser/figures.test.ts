/**
 * Every figure means what it says, in the production build: the official asylum inflow, derived
 * cells that say which component is missing, shares over a phase as ratios of sums, partial weeks
 * marked and left out, and statuses that name the baseline in use.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSeries, sampleWeeks } from '../../scripts/sampleSeries';
import { formatIsoWeek } from '../../src/domain/isoWeek';
import { chromiumForFile, tableCells, upload, waitUntilReady } from './chromium';

const withApp = chromiumForFile();
const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);
const at = (metric: keyof typeof series, week: string) => series[metric][weeks.indexOf(week)];
const between = (metric: keyof typeof series, from: string, to: string) => series[metric].slice(weeks.indexOf(from), weeks.indexOf(to) + 1);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function openTable(page: Page, panel: string) {
  const section = page.locator(`[data-testid="panel-${panel}"]`);
  const toggle = section.locator('[data-testid=show-table]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await waitUntilReady(page);
  return section;
}

describe('the sample', () => {
  it('gives the asylum inflow as first + follow-up applications + arrived family members, in the table and the phase table', () =>
    withApp(async ({ page }) => {
      const cells = await tableCells(page, 'inflow', 'inflow_total');
      const w30 = cells.find((c) => c.week === '2020-W30')!;
      expect(Number(w30.value)).toBe(at('asylum_first', '2020-W30') + at('asylum_followup', '2020-W30') + at('nareis_arrivals', '2020-W30'));
      await page.locator('[data-testid=nav-letter]').click();
      await waitUntilReady(page);
      const mean = Number(await page.locator('td[data-phase="2020-W27/2020-W37"][data-metric=inflow_total]').getAttribute('data-mean'));
      const total = sum(['asylum_first', 'asylum_followup', 'nareis_arrivals'].flatMap((m) => between(m as keyof typeof series, '2020-W27', '2020-W37')));
      expect(mean).toBeCloseTo(total / 11, 9);
    }));

  it('gives the video share of a phase as all video hearings over all hearings', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=nav-letter]').click();
      await waitUntilReady(page);
      const mean = Number(await page.locator('td[data-phase="2020-W18/2020-W26"][data-metric=hearings_video_share]').getAttribute('data-mean'));
      const tele = sum(between('hearings_tele', '2020-W18', '2020-W26'));
      const all = tele + sum(between('hearings_physical', '2020-W18', '2020-W26'));
      expect(mean).toBeCloseTo((100 * tele) / all, 9);
    }));

  it('gives a stock one baseline everywhere: the briefing\'s table shows the level at the end of the window', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=nav-briefing]').click();
      await waitUntilReady(page);
      const cell = page.locator('td[data-phase="2019-W12/2020-W11"][data-metric=nareis_open]');
      await expect(cell.getAttribute('data-mean')).resolves.toBe(String(at('nareis_open', '2020-W11')));
    }));

  it('names the pre-COVID level only for a window before the crisis', () =>
    withApp(async ({ page }) => {
      await expect(page.locator('[data-testid=panel-departures] [data-testid=baseline-status]').textContent()).resolves.toMatch(/pre-COVID-niveau/);
    }));

  it('names the window or the reference year otherwise', async () => {
    await withApp(async ({ page }) => {
      const status = await page.locator('[data-testid=panel-departures] [data-testid=baseline-status]').textContent();
      expect(status).not.toMatch(/pre-COVID/);
      expect(status).toMatch(/niveau van week 27 2020 t\/m week 37 2020/);
    }, '?bfrom=2020-W27&bto=2020-W37');
    await withApp(async ({ page }) => {
      const status = await page.locator('[data-testid=panel-departures] [data-testid=baseline-status]').textContent();
      expect(status).not.toMatch(/pre-COVID/);
      expect(status).toMatch(/t\.o\.v\. dezelfde week in 2019/);
    }, '?method=seasonal&ref=2019');
  });
});

describe('the fictional mark', () => {
  it('travels with every table downloaded from the sample, and not with your own data', async () => {
    await withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-hearings]');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid=download-csv-standard]').click()]);
      expect(download.suggestedFilename()).toMatch(/fictieve-voorbeelddata/i);
      const text = await readFile((await download.path())!, 'utf8');
      expect(text.split('\r\n').filter(Boolean).every((line) => line.endsWith(',Fictieve voorbeelddata'))).toBe(true);
    });
    await withApp(async ({ page }) => {
      await upload(page, [{ name: 'vertrek_2021-01-11.csv', text: 'week;Aantoonbaar vertrek\n2021-W01;80\n' }]);
      const panel = page.locator('[data-testid=panel-departures]');
      const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid=download-csv-standard]').click()]);
      expect(download.suggestedFilename()).not.toMatch(/fictie/i);
      expect(await readFile((await download.path())!, 'utf8')).not.toMatch(/Fictieve/);
    });
  });
});

describe('the Dublin running total', () => {
  it('starts on the Monday of the chosen day\'s week and says so, in the chart, the table and the letter', () =>
    withApp(async ({ page }) => {
      const section = page.locator('[data-testid=panel-dublin]');
      await expect(section.locator('.legend').textContent()).resolves.toContain('Opgeteld vanaf week 27 2020, maandag 29 juni');
      await openTable(page, 'dublin');
      await expect(section.locator('.weekly-table thead').textContent()).resolves.toContain('Opgeteld vanaf week 27 2020, maandag 29 juni');
      await page.locator('[data-testid=nav-letter]').click();
      await waitUntilReady(page);
      const totals = await page.locator('section[aria-label="Lopende totalen"]').textContent();
      expect(totals).toContain('29 juni 2020');
      expect(totals).not.toContain('1 juli');
    }, '?cumfrom=2020-07-01'));
});

describe('your own exports', () => {
  it('with only video hearings, give no share and no total, and say which part is missing', () =>
    withApp(async ({ page }) => {
      await upload(page, [{ name: 'telehoren_2020-06-01.csv', text: 'week;Telehoren\n2020-W18;40\n2020-W19;50\n2020-W20;45\n' }]);
      const section = await openTable(page, 'hearings');
      const share = section.locator('td[data-metric=hearings_video_share][data-week="2020-W19"]');
      await expect(share.getAttribute('data-value')).resolves.toBeNull();
      await expect(share.textContent()).resolves.toContain('Fysieke gehoren ontbreekt');
      await expect(section.locator('td[data-metric=hearings_total][data-week="2020-W19"]').getAttribute('data-value')).resolves.toBeNull();
      await expect(section.locator('td[data-metric=hearings_tele][data-week="2020-W19"]').getAttribute('data-value')).resolves.toBe('50');
    }));

  it('mark a week that ends after the export date as partial, and leave it out of the latest week and the status', () =>
    withApp(async ({ page }) => {
      // Exported on Wednesday 25 March 2020: week 13 runs to Sunday 29 March.
      await upload(page, [{ name: 'vertrek_2020-03-25.csv', text: 'week;Aantoonbaar vertrek\n2020-W10;100\n2020-W11;120\n2020-W12;140\n2020-W13;10\n' }]);
      const section = await openTable(page, 'departures');
      const partial = section.locator('td[data-metric=departures_total][data-week="2020-W13"]');
      await expect(partial.getAttribute('data-partial')).resolves.toBe('true');
      await expect(partial.getAttribute('data-value')).resolves.toBe('10');
      await expect(section.locator('td[data-metric=departures_total][data-week="2020-W12"]').getAttribute('data-partial')).resolves.toBeNull();
      await expect(section.locator('tr:has(td[data-metric=departures_total][data-week="2020-W13"]) th').textContent()).resolves.toContain('onvolledig');
      await expect(section.locator('.panel-stats tbody tr').first().textContent()).resolves.toContain('week 12 2020');
      await expect(section.locator('[data-testid=baseline-status]').textContent()).resolves.toMatch(/week 13 2020 is onvolledig/);
    }));

  it('take a newer case-level export of the same scope as a snapshot that replaces the earlier one, shown and changeable in the file list', () =>
    withApp(async ({ page }) => {
      await upload(page, [
        { name: 'open_zaken_zuid_2021-01-10.csv', text: 'zaak;ontvangen;besluit\nA;2020-11-02;\nB;2020-12-01;\n' },
        { name: 'open_zaken_zuid_2021-02-10.csv', text: 'zaak;ontvangen;besluit\nB;2020-12-01;\nC;2021-02-01;\n' },
      ]);
      const openNow = async () => {
        await page.locator('[data-testid=nav-backlog]').click();
        await waitUntilReady(page);
        return Number(await page.locator('[data-testid=backlog-open]').getAttribute('data-value'));
      };
      // A was decided between the two snapshots: the newer one no longer lists it, so it is not open.
      expect(await openNow()).toBe(2);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const older = page.locator('[data-testid=file-item][data-name="open_zaken_zuid_2021-01-10.csv"] [data-testid=case-scope]');
      const newer = page.locator('[data-testid=file-item][data-name="open_zaken_zuid_2021-02-10.csv"] [data-testid=case-scope]');
      await expect(older.textContent()).resolves.toContain('Vervangen door de nieuwere export open_zaken_zuid_2021-02-10.csv');
      await expect(newer.textContent()).resolves.toContain('vervangt eerdere export');
      // The user says the January file is another region: it adds its cases again.
      await older.locator('select').selectOption({ label: 'eigen bereik (voegt regio toe)' });
      await waitUntilReady(page);
      await expect(older.textContent()).resolves.toContain('Voegt regio toe');
      expect(await openNow()).toBe(3);
    }));
});
