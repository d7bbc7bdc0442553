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
  lookalikeMetric,
} from './headers';
import { formatIsoWeek, isMonday, isoWeekMonday, isoWeekOfDate, parseWeekCell, parseYearAndWeek, type WeekParse } from '../domain/isoWeek';
import { formatPeriod, parsePeriod, type PeriodParse } from '../domain/periods';
import { isMissingCell, parseCount, parseDecimal, type CountParse } from './numbers';
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
  /** Workbooks: what a cell holds beyond its text, by position (a stored number is read as that number, never re-parsed from text). */
  typed?: (TypedCell | undefined)[];
  /** CSV only: an open quote that ran to the end of the file. */
  unterminatedQuote?: boolean;
}

/** A workbook cell stored as a number, or a formula the workbook holds no calculated value for (never evaluated here). */
export type TypedCell = { number: number } | { formula: string };

/**
 * The values loaded so far from earlier tables of the same file, by week and metric: a workbook's
 * second sheet may not give the same week and metric a second value.
 */
export type LoadedKeys = Map<string, { line: number; sheet?: string; value: number }>;

/** What one table yields; a file is one table (CSV) or several (a workbook's sheets). */
export type TableReading = Pick<
  ParsedExport,
  'layout' | 'headerLine' | 'dataLines' | 'rowsLoaded' | 'columns' | 'customMetrics' | 'observations' | 'rejected' | 'skipped' | 'problem' | 'warnings'
>;

const RAW_LINE_LIMIT = 1000;
const HEADER_SEARCH_DEPTH = 30;
/** A week number alone ("27", "wk 27"): with a year column, the two make the week. */
const SHORT_WEEK = /^\s*(?:w|wk|week)?\s*\d{1,2}\s*$/i;
const TOTAL_ROW = /^(totaal|totalen|total|totals|subtotaal|som|sum|gemiddelde|average|generaal totaal)\b/i;

