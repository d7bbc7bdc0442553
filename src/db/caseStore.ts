/**
 * Stores a case-level export in a table of its own (caseTable), which the `cases` view shows with
 * the others: every case is held once. A plain file (CaseExport.plain) is read by DuckDB's own
 * CSV reader from its original bytes in one statement, with every check of the line-by-line
 * reader as SQL (createPlainTable, finishPlainCases); any other file comes checked from the reader as clean rows,
 * which DuckDB only loads. Either way every data line ends up loaded, rejected or skipped, in
 * one transaction, and the counts are DuckDB's, checked against the reader's count of the lines.
 */
import { CASE_FIELDS, EMPTY_CELL_MARKERS, defaultCaseScope, type CaseExport, type CaseLayout, type PlainCaseFile, type PlainReading } from '../domain/caseExport';
import type { ExportDate } from '../domain/parsedExport';
import type { Database, SqlConnection } from './database';
import type { Dataset } from '../domain/dataset';
import type { FileWarning } from '../domain/reasons';
import { CLEAN_CSV, insertLineReports } from './lineReports';
import { sqlString as text } from './sql';
import { EMPTY_CASES, EXPORT_ORDER } from './schema';

/** Reports what happens as the file goes in: reading, checking, storing. */
export type CaseProgress = (fraction: number) => void;

/** The table holding one case-level export's cases. */
export const caseTable = (fileId: number) => `case_rows_${Math.trunc(fileId)}`;

/**
 * A large case-level export whose first lines look plain, handed to the store before the parse
 * worker has checked the rest: DuckDB reads its bytes as those lines promise (createPlainTable)
 * while the worker scans and hashes them on the other core. `checked` is the worker's reading of
 * the whole file; the table is kept only when it fits that reading (readingFits), else the file
 * is read again as the worker says. Made on the page (src/app/state/readAndStore.ts).
 */
export interface CaseExportUnderway {
  kind: 'cases';
  name: string;
  sizeBytes: number;
  exportDate: ExportDate;
  layout: CaseLayout;
  /** The file itself, from its first line: DuckDB reads it on its own thread, and the parse worker reads the same File. */
  source: Blob;
  /** What the first lines show. */
  reading: PlainReading;
  checked: Promise<CaseExport>;
}

