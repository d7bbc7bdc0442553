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
export const EXPORT_ORDER = 'f.export_date DESC, f.name DESC, f.content_hash DESC';

export const SCHEMA: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'CREATE SEQUENCE file_id_seq START 1',
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
  // Case-level exports: one row per case, with its file and line.
  `CREATE TABLE cases (
  file_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  case_id VARCHAR NOT NULL,
  received DATE NOT NULL,
  decided DATE,                        -- NULL while open
  hearing VARCHAR,
  outcome VARCHAR,
  nationality VARCHAR
)`,
  // The cases of a dataset counted by received day and decision week (the newest export of a case
  // id wins): what the backlog queries read. Rebuilt when case files are stored or removed.
  `CREATE TABLE case_groups (
  dataset VARCHAR NOT NULL,
  received DATE NOT NULL,
  decided_week DATE,                   -- Monday of the decision week; NULL while open
  cases INTEGER NOT NULL
)`,
];

/** In one call: each statement alone is a round trip to DuckDB's worker, and start-up waits for all of them. */
export async function createSchema(db: Database): Promise<void> {
  await db.query(SCHEMA.join(';\n'));
}

export const REFRESH_CURRENT = [
  'DELETE FROM current_observations',
  'INSERT INTO current_observations SELECT * EXCLUDE (version_rank) FROM observation_versions WHERE version_rank = 1',
];
