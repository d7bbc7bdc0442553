/**
 * Stores a case-level export with DuckDB's own CSV reader, in one transaction: explicit column
 * types and date format, rejected lines kept with their line numbers (store_rejects), then our
 * checks in SQL (id and received date present, no decision before receipt or after the export,
 * no duplicate id). Every data line ends up loaded, rejected or skipped (blank), and counted.
 */
import { defaultCaseScope, type CaseExport, type CaseField } from '../domain/caseExport';
import type { Database, SqlConnection } from './database';
import type { Dataset } from '../domain/dataset';
import { sqlString as text } from './sql';
import { contentHash } from '../domain/contentHash';
import { EXPORT_ORDER } from './schema';

/** A SQL expression giving `expression` as a JSON string literal (no JSON extension: it would be fetched). */
const json = (expression: string) => `'"' || replace(replace(replace(${expression}, '\\', '\\\\'), '"', '\\"'), chr(9), '\\t') || '"'`;

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
  const column = (i: number) => `c${i}`;
  const of = (field: CaseField) => (layout.fields.includes(field) ? column(layout.fields.indexOf(field)) : 'NULL');
  const header = (field: CaseField) => text(layout.headers[layout.fields.indexOf(field)]);
  const types = layout.fields.map((f, i) => `${text(column(i))}: '${f === 'received' || f === 'decided' ? 'DATE' : 'VARCHAR'}'`).join(', ');
  const registered = `case_export_${Date.now()}_${Math.random().toString(36).slice(2)}.csv`;

  return db.transaction(async (sql) => {
    const [{ id }] = (await sql.run("SELECT CAST(nextval('file_id_seq') AS INTEGER) AS id", [])) as { id: number }[];
    await sql.registerFile(registered, file.bytes);
    try {
      onProgress(0.1);
      // Row order is file order: DuckDB-WASM scans on one thread and keeps insertion order.
      await sql.run(
        `CREATE OR REPLACE TEMP TABLE case_load AS
         SELECT CAST(row_number() OVER () AS INTEGER) AS rn, * FROM read_csv(${text(registered)},
           header = true, skip = ${layout.headerLine - 1}, delim = ${text(layout.delimiter)}, quote = '"', escape = '"',
           columns = {${types}}, dateformat = ${text(layout.dateFormat)}, encoding = ${text(layout.encoding)},
           auto_detect = false, store_rejects = true, rejects_table = 'case_rejects', rejects_scan = 'case_reject_scans')`,
        [],
      );
      onProgress(0.6);
      const [{ rows, rejectedLines }] = (await sql.run(
        `SELECT CAST((SELECT count(*) FROM case_load) AS INTEGER) AS rows, CAST((SELECT count(DISTINCT line) FROM case_rejects) AS INTEGER) AS "rejectedLines"`,
        [],
      )) as { rows: number; rejectedLines: number }[];

      // Each loaded row's line: its position when every line after the header is a row; otherwise
      // by counting the lines DuckDB skipped (blank) or rejected, from a scan of the file's lines.
      const exact = rows + rejectedLines === file.dataLines;
      if (exact) {
        await sql.run('CREATE OR REPLACE TEMP TABLE case_blank_lines AS SELECT 0 AS line WHERE false', []);
      } else {
        await sql.run(
          `CREATE OR REPLACE TEMP TABLE case_file_lines AS
           SELECT CAST(row_number() OVER () AS INTEGER) AS line, raw FROM read_csv(${text(registered)}, header = false, delim = E'\\x1F', quote = '', escape = '',
             columns = {'raw': 'VARCHAR'}, auto_detect = false, encoding = ${text(layout.encoding)})`,
          [],
        );
        await sql.run(`CREATE OR REPLACE TEMP TABLE case_blank_lines AS SELECT line FROM case_file_lines WHERE line > ${layout.headerLine} AND trim(coalesce(raw, '')) = ''`, []);
        await sql.run(
          `CREATE OR REPLACE TEMP TABLE case_lines AS
           SELECT CAST(row_number() OVER (ORDER BY line) AS INTEGER) AS rn, line FROM case_file_lines
           WHERE line > ${layout.headerLine} AND trim(coalesce(raw, '')) <> '' AND line NOT IN (SELECT line FROM case_rejects)`,
          [],
        );
      }

      const exportDate = `DATE ${text(file.exportDate.date)}`;
      const numbered = `SELECT ${exact ? `rn + ${layout.headerLine}` : 'l.line'} AS line, rn, trim(${of('case_id')}) AS case_id, ${of('received')} AS received, ${of('decided')} AS decided,
                  nullif(trim(${of('hearing')}), '') AS hearing, nullif(trim(${of('outcome')}), '') AS outcome, nullif(trim(${of('nationality')}), '') AS nationality
           FROM case_load ${exact ? '' : 'JOIN case_lines l USING (rn)'}`;
      // Only the rejected rows are kept aside; the others go from the read file into cases at once.
      await sql.run(
        `CREATE OR REPLACE TEMP TABLE case_rejected AS
         WITH numbered AS (${numbered}),
         -- Ids that occur more than once: first by their hash, as grouping a million numbers is much
         -- cheaper than grouping a million strings, then by the id itself among the few candidates.
         repeated_hashes AS (SELECT hash(case_id) AS h FROM numbered WHERE case_id <> '' GROUP BY h HAVING count(*) > 1),
         firsts AS (
           SELECT case_id, min(line) AS first_line FROM numbered
           WHERE case_id <> '' AND hash(case_id) IN (SELECT h FROM repeated_hashes)
           GROUP BY case_id HAVING count(*) > 1
         ),
         checked AS (
           SELECT n.rn, n.line,
                  CASE WHEN n.case_id IS NULL OR n.case_id = '' THEN '{"code":"case_id_missing"}'
                       WHEN n.received IS NULL THEN '{"code":"case_received_missing"}'
                       WHEN n.decided < n.received THEN '{"code":"case_decided_before_received","received":"' || n.received || '","decided":"' || n.decided || '"}'
                       WHEN n.received > ${exportDate} THEN '{"code":"case_date_after_export","column":' || ${json(header('received'))} || ',"date":"' || n.received || '","exportDate":"' || ${exportDate} || '"}'
                       WHEN n.decided > ${exportDate} THEN '{"code":"case_date_after_export","column":' || ${json(header('decided'))} || ',"date":"' || n.decided || '","exportDate":"' || ${exportDate} || '"}'
                       WHEN f.first_line < n.line THEN '{"code":"case_duplicate_id","id":' || ${json('n.case_id')} || ',"firstLine":' || f.first_line || '}'
                  END AS reason
           FROM numbered n LEFT JOIN firsts f USING (case_id)
         )
         SELECT rn, line, reason FROM checked WHERE reason IS NOT NULL`,
        [],
      );
      onProgress(0.8);
      await sql.run(
        `INSERT INTO cases SELECT ${id}, line, case_id, received, decided, hearing, outcome, nationality FROM (${numbered}) WHERE rn NOT IN (SELECT rn FROM case_rejected)`,
        [],
      );
      const headerOf = layout.headers.map((h, i) => `(${text(column(i))}, ${text(h)})`).join(', ');
      await sql.run(
        `INSERT INTO line_reports (file_id, line, outcome, raw, reason)
         -- The raw text of a rejected row, rebuilt from its cells in the file's own date spelling: only for the rows rejected.
         SELECT ${id}, k.line, 'rejected', concat_ws(${text(layout.delimiter)}, ${layout.fields.map((f, i) => `coalesce(${f === 'received' || f === 'decided' ? `strftime(l.${column(i)}, ${text(layout.dateFormat)})` : `l.${column(i)}`}, '')`).join(', ')}), k.reason
         FROM case_rejected k JOIN (SELECT * FROM case_load WHERE rn IN (SELECT rn FROM case_rejected)) l USING (rn)
         UNION ALL
         SELECT ${id}, r.line, 'rejected', any_value(r.csv_line),
                CASE WHEN bool_or(r.error_type = 'TOO MANY COLUMNS') THEN '{"code":"too_many_fields","found":' || (len(string_split(any_value(r.csv_line), ${text(layout.delimiter)}))) || ',"expected":${layout.headers.length}}'
                     WHEN bool_or(r.error_type = 'MISSING COLUMNS') THEN '{"code":"too_few_fields","found":' || (len(string_split(any_value(r.csv_line), ${text(layout.delimiter)}))) || ',"expected":${layout.headers.length}}'
                     WHEN bool_or(r.error_type = 'CAST') THEN '{"code":"case_value_unreadable","column":' || ${json('coalesce(any_value(h.header), any_value(r.column_name))')} || ',"text":' || ${json(`coalesce(string_split(any_value(r.csv_line), ${text(layout.delimiter)})[CAST(substr(any_value(r.column_name) FILTER (WHERE r.error_type = 'CAST'), 2) AS INTEGER) + 1], '')`)} || ',"dateFormat":${JSON.stringify(layout.dateFormat)}}'
                     ELSE '{"code":"case_line_unreadable","message":' || ${json('any_value(r.error_message)')} || '}' END
         FROM case_rejects r LEFT JOIN (VALUES ${headerOf}) h(name, header) ON h.name = r.column_name
         GROUP BY r.line
         UNION ALL
         SELECT ${id}, line, 'skipped', '', '{"code":"blank_line"}' FROM case_blank_lines`,
        [],
      );
      const [{ loaded, rejected, skipped }] = (await sql.run(
        `SELECT CAST((SELECT count(*) FROM cases WHERE file_id = ${id}) AS INTEGER) AS loaded,
                CAST(count(*) FILTER (WHERE outcome = 'rejected') AS INTEGER) AS rejected, CAST(count(*) FILTER (WHERE outcome = 'skipped') AS INTEGER) AS skipped
         FROM line_reports WHERE file_id = ${id}`,
        [],
      )) as { loaded: number; rejected: number; skipped: number }[];
      const problem = loaded === 0 ? JSON.stringify({ code: 'no_data_rows' }) : null;
      await sql.run(
        `INSERT INTO files VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, 'cases', ?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
        [id, dataset, file.name, file.sizeBytes, file.exportDate.date, file.exportDate.source, layout.encoding, layout.delimiter, layout.headerLine, loaded + rejected + skipped, loaded, rejected, skipped, problem, storeKey, contentHash(file.bytes)],
      );
      await sql.run('INSERT INTO case_scopes VALUES (?, ?)', [id, scope]);
      await sql.run(
        `INSERT INTO file_columns (file_id, position, header, role, metric, detail) SELECT ${id}, position, header, CASE WHEN field IS NULL THEN 'ignored' ELSE 'case' END, NULL, coalesce(field, 'not_a_case_field')
         FROM (VALUES ${layout.headers.map((h, i) => `(${i}, ${text(h)}, ${layout.fields[i] ? text(layout.fields[i]!) : 'NULL'})`).join(', ')}) v(position, header, field)`,
        [],
      );
      for (const table of ['case_load', 'case_lines', 'case_blank_lines', 'case_rejected', 'case_file_lines', 'case_rejects', 'case_reject_scans']) await sql.run(`DROP TABLE IF EXISTS ${table}`, []);
      await refreshCaseGroups(sql, dataset);
      onProgress(1);
      return id;
    } finally {
      await sql.dropFile(registered);
    }
  });
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