export async function storeCaseExport(
  db: Database,
  dataset: Dataset,
  input: CaseExport | CaseExportUnderway,
  /** Where the original is kept: waited for only when the file's row is written. */
  storeKey: number | null | Promise<number | null>,
  onProgress: CaseProgress = () => {},
  scope: string = defaultCaseScope(input.name),
): Promise<number> {
  const stamp = `${Date.now()}_${Math.random().toString(36).slice(2)}`;
  const bytesFile = `case_bytes_${stamp}.csv`;
  const rowsFile = `case_rows_${stamp}.csv`;
  const registered = new Set<string>();
  // DuckDB-WASM takes the buffer over. The original bytes of a plain file are handed over as they
  // are (a copy would cost the tab tens of megabytes); the reader's clean rows are copied, as for
  // line reports: the buffer that came from the worker read back empty. A file under way is not
  // read on the page at all: DuckDB reads the File itself.
  const register = (sql: SqlConnection, name: string, bytes: Uint8Array | Blob) => {
    registered.add(name);
    return bytes instanceof Blob ? sql.registerBlob(name, bytes) : sql.registerFile(name, bytes);
  };
  // The line of the file that a plain file's registered bytes start with: the whole File under way, else the header line.
  let firstLine = input.layout.headerLine;
  const columns = ["'line': 'INTEGER'", ...CASE_FIELDS.map((f) => `${text(f)}: '${f === 'received' || f === 'decided' ? 'DATE' : 'VARCHAR'}'`)].join(', ');
  const [id] = db.newFileIds(1);
  const table = caseTable(id);
  // A file under way is read now, in a transaction of its own (a reading its bytes break fails alone); null when it failed.
  const early: Promise<PlainReading | null> =
    'checked' in input
      ? db
          .transaction(async (sql) => {
            firstLine = 1;
            await register(sql, bytesFile, input.source);
            await createPlainTable(sql, id, input, input.reading, bytesFile, firstLine);
            return input.reading;
          })
          .catch(() => null)
      : Promise.resolve(null);
  try {
    const file = 'checked' in input ? await input.checked : input;
    const used = await early;
    const fits = used !== null && file.plain !== undefined && file.exportDate.date === input.exportDate.date && readingFits(used, file.plain);
    if (used !== null && !fits) await db.query(`DROP TABLE ${table}`);
    const { layout } = file;
    return await db.transaction(async (sql) => {
      onProgress(0.5);
      let [loaded, rejected, skipped] = [0, file.rowsRejected, file.rowsSkipped];
      await insertLineReports(sql, id, file.reports);
      if (file.plain) {
        // Under way, DuckDB has the bytes already (the worker may not send them back).
        if (!registered.has(bytesFile)) await register(sql, bytesFile, file.rows);
        if (!fits) await createPlainTable(sql, id, file, file.plain, bytesFile, firstLine);
        [loaded, rejected, skipped] = await finishPlainCases(sql, id, file, file.plain, bytesFile, firstLine);
      } else {
        if (file.rows.length > 0) await register(sql, rowsFile, file.rows.slice());
        const rows = file.rows.length > 0 ? `read_csv(${text(rowsFile)}, ${CLEAN_CSV}, columns = {${columns}}, dateformat = '%Y-%m-%d')` : `(${EMPTY_CASES})`;
        await sql.run(`CREATE TABLE ${table} AS SELECT line, case_id, received, decided, hearing, outcome, nationality FROM ${rows}`, []);
        loaded = file.rowsLoaded;
      }
      onProgress(0.8);
      await refreshCasesView(sql, [id]);
      const [counted] = (await sql.run(
        `SELECT CAST((SELECT count(*) FROM ${table}) AS INTEGER) AS loaded,
                CAST(count(*) FILTER (WHERE outcome = 'rejected') AS INTEGER) AS rejected, CAST(count(*) FILTER (WHERE outcome = 'skipped') AS INTEGER) AS skipped
         FROM line_reports WHERE file_id = ${id}`,
        [],
      )) as { loaded: number; rejected: number; skipped: number }[];
      // What the reader wrote (or SQL found) is what DuckDB holds, and every line is counted once: a difference would be a line lost.
      if (counted.loaded !== loaded || counted.rejected !== rejected || counted.skipped !== skipped || loaded + rejected + skipped !== file.dataLines) {
        throw new Error(`case export: ${file.dataLines} lines, counted ${loaded}/${rejected}/${skipped} loaded/rejected/skipped, the database ${counted.loaded}/${counted.rejected}/${counted.skipped}`);
      }
      const problem = file.problem ?? (loaded === 0 ? { code: 'no_data_rows' } : null);
      const warnings = [...file.warnings, ...(await leadingZeroIds(sql, dataset, id))];
      await sql.run(
        `INSERT INTO files VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, 'cases', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, dataset, file.name, file.sizeBytes, file.exportDate.date, file.exportDate.source, file.encoding, layout.delimiter, layout.headerLine, file.dataLines, loaded, rejected, skipped, problem ? JSON.stringify(problem) : null, JSON.stringify(warnings), await storeKey, file.contentHash],
      );
      await sql.run('INSERT INTO case_scopes VALUES (?, ?)', [id, scope]);
      const why = (i: number) => (layout.rowIds.includes(i) ? 'row_id' : 'not_a_case_field');
      await sql.run(
        `INSERT INTO file_columns (file_id, position, header, role, metric, detail) SELECT ${id}, position, header, CASE WHEN field IS NULL THEN 'ignored' ELSE 'case' END, NULL, coalesce(field, why)
         FROM (VALUES ${layout.headers.map((h, i) => `(${i}, ${text(h)}, ${layout.fields[i] ? text(layout.fields[i]!) : 'NULL'}, ${text(why(i))})`).join(', ')}) v(position, header, field, why)`,
        [],
      );
      await caseGroupsChanged(sql, dataset);
      onProgress(1);
      return id;
    });
  } catch (error) {
    // The table read early is outside the failed transaction: it goes too.
    await early;
    await db.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    throw error;
  } finally {
    if (registered.size > 0) await db.transaction(async (sql) => {
      for (const name of registered) await sql.dropFile(name);
    });
  }
}

/**
 * A trimmed cell as the line-by-line reader reads it: empty when written as an empty-cell marker.
 * DuckDB's trim() removes spaces only; the pre-scan makes sure a plain file's fields have no other
 * white space at their edges, and a trim with a list of characters costs ten times as much.
 */
const MARKER_LENGTH = Math.max(...EMPTY_CELL_MARKERS.map((m) => m.length));
// list_contains, not IN: DuckDB plans an IN list as a join over every row, outside the CASE that spares most of them.
const withoutMarker = (trimmed: string) =>
  `CASE WHEN length(${trimmed}) > ${MARKER_LENGTH} THEN ${trimmed} WHEN list_contains([${EMPTY_CELL_MARKERS.map(text).join(', ')}], lower(${trimmed})) THEN '' ELSE ${trimmed} END`;
/** A text as a JSON string (JSON.stringify's form for the characters a plain file can hold). */
const jsonText = (value: string) => `'"' || replace(replace(replace(${value}, '\\', '\\\\'), '"', '\\"'), chr(9), '\\t') || '"'`;

/** Why a row of a plain file is not loaded: the reader's reasons, in its order of checks. */
const PROBLEMS = {
  blank: 1,
  idMissing: 2,
  receivedMissing: 3,
  receivedInvalid: 4,
  receivedTypo: 5,
  receivedAfterExport: 6,
  decidedInvalid: 7,
  decidedTypo: 8,
  decidedAfterExport: 9,
  decidedBeforeReceived: 10,
  duplicate: 11,
} as const;

/**
 * Whether a table read with `used` holds what the whole file's scan (`scanned`) asks for: the same
 * line endings, and trimming, empty-cell markers or dates read as text wherever the scan found them
 * needed (doing them where they were not needed changes nothing).
 */
export const readingFits = (used: PlainReading, scanned: PlainReading) =>
  used.newLine === scanned.newLine && (used.padded || !scanned.padded) && (used.markers || !scanned.markers) && (!used.typedDates || scanned.typedDates);

/**
 * Reads a plain case-level file into its table in one statement: every row with its line (row
 * number plus the header's line, as every record is one line) and, as computed columns, why it is
 * not loaded (PROBLEMS) and the date text that made it so. Needs only `reading`, which the first
 * lines of a file can show: so DuckDB can read a large file while the parse worker still checks it
 * (the rest, which needs the whole file's scan, is finishPlainCases). A file whose bytes break what
 * `reading` promised may fail here (a date that is none, read as a date).
 */
export async function createPlainTable(
  sql: SqlConnection,
  id: number,
  file: Pick<CaseExport, 'layout' | 'exportDate'>,
  reading: PlainReading,
  rowsFile: string,
  /** The file's line that rowsFile starts with: the header line (the bytes from there on), or 1 (the whole file). */
  firstLine: number = file.layout.headerLine,
): Promise<void> {
  const { layout } = file;
  const table = caseTable(id);
  const c = (i: number) => `c${i}`;
  const column = (field: string) => layout.fields.indexOf(field as never);
  const isDate = (i: number) => layout.fields[i] === 'received' || layout.fields[i] === 'decided';
  const typed = reading.typedDates;
  const newLine = text(reading.newLine === '\n' ? '\\n' : '\\r\\n');
  const csv = `header = false, delim = ${text(layout.delimiter)}, quote = '"', escape = '"', auto_detect = false, null_padding = true, new_line = ${newLine}, encoding = 'utf-8'`;
  const exportDate = `DATE ${text(file.exportDate.date)}`;
  // Each expression only does what the reading needs: trimming, empty-cell markers, dates as text.
  // Without the first two, a cell is taken as read: DuckDB reads an empty cell (and "") as NULL, so
  // NULL is the empty text, and no cell is copied through coalesce and nullif.
  const asRead = !reading.padded && !reading.markers;
  const cell = (field: string) => {
    if (column(field) < 0) return asRead ? 'CAST(NULL AS VARCHAR)' : "''";
    if (asRead) return c(column(field));
    const value = `coalesce(${c(column(field))}, '')`;
    return reading.padded ? `trim(${value})` : value;
  };
  const unmarked = (value: string) => (reading.markers ? withoutMarker(value) : value);
  const empty = (value: string) => (asRead ? `${value} IS NULL` : `${value} = ''`);
  const orNull = (value: string) => (asRead ? value : `nullif(${value}, '')`);
  const dateOf = (field: string) => (column(field) < 0 ? 'CAST(NULL AS DATE)' : typed ? c(column(field)) : `try_cast(${field}_text AS DATE)`);
  // Read as dates, a date is never invalid (a cell that is none fails the statement): no date's text is kept.
  const dateText = (field: string) => `${field}_text`;
  const missing = (field: string) => (typed ? `${field} IS NULL` : empty(`${field}_text`));
  // Evaluated only where the id is empty (a CASE branch): a blank line has no id either.
  const blank = layout.headers.map((_, i) => ((typed && isDate(i)) || asRead ? `${c(i)} IS NULL` : `trim(coalesce(${c(i)}, '')) = ''`)).join(' AND ');
  const all = layout.headers.map((_, i) => c(i)).join(', ');
  // A row that passes every check of this statement, in one predicate: the CASE that names the reason then only sees the others.
  // Computed in a projection of its own: inside the CASE, DuckDB computed the later branches' terms for every row (a sixth of the statement).
  // Likely typos (a year outside the file's usual ones) need every date of the file: finishPlainCases marks them.
  const good = `NOT (${empty('case_id')}) AND NOT (${missing('received')}) AND received <= ${exportDate} AND (${missing('decided')} OR (decided >= received AND decided <= ${exportDate}))`;
  const P = PROBLEMS;
  await sql.run(
    `CREATE TABLE ${table} AS
     SELECT line, case_id, received, decided, hearing, outcome, nationality, problem,
            ${typed ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN problem = ${P.receivedInvalid} THEN ${dateText('received')} WHEN problem = ${P.decidedInvalid} THEN ${dateText('decided')} END`} AS date_text
     FROM (
       SELECT *, CAST(CASE
           WHEN ok THEN NULL
           WHEN ${empty('id_text')} AND ${blank} THEN ${P.blank}
           WHEN ${empty('case_id')} THEN ${P.idMissing}
           WHEN ${missing('received')} THEN ${P.receivedMissing}
           ${typed ? '' : `WHEN received IS NULL THEN ${P.receivedInvalid}`}
           WHEN received > ${exportDate} THEN ${P.receivedAfterExport}
           ${typed ? '' : `WHEN NOT (${missing('decided')}) AND decided IS NULL THEN ${P.decidedInvalid}`}
           WHEN decided > ${exportDate} THEN ${P.decidedAfterExport}
           WHEN decided < received THEN ${P.decidedBeforeReceived}
         END AS UTINYINT) AS problem
       FROM (
        SELECT *, ${good} AS ok
        FROM (
         SELECT *, ${dateOf('received')} AS received, ${dateOf('decided')} AS decided
         FROM (
           SELECT line, id_text, ${unmarked('id_text')} AS case_id,
                  ${typed ? '' : `${unmarked(cell('received'))} AS received_text, ${unmarked(cell('decided'))} AS decided_text,`}
                  ${orNull(unmarked(cell('hearing')))} AS hearing, ${orNull(unmarked(cell('outcome')))} AS outcome,
                  ${orNull(unmarked(cell('nationality')))} AS nationality, ${all}
           FROM (
             SELECT *, ${cell('case_id')} AS id_text
             FROM (SELECT CAST(${layout.headerLine} + row_number() OVER () AS INTEGER) AS line, * FROM read_csv(${text(rowsFile)}, ${csv}, skip = ${layout.headerLine - firstLine + 1},
                     dateformat = '%Y-%m-%d', columns = {${layout.headers.map((_, i) => `'${c(i)}': '${typed && isDate(i) ? 'DATE' : 'VARCHAR'}'`).join(', ')}}))
           )
         )
        )
       )
     )`,
    [],
  );
}

/**
 * What a plain file's table needs once the whole file is scanned (`plain`): likely typos marked
 * (their years need every date of the file), repeated ids found, the rejected and skipped rows
 * reported with their text and taken out. Returns the counts loaded, rejected, skipped (the lines
 * before the header included).
 */
async function finishPlainCases(sql: SqlConnection, id: number, file: CaseExport, plain: PlainCaseFile, rowsFile: string, firstLine: number): Promise<[number, number, number]> {
  const { layout } = file;
  const table = caseTable(id);
  const column = (field: string) => layout.fields.indexOf(field as never);
  const P = PROBLEMS;
  // Only when the scan saw a year outside the usual ones. A likely typo is found before any later check of the reader's (their numbers are in its order):
  // it replaces a later reason, never an earlier one. A date's text is the date (plain dates are ISO;
  // DuckDB writes the year 0 as 1 BC, so the year is written out).
  if (plain.usualYears && plain.yearsOutside) {
    // Compared as dates, not years: DuckDB then skips every block of rows whose dates all lie in the usual years.
    const [from, to] = [`DATE '${String(plain.usualYears.from).padStart(4, '0')}-01-01'`, `DATE '${plain.usualYears.to}-12-31'`];
    const typo = (field: string, problem: number) => `(${field} < ${from} OR ${field} > ${to}) AND (problem IS NULL OR problem > ${problem})`;
    const dateText = (field: string) => `lpad(CAST(year(${field}) AS VARCHAR), 4, '0') || strftime(${field}, '-%m-%d')`;
    await sql.run(
      `UPDATE ${table} SET problem = CASE WHEN ${typo('received', P.receivedTypo)} THEN ${P.receivedTypo} ELSE ${P.decidedTypo} END,
                          date_text = CASE WHEN ${typo('received', P.receivedTypo)} THEN ${dateText('received')} ELSE ${dateText('decided')} END
       WHERE ${typo('received', P.receivedTypo)} OR ${typo('decided', P.decidedTypo)}`,
      [],
    );
  }
  // Of repeated ids the first line among the rows that pass every other check is loaded; the others are rejected.
  // Found by hash first: grouping a million numbers is much cheaper than grouping a million strings. Not looked
  // for when the ids rise from line to line (the pre-scan compared each with the one before).
  if (!plain.uniqueIds) await sql.run(
    `UPDATE ${table} SET problem = ${P.duplicate}
     FROM (SELECT case_id AS repeated, min(line) AS first_line FROM ${table}
           WHERE problem IS NULL AND hash(case_id) IN (SELECT hash(case_id) FROM ${table} WHERE problem IS NULL GROUP BY 1 HAVING count(*) > 1)
           GROUP BY case_id HAVING count(*) > 1) d
     WHERE ${table}.case_id = d.repeated AND ${table}.problem IS NULL AND ${table}.line > d.first_line`,
    [],
  );
  const [counts] = (await sql.run(
    `SELECT CAST(count(*) FILTER (WHERE problem IS NULL) AS INTEGER) AS loaded, CAST(count(*) FILTER (WHERE problem = ${P.blank}) AS INTEGER) AS skipped,
            CAST(count(*) FILTER (WHERE problem > ${P.blank}) AS INTEGER) AS rejected FROM ${table}`,
    [],
  )) as { loaded: number; skipped: number; rejected: number }[];
  if (counts.skipped + counts.rejected > 0) {
    const header = (field: string) => text(JSON.stringify(layout.headers[column(field)]));
    const reason = `CASE problem
        WHEN ${P.blank} THEN '{"code":"blank_line"}'
        WHEN ${P.idMissing} THEN '{"code":"case_id_missing"}'
        WHEN ${P.receivedMissing} THEN '{"code":"case_received_missing"}'
        WHEN ${P.receivedInvalid} THEN '{"code":"case_date_invalid","column":' || ${header('received')} || ',"text":' || ${jsonText('date_text')} || ',"order":"day_first"}'
        WHEN ${P.decidedInvalid} THEN '{"code":"case_date_invalid","column":' || ${header('decided')} || ',"text":' || ${jsonText('date_text')} || ',"order":"day_first"}'
        WHEN ${P.receivedTypo} THEN '{"code":"date_likely_typo","column":' || ${header('received')} || ',"text":' || ${jsonText('date_text')} || ${text(`,"from":${plain.usualYears?.from},"to":${plain.usualYears?.to}}`)}
        WHEN ${P.decidedTypo} THEN '{"code":"date_likely_typo","column":' || ${header('decided')} || ',"text":' || ${jsonText('date_text')} || ${text(`,"from":${plain.usualYears?.from},"to":${plain.usualYears?.to}}`)}
        WHEN ${P.receivedAfterExport} THEN '{"code":"case_date_after_export","column":' || ${header('received')} || ',"date":"' || CAST(received AS VARCHAR) || '","exportDate":"${file.exportDate.date}"}'
        WHEN ${P.decidedAfterExport} THEN '{"code":"case_date_after_export","column":' || ${header('decided')} || ',"date":"' || CAST(decided AS VARCHAR) || '","exportDate":"${file.exportDate.date}"}'
        WHEN ${P.decidedBeforeReceived} THEN '{"code":"case_decided_before_received","received":"' || CAST(received AS VARCHAR) || '","decided":"' || CAST(decided AS VARCHAR) || '"}'
        WHEN ${P.duplicate} THEN '{"code":"case_duplicate_id","id":' || ${jsonText('case_id')} || ',"firstLine":' || CAST(first_line AS VARCHAR) || '}'
      END`;
    // The line as written: the same bytes read again as one column per line (no quote, a delimiter no plain file holds).
    await sql.run(
      `INSERT INTO line_reports (file_id, line, outcome, raw, reason, sheet)
       SELECT ${id}, t.line, CASE WHEN problem = ${P.blank} THEN 'skipped' ELSE 'rejected' END,
              CASE WHEN length(raw) > 1000 THEN left(raw, 1000) || '…' ELSE raw END, ${reason}, NULL
       FROM ${table} t
       JOIN (SELECT CAST(${firstLine - 1} + row_number() OVER () AS INTEGER) AS line, raw
             FROM read_csv(${text(rowsFile)}, header = false, delim = '\x01', quote = '', escape = '', auto_detect = false, new_line = ${text(plain.newLine === '\n' ? '\\n' : '\\r\\n')}, encoding = 'utf-8', columns = {'raw': 'VARCHAR'})) r USING (line)
       LEFT JOIN (SELECT case_id, min(line) AS first_line FROM ${table} WHERE problem IS NULL AND case_id IN (SELECT case_id FROM ${table} WHERE problem = ${P.duplicate}) GROUP BY case_id) d USING (case_id)
       WHERE t.problem IS NOT NULL`,
      [],
    );
    await sql.run(`DELETE FROM ${table} WHERE problem IS NOT NULL`, []);
  }
  return [counts.loaded, counts.rejected, counts.skipped + file.rowsSkipped];
}

/** The `cases` view: the table of every case-level export (and of `adding`, not yet in `files`), each row with its file. */
export async function refreshCasesView(sql: SqlConnection, adding: number[] = []): Promise<void> {
  const files = (await sql.run("SELECT file_id FROM files WHERE layout = 'cases' ORDER BY file_id", [])) as { file_id: number }[];
  const parts = [...files.map((f) => f.file_id), ...adding].map(
    (fileId) => `SELECT CAST(${Math.trunc(fileId)} AS INTEGER) AS file_id, line, case_id, received, decided, hearing, outcome, nationality FROM ${caseTable(fileId)}`,
  );
  await sql.run(`CREATE OR REPLACE VIEW cases AS ${parts.length > 0 ? parts.join(' UNION ALL ') : EMPTY_CASES}`, []);
}

/** Drops the tables of case-level exports that are gone (their files' rows deleted), and shows the rest. */
export async function dropCaseTables(sql: SqlConnection, fileIds: number[]): Promise<void> {
  for (const fileId of fileIds) await sql.run(`DROP TABLE IF EXISTS ${caseTable(fileId)}`, []);
  await refreshCasesView(sql);
}

/**
 * Case ids are text: 000123 and 123 are two cases. Excel strips leading zeros when it opens and
 * saves a file, so when this file and the dataset hold ids that differ only by them, the load
 * report says so (how many, and one pair).
 */
async function leadingZeroIds(sql: SqlConnection, dataset: Dataset, fileId: number): Promise<FileWarning[]> {
  // Only the few ids with leading zeros are compared with all: no DISTINCT over a million ids. The dataset is
  // written in, not a parameter: the CTE is inlined twice, and its parameter then read empty the second time.
  const scope = `c.file_id = ${fileId} OR c.file_id IN (SELECT file_id FROM files WHERE dataset = ${text(dataset)})`;
  const [{ zeros }] = (await sql.run(`SELECT CAST(count(*) AS INTEGER) AS zeros FROM cases c WHERE (${scope}) AND case_id LIKE '0%'`, [])) as { zeros: number }[];
  if (zeros === 0) return [];
  const [pair] = (await sql.run(
    `WITH ids AS NOT MATERIALIZED (SELECT c.case_id, c.file_id = ${fileId} AS here FROM cases c WHERE ${scope}),
          zeros AS (SELECT DISTINCT case_id, here, ltrim(case_id, '0') AS stripped FROM ids WHERE case_id LIKE '0%' AND length(ltrim(case_id, '0')) > 0),
          pairs AS (SELECT DISTINCT z.case_id AS with_zeros, z.here AS zero_here, i.case_id AS without, i.here
                    FROM zeros z JOIN ids i ON ltrim(i.case_id, '0') = z.stripped AND i.case_id <> z.case_id WHERE z.here OR i.here)
     SELECT CAST(count(*) AS INTEGER) AS count, min(with_zeros) AS "withZeros", min(without) AS without FROM pairs`,
    [],
  )) as { count: number; withZeros: string | null; without: string | null }[];
  return pair && pair.count > 0 ? [{ code: 'case_ids_leading_zeros', count: pair.count, withZeros: pair.withZeros!, without: pair.without! }] : [];
}

/**
 * A dataset's case-level exports changed: its case_groups are emptied, to be built when next read
 * (readCaseGroups). Grouping a million cases is not worth doing while a file is stored: only the
 * backlog reads them, and it asks for them first.
 */
export async function caseGroupsChanged(sql: SqlConnection, dataset: Dataset): Promise<void> {
  await sql.run('DELETE FROM case_groups WHERE dataset = ?', [dataset]);
  await sql.run('INSERT INTO case_groups_stale SELECT ? WHERE NOT EXISTS (SELECT 1 FROM case_groups_stale WHERE dataset = ?)', [dataset, dataset]);
}

/**
 * Reads a dataset's case_groups with `read`, after building them if a change left them to be built,
 * in one transaction: a file stored meanwhile cannot empty them between the building and the
 * reading (the backlog would show no cases until it asked again).
 */
export function readCaseGroups<T>(db: Database, dataset: Dataset, read: (sql: SqlConnection) => Promise<T>): Promise<T> {
  return db.transaction(async (sql) => {
    if ((await sql.run('SELECT 1 AS stale FROM case_groups_stale WHERE dataset = ?', [dataset])).length > 0) {
      await refreshCaseGroups(sql, dataset);
      await sql.run('DELETE FROM case_groups_stale WHERE dataset = ?', [dataset]);
    }
    return read(sql);
  });
}

/**
 * The cases of a dataset counted by received day and decision week, from the exports in force
 * (the newest of each scope). When a case id is in exports of two scopes, the newer export wins.
 */
async function refreshCaseGroups(sql: SqlConnection, dataset: Dataset): Promise<void> {
  await sql.run('DELETE FROM case_groups WHERE dataset = ?', [dataset]);
  const current = (await sql.run(`SELECT file_id FROM (${CURRENT_CASE_FILES})`, [dataset])) as { file_id: number }[];
  if (current.length === 0) return;
  // One export in force: its own table, read once (no view over every export, no join with files).
  const cases =
    current.length === 1
      ? `SELECT received, decided FROM ${caseTable(current[0].file_id)}`
      : `SELECT c.received, c.decided FROM cases c JOIN files f USING (file_id) WHERE c.file_id IN (${current.map((f) => Math.trunc(f.file_id)).join(', ')}) ${newestCaseOnly(current.length)}`;
  // Grouped by the dates as read first: DuckDB groups two date columns (their range known) ten times
  // faster than a computed week; the weeks are then computed once per received and decided day.
  // The Monday by arithmetic: date_trunc('week') over these groups turned an open case's NULL into a
  // date before the year 1 once the table was committed (DuckDB-WASM 1.32).
  await sql.run(
    `INSERT INTO case_groups SELECT ?, received, decided - CAST(isodow(decided) - 1 AS INTEGER) AS decided_week, CAST(sum(n) AS INTEGER)
     FROM (SELECT received, decided, count(*) AS n FROM (${cases}) GROUP BY ALL) GROUP BY ALL`,
    [dataset],
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
    await caseGroupsChanged(sql, file.dataset);
  });
}

/**
 * The clause that keeps the newest export of each case id, over `cases c JOIN files f`. With one
 * case-level export there is nothing to supersede, and the window over every case is skipped: for
 * a million cases it costs more than the rest of the query.
 */
export const newestCaseOnly = (caseFiles: number) => (caseFiles > 1 ? `QUALIFY row_number() OVER (PARTITION BY c.case_id ORDER BY ${EXPORT_ORDER}) = 1` : '');
