/**
 * Interprets a table of cell rows from any source (a CSV file's lines, a workbook sheet's rows):
 * finds the header, matches columns to metrics, tells the layout, reads weeks and values, and
 * accounts for every row: loaded + rejected + skipped = data rows. Pure and synchronous.
 */
import type { MetricId } from '../domain/catalogue';
import { GRAINS, type Grain } from '../domain/parsedExport';
import {
  customMetricId,
  isCountryHeader,
  isDimensionHeader,
  isFlagHeader,
  isMetricNameHeader,
  isUnitHeader,
  isRowIdHeader,
  isValueHeader,
  isWeekHeader,
  isYearHeader,
  matchMetricHeader,
  lookalikeMetric,
} from './headers';
import { formatIsoWeek, isMonday, isoWeekMonday, isoWeekOfDate, parseWeekCell, parseYearAndWeek, type WeekParse } from '../domain/isoWeek';
import { formatPeriod, parsePeriod, type PeriodParse } from '../domain/periods';
import { periodStart } from '../domain/grain';
import { decimalConvention, isDotGrouped, isMissingCell, parseCount, parseInColumn, type CountParse, type DecimalConvention } from './numbers';
import { dateEvidenceOfCells, TYPO_YEARS } from './dates';
import {
  emptyTable,
  MAX_COLUMNS,
  MAX_CUSTOM_METRICS,
  type ColumnReport,
  type ColumnRole,
  type LineReport,
  type Observation,
  type PeriodObservation,
  type TableFields,
} from '../domain/parsedExport';
import { DEFAULT_COUNTRY, isCountry, isTotalMember } from '../domain/dimensions';
import { givesFigure, readFlag, readStatCell, type StatCell } from './statCells';
import type { DateOrder, FileProblem, RejectReason, SkipReason } from '../domain/reasons';

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
 * The values loaded so far from earlier tables of the same file, by period (week, month, …),
 * metric and dimensions: a workbook's second sheet may not give the same figure a second value.
 * A symbol's value is null.
 */
export type LoadedKeys = Map<string, { line: number; sheet?: string; value: number | null }>;

/** What one table yields; a file is one table (CSV) or several (a workbook's sheets). */
export type TableReading = TableFields;

/** A public download format, recognised before the table is read (its rows reshaped if need be). */
export type PublicFormat = 'statline' | 'eurostat_tsv' | 'sdmx_csv';

export interface ReadOptions {
  /** The country to read from a file with a country column (as the file writes it); the Netherlands by default. */
  country?: string;
  /** The series' name for a table that names none (a Eurostat TSV: its dataset, from the file name). */
  seriesName?: string;
  format?: PublicFormat;
}

const RAW_LINE_LIMIT = 1000;
const HEADER_SEARCH_DEPTH = 30;
/** A week number alone ("27", "wk 27"): with a year column, the two make the week. */
const SHORT_WEEK = /^\s*(?:w|wk|week)?\s*\d{1,2}\s*$/i;
/** A total row: the word alone, or with a year or period ("Totaal 2020"), never a series named "Gemiddelde wachttijd". */
const TOTAL_ROW = /^(totaal|totalen|total|totals|subtotaal|subtotal|som|sum|gemiddelde|average|generaal totaal|eindtotaal|grand total)(?:\s+(?:week|wk|jaar|year)?\s*[\d\-/ ]*)?:?$/i;
/** A custom column is numbers when this share of its filled cells reads as numbers; the rest are rejected by name. */
const NUMERIC_SHARE = 0.8;

