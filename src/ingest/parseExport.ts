/**
 * Reads one weekly export into observations, with every data line accounted for:
 * loaded + rejected + skipped = data lines. Pure and synchronous, so it runs the same in the
 * parse worker and in unit tests.
 */
import Papa from 'papaparse';
import type { MetricId } from '../domain/catalogue';
import { decodeBytes } from './encoding';
import { exportDateOf } from './exportDate';
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
import { emptyExport, MAX_COLUMNS, MAX_CUSTOM_METRICS, MAX_LINE_CHARS, type ColumnReport, type ColumnRole, type Delimiter, type ExportInput, type LineReport, type Observation, type ParsedExport } from '../domain/parsedExport';
import type { FileProblem, RejectReason, SkipReason } from '../domain/reasons';

/** A record as PapaParse splits it, with the 1-based line it starts on and its raw text. */
interface SourceRecord {
  line: number;
  raw: string;
  cells: string[];
  unterminatedQuote: boolean;
}

const RAW_LINE_LIMIT = 1000;
const HEADER_SEARCH_DEPTH = 30;
const TOTAL_ROW = /^(totaal|totalen|total|totals|subtotaal|som|sum|gemiddelde|average|generaal totaal)\b/i;

export function parseExport(input: ExportInput, onProgress?: (fraction: number) => void): ParsedExport {
  const result = emptyExport(input.name, input.bytes.byteLength, exportDateOf(input.name, input.lastModified));
  if (result.exportDate.source === 'modified') result.warnings.push({ code: 'export_date_from_modified', date: result.exportDate.date });
  if (input.bytes.byteLength === 0) return { ...result, problem: { code: 'empty_file' } };

  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok) return { ...result, problem: { code: decoded.reason } };
  result.encoding = decoded.encoding;
  result.warnings.push(...(decoded.warnings ?? []));
  if (decoded.text.trim() === '') return { ...result, problem: { code: 'empty_file' } };
  const longest = longestLine(decoded.text);
  if (longest.characters > MAX_LINE_CHARS) return { ...result, problem: { code: 'line_too_long', line: longest.line, characters: longest.characters, max: MAX_LINE_CHARS } };

  const delimiter = detectDelimiter(decoded.text);
  result.delimiter = delimiter;
  const records = splitRecords(decoded.text, delimiter, onProgress);

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

  const reader = layout.kind === 'wide' ? new WideRowReader(result, layout.columns) : new LongRowReader(result, layout.columns);
  for (const record of body) reader.read(record);
  result.customMetrics = reader.customMetrics();
  if (reader.sawNonMondayDate) result.warnings.push({ code: 'dates_not_mondays' });
  return result;
}

/** The longest line (1-based) and its length, without splitting the text. */
function longestLine(text: string): { line: number; characters: number } {
  let longest = { line: 1, characters: 0 };
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > longest.characters) longest = { line, characters: stop - start };
    if (end === -1) break;
    start = end + 1;
  }
  return longest;
}

function rejectAll(result: ParsedExport, body: SourceRecord[], problem: FileProblem): ParsedExport {
  for (const record of body) {
    if (isBlank(record)) result.skipped.push(lineReport(record, { code: 'blank_line' }));
    else result.rejected.push(lineReport(record, { code: 'file_unusable' }));
  }
  return { ...result, problem };
}

/** The delimiter that splits the first lines into the most consistent number of fields (more than one). */
function detectDelimiter(text: string): Delimiter {
  const head = text.split(/\r\n|\n|\r/, 30).filter((l) => l.trim() !== '').join('\n');
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of [';', ',', '\t', '|'] as Delimiter[]) {
    const counts = Papa.parse<string[]>(head, { delimiter, skipEmptyLines: true }).data.map((r) => r.length);
    const modal = mode(counts);
    if (modal < 2) continue;
    const consistency = counts.filter((c) => c === modal).length / counts.length;
    const score = consistency * 1000 + modal;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function mode(values: number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of tally) if (n > bestCount || (n === bestCount && v > best)) [best, bestCount] = [v, n];
  return best;
}

