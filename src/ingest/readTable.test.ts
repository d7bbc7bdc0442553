import { describe, expect, it } from 'vitest';
import { readTable, type TableRow } from './readTable';
import { parseExport } from './parseExport';
import type { ParsedExport } from '../domain/parsedExport';

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

const csv = (text: string) => parseExport({ name: 'rapportage_2020-09-14.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });
const accounted = (p: ParsedExport) => p.rowsLoaded + p.rejected.length + p.skipped.length;

describe('months are never read as weeks', () => {
  it('reads each month, quarter and year row of a "Periode" column at its own grain, never as a week', () => {
    const p = csv('Periode;Eerste asielaanvragen\n2019-11;1200\n2019-12;1300\n2019M12;1300\ndec 2019;1300\n2019 december;1300\n2019Q4;3900\n2019;15000\n');
    expect(p.observations).toEqual([]);
    expect(p.periodObservations.map((o) => `${o.line} ${o.grain} ${o.period} ${o.metric}=${o.value}`)).toEqual([
      '2 month 2019-11 asylum_first=1200',
      '3 month 2019-12 asylum_first=1300',
      '7 quarter 2019-Q4 asylum_first=3900',
      '8 year 2019 asylum_first=15000',
    ]);
    // The same month in other notations, with the same figure: a repeat, said so.
    expect(p.skipped.map((r) => [r.line, r.reason])).toEqual([
      [4, { code: 'duplicate_identical', firstLine: 3 }],
      [5, { code: 'duplicate_identical', firstLine: 3 }],
      [6, { code: 'duplicate_identical', firstLine: 3 }],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('still reads year-week notation when the column holds weeks past 12', () => {
    const p = csv('Periode;Eerste asielaanvragen\n2020-12;1200\n2020-13;1300\n');
    expect(p.observations.map((o) => o.weekStart)).toEqual(['2020-03-16', '2020-03-23']);
  });

  it('keeps separate year and week columns as they were', () => {
    const p = csv('Jaar;Week;Eerste asielaanvragen\n2020;12;1200\n');
    expect(p.observations.map((o) => o.weekStart)).toEqual(['2020-03-16']);
  });
});

describe('reports with the weeks across the columns', () => {
  it('reads one row per series, each row loaded, rejected naming its bad cells, or skipped', () => {
    const p = csv(
      [
        'Weekrapportage asielketen',
        'Reeks;Eenheid;Week 27 (29-06 t/m 05-07-2020);wk28-2020;2020 wk 29',
        'Eerste asielaanvragen;aantal;412;1.004;398',
        'Opvolgende aanvragen;aantal;38;veel;-2',
        'Capaciteit locatie;plaatsen;1200;1150,5;',
        ';;;;',
        'Toelichting: voorlopige cijfers;;;;',
        'Totaal;;450;1.004;398',
        'Eerste asielaanvragen;aantal;412;1.004;398',
      ].join('\n'),
    );
    expect(p.problem).toBeNull();
    expect(p.layout).toBe('transposed');
    expect(p.headerLine).toBe(2);
    expect(p.columns.map((c) => [c.header, c.role])).toEqual([
      ['Reeks', 'metric_name'],
      ['Eenheid', 'ignored'],
      ['Week 27 (29-06 t/m 05-07-2020)', 'week'],
      ['wk28-2020', 'week'],
      ['2020 wk 29', 'week'],
    ]);
    expect(p.observations.map((o) => `${o.line} ${o.weekStart} ${o.metric}=${o.value}`)).toEqual([
      '3 2020-06-29 asylum_first=412',
      '3 2020-07-06 asylum_first=1004',
      '3 2020-07-13 asylum_first=398',
      '5 2020-06-29 custom_capaciteit_locatie=1200',
      '5 2020-07-06 custom_capaciteit_locatie=1150.5',
    ]);
    expect(p.customMetrics).toEqual([{ id: 'custom_capaciteit_locatie', label: 'Capaciteit locatie', unit: 'plaatsen' }]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        4,
        {
          code: 'values_invalid',
          cells: [
            { column: 'wk28-2020', text: 'veel', problem: 'not_a_number' },
            { column: '2020 wk 29', text: '-2', problem: 'negative' },
          ],
        },
      ],
    ]);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([
      [1, 'before_header'],
      [6, 'blank_line'],
      [7, 'note_line'],
      [8, 'total_row'],
      [9, 'duplicate_identical'],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('rejects a series given twice with other values, and a value in a week after the export date', () => {
    const p = csv('Reeks;2020-W37;2020-W38;2020-W39\nTelehoren;10;11;\nTelehoren;10;12;\nGehoren fysiek;5;6;7\n');
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, { code: 'duplicate_conflict', week: '2020-W38', metric: 'hearings_tele', firstLine: 2 }],
      [4, { code: 'values_invalid', cells: [{ column: '2020-W39', text: '7', problem: 'week_after_export' }] }],
    ]);
  });

  it('does not take months across the columns for weeks: they are read as months', () => {
    const p = csv('Reeks;2020-01;2020-02;2020-03\nEerste asielaanvragen;1;2;3\n');
    expect(p.layout).toBe('transposed');
    expect(p.observations).toEqual([]);
    expect(p.periodObservations.map((o) => `${o.period}=${o.value}`)).toEqual(['2020-01=1', '2020-02=2', '2020-03=3']);
  });
});