/** Reads rows (in source order) of an export made on exportDate ("YYYY-MM-DD"). */
export function readTable(records: TableRow[], exportDate: string, loaded: LoadedKeys = new Map(), options: ReadOptions = {}): TableReading {
  const result = emptyTable();
  if (records.length === 0) return { ...result, problem: { code: 'empty_file' } };
  const headerIndex = findHeader(records);
  const header = records[headerIndex];
  result.headerLine = header.line;
  const body = records.slice(headerIndex + 1);
  result.dataLines = records.length - 1;
  for (const record of records.slice(0, headerIndex)) result.skipped.push(lineReport(record, { code: 'before_header' }));

  if (header.cells.length > MAX_COLUMNS) return rejectAll(result, body, { code: 'too_many_columns', count: header.cells.length, max: MAX_COLUMNS });
  const layout = describeColumns(header.cells, body, options.seriesName, options.format === 'eurostat_tsv');
  result.columns = layout.columns;
  if (layout.problem) return rejectAll(result, body, layout.problem);
  if (body.length === 0) return { ...result, problem: { code: 'no_data_rows' } };
  const format = options.format ?? publicFormat(header.cells, records);
  result.layout = format ?? layout.kind;
  const countryAt = layout.columns.find((c) => c.role === 'country')?.position;
  if (countryAt !== undefined) {
    const found = [...new Set(body.map((r) => (r.cells[countryAt] ?? '').trim()).filter((c) => c !== '' && !isFooter(c)))];
    result.country = { chosen: options.country ?? DEFAULT_COUNTRY, found };
  }

  for (const column of layout.columns) {
    if (column.role !== 'custom' || column.decimals !== 'unknown') continue;
    const grouped = body.find((r) => !r.typed?.[column.position] && isDotGrouped(r.cells[column.position] ?? ''));
    if (grouped) result.warnings.push({ code: 'decimals_assumed', column: column.header, text: grouped.cells[column.position].trim() });
  }

  const Reader = layout.kind === 'wide' ? WideRowReader : layout.kind === 'long' ? LongRowReader : TransposedReader;
  const setting: ReaderSetting = { exportDate, columns: layout.columns, loaded, country: result.country?.chosen, seriesName: options.seriesName, format };
  const reader = new Reader(result, setting, body);
  if (reader instanceof RowReader) {
    // Dates in the week column: one day-month order for the whole file, decided from all of them.
    const weekAt = layout.columns.find((c) => c.role === 'week')!.position;
    const evidence = dateEvidenceOfCells(body.map((r) => ({ text: r.cells[weekAt] ?? '', line: r.line })).filter((c) => /^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*$/.test(c.text)));
    if (evidence.order === null) return rejectAll(result, body, { code: 'dates_mixed_order', dayFirstLine: evidence.dayFirstLine!, monthFirstLine: evidence.monthFirstLine! });
    if (evidence.order === 'month_first') result.warnings.push({ code: 'dates_month_first', line: evidence.monthFirstLine! });
    else if (evidence.dayFirstLine === null && evidence.ambiguous) result.warnings.push({ code: 'dates_ambiguous_order', ...evidence.ambiguous });
    reader.prepare(body, evidence.order);
  }
  for (const record of body) reader.read(record);
  if (reader instanceof RowReader) {
    // The load report names the period column by what was read from it: weeks, months, a year total between them.
    const read = new Set<Grain>(result.periodObservations.map((o) => o.grain));
    if (result.observations.length > 0) read.add('week');
    const periodColumn = result.columns.find((c) => c.role === 'week');
    if (periodColumn?.role === 'week') periodColumn.grains = GRAINS.filter((g) => read.has(g));
  }
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
 * The header is the record, among the first ones, that names a week (or year) column and the
 * most columns the reader knows: a group row above it ("Periode;Asiel;;Vertrek;") names fewer.
 * Else the first that holds weeks across its columns (a report with one column per week);
 * failing that, the first non-blank one.
 */
function findHeader(records: TableRow[]): number {
  const depth = Math.min(records.length, HEADER_SEARCH_DEPTH);
  let best = { index: -1, score: 0 };
  for (let i = 0; i < depth; i++) {
    const cells = records[i].cells.map((c) => c.trim());
    if (cells.some((c) => isWeekHeader(c) || isYearHeader(c))) {
      const score = cells.filter((c) => c !== '' && (isWeekHeader(c) || isYearHeader(c) || isMetricNameHeader(c) || isValueHeader(c) || matchMetricHeader(c) !== null)).length;
      if (score > best.score) best = { index: i, score };
    } else if (best.index < 0 && periodLabels(records[i].cells).length >= 2) return i;
  }
  if (best.index >= 0) return best.index;
  // No column named for its periods (a "Maand" column found by its content): the row naming the most known columns.
  for (let i = 0; i < depth; i++) {
    const score = records[i].cells.filter((c) => c.trim() !== '' && (matchMetricHeader(c.trim()) !== null || isDimensionHeader(c.trim()))).length;
    if (score > best.score) best = { index: i, score };
  }
  if (best.index >= 0) return best.index;
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

/** The positions of the cells that name a period of any grain: a week, month, quarter or year. */
function periodLabels(cells: string[]): number[] {
  const yearAndWeek = writesYearAndWeek(cells);
  return cells.flatMap((c, i) => (c.trim() !== '' && (longerPeriod(c, yearAndWeek) || parseWeekCell(c).ok) ? [i] : []));
}

/** The period a column header or cell names: a month, quarter or year, else an ISO week, else null. */
type AnyPeriod = { grain: 'week'; weekStart: string; label: string; fromDate?: string } | { grain: 'month' | 'quarter' | 'year'; label: string; provisional: boolean };

function anyPeriod(text: string, yearAndWeek: boolean): AnyPeriod | null {
  const longer = longerPeriod(text, yearAndWeek);
  if (longer) return { grain: longer.period.grain, label: formatPeriod(longer.period), provisional: longer.provisional };
  const week = parseWeekCell(text);
  return week.ok ? { grain: 'week', weekStart: isoWeekMonday(week.week), label: formatIsoWeek(week.week), fromDate: week.fromDate } : null;
}

/** CBS StatLine's footer lines: a note on purpose, never data. */
const FOOTER = /^(?:bron:\s*cbs|©\s*centraal bureau voor de statistiek|source:\s*(?:cbs|statistics netherlands))/i;

function isFooter(text: string): boolean {
  return FOOTER.test(text.trim());
}

/** SDMX-CSV by its columns; a CBS StatLine download by its period column, its subject column or its footer. */
function publicFormat(header: string[], records: TableRow[]): PublicFormat | undefined {
  const names = header.map((h) => h.trim().toUpperCase());
  if (names.includes('TIME_PERIOD') && names.includes('OBS_VALUE')) return 'sdmx_csv';
  if (names.includes('PERIODEN') || names.some((n) => /^ONDERWERPEN(_\d+)?$/.test(n))) return 'statline';
  const tail = records.slice(-3);
  if (tail.some((r) => isFooter(r.cells[0] ?? ''))) return 'statline';
  return undefined;
}

interface Layout {
  kind: 'wide' | 'long' | 'transposed';
  columns: ColumnReport[];
  problem: FileProblem | null;
}

function describeColumns(headers: string[], body: TableRow[], seriesName: string | undefined, keyColumns: boolean): Layout {
  const columns: ColumnReport[] = [];
  const trimmed = headers.map((h) => h.trim());
  const weekAt = trimmed.findIndex(isWeekHeader);
  const yearAt = trimmed.findIndex((h, i) => i !== weekAt && isYearHeader(h));
  const metricNameAt = trimmed.findIndex(isMetricNameHeader);
  const valueAt = trimmed.findIndex(isValueHeader);
  const acrossColumns = periodLabels(trimmed);
  if (weekAt < 0 && yearAt < 0 && acrossColumns.length >= 2) return transposedColumns(trimmed, acrossColumns, body, seriesName, keyColumns);
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
    const text = textColumnRole(header, body, position);
    if (text) return add(text);
    if (kind === 'long') return add({ role: 'ignored', why: 'not_numeric' });
    const match = matchMetricHeader(header, previousMetric);
    if (match) {
      previousMetric = match.metric;
      if (seen.has(match.metric)) return add({ role: 'ignored', why: 'duplicate_metric' });
      seen.add(match.metric);
      return add({ role: 'metric', metric: match.metric, via: match.via, ...(match.scale ? { scale: match.scale } : {}) });
    }
    // An internal row number is a number in every row, never a series.
    if (isRowIdHeader(header)) return add({ role: 'ignored', why: 'row_id' });
    const filled = body.filter((r) => !isMissingCell(r.cells[position] ?? ''));
    if (header === '' && filled.length === 0) return add({ role: 'ignored', why: 'empty_header' });
    if (filled.length === 0) return add({ role: 'ignored', why: 'empty' });
    const decimals = decimalConvention(filled.filter((r) => !r.typed?.[position]).map((r) => r.cells[position]));
    // One "n/b" among numbers does not make a text column: that cell's row is rejected, naming it.
    const numbers = filled.filter((r) => figureAt(r, position, false, decimals).kind !== 'error' || /^[-−]?[\d.,\s]+$/.test(r.cells[position].trim())).length;
    // A column without a header is kept under its position, and named so.
    const id = header === '' ? customMetricId(`kolom ${position + 1}`) : customMetricId(header);
    if (numbers < filled.length * NUMERIC_SHARE) return add(textColumnRole(header, body, position, true) ?? { role: 'ignored', why: 'not_numeric' });
    if (seen.has(id)) return add({ role: 'ignored', why: 'duplicate_metric' });
    if (columns.filter((c) => c.role === 'custom').length >= MAX_CUSTOM_METRICS) return add({ role: 'ignored', why: 'custom_limit' });
    seen.add(id);
    add({ role: 'custom', metric: id, decimals });
  });

  if (weekColumn < 0) return { kind, columns, problem: { code: 'no_week_column' } };
  const hasFigures = kind === 'long' || columns.some((c) => c.role === 'metric' || c.role === 'custom');
  return { kind, columns, problem: hasFigures ? null : { code: 'no_metric_columns' } };
}

