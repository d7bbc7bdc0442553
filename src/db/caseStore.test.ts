/** Case-level exports through DuckDB's CSV reader: every line loaded, rejected or skipped, with its line number and reason. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { readCaseExport, sniffCaseLayout } from '../ingest/caseExport';
import { type CaseExport } from '../domain/caseExport';
import { storeCaseExport } from './caseStore';
import type { Database } from './database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

function caseExport(name: string, text: string | Uint8Array): CaseExport {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const layout = sniffCaseLayout(bytes);
  if (!layout) throw new Error('not a case export');
  return readCaseExport({ name, bytes, lastModified: 0 }, layout);
}

const reports = (fileId: number) =>
  db.query<{ line: number; outcome: string; reason: string }>(`SELECT line, outcome, reason FROM line_reports WHERE file_id = ? ORDER BY line`, [fileId]);

describe('case-level exports', () => {
  it('are recognised by their columns, in Dutch or English', () => {
    const dutch = sniffCaseLayout(new TextEncoder().encode('\uFEFFZaaknummer;Datum ontvangst;Besluitdatum;Nationaliteit\nZ1;15-03-2020;;Syrië\n'));
    expect(dutch).toMatchObject({ delimiter: ';', headerLine: 1, fields: ['case_id', 'received', 'decided', 'nationality'], rowIds: [] });
    const english = sniffCaseLayout(new TextEncoder().encode('Case ID,Date received,Decision date,Hearing type\nA,15/03/2020,,video\n'));
    expect(english).toMatchObject({ delimiter: ',', fields: ['case_id', 'received', 'decided', 'hearing'] });
    expect(sniffCaseLayout(new TextEncoder().encode('Week;Aantoonbaar vertrek\n2020-W01;12\n'))).toBeNull();
  });

  it('load the good rows and reject each bad one with its line and reason', async () => {
    const text = [
      'zaak;ontvangen;besluit;gehoor;nationaliteit', // 1
      'Z1;15-03-2020;;fysiek;Syrië', // 2
      'Z2;16-03-2020;20-04-2020;video;"Eritrea; Noord"', // 3
      '', // 4: blank, skipped
      'Z3;17-03-2020;10-03-2020;;', // 5: decided before received
      'Z1;18-03-2020;;;', // 6: duplicate of line 2
      'Z4;31-02-2020;;;', // 7: no such date
      'Z5;19-03-2020;;;;extra', // 8: too many fields
      ';19-03-2020;;;', // 9: no id
      'Z6;19-03-2021;;;', // 10: after the export date
      'Z7;20-03-2020;20-03-2020;;', // 11: decided the day it arrived
    ].join('\n');
    const id = await storeCaseExport(db, 'user', caseExport('nareis_zaken_2020-06-01.csv', `${text}\n`), null);
    const [file] = await db.query<Record<string, unknown>>('SELECT layout, data_lines, rows_loaded, rows_rejected, rows_skipped FROM files WHERE file_id = ?', [id]);
    expect(file).toEqual({ layout: 'cases', data_lines: 10, rows_loaded: 3, rows_rejected: 6, rows_skipped: 1 });
    // data_lines is the reader's count of the file's lines, never the sum of the outcomes.
    const cases = await db.query<{ line: number; case_id: string; nationality: string | null }>('SELECT line, case_id, nationality FROM cases WHERE file_id = ? ORDER BY line', [id]);
    expect(cases.map((c) => [c.line, c.case_id])).toEqual([
      [2, 'Z1'],
      [3, 'Z2'],
      [11, 'Z7'],
    ]);
    expect(cases[1].nationality).toBe('Eritrea; Noord');
    const lines = (await reports(id)).map((r) => [r.line, r.outcome, JSON.parse(r.reason).code]);
    expect(lines).toEqual([
      [4, 'skipped', 'blank_line'],
      [5, 'rejected', 'case_decided_before_received'],
      [6, 'rejected', 'case_duplicate_id'],
      [7, 'rejected', 'case_date_invalid'],
      [8, 'rejected', 'too_many_fields'],
      [9, 'rejected', 'case_id_missing'],
      [10, 'rejected', 'case_date_after_export'],
    ]);
    const reasons = Object.fromEntries((await reports(id)).map((r) => [r.line, JSON.parse(r.reason)]));
    expect(reasons[6]).toEqual({ code: 'case_duplicate_id', id: 'Z1', firstLine: 2 });
    expect(reasons[7]).toEqual({ code: 'case_date_invalid', column: 'ontvangen', text: '31-02-2020', order: 'day_first' });
    // A rejected row's text is the line as written.
    const raw = await db.query<{ line: number; raw: string }>('SELECT line, raw FROM line_reports WHERE file_id = ? AND line = 5', [id]);
    expect(raw[0].raw).toBe('Z3;17-03-2020;10-03-2020;;');
    expect(reasons[5]).toEqual({ code: 'case_decided_before_received', received: '2020-03-17', decided: '2020-03-10' });
  });

  it('number lines directly when every line is a row, our own rejections included', async () => {
    const id = await storeCaseExport(db, 'user', caseExport('zaken_2021-01-01.csv', 'id,received,decided\nA,2020-01-06,\nB,2020-01-07,2020-01-09\nA,2020-01-08,\nC,2020-01-08,\n'), null);
    const cases = await db.query<{ line: number }>('SELECT line FROM cases WHERE file_id = ? ORDER BY line', [id]);
    expect(cases.map((c) => c.line)).toEqual([2, 3, 5]);
    expect((await reports(id)).map((r) => [r.line, JSON.parse(r.reason)])).toEqual([[4, { code: 'case_duplicate_id', id: 'A', firstLine: 2 }]]);
    const [raw] = await db.query<{ raw: string }>('SELECT raw FROM line_reports WHERE file_id = ?', [id]);
    expect(raw.raw).toBe('A,2020-01-08,');
  });
});

/** Excel's "Unicode-tekst": UTF-16 little-endian with a BOM, tab-separated, CRLF. */
function unicodeText(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
  return bytes;
}

