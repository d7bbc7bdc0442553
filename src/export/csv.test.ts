import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv';

const rows = [
  ['Week', 'Aantal', 'Bron'],
  ['2020-W27', 12.5, 'export; versie 2.csv'],
  ['2020-W28', -3, '=HYPERLINK("x","klik")'],
  ['2020-W29', null, 'regel "1"\nen 2'],
];

describe('toCsv', () => {
  it('writes Dutch Excel CSV: BOM, semicolons, decimal comma, quoted text with separators', () => {
    const csv = toCsv(rows, 'excel-nl');
    expect(csv.startsWith('\uFEFFWeek;Aantal;Bron\r\n2020-W27;12,5;"export; versie 2.csv"\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[2]).toEqual(['2020-W28', '-3', '\'=HYPERLINK("x","klik")']);
    expect(parsed[3]).toEqual(['2020-W29', '', 'regel "1"\nen 2']);
  });

  it('writes standard CSV without BOM, with a decimal point, and reads back to the same cells', () => {
    const csv = toCsv(rows, 'standard');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed[1]).toEqual(['2020-W27', '12.5', 'export; versie 2.csv']);
    expect(parsed).toHaveLength(4);
  });

  it('writes negative and decimal numbers as numbers in both dialects, and neutralises only text', () => {
    const cells = [[-3.5, '-3.5', 0, '']];
    expect(toCsv(cells, 'excel-nl')).toBe("\uFEFF-3,5;'-3.5;0;\r\n");
    expect(toCsv(cells, 'standard')).toBe("-3.5,'-3.5,0,\r\n");
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it('leaves other text alone', () => {
    expect(neutraliseFormula('week 27')).toBe('week 27');
    expect(neutraliseFormula('')).toBe('');
  });
});
