/**
 * The public statistics formats end to end in the production build (issue 12): a CBS StatLine
 * CSV, a Eurostat TSV, a Eurostat SDMX-CSV and a monthly workbook written by SheetJS, chosen
 * through the file input and read in the parse worker; the load report accounts for every line,
 * names the rejected ones and the other countries' rows skipped on purpose.
 */
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, waitUntilReady } from './chromium';
import { CBS_LONG, CBS_TABLE, EUROSTAT_TSV, MONTHS_ACROSS_CSV, SDMX_CSV, utf8Bom } from '../support/publicFormats';

const withApp = chromiumForFile();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const monthStart = (iso: string): XLSX.CellObject => ({
  t: 'n',
  v: (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000,
  z: 'mmm yyyy',
});

/** A monthly workbook as a policy officer keeps one: a title, months stored as dates shown as "mrt 2020", a year total, symbols. */
function monthlyWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Asielinstroom per maand (IND)', null, null],
    ['Maand', 'Eerste asielaanvragen', 'Ingereisde nareizigers'],
    [monthStart('2020-02'), 1515, 470],
    [monthStart('2020-03'), 1025, 125],
    ['2020 april*', 275, '.'],
    ['2020', 13673, 3863],
    ['2020 mei', 'veel', 51],
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  XLSX.utils.book_append_sheet(wb, sheet, 'Maanden');
  return Buffer.from(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const files = [
  { name: '83102NED_2017-10-15.csv', mimeType: 'text/csv', buffer: Buffer.from(CBS_LONG) },
  { name: '83102NED_tabelindeling_2020-05-01.csv', mimeType: 'text/csv', buffer: Buffer.from(utf8Bom(CBS_TABLE)) },
  { name: 'migr_asyappctzm_2020-06-01.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(EUROSTAT_TSV) },
  { name: 'migr_asyappctzm_sdmx_2022-11-11.csv', mimeType: 'text/csv', buffer: Buffer.from(SDMX_CSV) },
  { name: 'maandcijfers_2021-01-11.xlsx', mimeType: XLSX_TYPE, buffer: monthlyWorkbook() },
];

async function dropAll(page: Page): Promise<void> {
  await page.locator('[data-testid=file-input]').setInputFiles(files);
  await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
  await waitUntilReady(page, 60_000);
}

type Report = { loaded: string | null; rejected: string | null; skipped: string | null; rows: (string | null)[][] };

async function report(page: Page, name: string): Promise<Report> {
  const item = page.locator(`[data-testid=file-item][data-name="${name}"]`);
  return {
    loaded: await item.getAttribute('data-rows-loaded'),
    rejected: await item.getAttribute('data-rows-rejected'),
    skipped: await item.getAttribute('data-rows-skipped'),
    rows: await item.locator('[data-testid=rejected-row]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-sheet'), el.getAttribute('data-line'), el.getAttribute('data-reason')])),
  };
}

