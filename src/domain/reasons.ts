/**
 * Why a row was rejected or skipped, or why a file could not be read: structured, so the
 * interface can say it in Dutch or English and tests can assert on the code.
 */
import type { LookalikeReason, MetricId } from './catalogue';
/** Why a cell is not a count (or, in a column outside the catalogue, not a number). */
/** formula_without_value: a workbook formula with no calculated value stored (formulas are never evaluated here). */
export type ValueProblem = 'negative' | 'decimal' | 'ambiguous_comma' | 'not_a_number' | 'formula_without_value' | 'week_after_export';

export type RejectReason =
  | { code: 'week_missing' }
  | { code: 'week_invalid'; text: string; problem: 'week_53_missing' | 'week_out_of_range' | 'invalid_date' | 'not_a_week'; year?: number }
  | { code: 'week_after_export'; week: string; exportDate: string }
  /** A month, quarter or year where a week belongs (period as "2020-12", "2020-Q1", "2020"): not read as a week, and not yet read as itself. */
  | { code: 'period_not_week'; text: string; period: string; grain: 'month' | 'quarter' | 'year' }
  | { code: 'values_invalid'; cells: { column: string; text: string; problem: ValueProblem }[] }
  | { code: 'metric_missing' }
  | { code: 'too_many_fields'; found: number; expected: number }
  | { code: 'too_few_fields'; found: number; expected: number }
  | { code: 'unterminated_quote'; fromLine: number }
  | { code: 'duplicate_conflict'; week: string; metric?: string; firstLine: number; firstSheet?: string }
  | { code: 'file_unusable' }
  /** `dateFormat`: the file's own date spelling (strftime), which every date in it must use. */
  | { code: 'case_value_unreadable'; column: string; text: string; dateFormat: string }
  | { code: 'case_line_unreadable'; message: string }
  | { code: 'case_id_missing' }
  | { code: 'case_received_missing' }
  | { code: 'case_decided_before_received'; received: string; decided: string }
  | { code: 'case_duplicate_id'; id: string; firstLine: number }
  | { code: 'case_date_after_export'; column: string; date: string; exportDate: string };

export type SkipReason =
  | { code: 'blank_line' }
  | { code: 'before_header' }
  | { code: 'total_row' }
  | { code: 'note_line' }
  | { code: 'no_values'; week: string }
  | { code: 'duplicate_identical'; firstLine: number; firstSheet?: string }
  /** A workbook sheet that holds no table the app reads (a title, notes, a chart): its rows, listed. */
  | { code: 'sheet_not_read' };

export type FileProblem =
  | { code: 'binary_file' }
  | { code: 'empty_file' }
  | { code: 'no_data_rows' }
  | { code: 'no_week_column' }
  | { code: 'no_metric_columns' }
  | { code: 'read_failed'; message: string }
  /** The reader (the parse worker) stopped before it answered: the file may be fine. */
  | { code: 'reader_stopped'; message: string }
  | { code: 'line_too_long'; line: number; characters: number; max: number }
  | { code: 'too_many_columns'; count: number; max: number }
  | { code: 'too_large'; bytes: number; max: number; caseLevel: boolean }
  /** Workbooks: password-protected (an encrypted container); damaged; unpacking past the limit (a zip bomb); a sheet past the row limit. */
  | { code: 'workbook_encrypted' }
  | { code: 'workbook_unreadable'; message: string }
  | { code: 'workbook_too_large_unpacked'; bytes: number; max: number }
  | { code: 'sheet_too_many_rows'; sheet: string; rows: number; max: number };

export type FileWarning =
  | { code: 'dates_not_mondays' }
  | { code: 'export_date_from_modified'; date: string }
  /** A column or series name kept as a custom series that looks like a catalogue metric it is not. */
  | { code: 'lookalike_metric'; header: string; metric: MetricId; reason: LookalikeReason };
