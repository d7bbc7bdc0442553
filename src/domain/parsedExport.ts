/**
 * What reading an export yields. Kept apart from the parser so the main thread can name these
 * types and build an empty result without bundling PapaParse.
 */
import type { MetricId } from './catalogue';
import type { FileProblem, FileWarning, RejectReason, SkipReason } from './reasons';

/** A weekly export's line is a few hundred characters; one of a megabyte is not a weekly export (and would cost the tab its memory). */
export const MAX_LINE_CHARS = 1_000_000;
/** More columns than any weekly export has; beyond this the file is refused before its columns are read. */
export const MAX_COLUMNS = 1000;
/** Columns outside the catalogue that get a panel of their own; more are listed but not loaded. */
export const MAX_CUSTOM_METRICS = 40;

/**
 * Turns a file's bytes into text. Dutch Excel writes Windows-1252 for "CSV (gescheiden door
 * lijstscheidingsteken)", UTF-8 with a BOM for "CSV UTF-8", and UTF-16 for "Unicode-tekst".
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ExportDate {
  date: string;
  source: 'file_name' | 'modified';
}

export type Delimiter = ';' | ',' | '\t' | '|';

export type ColumnRole =
  /** The period column (or, weeks across, one period header); `grains`: the grains its periods are at, when read. */
  | { role: 'week'; grains?: Grain[] }
  | { role: 'year' }
  | { role: 'metric_name' }
  | { role: 'value' }
  /** `scale`: a header such as "(x 1.000)" multiplies every cell. */
  | { role: 'metric'; metric: MetricId; via: 'alias' | 'forced_part'; scale?: number }
  /** `decimals`: how the column writes decimals, decided from all its cells (src/ingest/numbers.ts). */
  | { role: 'custom'; metric: string; decimals?: 'comma' | 'point' | 'unknown' | 'conflict' }
  /**
   * A text column that splits the figures into series (nationality, gender, age, …): each
   * combination of its values is a series of its own; `name` is the header as written.
   */
  | { role: 'dimension'; name: string }
  /** The country a row is about (Eurostat `geo`): only the chosen country's rows are read (ParsedExport.country). */
  | { role: 'country' }
  /** A column of flags for the value beside it (SDMX-CSV OBS_FLAG). */
  | { role: 'flag' }
  | { role: 'ignored'; why: 'not_numeric' | 'empty' | 'duplicate_metric' | 'empty_header' | 'custom_limit' | 'row_id' };

/** sheet: the workbook sheet the column is on (absent for CSV). */
export type ColumnReport = { position: number; header: string; sheet?: string } & ColumnRole;

/**
 * One sheet of a workbook as read: its own tally (loaded + rejected + skipped = data rows), and
 * the reason it holds no readable table, if so (its rows are then listed as skipped).
 */
export interface SheetReport {
  sheet: string;
  headerLine: number | null;
  dataLines: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  problem: FileProblem | null;
}

export interface Observation {
  /** The CSV line, or the sheet's row number when sheet is set (a workbook). */
  line: number;
  sheet?: string;
  /** Monday of the ISO week, "YYYY-MM-DD". */
  weekStart: string;
  metric: string;
  value: number;
  /** Values of the file's dimension columns in column order; absent or [] for the total. */
  dimensions?: string[];
}

/** How long a series' periods are. Weekly figures are `Observation`s; the longer ones `PeriodObservation`s. */
export type Grain = 'week' | 'month' | 'quarter' | 'year';

/** Every grain, shortest first. */
export const GRAINS: readonly Grain[] = ['week', 'month', 'quarter', 'year'];

/**
 * Why a cell holds a statistical symbol instead of a number: CBS `.` not available, `x`
 * confidential, `-` nil (that one loads as 0); Eurostat `:` not available.
 */
export type StatisticalSymbol = 'not_available' | 'confidential' | 'nil';

/**
 * A source's mark on a value: CBS `*` provisional; Eurostat flags after a value (`p` provisional,
 * `e` estimated, `b` break in series, `c` confidential, and the others of its code list as written);
 * `approximate` a figure published in words ("ruim 38.000", "zo'n 50"), not counted to the unit.
 */
export type ValueFlag = 'provisional' | 'approximate' | 'p' | 'e' | 'b' | 'c' | 'd' | 'f' | 'n' | 'r' | 's' | 'u' | 'z' | 'i' | 'm';

