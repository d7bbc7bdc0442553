/**
 * Input formats end to end in the production build: Excel workbooks written by SheetJS as Excel
 * stores them, chosen through the file input, read in the parse worker, with sheet and row as
 * provenance in the load report and the revision history; reports with the weeks across the
 * columns; months read as months, never as weeks.
 */
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForFile, tableCells, waitUntilReady } from './chromium';


const withApp = chromiumForFile();

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const date = (iso: string): XLSX.CellObject => ({
  t: 'n',
  v: (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000,
  z: 'dd-mm-yyyy',
});

function workbook(rows: (string | number | XLSX.CellObject | null)[][]): Buffer {
  const wb = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  XLSX.utils.book_append_sheet(wb, sheet, 'Blad1');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Toelichting bij de cijfers']]), 'Toelichting');
  return Buffer.from(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function choose(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  await page.locator('[data-testid=file-input]').setInputFiles(files.map((f) => ({ ...f, mimeType: XLSX_TYPE })));
  await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
  await waitUntilReady(page, 60_000);
}

const first = workbook([
  ['IND gehoren per week', null, null],
  [null, null, null],
  ['Week', 'Gehoren fysiek', 'Telehoren'],
  [date('2020-06-29'), 412, 238],
  [date('2020-07-08'), '1.004', { t: 'n', f: 'C4+3', v: 241 }],
  [date('2020-07-13'), 398, { t: 'n', f: 'C5+1' }],
  ['Totaal', 1814, 479],
]);

describe('Excel workbooks', () => {
  it('loads the figures of a real-format workbook and reports every row by sheet and row', () =>
    withApp(async ({ page }) => {
      expect(await page.locator('[data-testid=file-input]').getAttribute('accept')).toContain('.xlsx');
      await choose(page, [{ name: 'gehoren_2020-09-14.xlsx', buffer: first }]);
      expect(await tableCells(page, 'hearings', 'hearings_physical')).toEqual([
        { week: '2020-W27', metric: 'hearings_physical', value: '412', revised: false },
        { week: '2020-W28', metric: 'hearings_physical', value: '1004', revised: false },
      ]);
      expect((await tableCells(page, 'hearings', 'hearings_tele')).map((c) => [c.week, c.value])).toEqual([
        ['2020-W27', '238'],
        ['2020-W28', '241'],
      ]);

      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const item = page.locator('[data-testid=file-item][data-name="gehoren_2020-09-14.xlsx"]');
      await expect(item.getAttribute('data-rows-loaded')).resolves.toBe('2');
      const sheets = await item.locator('[data-testid=file-sheet]').evaluateAll((els) =>
        els.map((el) => ['sheet', 'rows-loaded', 'rows-rejected', 'rows-skipped'].map((a) => el.getAttribute(`data-${a}`))),
      );
      expect(sheets).toEqual([
        ['Blad1', '2', '1', '3'],
        ['Toelichting', '0', '0', '1'],
      ]);
      const rejected = item.locator('[data-testid=rejected-row]');
      await expect(rejected.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-sheet'), r.getAttribute('data-line'), r.getAttribute('data-reason')]))).resolves.toEqual([
        ['Blad1', '6', 'values_invalid'],
      ]);
      const text = await rejected.first().textContent();
      expect(text).toContain('Blad1, rij 6');
      expect(text).toContain('formule zonder berekende waarde');
    }));

  it('names sheet and row in the revision history', () =>
    withApp(async ({ page }) => {
      const newer = workbook([['Gehoren'], [], ['Week', 'Telehoren'], ['2020-W28', 250]]);
      await choose(page, [
        { name: 'gehoren_2020-09-14.xlsx', buffer: first },
        { name: 'gehoren_2020-09-21.xlsx', buffer: newer },
      ]);
      const card = page.locator('[data-testid=panel-hearings]');
      await tableCells(page, 'hearings', 'hearings_tele');
      await card.locator('td[data-metric=hearings_tele][data-revised=true] button').click();
      await waitUntilReady(page);
      await expect(card.locator('.history li').allTextContents()).resolves.toEqual([
        expect.stringMatching(/^250: gehoren_2020-09-21\.xlsx, Blad1, rij 4 .*geldt/),
        expect.stringMatching(/^241: gehoren_2020-09-14\.xlsx, Blad1, rij 5/),
      ]);
    }));

  it('refuses a password-protected workbook with a clear message and keeps what was loaded', () =>
    withApp(async ({ page }) => {
      await choose(page, [{ name: 'gehoren_2020-09-14.xlsx', buffer: first }]);
      const cfb = XLSX.CFB.utils.cfb_new();
      XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(64));
      XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096));
      await choose(page, [{ name: 'beveiligd.xlsx', buffer: Buffer.from(XLSX.CFB.write(cfb, { type: 'array' }) as number[]) }]);
      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const item = page.locator('[data-testid=file-item][data-name="beveiligd.xlsx"]');
      await expect(item.getAttribute('data-problem')).resolves.toBe('workbook_encrypted');
      await expect(item.locator('.problem').textContent()).resolves.toContain('wachtwoord');
      expect((await tableCells(page, 'hearings', 'hearings_physical')).map((c) => c.value)).toEqual(['412', '1004']);
    }));
});

