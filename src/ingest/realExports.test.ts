/**
 * Weekly exports as Excel, BI tools and SQL clients really write them: each must give the right
 * figure, or a clear reason, with every line accounted for.
 */
import { describe, expect, it } from 'vitest';
import { parseExport } from './parseExport';
import type { ParsedExport } from '../domain/parsedExport';

function parse(text: string | Uint8Array, name = 'export_2022-01-10.csv'): ParsedExport {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return parseExport({ name, bytes, lastModified: 0 });
}

const values = (p: ParsedExport) => p.observations.map((o) => `${o.weekStart} ${o.metric}=${o.value} @${o.line}`);
const accounted = (p: ParsedExport) => p.rowsLoaded + p.rejected.length + p.skipped.length;

describe('units and kinds in headers', () => {
  it('multiplies a scale and never takes a share or a running total for a weekly count', () => {
    const p = parse('Week;Eerste asielaanvragen (x 1.000);Telehoren (%);Dublinoverdrachten (cumulatief)\n2020-W27;2;37,5;120\n2020-W28;3;40;131\n');
    expect(values(p).filter((v) => v.includes('asylum_first'))).toEqual(['2020-06-29 asylum_first=2000 @2', '2020-07-06 asylum_first=3000 @3']);
    expect(p.observations.some((o) => o.metric === 'hearings_tele' || o.metric === 'dublin_transfers')).toBe(false);
    expect(p.columns.map((c) => [c.header, c.role, 'metric' in c ? c.metric : null])).toEqual([
      ['Week', 'week', null],
      ['Eerste asielaanvragen (x 1.000)', 'metric', 'asylum_first'],
      ['Telehoren (%)', 'custom', 'custom_telehoren'],
      ['Dublinoverdrachten (cumulatief)', 'custom', 'custom_dublinoverdrachten_cumulatief'],
    ]);
    expect(p.customMetrics).toContainEqual({ id: 'custom_telehoren', label: 'Telehoren (%)' });
  });

  it('never makes a series of a row id column', () => {
    const p = parse('Id;Week;Telehoren\n1;2020-W27;240\n2;2020-W28;251\n');
    expect(p.columns[0]).toMatchObject({ header: 'Id', role: 'ignored', why: 'row_id' });
    expect(p.customMetrics).toEqual([]);
  });
});

describe('dates in one order per file', () => {
  it('reads a month-first file month first, and says so', () => {
    const p = parse('Date,Telehoren\n06/29/2020,5\n07/06/2020,6\n07/13/2020,7\n');
    expect(values(p)).toEqual(['2020-06-29 hearings_tele=5 @2', '2020-07-06 hearings_tele=6 @3', '2020-07-13 hearings_tele=7 @4']);
    expect(p.warnings).toContainEqual({ code: 'dates_month_first', line: 2 });
  });

  it('refuses a file with dates only day-first can read and dates only month-first can', () => {
    const p = parse('Datum;Telehoren\n29-06-2020;5\n07/13/2020;7\n');
    expect(p.problem).toEqual({ code: 'dates_mixed_order', dayFirstLine: 2, monthFirstLine: 3 });
    expect(p.rowsLoaded).toBe(0);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('rejects a year far outside the file as a likely typo', () => {
    const p = parse('Datum;Telehoren\n06-07-2020;5\n13-07-1920;6\n20-07-2020;7\n');
    expect(values(p)).toEqual(['2020-07-06 hearings_tele=5 @2', '2020-07-20 hearings_tele=7 @4']);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[3, { code: 'date_likely_typo', column: 'Datum', text: '13-07-1920', from: 1995, to: 2045 }]]);
  });
});

describe('decimals in custom columns', () => {
  it('decides from the whole column: 0.875 is never 875, 24,512 in an English column never 24.512', () => {
    const p = parse('Week;Bezettingsgraad;Kosten\n2020-W27;0.875;24,512\n2020-W28;0.125;1,250.75\n2020-W29;1;3\n');
    expect(values(p)).toEqual([
      '2020-06-29 custom_bezettingsgraad=0.875 @2',
      '2020-06-29 custom_kosten=24512 @2',
      '2020-07-06 custom_bezettingsgraad=0.125 @3',
      '2020-07-06 custom_kosten=1250.75 @3',
      '2020-07-13 custom_bezettingsgraad=1 @4',
      '2020-07-13 custom_kosten=3 @4',
    ]);
  });

  it('rejects a cell the column leaves ambiguous, by name', () => {
    const p = parse('Week;Kosten\n2020-W27;24,512\n2020-W28;12\n');
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[2, { code: 'values_invalid', cells: [{ column: 'Kosten', text: '24,512', problem: 'ambiguous_comma' }] }]]);
    expect(values(p)).toEqual(['2020-07-06 custom_kosten=12 @3']);
  });

  it('keeps a column with one ? in it, that cell missing', () => {
    const p = parse('Week;COA bezetting\n2020-W27;27000\n2020-W28;?\n2020-W29;27150\n');
    expect(values(p)).toEqual(['2020-06-29 custom_coa_bezetting=27000 @2', '2020-07-13 custom_coa_bezetting=27150 @4']);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([[3, 'no_values']]);
  });
});

