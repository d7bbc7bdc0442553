/**
 * Why a row was rejected or skipped, or why a file could not be read: structured, so the
 * interface can say it in Dutch or English and tests can assert on the code.
 */
import type { CountParse } from './numbers';

export type ValueProblem = Extract<CountParse, { kind: 'error' }>['reason'];

export type RejectReason =
  | { code: 'week_missing' }
  | { code: 'week_invalid'; text: string; problem: 'week_53_missing' | 'week_out_of_range' | 'invalid_date' | 'not_a_week'; year?: number }
  | { code: 'week_after_export'; week: string; exportDate: string }
  | { code: 'values_invalid'; cells: { column: string; text: string; problem: ValueProblem }[] }
  | { code: 'metric_missing' }
  | { code: 'too_many_fields'; found: number; expected: number }
  | { code: 'too_few_fields'; found: number; expected: number }
  | { code: 'unterminated_quote'; fromLine: number }
  | { code: 'duplicate_conflict'; week: string; metric?: string; firstLine: number }
  | { code: 'file_unusable' };

export type SkipReason =
  | { code: 'blank_line' }
  | { code: 'before_header' }
  | { code: 'total_row' }
  | { code: 'note_line' }
  | { code: 'no_values'; week: string }
  | { code: 'duplicate_identical'; firstLine: number };

export type FileProblem =
  | { code: 'binary_file' }
  | { code: 'empty_file' }
  | { code: 'no_data_rows' }
  | { code: 'no_week_column' }
  | { code: 'no_metric_columns' }
  | { code: 'read_failed'; message: string };

export type FileWarning =
  | { code: 'dates_not_mondays' }
  | { code: 'export_date_from_modified'; date: string };