describe('report layouts', () => {
  const report = {
    name: 'weekrapportage_2020-09-14.csv',
    text: [
      'Weekrapportage asielketen',
      'Reeks;Week 27 (29-06 t/m 05-07-2020);wk28-2020;2020 wk 29',
      'Eerste asielaanvragen;412;1.004;398',
      'Opvolgende aanvragen;38;veel;41',
      'Totaal;450;1.004;439',
    ].join('\r\n'),
  };
  const months = { name: 'maandcijfers_2021-01-11.csv', text: 'Periode;Eerste asielaanvragen\r\n2020-11;1200\r\n2020-12;1300\r\ndec 2020;1300\r\n2021-01;310\r\n2021-02;5\r\n' };

  it('reads a report with the weeks across the columns, and months as months, never as weeks', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=file-input]').setInputFiles(
        [report, months].map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })),
      );
      await page.locator('[data-testid=app-status]:not([data-state=ready])').waitFor({ timeout: 5_000 }).catch(() => undefined);
      await waitUntilReady(page);
      expect((await tableCells(page, 'inflow', 'asylum_first')).map((c) => [c.week, c.value])).toEqual([
        ['2020-W27', '412'],
        ['2020-W28', '1004'],
        ['2020-W29', '398'],
      ]);
      // No week cell anywhere for 2020-W12, which "2020-12" would have been read as.
      await expect(page.locator('td[data-week="2020-W12"]').count()).resolves.toBe(0);

      await page.locator('[data-testid=nav-files]').click();
      await waitUntilReady(page);
      const rows = async (name: string) =>
        page
          .locator(`[data-testid=file-item][data-name="${name}"] [data-testid=rejected-row]`)
          .evaluateAll((els) => els.map((el) => [el.getAttribute('data-line'), el.getAttribute('data-reason'), el.textContent]));
      expect(await rows(report.name)).toEqual([['4', 'values_invalid', expect.stringContaining('wk28-2020')]]);
      // February 2021 had not begun on the export date, 11 January 2021.
      expect(await rows(months.name)).toEqual([['6', 'period_after_export', expect.stringContaining('februari 2021 begint na de exportdatum 11-01-2021')]]);
      const monthly = page.locator(`[data-testid=file-item][data-name="${months.name}"]`);
      // 2020-11, 2020-12 and January so far loaded as months; "dec 2020" repeats 2020-12 with the same figure.
      await expect(monthly.getAttribute('data-rows-loaded')).resolves.toBe('3');
      await expect(monthly.getAttribute('data-rows-skipped')).resolves.toBe('1');
      const item = page.locator(`[data-testid=file-item][data-name="${report.name}"]`);
      await expect(item.getAttribute('data-rows-skipped')).resolves.toBe('2');
      await expect(item.locator('.file-facts').textContent()).resolves.toContain('weken als kolommen');

      // January 2021 had not ended at the export: shown, marked partial; December is whole.
      await page.locator('[data-testid=nav-dashboard]').click();
      await waitUntilReady(page);
      const month = (period: string) => page.locator(`td[data-period="${period}"][data-grain=month][data-metric=asylum_first]`);
      await expect(month('2021-01').getAttribute('data-partial')).resolves.toBe('true');
      await expect(month('2021-01').getAttribute('data-value')).resolves.toBe('310');
      await expect(month('2020-12').getAttribute('data-partial')).resolves.toBeNull();
    }));
});
