/**
 * Interprets a table of cell rows from any source (a CSV file's lines, a workbook sheet's rows):
 * finds the header, matches columns to metrics, tells the layout, reads weeks and values, and
 * accounts for every row: loaded + rejected + skipped = data rows. Pure and synchronous.
 */
import type { MetricId } from '../domain/catalogue';
import {
  customMetricId,
  isMetricNameHeader,
  isValueHeader,
  isWeekHeader,
  isYearHeader,
  matchMetricHeader,
} from './headers';
import { formatIsoWeek, isMonday, isoWeekMonday, isoWeekOfDate, parseWeekCell, parseYearAndWeek, type WeekParse } from '../domain/isoWeek';
import { isMissingCell, parseCount, parseDecimal } from './numbers';
import { MAX_COLUMNS, MAX_CUSTOM_METRICS, type ColumnReport, type ColumnRole, type LineReport, type Observation, type ParsedExport } from '../domain/parsedExport';
import type { FileProblem, RejectReason, SkipReason } from '../domain/reasons';

/**
 * One row of a source table with its provenance: the 1-based line it starts on in a CSV file, or
 * its sheet and 1-based row number in a workbook; raw is the row as the report quotes it.
 */
export interface TableRow {
  line: number;
  sheet?: string;
  raw: string;
  cells: string[];
  /** CSV only: an open quote that ran to the end of the file. */
  unterminatedQuote?: boolean;
}

/** What one table yields; a file is one table (CSV) or several (a workbook's sheets). */
export type TableReading = Pick<
  ParsedExport,
  'layout' | 'headerLine' | 'dataLines' | 'rowsLoaded' | 'columns' | 'customMetrics' | 'observations' | 'rejected' | 'skipped' | 'problem' | 'warnings'
>;

const RAW_LINE_LIMIT = 1000;
const HEADER_SEARCH_DEPTH = 30;
const TOTAL_ROW = /^(totaal|totalen|total|totals|subtotaal|som|sum|gemiddelde|average|generaal totaal)\b/i;

/** Reads rows (in source order) of an export made on exportDate ("YYYY-MM-DD"). */
export function readTable(records: TableRow[], exportDate: string): TableReading {
  const result: TableReading = {
    layout: null,
    headerLine: null,
    dataLines: 0,
    rowsLoaded: 0,
    columns: [],
    customMetrics: [],
    observations: [],
    rejected: [],
    skipped: [],
    problem: null,
    warnings: [],
  };
  if (records.length === 0) return { ...result, problem: { code: 'empty_file' } };
  const headerIndex = findHeader(records);
  const header = records[headerIndex];
  result.headerLine = header.line;
  const body = records.slice(headerIndex + 1);
  result.dataLines = records.length - 1;
  for (const record of records.slice(0, headerIndex)) result.skipped.push(lineReport(record, { code: 'before_header' }));

  if (header.cells.length > MAX_COLUMNS) return rejectAll(result, body, { code: 'too_many_columns', count: header.cells.length, max: MAX_COLUMNS });
  const layout = describeColumns(header.cells, body);
  result.columns = layout.columns;
  if (layout.problem) return rejectAll(result, body, layout.problem);
  if (body.length === 0) return { ...result, problem: { code: 'no_data_rows' } };
  result.layout = layout.kind;

  const reader = layout.kind === 'wide' ? new WideRowReader(result, exportDate, layout.columns) : new LongRowReader(result, exportDate, layout.columns);
  for (const record of body) reader.read(record);
  result.customMetrics = reader.customMetrics();
  if (reader.sawNonMondayDate) result.warnings.push({ code: 'dates_not_mondays' });
  return result;
}

function rejectAll(result: TableReading, body: TableRow[], problem: FileProblem): TableReading {
  for (const record of body) {
    if (isBlank(record)) result.skipped.push(lineReport(record, { code: 'blank_line' }));
    else result.rejected.push(lineReport(record, { code: 'file_unusable' }));
  }
  return { ...result, problem };
}

