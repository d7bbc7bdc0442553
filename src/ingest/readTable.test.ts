import { describe, expect, it } from 'vitest';
import { readTable, type TableRow } from './readTable';

/** A sheet as a workbook reader hands it over: cells per row, each row with its sheet and row number. */
function sheetRows(sheet: string, rows: [number, string[]][]): TableRow[] {
  return rows.map(([line, cells]) => ({ line, sheet, raw: cells.join('\t'), cells }));
}

describe('readTable takes rows from any source', () => {
  it('keeps a sheet and its row numbers as the provenance of every loaded, rejected and skipped row', () => {
    const t = readTable(
      sheetRows('Blad1', [
        [1, ['Weekcijfers asiel', '', '']],
        [3, ['Week', 'Eerste asielaanvragen', 'Opvolgende aanvragen']],
        [4, ['2020-W27', '412', '38']],
        [5, ['2020-W28', 'veel', '41']],
        [7, ['Totaal', '412', '79']],
      ]),
      '2022-01-10',
    );
    expect(t.headerLine).toBe(3);
    expect(t.rowsLoaded).toBe(1);
    expect(t.observations.map((o) => `${o.sheet} ${o.line} ${o.metric}=${o.value}`)).toEqual(['Blad1 4 asylum_first=412', 'Blad1 4 asylum_followup=38']);
    expect(t.rejected.map((r) => [r.sheet, r.line, r.reason.code])).toEqual([['Blad1', 5, 'values_invalid']]);
    expect(t.skipped.map((r) => [r.sheet, r.line, r.reason.code])).toEqual([
      ['Blad1', 1, 'before_header'],
      ['Blad1', 7, 'total_row'],
    ]);
    expect(t.rowsLoaded + t.rejected.length + t.skipped.length).toBe(t.dataLines);
  });

  it('leaves the sheet out for a source without sheets', () => {
    const t = readTable(
      [
        { line: 1, raw: 'Week;Eerste asielaanvragen', cells: ['Week', 'Eerste asielaanvragen'] },
        { line: 2, raw: '2020-W27;412', cells: ['2020-W27', '412'] },
      ],
      '2022-01-10',
    );
    expect(t.observations).toEqual([{ line: 2, weekStart: '2020-06-29', metric: 'asylum_first', value: 412 }]);
  });
});
