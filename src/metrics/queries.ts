/**
 * Every read of the data, as SQL against the views in src/db/schema.ts. Components call
 * these through TanStack Query and never write SQL of their own.
 */
import type { Database } from '../db/database';
import type { ColumnRole, SheetReport } from '../domain/parsedExport';
import type { FileProblem, FileWarning, RejectReason, SkipReason } from '../domain/reasons';
import type { Dataset } from '../domain/dataset';
import { DAY, ISO_WEEK } from '../db/sql';
import { EXPORT_ORDER } from '../db/schema';

/** Mondays, "YYYY-MM-DD". */
export interface WeekRange {
  first: string;
  last: string;
}

export interface MetricInData {
  metric: string;
  /** The header a custom metric was found under; null for catalogue metrics. */
  customLabel: string | null;
  weeks: number;
  first: string;
  last: string;
}

/**
 * What a dataset holds, for every dataset at once: its weekly metrics, its range of weeks, its
 * files, and whether it has monthly, quarterly or yearly figures. One statement, shared by all who
 * ask while it is under way (Database.shared): a view asks all of these together at start-up and
 * after every store, and four statements of a few milliseconds each cost a first visit's
 * confirmation some 120 ms of round trips to DuckDB's worker.
 */
export interface DataOverview {
  metrics: Map<Dataset, MetricInData[]>;
  weekRanges: Map<Dataset, WeekRange>;
  fileCounts: Map<Dataset, number>;
  withPeriods: Set<Dataset>;
}

const DATA_OVERVIEW = `
WITH labels AS (
  -- A custom metric's header as the newest file of its dataset writes it.
  SELECT f.dataset, cm.metric, arg_max(cm.label, cm.file_id) AS label
  FROM custom_metrics cm JOIN files f USING (file_id) GROUP BY f.dataset, cm.metric
),
metrics AS (
  SELECT c.dataset, c.metric, any_value(l.label) AS "customLabel", count(*) AS weeks, min(c.week_start) AS first_day, max(c.week_start) AS last_day
  FROM current_observations c
  -- A series split by dimensions ("custom_x|Syrisch") has its metric's header.
  LEFT JOIN labels l ON l.dataset = c.dataset AND l.metric = split_part(c.metric, '|', 1)
  GROUP BY c.dataset, c.metric
)
SELECT 'metric' AS part, dataset, metric, "customLabel", weeks, ${ISO_WEEK('first_day')} AS first, ${ISO_WEEK('last_day')} AS last FROM metrics
UNION ALL BY NAME
SELECT 'weeks' AS part, dataset, ${DAY('min(first_day)')} AS "firstDay", ${DAY('max(last_day)')} AS "lastDay" FROM metrics GROUP BY dataset
UNION ALL BY NAME
SELECT 'files' AS part, dataset, CAST(count(*) AS INTEGER) AS files FROM files GROUP BY dataset
UNION ALL BY NAME
SELECT DISTINCT 'periods' AS part, dataset FROM current_periods
ORDER BY part, dataset, metric`;

export function dataOverview(db: Database): Promise<DataOverview> {
  return db.shared('dataOverview', async () => {
    const rows = await db.query<{ part: string; dataset: Dataset } & Record<string, unknown>>(DATA_OVERVIEW);
    const overview: DataOverview = { metrics: new Map(), weekRanges: new Map(), fileCounts: new Map(), withPeriods: new Set() };
    for (const row of rows) {
      const { dataset } = row;
      if (row.part === 'metric') {
        const metric: MetricInData = { metric: row.metric as string, customLabel: row.customLabel as string | null, weeks: Number(row.weeks), first: row.first as string, last: row.last as string };
        const metrics = overview.metrics.get(dataset);
        if (metrics) metrics.push(metric);
        else overview.metrics.set(dataset, [metric]);
      } else if (row.part === 'weeks') overview.weekRanges.set(dataset, { first: row.firstDay as string, last: row.lastDay as string });
      else if (row.part === 'files') overview.fileCounts.set(dataset, row.files as number);
      else overview.withPeriods.add(dataset);
    }
    return overview;
  });
}

export async function metricsInData(db: Database, dataset: Dataset): Promise<MetricInData[]> {
  return (await dataOverview(db)).metrics.get(dataset) ?? [];
}

