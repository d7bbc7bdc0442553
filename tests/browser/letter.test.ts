/**
 * From dashboard to document in the production build: a phase added through the UI, its table
 * cell and sentence against the sample generator's own series, copying as text and HTML, chart
 * and table downloads, and the briefing printed to PDF.
 */
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatIsoWeek } from '../../src/domain/isoWeek';
import { roundForLetter } from '../../src/domain/rounding';
import { generateSeries, sampleWeeks } from '../../scripts/sampleSeries';
import { chromiumForFile, upload, waitUntilReady } from './chromium';

const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);
const weekly = (metric: keyof typeof series, from: string, to: string) => series[metric].slice(weeks.indexOf(from), weeks.indexOf(to) + 1);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const withApp = chromiumForFile();

async function openLetter(page: Page) {
  await page.locator('[data-testid=nav-letter]').click();
  await waitUntilReady(page);
}

const cellFacts = (page: Page, phase: string, metric: string) =>
  page.locator(`td[data-phase="${phase}"][data-metric="${metric}"]`).evaluate((cell) => ({
    mean: Number(cell.getAttribute('data-mean')),
    rounded: Number(cell.getAttribute('data-rounded')),
    withData: Number(cell.getAttribute('data-weeks-with-data')),
    inRange: Number(cell.getAttribute('data-weeks-in-range')),
  }));

const sentence = (page: Page, phase: string, metric: string) => page.locator(`[data-testid=letter-sentence][data-phase="${phase}"][data-metric="${metric}"]`);

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: await readFile((await download.path())!) };
}

describe('phases', () => {
  it('start with the letter\'s phases and the baseline window, with the public record\'s figures', () =>
    withApp(async ({ page }) => {
      await openLetter(page);
      for (const phase of ['2019-W12/2020-W11', '2020-W12/2020-W17', '2020-W18/2020-W26', '2020-W27/2020-W37']) {
        await expect(page.locator(`td[data-phase="${phase}"][data-metric=departures_total]`).count()).resolves.toBe(1);
      }
      // About 140 before the crisis, about 80 a week in weeks 27-37 (shared/domain.md).
      expect((await cellFacts(page, '2019-W12/2020-W11', 'departures_total')).rounded).toBe(140);
      const late = await cellFacts(page, '2020-W27/2020-W37', 'departures_total');
      expect(late).toEqual({ mean: expect.closeTo(mean(weekly('departures_total', '2020-W27', '2020-W37')), 9), rounded: 80, withData: 11, inRange: 11 });
      await expect(sentence(page, '2020-W27/2020-W37', 'departures_total').locator('p').textContent()).resolves.toMatch(
        /^Van week 27 tot en met week 37 van 2020 waren er gemiddeld circa 80 aantoonbare vertrekken per week, waarvan circa \d+ gedwongen\. Dat is \d+% van het niveau van vóór de COVID-19-crisis: circa 140 per week/,
      );
      // Dublin: about 280 transfers in weeks 27-37, about 140 of them forced.
      await expect(sentence(page, '2020-W27/2020-W37', 'dublin_transfers').locator('p').textContent()).resolves.toMatch(/in totaal circa 280 Dublinoverdrachten, waarvan circa 140 gedwongen/);
    }));

  it('can be added through labelled inputs; the table and sentence follow, the evidence names the export, and the URL keeps it', () =>
    withApp(async ({ page }) => {
      await openLetter(page);
      await page.getByLabel('Naam (optioneel)').fill('Najaar');
      await page.getByLabel('Fase van week').fill('2020-W45');
      await page.getByLabel('Fase tot en met week').fill('2020-W40');
      await page.locator('[data-testid=phase-add]').click();
      await waitUntilReady(page);
      expect(new URL(page.url()).searchParams.getAll('phase')).toContain('2020-W40/2020-W45:Najaar');

      const values = weekly('hearings_tele', '2020-W40', '2020-W45');
      const facts = await cellFacts(page, '2020-W40/2020-W45', 'hearings_tele');
      expect(facts).toEqual({ mean: expect.closeTo(mean(values), 9), rounded: roundForLetter(mean(values)), withData: 6, inRange: 6 });
      const item = sentence(page, '2020-W40/2020-W45', 'hearings_tele');
      const rounded = new Intl.NumberFormat('nl-NL').format(roundForLetter(mean(values)));
      await expect(item.locator('p').textContent()).resolves.toContain(`Van week 40 tot en met week 45 van 2020 waren er gemiddeld circa ${rounded} telehoren per week.`);
      await item.locator('summary').click();
      await expect(item.locator('.evidence').textContent()).resolves.toMatch(/IND_gehoren_2022-01-10\.csv \(export 10-01-2022\)/);

      await page.reload();
      await waitUntilReady(page);
      await expect(page.locator('[data-testid=phase-item][data-phase="2020-W40/2020-W45"]').textContent()).resolves.toContain('Najaar');
    }));

  it('name a gap instead of averaging over it silently', () =>
    withApp(
      async ({ page }) => {
        // The sample starts in 2019-W01: of 2018-W50 up to 2019-W03, 3 of 6 weeks have figures.
        const facts = await cellFacts(page, '2018-W50/2019-W03', 'departures_total');
        expect(facts).toEqual({ mean: expect.closeTo(mean(weekly('departures_total', '2019-W01', '2019-W03')), 9), rounded: expect.any(Number), withData: 3, inRange: 6 });
        await expect(sentence(page, '2018-W50/2019-W03', 'departures_total').locator('p').textContent()).resolves.toContain(
          'Van 3 van de 6 weken zijn geen cijfers; het gemiddelde gaat over de 3 weken met cijfers.',
        );
      },
      '?view=letter&phase=2018-W50/2019-W03',
    ));

  it('read in English on the English interface', () =>
    withApp(async ({ page }) => {
      await expect(sentence(page, '2020-W27/2020-W37', 'departures_total').locator('p').textContent()).resolves.toMatch(
        /^From week 27 up to and including week 37 of 2020 there were on average about 80 demonstrable departures per week/,
      );
    }, '?view=letter&lang=en'));
});

