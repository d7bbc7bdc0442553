import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { ParsedExport } from '../domain/parsedExport';
import { readWeeklyFile } from './readFile';
import { MAX_SHEET_ROWS } from './workbook';
import { checkedZip } from './workbookContainer';

const modified = new Date(2022, 0, 10).getTime();

/** A cell as SheetJS writes it: a date is a serial number with a date format, as Excel stores it. */
const date = (iso: string, format = 'dd-mm-yyyy'): XLSX.CellObject => ({ t: 'n', v: serial(iso), z: format });
const formula = (f: string, cached?: number): XLSX.CellObject => (cached === undefined ? { t: 'n', f } : { t: 'n', f, v: cached });

function serial(iso: string): number {
  return (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

type Cell = string | number | XLSX.CellObject | null;

function book(sheets: Record<string, Cell[][]>, shape?: (name: string, sheet: XLSX.WorkSheet) => void): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    shape?.(name, sheet);
    XLSX.utils.book_append_sheet(wb, sheet, name);
  }
  return wb;
}

function write(wb: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

function read(bytes: Uint8Array, name = 'weekcijfers_2022-01-10.xlsx'): Promise<ParsedExport> {
  return readWeeklyFile({ name, bytes, lastModified: modified });
}

const accounted = (p: ParsedExport) => p.rowsLoaded + p.rejected.length + p.skipped.length;
const values = (p: ParsedExport) => p.observations.map((o) => `${o.sheet}!${o.line} ${o.weekStart} ${o.metric}=${o.value}`);

describe('workbooks', () => {
  it('reads a sheet as Excel stores it: title and merged cells above the header, dates, numbers as numbers or text, formulas, a total row', async () => {
    const wb = book(
      {
        Blad1: [
          ['Weekcijfers asiel 2020', null, null],
          [null, null, null],
          ['Week', 'Eerste asielaanvragen', 'Opvolgende aanvragen'],
          [date('2020-06-29'), 412, '38'],
          [date('2020-07-09', 'd mmmm yyyy'), '1.004', formula('B4*2', 76)],
          [date('2020-07-13'), 1.234, 12],
          [date('2020-07-20'), formula('SUM(B4:B6)'), 14],
          [date('2020-07-27'), -3, 15],
          ['Totaal', formula('SUM(B4:B8)', 2647), 155],
        ],
        Toelichting: [['Bron: IND, bewerking DMB'], ['Voorlopige cijfers']],
      },
      (name, sheet) => {
        if (name !== 'Blad1') return;
        sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
        sheet['!rows'] = [];
        sheet['!rows'][5] = { hidden: true };
        sheet['!cols'] = [{}, {}, { hidden: true }];
      },
    );
    const p = await read(write(wb));
    expect(p.problem).toBeNull();
    expect(p.layout).toBe('wide');
    expect(values(p)).toEqual([
      'Blad1!4 2020-06-29 asylum_first=412',
      'Blad1!4 2020-06-29 asylum_followup=38',
      // a Thursday: the ISO week it falls in, with the warning below
      'Blad1!5 2020-07-06 asylum_first=1004',
      'Blad1!5 2020-07-06 asylum_followup=76',
    ]);
    expect(p.warnings.map((w) => w.code)).toContain('dates_not_mondays');
    expect(p.rejected.map((r) => [r.sheet, r.line, r.reason])).toEqual([
      // a stored 1.234 is one and a bit, not 1234 as the text "1.234" would be
      ['Blad1', 6, { code: 'values_invalid', cells: [{ column: 'Eerste asielaanvragen', text: '1.234', problem: 'decimal' }] }],
      ['Blad1', 7, { code: 'values_invalid', cells: [{ column: 'Eerste asielaanvragen', text: '=SUM(B4:B6)', problem: 'formula_without_value' }] }],
      ['Blad1', 8, { code: 'values_invalid', cells: [{ column: 'Eerste asielaanvragen', text: '-3', problem: 'negative' }] }],
    ]);
    expect(p.skipped.map((r) => [r.sheet, r.line, r.reason.code])).toEqual([
      ['Blad1', 1, 'before_header'],
      ['Blad1', 2, 'before_header'],
      ['Blad1', 9, 'total_row'],
      ['Toelichting', 1, 'sheet_not_read'],
      ['Toelichting', 2, 'sheet_not_read'],
    ]);
    expect(p.sheets).toEqual([
      { sheet: 'Blad1', headerLine: 3, dataLines: 8, rowsLoaded: 2, rowsRejected: 3, rowsSkipped: 3, problem: null },
      { sheet: 'Toelichting', headerLine: null, dataLines: 2, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 2, problem: { code: 'no_week_column' } },
    ]);
    expect(accounted(p)).toBe(p.dataLines);
    expect(p.columns.map((c) => `${c.sheet}:${c.role}`)).toEqual(['Blad1:week', 'Blad1:metric', 'Blad1:metric']);
    expect(p.rejected[0].raw).toBe('13-07-2020 | 1.234 | 12');
  });

  it('reads every sheet with a table; a week and metric given twice with another value is rejected naming the sheet', async () => {
    const wb = book({
      '2020': [
        ['Week', 'Eerste asielaanvragen'],
        ['2020-W52', 300],
        ['2020-W53', 310],
      ],
      '2021': [
        ['Week', 'Eerste asielaanvragen'],
        ['2020-W53', 311],
        ['2021-W01', 320],
      ],
    });
    const p = await read(write(wb));
    expect(values(p)).toEqual(['2020!2 2020-12-21 asylum_first=300', '2020!3 2020-12-28 asylum_first=310', '2021!3 2021-01-04 asylum_first=320']);
    expect(p.rejected.map((r) => [r.sheet, r.line, r.reason])).toEqual([
      ['2021', 2, { code: 'duplicate_conflict', week: '2020-W53', metric: 'asylum_first', firstLine: 3, firstSheet: '2020' }],
    ]);
    expect(p.sheets.map((s) => [s.sheet, s.rowsLoaded, s.rowsRejected, s.rowsSkipped])).toEqual([
      ['2020', 2, 0, 0],
      ['2021', 1, 1, 0],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it.each(['xlsm', 'ods', 'xls'] as XLSX.BookType[])('reads a %s workbook the same way', async (bookType) => {
    const wb = book({ Blad1: [['Jaar', 'Week', 'Eerste asielaanvragen'], [2020, 27, 412]] });
    const p = await read(write(wb, bookType), `weekcijfers_2022-01-10.${bookType}`);
    expect(values(p)).toEqual(['Blad1!2 2020-06-29 asylum_first=412']);
  });

  it('reads a report with the weeks across the columns as dates, each series one row', async () => {
    const wb = book({
      Rapportage: [
        ['Weekrapportage', null, null, null],
        ['Reeks', date('2020-06-29'), date('2020-07-06'), date('2020-07-13')],
        ['Eerste asielaanvragen', 412, 1004, { t: 'n', f: 'B3+1' }],
        ['Telehoren', 238, 241, 250],
      ],
    });
    const p = await read(write(wb));
    expect(p.layout).toBe('transposed');
    expect(values(p)).toEqual([
      'Rapportage!4 2020-06-29 hearings_tele=238',
      'Rapportage!4 2020-07-06 hearings_tele=241',
      'Rapportage!4 2020-07-13 hearings_tele=250',
    ]);
    expect(p.rejected.map((r) => [r.sheet, r.line, r.reason.code])).toEqual([['Rapportage', 3, 'values_invalid']]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('says why when no sheet holds a table', async () => {
    const p = await read(write(book({ Grafiek: [['Alleen een titel']] })));
    expect(p.problem).toEqual({ code: 'no_week_column' });
    expect(accounted(p)).toBe(p.dataLines);
  });
});

describe('hostile workbooks', () => {
  const honest = () => write(book({ Blad1: [['Week', 'Eerste asielaanvragen'], ['2020-W27', 412]] }));

  it('refuses a password-protected workbook (an encrypted OLE container)', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array(64));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(4096));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    const p = await read(bytes);
    expect(p.problem).toEqual({ code: 'workbook_encrypted' });
    expect(p.observations).toEqual([]);
  });

  it('refuses a corrupt zip with a message', async () => {
    const bytes = honest();
    const p = await read(bytes.slice(0, Math.floor(bytes.length * 0.6)));
    expect(p.problem?.code).toBe('workbook_unreadable');
  });

  it('refuses a zip that declares more than the limit before inflating anything', async () => {
    const bytes = honest();
    const view = new DataView(bytes.buffer);
    // Make the central directory declare 1 GB for its first entry.
    const end = bytes.length - 22;
    const at = view.getUint32(end + 16, true);
    view.setUint32(at + 24, 2 ** 30, true);
    const p = await read(bytes);
    expect(p.problem).toEqual({ code: 'workbook_too_large_unpacked', bytes: expect.any(Number), max: 200 * 2 ** 20 });
  });

  it('refuses an entry that inflates past what it declares (a bomb that lies about its size)', async () => {
    const bytes = honest();
    const view = new DataView(bytes.buffer);
    const end = bytes.length - 22;
    let at = view.getUint32(end + 16, true);
    for (let n = 0; n < view.getUint16(end + 10, true); n++) {
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name === 'xl/worksheets/sheet1.xml') view.setUint32(at + 24, 10, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    const checked = await checkedZip(bytes, 200 * 2 ** 20);
    expect('problem' in checked && checked.problem.code).toBe('workbook_too_large_unpacked');
    const small = await checkedZip(honest(), 100);
    expect('problem' in small && small.problem.code).toBe('workbook_too_large_unpacked');
  });

  it('refuses a sheet with more rows than the limit, naming the sheet', async () => {
    const rows: Cell[][] = [['Week', 'Eerste asielaanvragen']];
    for (let i = 0; i < MAX_SHEET_ROWS; i++) rows.push(['2020-W27', i]);
    const p = await read(write(book({ Groot: rows })));
    expect(p.problem).toEqual({ code: 'sheet_too_many_rows', sheet: 'Groot', rows: MAX_SHEET_ROWS + 1, max: MAX_SHEET_ROWS });
    expect(p.observations).toEqual([]);
  }, 30_000);

  it('refuses a sheet whose range claims a million rows', async () => {
    const p = await read(write(book({ Blad1: [['Week', 'Eerste asielaanvragen'], ['2020-W27', 412]] }, (_, s) => (s['!ref'] = 'A1:B1000000'))));
    expect(p.problem).toEqual({ code: 'sheet_too_many_rows', sheet: 'Blad1', rows: 1_000_000, max: MAX_SHEET_ROWS });
  });
});

describe('monthly workbooks', () => {
  it('reads months stored as dates shown without a day, months as text, a year total, symbols and a provisional month', async () => {
    const wb = book({
      Maanden: [
        ['Asielinstroom per maand', null, null, null],
        ['Maand', 'Nationaliteit', 'Eerste asielaanvragen', 'Ingereisde nareizigers'],
        [date('2020-02-01', 'mmm yyyy'), 'Totaal', 1515, 470],
        [date('2020-03-01', '[$-413]mmmm yyyy'), 'Totaal', 1025, 125],
        ['2020 april*', 'Totaal', 275, '.'],
        ['2020', 'Totaal', 13673, 3863],
        ['2020 april*', 'Syrisch', 'x', '-'],
        ['2020 mei', 'Syrisch', 'veel', 12],
      ],
    });
    const p = await read(write(wb), 'maandcijfers_2022-01-10.xlsx');
    expect(p.observations).toEqual([]);
    expect(p.periodObservations.map((o) => `${o.sheet}!${o.line} ${o.grain} ${o.period} ${o.metric}[${o.dimensions.join('|')}]=${o.value}${o.symbol ? ` ${o.symbol}` : ''}${o.flag ? ` ${o.flag}` : ''}`)).toEqual([
      'Maanden!3 month 2020-02 asylum_first[]=1515',
      'Maanden!3 month 2020-02 nareis_arrivals[]=470',
      'Maanden!4 month 2020-03 asylum_first[]=1025',
      'Maanden!4 month 2020-03 nareis_arrivals[]=125',
      'Maanden!5 month 2020-04 asylum_first[]=275 provisional',
      'Maanden!5 month 2020-04 nareis_arrivals[]=null not_available provisional',
      'Maanden!6 year 2020 asylum_first[]=13673',
      'Maanden!6 year 2020 nareis_arrivals[]=3863',
      'Maanden!7 month 2020-04 asylum_first[Syrisch]=null confidential provisional',
      'Maanden!7 month 2020-04 nareis_arrivals[Syrisch]=0 nil provisional',
    ]);
    expect(p.rejected.map((r) => [r.sheet, r.line, r.reason])).toEqual([
      ['Maanden', 8, { code: 'values_invalid', cells: [{ column: 'Eerste asielaanvragen', text: 'veel', problem: 'not_a_number' }] }],
    ]);
    expect(p.sheets.map((s) => [s.sheet, s.rowsLoaded, s.rowsRejected, s.rowsSkipped])).toEqual([['Maanden', 5, 1, 1]]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('keeps a weekly sheet and a monthly sheet of one workbook each at its grain', async () => {
    const wb = book({
      Weken: [
        ['Week', 'Eerste asielaanvragen'],
        ['2020-W10', 450],
      ],
      Maanden: [
        ['Periode', 'Eerste asielaanvragen'],
        ['2020-03', 1025],
      ],
    });
    const p = await read(write(wb));
    expect(values(p)).toEqual(['Weken!2 2020-03-02 asylum_first=450']);
    expect(p.periodObservations.map((o) => `${o.sheet}!${o.line} ${o.period}=${o.value}`)).toEqual(['Maanden!2 2020-03=1025']);
  });
});
