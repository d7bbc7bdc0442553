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
  | { role: 'week' }
  | { role: 'year' }
  | { role: 'metric_name' }
  | { role: 'value' }
  | { role: 'metric'; metric: MetricId; via: 'alias' | 'forced_part' }
  | { role: 'custom'; metric: string }
  | { role: 'ignored'; why: 'not_numeric' | 'empty' | 'duplicate_metric' | 'empty_header' | 'custom_limit' };

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
  /** transposed: one row per series, one column per week. */
  layout: 'wide' | 'long' | 'transposed' | null;
  headerLine: number | null;
  dataLines: number;
  rowsLoaded: number;
  columns: ColumnReport[];
  /** A workbook's sheets, in workbook order; empty for a CSV file. */
  sheets: SheetReport[];
  customMetrics: { id: string; label: string }[];
  observations: Observation[];
  rejected: LineReport<RejectReason>[];
  skipped: LineReport<SkipReason>[];
  problem: FileProblem | null;
  warnings: FileWarning[];
}

export interface ExportInput {
  name: string;
  bytes: Uint8Array;
  lastModified: number;
}

/** A file with nothing read from it yet: the start of every parse, and what a file that cannot be read stays. */
export function emptyExport(name: string, sizeBytes: number, exportDate: ExportDate): ParsedExport {
  return {
    name,
    sizeBytes,
    exportDate,
    contentHash: '',
    encoding: null,
    delimiter: null,
    layout: null,
    headerLine: null,
    dataLines: 0,
    rowsLoaded: 0,
    columns: [],
    sheets: [],
    customMetrics: [],
    observations: [],
    rejected: [],
    skipped: [],
    problem: null,
    warnings: [],
  };
}