describe('copying', () => {
  it('puts a sentence, and the phase table as a real table, on the clipboard as text and HTML', () =>
    withApp(async ({ page }) => {
      await openLetter(page);
      // A listener on window runs after the app's own on document: it sees what was put on the clipboard.
      await page.evaluate(`window.addEventListener('copy', (e) => { window.copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }; })`);
      const item = sentence(page, '2020-W27/2020-W37', 'departures_total');
      await item.getByRole('button', { name: /^Kopiëren: de zin over/ }).click();
      const one = (await page.evaluate('window.copied')) as { text: string; html: string };
      // A sample figure never travels without its fictional mark.
      const said = await item.locator('p').textContent();
      expect(one.text).toBe(`Fictieve voorbeelddata\n${said}`);
      expect(one.html).toBe(`<p><strong>Fictieve voorbeelddata</strong></p><p>${said}</p>`);
      await expect(item.getByRole('status').first().textContent()).resolves.toBe('Gekopieerd');

      await page.getByRole('button', { name: 'Tabel kopiëren' }).click();
      const table = (await page.evaluate('window.copied')) as { text: string; html: string };
      const [mark, ...lines] = table.text.split('\n');
      expect(mark).toBe('Fictieve voorbeelddata');
      const rows = lines.map((line) => line.split('\t'));
      const late = rows.find((r) => r[1] === 'van week 27 tot en met week 37 van 2020' && r[2] === 'Aantoonbaar vertrek')!;
      expect(late[4]).toBe('80');
      const shape = await page.evaluate(
        (html) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return { rows: doc.querySelectorAll('table tbody tr').length, header: [...doc.querySelectorAll('thead th')].map((th) => th.textContent) };
        },
        table.html,
      );
      expect(shape.rows).toBe(rows.length - 1);
      expect(shape.header).toEqual(rows[0]);
    }));
});

