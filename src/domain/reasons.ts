/**
 * Why a row was rejected or skipped, or why a file could not be read: structured, so the
 * interface can say it in Dutch or English and tests can assert on the code.
 */
import type { LookalikeReason, MetricId } from './catalogue';

/** Whether a file writes 06/07/2020 for 6 July (day first) or for 7 June (month first): decided per file. */
export type DateOrder = 'day_first' | 'month_first';

/** Why a cell is not a count (or, in a column outside the catalogue, not a number). */
/** formula_without_value: a workbook formula with no calculated value stored (formulas are never evaluated here). */
export type ValueProblem = 'negative' | 'decimal' | 'ambiguous_comma' | 'not_a_number' | 'formula_without_value' | 'week_after_export' | 'period_after_export';

export type RejectReason =
  | { code: 'week_missing' }
  | { code: 'week_invalid'; text: string; problem: 'week_53_missing' | 'week_out_of_range' | 'invalid_date' | 'not_a_week'; year?: number }
  | { code: 'week_after_export'; week: string; exportDate: string }
  /** A month, quarter or year that starts after the export date (one that has begun is kept: its figure so far). */
  | { code: 'period_after_export'; period: string; exportDate: string }
  /** The year column is empty and the year of the rows above cannot be carried on (the week number went down). */
  | { code: 'year_missing'; week: string }
  | { code: 'values_invalid'; cells: { column: string; text: string; problem: ValueProblem }[] }
  | { code: 'metric_missing' }
  /** A dimension column (nationality, gender, …) left empty on a row: which series it belongs to is unknown. */
  | { code: 'dimension_missing'; column: string }
  | { code: 'too_many_fields'; found: number; expected: number }
  | { code: 'too_few_fields'; found: number; expected: number }
  | { code: 'unterminated_quote'; fromLine: number }
  | { code: 'duplicate_conflict'; week: string; metric?: string; firstLine: number; firstSheet?: string }
  | { code: 'file_unusable' }
  /** A date that is no date in the file's order (31-02-2020, or 13/05/2020 in a month-first file). */
  | { code: 'case_date_invalid'; column: string; text: string; order: DateOrder }
  /** A year far outside the file's own years (1920 among 2020): taken for a typo, not loaded. */
  | { code: 'date_likely_typo'; column: string; text: string; from: number; to: number }
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
  /** A month, quarter or year ("2020-03", "2020-Q1", "2020") with no figure or symbol in any cell. */
  | { code: 'no_values_period'; period: string }
  /** A month, quarter or year that starts after the export date, with only "not yet available" symbols in it. */
  | { code: 'period_to_come'; period: string; exportDate: string }
  /** A row of another country than the one chosen (a multi-country statistics file): country as the file writes it. */
  | { code: 'other_country'; country: string; chosen: string }
  | { code: 'duplicate_identical'; firstLine: number; firstSheet?: string }
  /** A workbook sheet that holds no table the app reads (a title, notes, a chart): its rows, listed. */
  | { code: 'sheet_not_read' }
  /** A figure over a range of periods ("2022-W01/2022-W05", "2022-01/2022-06"): a sum or mean over the range, not a figure of one period. */
  | { code: 'period_range'; period: string }
  /** A period that names no one week, month, quarter or year ("2023 (YTD early Sep)"). */
  | { code: 'period_unclear'; period: string }
  /** A share or rate among counts ("percent"): shown as a count it would mean something else. */
  | { code: 'not_a_count'; unit: string };

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
  /** Dates only day-first can read and dates only month-first can, in one file: it is not read either way. */
  | { code: 'dates_mixed_order'; dayFirstLine: number; monthFirstLine: number }

  /** Workbooks: password-protected (an encrypted container); damaged; unpacking past the limit (a zip bomb); a sheet past the row limit. */
  | { code: 'workbook_encrypted' }
  | { code: 'workbook_unreadable'; message: string }
  | { code: 'workbook_too_large_unpacked'; bytes: number; max: number }
  | { code: 'sheet_too_many_rows'; sheet: string; rows: number; max: number };

export type FileWarning =
  | { code: 'dates_not_mondays' }
  /** Bytes not in the file's encoding (most of the file is UTF-8), read as Windows-1252: the first 100 lines they are on. */
  | { code: 'encoding_repaired'; encoding: 'utf-8'; lines: number[]; count: number }
  /** Control characters (a NUL) where text belongs: the first 100 lines they are on. */
  | { code: 'control_characters'; lines: number[] }
  | { code: 'export_date_from_modified'; date: string }
  /** A column outside the catalogue with no cell that shows its decimal sign: "27.000" read as 27000 (as a Dutch file writes it). */
  | { code: 'decimals_assumed'; column: string; text: string }
  /** The file's dates are month first (06/29/2020 on `line`): all its dates were read so. */
  | { code: 'dates_month_first'; line: number }
  /** Dates such as 06/01/2020 that month-first would read differently: read day-first. */
  | { code: 'dates_ambiguous_order'; count: number; line: number; text: string }
  /** Case ids that differ only by leading zeros (000123 and 123, as Excel strips them): kept as two cases. */
  | { code: 'case_ids_leading_zeros'; count: number; withZeros: string; without: string }

  /** A column or series name kept as a custom series that looks like a catalogue metric it is not. */
  | { code: 'lookalike_metric'; header: string; metric: MetricId; reason: LookalikeReason };
