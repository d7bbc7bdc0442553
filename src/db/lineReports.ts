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

/**
 * Packed reports below this size are read back on the page and go in with the file's other rows
 * (Arrow): DuckDB's CSV reader costs a fresh page about 100 ms the first time it runs, which the
 * sample's few rejected lines would otherwise add to every first visit.
 */
export const SMALL_PACKED_BYTES = 256 << 10;

export interface UnpackedReport {
  line: number;
  outcome: string;
  raw: string;
  /** The reason as JSON text, as the table keeps it. */
  reason: string;
  sheet: string | null;
}

/**
 * The records of packed reports (src/ingest/lineReportsCsv.ts: line, outcome, then quoted raw and
 * reason, and sheet quoted or empty), read as DuckDB's reader does with CLEAN_CSV: a quoted field
 * is its text with doubled quotes undone, an empty unquoted field is NULL.
 */
export function unpackLineReports(csv: Uint8Array): UnpackedReport[] {
  const text = new TextDecoder('utf-8').decode(csv);
  const reports: UnpackedReport[] = [];
  let fields: (string | null)[] = [];
  let at = 0;
  while (at < text.length) {
    let value: string | null;
    if (text[at] === '"') {
      let end = at + 1;
      let parts = '';
      for (;;) {
        const close = text.indexOf('"', end);
        if (close === -1) throw new Error(`packed line reports: unclosed quote at ${at}`);
        parts += text.slice(end, close);
        if (text[close + 1] === '"') {
          parts += '"';
          end = close + 2;
        } else {
          at = close + 1;
          break;
        }
      }
      value = parts;
    } else {
      let end = at;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      value = end === at ? null : text.slice(at, end);
      at = end;
    }
    fields.push(value);
    const separator = text[at++];
    if (separator === ',') continue;
    if (separator !== '\n' && separator !== undefined) throw new Error(`packed line reports: unexpected ${JSON.stringify(separator)} at ${at - 1}`);
    const [line, outcome, raw, reason, sheet = null] = fields;
    if (fields.length !== 5 || line === null || outcome === null || reason === null) throw new Error(`packed line reports: a record of ${fields.length} fields at ${at}`);
    reports.push({ line: Number(line), outcome, raw: raw ?? '', reason, sheet });
    fields = [];
  }
  return reports;
}
