/**
 * "Openbare cijfers" in the production build: the real public figures as a third dataset, each
 * cell at its grain (data-period, data-grain) with the value of public-figures.csv, its flag and
 * its source link; gaps as gaps; weekly and monthly figures never on one axis; no fictional mark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, fileItems, seriousViolations, waitUntilReady } from './chromium';

const withApp = chromiumForFile();

const dir = path.resolve(__dirname, '../../public/data/public');
const csv = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.csv'))!), 'utf8');
const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const published = (metric: string, periodType: string) => rows.filter((r) => r.metric === metric && r.period_type === periodType && !r.period.includes('/'));

async function openPublic(page: Page) {
  await page.locator('[data-testid=show-public]').click();
  await page.locator('[data-testid=dataset-banner][data-dataset=public]').waitFor();
  await page.locator('[data-testid=period-section]').waitFor({ timeout: 30_000 });
  await waitUntilReady(page);
}

interface Cell {
  period: string;
  grain: string;
  value: string | null;
  flag: string | null;
  text: string;
  sourceHref: string | null;
}

const cells = (page: Page, metric: string, grain: string) =>
  page.$$eval(
    `td[data-metric="${metric}"][data-grain="${grain}"]`,
    (tds) =>
      tds.map((td) => ({
        period: td.getAttribute('data-period')!,
        grain: td.getAttribute('data-grain')!,
        value: td.getAttribute('data-value'),
        flag: td.getAttribute('data-flag'),
        text: td.textContent ?? '',
        sourceHref: td.closest('tr')?.querySelector('a[data-testid=period-source]')?.getAttribute('href') ?? null,
      })) as Cell[],
  );

describe('Openbare cijfers', () => {
  it('shows every published month, quarter and year with its value and source link, gaps as gaps', () =>
    withApp(async ({ page }) => {
      await openPublic(page);
      // Real figures: no fictional mark anywhere.
      expect(await page.locator('[data-testid=sample-notice]').count()).toBe(0);
      expect(await page.locator('[data-testid=public-notice]').count()).toBe(1);
      for (const grain of ['month', 'quarter', 'year']) {
        const shown = await cells(page, 'custom_cbs_first_asylum_requests', grain);
        const expected = published('cbs_first_asylum_requests', grain);
        expect(expected.length).toBeGreaterThan(3);
        for (const row of expected) {
          const cell = shown.find((c) => c.period === row.period);
          expect(cell, `${grain} ${row.period}`).toBeDefined();
          expect(Number(cell!.value), `${grain} ${row.period}`).toBe(Number(row.value));
          expect(cell!.sourceHref, `${row.period} source`).toBe(/https?:\/\/\S+/.exec(row.source_url_or_repo_path)![0].replace(/[),.;]+$/, ''));
        }
        // Every cell with a value is a published figure: nothing computed in between.
        expect(shown.filter((c) => c.value !== null).length).toBe(expected.length);
      }
      // May 2020 was not published: a gap, no value, said in words.
      const may = (await cells(page, 'custom_cbs_first_asylum_requests', 'month')).find((c) => c.period === '2020-05')!;
      expect(may.value).toBeNull();
      expect(may.text).toContain('geen cijfer');
      // The year total stands apart from its months: 2019's months add up to something else than 22540 would be drawn as.
      const year2019 = (await cells(page, 'custom_cbs_first_asylum_requests', 'year')).find((c) => c.period === '2019')!;
      expect(year2019.value).toBe('22540');
    }));

  it('maps IND first applications onto the catalogue metric and marks provisional figures', () =>
    withApp(async ({ page }) => {
      await openPublic(page);
      const ind = await cells(page, 'asylum_first', 'month');
      for (const row of published('ind_first_applications', 'month')) expect(Number(ind.find((c) => c.period === row.period)?.value), row.period).toBe(Number(row.value));
      const provisional = await cells(page, 'custom_cbs_first_asylum_requests_provisional', 'quarter');
      const q2 = provisional.find((c) => c.period === '2020-Q2')!;
      expect(q2).toMatchObject({ value: '1265', flag: 'provisional' });
      const flagText = await page.locator('td[data-metric=custom_cbs_first_asylum_requests_provisional][data-period="2020-Q2"]').locator('xpath=..').locator('.flag').textContent();
      expect(flagText).toBe('voorlopig');
      // The tooltip says it too.
      const chart = page.locator('[data-testid=period-chart][data-metric=custom_cbs_first_asylum_requests_provisional][data-grain=quarter]');
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('.recharts-bar-rectangle').first().hover();
      const tooltip = chart.locator('[data-testid=period-tooltip]');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toMatch(/^2e kwartaal 2020.*1\.265 · voorlopig$/);
    }));

  it('never draws weekly and monthly figures on one axis', () =>
    withApp(async ({ page }) => {
      await openPublic(page);
      // The weekly series (J&V, rounded) is a weekly panel of its own; the periods have charts of their own grain.
      const charts = await page.$$eval('[data-testid=period-chart]', (els) => els.map((el) => ({ grain: el.getAttribute('data-grain'), weekCells: el.closest('.grain-block')?.querySelectorAll('[data-week]').length ?? 0 })));
      expect(charts.length).toBeGreaterThan(3);
      for (const chart of charts) {
        expect(['month', 'quarter', 'year']).toContain(chart.grain);
        expect(chart.weekCells).toBe(0);
      }
      // Each grain block holds one grain only, labelled with it.
      const blocks = await page.$$eval('[data-testid=grain-block]', (els) =>
        els.map((el) => ({ grain: el.getAttribute('data-grain'), grains: [...new Set([...el.querySelectorAll('[data-grain]')].map((c) => c.getAttribute('data-grain')))], heading: el.querySelector('h3')?.textContent })),
      );
      for (const block of blocks) {
        expect(block.grains).toEqual([block.grain]);
        expect(block.heading).toBe({ month: 'Per maand', quarter: 'Per kwartaal', year: 'Per jaar' }[block.grain!]);
      }
      // No weekly panel holds a period cell.
      expect(await page.locator('.panel:not(.period-panel) [data-period]').count()).toBe(0);
      // The public figures' page is as accessible as the rest.
      expect(await seriousViolations(page)).toEqual([]);
    }));

  it('writes months in Dutch, and in English after the toggle', () =>
    withApp(async ({ page }) => {
      await openPublic(page);
      const row = page.locator('td[data-metric=custom_cbs_first_asylum_requests][data-period="2020-03"]').locator('xpath=..').locator('th');
      expect(await row.textContent()).toBe('maart 2020');
      const sentence = await page.locator('[data-testid=grain-block][data-metric=custom_cbs_first_asylum_requests][data-grain=month] [data-testid=period-sentence]').first().textContent();
      expect(sentence).toContain('Van maart tot en met april 2020 waren er gemiddeld 650 eerste asielverzoeken (CBS) per maand.');
      await page.getByRole('button', { name: /English/i }).click();
      expect(await row.textContent()).toBe('March 2020');
    }));

  it('accounts for every line of the file in the load report: ranges, unclear periods and percentages skipped', () =>
    withApp(async ({ page }) => {
      await openPublic(page);
      const grainOf: Record<string, RegExp> = { week: /^\d{4}-W\d{2}$/, month: /^\d{4}-\d{2}$/, quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ };
      const skipped = rows.filter((r) => r.period.includes('/') || !grainOf[r.period_type]?.test(r.period) || r.unit.startsWith('percent')).length;
      const [item] = await fileItems(page);
      expect(item).toMatchObject({ name: expect.stringMatching(/^openbare-cijfers_/), loaded: rows.length - skipped, rejected: 0, skipped });
    }));
});
