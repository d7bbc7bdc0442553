/**
 * The benchmark's hard files, made the way real tools make them (seeded, fictional):
 * - a weekly export from Dutch Excel whose lookups all failed: every figure `#N/B`, so every one
 *   of its ~2 million lines is rejected (45 MB, CRLF, semicolons);
 * - a case-level export whose decision and receipt dates were swapped by the query that made it:
 *   every row's decision comes before its receipt, so every row is rejected;
 * - a long weekly export (week, series, count) as rows, written both as CSV and, by the library the
 *   app reads workbooks with (@e965/xlsx), as an .xlsx workbook of the same cells.
 */
import * as XLSX from '@e965/xlsx';
import { addIsoWeeks, formatIsoWeek } from '../src/domain/isoWeek';
import { sampleWeeks, randomSource } from './sampleSeries';

/** A weekly export of about `megabytes` MB in which every line is rejected (`#N/B`: Excel's "not available" from a failed lookup). */
export function allRejectedWeeklyExport(megabytes: number): string {
  const weeks = sampleWeeks().map(formatIsoWeek);
  const header = 'Week;Eerste asielaanvragen;Gehoren fysiek;Telehoren\r\n';
  const line = (i: number) => `${weeks[i % weeks.length]};#N/B;#N/B;#N/B\r\n`;
  const lines = Math.round((megabytes * 2 ** 20) / line(0).length);
  const parts = new Array<string>(lines + 1);
  parts[0] = header;
  for (let i = 0; i < lines; i++) parts[i + 1] = line(i);
  return parts.join('');
}

/** A case-level export of `rows` cases whose every decision date comes before its receipt: all rejected. */
export function allRejectedCaseExport(rows: number, seed = 2_000_000): string {
  const random = randomSource(seed);
  const first = Date.UTC(2019, 0, 1);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = new Array<string>(rows + 1);
  lines[0] = 'case_id,received,decided,hearing,nationality,outcome';
  for (let i = 1; i <= rows; i++) {
    const decided = first + Math.floor(random() * 3 * 365) * 86_400_000;
    const received = decided + (1 + Math.floor(random() * 200)) * 86_400_000;
    lines[i] = `C${String(i).padStart(8, '0')},${iso(received)},${iso(decided)},${random() < 0.4 ? 'video' : 'in person'},Eritrea,${random() < 0.7 ? 'granted' : 'refused'}`;
  }
  return lines.join('\n') + '\n';
}

/**
 * The catalogue's series as a BI tool names them in a long export (`docs/input-formats.md`), and
 * twelve of the user's own: 24 a week, so 50,000 rows are 40 years, within the years a file's
 * dates may span before one counts as a likely typo.
 */
const SERIES = [
  ...['asylum_first', 'asylum_followup', 'hearings_physical', 'hearings_tele', 'dublin_transfers', 'dublin_transfers_forced'],
  ...['departures_forced', 'departures_total', 'nareis_applications', 'nareis_decisions', 'nareis_arrivals', 'nareis_open'],
  ...Array.from({ length: 12 }, (_, i) => `Instroom locatie ${String(i + 1).padStart(2, '0')}`),
];

/**
 * A long weekly export of `rows` data rows (week, series, count), as a BI tool writes a history:
 * one row per week and series, the weeks running back from 2021-W52.
 */
export function longWeeklyRows(rows: number, seed = 50_000): (string | number)[][] {
  const random = randomSource(seed);
  const weeks = Math.ceil(rows / SERIES.length);
  const out: (string | number)[][] = [['Week', 'Reeks', 'Aantal']];
  for (let i = 0; i < rows; i++) {
    const week = formatIsoWeek(addIsoWeeks({ year: 2021, week: 52 }, Math.floor(i / SERIES.length) - weeks + 1));
    out.push([week, SERIES[i % SERIES.length], 100 + Math.floor(random() * 400)]);
  }
  return out;
}

/** The rows as Dutch Excel writes them to CSV: semicolons, CRLF. */
export function rowsAsCsv(rows: (string | number)[][]): string {
  return rows.map((row) => row.join(';')).join('\r\n') + '\r\n';
}

/** The rows as an .xlsx workbook of one sheet, written by SheetJS (numbers as number cells). */
export function rowsAsWorkbook(rows: (string | number)[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Blad1');
  return Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
