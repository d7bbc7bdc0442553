/**
 * From figure to document in the production build: the letter's paragraphs on the sample (the
 * public letter's departures, rounded by the rule), filtering and copying them with their basis,
 * and the briefing and the letter draft as Word documents, unzipped and read back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatIsoWeek } from '../../src/domain/isoWeek';
import { generateSeries, sampleWeeks } from '../../scripts/sampleSeries';
import { chromiumForFile, waitUntilReady } from './chromium';

const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);
const mean = (metric: keyof typeof series, from: string, to: string) => {
  const values = series[metric].slice(weeks.indexOf(from), weeks.indexOf(to) + 1);
  return values.reduce((a, b) => a + b, 0) / values.length;
};
const dutch = (value: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(value);

const withApp = chromiumForFile('?view=letter');
const paragraph = (page: Page, metric: string) => page.locator(`[data-testid=letter-paragraph][data-metric=${metric}] p`);

async function downloadedDocxBytes(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-testid=export-docx]').click()]);
  // The sample's document carries the app's one fictional mark in its name too (src/export/provenance.ts).
  expect(download.suggestedFilename()).toMatch(/-fictieve-voorbeelddata\.docx$/);
  return new Uint8Array(await readFile((await download.path())!));
}

const downloadedDocx = async (page: Page) => unzipSync(await downloadedDocxBytes(page));

const run = promisify(execFile);

/**
 * The document as LibreOffice opens and lays it out (Debian's libreoffice-writer-nogui, which
 * .ci/run installs): printed to PDF, each page's size and the text as laid out (poppler-utils).
 */