function splitRecords(text: string, delimiter: Delimiter, onProgress?: (fraction: number) => void): SourceRecord[] {
  const records: SourceRecord[] = [];
  let start = 0;
  let line = 1;
  const progressEvery = 5000;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (row) => {
      const end = row.meta.cursor;
      const span = text.slice(start, end);
      start = end;
      if (span === '') return; // PapaParse's empty record after a final line break
      const unterminatedQuote = row.errors.some((e) => e.code === 'MissingQuotes');
      if (unterminatedQuote) {
        // One open quote swallows the rest of the file: account for each physical line.
        const lines = span.split(/\r\n|\n|\r/);
        if (lines[lines.length - 1] === '') lines.pop();
        lines.forEach((raw, i) => records.push({ line: line + i, raw, cells: [raw], unterminatedQuote: true }));
        line += lines.length;
        return;
      }
      records.push({ line, raw: span.replace(/(\r\n|\n|\r)$/, ''), cells: row.data, unterminatedQuote: false });
      line += countLineBreaks(span);
      if (onProgress && records.length % progressEvery === 0) onProgress(end / text.length);
    },
  });
  onProgress?.(1);
  return records;
}

function countLineBreaks(span: string): number {
  return (span.match(/\r\n|\n|\r/g) ?? []).length;
}

/** The header is the first record that names a week (or year) column; failing that, the first non-blank one. */
function findHeader(records: SourceRecord[]): number {
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

function describeColumns(headers: string[], body: SourceRecord[]): Layout {
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
function contentWeekColumn(headers: string[], body: SourceRecord[], taken: number[]): number {
  const sample = body.filter((r) => !isBlank(r)).slice(0, 50);
  return headers.findIndex((_, i) => {
    if (taken.includes(i)) return false;
    const cells = sample.map((r) => r.cells[i] ?? '').filter((c) => c.trim() !== '');
    return cells.length > 0 && cells.filter((c) => parseWeekCell(c).ok).length >= cells.length * 0.8;
  });
}

function isBlank(record: SourceRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

function lineReport<R>(record: SourceRecord, reason: R): LineReport<R> {
  const raw = record.raw.length > RAW_LINE_LIMIT ? `${record.raw.slice(0, RAW_LINE_LIMIT)}…` : record.raw;
  return { line: record.line, raw, reason };
}

/** Shared row bookkeeping for both layouts: structure checks, the week, duplicates and the tally. */
abstract class RowReader {
  sawNonMondayDate = false;
  private readonly weekAt: number;
  private readonly yearAt: number;
  private readonly exportMonday: string;
  protected readonly custom = new Map<string, string>();

  constructor(
    protected readonly result: ParsedExport,
    protected readonly columns: ColumnReport[],
  ) {
    this.weekAt = columns.find((c) => c.role === 'week')!.position;
    this.yearAt = columns.find((c) => c.role === 'year')?.position ?? -1;
    this.exportMonday = isoWeekMonday(isoWeekOfDate(result.exportDate.date));
  }

  read(record: SourceRecord): void {
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
      return this.reject(record, { code: 'week_after_export', week: formatIsoWeek(week.week), exportDate: this.result.exportDate.date });
    }
    if (week.fromDate && !isMonday(week.fromDate)) this.sawNonMondayDate = true;
    this.readFigures(record, weekStart, formatIsoWeek(week.week));
  }

  customMetrics(): { id: string; label: string }[] {
    return [...this.custom].map(([id, label]) => ({ id, label }));
  }

  protected abstract hasFigures(cells: string[]): boolean;
  protected abstract readFigures(record: SourceRecord, weekStart: string, week: string): void;

  protected load(observations: Observation[]): void {
    this.result.observations.push(...observations);
    this.result.rowsLoaded++;
  }

  protected reject(record: SourceRecord, reason: RejectReason): void {
    this.result.rejected.push(lineReport(record, reason));
  }

  protected skip(record: SourceRecord, reason: SkipReason): void {
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

  protected readFigures(record: SourceRecord, weekStart: string, week: string): void {
    const observations: Observation[] = [];
    const bad: Extract<RejectReason, { code: 'values_invalid' }>['cells'] = [];
    for (const column of this.figureColumns) {
      const text = record.cells[column.position] ?? '';
      if (column.role === 'custom') {
        const parsed = parseDecimal(text);
        if (parsed.kind === 'value') observations.push({ line: record.line, weekStart, metric: column.metric, value: parsed.value });
        continue;
      }
      if (column.role !== 'metric') continue;
      const parsed = parseCount(text);
      if (parsed.kind === 'error') bad.push({ column: column.header, text: parsed.text, problem: parsed.reason });
      else if (parsed.kind === 'value') observations.push({ line: record.line, weekStart, metric: column.metric, value: parsed.value });
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

  protected readFigures(record: SourceRecord, weekStart: string, week: string): void {
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
    this.load([{ line: record.line, weekStart, metric, value }]);
  }
}
