import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportDocument, type DocxReport } from './docx';

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
});