async function openedInLibreOffice(docx: Uint8Array): Promise<{ pages: ('upright' | 'landscape')[]; text: string; imagesOnPage: number[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenmonitor-docx-'));
  try {
    await writeFile(path.join(dir, 'document.docx'), docx);
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'document.docx')], { timeout: 120_000 }).catch((error: Error) => {
      throw new Error(`LibreOffice could not print the document (is libreoffice-writer-nogui installed? bash .ci/run installs it): ${error.message}`);
    });
    const pdf = path.join(dir, 'document.pdf');
    const info = (await run('pdfinfo', ['-f', '1', '-l', '999', pdf])).stdout;
    const pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m): 'upright' | 'landscape' => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'upright'));
    // pdfimages lists one image per line under two header lines: page, number, type (a PNG's alpha is an "smask" of its own).
    const imagesOnPage = pages.map(() => 0);
    for (const line of (await run('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2)) {
      const [page, , type] = line.trim().split(/\s+/);
      if (type === 'image') imagesOnPage[Number(page) - 1]++;
    }
    return { pages, text: (await run('pdftotext', ['-layout', pdf, '-'])).stdout, imagesOnPage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of document.xml's paragraphs and table cells, as Word would show it. */
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

/**
 * What Word and LibreOffice need to open a document without repair, checked with the browser's
 * own XML parser: every XML part well-formed, every table row with as many cells (counting
 * merged ones) as its grid has columns, every relationship's target and every image reference
 * there, and a content type for each part. (LibreOffice opening it: openedInLibreOffice.)
 */
async function expectSoundDocx(page: Page, files: Record<string, Uint8Array>): Promise<void> {
  const parts = Object.fromEntries(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const names = Object.keys(files);
  const report = await page.evaluate(
    ({ parts, names }) => {
      const parse = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
      const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
      const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
      const malformed = Object.entries(parts).filter(([, text]) => parse(text).getElementsByTagName('parsererror').length > 0).map(([name]) => name);
      const doc = parse(parts['word/document.xml']);
      const rows = [...doc.getElementsByTagNameNS(W, 'tbl')].flatMap((table, t) => {
        const grid = table.getElementsByTagNameNS(W, 'gridCol').length;
        return [...table.children].filter((el) => el.localName === 'tr').map((tr, r) => {
          const cells = [...tr.children].filter((el) => el.localName === 'tc');
          const spans = cells.reduce((sum, tc) => sum + Number(tc.getElementsByTagNameNS(W, 'gridSpan')[0]?.getAttributeNS(W, 'val') ?? 1), 0);
          return { table: t, row: r, grid, spans };
        });
      });
      const rels = parse(parts['word/_rels/document.xml.rels']);
      const targets = new Map([...rels.getElementsByTagName('Relationship')].map((rel) => [rel.getAttribute('Id')!, { target: rel.getAttribute('Target')!, external: rel.getAttribute('TargetMode') === 'External' }]));
      const missingTargets = [...targets.values()].filter((r) => !r.external && !names.includes(`word/${r.target.replace(/^\.\//, '')}`) && !names.includes(r.target.replace(/^\//, ''))).map((r) => r.target);
      const embeds = [...doc.getElementsByTagName('*')].flatMap((el) => [el.getAttributeNS(R, 'embed'), el.getAttributeNS(R, 'id')].filter((id): id is string => !!id));
      const missingEmbeds = embeds.filter((id) => !targets.has(id));
      const types = parse(parts['[Content_Types].xml']);
      const defaults = [...types.getElementsByTagName('Default')].map((d) => d.getAttribute('Extension')!.toLowerCase());
      const overrides = [...types.getElementsByTagName('Override')].map((o) => o.getAttribute('PartName')!.replace(/^\//, ''));
      const untyped = names.filter((name) => !name.endsWith('/') && !overrides.includes(name) && !defaults.includes(name.split('.').pop()!.toLowerCase()));
      return { malformed, rows, missingTargets, missingEmbeds, embeds: embeds.length, untyped, tables: doc.getElementsByTagNameNS(W, 'tbl').length };
    },
    { parts, names },
  );
  expect(report.malformed).toEqual([]);
  expect(report.tables).toBeGreaterThan(0);
  expect(report.rows.filter((r) => r.spans !== r.grid)).toEqual([]);
  expect(report.missingTargets).toEqual([]);
  expect(report.missingEmbeds).toEqual([]);
  expect(report.untyped).toEqual([]);
}

describe('the letter\'s paragraphs', () => {
  it('say the departures through the phases as the public letter does, rounded by the rule, with the pre-COVID level once at the end', () =>
    withApp(async ({ page }) => {
      // The sample's exact means read 40, 20, 80 and 140, as in the letter of 5 October 2020.
      expect([mean('departures_total', '2020-W12', '2020-W17'), mean('departures_total', '2020-W18', '2020-W26'), mean('departures_total', '2020-W27', '2020-W37')].map(Math.round)).toEqual([40, 19, 80]);
      await expect(paragraph(page, 'departures_total').textContent()).resolves.toBe(
        'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken, van week 18 tot en met week 26 van 2020 circa 20 en van week 27 tot en met week 37 van 2020 circa 80. ' +
          'In de weken vóór de COVID-19-crisis vertrokken nog gemiddeld circa 140 vreemdelingen per week aantoonbaar.',
      );
      // One paragraph per figure of the phase table, none with a decimal after "circa".
      const metrics = await page.locator('[data-testid=letter-paragraph]').evaluateAll((els) => els.map((el) => el.getAttribute('data-metric')));
      const tableMetrics = await page.locator('td[data-phase="2020-W12/2020-W17"][data-metric]').evaluateAll((els) => els.map((el) => el.getAttribute('data-metric')));
      expect(new Set(metrics).size).toBe(metrics.length);
      expect([...metrics].sort()).toEqual([...tableMetrics].sort());
      for (const text of await page.locator('[data-testid=letter-paragraph] p').allTextContents()) expect(text).not.toMatch(/(circa|minder dan) \d+(\.\d{3})*,\d/);
    }));

  it('follow a running total as the letter does, from the week\'s Monday, with its forced part', () =>
    withApp(async ({ page }) => {
      await expect(paragraph(page, 'dublin_transfers').textContent()).resolves.toContain(
        'Vanaf week 27 van 2020 (maandag 29 juni 2020) tot en met week 37 van 2020 zijn circa 280 Dublinoverdrachten uitgevoerd, waarvan circa 140 gedwongen.',
      );
    }, '?view=letter&to=2020-W37'));

  it('are filtered by figure, take the forced part and percentages as options, and copy with their basis', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=figure-filter]').selectOption('departures_total');
      await expect(page.locator('[data-testid=letter-paragraph]').count()).resolves.toBe(1);
      const sentenceMetrics = await page.locator('[data-testid=letter-sentence]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-metric')))]);
      expect(sentenceMetrics).toEqual(['departures_total']);

      await page.locator('[data-testid=paragraph-forced]').check();
      await page.locator('[data-testid=paragraph-percentages]').check();
      const text = (await paragraph(page, 'departures_total').textContent())!;
      expect(text).toContain('circa 40 vreemdelingen per week aantoonbaar vertrokken, waarvan circa 15 gedwongen; van week 18 tot en met week 26 van 2020 circa 20, waarvan circa 5 gedwongen;');
      expect(text).toMatch(/ Dat is respectievelijk \d+%, \d+% en \d+% van het niveau van vóór de COVID-19-crisis\. /);

      await page.evaluate(`window.addEventListener('copy', (e) => { window.copied = { text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') }; })`);
      await page.getByRole('button', { name: 'Kopieer met onderbouwing: de alinea over Aantoonbaar vertrek' }).click();
      const copied = (await page.evaluate('window.copied')) as { text: string; html: string };
      const [copiedParagraph, note] = copied.text.split('\n\n');
      // A sample paragraph travels with the app's fictional mark, as every copy does.
      expect(copiedParagraph).toBe(`Fictieve voorbeelddata\n${text}`);
      // The exact figures in Dutch notation, the weeks and the export with its date.
      expect(note).toMatch(/^Onderbouwing \(exacte cijfers, Ketenmonitor\): /);
      expect(note).toContain(`Fase 1, week 12–17 2020: gemiddeld ${dutch(mean('departures_total', '2020-W12', '2020-W17'))} per week`);
      expect(note).toContain(`Basisperiode, week 12 2019 – 11 2020: gemiddeld ${dutch(mean('departures_total', '2019-W12', '2020-W11'))} per week`);
      expect(note).toContain(`Vertrek, waarvan gedwongen: `);
      expect(note).toContain('Exports: DTV_vertrek_2022-01-07.csv (export 07-01-2022)');
      expect(copied.html).toContain('<p style="font-size:8pt">Onderbouwing');
    }));
});

describe('Word', () => {
  it('writes the letter draft as .docx: the phase table as a Word table, the paragraphs, the sources with their dates', () =>
    withApp(async ({ page }) => {
      const expected = (await paragraph(page, 'departures_total').textContent())!;
      const files = await downloadedDocx(page);
      const xml = strFromU8(files['word/document.xml']);
      const texts = paragraphsOf(xml);
      expect(texts).toContain('Cijfers voor de Kamerbrief (concept)');
      expect(texts).toContain('Fictieve voorbeelddata');
      expect(texts).toContain(expected);
      // A real table: the row of departures in weeks 27-37, with its exact and rounded mean.
      const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((r) => paragraphsOf(r[0]));
      const late = rows.find((r) => r[1] === 'van week 27 tot en met week 37 van 2020' && r[2] === 'Aantoonbaar vertrek')!;
      expect(late[3]).toBe(dutch(mean('departures_total', '2020-W27', '2020-W37')));
      expect(late[4]).toBe('80');
      expect(texts).toContain('DTV_vertrek_2022-01-07.csv (export 07-01-2022)');
      // A4 in twentieths of a point.
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      await expectSoundDocx(page, files);
    }));

  it('writes the briefing as .docx with the charts as print-resolution images, the compact table and the paragraphs', () =>
    withApp(async ({ page }) => {
      await waitUntilReady(page);
      await page.locator('.briefing-chart svg.recharts-surface').first().waitFor();
      const files = await downloadedDocx(page);
      const xml = strFromU8(files['word/document.xml']);
      const texts = paragraphsOf(xml);
      expect(texts).toContain('Briefing migratieketen');
      expect(texts).toContain('Fictieve voorbeelddata');
      expect(texts.some((t) => t.startsWith('Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken'))).toBe(true);
      const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((r) => paragraphsOf(r[0]));
      const departures = rows.find((r) => r[0] === 'Aantoonbaar vertrek')!;
      expect(departures[1]).toBe('140');
      expect(departures[4]).toMatch(/^80 \(\d+%\)$/);
      const images = Object.keys(files).filter((name) => /^word\/media\/.*\.png$/.test(name));
      expect(images.length).toBeGreaterThanOrEqual(5);
      expect((xml.match(/<w:drawing>/g) ?? []).length).toBe(images.length);
      // 16 cm at 300 dpi: at least 1890 pixels wide.
      const png = Buffer.from(files[images[0]]);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1890);
      await expectSoundDocx(page, files);
      // The docx code is fetched only when asked for.
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /docx-.*\.js$/.test(n)));
      expect(scripts.length).toBe(1);
    }, '?view=briefing'));

  it('opens in LibreOffice: the wide phase table on landscape pages of its own, its words whole, the paragraphs on upright pages', () =>
    withApp(async ({ page }) => {
      const expected = (await paragraph(page, 'departures_total').textContent())!;
      const { pages, text } = await openedInLibreOffice(await downloadedDocxBytes(page));
      // Title upright, the table sideways (repeating its header on each page), the paragraphs and sources upright.
      expect(pages[0]).toBe('upright');
      expect(pages.filter((p) => p === 'landscape').length).toBeGreaterThanOrEqual(1);
      expect(pages.at(-1)).toBe('upright');
      expect(pages.join(' ')).toMatch(/^(upright )+(landscape )+upright( upright)*$/);
      // Every phase row names its phase whole: no column so narrow that "Basisperiode" breaks.
      const lines = text.split('\n');
      expect(lines.filter((l) => /\bBasisperiode\b/.test(l)).length).toBeGreaterThanOrEqual(10);
      expect(lines.filter((l) => /\b(Basisperio|Gemiddel)\s*$/.test(l) || /^\s*(de|d)\b/.test(l))).toEqual([]);
      expect(text.replace(/\s+/g, ' ')).toContain(expected.replace(/\s+/g, ' '));
    }), 180_000);

  it('opens the briefing in LibreOffice with a chart on its first page, under the title, and two charts to a page after it', () =>
    withApp(async ({ page }) => {
      await waitUntilReady(page);
      await page.locator('.briefing-chart svg.recharts-surface').first().waitFor();
      const files = await downloadedDocx(page);
      const charts = Object.keys(files).filter((name) => /^word\/media\/.*\.png$/.test(name)).length;
      const { text, imagesOnPage } = await openedInLibreOffice(await downloadedDocxBytes(page));
      expect(text.split('\f')[0]).toContain('Briefing migratieketen');
      expect(imagesOnPage[0]).toBeGreaterThanOrEqual(1);
      expect(imagesOnPage.reduce((a, b) => a + b, 0)).toBe(charts);
      // Every chart after the first page shares its page with another: none a page to itself.
      const chartPages = imagesOnPage.slice(1).filter((n) => n > 0);
      expect(chartPages.filter((n) => n < 2).length).toBeLessThanOrEqual(1);
    }, '?view=briefing'), 180_000);

  it('does not load the docx code before a document is asked for', () =>
    withApp(async ({ page }) => {
      await page.locator('[data-testid=export-docx]').waitFor();
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /docx-.*\.js$/.test(n)));
      expect(scripts).toEqual([]);
    }));
});