/** The header is the first record that names a week (or year) column; failing that, the first non-blank one. */
function findHeader(records: TableRow[]): number {
  const depth = Math.min(records.length, HEADER_SEARCH_DEPTH);
  for (let i = 0; i < depth; i++) {
    if (records[i].cells.some((c) => isWeekHeader(c) || isYearHeader(c))) return i;
  }
  const firstNonBlank = records.findIndex((r) => !isBlank(r));
  return Math.max(0, firstNonBlank);
}

interface Layout {
  kind: 'wide' | 'long';
  columns: ColumnReport[];
  problem: FileProblem | null;
}

function describeColumns(headers: string[], body: TableRow[]): Layout {
  const columns: ColumnReport[] = [];
  const trimmed = headers.map((h) => h.trim());
  const weekAt = trimmed.findIndex(isWeekHeader);
  const yearAt = trimmed.findIndex((h, i) => i !== weekAt && isYearHeader(h));
  const metricNameAt = trimmed.findIndex(isMetricNameHeader);
  const valueAt = trimmed.findIndex(isValueHeader);
  const kind = metricNameAt >= 0 && valueAt >= 0 ? 'long' : 'wide';
  // In a long layout the series and value columns are taken: a week found by content is another.
  const taken = kind === 'long' ? [metricNameAt, valueAt] : [];
  const weekColumn = weekAt >= 0 ? weekAt : contentWeekColumn(trimmed, body, taken);

  const seen = new Set<string>();
  let previousMetric: MetricId | undefined;
  trimmed.forEach((header, position) => {
    const add = (role: ColumnRole) => columns.push({ position, header, ...role });
    if (position === weekColumn) return add({ role: 'week' });
    if (position === yearAt) return add({ role: 'year' });
    if (kind === 'long' && position === metricNameAt) return add({ role: 'metric_name' });
    if (kind === 'long' && position === valueAt) return add({ role: 'value' });
    if (kind === 'long') return add({ role: 'ignored', why: 'not_numeric' });
    const match = matchMetricHeader(header, previousMetric);
    if (match) {
      previousMetric = match.metric;
      if (seen.has(match.metric)) return add({ role: 'ignored', why: 'duplicate_metric' });
      seen.add(match.metric);
      return add({ role: 'metric', metric: match.metric, via: match.via });
    }
    const cells = body.map((r) => r.cells[position] ?? '').filter((c) => !isMissingCell(c));
    if (header === '' && cells.length === 0) return add({ role: 'ignored', why: 'empty_header' });
    if (cells.length === 0) return add({ role: 'ignored', why: 'empty' });
    const numeric = cells.every((c) => parseDecimal(c).kind === 'value');
    const id = customMetricId(header);
    if (!numeric) return add({ role: 'ignored', why: 'not_numeric' });
    if (seen.has(id)) return add({ role: 'ignored', why: 'duplicate_metric' });
    if (columns.filter((c) => c.role === 'custom').length >= MAX_CUSTOM_METRICS) return add({ role: 'ignored', why: 'custom_limit' });
    seen.add(id);
    add({ role: 'custom', metric: id });
  });

  if (weekColumn < 0) return { kind, columns, problem: { code: 'no_week_column' } };
  const hasFigures = kind === 'long' || columns.some((c) => c.role === 'metric' || c.role === 'custom');
  return { kind, columns, problem: hasFigures ? null : { code: 'no_metric_columns' } };
}

/** Without a recognised week header: the first column (not taken) whose filled cells mostly read as weeks. */
function contentWeekColumn(headers: string[], body: TableRow[], taken: number[]): number {
  const sample = body.filter((r) => !isBlank(r)).slice(0, 50);
  return headers.findIndex((_, i) => {
    if (taken.includes(i)) return false;
    const cells = sample.map((r) => r.cells[i] ?? '').filter((c) => c.trim() !== '');
    return cells.length > 0 && cells.filter((c) => parseWeekCell(c).ok).length >= cells.length * 0.8;
  });
}