describe('exports', () => {
  it('give each panel a PNG at twice the size and an SVG that carry the title, period, baseline, source and fictional mark', () =>
    withApp(async ({ page }) => {
      const panel = page.locator('[data-testid=panel-departures]');
      const svg = await downloaded(page, () => panel.locator('[data-testid=download-svg]').click());
      expect(svg.download.suggestedFilename()).toMatch(/^aantoonbaar-vertrek-week-1-2019.*\.svg$/);
      const text = svg.bytes.toString('utf8');
      for (const expected of ['Aantoonbaar vertrek', 'week 1 2019 tot en met week 52 2021', 'Basis: gemiddelde van week 12 2019 tot en met week 11 2020', 'Bron: DTV_vertrek_2022-01-07.csv (export 07-01-2022)', 'Fictieve voorbeelddata']) {
        expect(text).toContain(expected);
      }
      // The baseline drawn across the chart, not only named in the legend.
      expect(text).toContain('class="baseline-mark"');
      const size = await page.evaluate(async (markup) => {
        const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
        if (doc.querySelector('parsererror')) return null;
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
        await image.decode();
        return { width: image.naturalWidth, height: image.naturalHeight };
      }, text);
      expect(size).not.toBeNull();

      const png = await downloaded(page, () => panel.locator('[data-testid=download-png]').click());
      expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(png.bytes.readUInt32BE(16)).toBe(size!.width * 2);
      expect(png.bytes.readUInt32BE(20)).toBe(size!.height * 2);
    }));

  it('give each table a CSV for Dutch Excel and a standard one that read back to the same figures, with formulas neutralised', () =>
    withApp(async ({ page }) => {
      // A user's file whose name starts like a formula: it ends up in the source column.
      const rows = weeks.slice(0, 60).map((w, i) => `${w};${series.departures_total[i]}`);
      await upload(page, [{ name: '=HYPERLINK(x).csv', text: `week;Aantoonbaar vertrek\n${rows.join('\n')}\n` }]);
      const panel = page.locator('[data-testid=panel-departures]');

      const excel = await downloaded(page, () => panel.locator('[data-testid=download-csv-excel-nl]').click());
      expect(excel.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const dutch = Papa.parse<string[]>(excel.bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
      expect(dutch[0]).toEqual(['Week', 'Periode', 'Aantoonbaar vertrek', 'Basis: Aantoonbaar vertrek', '% van basis', 'Bron']);
      const w = dutch.find((r) => r[0] === '2019-W20')!;
      expect(Number(w[2])).toBe(series.departures_total[weeks.indexOf('2019-W20')]);
      expect(w[4]).toMatch(/^\d+,\d+$/);
      expect(w[5]).toMatch(/^'=HYPERLINK\(x\)\.csv, regel \d+/);

      const standard = await downloaded(page, () => panel.locator('[data-testid=download-csv-standard]').click());
      const plain = Papa.parse<string[]>(standard.bytes.toString('utf8'), { skipEmptyLines: true }).data;
      expect(plain.length).toBe(dutch.length);
      const p = plain.find((r) => r[0] === '2019-W20')!;
      expect(Number(p[4])).toBeCloseTo(Number(w[4].replace(',', '.')), 9);
    }));

  it('give the phase table as CSV with the exact and the rounded mean', () =>
    withApp(async ({ page }) => {
      await openLetter(page);
      const csv = await downloaded(page, () => page.locator('[data-testid=phase-table-csv-excel-nl]').click());
      const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
      // The sample's fictional mark: in the file name and as a column on every row.
      expect(csv.download.suggestedFilename()).toMatch(/fictieve-voorbeelddata/i);
      expect(rows.every((r) => r.at(-1) === 'Fictieve voorbeelddata')).toBe(true);
      const late = rows.find((r) => r[1] === 'van week 27 tot en met week 37 van 2020' && r[2] === 'Aantoonbaar vertrek')!;
      expect(Number(late[3].replace(',', '.'))).toBeCloseTo(mean(weekly('departures_total', '2020-W27', '2020-W37')), 9);
      expect(late[4]).toBe('80');
      expect(late[6]).toBe('11/11');
    }));
});

describe('briefing', () => {
  it('prints to one or two A4 pages with the charts, the phase table and the sentences', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=nav-briefing]').click();
      await waitUntilReady(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.phase-table').isVisible()).resolves.toBe(true);
      await expect(page.locator('td[data-phase="2020-W27/2020-W37"][data-metric=departures_total]').getAttribute('data-rounded')).resolves.toBe('80');
      await expect(page.locator('.briefing-chart svg.recharts-surface').count()).resolves.toBeGreaterThanOrEqual(5);
      await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(2);
    }));
});