describe('public statistics formats: the load report', () => {
  it('accounts for every line of a StatLine CSV, a Eurostat TSV and SDMX-CSV and a monthly workbook', () =>
    withApp(async ({ page }) => {
      await dropAll(page);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);

      // CBS long layout: 19 rows loaded (months, the year total, symbols), "veel" rejected, title line and © footer skipped.
      expect(await report(page, files[0].name)).toEqual({ loaded: '19', rejected: '1', skipped: '2', rows: [[null, '22', 'values_invalid']] });
      await expect(page.locator(`[data-testid=file-item][data-name="${files[0].name}"] .file-facts`).textContent()).resolves.toContain('CBS StatLine');

      // Tabelindeling: 4 series rows, one rejected for "veel", title, units row and "Bron: CBS" skipped.
      expect(await report(page, files[1].name)).toEqual({ loaded: '3', rejected: '1', skipped: '3', rows: [[null, '6', 'values_invalid']] });

      // Eurostat TSV: the three Netherlands rows; Belgium and the EU total skipped on purpose, naming the country.
      expect(await report(page, files[2].name)).toEqual({ loaded: '3', rejected: '0', skipped: '2', rows: [] });
      const tsvItem = page.locator(`[data-testid=file-item][data-name="${files[2].name}"]`);
      await expect(tsvItem.textContent()).resolves.toMatch(/Cijfers van BE, niet van NL/);
      await expect(tsvItem.locator('.file-facts').textContent()).resolves.toContain('Eurostat TSV');

      // SDMX-CSV: three Netherlands observations (one suppressed), Austria skipped, the impossible month 2021-13 rejected.
      expect(await report(page, files[3].name)).toEqual({ loaded: '3', rejected: '1', skipped: '1', rows: [[null, '6', 'week_invalid']] });
      await expect(page.locator(`[data-testid=file-item][data-name="${files[3].name}"]`).textContent()).resolves.toMatch(/Cijfers van AT, niet van NL/);

      // The workbook: sheet and row as provenance.
      expect(await report(page, files[4].name)).toEqual({ loaded: '4', rejected: '1', skipped: '1', rows: [['Maanden', '7', 'values_invalid']] });
      const sheets = await page
        .locator(`[data-testid=file-item][data-name="${files[4].name}"] [data-testid=file-sheet]`)
        .evaluateAll((els) => els.map((el) => ['sheet', 'rows-loaded', 'rows-rejected', 'rows-skipped'].map((a) => el.getAttribute(`data-${a}`))));
      expect(sheets).toEqual([['Maanden', '4', '1', '1']]);
      // Its period column is named for what it holds (the 2020 total is a year), not as a week column.
      const periodColumn = page.locator(`[data-testid=file-item][data-name="${files[4].name}"] tr[data-column-role=week]`);
      await expect(periodColumn.textContent()).resolves.toContain('periode: maanden en jaren');

      // No month was taken for a week: no weekly cell for 2020-W12 ("2020-03"), none for the week of 1 March.
      await page.locator('[data-testid=nav-dashboard]').click();
      await waitUntilReady(page);
      await expect(page.locator('td[data-week="2020-W12"], td[data-week="2020-W09"]').count()).resolves.toBe(0);
    }), 120_000);
});

describe('public statistics formats: months across the columns', () => {
  it('names the layout by the months it holds, never as weeks', () =>
    withApp(async ({ page }) => {
      const name = 'migr_asyappctzm_2016-01-15.csv';
      await page.locator('[data-testid=file-input]').setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(MONTHS_ACROSS_CSV) }]);
      await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitUntilReady(page, 60_000);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      // The Netherlands row read, Austria and Belgium skipped on purpose.
      expect(await report(page, name)).toEqual({ loaded: '1', rejected: '0', skipped: '2', rows: [] });
      const facts = page.locator(`[data-testid=file-item][data-name="${name}"] .file-facts`);
      await expect(facts.textContent()).resolves.toContain('maanden als kolommen');
      await expect(facts.textContent()).resolves.not.toContain('weken');
    }), 60_000);
});

/**
 * The figures in the table views: cells of monthly, quarterly and yearly series carry data-period,
 * data-grain, data-value and data-flag.
 */
describe('public statistics formats: the country read', () => {
  it('reads the Netherlands rows by default, and another country when the user chooses it, across a reload', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=file-input]').setInputFiles([files[2]]);
      await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitUntilReady(page, 60_000);
      await page.locator('[data-testid=nav-files]').click();
      const country = page.locator('[data-testid=file-country]');
      await expect(country.getAttribute('data-country')).resolves.toBe('NL');
      await expect(country.textContent()).resolves.toContain('Nederland (NL)');
      const options = await country.locator('[data-testid=file-country-select] option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
      expect(options).toEqual(['BE', 'NL', 'EU27_2020']);

      await country.locator('[data-testid=file-country-select]').selectOption('BE');
      await page.locator('[data-testid=file-country][data-country=BE]').waitFor({ timeout: 30_000 });
      await waitUntilReady(page, 60_000);
      // Belgium's one row loaded; the three Netherlands rows and the EU total now skipped on purpose.
      expect(await report(page, files[2].name)).toEqual({ loaded: '1', rejected: '0', skipped: '4', rows: [] });
      await expect(page.locator('[data-testid=file-item]').count()).resolves.toBe(1);

      await page.reload();
      await waitUntilReady(page, 60_000);
      await page.locator('[data-testid=nav-files]').click();
      await page.locator('[data-testid=file-country][data-country=BE]').waitFor({ timeout: 30_000 });
      expect(await report(page, files[2].name)).toEqual({ loaded: '1', rejected: '0', skipped: '4', rows: [] });
    }), 120_000);
});