function isBlank(record: TableRow): boolean {
  return record.cells.every((c) => c.trim() === '');
}

function lineReport<R>(record: TableRow, reason: R): LineReport<R> {
  const raw = record.raw.length > RAW_LINE_LIMIT ? `${record.raw.slice(0, RAW_LINE_LIMIT)}…` : record.raw;
  return record.sheet === undefined ? { line: record.line, raw, reason } : { line: record.line, sheet: record.sheet, raw, reason };
}

/** Where an observation came from: its line, and its sheet when the source has sheets. */
function origin(record: TableRow): Pick<Observation, 'line' | 'sheet'> {
  return record.sheet === undefined ? { line: record.line } : { line: record.line, sheet: record.sheet };
}

/** Shared row bookkeeping for both layouts: structure checks, the week, duplicates and the tally. */
abstract class RowReader {
  sawNonMondayDate = false;
  private readonly weekAt: number;
  private readonly yearAt: number;
  private readonly exportMonday: string;
  protected readonly custom = new Map<string, string>();

  constructor(
    protected readonly result: TableReading,
    private readonly exportDate: string,
    protected readonly columns: ColumnReport[],
  ) {
    this.weekAt = columns.find((c) => c.role === 'week')!.position;
    this.yearAt = columns.find((c) => c.role === 'year')?.position ?? -1;
    this.exportMonday = isoWeekMonday(isoWeekOfDate(exportDate));
  }

  read(record: TableRow): void {
    if (record.unterminatedQuote) return this.reject(record, { code: 'unterminated_quote', fromLine: record.line });
    if (isBlank(record)) return this.skip(record, { code: 'blank_line' });
    const cells = record.cells;
    const weekText = (cells[this.weekAt] ?? '').trim();
    if (TOTAL_ROW.test(weekText) || TOTAL_ROW.test((cells[0] ?? '').trim())) return this.skip(record, { code: 'total_row' });
    const week = this.week(cells);
    if (!this.hasFigures(cells)) {
      return week.ok ? this.skip(record, { code: 'no_values', week: formatIsoWeek(week.week) }) : this.skip(record, { code: 'note_line' });
    }
    const expected = this.columns.length;
    if (cells.length > expected && cells.slice(expected).some((c) => c.trim() !== '')) {
      return this.reject(record, { code: 'too_many_fields', found: cells.length, expected });
    }
    if (cells.length < expected) return this.reject(record, { code: 'too_few_fields', found: cells.length, expected });
    if (weekText === '') return this.reject(record, { code: 'week_missing' });
    if (!week.ok) return this.reject(record, { code: 'week_invalid', text: weekText, problem: week.reason, year: week.year });
    const weekStart = isoWeekMonday(week.week);
    if (weekStart > this.exportMonday) {
      return this.reject(record, { code: 'week_after_export', week: formatIsoWeek(week.week), exportDate: this.exportDate });
    }
    if (week.fromDate && !isMonday(week.fromDate)) this.sawNonMondayDate = true;
    this.readFigures(record, weekStart, formatIsoWeek(week.week));
  }

  customMetrics(): { id: string; label: string }[] {
    return [...this.custom].map(([id, label]) => ({ id, label }));
  }

  protected abstract hasFigures(cells: string[]): boolean;
  protected abstract readFigures(record: TableRow, weekStart: string, week: string): void;

  protected load(observations: Observation[]): void {
    this.result.observations.push(...observations);
    this.result.rowsLoaded++;
  }

  protected reject(record: TableRow, reason: RejectReason): void {
    this.result.rejected.push(lineReport(record, reason));
  }

  protected skip(record: TableRow, reason: SkipReason): void {
    this.result.skipped.push(lineReport(record, reason));
  }

