/** Line reports packed as CSV by the readers (src/ingest/lineReportsCsv.ts), loaded by DuckDB's CSV reader. */
import type { SqlConnection } from './database';

export const CLEAN_CSV = `header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, encoding = 'utf-8'`;

/**
 * Bytes per registered piece: each piece is copied on the page's thread (registering hands the
 * copy to DuckDB), so two million reports (about 250 MB) never hold the page for a second at once.
 */
const PIECE_BYTES = 8 << 20;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Where the packed CSV may be cut: [start, end) ranges of about `size` bytes, each ending at the
 * end of a record. A newline inside a quoted field (a raw line with a line break in it) is not one:
 * a record ends at a newline after an even number of quotes (an escaped quote is two). UTF-8 never
 * has these two bytes inside a character.
 */
export function recordPieces(csv: Uint8Array, size = PIECE_BYTES): [number, number][] {
  const pieces: [number, number][] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < csv.length; i++) {
    const byte = csv[i];
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (byte === NEWLINE && !inQuotes && i + 1 - start >= size) {
      pieces.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < csv.length) pieces.push([start, csv.length]);
  return pieces;
}

export async function insertLineReports(sql: SqlConnection, fileId: number, csv: Uint8Array, pieceBytes = PIECE_BYTES): Promise<void> {
  if (csv.length === 0) return;
  const prefix = `line_reports_${fileId}_${Math.random().toString(36).slice(2)}`;
  const names: string[] = [];
  try {
    for (const [start, end] of recordPieces(csv, pieceBytes)) {
      const name = `${prefix}_${names.length}.csv`;
      names.push(name);
      // A copy: registering hands the buffer to DuckDB, and a batch that fails is stored again file by file.
      // Each piece's await gives the page its thread back.
      await sql.registerFile(name, csv.slice(start, end));
    }
    await sql.run(
      `INSERT INTO line_reports (file_id, line, outcome, raw, reason, sheet) SELECT ${Math.trunc(fileId)}, line, outcome, coalesce(raw, ''), reason, sheet
       FROM read_csv([${names.map((n) => `'${n}'`).join(', ')}], ${CLEAN_CSV}, columns = {'line': 'INTEGER', 'outcome': 'VARCHAR', 'raw': 'VARCHAR', 'reason': 'VARCHAR', 'sheet': 'VARCHAR'})`,
      [],
    );
  } finally {
    for (const name of names) await sql.dropFile(name);
  }
}
