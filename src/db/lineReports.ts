/** Line reports packed as CSV by the readers (src/ingest/lineReportsCsv.ts), loaded by DuckDB's CSV reader. */
import type { SqlConnection } from './database';

export const CLEAN_CSV = `header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, encoding = 'utf-8'`;

/**
 * Bytes per registered piece: each piece is found and copied on the page's thread (registering hands the
 * copy to DuckDB): about 20 ms each, where the 250 MB of two million reports in one went over a second.
 */
const PIECE_BYTES = 2 << 20;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Where the packed CSV may be cut, piece by piece (asked lazily, so the page's thread never scans
 * it all at once): [start, end) ranges of about `size` bytes, each ending at the end of a record.
 * A newline inside a quoted field (a raw line with a line break in it) is not one, so quoted
 * fields are stepped over whole (an escaped quote is two). UTF-8 never has these two bytes inside
 * a character.
 */
export function* recordPieces(csv: Uint8Array, size = PIECE_BYTES): Generator<[number, number]> {
  for (let start = 0; start < csv.length; ) {
    const target = start + size;
    // Outside any quoted field at `at`: step over the quoted fields that open before the target.
    let at = start;
    for (let quote = csv.indexOf(QUOTE, at); quote !== -1 && quote < target; quote = csv.indexOf(QUOTE, at)) at = afterQuoted(csv, quote);
    let end = csv.length;
    for (let from = Math.max(at, target); ; ) {
      const newline = csv.indexOf(NEWLINE, from);
      if (newline === -1) break;
      const quote = csv.indexOf(QUOTE, from);
      if (quote === -1 || newline < quote) {
        end = newline + 1;
        break;
      }
      from = afterQuoted(csv, quote);
    }
    yield [start, end];
    start = end;
  }
}

/** The index just after the quoted field that opens at `open` (or the end of the bytes). */
function afterQuoted(csv: Uint8Array, open: number): number {
  for (let from = open + 1; ; ) {
    const close = csv.indexOf(QUOTE, from);
    if (close === -1) return csv.length;
    if (csv[close + 1] !== QUOTE) return close + 1;
    from = close + 2;
  }
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