describe('lines as real tools write them', () => {
  it('ends a line at every line ending: a CRLF header over LF data, and LF lines in a CRLF file', () => {
    const p = parse('Week;Telehoren\r\n2020-W27;5\n2020-W28;6\n');
    expect(values(p)).toEqual(['2020-06-29 hearings_tele=5 @2', '2020-07-06 hearings_tele=6 @3']);
    const mixed = parse('Week;Telehoren\r\n2020-W27;5\r\n2020-W28;6\n2020-W29;7\r\n2020-W30;8\r2020-W31;9\r\n');
    expect(values(mixed).map((v) => v.split(' @')[1])).toEqual(['2', '3', '4', '5', '6']);
    expect(accounted(mixed)).toBe(mixed.dataLines);
    expect(mixed.dataLines).toBe(5);
  });

  it('takes the real header under a group header row that says "Periode"', () => {
    const p = parse('Periode;Asiel;;Vertrek\nWeek;Eerste asielaanvragen;Opvolgende aanvragen;Aantoonbaar vertrek\n2020-W27;412;38;80\n');
    expect(p.headerLine).toBe(2);
    expect(values(p)).toEqual(['2020-06-29 asylum_first=412 @3', '2020-06-29 asylum_followup=38 @3', '2020-06-29 departures_total=80 @3']);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([[1, 'before_header']]);
  });

  it("carries the year of Excel's merged year cell down, and never back", () => {
    const p = parse('Jaar;Week;Telehoren\n2020;52;5\n;53;6\n2021;1;7\n;2;8\n;1;9\n');
    expect(values(p)).toEqual([
      '2020-12-21 hearings_tele=5 @2',
      '2020-12-28 hearings_tele=6 @3',
      '2021-01-04 hearings_tele=7 @4',
      '2021-01-11 hearings_tele=8 @5',
    ]);
    expect(p.rejected.map((r) => [r.line, r.reason.code])).toEqual([[6, 'year_missing']]);
  });

  it("loads rows whose empty last fields Excel dropped", () => {
    const p = parse('Week;Telehoren;Gehoren fysiek\n2020-W16;95\n2020-W17;96;12\n');
    expect(values(p)).toEqual(['2020-04-13 hearings_tele=95 @2', '2020-04-20 hearings_tele=96 @3', '2020-04-20 hearings_physical=12 @3']);
  });

  it('loads series named "Gemiddelde …" or "Som …" in a long layout; skips a bare total', () => {
    const p = parse('reeks;week;waarde\nGemiddelde wachttijd;2020-W27;12,5\nSom vertrekken regio;2020-W27;80\nTelehoren;2020-W27;240\nTotaal 2020;;332\n');
    expect(values(p)).toEqual([
      '2020-06-29 custom_gemiddelde_wachttijd=12.5 @2',
      '2020-06-29 custom_som_vertrekken_regio=80 @3',
      '2020-06-29 hearings_tele=240 @4',
    ]);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([[5, 'total_row']]);
  });

  it('keeps a column without a header under its position, with a name', () => {
    const p = parse('Week;Telehoren;\n2020-W27;240;17\n2020-W28;251;19\n');
    expect(p.customMetrics).toEqual([{ id: 'custom_kolom_3', label: 'Kolom 3' }]);
    expect(values(p)).toContain('2020-06-29 custom_kolom_3=17 @2');
  });

  it('reads a file with one NUL byte, rejecting only the cell it damaged', () => {
    const p = parse('Week;Telehoren\n2020-W27;24\u00000\n2020-W28;31\n');
    expect(p.problem).toBeNull();
    expect(values(p)).toEqual(['2020-07-06 hearings_tele=31 @3']);
    expect(p.rejected.map((r) => [r.line, r.reason.code])).toEqual([[2, 'values_invalid']]);
    expect(p.warnings).toContainEqual({ code: 'control_characters', lines: [2] });
  });

  it('reads NULL, null and (leeg) as empty, not as text', () => {
    const p = parse('Week;Telehoren;Gehoren fysiek\n2020-W27;NULL;12\n2020-W28;240;(leeg)\n2020-W29;null;null\n');
    expect(values(p)).toEqual(['2020-06-29 hearings_physical=12 @2', '2020-07-06 hearings_tele=240 @3']);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([[4, 'no_values']]);
  });
});