/**
 * One figure of a month, quarter or year (the public statistics' grains). Never added to weekly
 * figures, and a year total is never added to its months.
 */
export interface PeriodObservation {
  /** The CSV line, or the sheet's row number when sheet is set (a workbook). */
  line: number;
  sheet?: string;
  /** Catalogue id or custom id, without its dimensions. */
  metric: string;
  /** Values of the file's dimension columns (nationality, gender, …) in column order; [] for the total. */
  dimensions: string[];
  grain: Exclude<Grain, 'week'>;
  /** '2020-03' (month), '2020-Q1' (quarter), '2020' (year). */
  period: string;
  /** null when a statistical symbol stands in the cell (symbol says which). */
  value: number | null;
  symbol?: StatisticalSymbol;
  flag?: ValueFlag;
  /** Eurostat: the whole flag as written when it holds more than one letter ("bep"); `flag` is its first by weight (p, e, b, c, …). */
  flagCode?: string;
  /** Where the figure was published (a link), when the file says so per value. */
  source?: string;
}

export interface LineReport<R> {
  /** The CSV line, or the sheet's row number when sheet is set (a workbook). */
  line: number;
  sheet?: string;
  raw: string;
  reason: R;
}

export interface ParsedExport {
  name: string;
  sizeBytes: number;
  exportDate: ExportDate;
  /** contentHash of the bytes: breaks export-date ties after the file name. */
  contentHash: string;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  /**
   * transposed: one row per series, one column per week. The public download formats are named
   * as such: a CBS StatLine CSV, a Eurostat TSV, a Eurostat SDMX-CSV.
   */
  layout: 'wide' | 'long' | 'transposed' | 'statline' | 'eurostat_tsv' | 'sdmx_csv' | null;
  headerLine: number | null;
  dataLines: number;
  rowsLoaded: number;
  columns: ColumnReport[];
  /** A workbook's sheets, in workbook order; empty for a CSV file. */
  sheets: SheetReport[];
  /** unit: the unit the file gives the series in ("aantal", "PER"), when it says. */
  customMetrics: { id: string; label: string; unit?: string }[];
  observations: Observation[];
  /** Monthly, quarterly and yearly figures (statistics tables); empty for a weekly export. */
  periodObservations: PeriodObservation[];
  rejected: LineReport<RejectReason>[];
  skipped: LineReport<SkipReason>[];
  problem: FileProblem | null;
  warnings: FileWarning[];
  /**
   * A file with a country column (Eurostat's geo): the country whose rows were read (a code as the
   * file writes it, "NL" by default) and every country the file holds, for the user to choose.
   */
  country?: { chosen: string; found: string[] };
  /**
   * Set by the parse worker: the line reports as CSV bytes (line, outcome, raw, reason), with
   * `rejected` and `skipped` then empty. Two million reports cross to the page as one buffer.
   */
  packedReports?: { csv: Uint8Array; rejected: number; skipped: number };
}

export interface ExportInput {
  name: string;
  bytes: Uint8Array;
  lastModified: number;
  /** The country to read from a multi-country file (as the file writes it: "NL", "BE"); the Netherlands when absent. */
  country?: string;
}

/** The part of a parsed export one table yields (a CSV file, or one workbook sheet). */
export type TableFields = Pick<
  ParsedExport,
  'layout' | 'headerLine' | 'dataLines' | 'rowsLoaded' | 'columns' | 'customMetrics' | 'observations' | 'periodObservations' | 'rejected' | 'skipped' | 'problem' | 'warnings' | 'country'
>;

/** A table with nothing read from it yet: one definition for a file, a CSV table and a workbook sheet. */
export function emptyTable(): TableFields {
  return {
    layout: null,
    headerLine: null,
    dataLines: 0,
    rowsLoaded: 0,
    columns: [],
    customMetrics: [],
    observations: [],
    periodObservations: [],
    rejected: [],
    skipped: [],
    problem: null,
    warnings: [],
  };
}

/** A file with nothing read from it yet: the start of every parse, and what a file that cannot be read stays. */
export function emptyExport(name: string, sizeBytes: number, exportDate: ExportDate): ParsedExport {
  return { name, sizeBytes, exportDate, contentHash: '', encoding: null, delimiter: null, sheets: [], ...emptyTable() };
}

