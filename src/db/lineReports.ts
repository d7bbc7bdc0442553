/** Line reports packed as CSV by the readers (src/ingest/lineReportsCsv.ts), loaded by DuckDB's CSV reader. */
import type { SqlConnection } from './database';

export const CLEAN_CSV = `header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, encoding = 'utf-8'`;

export async function insertLineReports(sql: SqlConnection, fileId: number, csv: Uint8Array): Promise<void> {
  if (csv.length === 0) return;
  const name = `line_reports_${fileId}_${Math.random().toString(36).slice(2)}.csv`;
  // A copy: registering hands the buffer to DuckDB, and a batch that fails is stored again file by file.
  await sql.registerFile(name, csv.slice());
  try {
    await sql.run(
      `INSERT INTO line_reports (file_id, line, outcome, raw, reason, sheet) SELECT ${Math.trunc(fileId)}, line, outcome, coalesce(raw, ''), reason, sheet
       FROM read_csv('${name}', ${CLEAN_CSV}, columns = {'line': 'INTEGER', 'outcome': 'VARCHAR', 'raw': 'VARCHAR', 'reason': 'VARCHAR', 'sheet': 'VARCHAR'})`,
      [],
    );
  } finally {
    await sql.dropFile(name);
  }
}