export async function loadedWeekRange(db: Database, dataset: Dataset): Promise<WeekRange | null> {
  return (await dataOverview(db)).weekRanges.get(dataset) ?? null;
}

export interface FileReport {
  fileId: number;
  name: string;
  sizeBytes: number;
  exportDate: string;
  exportDateSource: 'file_name' | 'modified';
  encoding: string | null;
  delimiter: string | null;
  layout: 'wide' | 'long' | 'transposed' | 'cases' | null;
  headerLine: number | null;
  dataLines: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
  /** Values this file reports that a newer export reports too (and so takes precedence)... */
  valuesSuperseded: number;
  /** ...and how many of those the newer export changed. */
  valuesRevised: number;
  problem: FileProblem | null;
  warnings: FileWarning[];
  /** The original file in the browser's storage, if it is kept there. */
  storeKey: number | null;
  /** A case-level export: the scope it is a snapshot of... */
  caseScope: string | null;
  /** ...the newer export of that scope that replaces it (it then counts for nothing)... */
  replacedBy: string | null;
  /** ...and the earlier exports of that scope it replaces. */
  replaces: string[];
  /** A multi-country statistics file: the country whose rows were read, and every country it holds. */
  country: { chosen: string; found: string[] } | null;
}

/** How many files a dataset holds (every one, loaded or not): the header's count, without the file list's work. */
export async function fileCount(db: Database, dataset: Dataset): Promise<number> {
  return (await dataOverview(db)).fileCounts.get(dataset) ?? 0;
}

export async function fileReports(db: Database, dataset: Dataset): Promise<FileReport[]> {
  const rows = await db.query<Omit<FileReport, 'problem' | 'warnings' | 'replaces' | 'country'> & { problem: string | null; warnings: string; replaces: string | null; countryChosen: string | null; countriesFound: string | null }>(
    `WITH ranked AS (
       SELECT f.file_id, f.name, s.scope, row_number() OVER (PARTITION BY s.scope ORDER BY ${EXPORT_ORDER}) AS rank
       FROM files f JOIN case_scopes s USING (file_id) WHERE f.dataset = ? AND f.rows_loaded > 0
     )
     SELECT f.file_id AS "fileId", f.name, f.size_bytes AS "sizeBytes", ${DAY('f.export_date')} AS "exportDate",
            f.export_date_source AS "exportDateSource", f.encoding, f.delimiter, f.layout, f.header_line AS "headerLine",
            f.data_lines AS "dataLines", f.rows_loaded AS "rowsLoaded", f.rows_rejected AS "rowsRejected",
            f.rows_skipped AS "rowsSkipped", f.problem, f.warnings, f.store_key AS "storeKey",
            coalesce(s.superseded, 0) AS "valuesSuperseded", coalesce(s.revised, 0) AS "valuesRevised",
            cs.scope AS "caseScope", cs.replaced_by AS "replacedBy", cs.replaces,
            fc.chosen AS "countryChosen", fc.found AS "countriesFound"
     FROM files f
     LEFT JOIN file_countries fc USING (file_id)
     LEFT JOIN (
       SELECT v.file_id, count(*) AS superseded, count(*) FILTER (WHERE v.value <> c.value) AS revised
       FROM observation_versions v
       JOIN current_observations c ON c.dataset = v.dataset AND c.metric = v.metric AND c.week_start = v.week_start
       -- This dataset's only: the ranking is then over its observations, not every dataset's (the header asks for the user's files at every start).
       WHERE v.version_rank > 1 AND v.dataset = ?
       GROUP BY v.file_id
     ) s USING (file_id)
     LEFT JOIN (
       -- Per case-level export: its scope, the export in force of that scope if it is another, and the older ones it replaces.
       SELECT s.file_id, s.scope,
              CASE WHEN s.rank > 1 THEN first_value(s.name) OVER scope_order END AS replaced_by,
              CASE WHEN s.rank = 1 THEN (SELECT string_agg(o.name, '\n' ORDER BY o.name) FROM ranked o WHERE o.scope = s.scope AND o.rank > 1) END AS replaces
       FROM ranked s
       WINDOW scope_order AS (PARTITION BY s.scope ORDER BY s.rank)
     ) cs USING (file_id)
     WHERE f.dataset = ? ORDER BY f.file_id`,
    [dataset, dataset, dataset],
  );
  return rows.map(({ countryChosen, countriesFound, ...r }) => ({
    ...r,
    problem: r.problem ? JSON.parse(r.problem) : null,
    warnings: JSON.parse(r.warnings),
    replaces: r.replaces ? r.replaces.split('\n') : [],
    country: countryChosen === null ? null : { chosen: countryChosen, found: countriesFound ? countriesFound.split(',') : [] },
  }));
}

