/**
 * The tables behind every figure. Each observation keeps the file and line it came from;
 * each file keeps its export date, which orders revisions. Core types only: anything that
 * needs an extension (JSON, ICU, TIMESTAMPTZ) would be fetched from the internet.
 */
import type { Database } from './database';

/**
 * Which export is newer: the later export date; on the same date the file name later in
 * alphabetical order, then the larger content hash. Never the load order, which a reload changes.
 */
const NEWER_BY = ['export_date', 'name', 'content_hash'] as const;
/** Newest first: `ORDER BY ${EXPORT_ORDER}` over `files f`. */
export const EXPORT_ORDER = NEWER_BY.map((column) => `f.${column} DESC`).join(', ');
/** The same order as a value whose largest is the newest export: `arg_max(x, ${NEWEST_KEY})` over `files f`. */
export const NEWEST_KEY = `{${NEWER_BY.map((column) => `'${column}': f.${column}`).join(', ')}}`;

/** The columns of the `cases` view, without rows. */
export const EMPTY_CASES = `SELECT CAST(NULL AS INTEGER) AS file_id, CAST(NULL AS INTEGER) AS line, CAST(NULL AS VARCHAR) AS case_id, CAST(NULL AS DATE) AS received,
  CAST(NULL AS DATE) AS decided, CAST(NULL AS VARCHAR) AS hearing, CAST(NULL AS VARCHAR) AS outcome, CAST(NULL AS VARCHAR) AS nationality WHERE false`;

