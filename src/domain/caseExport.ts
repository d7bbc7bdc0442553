/**
 * A per-application ("case-level") export as the reader hands it to the store: one row per case
 * with an id, a received date and a decision date (empty while open).
 */
import type { Delimiter, ExportDate, TextEncodingName } from './parsedExport';
import type { DateOrder, FileProblem, FileWarning } from './reasons';

export type CaseField = 'case_id' | 'received' | 'decided' | 'hearing' | 'outcome' | 'nationality';

/** The case fields in the order of the columns of `CaseExport.rows`, after its line number. */
export const CASE_FIELDS: readonly CaseField[] = ['case_id', 'received', 'decided', 'hearing', 'outcome', 'nationality'];

/**
 * How SQL and BI exports write an empty cell, compared trimmed and in lower case: for text fields,
 * where "-" or "x" may be a value. The readers and the store's SQL checks both use this list.
 */
export const EMPTY_CELL_MARKERS: readonly string[] = ['null', '(null)', '(leeg)', 'leeg', '(blank)', '(empty)'];

export interface CaseLayout {
  delimiter: Delimiter;
  /** 1-based line of the header. */
  headerLine: number;
  headers: string[];
  /** Per column, the case field it holds, or null (kept in the report, not loaded). */
  fields: (CaseField | null)[];
  /** Columns that are an internal row id ("Id" next to "Zaaknummer"): listed as such, never read as the case id. */
  rowIds: number[];
}

/** What DuckDB needs to read a plain case-level file as the line-by-line reader would. */
export interface PlainCaseFile {
  newLine: '\n' | '\r\n';
  /** Some field begins or ends with a space: the cells are trimmed (which costs DuckDB as much as reading them). */
  padded: boolean;
  /** Some field is an empty-cell marker (NULL, (leeg)): the cells are compared with them. */
  markers: boolean;
  /** The ids rise from line to line, unquoted and without spaces: none can repeat, and none is looked for. */
  uniqueIds: boolean;
  /** Every date is a real one in ISO form or empty: DuckDB reads the date columns as dates. */
  typedDates: boolean;
  /** From the median year of the file's dates: a date outside is a likely typo (date_likely_typo). */
  usualYears: { from: number; to: number } | null;
  /** Some date's year lies outside usualYears: only then is the table searched for likely typos. */
  yearsOutside: boolean;
}

/** What DuckDB's one statement over a plain file needs: what the file's first lines can already show. */
export type PlainReading = Pick<PlainCaseFile, 'newLine' | 'padded' | 'markers' | 'typedDates'>;

export interface CaseExport {
  kind: 'cases';
  name: string;
  sizeBytes: number;
  exportDate: ExportDate;
  layout: CaseLayout;
  encoding: TextEncodingName;
  /** The file's day-month order, decided from all its dates. */
  dateOrder: DateOrder;
  /**
   * The cases that passed every check, as UTF-8 CSV without header: line, then CASE_FIELDS,
   * dates in ISO form, empty for none. DuckDB reads it with every type given.
   * For a plain file (`plain`): the original bytes from the header line on, unchecked.
   */
  rows: Uint8Array;
  /**
   * Set when the file is plain (src/ingest/casePlain.ts): every record is one line, so DuckDB
   * reads the original bytes and makes the checks itself; the counts below are then those of
   * the lines before the header only, and the store counts the rest.
   */
  plain?: PlainCaseFile;
  /** Rejected and skipped lines as UTF-8 CSV without header: line, outcome, raw, reason (JSON). */
  reports: Uint8Array;
  /** Records after the header line (a quoted line break does not start a new one), counted from the file. */
  dataLines: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** The original file's fingerprint (contentHash): breaks ties between exports of one date and name. */
  contentHash: string;
  problem: FileProblem | null;
  warnings: FileWarning[];
}

/**
 * A case-level export is a snapshot of its scope (a region, a desk): a newer export of the same
 * scope replaces the earlier ones whole, so a case it no longer lists is no longer open there.
 * Exports of different scopes add up. By default the scope is the file name without its date
 * ("IND_nareis_zaken_regio_zuid_2022-01-10.csv" → "ind_nareis_zaken_regio_zuid"); the user can
 * change it in the file list.
 */
export function defaultCaseScope(fileName: string): string {
  return fileName
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}|\d{8}/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The region a scope names, for titles: "ind_nareis_zaken_regio_zuid" → "Zuid",
 * "regio Noord-Oost" → "Noord-Oost"; null when the scope names no region.
 */
export function scopeRegion(scope: string): string | null {
  const match = /(?:^|[^a-z])regio[\s_]+([a-z0-9][a-z0-9\s_-]*)$/i.exec(scope.trim());
  if (!match) return null;
  return match[1]
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((word) => word.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()))
    .join(' ');
}
