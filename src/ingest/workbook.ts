/**
 * Reads a workbook (.xlsx, .xlsm, .ods; SheetJS also reads legacy .xls) into the same result as a
 * CSV export: every sheet that holds a table goes through readTable, each row with its sheet and
 * row number as provenance. The library is passed in so the parse worker loads it only when a
 * workbook arrives. Cells are taken as stored: a number as that number, a date (a serial number
 * with a date format) as its day, a formula by the value Excel calculated and saved; a formula
 * without one is rejected, never evaluated. Macros are never run: SheetJS does not execute them
 * and they are not even read (bookVBA off).
 */
import type * as XLSX from '@e965/xlsx';
import { contentHash } from '../domain/contentHash';
import { emptyExport, emptyTable, MAX_COLUMNS, type ExportInput, type ParsedExport, type SheetReport } from '../domain/parsedExport';
import type { FileProblem } from '../domain/reasons';
import { exportDateOf } from './exportDate';
import { readTable, type LoadedKeys, type TableReading, type TableRow, type TypedCell } from './readTable';
import { checkedZip, isEncryptedPackage, workbookContainer } from './workbookContainer';

/** More rows than any sheet of weekly figures has (50,000 read comfortably); a sheet beyond it is refused with a message, not read. */
export const MAX_SHEET_ROWS = 100_000;

type Library = typeof XLSX;

export async function parseWorkbook(input: ExportInput, loadLibrary: () => Promise<Library>, onProgress?: (fraction: number) => void): Promise<ParsedExport> {
  const result = emptyExport(input.name, input.bytes.byteLength, exportDateOf(input.name, input.lastModified));
  result.contentHash = contentHash(input.bytes);
  if (result.exportDate.source === 'modified') result.warnings.push({ code: 'export_date_from_modified', date: result.exportDate.date });
  const refuse = (problem: FileProblem): ParsedExport => ({ ...result, problem });

  let bytes = input.bytes;
  const container = workbookContainer(bytes);
  if (container === 'ole' && isEncryptedPackage(bytes)) return refuse({ code: 'workbook_encrypted' });
  if (container === 'zip') {
    const checked = await checkedZip(bytes);
    if ('problem' in checked) return refuse(checked.problem);
    bytes = checked.bytes;
  }
  const xlsx = await loadLibrary();
  let book: XLSX.WorkBook;
  try {
    book = xlsx.read(bytes, { type: 'array', dense: true, cellFormula: true, cellNF: true, cellDates: false, bookVBA: false, sheetRows: MAX_SHEET_ROWS + 1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse(/password|encrypt/i.test(message) ? { code: 'workbook_encrypted' } : { code: 'workbook_unreadable', message });
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);

  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    const full = sheet?.['!fullref'] ?? sheet?.['!ref'];
    if (full) {
      const range = xlsx.utils.decode_range(full);
      const rows = range.e.r - range.s.r + 1;
      if (rows > MAX_SHEET_ROWS) return refuse({ code: 'sheet_too_many_rows', sheet: name, rows, max: MAX_SHEET_ROWS });
    }
  }

  const loaded: LoadedKeys = new Map();
  const tables = book.SheetNames.map((name, i) => {
    const rows = sheetRows(xlsx, book.Sheets[name], name, date1904);
    const reading = readTable(rows, result.exportDate.date, loaded, { country: input.country });
    onProgress?.((i + 1) / book.SheetNames.length);
    return { name, rows, reading };
  });

  const readable = tables.filter((t) => t.reading.problem === null);
  for (const { name, rows, reading } of tables) {
    // Once one sheet holds a table, a sheet without one (a title, notes, a chart) is listed as skipped, row by row.
    const table = reading.problem === null || readable.length === 0 ? reading : notRead(rows, reading.problem);
    result.sheets.push(sheetReport(name, table));
    result.dataLines += table.dataLines;
    result.rowsLoaded += table.rowsLoaded;
    result.columns.push(...table.columns.map((c) => ({ ...c, sheet: name })));
    result.observations.push(...table.observations);
    result.periodObservations.push(...table.periodObservations);
    result.rejected.push(...table.rejected);
    result.skipped.push(...table.skipped);
    for (const metric of table.customMetrics) if (!result.customMetrics.some((m) => m.id === metric.id)) result.customMetrics.push(metric);
    if (table.country) {
      const found = [...new Set([...(result.country?.found ?? []), ...table.country.found])];
      result.country = { chosen: table.country.chosen, found };
    }
    for (const warning of table.warnings) if (!result.warnings.some((w) => w.code === warning.code)) result.warnings.push(warning);
  }
  const first = readable[0]?.reading;
  result.layout = first?.layout ?? null;
  result.headerLine = first?.headerLine ?? null;
  if (!first) {
    // Nothing to read: the first sheet's own reason, preferring one with content over an empty sheet.
    const problems = tables.map((t) => t.reading.problem!);
    return { ...result, problem: problems.find((p) => p.code !== 'empty_file') ?? { code: 'empty_file' } };
  }
  return result;
}

/** A sheet that holds no table: every row skipped, a blank one as blank. */
function notRead(rows: TableRow[], problem: FileProblem): TableReading {
  const report = (row: TableRow, code: 'blank_line' | 'sheet_not_read') => ({ line: row.line, sheet: row.sheet, raw: row.raw, reason: { code } });
  return {
    ...emptyTable(),
    dataLines: rows.length,
    skipped: rows.map((row) => report(row, row.cells.every((c) => c.trim() === '') ? 'blank_line' : 'sheet_not_read')),
    problem,
  };
}

function sheetReport(sheet: string, table: TableReading): SheetReport {
  return {
    sheet,
    headerLine: table.headerLine,
    dataLines: table.dataLines,
    rowsLoaded: table.rowsLoaded,
    rowsRejected: table.rejected.length,
    rowsSkipped: table.skipped.length,
    problem: table.problem,
  };
}

/**
 * A sheet's rows from its first used row to its last, each with its 1-based row number, over the
 * columns that hold anything (a sheet formatted to column XFD is not 16,384 columns of data).
 * Hidden rows and columns are read like any other: they hold data.
 */
function sheetRows(xlsx: Library, sheet: XLSX.WorkSheet | undefined, name: string, date1904: boolean): TableRow[] {
  const ref = sheet?.['!ref'];
  const data = sheet?.['!data'];
  if (!ref || !data) return [];
  const range = xlsx.utils.decode_range(ref);
  let lastColumn = -1;
  let lastRow = -1;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r];
    if (!row) continue;
    // One column past the limit is enough for readTable to refuse the table for its width.
    for (let c = Math.min(row.length - 1, range.s.c + MAX_COLUMNS); c >= range.s.c; c--) {
      if (hasContent(row[c])) {
        lastColumn = Math.max(lastColumn, c);
        lastRow = r;
        break;
      }
    }
  }
  const rows: TableRow[] = [];
  for (let r = range.s.r; r <= lastRow; r++) {
    const row = data[r] ?? [];
    const cells: string[] = [];
    const shown: string[] = [];
    const typed: (TypedCell | undefined)[] = [];
    for (let c = range.s.c; c <= lastColumn; c++) {
      const cell = readCell(xlsx, row[c], date1904);
      cells.push(cell.text);
      shown.push(cell.shown);
      typed.push(cell.typed);
    }
    while (shown.length > 0 && shown[shown.length - 1] === '') shown.pop();
    rows.push({ line: r + 1, sheet: name, raw: shown.join(' | '), cells, typed: typed.some((t) => t !== undefined) ? typed : undefined });
  }
  return rows;
}

