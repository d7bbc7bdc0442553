/**
 * A plain case-level file is read by DuckDB with the checks as SQL; the same rows written with a
 * quirk (mixed line endings, a quoted line break) go through the line-by-line reader. Both must
 * give the same cases, the same line reports (line, outcome, text, reason) and the same counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { readCaseExport, sniffCaseLayout } from '../ingest/caseExport';
import type { CaseExport } from '../domain/caseExport';
import type { Dataset } from '../domain/dataset';
import { storeCaseExport } from './caseStore';
import { removeFile } from './store';
import type { Database } from './database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

function read(name: string, text: string, lineByLine = false): CaseExport {
  const bytes = new TextEncoder().encode(text);
  const layout = sniffCaseLayout(bytes);
  if (!layout) throw new Error('not a case export');
  return readCaseExport({ name, bytes, lastModified: 0 }, layout, undefined, { lineByLine });
}

async function stored(dataset: Dataset, file: CaseExport) {
  const id = await storeCaseExport(db, dataset, file, null);
  const [counts] = await db.query('SELECT data_lines, rows_loaded, rows_rejected, rows_skipped, problem, warnings, encoding FROM files WHERE file_id = ?', [id]);
  const cases = await db.query('SELECT line, case_id, received, decided, hearing, outcome, nationality FROM cases WHERE file_id = ? ORDER BY line', [id]);
  const reports = await db.query('SELECT line, outcome, raw, reason FROM line_reports WHERE file_id = ? ORDER BY line', [id]);
  return { id, counts, cases, reports };
}

// Every outcome a row can have, in a file that is plain: one line-ending style, quotes closed on their line, ISO dates.
const LINES = [
  'Overzicht nareiszaken', // 1: before the header, skipped
  'Zaaknummer;Id;Datum ontvangst;Besluitdatum;Soort gehoor;Nationaliteit;Uitkomst;Opmerking', // 2: header (Id: an internal row id)
  'Z1;1;2020-03-15;;video;Syrië;;', // 3
  'Z2;2;2020-03-16;2020-04-20;fysiek;"Eritrea; Noord";inwilliging;"zei ""ja"""', // 4
  ';;', // 5: blank, skipped
  'Z3;3;2020-03-17;2020-03-10;;;;', // 6: decided before received
  'Z1;4;2020-03-18;;;;;', // 7: repeated id of line 3
  'Z4;5;2020-02-30;;;;;', // 8: no such date
  ' ;6;2020-03-19;;;;;', // 9: no id
  'Z5;7;;2020-03-19;;;;', // 10: no received date
  'Z6;8;2020-03-19;2020-07-01;;;;', // 11: decided after the export
  'Z7;9;1920-03-20;;;;;', // 12: a likely typo
  'Z8;10;2020-03-20;2020-13-01;;;;', // 13: no such decision date
  'Z9;11;2020-03-21;NULL;(leeg);NULL;;', // 14: open, empty-cell markers
  '000123;12;2020-03-22;;;;;', // 15: leading zeros kept
  '123;13;2020-03-22', // 16: Excel's dropped trailing fields
  '  Z10 ;14;2020-03-23;2020-03-23;  video  ;;;', // 17: trimmed
  'Z3;15;2020-03-24;;;;;', // 18: the id of a rejected row, loaded
  'Z11;16;2020-03-25;;;;;"laatste"', // 19
];

// The same without spaces around any field: DuckDB then reads the cells without trimming them.
const UNPADDED = LINES.map((line) => line.replace('  Z10 ', 'Z10').replace('  video  ', 'video').replace(/^ ;/, ';'));

// And without impossible dates or empty-cell markers: DuckDB then reads the date columns as dates.
const CLEAN = UNPADDED.map((line) =>
  line.replace('Z4;5;2020-02-30;;', 'Z4;5;2020-02-29;2020-02-28').replace('2020-13-01', '2020-06-02').replace('Z9;11;2020-03-21;NULL;(leeg);NULL;;', 'Z9;11;2020-03-21;;;;;'),
);

describe('plain case-level files', () => {
  it.each([
    ['with spaces around fields', LINES, { padded: true, markers: true, uniqueIds: false, typedDates: false }],
    ['without', UNPADDED, { padded: false, markers: true, uniqueIds: false, typedDates: false }],
    ['with real dates only and no empty-cell markers', CLEAN, { padded: false, markers: false, uniqueIds: false, typedDates: true }],
  ])('are read by DuckDB with every check as SQL, exactly as the line-by-line reader reads the same rows with mixed line endings or a quoted line break (%s)', async (_, LINES, flags) => {
    const { padded } = flags;
    const name = 'nareis_zaken_2020-06-01.csv';
    const plain = read(name, `\uFEFF${LINES.join('\r\n')}\r\n`);
    expect(plain.plain).toEqual({ newLine: '\r\n', ...flags, usualYears: { from: 1995, to: 2045 }, yearsOutside: true });
    const mixed = read(name, `\uFEFF${LINES.map((line, i) => line + (i % 3 === 0 ? '\n' : '\r\n')).join('')}`);
    expect(mixed.plain).toBeUndefined();
    // A quoted line break in an ignored column of the last row: the row is still one case, on its own first line.
    const broken = read(name, `\uFEFF${LINES.slice(0, -1).join('\r\n')}\r\nZ11;16;2020-03-25;;;;;"laat\r\nste"\r\n`);
    expect(broken.plain).toBeUndefined();

    const a = await stored(padded ? 'user' : 'sample', plain);
    expect(a.counts).toMatchObject({ data_lines: 18, rows_loaded: 8, rows_rejected: 8, rows_skipped: 2 });
    expect(a.cases.map((c) => [c.line, c.case_id])).toEqual([
      [3, 'Z1'],
      [4, 'Z2'],
      [14, 'Z9'],
      [15, '000123'],
      [16, '123'],
      [17, 'Z10'],
      [18, 'Z3'],
      [19, 'Z11'],
    ]);
    expect(a.cases[1]).toMatchObject({ hearing: 'fysiek', nationality: 'Eritrea; Noord', outcome: 'inwilliging' });
    expect(a.cases[2]).toMatchObject({ decided: null, hearing: null, nationality: null });
    expect(a.cases[5]).toMatchObject({ hearing: 'video' });
    const reasons = Object.fromEntries(a.reports.map((r) => [r.line, JSON.parse(r.reason as string).code]));
    expect(reasons).toEqual({
      1: 'before_header',
      5: 'blank_line',
      6: 'case_decided_before_received',
      7: 'case_duplicate_id',
      8: flags.typedDates ? 'case_decided_before_received' : 'case_date_invalid',
      9: 'case_id_missing',
      10: 'case_received_missing',
      11: 'case_date_after_export',
      12: 'date_likely_typo',
      13: flags.typedDates ? 'case_date_after_export' : 'case_date_invalid',
    });
    expect(a.reports.find((r) => r.line === 7)!.raw).toBe('Z1;4;2020-03-18;;;;;');
    expect(JSON.parse(a.counts.warnings as string)).toEqual([{ code: 'case_ids_leading_zeros', count: 1, withZeros: '000123', without: '123' }]);

    // One at a time, so no file sees another's ids.
    for (const other of [mixed, broken]) {
      await removeFile(db, a.id);
      const b = await stored(padded ? 'user' : 'sample', other);
      expect(b.cases).toEqual(a.cases);
      expect(b.reports).toEqual(a.reports);
      expect(b.counts).toEqual(a.counts);
      await removeFile(db, b.id);
      a.id = (await stored(padded ? 'user' : 'sample', plain)).id;
    }
    await removeFile(db, a.id);
  }, 60_000);

  it('keep only what the view shows: removing a file drops its table and its cases', async () => {
    const file = read('zaken_2021-01-01.csv', 'id,received,decided\nA,2020-01-06,\nB,2020-01-07,2020-01-09\n');
    expect(file.plain).toMatchObject({ uniqueIds: true });
    const id = await storeCaseExport(db, 'user', file, null);
    const count = async () => (await db.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM cases WHERE file_id = ?', [id]))[0].n;
    expect(await count()).toBe(2);
    await removeFile(db, id);
    expect(await count()).toBe(0);
    expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'case_rows_${id}'`)).toEqual([]);
  }, 30_000);

  it('give what the line-by-line reader gives for any rows (property)', async () => {
    const date = fc.constantFrom('2020-03-15', '2020-02-29', '2020-02-30', '2020-13-01', '1920-05-05', '2021-07-01', '', 'NULL', ' 2020-04-01', '2019-12-31');
    const row = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom('Z1', 'Z2', '007', '7', '', ' Z3 ', 'null', 'Z"4'), date, date, fc.constantFrom('Syrië', '', 'NULL', '"Turkije; oost"', ' Irak ', '(leeg)')).map((cells) => cells.join(';')) },
      { weight: 1, arbitrary: fc.constantFrom(';;;', '   ', 'Z9;2020-01-01', 'Z8') },
    );
    // A tidy file leaves out the two quirks that send a file line by line (a quote inside an id, a
    // padded date), so the plain path is always among the runs, not only when chance allows.
    const tidied = (row: string) => row.replaceAll('Z"4', 'Z4').replaceAll(' 2020-04-01', '2020-04-01');
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (rows, eol, tidy) => {
        const text = ['zaak;ontvangen;besluit;nationaliteit', ...(tidy ? rows.map(tidied) : rows)].join(eol) + eol;
        const results = [];
        const files = [read('zaken_2021-06-01.csv', text), read('zaken_2021-06-01.csv', text, true)];
        if (tidy) expect(files[0].plain).not.toBeNull();
        for (const file of files) {
          const result = await stored('user', file);
          await removeFile(db, result.id);
          results.push({ ...result, id: 0 });
        }
        expect(results[0]).toEqual(results[1]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
