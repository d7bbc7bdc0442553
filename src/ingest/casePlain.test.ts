/** Which case-level files DuckDB may read from their own bytes, and which need the line-by-line reader. */
import { describe, expect, it } from 'vitest';
import { readCaseExport, sniffCaseLayout } from './caseExport';
import { scanPlainCaseFile } from './casePlain';

const HEADER = 'zaak;ontvangen;besluit;nationaliteit';
const scan = (text: string | Uint8Array) => {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const layout = sniffCaseLayout(bytes);
  if (!layout) throw new Error('not a case export');
  return scanPlainCaseFile(bytes, layout);
};

describe('the plain pre-scan', () => {
  it('takes UTF-8 with one line-ending style, quotes closed on their line and ISO dates', () => {
    expect(scan(`${HEADER}\nZ1;2020-03-15;;Syrië\nZ2;2020-03-16;2020-04-01;"Eritrea; ""Noord"""\n`)).toMatchObject({ newLine: '\n', dataLines: 2, encoding: 'utf-8', headerStart: 0 });
    expect(scan(`\uFEFF${HEADER}\r\nZ1;2020-03-15;NULL;\r\nZ2;2020-03-16\r\n`)).toMatchObject({ newLine: '\r\n', dataLines: 2, encoding: 'utf-8-bom', headerStart: 3 });
    // A title line before the header: reported by the worker, DuckDB starts at the header.
    const titled = scan(`Zaken per 1 juni\n${HEADER}\nZ1;2020-03-15;;\n`);
    expect(titled).toMatchObject({ headerStart: 17, dataLines: 2, preHeader: [{ line: 1, text: 'Zaken per 1 juni' }] });
    expect(scan(`${HEADER}\nZ1;2020-03-15;;\nZ2;1920-03-15;;\nZ3;2020-03-16;;\n`)!.usualYears).toEqual({ from: 1995, to: 2045 });
  });

  it.each([
    ['mixed line endings', `${HEADER}\r\nZ1;2020-03-15;;\nZ2;2020-03-16;;\r\n`],
    ['a lone CR', `${HEADER}\rZ1;2020-03-15;;\r`],
    ['a quoted line break', `${HEADER}\nZ1;2020-03-15;;"Syrië\nnoord"\n`],
    ['an unclosed quote', `${HEADER}\nZ1;2020-03-15;;"Syrië\nZ2;2020-03-16;;\n`],
    ['text after a closing quote', `${HEADER}\nZ1;2020-03-15;;"Syrië" noord\n`],
    ['a quote inside a field', `${HEADER}\nZ1;2020-03-15;;O"Brien\n`],
    ['an empty line', `${HEADER}\nZ1;2020-03-15;;\n\nZ2;2020-03-16;;\n`],
    ['more fields than the header', `${HEADER}\nZ1;2020-03-15;;;extra\n`],
    ['day-first dates', `${HEADER}\nZ1;15-03-2020;;\n`],
    ['a date with a time', `${HEADER}\nZ1;2020-03-15 00:00:00;;\n`],
    ['a day-first date in another column', `zaak;ontvangen;besluit;geboren\nZ1;2020-03-15;;15-03-1990\n`],
    ['a control character', `${HEADER}\nZ1;2020-03-15;;Sy\u0001rië\n`],
    ["a no-break space at a field's edge (JavaScript trims it, DuckDB does not)", `${HEADER}\nZ1\u00a0;2020-03-15;;Syrië\n`],
    ["a tab at a field's edge", `${HEADER}\nZ1;2020-03-15;;\tSyrië\n`],
  ])('leaves %s to the line-by-line reader', (_, text) => {
    expect(scan(text)).toBeNull();
  });

  it('says when the ids rise from line to line, so that none can repeat', () => {
    expect(scan(`${HEADER}\nA1;2020-03-15;;\nA2;2020-03-15;;\nB;2020-03-15;;\nBA;2020-03-15;;\n`)!.uniqueIds).toBe(true);
    expect(scan(`${HEADER}\nA1;2020-03-15;;\nA2;2020-03-15;;\nA2;2020-03-15;;\n`)!.uniqueIds).toBe(false);
    expect(scan(`${HEADER}\nB;2020-03-15;;\nA;2020-03-15;;\n`)!.uniqueIds).toBe(false);
    expect(scan(`${HEADER}\nA;2020-03-15;;\n"B";2020-03-15;;\n`)!.uniqueIds).toBe(false);
    expect(scan(`${HEADER}\nA;2020-03-15;;\nAB ;2020-03-15;;\n`)!.uniqueIds).toBe(false);
  });

  it('leaves UTF-16, Windows-1252 and broken UTF-8 to the line-by-line reader', () => {
    const text = `${HEADER}\r\nZ1;2020-03-15;;Syrië\r\n`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(scan(utf16)).toBeNull();
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect(scan(latin1)).toBeNull();
  });

  it('hands a plain file over as its own bytes from the header on, without decoding it', () => {
    const bytes = new TextEncoder().encode(`Zaken\n${HEADER}\nZ1;2020-03-15;;\n`);
    const read = readCaseExport({ name: 'zaken_2020-06-01.csv', bytes, lastModified: 0 }, sniffCaseLayout(bytes)!);
    expect(read.plain).toEqual({ newLine: '\n', padded: false, markers: false, uniqueIds: true, typedDates: true, usualYears: { from: 1995, to: 2045 }, yearsOutside: false });
    expect(read.rows.buffer).toBe(bytes.buffer);
    expect(new TextDecoder().decode(read.rows)).toBe(`${HEADER}\nZ1;2020-03-15;;\n`);
    expect(new TextDecoder().decode(read.reports)).toContain('1,skipped,"Zaken"');
    expect([read.dataLines, read.rowsSkipped]).toEqual([2, 1]);
  });
});