/**
 * Periods across the columns: one row per series, one column per week, month, quarter or year.
 * The series' name is the column so named, else the first column before the periods that is no
 * dimension, country or unit; a table without one (a Eurostat TSV) takes seriesName. Dimension
 * and country columns before the periods are read as such; other columns are listed and not used.
 */
function transposedColumns(headers: string[], periodAt: number[], body: TableRow[], seriesName: string | undefined, keyColumns: boolean): Layout {
  const before = (i: number) => i < periodAt[0] && body.some((r) => (r.cells[i] ?? '').trim() !== '');
  // A country column is one even when empty: its rows are of no known country, never the chosen one.
  const textRoles = new Map(headers.map((header, i) => [i, i < periodAt[0] ? textColumnRole(header, body, i) : null]));
  const named = headers.findIndex((h, i) => before(i) && isMetricNameHeader(h));
  // A table that names no series column (a Eurostat TSV) is one series: its key columns are dimensions or constants.
  const nameAt = named >= 0 || keyColumns ? named : headers.findIndex((_, i) => before(i) && textRoles.get(i) === null);
  const periods = new Set<string>();
  const yearAndWeek = writesYearAndWeek(headers);
  const columns = headers.map((header, position): ColumnReport => {
    if (position === nameAt) return { position, header, role: 'metric_name' };
    const text = textRoles.get(position);
    if (text) return { position, header, ...text };
    if (!periodAt.includes(position)) return { position, header, role: 'ignored', why: header === '' ? 'empty_header' : 'not_numeric' };
    const period = anyPeriod(header, yearAndWeek);
    const label = period ? `${period.grain}:${period.label}` : header;
    if (periods.has(label)) return { position, header, role: 'ignored', why: 'duplicate_metric' };
    periods.add(label);
    return { position, header, role: 'week', ...(period ? { grains: [period.grain] } : {}) };
  });
  return { kind: 'transposed', columns, problem: nameAt < 0 && !seriesName ? { code: 'no_metric_columns' } : null };
}

/** A text column splits figures into series when its header says so, or when its values repeat as members do. */
const MEMBER_SHARE = 0.9;

/**
 * What a text column next to the figures is: a country column, a flag or unit column (listed, not
 * a series), a dimension (by its header, or, when `byContent`, by values that fill the column and
 * repeat: "Syrisch" on many rows), or none of these (null). A column with one value throughout
 * splits nothing and is no dimension.
 */
function textColumnRole(header: string, body: TableRow[], position: number, byContent = false): ColumnRole | null {
  if (isCountryHeader(header)) return { role: 'country' };
  if (isFlagHeader(header)) return { role: 'flag' };
  if (isUnitHeader(header)) return { role: 'ignored', why: 'not_numeric' };
  const named = isDimensionHeader(header);
  // Only a named column, or one already found not to be numbers, is worth a look at every cell.
  if (!named && (!byContent || header === '' || isRowIdHeader(header))) return null;
  const rows = body.filter((r) => !isBlank(r) && !isFooter(r.cells[0] ?? ''));
  const values = rows.map((r) => (r.cells[position] ?? '').trim()).filter((v) => v !== '');
  const distinct = new Set(values).size;
  if (distinct < 2) return null;
  if (named) return { role: 'dimension', name: header };
  const repeats = values.length >= rows.length * MEMBER_SHARE && distinct <= values.length / 2;
  return repeats ? { role: 'dimension', name: header } : null;
}

/**
 * Without a recognised week header: the first column (not taken) whose filled cells mostly read as
 * weeks, months or quarters (years alone are no evidence: a column of figures can hold 2019).
 */
