import { describe, expect, it } from 'vitest';
import { parseExport } from './parseExport';
import { MAX_COLUMNS, MAX_CUSTOM_METRICS, MAX_LINE_CHARS } from '../domain/parsedExport';
import type { ParsedExport } from '../domain/parsedExport';

const modified = new Date(2022, 0, 10).getTime();

function parse(text: string, name = 'export_2022-01-10.csv'): ParsedExport {
  return parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: modified });
}

function accounted(p: ParsedExport): number {
  return p.rowsLoaded + p.rejected.length + p.skipped.length;
}

const values = (p: ParsedExport) => p.observations.map((o) => `${o.weekStart} ${o.metric}=${o.value} @${o.line}`);

describe('wide exports', () => {
  it('reads a Dutch semicolon export with a title line, a blank line and a total row', () => {
    const p = parse(
      [
        'IND weekcijfers gehoren',
        'Week;Gehoren fysiek;Telehoren;Opmerking',
        '2020-W27;412;238;',
        '2020-W28;1.004;241;na storing',
        '',
        'Totaal;1.416;479;',
      ].join('\r\n') + '\r\n',
    );
    expect(p.delimiter).toBe(';');
    expect(p.layout).toBe('wide');
    expect(p.headerLine).toBe(2);
    expect(values(p)).toEqual([
      '2020-06-29 hearings_physical=412 @3',
      '2020-06-29 hearings_tele=238 @3',
      '2020-07-06 hearings_physical=1004 @4',
      '2020-07-06 hearings_tele=241 @4',
    ]);
    expect(p.skipped.map((s) => [s.line, s.reason.code])).toEqual([
      [1, 'before_header'],
      [5, 'blank_line'],
      [6, 'total_row'],
    ]);
    expect(p.columns.map((c) => [c.header, c.role])).toEqual([
      ['Week', 'week'],
      ['Gehoren fysiek', 'metric'],
      ['Telehoren', 'metric'],
      ['Opmerking', 'ignored'],
    ]);
    expect(p.dataLines).toBe(5);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('rejects bad rows with line, raw text and reason, and loads the rest', () => {
    const p = parse(
      [
        'week,aantoonbaar vertrek,waarvan gedwongen',
        '2019-W52,140,55',
        '2019-W53,141,50',
        '2020-W01,-3,1',
        '2020-W02,12.5,abc',
        ',10,2',
        '2020-W03,"1,234",2',
        '2020-W04,130',
        '2020-W05,138,60',
      ].join('\n'),
    );
    expect(p.columns.find((c) => c.header === 'waarvan gedwongen')).toMatchObject({ role: 'metric', metric: 'departures_forced', via: 'forced_part' });
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, { code: 'week_invalid', text: '2019-W53', problem: 'week_53_missing', year: 2019 }],
      [4, { code: 'values_invalid', cells: [{ column: 'aantoonbaar vertrek', text: '-3', problem: 'negative' }] }],
      [
        5,
        {
          code: 'values_invalid',
          cells: [
            { column: 'aantoonbaar vertrek', text: '12.5', problem: 'decimal' },
            { column: 'waarvan gedwongen', text: 'abc', problem: 'not_a_number' },
          ],
        },
      ],
      [6, { code: 'week_missing' }],
      [7, { code: 'values_invalid', cells: [{ column: 'aantoonbaar vertrek', text: '1,234', problem: 'ambiguous_comma' }] }],
    ]);
    expect(p.rejected[0].raw).toBe('2019-W53,141,50');
    expect(values(p)).toEqual([
      '2019-12-23 departures_total=140 @2',
      '2019-12-23 departures_forced=55 @2',
      // Excel drops a row's empty last fields: the row is complete, its last cell empty.
      '2020-01-20 departures_total=130 @8',
      '2020-01-27 departures_total=138 @9',
      '2020-01-27 departures_forced=60 @9',
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('keeps an empty cell as missing, not zero', () => {
    const p = parse('week;Telehoren;Gehoren fysiek\n2020-W12;;3\n2020-W13;-;\n');
    expect(values(p)).toEqual(['2020-03-16 hearings_physical=3 @2']);
    expect(p.skipped).toEqual([{ line: 3, raw: '2020-W13;-;', reason: { code: 'no_values', week: '2020-W13' } }]);
  });

  it('reads separate jaar and week columns across 2020-W53', () => {
    const p = parse('Jaar;Week;Telehoren\n2020;52;10\n2020;53;11\n2021;1;12\n2021;53;13\n');
    expect(values(p)).toEqual(['2020-12-21 hearings_tele=10 @2', '2020-12-28 hearings_tele=11 @3', '2021-01-04 hearings_tele=12 @4']);
    expect(p.rejected[0]).toMatchObject({ line: 5, reason: { code: 'week_invalid', problem: 'week_53_missing' } });
  });

  it('reads Monday dates, day-first, and warns when dates are not Mondays', () => {
    const mondays = parse('Datum,Telehoren\n29-06-2020,5\n2020-07-06,6\n');
    expect(values(mondays)).toEqual(['2020-06-29 hearings_tele=5 @2', '2020-07-06 hearings_tele=6 @3']);
    expect(mondays.warnings).toEqual([]);
    const sundays = parse('Datum,Telehoren\n05-07-2020,5\n');
    expect(values(sundays)).toEqual(['2020-06-29 hearings_tele=5 @2']);
    expect(sundays.warnings).toEqual([{ code: 'dates_ambiguous_order', count: 1, line: 2, text: '05-07-2020' }, { code: 'dates_not_mondays' }]);
  });

  it('keeps an unknown numeric column as a custom metric and reports a text column as not recognised', () => {
    const p = parse('week\tCOA bezetting\tBron\n2020-W37\t27.000\tCOA\n2020-W38\t27.150\tCOA\n');
    expect(p.delimiter).toBe('\t');
    expect(p.customMetrics).toEqual([{ id: 'custom_coa_bezetting', label: 'COA bezetting' }]);
    expect(values(p)).toEqual(['2020-09-07 custom_coa_bezetting=27000 @2', '2020-09-14 custom_coa_bezetting=27150 @3']);
    expect(p.columns[2]).toMatchObject({ header: 'Bron', role: 'ignored', why: 'not_numeric' });
  });

  it('counts a quoted field across two lines as one record starting on its first line', () => {
    const p = parse('week;Telehoren;Opmerking\n2020-W30;7;"twee\nregels"\n2020-W31;8;\n');
    expect(values(p)).toEqual(['2020-07-20 hearings_tele=7 @2', '2020-07-27 hearings_tele=8 @4']);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('makes an unterminated quote the problem of its own line only', () => {
    const p = parse('week;Telehoren\n2020-W30;7\n2020-W31;"8\n2020-W32;9\n2020-W33;"10\n');
    expect(values(p)).toEqual(['2020-07-20 hearings_tele=7 @2', '2020-08-03 hearings_tele=9 @4']);
    expect(p.rejected.map((r) => [r.line, r.reason.code, r.raw])).toEqual([
      [3, 'unterminated_quote', '2020-W31;"8'],
      [5, 'unterminated_quote', '2020-W33;"10'],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('skips an identical duplicate week and rejects a conflicting one', () => {
    const p = parse('week;Telehoren\n2020-W30;7\n2020-W30;7\n2020-W30;9\n');
    expect(p.skipped).toMatchObject([{ line: 3, reason: { code: 'duplicate_identical', firstLine: 2 } }]);
    expect(p.rejected).toMatchObject([{ line: 4, reason: { code: 'duplicate_conflict', week: '2020-W30', firstLine: 2 } }]);
  });

  it('rejects weeks that start after the export date', () => {
    const p = parse('week;Telehoren\n2020-W37;7\n2020-W38;8\n2020-W39;9\n', 'gehoren_2020-09-14.csv');
    expect(values(p)).toEqual(['2020-09-07 hearings_tele=7 @2', '2020-09-14 hearings_tele=8 @3']);
    expect(p.rejected[0]).toMatchObject({ line: 4, reason: { code: 'week_after_export', week: '2020-W39', exportDate: '2020-09-14' } });
  });

  it('rejects a row with extra filled fields but accepts trailing empty ones', () => {
    const p = parse('week;Telehoren\n2020-W30;7;;\n2020-W31;8;9\n');
    expect(values(p)).toEqual(['2020-07-20 hearings_tele=7 @2']);
    expect(p.rejected[0].reason).toEqual({ code: 'too_many_fields', found: 3, expected: 2 });
  });
});

describe('long exports', () => {
  it('reads week, metric, value rows with aliases and custom metrics', () => {
    const p = parse(
      ['week,metric,value', '2020-W27,dublin_transfers,25', '2020-W27,Dublin gedwongen,12', '2020-W27,Bezetting DJI,210', '2020-W28,dublinoverdrachten,x1', '2020-W28,,4', '2020-W27,dublin_transfers,26'].join('\n'),
    );
    expect(p.layout).toBe('long');
    expect(values(p)).toEqual([
      '2020-06-29 dublin_transfers=25 @2',
      '2020-06-29 dublin_transfers_forced=12 @3',
      '2020-06-29 custom_bezetting_dji=210 @4',
    ]);
    expect(p.customMetrics).toEqual([{ id: 'custom_bezetting_dji', label: 'Bezetting DJI' }]);
    expect(p.rejected.map((r) => [r.line, r.reason.code])).toEqual([
      [5, 'values_invalid'],
      [6, 'metric_missing'],
      [7, 'duplicate_conflict'],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });
});

describe('files that cannot be read', () => {
  it('says so for an empty file', () => {
    expect(parse('').problem).toEqual({ code: 'empty_file' });
  });

  it('says so for a header without rows', () => {
    const p = parse('week;Telehoren\n');
    expect(p.problem).toEqual({ code: 'no_data_rows' });
    expect(p.dataLines).toBe(0);
  });

  it('says so for a binary file', () => {
    const p = parseExport({ name: 'plaatje.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), lastModified: modified });
    expect(p.problem).toEqual({ code: 'binary_file' });
    expect(p.observations).toEqual([]);
  });

  it('rejects every line of a file without a week column, and says why', () => {
    const p = parse('Naam;Aantal\nA;1\n\nB;2\n');
    expect(p.problem).toEqual({ code: 'no_week_column' });
    expect(p.rejected.map((r) => r.line)).toEqual([2, 4]);
    expect(p.skipped.map((r) => r.line)).toEqual([3]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('takes the export date from the modification time when the name has none, and says so', () => {
    const p = parse('week;Telehoren\n2020-W30;7\n', 'gehoren.csv');
    expect(p.exportDate).toEqual({ date: '2022-01-10', source: 'modified' });
    expect(p.warnings).toContainEqual({ code: 'export_date_from_modified', date: '2022-01-10' });
  });
});

describe('files no weekly export looks like', () => {
  const parse = (text: string) => parseExport({ name: 'vreemd_2021-01-01.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });

  it('refuses a line of more than a megabyte without splitting it', () => {
    const result = parse(`week;Telehoren\n2020-W01;${'9'.repeat(MAX_LINE_CHARS + 1)}\n`);
    expect(result.problem).toEqual({ code: 'line_too_long', line: 2, characters: MAX_LINE_CHARS + 10, max: MAX_LINE_CHARS });
    expect(result.rowsLoaded).toBe(0);
  });

  it('refuses ten thousand columns, listing every row as rejected', () => {
    const header = ['week', ...Array.from({ length: 9_999 }, (_, i) => `kolom ${i}`)].join(';');
    const row = ['2020-W01', ...Array.from({ length: 9_999 }, () => '1')].join(';');
    const result = parse(`${header}\n${row}\n${row.replace('2020-W01', '2020-W02')}\n`);
    expect(result.problem).toEqual({ code: 'too_many_columns', count: 10_000, max: MAX_COLUMNS });
    expect(result.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(result.rowsLoaded + result.rejected.length + result.skipped.length).toBe(result.dataLines);
  });

  it(`gives at most ${MAX_CUSTOM_METRICS} custom series a panel, and lists the rest`, () => {
    const header = ['week', ...Array.from({ length: 50 }, (_, i) => `Reeks ${i}`)].join(';');
    const result = parse(`${header}\n2020-W01;${Array.from({ length: 50 }, () => '1').join(';')}\n`);
    expect(result.customMetrics).toHaveLength(MAX_CUSTOM_METRICS);
    expect(result.columns.filter((c) => c.role === 'ignored' && c.why === 'custom_limit')).toHaveLength(50 - MAX_CUSTOM_METRICS);
  });
});

describe('a long layout whose value column reads as weeks', () => {
  it('does not take the value column for the week column (found by fast-check)', () => {
    const result = parseExport({ name: 'x_2021-01-01.csv', bytes: new TextEncoder().encode('value,metric,Aantoonbaar vertrek\n2020-W27,0\n'), lastModified: 0 });
    expect(result.problem).toEqual({ code: 'no_week_column' });
    expect(result.rowsLoaded + result.rejected.length + result.skipped.length).toBe(result.dataLines);
  });
});