/** Windows-1252, as Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" writes. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, '‘': 0x91 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const store = (name: string, text: string | Uint8Array) => storeCaseExport(db, 'user', caseExport(name, text), null);
const fileRow = (id: number) =>
  db.query<{ data_lines: number; rows_loaded: number; rows_rejected: number; rows_skipped: number; problem: string | null; warnings: string; encoding: string }>(
    'SELECT data_lines, rows_loaded, rows_rejected, rows_skipped, problem, warnings, encoding FROM files WHERE file_id = ?',
    [id],
  );
const casesOf = (id: number) => db.query<{ line: number; case_id: string; received: number; decided: number | null; nationality: string | null }>('SELECT line, case_id, received, decided, nationality FROM cases WHERE file_id = ? ORDER BY line', [id]);
const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

describe('case-level exports as real tools write them', () => {
  it('recognise an extra internal id column, and take the column named as the case id', async () => {
    const layout = sniffCaseLayout(new TextEncoder().encode('Id;Zaaknummer;Datum ontvangst;Datum besluit\n1;NR-7;15-03-2020;\n'));
    expect(layout).toMatchObject({ fields: [null, 'case_id', 'received', 'decided'], rowIds: [0] });
    const id = await store('zaken_2020-06-01.csv', 'Id;Zaaknummer;Datum ontvangst;Datum besluit\n1;NR-7;15-03-2020;\n2;NR-8;16-03-2020;01-04-2020\n');
    expect((await casesOf(id)).map((c) => c.case_id)).toEqual(['NR-7', 'NR-8']);
    const [column] = await db.query<{ detail: string }>('SELECT detail FROM file_columns WHERE file_id = ? AND position = 0', [id]);
    expect(column.detail).toBe('row_id');
  });

  it('keep every line number right after a quoted line break, and with CR, LF and CRLF mixed', async () => {
    const text = 'zaak;ontvangen;besluit;nationaliteit\r\nZ1;15-03-2020;;"Syrië\r\n(noord)"\r\nZ2;16-03-2020;;Eritrea\nZ3;17-03-2020;10-03-2020;Irak\rZ4;18-03-2020;;Iran\r\nZ2;19-03-2020;;Irak\n';
    const id = await store('zaken_2020-06-01.csv', text);
    expect((await casesOf(id)).map((c) => [c.line, c.case_id])).toEqual([
      [2, 'Z1'],
      [4, 'Z2'],
      [6, 'Z4'],
    ]);
    expect((await reports(id)).map((r) => [r.line, JSON.parse(r.reason).code])).toEqual([
      [5, 'case_decided_before_received'],
      [7, 'case_duplicate_id'],
    ]);
    expect(await fileRow(id)).toMatchObject([{ data_lines: 5, rows_loaded: 3, rows_rejected: 2 }]);
  });

  it('make an unclosed quote the problem of its own line only', async () => {
    const lines = ['zaak;ontvangen;besluit;nationaliteit', 'Z1;15-03-2020;;Syrië', 'Z2;16-03-2020;;"Eritrea', ...Array.from({ length: 9 }, (_, i) => `Z${i + 3};17-03-2020;;Irak`)];
    const id = await store('zaken_2020-06-01.csv', `${lines.join('\n')}\n`);
    expect(await fileRow(id)).toMatchObject([{ data_lines: 11, rows_loaded: 10, rows_rejected: 1 }]);
    expect((await reports(id)).map((r) => [r.line, JSON.parse(r.reason)])).toEqual([[3, { code: 'unterminated_quote', fromLine: 3 }]]);
  });

  it('read NULL, null and (leeg) as empty: such a case is open, not rejected', async () => {
    const id = await store('zaken_2020-06-01.csv', 'zaak,ontvangen,besluit,nationaliteit\nA,2020-03-15,NULL,NULL\nB,2020-03-16,null,Irak\nC,2020-03-17,(leeg),Iran\n');
    expect((await casesOf(id)).map((c) => [c.case_id, c.decided, c.nationality])).toEqual([
      ['A', null, null],
      ['B', null, 'Irak'],
      ['C', null, 'Iran'],
    ]);
  });

  it('read a month-first file month first, saying so; never one file both ways', async () => {
    const id = await store('zaken_2020-12-01.csv', 'Case ID,Date received,Decision date\nA,06/29/2020,07/06/2020\nB,07/01/2020,\n');
    expect((await casesOf(id)).map((c) => [c.case_id, day(c.received), day(c.decided)])).toEqual([
      ['A', '2020-06-29', '2020-07-06'],
      ['B', '2020-07-01', null],
    ]);
    expect(JSON.parse((await fileRow(id))[0].warnings)).toContainEqual({ code: 'dates_month_first', line: 2 });

    const mixed = await store('zaken_2020-12-01.csv', 'Case ID,Date received,Decision date\nA,06/29/2020,\nB,29/06/2020,\nC,07/01/2020,\n');
    expect(await fileRow(mixed)).toMatchObject([{ rows_loaded: 0, rows_rejected: 3, problem: JSON.stringify({ code: 'dates_mixed_order', dayFirstLine: 3, monthFirstLine: 2 }) }]);

    const ambiguous = await store('zaken_2020-12-01.csv', 'Case ID,Date received,Decision date\nA,06/01/2020,\nB,2020-03-02,\n');
    expect((await casesOf(ambiguous)).map((c) => day(c.received))).toEqual(['2020-01-06', '2020-03-02']);
    expect(JSON.parse((await fileRow(ambiguous))[0].warnings)).toContainEqual({ code: 'dates_ambiguous_order', count: 1, line: 2, text: '06/01/2020' });
  });

  it('reject a year far outside the file as a likely typo', async () => {
    const id = await store('zaken_2020-12-01.csv', 'zaak;ontvangen;besluit\nA;13-07-2020;\nB;13-07-1920;\nC;14-07-2020;20-07-2020\n');
    expect((await casesOf(id)).map((c) => c.case_id)).toEqual(['A', 'C']);
    expect((await reports(id)).map((r) => JSON.parse(r.reason))).toEqual([{ code: 'date_likely_typo', column: 'ontvangen', text: '13-07-1920', from: 1995, to: 2045 }]);
  });

  it("load Excel's Windows-1252 and Unicode-tekst (UTF-16, tab) case exports", async () => {
    const cp = await store('zaken_2020-06-01.csv', windows1252('Zaaknummer;Datum ontvangst;Datum besluit;Nationaliteit\r\nZ1;15-03-2020;;Cura\u00e7ao – ’t Eiland €\r\n'));
    expect(await casesOf(cp)).toMatchObject([{ case_id: 'Z1', nationality: 'Curaçao – ’t Eiland €' }]);
    expect((await fileRow(cp))[0].encoding).toBe('windows-1252');

    const bytes = unicodeText('Zaaknummer\tDatum ontvangst\tDatum besluit\tNationaliteit\r\nZ1\t15-03-2020\t\tSyrië\r\nZ2\t16-03-2020\t20-04-2020\tEritrea\r\n');
    expect(sniffCaseLayout(bytes)).toMatchObject({ delimiter: '\t', fields: ['case_id', 'received', 'decided', 'nationality'] });
    const utf16 = await store('zaken_2020-06-01.csv', bytes);
    expect((await casesOf(utf16)).map((c) => [c.case_id, c.nationality])).toEqual([
      ['Z1', 'Syrië'],
      ['Z2', 'Eritrea'],
    ]);
  });

  it("load rows whose empty last fields Excel dropped", async () => {
    const id = await store('zaken_2020-06-01.csv', 'zaak;ontvangen;besluit;nationaliteit;uitkomst\nZ1;15-03-2020\nZ2;16-03-2020;20-04-2020;Irak\n');
    expect((await casesOf(id)).map((c) => c.case_id)).toEqual(['Z1', 'Z2']);
  });

  it('keep ids as text and warn when ids differ only by leading zeros (as Excel strips them)', async () => {
    const fresh = await openTestDatabase();
    await storeCaseExport(fresh, 'user', caseExport('zaken_2020-06-01.csv', 'zaak;ontvangen;besluit\n000123;15-03-2020;\n000124;15-03-2020;\n'), null);
    const newer = await storeCaseExport(fresh, 'user', caseExport('zaken_2020-07-01.csv', 'zaak;ontvangen;besluit\n123;15-03-2020;20-06-2020\n124;15-03-2020;\n'), null);
    const [row] = await fresh.query<{ warnings: string }>('SELECT warnings FROM files WHERE file_id = ?', [newer]);
    expect(JSON.parse(row.warnings)).toContainEqual({ code: 'case_ids_leading_zeros', count: 2, withZeros: '000123', without: '123' });
    const [{ n }] = await fresh.query<{ n: number }>('SELECT CAST(count(DISTINCT case_id) AS INTEGER) AS n FROM cases', []);
    expect(n).toBe(4);
  }, 30_000);
});