export const SCHEMA: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `CREATE TABLE files (
  file_id INTEGER PRIMARY KEY,
  dataset VARCHAR NOT NULL,            -- 'sample' or 'user': never mixed in one view
  name VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  export_date DATE NOT NULL,
  export_date_source VARCHAR NOT NULL, -- 'file_name' or 'modified'
  encoding VARCHAR,
  delimiter VARCHAR,
  layout VARCHAR,                      -- 'wide', 'long' or 'cases'
  header_line INTEGER,
  data_lines INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  problem VARCHAR,                     -- FileProblem as JSON text, or NULL
  warnings VARCHAR NOT NULL,           -- FileWarning[] as JSON text
  store_key INTEGER,                   -- the original file in the browser's storage (IndexedDB), if kept
  content_hash VARCHAR NOT NULL        -- breaks export-date ties after the name: see EXPORT_ORDER
)`,
  `CREATE TABLE file_columns (
  file_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  header VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  metric VARCHAR,
  detail VARCHAR,
  sheet VARCHAR                        -- the workbook sheet the column is on; NULL for CSV
)`,
  // A workbook's sheets as read, each with its own tally; none for a CSV file.
  `CREATE TABLE file_sheets (
  file_id INTEGER NOT NULL,
  position INTEGER NOT NULL,           -- the sheet's place in the workbook
  sheet VARCHAR NOT NULL,
  header_line INTEGER,
  data_lines INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  problem VARCHAR                      -- why the sheet holds no table it reads (FileProblem as JSON text), or NULL
)`,
  // A statistics file with a country column (Eurostat's geo): the country whose rows were read, and
  // every country it holds (comma-separated), for the user to choose another.
  `CREATE TABLE file_countries (
  file_id INTEGER NOT NULL,
  chosen VARCHAR NOT NULL,
  found VARCHAR NOT NULL
)`,
  `CREATE TABLE custom_metrics (
  file_id INTEGER NOT NULL,
  metric VARCHAR NOT NULL,
  label VARCHAR NOT NULL
)`,
  `CREATE TABLE observations (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  week_start DATE NOT NULL,            -- Monday of the ISO week
  metric VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  sheet VARCHAR                        -- with line: the workbook sheet and its row; NULL for CSV
)`,
  // Monthly, quarterly and yearly figures (statistics tables), each with its file and line. A
  // series is its metric, its dimension values and its grain: a year total is a series of its own,
  // never added to its months, and never to weekly figures.
  `CREATE TABLE period_observations (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  sheet VARCHAR,                       -- with line: the workbook sheet and its row; NULL for CSV
  series VARCHAR NOT NULL,             -- metric, then its dimension values, '|'-separated (src/domain/grain.ts)
  metric VARCHAR NOT NULL,
  dimensions VARCHAR NOT NULL,         -- the dimension values, '|'-separated; '' for the total
  grain VARCHAR NOT NULL,              -- 'month', 'quarter' or 'year'
  period VARCHAR NOT NULL,             -- '2020-03', '2020-Q1', '2020'
  period_start DATE NOT NULL,          -- the period's first day: orders and spaces the periods
  value DOUBLE,                        -- NULL where a statistical symbol stands
  symbol VARCHAR,                      -- 'not_available', 'confidential', 'nil'
  flag VARCHAR,                        -- 'provisional' (CBS *), 'p', 'e', 'b', ...
  source VARCHAR                       -- where the figure was published, when the file says so per value
)`,
  `CREATE TABLE line_reports (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  outcome VARCHAR NOT NULL,            -- 'rejected' or 'skipped'
  raw VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,             -- RejectReason or SkipReason as JSON text
  sheet VARCHAR                        -- with line: the workbook sheet and its row; NULL for CSV
)`,
  // Every reported value with its rank among the exports that reported it: 1 is the newest.
  `CREATE VIEW observation_versions AS
SELECT o.file_id, o.line, o.metric, o.week_start, o.value, f.dataset, f.name AS file_name, f.export_date,
       row_number() OVER (PARTITION BY f.dataset, o.metric, o.week_start ORDER BY ${EXPORT_ORDER}) AS version_rank,
       count(*) OVER (PARTITION BY f.dataset, o.metric, o.week_start) AS versions,
       min(o.value) OVER (PARTITION BY f.dataset, o.metric, o.week_start)
         <> max(o.value) OVER (PARTITION BY f.dataset, o.metric, o.week_start) AS revised,
       o.sheet
FROM observations o JOIN files f USING (file_id)`,
  // The value in force per week and metric: the newest export wins, and it is revised when an older export differs.
  // A table, not a view: the window functions behind it cost more than every dashboard query, and the
  // data only changes when files are stored or removed (REFRESH_CURRENT, in the same transaction).
  // Its columns are observation_versions' without version_rank, written out: planning the view to
  // learn them takes DuckDB-WASM 40 ms at start-up.
  `CREATE TABLE current_observations (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  metric VARCHAR NOT NULL,
  week_start DATE NOT NULL,
  value DOUBLE NOT NULL,
  dataset VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  export_date DATE NOT NULL,
  versions BIGINT NOT NULL,
  revised BOOLEAN NOT NULL,
  sheet VARCHAR
)`,

  // Every reported period figure with its rank among the exports that reported it, as for weeks:
  // a later release of the same period wins, the earlier ones are its history.
  `CREATE VIEW period_versions AS
SELECT o.file_id, o.line, o.sheet, o.series, o.metric, o.dimensions, o.grain, o.period, o.period_start, o.value, o.symbol, o.flag, o.source,
       f.dataset, f.name AS file_name, f.export_date,
       row_number() OVER (PARTITION BY f.dataset, o.series, o.grain, o.period ORDER BY ${EXPORT_ORDER}) AS version_rank,
       count(*) OVER (PARTITION BY f.dataset, o.series, o.grain, o.period) AS versions,
       -- A value or symbol that differs between releases: compared as text, so a symbol counts too.
       min(coalesce(CAST(o.value AS VARCHAR), o.symbol, '')) OVER (PARTITION BY f.dataset, o.series, o.grain, o.period)
         <> max(coalesce(CAST(o.value AS VARCHAR), o.symbol, '')) OVER (PARTITION BY f.dataset, o.series, o.grain, o.period) AS revised
FROM period_observations o JOIN files f USING (file_id)`,
  // The period figure in force: the newest release wins (REFRESH_CURRENT keeps it in step).
  `CREATE TABLE current_periods (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  sheet VARCHAR,
  series VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  dimensions VARCHAR NOT NULL,
  grain VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  value DOUBLE,
  symbol VARCHAR,
  flag VARCHAR,
  source VARCHAR,
  dataset VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  export_date DATE NOT NULL,
  versions BIGINT NOT NULL,
  revised BOOLEAN NOT NULL
)`,

  // Every loaded week for every metric of a dataset (missing weeks as NULL), derived totals included:
  // what the dashboard reads. Filled by src/db/weeklySeries.ts whenever the data changes.
  `CREATE TABLE weekly_series (
  dataset VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  week_start DATE NOT NULL,
  value DOUBLE,
  revised BOOLEAN NOT NULL,
  file_name VARCHAR,
  line INTEGER,
  export_date DATE,
  sheet VARCHAR,                       -- with line, the workbook sheet and its row; NULL for CSV
  partial BOOLEAN NOT NULL,            -- the week ends after the export date of the value in force (or of a component's)
  missing VARCHAR,                     -- a derived figure without a value: its components that lack one, comma-separated
  part DOUBLE,                         -- a share: its numerator and denominator, so a share over weeks is a ratio of sums
  whole DOUBLE
)`,
  // The scope each case-level export is a snapshot of (src/domain/caseExport.ts defaultCaseScope):
  // the newest export of a scope replaces the earlier ones.
  `CREATE TABLE case_scopes (
  file_id INTEGER NOT NULL,
  scope VARCHAR NOT NULL
)`,
  // Case-level exports: one row per case, with its file and line. A view over each export's own
  // table (src/db/caseStore.ts caseTable), rebuilt when one is stored or removed; this is it empty.
  `CREATE VIEW cases AS ${EMPTY_CASES}`,
  // The cases of a dataset counted by received day and decision week (the newest export of a case
  // id wins): what the backlog queries read. Emptied when case files are stored or removed, and
  // built again when next read (src/db/caseStore.ts readCaseGroups).
  `CREATE TABLE case_groups (
  dataset VARCHAR NOT NULL,
  received DATE NOT NULL,
  decided_week DATE,                   -- Monday of the decision week; NULL while open
  cases INTEGER NOT NULL
)`,
  // The datasets whose case_groups a change left to be built.
  `CREATE TABLE case_groups_stale (dataset VARCHAR NOT NULL)`,
];