function hasContent(cell: XLSX.CellObject | undefined): boolean {
  return cell !== undefined && cell !== null && (cell.v !== undefined || cell.f !== undefined) && !(cell.t === 's' && String(cell.v).trim() === '');
}

/** A cell's text for readTable, the text the report shows, and the stored number or formula behind it. */
function readCell(xlsx: Library, cell: XLSX.CellObject | undefined, date1904: boolean): { text: string; shown: string; typed?: TypedCell } {
  if (!cell) return { text: '', shown: '' };
  if (cell.f !== undefined && cell.v === undefined) return { text: `=${cell.f}`, shown: `=${cell.f}`, typed: { formula: cell.f } };
  if (cell.v === undefined || cell.v === null) return { text: '', shown: '' };
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (cell.z !== undefined && xlsx.SSF.is_date(cell.z)) {
      const day = isoDay(xlsx, cell.v, date1904);
      // A date shown without its day ("mrt 2020", "mmm-yy") names the month: never the week of its first day.
      const text = showsMonthOnly(String(cell.z)) ? day.slice(0, 7) : day;
      return { text, shown: cell.w ?? text };
    }
    return { text: String(cell.v), shown: cell.w ?? String(cell.v), typed: { number: cell.v } };
  }
  if (cell.v instanceof Date) {
    const day = cell.v.toISOString().slice(0, 10);
    return { text: day, shown: cell.w ?? day };
  }
  const text = cell.t === 'e' ? (cell.w ?? '#ERROR') : cell.t === 'b' ? (cell.w ?? String(cell.v).toUpperCase()) : String(cell.v);
  return { text, shown: cell.w ?? text };
}

/** A date format with a month and a year and no day: "mmm yyyy", "mmmm-yy", "[$-413]mmm yy". */
function showsMonthOnly(format: string): boolean {
  const tokens = format.toLowerCase().replace(/\[[^\]]*\]|"[^"]*"|\\./g, '');
  return !tokens.includes('d') && tokens.includes('m') && tokens.includes('y') && !/h|s/.test(tokens);
}

/** A date serial as "YYYY-MM-DD" (its day; a time of day is dropped), in the workbook's own epoch. */
function isoDay(xlsx: Library, serial: number, date1904: boolean): string {
  const d = xlsx.SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number };
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}
