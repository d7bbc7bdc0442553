/**
 * Stores a case-level export the reader has already checked row by row (src/ingest/caseExport.ts):
 * DuckDB's own CSV reader loads its clean rows (line numbers, ISO dates, every type given) and
 * its line reports, in one transaction. Every data line ends up loaded, rejected or skipped, and
 * the counts are DuckDB's, checked against the reader's count of the file's lines.
 */
import { CASE_FIELDS, defaultCaseScope, type CaseExport } from '../domain/caseExport';
import type { Database, SqlConnection } from './database';
import type { Dataset } from '../domain/dataset';
import type { FileWarning } from '../domain/reasons';
import { CLEAN_CSV, insertLineReports } from './lineReports';
import { sqlString as text } from './sql';
import { EXPORT_ORDER } from './schema';

/** Reports what happens as the file goes in: reading, checking, storing. */
export type CaseProgress = (fraction: number) => void;

export async function storeCaseExport(
  db: Database,
  dataset: Dataset,
  file: CaseExport,
  storeKey: number | null,
  onProgress: CaseProgress = () => {},
  scope: string = defaultCaseScope(file.name),
): Promise<number> {
  const { layout } = file;
  const stamp = `${Date.now()}_${Math.random().toString(36).slice(2)}`;
  const rowsFile = `case_rows_${stamp}.csv`;
  const columns = ["'line': 'INTEGER'", ...CASE_FIELDS.map((f) => `${text(f)}: '${f === 'received' || f === 'decided' ? 'DATE' : 'VARCHAR'}'`)].join(', ');

  return db.transaction(async (sql) => {
    const [{ id }] = (await sql.run("SELECT CAST(nextval('file_id_seq') AS INTEGER) AS id", [])) as { id: number }[];
    // A copy, as for line reports: DuckDB-WASM takes the buffer over, and the one that came from the worker read back empty.
    await sql.registerFile(rowsFile, file.rows.slice());
    try {
      onProgress(0.5);
      if (file.rows.length > 0) {
        await sql.run(
          `INSERT INTO cases SELECT ${id}, line, case_id, received, decided, hearing, outcome, nationality
           FROM read_csv(${text(rowsFile)}, ${CLEAN_CSV}, columns = {${columns}}, dateformat = '%Y-%m-%d')`,
          [],
        );
      }
      onProgress(0.8);
      await insertLineReports(sql, id, file.reports);
      const [{ loaded, rejected, skipped }] = (await sql.run(
        `SELECT CAST((SELECT count(*) FROM cases WHERE file_id = ${id}) AS INTEGER) AS loaded,
                CAST(count(*) FILTER (WHERE outcome = 'rejected') AS INTEGER) AS rejected, CAST(count(*) FILTER (WHERE outcome = 'skipped') AS INTEGER) AS skipped
         FROM line_reports WHERE file_id = ${id}`,
        [],
      )) as { loaded: number; rejected: number; skipped: number }[];
      // What the reader wrote is what DuckDB read: a difference would be a line lost between them.
      if (loaded !== file.rowsLoaded || rejected !== file.rowsRejected || skipped !== file.rowsSkipped) {
        throw new Error(`case export: the reader counted ${file.rowsLoaded}/${file.rowsRejected}/${file.rowsSkipped} lines loaded/rejected/skipped, the database ${loaded}/${rejected}/${skipped}`);
      }
      const warnings = [...file.warnings, ...(await leadingZeroIds(sql, dataset, id))];
      await sql.run(
        `INSERT INTO files VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, 'cases', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, dataset, file.name, file.sizeBytes, file.exportDate.date, file.exportDate.source, file.encoding, layout.delimiter, layout.headerLine, file.dataLines, loaded, rejected, skipped, file.problem ? JSON.stringify(file.problem) : null, JSON.stringify(warnings), storeKey, file.contentHash],
      );
      await sql.run('INSERT INTO case_scopes VALUES (?, ?)', [id, scope]);
      const why = (i: number) => (layout.rowIds.includes(i) ? 'row_id' : 'not_a_case_field');
      await sql.run(
        `INSERT INTO file_columns (file_id, position, header, role, metric, detail) SELECT ${id}, position, header, CASE WHEN field IS NULL THEN 'ignored' ELSE 'case' END, NULL, coalesce(field, why)
         FROM (VALUES ${layout.headers.map((h, i) => `(${i}, ${text(h)}, ${layout.fields[i] ? text(layout.fields[i]!) : 'NULL'}, ${text(why(i))})`).join(', ')}) v(position, header, field, why)`,
        [],
      );
      await refreshCaseGroups(sql, dataset);
      onProgress(1);
      return id;
    } finally {
      await sql.dropFile(rowsFile);
    }
  });
}

/**
 * Case ids are text: 000123 and 123 are two cases. Excel strips leading zeros when it opens and
 * saves a file, so when this file and the dataset hold ids that differ only by them, the load
 * report says so (how many, and one pair).
 */
async function leadingZeroIds(sql: SqlConnection, dataset: Dataset, fileId: number): Promise<FileWarning[]> {
  const [pair] = (await sql.run(
    `WITH ids AS (SELECT DISTINCT c.case_id, c.file_id = ${fileId} AS here FROM cases c LEFT JOIN files f USING (file_id) WHERE f.dataset = ? OR c.file_id = ${fileId}),
          zeros AS (SELECT case_id, here, ltrim(case_id, '0') AS stripped FROM ids WHERE case_id LIKE '0%' AND length(ltrim(case_id, '0')) > 0)
     SELECT CAST(count(*) AS INTEGER) AS count, min(z.case_id) AS "withZeros", min(i.case_id) AS without
     FROM zeros z JOIN ids i ON ltrim(i.case_id, '0') = z.stripped AND i.case_id <> z.case_id
     WHERE z.here OR i.here`,
    [dataset],
  )) as { count: number; withZeros: string | null; without: string | null }[];
  return pair && pair.count > 0 ? [{ code: 'case_ids_leading_zeros', count: pair.count, withZeros: pair.withZeros!, without: pair.without! }] : [];
}

/**
 * The cases of a dataset counted by received day and decision week, from the exports in force
 * (the newest of each scope). When a case id is in exports of two scopes, the newer export wins.
 */
export async function refreshCaseGroups(sql: SqlConnection, dataset: Dataset): Promise<void> {
  await sql.run('DELETE FROM case_groups WHERE dataset = ?', [dataset]);
  const [{ files }] = (await sql.run(CASE_FILES, [dataset])) as { files: number }[];
  if (files === 0) return;
  const newest = newestCaseOnly(files);
  await sql.run(
    `INSERT INTO case_groups
     SELECT ?, received, decided_week, CAST(count(*) AS INTEGER)
     FROM (SELECT c.received, CAST(date_trunc('week', c.decided) AS DATE) AS decided_week FROM cases c JOIN files f USING (file_id)
           WHERE c.file_id IN (${CURRENT_CASE_FILES}) ${newest})
     GROUP BY ALL`,
    [dataset, dataset],
  );
}

/**
 * The case-level exports in force in a dataset, as a subquery of file ids (parameter: the dataset):
 * of each scope only the newest export (EXPORT_ORDER), which replaces the earlier ones whole.
 */
export const currentCaseFiles = (dataset = '?') => `SELECT f.file_id FROM files f JOIN case_scopes s USING (file_id)
  WHERE f.dataset = ${dataset} AND f.layout = 'cases' AND f.rows_loaded > 0
  QUALIFY row_number() OVER (PARTITION BY s.scope ORDER BY ${EXPORT_ORDER}) = 1`;
export const CURRENT_CASE_FILES = currentCaseFiles();

/** How many case-level exports are in force in a dataset (parameter: the dataset). */
export const CASE_FILES = `SELECT CAST(count(*) AS INTEGER) AS files FROM (${CURRENT_CASE_FILES})`;

/** Puts a case-level export in another scope (it then replaces, or is replaced by, that scope's other exports). */
export async function setCaseScope(db: Database, fileId: number, scope: string): Promise<void> {
  await db.transaction(async (sql) => {
    const [file] = (await sql.run('SELECT dataset FROM files WHERE file_id = ?', [fileId])) as { dataset: Dataset }[];
    if (!file) return;
    await sql.run('UPDATE case_scopes SET scope = ? WHERE file_id = ?', [scope, fileId]);
    await refreshCaseGroups(sql, file.dataset);
  });
}

/**
 * The clause that keeps the newest export of each case id, over `cases c JOIN files f`. With one
 * case-level export there is nothing to supersede, and the window over every case is skipped: for
 * a million cases it costs more than the rest of the query.
 */
export const newestCaseOnly = (caseFiles: number) => (caseFiles > 1 ? `QUALIFY row_number() OVER (PARTITION BY c.case_id ORDER BY ${EXPORT_ORDER}) = 1` : '');
