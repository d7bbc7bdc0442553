/** Line reports packed in the worker reach the table exactly as unpacked ones do. */
import { beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { parseExport } from '../ingest/parseExport';
import { packLineReports } from '../ingest/lineReportsCsv';
import { storeExport } from './store';
import { insertLineReports, recordPieces, SMALL_PACKED_BYTES, unpackLineReports } from './lineReports';
import type { Database } from './database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

it('stores packed line reports like unpacked ones, quotes, tabs and all', async () => {
  const text = 'Titel "export"\nweek;Telehoren\n2020-W27;12\n2020-W28;"x;\ty"\n\n2020-W29;-4\n';
  const parsed = parseExport({ name: 'tele_2020-09-14.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });
  const packed = packLineReports(parsed);
  expect(packed.rejected).toEqual([]);
  const [plain, viaCsv] = [await storeExport(db, 'user', parsed), await storeExport(db, 'user', packed)];
  const lines = (id: number) => db.query('SELECT line, outcome, raw, reason FROM line_reports WHERE file_id = ? ORDER BY line, outcome', [id]);
  expect(await lines(viaCsv)).toEqual(await lines(plain));
  expect((await lines(plain)).length).toBe(4);
  const counts = (id: number) => db.query('SELECT rows_rejected, rows_skipped FROM files WHERE file_id = ?', [id]);
  expect(await counts(viaCsv)).toEqual(await counts(plain));
}, 30_000);

it('reads small packed reports back on the page exactly as DuckDB reads them: quotes, line breaks, sheets and empty fields', async () => {
  // Raw lines with quotes, semicolons, tabs, line breaks and non-ASCII text; a workbook sheet on some.
  const rows = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `2020-W27;"${i}\nmeer ""régels"";\t"` : i % 3 === 1 ? `2020-W${String((i % 50) + 1).padStart(2, '0')};#N/B` : ''));
  const parsed = parseExport({ name: 'tele_2020-09-14.csv', bytes: new TextEncoder().encode(`week;Telehoren\n${rows.join('\n')}\n2020-W30;5\n`), lastModified: 0 });
  const withSheets = { ...parsed, rejected: parsed.rejected.map((r, i) => (i % 2 ? { ...r, sheet: i % 4 === 1 ? 'Blad "1"' : '' } : r)) };
  const packed = packLineReports(withSheets).packedReports!;
  expect(packed.csv.length).toBeLessThan(SMALL_PACKED_BYTES);
  // The same records through DuckDB's CSV reader and through the page's reading of them.
  const viaReader = 90_002;
  await db.transaction((sql) => insertLineReports(sql, viaReader, packed.csv));
  const unpacked = unpackLineReports(packed.csv);
  expect(unpacked.length).toBe(packed.rejected + packed.skipped);
  const lines = (id: number) => db.query('SELECT line, outcome, raw, reason, sheet FROM line_reports WHERE file_id = ? ORDER BY line, outcome', [id]);
  const fromReader = await lines(viaReader);
  expect(fromReader.some((r) => r.sheet === '')).toBe(true);
  expect(fromReader.some((r) => r.sheet === null)).toBe(true);
  expect([...unpacked].sort((a, b) => a.line - b.line || a.outcome.localeCompare(b.outcome))).toEqual(fromReader);
  // Stored through the store (small, so on the page's path): the same rows again.
  expect(await lines(await storeExport(db, 'user', packLineReports(withSheets)))).toEqual(fromReader);
}, 30_000);

it('cuts packed reports into pieces only where a record ends, never inside a quoted line break', () => {
  const text = 'week;Telehoren\n' + Array.from({ length: 40 }, (_, i) => `2020-W${String((i % 50) + 1).padStart(2, '0')};"x\n""y"";\n${i}"\n`).join('');
  const { packedReports } = packLineReports(parseExport({ name: 'tele_2020-09-14.csv', bytes: new TextEncoder().encode(text), lastModified: 0 }));
  const csv = packedReports!.csv;
  const pieces = [...recordPieces(csv, 100)];
  expect(pieces.length).toBeGreaterThan(10);
  expect(pieces[0][0]).toBe(0);
  expect(pieces.at(-1)![1]).toBe(csv.length);
  const decoder = new TextDecoder();
  // Line breaks inside quoted raw lines: more newlines than records.
  expect(decoder.decode(csv).split('\n').length - 1).toBeGreaterThan(packedReports!.rejected + packedReports!.skipped);
  for (const [i, [start, end]] of pieces.entries()) {
    if (i > 0) expect(start).toBe(pieces[i - 1][1]);
    // Each piece is whole records: an even number of quotes, ending in a newline.
    const piece = decoder.decode(csv.subarray(start, end));
    expect(piece.split('"').length % 2).toBe(1);
    expect(piece.endsWith('\n')).toBe(true);
  }
});

it('loads packed reports registered in many pieces exactly as in one', async () => {
  // Lines with quotes, semicolons and line breaks inside quoted fields, each rejected with its line.
  const rows = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `2020-W27;"${i}\nmeer ""regels"""` : `2020-W${String((i % 50) + 1).padStart(2, '0')};#N/B`));
  const parsed = parseExport({ name: 'tele_2020-09-14.csv', bytes: new TextEncoder().encode(`week;Telehoren\n${rows.join('\n')}\n`), lastModified: 0 });
  expect(parsed.rejected.length).toBeGreaterThan(250);
  const plain = await storeExport(db, 'user', parsed);
  const packed = packLineReports(parsed).packedReports!;
  expect([...recordPieces(packed.csv, 256)].length).toBeGreaterThan(20);
  const inPieces = 90_001;
  await db.transaction((sql) => insertLineReports(sql, inPieces, packed.csv, 256));
  const lines = (id: number) => db.query('SELECT line, outcome, raw, reason, sheet FROM line_reports WHERE file_id = ? ORDER BY line, outcome', [id]);
  const stored = await lines(inPieces);
  expect(stored.length).toBe(parsed.rejected.length + parsed.skipped.length);
  expect(stored).toEqual(await lines(plain));
}, 30_000);

it('stores text columns exactly, all-ASCII and not (the one-encode path and the per-value one)', async () => {
  const text = 'Week;Instroom Zuid;Instroom Zuid–Oost (é);Leeg\n2020-W27;12;7;\n2020-W28;13;8;\n';
  const parsed = parseExport({ name: 'instroom_2020-09-14.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });
  const id = await storeExport(db, 'user', parsed);
  const headers = await db.query<{ header: string }>('SELECT header FROM file_columns WHERE file_id = ? ORDER BY position', [id]);
  expect(headers.map((h) => h.header)).toEqual(parsed.columns.map((c) => c.header));
  expect(headers.map((h) => h.header)).toContain('Instroom Zuid–Oost (é)');
  const labels = await db.query<{ label: string }>('SELECT label FROM custom_metrics WHERE file_id = ? ORDER BY label', [id]);
  expect(labels.map((l) => l.label)).toEqual(parsed.customMetrics.map((m) => m.label).sort());
}, 30_000);
