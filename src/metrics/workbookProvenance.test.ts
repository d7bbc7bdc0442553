import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { removeFile, storeExport } from '../db/store';
import { readWeeklyFile } from '../ingest/readFile';
import { panelWeeks } from './panelQueries';
import { fileColumns, fileReports, fileSheets, lineReports, observationHistory } from './queries';

/** A workbook written by SheetJS: a data sheet with a title row, and a notes sheet. */
function workbook(rows: (string | number)[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Gehoren per week'], ...rows]), 'Gehoren');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Toelichting'], ['Bron: IND']]), 'Toelichting');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('a stored workbook keeps sheet and row as provenance', () => {
  it('in the sheet tallies, the rejected and skipped rows, the columns, the revision history and the panel sources', async () => {
    const db = await openTestDatabase();
    const read = (name: string, bytes: Uint8Array) => readWeeklyFile({ name, bytes, lastModified: 0 });
    await storeExport(db, 'user', await read('gehoren_2021-01-04.xlsx', workbook([['Week', 'Telehoren'], ['2020-W52', 29], ['2020-W53', 'veel']])));
    const newer = await storeExport(db, 'user', await read('gehoren_2021-01-11.xlsx', workbook([['Week', 'Telehoren'], ['2020-W52', 30]])));

    const [older] = await fileReports(db, 'user');
    expect((await fileSheets(db, 'user')).filter((s) => s.fileId === older.fileId)).toEqual([
      { fileId: older.fileId, sheet: 'Gehoren', headerLine: 2, dataLines: 3, rowsLoaded: 1, rowsRejected: 1, rowsSkipped: 1, problem: null },
      { fileId: older.fileId, sheet: 'Toelichting', headerLine: null, dataLines: 2, rowsLoaded: 0, rowsRejected: 0, rowsSkipped: 2, problem: { code: 'no_week_column' } },
    ]);
    const lines = (await lineReports(db, 'user')).filter((l) => l.fileId === older.fileId);
    expect(lines.map((l) => [l.sheet, l.line, l.outcome, l.reason.code])).toEqual([
      ['Gehoren', 1, 'skipped', 'before_header'],
      ['Gehoren', 4, 'rejected', 'values_invalid'],
      ['Toelichting', 1, 'skipped', 'sheet_not_read'],
      ['Toelichting', 2, 'skipped', 'sheet_not_read'],
    ]);
    expect((await fileColumns(db, 'user')).filter((c) => c.fileId === older.fileId).map((c) => [c.sheet, c.header, c.role])).toEqual([
      ['Gehoren', 'Week', 'week'],
      ['Gehoren', 'Telehoren', 'metric'],
    ]);
    expect(await observationHistory(db, 'user', 'hearings_tele', '2020-12-21')).toEqual([
      { value: 30, fileName: 'gehoren_2021-01-11.xlsx', sheet: 'Gehoren', line: 3, exportDate: '2021-01-11', current: true },
      { value: 29, fileName: 'gehoren_2021-01-04.xlsx', sheet: 'Gehoren', line: 3, exportDate: '2021-01-04', current: false },
    ]);

    const baseline = { first: '2020-12-21', last: '2020-12-21', method: 'mean' as const, referenceYear: 2019 };
    const weeks = await panelWeeks(db, { dataset: 'user', metrics: ['hearings_tele'], range: { first: null, last: null }, baseline, cumulativeFrom: '2020-12-21', cumulativeMetrics: [] });
    expect(weeks.map((w) => [w.week, w.value, w.fileName, w.sheet, w.line])).toEqual([['2020-W52', 30, 'gehoren_2021-01-11.xlsx', 'Gehoren', 3]]);

    await removeFile(db, newer);
    expect((await fileSheets(db, 'user')).map((s) => s.fileId)).toEqual([older.fileId, older.fileId]);
  }, 30_000);
});