  private week(cells: string[]): WeekParse {
    const weekText = cells[this.weekAt] ?? '';
    if (this.yearAt >= 0 && /^\s*(?:w|wk|week)?\s*\d{1,2}\s*$/i.test(weekText)) return parseYearAndWeek(cells[this.yearAt] ?? '', weekText);
    return parseWeekCell(weekText);
  }
}

/** One row per week, one column per metric. */
class WideRowReader extends RowReader {
  private readonly figureColumns = this.columns.filter((c) => c.role === 'metric' || c.role === 'custom');
  private readonly firstLineOfWeek = new Map<string, { line: number; values: string }>();

  protected hasFigures(cells: string[]): boolean {
    return this.figureColumns.some((c) => !isMissingCell(cells[c.position] ?? ''));
  }

  protected readFigures(record: TableRow, weekStart: string, week: string): void {
    const observations: Observation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const column of this.figureColumns) {
      const text = record.cells[column.position] ?? '';
      if (column.role === 'custom') {
        const parsed = parseDecimal(text);
        if (parsed.kind === 'value') observations.push({ ...origin(record), weekStart, metric: column.metric, value: parsed.value });
        continue;
      }
      if (column.role !== 'metric') continue;
      const parsed = parseCount(text);
      if (parsed.kind === 'error') bad.push({ column: column.header, text: parsed.text, problem: parsed.reason });
      else if (parsed.kind === 'value') observations.push({ ...origin(record), weekStart, metric: column.metric, value: parsed.value });
    }
    if (bad.length > 0) return this.reject(record, { code: 'values_invalid', cells: bad });

    const values = observations.map((o) => `${o.metric}=${o.value}`).join('|');
    const earlier = this.firstLineOfWeek.get(weekStart);
    if (earlier) {
      if (earlier.values === values) return this.skip(record, { code: 'duplicate_identical', firstLine: earlier.line });
      return this.reject(record, { code: 'duplicate_conflict', week, firstLine: earlier.line });
    }
    this.firstLineOfWeek.set(weekStart, { line: record.line, values });
    for (const column of this.figureColumns) if (column.role === 'custom') this.custom.set(column.metric, column.header);
    this.load(observations);
  }
}

/** One row per week and metric: week, metric, value. */
class LongRowReader extends RowReader {
  private readonly nameAt = this.columns.find((c) => c.role === 'metric_name')!.position;
  private readonly valueAt = this.columns.find((c) => c.role === 'value')!.position;
  private readonly firstLineOfKey = new Map<string, { line: number; value: number }>();

  protected hasFigures(cells: string[]): boolean {
    return !isMissingCell(cells[this.valueAt] ?? '');
  }

  protected readFigures(record: TableRow, weekStart: string, week: string): void {
    const name = (record.cells[this.nameAt] ?? '').trim();
    if (name === '') return this.reject(record, { code: 'metric_missing' });
    const match = matchMetricHeader(name);
    const metric = match?.metric ?? customMetricId(name);
    const text = record.cells[this.valueAt] ?? '';
    const parsed = match ? parseCount(text) : parseDecimal(text);
    if (parsed.kind !== 'value') {
      const problem = parsed.kind === 'error' ? parsed.reason : 'not_a_number';
      return this.reject(record, { code: 'values_invalid', cells: [{ column: name, text: text.trim(), problem }] });
    }
    const value = parsed.value;
    const key = `${weekStart}|${metric}`;
    const earlier = this.firstLineOfKey.get(key);
    if (earlier) {
      if (earlier.value === value) return this.skip(record, { code: 'duplicate_identical', firstLine: earlier.line });
      return this.reject(record, { code: 'duplicate_conflict', week, metric, firstLine: earlier.line });
    }
    this.firstLineOfKey.set(key, { line: record.line, value });
    if (!match) this.custom.set(metric, name);
    this.load([{ ...origin(record), weekStart, metric, value }]);
  }
}