/** In one call: each statement alone is a round trip to DuckDB's worker, and start-up waits for all of them. */
export async function createSchema(db: Database): Promise<void> {
  await db.query(SCHEMA.join(';\n'));
}

export const REFRESH_CURRENT_WEEKS = [
  'DELETE FROM current_observations',
  // observation_versions' rows of rank 1, found by grouping: its window functions sort every
  // observation four times, and the first visit's figures wait for this (71 against 42 ms).
  `INSERT INTO current_observations
   SELECT newest.file_id, newest.line, metric, week_start, newest.value, dataset, newest.file_name, newest.export_date, versions, revised, newest.sheet
   FROM (SELECT f.dataset, o.metric, o.week_start,
                arg_max({'file_id': o.file_id, 'line': o.line, 'value': o.value, 'file_name': f.name, 'export_date': f.export_date, 'sheet': o.sheet}, ${NEWEST_KEY}) AS newest,
                count(*) AS versions, min(o.value) <> max(o.value) AS revised
         FROM observations o JOIN files f USING (file_id)
         GROUP BY f.dataset, o.metric, o.week_start)`,
];
export const REFRESH_CURRENT_PERIODS = [
  'DELETE FROM current_periods',
  'INSERT INTO current_periods SELECT * EXCLUDE (version_rank) FROM period_versions WHERE version_rank = 1',
];
export const REFRESH_CURRENT = [...REFRESH_CURRENT_WEEKS, ...REFRESH_CURRENT_PERIODS];
