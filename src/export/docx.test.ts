import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chartPlacement, columnWidths, needsLandscape, reportDocument, type DocxReport } from './docx';

// A 1x1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const report: DocxReport = {
  lang: 'nl',
  title: 'Briefing migratieketen',
  lines: ['Opgesteld op 30-11-2026 met Ketenmonitor.'],
  fictional: 'Fictieve voorbeelddata',
  chartsTitle: 'Grafieken',
  charts: [{ png: PNG, width: 400, height: 200, description: 'Aantoonbaar vertrek, week 1 2019 tot en met week 52 2021' }],
  table: { caption: 'Fasetabel', header: ['Cijfer', 'Fase 1'], rows: [['Aantoonbaar vertrek', '40 (28%)']], numeric: [false, true], note: 'Gemiddeld per week' },
  paragraphsTitle: "Alinea's",
  paragraphs: [{ heading: 'Aantoonbaar vertrek', text: 'Van week 12 tot en met week 17 van 2020 zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken.' }],
  sourcesTitle: 'Bronnen',
  sources: ['DTV_vertrek_2022-01-07.csv (export 07-01-2022)'],
};

describe('reportDocument', () => {
  it('writes A4 pages, a real table, the paragraphs as text and the chart as an inline image 16 cm wide', async () => {
    const files = unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(report))));
    const xml = strFromU8(files['word/document.xml']);
    // A4: 210 x 297 mm in twentieths of a point; 20 mm margins.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:t xml:space="preserve">40 (28%)</w:t>');
    expect(xml).toContain('zijn gemiddeld circa 40 vreemdelingen per week aantoonbaar vertrokken.');
    expect(xml).toContain('DTV_vertrek_2022-01-07.csv (export 07-01-2022)');
    // 16 cm in EMU (360,000 per cm), height in proportion.
    expect(xml).toMatch(/<wp:extent cx="576\d{4}" cy="288\d{4}"\/>/);
    expect(xml).toContain('descr="Aantoonbaar vertrek, week 1 2019 tot en met week 52 2021"');
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  });

  it('places a tall chart image at most 11 cm high, narrower, its proportions kept', () => {
    const mm = (px: number) => (px * 25.4) / 96;
    expect(mm(chartPlacement({ width: 400, height: 200 }).width)).toBeCloseTo(160, 0);
    // A narrow panel's image with its title, legend and events below: 720 x 900 pixels.
    const tall = chartPlacement({ width: 720, height: 900 });
    expect(mm(tall.height)).toBeCloseTo(110, 0);
    expect(mm(tall.width)).toBeCloseTo(88, 0);
  });
});

describe('the table layout', () => {
  const phaseTable = {
    header: ['Fase', 'Weken', 'Cijfer', 'Gemiddeld per week (exact)', 'Gemiddeld per week (circa)', 'Totaal (exact)', 'Weken met cijfers', 'Basis', '% van basis'],
    rows: [
      ['Basisperiode', 'van week 12 van 2019 tot en met week 11 van 2020', 'Eerste asielaanvragen', '431,21', '430', '22.423', '52/52', '431,21', '100%'],
      ['Fase 3', 'van week 27 tot en met week 37 van 2020', 'Dublinoverdrachten, waarvan gedwongen', '3.443,73', '3.400', '–', '11/11', '2.339', '147,2%'],
    ],
  };
  const compact = { header: ['Cijfer', 'Basisperiode', 'Fase 1'], rows: [['Totale asielinstroom', '570', '110 (19%)']] };
  /** 8.5 pt: 170 twips to the em; a bold header's character 0.66 em, a cell's 0.6 em; 80 twips margin each side. */
  const wordNeed = (column: string[]) => Math.max(...column.flatMap((c, row) => c.split(/\s+/).map((w) => w.length * (row === 0 ? 0.66 : 0.6) * 170 + 160)));

  it('fills the text width and keeps every column as wide as its longest word', () => {
    for (const [table, total] of [[phaseTable, 14570], [compact, 9638]] as const) {
      const widths = columnWidths(table, total);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
      table.header.forEach((h, i) => expect(widths[i]).toBeGreaterThanOrEqual(Math.floor(wordNeed([h, ...table.rows.map((r) => r[i])]))));
    }
  });

  it('gives the long phrases the room: the weeks column wider than a column of short figures', () => {
    const widths = columnWidths(phaseTable, 14570);
    expect(widths[1]).toBeGreaterThan(widths[4]);
    expect(widths[2]).toBeGreaterThan(widths[8]);
  });

  it('puts a table too wide for an upright page on a landscape section of its own', async () => {
    expect(needsLandscape(phaseTable)).toBe(true);
    expect(needsLandscape(compact)).toBe(false);
    const wide = { ...report, table: { ...report.table, ...phaseTable, numeric: phaseTable.header.map((_, i) => i >= 3) } };
    const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(wide))))['word/document.xml']);
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes).toHaveLength(3);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(sizes[2]).toMatch(/w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });
});