function contentWeekColumn(headers: string[], body: TableRow[], taken: number[]): number {
  const sample = body.filter((r) => !isBlank(r)).slice(0, 50);
  return headers.findIndex((_, i) => {
    if (taken.includes(i)) return false;
    const cells = sample.map((r) => r.cells[i] ?? '').filter((c) => c.trim() !== '');
    const yearAndWeek = writesYearAndWeek(cells);
    const periods = cells.map((c) => anyPeriod(c, yearAndWeek));
    if (!periods.some((p) => p !== null && p.grain !== 'year')) return false;
    return cells.length > 0 && periods.filter((p) => p !== null).length >= cells.length * 0.8;
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
 * The figure in a cell: a count (catalogue metrics: whole and not negative) or any number, in the
 * decimal convention of its column. A number a workbook stored is taken as it is (its text would
 * be read the Dutch way: 1.234 as 1234).
 */
function figureAt(record: TableRow, position: number, count: boolean, decimals: DecimalConvention = 'unknown'): CountParse {
  const text = record.cells[position] ?? '';
  const typed = record.typed?.[position];
  if (typed && 'formula' in typed) return { kind: 'error', reason: 'formula_without_value', text: `=${typed.formula}` };
  if (!typed) return count ? parseCount(text) : parseInColumn(text, decimals);
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

/** What every reader of a table is given: the export date, the columns, the figures loaded before, and the read options. */
interface ReaderSetting {
  exportDate: string;
  columns: ColumnReport[];
  loaded: LoadedKeys;
  /** The country whose rows are read, when the table has a country column. */
  country?: string;
  seriesName?: string;
  format?: PublicFormat;
}

/** A figure of a month, quarter or year, before it has its metric and dimensions. */
type PeriodCell = { grain: PeriodObservation['grain']; period: string; provisional: boolean };

/**
 * Bookkeeping every layout shares: structure checks, countries and dimensions, duplicates across
 * the file, custom metrics and the tally.
 */
abstract class TableReader {
  sawNonMondayDate = false;
  protected readonly exportDate: string;
  protected readonly columns: ColumnReport[];
  protected readonly exportMonday: string;
  protected readonly custom = new Map<string, { label: string; unit?: string }>();
  private readonly loaded: LoadedKeys;
  private readonly country: { at: number; chosen: string } | null;
  private readonly dimensionColumns: { position: number; header: string }[];
  private readonly unitAt: number;
  private readonly flagAt: number;
  protected readonly format: PublicFormat | undefined;

  constructor(
    protected readonly result: TableReading,
    setting: ReaderSetting,
  ) {
    this.exportDate = setting.exportDate;
    this.columns = setting.columns;
    this.loaded = setting.loaded;
    this.format = setting.format;
    this.exportMonday = isoWeekMonday(isoWeekOfDate(setting.exportDate));
    const countryAt = this.columns.find((c) => c.role === 'country')?.position;
    this.country = countryAt === undefined ? null : { at: countryAt, chosen: setting.country ?? DEFAULT_COUNTRY };
    this.dimensionColumns = this.columns.filter((c) => c.role === 'dimension').map((c) => ({ position: c.position, header: c.header }));
    this.unitAt = this.columns.find((c) => c.role === 'ignored' && isUnitHeader(c.header))?.position ?? -1;
    this.flagAt = this.columns.find((c) => c.role === 'flag')?.position ?? -1;
  }

  abstract read(record: TableRow): void;

  customMetrics(): { id: string; label: string; unit?: string }[] {
    return [...this.custom].map(([id, { label, unit }]) => (unit ? { id, label, unit } : { id, label }));
  }

  protected addCustom(metric: string, label: string, record: TableRow): void {
    if (this.custom.has(metric)) return;
    const unit = this.unitAt >= 0 ? (record.cells[this.unitAt] ?? '').trim() : '';
    this.custom.set(metric, unit ? { label, unit } : { label });
  }

  /** Whether the row is of a total (the word in its first column), not a series; a dimension's "Totaal" member is not such a row. */
  protected isTotalRow(record: TableRow, ...texts: string[]): boolean {
    const firstIsMember = this.dimensionColumns.some((d) => d.position === 0) || this.country?.at === 0;
    return texts.some((t) => TOTAL_ROW.test(t)) || (!firstIsMember && TOTAL_ROW.test((record.cells[0] ?? '').trim()));
  }

  /** A row of another country than the chosen one: skipped, naming its country. True when skipped. */
  protected otherCountry(record: TableRow): boolean {
    if (!this.country) return false;
    const cell = (record.cells[this.country.at] ?? '').trim();
    if (cell === '' || isCountry(cell, this.country.chosen)) return false;
    this.skip(record, { code: 'other_country', country: cell, chosen: this.country.chosen });
    return true;
  }

  /** The row's dimension values in column order, a total member left out; or the column whose value is missing. */
  protected dimensions(record: TableRow): string[] | { missing: string } {
    // A row of a multi-country file that names no country is of no known country: never taken for the chosen one.
    if (this.country && (record.cells[this.country.at] ?? '').trim() === '') {
      const header = this.columns.find((c) => c.position === this.country!.at)!.header;
      return { missing: header || `#${this.country.at + 1}` };
    }
    const values: string[] = [];
    for (const { position, header } of this.dimensionColumns) {
      const value = (record.cells[position] ?? '').trim();
      if (value === '') return { missing: header || `#${position + 1}` };
      if (!isTotalMember(value, header)) values.push(value);
    }
    return values;
  }

  /**
   * A cell of a month, quarter or year: a number, a statistical symbol, a number with its flag (in
   * the cell, or in the flag column beside it). In an SDMX-CSV an empty value is a suppressed
   * observation, not an absent one.
   */
  protected statAt(record: TableRow, position: number, count: boolean, columnDecimals: DecimalConvention = 'unknown'): StatCell {
    // Eurostat writes a decimal point and no thousands separator: its 12.345 is twelve and a bit.
    const decimals = this.format === 'eurostat_tsv' || this.format === 'sdmx_csv' ? 'point' : columnDecimals;
    const typed = record.typed?.[position];
    let cell: StatCell = typed
      ? figureAt(record, position, count, decimals)
      : readStatCell(record.cells[position] ?? '', (t) => (count ? parseCount(t) : parseInColumn(t, decimals)));
    if (this.flagAt >= 0 && (cell.kind === 'value' || cell.kind === 'symbol' || this.format === 'sdmx_csv')) {
      const flag = readFlag(record.cells[this.flagAt] ?? '');
      if (flag === null) return { kind: 'error', reason: 'not_a_number', text: `${(record.cells[position] ?? '').trim()} ${(record.cells[this.flagAt] ?? '').trim()}` };
      if (cell.kind === 'missing') cell = { kind: 'symbol', symbol: flag.flag === 'c' || flag.flagCode?.includes('c') ? 'confidential' : 'not_available', value: null };
      if (cell.kind === 'value' || cell.kind === 'symbol') cell = { ...cell, ...flag };
    }
    return cell;
  }

  protected periodObservation(record: TableRow, metric: string, dimensions: string[], period: PeriodCell, cell: Extract<StatCell, { kind: 'value' | 'symbol' }>, scale = 1): PeriodObservation {
    const o: PeriodObservation = { ...origin(record), metric, dimensions, grain: period.grain, period: period.period, value: cell.value === null ? null : cell.value * scale };
    if (cell.kind === 'symbol') o.symbol = cell.symbol;
    const flag = cell.flag ?? (period.provisional ? 'provisional' : undefined);
    if (flag) o.flag = flag;
    if (cell.flagCode) o.flagCode = cell.flagCode;
    return o;
  }

  /**
   * A row with more filled fields than the header has columns. Fewer is what Excel writes when a
   * row's last fields are empty: those cells are empty, the row is not broken.
   */
  protected fieldCount(cells: string[]): RejectReason | null {
    const expected = this.columns.length;
    if (cells.length > expected && cells.slice(expected).some((c) => c.trim() !== '')) return { code: 'too_many_fields', found: cells.length, expected };
    return null;
  }

  /**
   * Loads a row's figures, unless an earlier row or table of the file gave one of its periods,
   * metrics and dimensions another value (rejected) or gave all of them already (skipped). True when loaded.
   */
  protected load(record: TableRow, observations: Observation[], periodObservations: PeriodObservation[] = []): boolean {
    const keyed = [
      ...observations.map((o) => ({ key: `${o.weekStart}|${o.metric}|${(o.dimensions ?? []).join('\u0001')}`, value: o.value, week: formatIsoWeek(isoWeekOfDate(o.weekStart)), metric: o.metric, o })),
      ...periodObservations.map((o) => ({ key: `${o.period}|${o.metric}|${o.dimensions.join('\u0001')}`, value: o.value, week: o.period, metric: o.metric, o })),
    ];
    const fresh = new Set<(typeof keyed)[number]['o']>();
    let same: { line: number; sheet?: string } | undefined;
    for (const k of keyed) {
      const earlier = this.loaded.get(k.key);
      if (!earlier) fresh.add(k.o);
      else if (earlier.value === k.value) same ??= earlier;
      else {
        this.reject(record, { code: 'duplicate_conflict', week: k.week, metric: k.metric, firstLine: earlier.line, ...sheetOf('firstSheet', earlier.sheet) });
        return false;
      }
    }
    if (same && fresh.size === 0) {
      this.skip(record, { code: 'duplicate_identical', firstLine: same.line, ...sheetOf('firstSheet', same.sheet) });
      return false;
    }
    for (const k of keyed) if (fresh.has(k.o)) this.loaded.set(k.key, { line: record.line, sheet: record.sheet, value: k.value });
    this.result.observations.push(...observations.filter((o) => fresh.has(o)));
    this.result.periodObservations.push(...periodObservations.filter((o) => fresh.has(o)));
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

/**
 * One row per period (wide and long layouts): the week, or the month, quarter or year (each kept
 * at its own grain, a year total never added to its months), and the export date.
 */
abstract class RowReader extends TableReader {
  private readonly weekAt = this.columns.find((c) => c.role === 'week')!.position;
  private readonly yearAt = this.columns.find((c) => c.role === 'year')?.position ?? -1;
  private readonly yearAndWeek: boolean;
  private readonly eurostat: boolean;
  private dateOrder: DateOrder = 'day_first';
  /** The years a week of this file is expected in (from the median year of its weeks); others are likely typos. */
  private usualYears: { from: number; to: number } | null = null;
  /** Excel's merged year cell: the year written on an earlier row, and the week it was last used with. */
  private carried: { year: string; week: number } | null = null;

  constructor(result: TableReading, setting: ReaderSetting, body: TableRow[]) {
    super(result, setting);
    // Eurostat writes weeks as 2020-W13: its 2020-13 is no week (and no month).
    this.eurostat = this.format === 'eurostat_tsv' || this.format === 'sdmx_csv';
    this.yearAndWeek = !this.eurostat && writesYearAndWeek(body.map((r) => r.cells[this.weekAt] ?? ''));
  }

  /** Before any row is read: the file's day-month order, and its usual years from all its weeks. */
  prepare(body: TableRow[], order: DateOrder): void {
    this.dateOrder = order;
    const years: number[] = [];
    for (const record of body) {
      const week = parseWeekCell(record.cells[this.weekAt] ?? '', order);
      if (week.ok) years.push(week.week.year);
      else if (this.yearAt >= 0 && /^\s*\d{4}\s*$/.test(record.cells[this.yearAt] ?? '')) years.push(Number(record.cells[this.yearAt]));
    }
    if (years.length === 0) return;
    const median = years.sort((a, b) => a - b)[Math.floor((years.length - 1) / 2)];
    this.usualYears = { from: median - TYPO_YEARS, to: median + TYPO_YEARS };
  }

  read(record: TableRow): void {
    if (record.unterminatedQuote) return this.reject(record, { code: 'unterminated_quote', fromLine: record.line });
    if (isBlank(record)) return this.skip(record, { code: 'blank_line' });
    const cells = record.cells;
    const weekText = (cells[this.weekAt] ?? '').trim();
    if (this.isTotalRow(record, weekText)) return this.skip(record, { code: 'total_row' });
    if (this.otherCountry(record)) return;
    // A month, quarter or year is read at its own grain, never taken for a week.
    const period = this.yearAt >= 0 && SHORT_WEEK.test(weekText) ? null : longerPeriod(weekText, this.yearAndWeek);
    if (period) {
      const structure = this.fieldCount(cells);
      if (structure) return this.reject(record, structure);
      const dimensions = this.dimensions(record);
      if (!Array.isArray(dimensions)) return this.reject(record, { code: 'dimension_missing', column: dimensions.missing });
      const label = formatPeriod(period.period);
      const toCome = periodStart(label)! > this.exportDate ? this.periodCells(record) : [];
      // A figure (or a cell that is no figure at all) for a period yet to come is an error in the
      // file; only symbols there (CBS "." not yet available) say nothing, and the row is passed over.
      // A row with nothing in it is read as any other (an empty row is skipped, a nameless one rejected).
      if (toCome.some((cell) => cell.kind === 'error' || givesFigure(cell))) {
        return this.reject(record, { code: 'period_after_export', period: label, exportDate: this.exportDate });
      }
      if (toCome.some((cell) => cell.kind === 'symbol')) return this.skip(record, { code: 'period_to_come', period: label, exportDate: this.exportDate });
      return this.readPeriodFigures(record, { grain: period.period.grain, period: label, provisional: period.provisional }, dimensions);
    }
    const week = this.week(cells);
    if (!this.hasFigures(cells)) {
      return week.ok ? this.skip(record, { code: 'no_values', week: formatIsoWeek(week.week) }) : this.skip(record, { code: 'note_line' });
    }
    const structure = this.fieldCount(cells);
    if (structure) return this.reject(record, structure);
    if (weekText === '') return this.reject(record, { code: 'week_missing' });
    if (this.eurostat && !/w/i.test(weekText)) return this.reject(record, { code: 'week_invalid', text: weekText, problem: 'not_a_week' });
    if (!week.ok) {
      if (week.reason === 'year_missing') return this.reject(record, { code: 'year_missing', week: weekText });
      return this.reject(record, { code: 'week_invalid', text: weekText, problem: week.reason, year: week.year });
    }
    if (this.usualYears && (week.week.year < this.usualYears.from || week.week.year > this.usualYears.to)) {
      const column = this.columns.find((c) => c.role === 'week')!.header;
      return this.reject(record, { code: 'date_likely_typo', column, text: weekText, ...this.usualYears });
    }
    const weekStart = isoWeekMonday(week.week);
    if (weekStart > this.exportMonday) {
      return this.reject(record, { code: 'week_after_export', week: formatIsoWeek(week.week), exportDate: this.exportDate });
    }
    if (week.fromDate && !isMonday(week.fromDate)) this.sawNonMondayDate = true;
    const dimensions = this.dimensions(record);
    if (!Array.isArray(dimensions)) return this.reject(record, { code: 'dimension_missing', column: dimensions.missing });
    this.readFigures(record, weekStart, formatIsoWeek(week.week), dimensions);
  }

  protected abstract hasFigures(cells: string[]): boolean;
  protected abstract readFigures(record: TableRow, weekStart: string, week: string, dimensions: string[]): void;
  protected abstract readPeriodFigures(record: TableRow, period: PeriodCell, dimensions: string[]): void;
  /** The cells of a month, quarter or year row that hold its figures, as read. */
  protected abstract periodCells(record: TableRow): StatCell[];

  private week(cells: string[]): WeekParse | { ok: false; reason: 'year_missing' } {
    const weekText = cells[this.weekAt] ?? '';
    if (this.yearAt >= 0 && SHORT_WEEK.test(weekText)) {
      const weekNumber = Number(weekText.replace(/\D/g, ''));
      let yearText = (cells[this.yearAt] ?? '').trim();
      if (yearText === '' && this.carried) {
        // A merged year cell is written on its first row only; the weeks below it count on, never back.
        if (weekNumber <= this.carried.week) return { ok: false, reason: 'year_missing' };
        yearText = this.carried.year;
      }
      if (/^\d{4}$/.test(yearText)) this.carried = { year: yearText, week: weekNumber };
      return parseYearAndWeek(yearText, weekText);
    }
    return parseWeekCell(weekText, this.dateOrder);
  }
}

/** An observation with its dimensions, when it has any (a weekly export without them stays as it was). */
function withDimensions(o: Observation, dimensions: string[]): Observation {
  return dimensions.length > 0 ? { ...o, dimensions } : o;
}

/** One row per period, one column per metric. */
class WideRowReader extends RowReader {
  private readonly figureColumns = this.columns.filter((c) => c.role === 'metric' || c.role === 'custom');
  private readonly firstLineOfWeek = new Map<string, { line: number; values: string }>();

  protected hasFigures(cells: string[]): boolean {
    return this.figureColumns.some((c) => !isMissingCell(cells[c.position] ?? ''));
  }

  protected readFigures(record: TableRow, weekStart: string, week: string, dimensions: string[]): void {
    const observations: Observation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const column of this.figureColumns) {
      if (column.role === 'custom') {
        const parsed = figureAt(record, column.position, false, column.decimals);
        if (parsed.kind === 'error') bad.push({ column: column.header || `#${column.position + 1}`, text: parsed.text, problem: parsed.reason });
        else if (parsed.kind === 'value') observations.push(withDimensions({ ...origin(record), weekStart, metric: column.metric, value: parsed.value }, dimensions));
        continue;
      }
      if (column.role !== 'metric') continue;
      const parsed = figureAt(record, column.position, true);
      if (parsed.kind === 'error') bad.push({ column: column.header, text: parsed.text, problem: parsed.reason });
      else if (parsed.kind === 'value') observations.push(withDimensions({ ...origin(record), weekStart, metric: column.metric, value: parsed.value * (column.scale ?? 1) }, dimensions));
    }
    if (bad.length > 0) return this.reject(record, { code: 'values_invalid', cells: bad });
    this.loadRow(record, `${weekStart}|${dimensions.join('\u0001')}`, week, observations, []);
  }

  protected periodCells(record: TableRow): StatCell[] {
    return this.figureColumns.map((column) => this.periodCell(record, column));
  }

  private periodCell(record: TableRow, column: ColumnReport): StatCell {
    return column.role === 'metric' ? this.statAt(record, column.position, true) : this.statAt(record, column.position, false, column.role === 'custom' ? column.decimals : undefined);
  }

  protected readPeriodFigures(record: TableRow, period: PeriodCell, dimensions: string[]): void {
    const figures: PeriodObservation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const column of this.figureColumns) {
      if (column.role !== 'custom' && column.role !== 'metric') continue;
      const cell = this.periodCell(record, column);
      if (cell.kind === 'error') bad.push({ column: column.header || `#${column.position + 1}`, text: cell.text, problem: cell.reason });
      else if (cell.kind !== 'missing') figures.push(this.periodObservation(record, column.metric, dimensions, period, cell, column.role === 'metric' ? column.scale : 1));
    }
    if (bad.length > 0) return this.reject(record, { code: 'values_invalid', cells: bad });
    if (figures.length === 0) return this.skip(record, { code: 'no_values_period', period: period.period });
    this.loadRow(record, `${period.grain}:${period.period}|${dimensions.join('\u0001')}`, period.period, [], figures);
  }

  /** A second row for the same period and dimensions: skipped when it repeats the first, rejected when it differs. */
  private loadRow(record: TableRow, key: string, label: string, observations: Observation[], figures: PeriodObservation[]): void {
    const values = [...observations.map((o) => `${o.metric}=${o.value}`), ...figures.map((o) => `${o.metric}=${o.value}${o.symbol ?? ''}${o.flag ?? ''}`)].join('|');
    const earlier = this.firstLineOfWeek.get(key);
    if (earlier) {
      if (earlier.values === values) return this.skip(record, { code: 'duplicate_identical', firstLine: earlier.line });
      return this.reject(record, { code: 'duplicate_conflict', week: label, firstLine: earlier.line });
    }
    if (!this.load(record, observations, figures)) return;
    this.firstLineOfWeek.set(key, { line: record.line, values });
    for (const column of this.figureColumns) if (column.role === 'custom') this.addCustom(column.metric, column.header || `Kolom ${column.position + 1}`, record);
  }
}

/** One row per period and metric: period, metric, value. */
class LongRowReader extends RowReader {
  private readonly nameAt = this.columns.find((c) => c.role === 'metric_name')!.position;
  private readonly valueAt = this.columns.find((c) => c.role === 'value')!.position;
  private readonly firstLineOfKey = new Map<string, { line: number; value: number }>();
  /** Each series outside the catalogue writes its decimals one way, decided from all its values. */
  private conventions = new Map<string, DecimalConvention>();

  protected hasFigures(cells: string[]): boolean {
    return !isMissingCell(cells[this.valueAt] ?? '');
  }

  override prepare(body: TableRow[], order: DateOrder): void {
    super.prepare(body, order);
    const values = new Map<string, string[]>();
    for (const record of body) {
      const name = (record.cells[this.nameAt] ?? '').trim();
      const text = record.cells[this.valueAt] ?? '';
      if (name !== '' && !record.typed?.[this.valueAt] && !isMissingCell(text)) values.set(name, [...(values.get(name) ?? []), text]);
    }
    this.conventions = new Map([...values].map(([name, texts]) => [name, decimalConvention(texts)]));
  }

  protected readFigures(record: TableRow, weekStart: string, week: string, dimensions: string[]): void {
    const name = (record.cells[this.nameAt] ?? '').trim();
    if (name === '') return this.reject(record, { code: 'metric_missing' });
    const match = matchMetricHeader(name);
    const metric = match?.metric ?? customMetricId(name);
    const text = record.cells[this.valueAt] ?? '';
    const parsed = figureAt(record, this.valueAt, match !== undefined && match !== null, this.conventions.get(name));
    if (parsed.kind !== 'value') {
      const problem = parsed.kind === 'error' ? parsed.reason : 'not_a_number';
      return this.reject(record, { code: 'values_invalid', cells: [{ column: name, text: text.trim(), problem }] });
    }
    const value = parsed.value * (match?.scale ?? 1);
    const key = `${weekStart}|${metric}|${dimensions.join('\u0001')}`;
    const earlier = this.firstLineOfKey.get(key);
    if (earlier) {
      if (earlier.value === value) return this.skip(record, { code: 'duplicate_identical', firstLine: earlier.line });
      return this.reject(record, { code: 'duplicate_conflict', week, metric, firstLine: earlier.line });
    }
    if (!this.load(record, [withDimensions({ ...origin(record), weekStart, metric, value }, dimensions)])) return;
    this.firstLineOfKey.set(key, { line: record.line, value });
    if (!match) this.addCustom(metric, name, record);
  }

  protected periodCells(record: TableRow): StatCell[] {
    const name = (record.cells[this.nameAt] ?? '').trim();
    // A row without a metric name holds no figure of anything.
    return name === '' ? [] : [this.statAt(record, this.valueAt, false, this.conventions.get(name))];
  }

  protected readPeriodFigures(record: TableRow, period: PeriodCell, dimensions: string[]): void {
    const name = (record.cells[this.nameAt] ?? '').trim();
    const cell = name === '' ? null : this.statAt(record, this.valueAt, false, this.conventions.get(name));
    if (cell?.kind === 'missing') return this.skip(record, { code: 'no_values_period', period: period.period });
    if (name === '') return this.reject(record, { code: 'metric_missing' });
    const match = matchMetricHeader(name);
    const metric = match?.metric ?? customMetricId(name);
    const checked = match ? this.statAt(record, this.valueAt, true) : cell!;
    if (checked.kind === 'error') return this.reject(record, { code: 'values_invalid', cells: [{ column: name, text: checked.text.trim(), problem: checked.reason }] });
    if (checked.kind === 'missing') return this.skip(record, { code: 'no_values_period', period: period.period });
    // Duplicates within the file and across its sheets: one key for both (load).
    if (!this.load(record, [], [this.periodObservation(record, metric, dimensions, period, checked, match?.scale)])) return;
    if (!match) this.addCustom(metric, name, record);
  }
}

/**
 * One row per series, one column per period (a management report's layout, a statistics table
 * "volgens tabelindeling", a Eurostat TSV). A row is one line of the report: loaded with all its
 * periods, rejected naming every bad cell, or skipped.
 */
class TransposedReader extends TableReader {
  private readonly nameAt = this.columns.find((c) => c.role === 'metric_name')?.position ?? -1;
  private readonly seriesName: string | undefined;
  private readonly periods: { position: number; header: string; period: AnyPeriod }[];

  constructor(result: TableReading, setting: ReaderSetting) {
    super(result, setting);
    this.seriesName = setting.seriesName;
    const headers = this.columns.map((c) => c.header);
    const yearAndWeek = writesYearAndWeek(headers);
    this.periods = this.columns.flatMap((c) => {
      const period = c.role === 'week' ? anyPeriod(c.header, yearAndWeek) : null;
      if (!period) return [];
      if (period.grain === 'week' && period.fromDate && !isMonday(period.fromDate)) this.sawNonMondayDate = true;
      return [{ position: c.position, header: c.header, period }];
    });
  }

  read(record: TableRow): void {
    if (record.unterminatedQuote) return this.reject(record, { code: 'unterminated_quote', fromLine: record.line });
    if (isBlank(record)) return this.skip(record, { code: 'blank_line' });
    const cells = record.cells;
    const name = this.nameAt >= 0 ? (cells[this.nameAt] ?? '').trim() : (this.seriesName ?? '');
    if (this.isTotalRow(record, this.nameAt >= 0 ? name : '')) return this.skip(record, { code: 'total_row' });
    if (this.periods.every((p) => isMissingCell(cells[p.position] ?? '') && (p.period.grain === 'week' || (cells[p.position] ?? '').trim() === ''))) {
      return this.skip(record, { code: 'note_line' });
    }
    // A units row under the header ("aantal" over every period): a note, not a series.
    if (name === '' && this.periods.every((p) => /^[^\d]*$/.test(cells[p.position] ?? '') && readStatCell(cells[p.position] ?? '', parseCount).kind !== 'symbol')) {
      return this.skip(record, { code: 'note_line' });
    }
    if (this.otherCountry(record)) return;
    const structure = this.fieldCount(cells);
    if (structure) return this.reject(record, structure);
    if (name === '') return this.reject(record, { code: 'metric_missing' });
    const dimensions = this.dimensions(record);
    if (!Array.isArray(dimensions)) return this.reject(record, { code: 'dimension_missing', column: dimensions.missing });
    // A Eurostat dataset is never a catalogue metric: its definitions differ (docs/input-formats.md).
    const match = this.nameAt >= 0 ? matchMetricHeader(name) : null;
    const metric = match?.metric ?? customMetricId(name);
    const observations: Observation[] = [];
    const figures: PeriodObservation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const { position, header, period } of this.periods) {
      if (period.grain !== 'week') {
        const cell = this.statAt(record, position, Boolean(match));
        if (cell.kind === 'error') bad.push({ column: header, text: cell.text, problem: cell.reason });
        else if (cell.kind !== 'missing' && periodStart(period.label)! > this.exportDate) {
          // A figure for a period yet to come is an error in the file; a symbol there (CBS "." not yet available) says nothing.
          if (givesFigure(cell)) bad.push({ column: header, text: (cells[position] ?? '').trim(), problem: 'period_after_export' });
        } else if (cell.kind !== 'missing') figures.push(this.periodObservation(record, metric, dimensions, { grain: period.grain, period: period.label, provisional: period.provisional }, cell, match?.scale));
        continue;
      }
      const parsed = figureAt(record, position, Boolean(match));
      if (parsed.kind === 'missing') continue;
      if (parsed.kind === 'error') bad.push({ column: header, text: parsed.text, problem: parsed.reason });
      else if (period.weekStart > this.exportMonday) bad.push({ column: header, text: (cells[position] ?? '').trim(), problem: 'week_after_export' });
      else observations.push(withDimensions({ ...origin(record), weekStart: period.weekStart, metric, value: parsed.value * (match?.scale ?? 1) }, dimensions));
    }
    if (bad.length > 0) return this.reject(record, { code: 'values_invalid', cells: bad });
    if (!this.load(record, observations, figures)) return;
    if (!match) this.addCustom(metric, name, record);
  }
}
