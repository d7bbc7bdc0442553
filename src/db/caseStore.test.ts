/** Case-level exports through DuckDB's CSV reader: every line loaded, rejected or skipped, with its line number and reason. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { dataLinesAfter, sniffCaseLayout } from '../ingest/caseExport';
import { type CaseExport } from '../domain/caseExport';
import { storeCaseExport } from './caseStore';
import type { Database } from './database';
import { exportDateOf } from '../ingest/exportDate';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
}, 30_000);

function caseExport(name: string, text: string): CaseExport {
  const bytes = new TextEncoder().encode(text);
  const layout = sniffCaseLayout(bytes);
  if (!layout) throw new Error('not a case export');
  return { kind: 'cases', name, sizeBytes: bytes.length, exportDate: exportDateOf(name, 0), bytes, layout, dataLines: dataLinesAfter(bytes, layout.headerLine) };
}

const reports = (fileId: number) =>
  db.query<{ line: number; outcome: string; reason: string }>(`SELECT line, outcome, reason FROM line_reports WHERE file_id = ? ORDER BY line`, [fileId]);

describe('case-level exports', () => {
  it('are recognised by their columns, in Dutch or English, with the date spelling most rows use', () => {
    const dutch = sniffCaseLayout(new TextEncoder().encode('\uFEFFZaaknummer;Datum ontvangst;Besluitdatum;Nationaliteit\nZ1;15-03-2020;;Syrië\n'));
    expect(dutch).toMatchObject({ delimiter: ';', headerLine: 1, fields: ['case_id', 'received', 'decided', 'nationality'], dateFormat: '%d-%m-%Y', encoding: 'utf-8' });
    const english = sniffCaseLayout(new TextEncoder().encode('Case ID,Date received,Decision date,Hearing type\nA,15/03/2020,,video\n'));
    expect(english).toMatchObject({ delimiter: ',', fields: ['case_id', 'received', 'decided', 'hearing'], dateFormat: '%d/%m/%Y' });
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
      'Z4;03/18/2020;;;', // 7: month first: not a date in this file's spelling
      'Z5;19-03-2020;;;;extra', // 8: too many fields
      ';19-03-2020;;;', // 9: no id
      'Z6;19-03-2021;;;', // 10: after the export date
      'Z7;20-03-2020;20-03-2020;;', // 11: decided the day it arrived
    ].join('\n');
    const id = await storeCaseExport(db, 'user', caseExport('nareis_zaken_2020-06-01.csv', `${text}\n`), null);
    const [file] = await db.query<Record<string, unknown>>('SELECT layout, data_lines, rows_loaded, rows_rejected, rows_skipped FROM files WHERE file_id = ?', [id]);
    expect(file).toEqual({ layout: 'cases', data_lines: 10, rows_loaded: 3, rows_rejected: 6, rows_skipped: 1 });
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
      [7, 'rejected', 'case_value_unreadable'],
      [8, 'rejected', 'too_many_fields'],
      [9, 'rejected', 'case_id_missing'],
      [10, 'rejected', 'case_date_after_export'],
    ]);
    const reasons = Object.fromEntries((await reports(id)).map((r) => [r.line, JSON.parse(r.reason)]));
    expect(reasons[6]).toEqual({ code: 'case_duplicate_id', id: 'Z1', firstLine: 2 });
    expect(reasons[7]).toEqual({ code: 'case_value_unreadable', column: 'ontvangen', text: '03/18/2020', dateFormat: '%d-%m-%Y' });
    // A rejected row's text is rebuilt in the file's own date spelling.
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
