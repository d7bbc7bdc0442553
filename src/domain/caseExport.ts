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