/** Reads rows (in source order) of an export made on exportDate ("YYYY-MM-DD"). */
export function readTable(records: TableRow[], exportDate: string, loaded: LoadedKeys = new Map()): TableReading {
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

  const Reader = layout.kind === 'wide' ? WideRowReader : layout.kind === 'long' ? LongRowReader : TransposedReader;
  const reader = new Reader(result, exportDate, layout.columns, loaded, body);
  for (const record of body) reader.read(record);
  result.customMetrics = reader.customMetrics();
  for (const { label } of result.customMetrics) {
    const lookalike = lookalikeMetric(label);
    if (lookalike) result.warnings.push({ code: 'lookalike_metric', header: label, metric: lookalike.metric, reason: lookalike.reason });
  }
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

/**
 * The header is the first record that names a week (or year) column, or that holds weeks across
 * its columns (a report with one column per week); failing that, the first non-blank one.
 */
function findHeader(records: TableRow[]): number {
  const depth = Math.min(records.length, HEADER_SEARCH_DEPTH);
  for (let i = 0; i < depth; i++) {
    if (records[i].cells.some((c) => isWeekHeader(c) || isYearHeader(c))) return i;
    if (weekLabels(records[i].cells).length >= 2) return i;
  }
  const firstNonBlank = records.findIndex((r) => !isBlank(r));
  return Math.max(0, firstNonBlank);
}

/** "2020-12": a month, unless its column also holds "2020-27" (then the column writes year and week). */
const YEAR_AND_NUMBER = /^\s*\d{4}\s*[-/]\s*(\d{1,2})\s*$/;

function writesYearAndWeek(texts: string[]): boolean {
  return texts.some((t) => Number(YEAR_AND_NUMBER.exec(t)?.[1] ?? 0) > 12);
}

/** A month, quarter or year where a week is expected; null when the text is no such period (or is year-week notation). */
function longerPeriod(text: string, yearAndWeek: boolean): PeriodParse | null {
  if (yearAndWeek && YEAR_AND_NUMBER.test(text)) return null;
  return parsePeriod(text);
}

/** The positions of the cells that name a week (and no month, quarter or year). */
function weekLabels(cells: string[]): number[] {
  const yearAndWeek = writesYearAndWeek(cells);
  return cells.flatMap((c, i) => (c.trim() !== '' && parseWeekCell(c).ok && !longerPeriod(c, yearAndWeek) ? [i] : []));
}

interface Layout {
  kind: 'wide' | 'long' | 'transposed';
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
  const acrossColumns = weekLabels(trimmed);
  if (weekAt < 0 && yearAt < 0 && acrossColumns.length >= 2) return transposedColumns(trimmed, acrossColumns, body);
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
    const filled = body.filter((r) => !isMissingCell(r.cells[position] ?? ''));
    if (header === '' && filled.length === 0) return add({ role: 'ignored', why: 'empty_header' });
    if (filled.length === 0) return add({ role: 'ignored', why: 'empty' });
    const numeric = filled.every((r) => figureAt(r, position, false).kind === 'value');
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

/**
 * Periods across the columns: one row per series, one column per week. The series' name is the
 * first column before the weeks; other columns are listed and not used.
 */
function transposedColumns(headers: string[], weekAt: number[], body: TableRow[]): Layout {
  const nameAt = headers.findIndex((_, i) => i < weekAt[0] && body.some((r) => (r.cells[i] ?? '').trim() !== ''));
  const weeks = new Set<string>();
  const columns = headers.map((header, position): ColumnReport => {
    if (position === nameAt) return { position, header, role: 'metric_name' };
    if (!weekAt.includes(position)) return { position, header, role: 'ignored', why: header === '' ? 'empty_header' : 'not_numeric' };
    const week = parseWeekCell(header);
    const label = week.ok ? formatIsoWeek(week.week) : header;
    if (weeks.has(label)) return { position, header, role: 'ignored', why: 'duplicate_metric' };
    weeks.add(label);
    return { position, header, role: 'week' };
  });
  return { kind: 'transposed', columns, problem: nameAt < 0 ? { code: 'no_metric_columns' } : null };
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

/**
 * The figure in a cell: a count (catalogue metrics: whole and not negative) or any number. A number
 * a workbook stored is taken as it is (its text would be read the Dutch way: 1.234 as 1234).
 */
function figureAt(record: TableRow, position: number, count: boolean): CountParse {
  const text = record.cells[position] ?? '';
  const typed = record.typed?.[position];
  if (typed && 'formula' in typed) return { kind: 'error', reason: 'formula_without_value', text: `=${typed.formula}` };
  if (!typed) return count ? parseCount(text) : parseDecimal(text);
  const value = typed.number;
  if (!count || (Number.isInteger(value) && value >= 0)) return { kind: 'value', value };
  return { kind: 'error', reason: value < 0 ? 'negative' : 'decimal', text };
}

/** `{ [key]: sheet }` when there is a sheet, else nothing: CSV reports stay as they were. */
function sheetOf<K extends string>(key: K, sheet: string | undefined): { [k in K]?: string } {
  return (sheet === undefined ? {} : { [key]: sheet }) as { [k in K]?: string };
}

/** Where an observation came from: its line, and its sheet when the source has sheets. */
function origin(record: TableRow): Pick<Observation, 'line' | 'sheet'> {
  return record.sheet === undefined ? { line: record.line } : { line: record.line, sheet: record.sheet };
}

/** Bookkeeping every layout shares: structure checks, duplicates across the file, custom metrics and the tally. */
abstract class TableReader {
  sawNonMondayDate = false;
  protected readonly exportMonday: string;
  protected readonly custom = new Map<string, string>();

  constructor(
    protected readonly result: TableReading,
    protected readonly exportDate: string,
    protected readonly columns: ColumnReport[],
    private readonly loaded: LoadedKeys,
  ) {
    this.exportMonday = isoWeekMonday(isoWeekOfDate(exportDate));
  }

  abstract read(record: TableRow): void;

  customMetrics(): { id: string; label: string }[] {
    return [...this.custom].map(([id, label]) => ({ id, label }));
  }

  /** A row with more filled fields, or fewer fields, than the header has columns. */
  protected fieldCount(cells: string[]): RejectReason | null {
    const expected = this.columns.length;
    if (cells.length > expected && cells.slice(expected).some((c) => c.trim() !== '')) return { code: 'too_many_fields', found: cells.length, expected };
    if (cells.length < expected) return { code: 'too_few_fields', found: cells.length, expected };
    return null;
  }

  /**
   * Loads a row's observations, unless an earlier table of the file gave one of its weeks and
   * metrics another value (rejected) or gave all of them already (skipped). True when loaded.
   */
  protected load(record: TableRow, observations: Observation[]): boolean {
    const fresh: Observation[] = [];
    let same: { line: number; sheet?: string } | undefined;
    for (const o of observations) {
      const earlier = this.loaded.get(`${o.weekStart}|${o.metric}`);
      if (!earlier) fresh.push(o);
      else if (earlier.value === o.value) same ??= earlier;
      else {
        this.reject(record, { code: 'duplicate_conflict', week: formatIsoWeek(isoWeekOfDate(o.weekStart)), metric: o.metric, firstLine: earlier.line, ...sheetOf('firstSheet', earlier.sheet) });
        return false;
      }
    }
    if (same && fresh.length === 0) {
      this.skip(record, { code: 'duplicate_identical', firstLine: same.line, ...sheetOf('firstSheet', same.sheet) });
      return false;
    }
    for (const o of fresh) this.loaded.set(`${o.weekStart}|${o.metric}`, { line: record.line, sheet: record.sheet, value: o.value });
    this.result.observations.push(...fresh);
    this.result.rowsLoaded++;
    return true;
  }

  protected reject(record: TableRow, reason: RejectReason): void {
    this.result.rejected.push(lineReport(record, reason));
  }

  protected skip(record: TableRow, reason: SkipReason): void {
    this.result.skipped.push(lineReport(record, reason));
  }
}

/** One row per week (wide and long layouts): the week, a month where a week belongs, the export date. */
abstract class RowReader extends TableReader {
  private readonly weekAt = this.columns.find((c) => c.role === 'week')!.position;
  private readonly yearAt = this.columns.find((c) => c.role === 'year')?.position ?? -1;
  private readonly yearAndWeek: boolean;

  constructor(result: TableReading, exportDate: string, columns: ColumnReport[], loaded: LoadedKeys, body: TableRow[]) {
    super(result, exportDate, columns, loaded);
    this.yearAndWeek = writesYearAndWeek(body.map((r) => r.cells[this.weekAt] ?? ''));
  }

  read(record: TableRow): void {
    if (record.unterminatedQuote) return this.reject(record, { code: 'unterminated_quote', fromLine: record.line });
    if (isBlank(record)) return this.skip(record, { code: 'blank_line' });
    const cells = record.cells;
    const weekText = (cells[this.weekAt] ?? '').trim();
    if (TOTAL_ROW.test(weekText) || TOTAL_ROW.test((cells[0] ?? '').trim())) return this.skip(record, { code: 'total_row' });
    // Until monthly figures are read, a month (or quarter, or year) is refused, never taken for a week.
    const period = this.yearAt >= 0 && SHORT_WEEK.test(weekText) ? null : longerPeriod(weekText, this.yearAndWeek);
    if (period) return this.reject(record, { code: 'period_not_week', text: weekText, period: formatPeriod(period.period), grain: period.period.grain });
    const week = this.week(cells);
    if (!this.hasFigures(cells)) {
      return week.ok ? this.skip(record, { code: 'no_values', week: formatIsoWeek(week.week) }) : this.skip(record, { code: 'note_line' });
    }
    const structure = this.fieldCount(cells);
    if (structure) return this.reject(record, structure);
    if (weekText === '') return this.reject(record, { code: 'week_missing' });
    if (!week.ok) return this.reject(record, { code: 'week_invalid', text: weekText, problem: week.reason, year: week.year });
    const weekStart = isoWeekMonday(week.week);
    if (weekStart > this.exportMonday) {
      return this.reject(record, { code: 'week_after_export', week: formatIsoWeek(week.week), exportDate: this.exportDate });
    }
    if (week.fromDate && !isMonday(week.fromDate)) this.sawNonMondayDate = true;
    this.readFigures(record, weekStart, formatIsoWeek(week.week));
  }

  protected abstract hasFigures(cells: string[]): boolean;
  protected abstract readFigures(record: TableRow, weekStart: string, week: string): void;

  private week(cells: string[]): WeekParse {
    const weekText = cells[this.weekAt] ?? '';
    if (this.yearAt >= 0 && SHORT_WEEK.test(weekText)) return parseYearAndWeek(cells[this.yearAt] ?? '', weekText);
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
      if (column.role === 'custom') {
        const parsed = figureAt(record, column.position, false);
        if (parsed.kind === 'value') observations.push({ ...origin(record), weekStart, metric: column.metric, value: parsed.value });
        continue;
      }
      if (column.role !== 'metric') continue;
      const parsed = figureAt(record, column.position, true);
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
    if (!this.load(record, observations)) return;
    this.firstLineOfWeek.set(weekStart, { line: record.line, values });
    for (const column of this.figureColumns) if (column.role === 'custom') this.custom.set(column.metric, column.header);
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
    const parsed = figureAt(record, this.valueAt, match !== undefined && match !== null);
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
    if (!this.load(record, [{ ...origin(record), weekStart, metric, value }])) return;
    this.firstLineOfKey.set(key, { line: record.line, value });
    if (!match) this.custom.set(metric, name);
  }
}

/**
 * One row per series, one column per week (a management report's layout). A row is one line of
 * the report: loaded with all its weeks, rejected naming every bad cell, or skipped.
 */
class TransposedReader extends TableReader {
  private readonly nameAt = this.columns.find((c) => c.role === 'metric_name')!.position;
  private readonly weeks: { position: number; header: string; weekStart: string }[];

  constructor(result: TableReading, exportDate: string, columns: ColumnReport[], loaded: LoadedKeys) {
    super(result, exportDate, columns, loaded);
    this.weeks = columns.flatMap((c) => {
      const week = c.role === 'week' ? parseWeekCell(c.header) : null;
      if (!week?.ok) return [];
      if (week.fromDate && !isMonday(week.fromDate)) this.sawNonMondayDate = true;
      return [{ position: c.position, header: c.header, weekStart: isoWeekMonday(week.week) }];
    });
  }

  read(record: TableRow): void {
    if (record.unterminatedQuote) return this.reject(record, { code: 'unterminated_quote', fromLine: record.line });
    if (isBlank(record)) return this.skip(record, { code: 'blank_line' });
    const cells = record.cells;
    const name = (cells[this.nameAt] ?? '').trim();
    if (TOTAL_ROW.test(name) || TOTAL_ROW.test((cells[0] ?? '').trim())) return this.skip(record, { code: 'total_row' });
    if (this.weeks.every((w) => isMissingCell(cells[w.position] ?? ''))) return this.skip(record, { code: 'note_line' });
    const structure = this.fieldCount(cells);
    if (structure) return this.reject(record, structure);
    if (name === '') return this.reject(record, { code: 'metric_missing' });
    const match = matchMetricHeader(name);
    const metric = match?.metric ?? customMetricId(name);
    const observations: Observation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const week of this.weeks) {
      const parsed = figureAt(record, week.position, Boolean(match));
      if (parsed.kind === 'missing') continue;
      if (parsed.kind === 'error') bad.push({ column: week.header, text: parsed.text, problem: parsed.reason });
      else if (week.weekStart > this.exportMonday) bad.push({ column: week.header, text: (cells[week.position] ?? '').trim(), problem: 'week_after_export' });
      else observations.push({ ...origin(record), weekStart: week.weekStart, metric, value: parsed.value });
    }
    if (bad.length > 0) return this.reject(record, { code: 'values_invalid', cells: bad });
    if (!this.load(record, observations)) return;
    if (!match) this.custom.set(metric, name);
  }
}
