/**
 * A per-application ("case-level") export as the reader hands it to the store: one row per case
 * with an id, a received date and a decision date (empty while open).
 */
import type { Delimiter, ExportDate } from './parsedExport';

export type CaseField = 'case_id' | 'received' | 'decided' | 'hearing' | 'outcome' | 'nationality';

/** The date spellings a case export may use; day first, never month first. */
export const CASE_DATE_FORMATS = { iso: '%Y-%m-%d', dutchDash: '%d-%m-%Y', dutchSlash: '%d/%m/%Y' } as const;
export type CaseDateFormat = (typeof CASE_DATE_FORMATS)[keyof typeof CASE_DATE_FORMATS];

export interface CaseLayout {
  delimiter: Delimiter;
  /** 1-based line of the header. */
  headerLine: number;
  headers: string[];
  /** Per column, the case field it holds, or null (kept in the report, not loaded). */
  fields: (CaseField | null)[];
  /** The spelling most dates in the first rows use; a date in another spelling rejects its row. */
  dateFormat: CaseDateFormat;
  encoding: 'utf-8' | 'latin-1';
}

export interface CaseExport {
  kind: 'cases';
  name: string;
  sizeBytes: number;
  exportDate: ExportDate;
  bytes: Uint8Array;
  layout: CaseLayout;
  /** Lines after the header, the last line's newline not counting as another. */
  dataLines: number;
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