/** A workbook's sheet as read, with its own tally; CSV files have none. */
export type SheetSummary = SheetReport & { fileId: number };

export async function fileSheets(db: Database, dataset: Dataset): Promise<SheetSummary[]> {
  const rows = await db.query<Omit<SheetSummary, 'problem'> & { problem: string | null }>(
    `SELECT s.file_id AS "fileId", s.sheet, s.header_line AS "headerLine", s.data_lines AS "dataLines", s.rows_loaded AS "rowsLoaded",
            s.rows_rejected AS "rowsRejected", s.rows_skipped AS "rowsSkipped", s.problem
     FROM file_sheets s JOIN files f USING (file_id) WHERE f.dataset = ? ORDER BY s.file_id, s.position`,
    [dataset],
  );
  return rows.map((r) => ({ ...r, problem: r.problem ? JSON.parse(r.problem) : null }));
}

export type ColumnSummary = { fileId: number; position: number; header: string; role: ColumnRole['role'] | 'case'; metric: string | null; detail: string | null; sheet: string | null };

export async function fileColumns(db: Database, dataset: Dataset): Promise<ColumnSummary[]> {
  return db.query<ColumnSummary>(
    `SELECT c.file_id AS "fileId", c.position, c.header, c.role, c.metric, c.detail, c.sheet
     FROM file_columns c JOIN files f USING (file_id) LEFT JOIN file_sheets s ON s.file_id = c.file_id AND s.sheet = c.sheet
     WHERE f.dataset = ? ORDER BY c.file_id, s.position NULLS FIRST, c.position`,
    [dataset],
  );
}

/** sheet: with line, the workbook sheet and its row; null for CSV. */
export type LineOutcome =
  | { fileId: number; sheet: string | null; line: number; raw: string; outcome: 'rejected'; reason: RejectReason }
  | { fileId: number; sheet: string | null; line: number; raw: string; outcome: 'skipped'; reason: SkipReason };

/** Line reports come a page at a time: a file can have a million rejected lines, the page shows a thousand. */
export const LINE_PAGE = 1000;

/** One page of one file's rejected or skipped lines, in line order. */
export async function lineReportPage(db: Database, fileId: number, outcome: LineOutcome['outcome'], page: number, size = LINE_PAGE): Promise<LineOutcome[]> {
  const rows = await db.query<Omit<LineOutcome, 'reason'> & { reason: string }>(
    `SELECT r.file_id AS "fileId", r.sheet, r.line, r.raw, r.outcome, r.reason
     FROM line_reports r LEFT JOIN file_sheets s ON s.file_id = r.file_id AND s.sheet = r.sheet
     WHERE r.file_id = ? AND r.outcome = ? ORDER BY s.position NULLS FIRST, r.line LIMIT ${Math.trunc(size)} OFFSET ${Math.trunc(page * size)}`,
    [fileId, outcome],
  );
  return rows.map((r) => ({ ...r, reason: JSON.parse(r.reason) }) as LineOutcome);
}

export interface ObservationVersion {
  value: number;
  fileName: string;
  /** With line, the workbook sheet and its row; null for CSV. */
  sheet: string | null;
  line: number;
  exportDate: string;
  current: boolean;
}

/** Every value the loaded exports gave for one week and metric, newest first. */
export async function observationHistory(db: Database, dataset: Dataset, metric: string, weekStart: string): Promise<ObservationVersion[]> {
  return db.query<ObservationVersion>(
    `SELECT value, file_name AS "fileName", sheet, line, ${DAY('export_date')} AS "exportDate", version_rank = 1 AS current
     FROM observation_versions WHERE dataset = ? AND metric = ? AND week_start = CAST(? AS DATE)
     ORDER BY version_rank`,
    [dataset, metric, weekStart],
  );
}