describe('monthly figures in the letter and the briefing', () => {
  it('writes a paragraph per monthly series, in months, where weekly figures would be', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=file-input]').setInputFiles([files[4]]);
      await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitUntilReady(page, 60_000);
      for (const view of ['letter', 'briefing']) {
        await page.locator(`[data-testid=nav-${view}]`).click();
        const paragraph = page.locator('[data-testid=period-paragraph][data-metric=asylum_first]');
        await paragraph.waitFor({ timeout: 30_000 });
        // March 1025 and April 275* (provisional): 650 a month; the baseline has only February 2020 (1515).
        const text = (await paragraph.locator('p').textContent()) ?? '';
        expect(text).toContain('Van maart tot en met april 2020 waren er gemiddeld 650');
        expect(text).toContain('per maand');
        expect(text).toContain('43% van het niveau van vóór de COVID-19-crisis: circa 1.500 per maand');
        expect(text).toContain('alleen de 1 van de 12 maanden met cijfers');
        expect(text).toContain('De cijfers zijn deels voorlopig.');
        expect(text).not.toMatch(/week/);
        // The page says what the sentences' months stand for.
        await expect(page.locator('[data-testid=period-phases-note]').textContent()).resolves.toContain('maart 2020 telt helemaal mee');
        await expect(page.getByText('Nog geen cijfers geladen.').count()).resolves.toBe(0);
      }
    }), 120_000);
});

describe('public statistics formats: the figures', () => {
  type Cell = { metric: string | null; period: string | null; grain: string | null; value: string | null; flag: string | null; dimensions: string | null };
  const cells = (page: Page) =>
    page.locator('td[data-period]').evaluateAll((els) =>
      els.map((el) => ({
        metric: el.getAttribute('data-metric'),
        period: el.getAttribute('data-period'),
        grain: el.getAttribute('data-grain'),
        value: el.getAttribute('data-value'),
        flag: el.getAttribute('data-flag'),
        dimensions: el.getAttribute('data-dimensions'),
      })),
    ) as Promise<Cell[]>;

  it('shows each figure at its grain, with its flag, a split series with its dimension values', () =>
    withApp(async ({ page }) => {
      await dropAll(page);
      await page.locator('[data-testid=nav-dashboard]').click();
      await waitUntilReady(page);
      // The period panels show their tables at once; a weekly panel, if any, opens its table.
      const toggle = page.getByRole('button', { name: /tabel/i });
      if ((await toggle.count()) > 0) await toggle.first().click();
      const all = await cells(page);
      const find = (metric: string, period: string) => all.filter((c) => c.metric === metric && c.period === period);

      // The workbook's months, its year total at its own grain, CBS's provisional mark.
      expect(find('asylum_first', '2020-02')).toContainEqual(expect.objectContaining({ grain: 'month', value: '1515' }));
      expect(find('asylum_first', '2020')).toContainEqual(expect.objectContaining({ grain: 'year', value: '13673' }));
      expect(find('asylum_first', '2020-04')).toContainEqual(expect.objectContaining({ grain: 'month', value: '275', flag: 'provisional' }));
      // The tabelindeling: a provisional quarter; a series split by nationality and gender.
      expect(find('asylum_first', '2020-Q1')).toContainEqual(expect.objectContaining({ grain: 'quarter', value: '4510', flag: 'provisional' }));
      // A series split by nationality and gender: its panel shows the combination picked.
      const picker = page.locator('[data-testid=dimension-picker]').filter({ has: page.locator('option', { hasText: 'Syrisch · Mannen' }) });
      await picker.selectOption({ label: 'Syrisch · Mannen' });
      expect(await cells(page)).toContainEqual(expect.objectContaining({ period: '2019-12', value: '400', dimensions: 'Syrisch · Mannen' }));
      // Eurostat: the Netherlands' provisional March, never Belgium's figures.
      expect(find('custom_migr_asyappctzm', '2020-03')).toContainEqual(expect.objectContaining({ grain: 'month', value: '1025', flag: 'p' }));
      expect(all.some((c) => c.value === '200' && c.period === '2020-01')).toBe(false);
      // SDMX-CSV: the flagged December.
      expect(find('custom_estat_migr_asyappctzm_1_0', '2021-12')).toContainEqual(expect.objectContaining({ grain: 'month', value: '2565', flag: 'p' }));
    }), 120_000);
});
