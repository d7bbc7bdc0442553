/**
 * Statistics tables: monthly, quarterly and yearly figures, their symbols and flags, dimension
 * columns, and the public download formats (CBS StatLine, Eurostat TSV and SDMX-CSV).
 */
import { describe, expect, it } from 'vitest';
import { parseExport } from './parseExport';
import { readStatCell } from './statCells';
import { parseCount, parseInColumn } from './numbers';
import type { ParsedExport, PeriodObservation } from '../domain/parsedExport';
import { CBS_LONG, CBS_TABLE, EUROSTAT_TSV, EUROSTAT_TSV_VERBATIM, SDMX_CSV, SDMX_CSV_VERBATIM, utf8Bom } from '../../tests/support/publicFormats';

const read = (name: string, text: string | Uint8Array, country?: string) =>
  parseExport({ name, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, lastModified: Date.UTC(2026, 10, 30), ...(country ? { country } : {}) });
const csv = (text: string) => read('statistiek_2026-11-30.csv', text);
const accounted = (p: ParsedExport) => p.rowsLoaded + p.rejected.length + p.skipped.length;
/** "line grain period metric[dims]=value symbol flag": one string per figure, for readable expectations. */
const show = (o: PeriodObservation) =>
  `${o.line} ${o.grain} ${o.period} ${o.metric}${o.dimensions.length ? `[${o.dimensions.join('|')}]` : ''}=${o.value}${o.symbol ? ` ${o.symbol}` : ''}${o.flag ? ` ${o.flag}` : ''}${o.flagCode ? `(${o.flagCode})` : ''}`;

describe('every period notation of the public sources, in a period column', () => {
  it.each([
    ['2020-03', 'month', '2020-03'],
    ['2020M03', 'month', '2020-03'],
    ['2020MM03', 'month', '2020-03'],
    ['Y2020M03', 'month', '2020-03'],
    ['2020 maart', 'month', '2020-03'],
    ['mrt 2020', 'month', '2020-03'],
    ['maart 2020', 'month', '2020-03'],
    ['2020  maart', 'month', '2020-03'],
    ['2020Q1', 'quarter', '2020-Q1'],
    ['2020KW01', 'quarter', '2020-Q1'],
    ['2020 1e kwartaal', 'quarter', '2020-Q1'],
    ['2020', 'year', '2020'],
    ['2020JJ00', 'year', '2020'],
  ])('reads "%s" as a %s (%s)', (text, grain, period) => {
    const p = csv(`Perioden;Eerste asielaanvragen\n${text};1025\n`);
    expect(p.periodObservations).toEqual([{ line: 2, metric: 'asylum_first', dimensions: [], grain, period, value: 1025 }]);
    expect(p.observations).toEqual([]);
  });

  it('keeps a trailing * as the provisional flag, on a month and a quarter', () => {
    const p = csv('Perioden;Eerste asielaanvragen\n2020 februari*;1515\n2020 1e kwartaal*;4510\n2020 januari;1970\n');
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2020-02 asylum_first=1515 provisional',
      '3 quarter 2020-Q1 asylum_first=4510 provisional',
      '4 month 2020-01 asylum_first=1970',
    ]);
  });

  it('keeps weeks and months of one file each at its own grain', () => {
    const p = csv('Periode;Eerste asielaanvragen\n2020-W10;450\n2020-03;1025\n2020-W11;390\n');
    expect(p.observations.map((o) => `${o.line} ${o.weekStart}=${o.value}`)).toEqual(['2 2020-03-02=450', '4 2020-03-09=390']);
    expect(p.periodObservations.map(show)).toEqual(['3 month 2020-03 asylum_first=1025']);
    // The load report names the column by what it holds ("periode: weken en maanden"), not as a week column.
    expect(p.columns[0]).toMatchObject({ role: 'week', grains: ['week', 'month'] });
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('loads a year total between the months as a year, never added to them', () => {
    const p = csv('Perioden;Eerste asielaanvragen\n2019 november;1980\n2019 december;1715\n2019;22535\n2020 januari;1970\n');
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2019-11 asylum_first=1980',
      '3 month 2019-12 asylum_first=1715',
      '4 year 2019 asylum_first=22535',
      '5 month 2020-01 asylum_first=1970',
    ]);
    expect(p.columns[0]).toMatchObject({ role: 'week', grains: ['month', 'year'] });
    expect(p.skipped).toEqual([]);
  });

  it('reads months across the columns (a wide report), a year total among them at its grain', () => {
    const p = csv('Reeks;2019-11;2019-12;2019;2020-01\nEerste asielaanvragen;1980;1715;22535;1970\n');
    expect(p.layout).toBe('transposed');
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2019-11 asylum_first=1980',
      '2 month 2019-12 asylum_first=1715',
      '2 year 2019 asylum_first=22535',
      '2 month 2020-01 asylum_first=1970',
    ]);
    expect(p.columns.slice(1).map((c) => 'grains' in c && c.grains)).toEqual([['month'], ['month'], ['year'], ['month']]);
  });

  it('rejects a month that starts after the export date, in a column and across the columns; the month in progress is kept', () => {
    const long = read('maandcijfers_2020-03-15.csv', 'Maand;Eerste asielaanvragen\n2020-02;1515\n2020-03;400\n2020-04;10\n');
    expect(long.periodObservations.map(show)).toEqual(['2 month 2020-02 asylum_first=1515', '3 month 2020-03 asylum_first=400']);
    expect(long.rejected.map((r) => [r.line, r.reason])).toEqual([[4, { code: 'period_after_export', period: '2020-04', exportDate: '2020-03-15' }]]);
    const across = read('maandcijfers_2020-03-15.csv', 'Reeks;2020-02;2020-Q2\nEerste asielaanvragen;1515;12\nIngereisde nareizigers;470;.\n');
    expect(across.rejected.map((r) => [r.line, r.reason])).toEqual([[2, { code: 'values_invalid', cells: [{ column: '2020-Q2', text: '12', problem: 'period_after_export' }] }]]);
    // CBS's "." (not yet available) in a quarter to come says nothing: the series keeps its months.
    expect(across.periodObservations.map(show)).toEqual(['3 month 2020-02 nareis_arrivals=470']);
    expect(accounted(long)).toBe(long.dataLines);
  });

  it('passes over a month to come that holds only "not yet available" symbols; a figure there, even nil, is rejected', () => {
    const long = read('maandcijfers_2020-03-15.csv', 'Maand;Eerste asielaanvragen;Ingereisde nareizigers\n2020-03;400;.\n2020-04;.;x\n2020-05;-;.\n2020-06;.;abc\n2020-07;;\n');
    expect(long.periodObservations.map(show)).toEqual(['2 month 2020-03 asylum_first=400', '2 month 2020-03 nareis_arrivals=null not_available']);
    expect(long.skipped.map((r) => [r.line, r.reason])).toEqual([
      [3, { code: 'period_to_come', period: '2020-04', exportDate: '2020-03-15' }],
      // Nothing at all in it: an empty row, as for any period.
      [6, { code: 'no_values_period', period: '2020-07' }],
    ]);
    expect(long.rejected.map((r) => [r.line, r.reason.code])).toEqual([
      [4, 'period_after_export'],
      [5, 'period_after_export'],
    ]);
    expect(accounted(long)).toBe(long.dataLines);
    // One row per period and metric: the same rule.
    const longer = read('maandcijfers_2020-03-15.csv', 'Perioden;Onderwerp;Waarde\n2020-03;Eerste asielaanvragen;400\n2020-04;Eerste asielaanvragen;.\n2020-04;Ingereisde nareizigers;12\n2020-04;;.\n');
    expect(longer.skipped.map((r) => [r.line, r.reason.code])).toEqual([[3, 'period_to_come']]);
    // A row without a metric name is rejected as such, in a month to come too.
    expect(longer.rejected.map((r) => [r.line, r.reason.code])).toEqual([
      [4, 'period_after_export'],
      [5, 'metric_missing'],
    ]);
    // Across the columns, CBS's "-" (nil, zero) for a quarter to come is a figure too.
    const across = read('maandcijfers_2020-03-15.csv', 'Reeks;2020-02;2020-Q2\nEerste asielaanvragen;1515;-\n');
    expect(across.rejected.map((r) => [r.line, r.reason])).toEqual([[2, { code: 'values_invalid', cells: [{ column: '2020-Q2', text: '-', problem: 'period_after_export' }] }]]);
  });

  it('rejects a second, different figure for the same month, and skips an identical one', () => {
    const p = csv('Perioden;Eerste asielaanvragen\n2020-01;1970\n2020 januari;1970\njan 2020;1971\n');
    expect(p.skipped.map((r) => [r.line, r.reason])).toEqual([[3, { code: 'duplicate_identical', firstLine: 2 }]]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[4, { code: 'duplicate_conflict', week: '2020-01', firstLine: 2 }]]);
  });
});

describe('statistical symbols and flags', () => {
  const cell = (text: string) => readStatCell(text, parseCount);
  it.each([
    ['.', { kind: 'symbol', symbol: 'not_available', value: null }],
    ['x', { kind: 'symbol', symbol: 'confidential', value: null }],
    ['X', { kind: 'symbol', symbol: 'confidential', value: null }],
    ['-', { kind: 'symbol', symbol: 'nil', value: 0 }],
    [':', { kind: 'symbol', symbol: 'not_available', value: null }],
    [': ', { kind: 'symbol', symbol: 'not_available', value: null }],
    [': c', { kind: 'symbol', symbol: 'confidential', value: null, flag: 'c' }],
    [': @C', { kind: 'symbol', symbol: 'confidential', value: null, flag: 'c' }],
    [': z', { kind: 'symbol', symbol: 'not_available', value: null, flag: 'z' }],
    ['1115 p', { kind: 'value', value: 1115, flag: 'p' }],
    ['5 p', { kind: 'value', value: 5, flag: 'p' }],
    ['0 e', { kind: 'value', value: 0, flag: 'e' }],
    ['1 b', { kind: 'value', value: 1, flag: 'b' }],
    ['3 c', { kind: 'value', value: 3, flag: 'c' }],
    ['0 i', { kind: 'value', value: 0, flag: 'i' }],
    ['1 ep', { kind: 'value', value: 1, flag: 'p', flagCode: 'ep' }],
    ['2 bd', { kind: 'value', value: 2, flag: 'b', flagCode: 'bd' }],
    ['1115 ', { kind: 'value', value: 1115 }],
    ['1.115', { kind: 'value', value: 1115 }],
    ['', { kind: 'missing' }],
  ])('reads "%s"', (text, expected) => expect(cell(text)).toEqual(expected));

  it('rejects what is no number, no symbol and no flag, naming it', () => {
    expect(cell('veel')).toEqual({ kind: 'error', reason: 'not_a_number', text: 'veel' });
    expect(cell('5 q')).toEqual({ kind: 'error', reason: 'not_a_number', text: '5 q' });
    expect(cell('-3')).toEqual({ kind: 'error', reason: 'negative', text: '-3' });
  });

  it('reads a flagged decimal in its column convention', () => {
    expect(readStatCell('66.5 bd', (t) => parseInColumn(t, 'point'))).toEqual({ kind: 'value', value: 66.5, flag: 'b', flagCode: 'bd' });
  });

  it('loads a symbol cell as a figure without value (nil as 0), accounted for and never rejected', () => {
    const p = csv('Perioden;Eerste asielaanvragen;Nareizigers\n2020 januari;.;x\n2020 februari;-;470\n2020 maart;:;125 p\n');
    expect(p.rejected).toEqual([]);
    expect(p.rowsLoaded).toBe(3);
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2020-01 asylum_first=null not_available',
      '2 month 2020-01 nareis_arrivals=null confidential',
      '3 month 2020-02 asylum_first=0 nil',
      '3 month 2020-02 nareis_arrivals=470',
      '4 month 2020-03 asylum_first=null not_available',
      '4 month 2020-03 nareis_arrivals=125 p',
    ]);
  });

  it('skips a month row without any figure or symbol, naming the month', () => {
    const p = csv('Perioden;Eerste asielaanvragen\n2020 januari;\n');
    expect(p.skipped.map((r) => r.reason)).toEqual([{ code: 'no_values_period', period: '2020-01' }]);
  });
});

describe('dimension columns', () => {
  it('makes each combination its own series, the total members left out, and reports the columns', () => {
    const p = csv(
      [
        'Perioden;Nationaliteit;Geslacht;Eerste asielaanvragen',
        '2020-01;Totaal nationaliteiten;Totaal mannen en vrouwen;1970',
        '2020-01;Syrisch;Mannen;400',
        '2020-01;Syrisch;Vrouwen;210',
        '2020-01;Syrisch;Totaal;610',
        '2020-01;Syrisch;;5',
        '',
      ].join('\n'),
    );
    expect(p.columns.map((c) => [c.header, c.role, 'name' in c ? c.name : undefined])).toEqual([
      ['Perioden', 'week', undefined],
      ['Nationaliteit', 'dimension', 'Nationaliteit'],
      ['Geslacht', 'dimension', 'Geslacht'],
      ['Eerste asielaanvragen', 'metric', undefined],
    ]);
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2020-01 asylum_first=1970',
      '3 month 2020-01 asylum_first[Syrisch|Mannen]=400',
      '4 month 2020-01 asylum_first[Syrisch|Vrouwen]=210',
      '5 month 2020-01 asylum_first[Syrisch]=610',
    ]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[6, { code: 'dimension_missing', column: 'Geslacht' }]]);
  });

  it('splits weekly figures too, and never takes a dimension or id column for a series', () => {
    const p = csv('Id;Week;Land van herkomst;Eerste asielaanvragen\n1;2020-W10;Syrië;120\n2;2020-W10;Eritrea;80\n3;2020-W11;Syrië;110\n4;2020-W11;Eritrea;70\n');
    expect(p.columns.map((c) => c.role)).toEqual(['ignored', 'week', 'dimension', 'metric']);
    expect(p.customMetrics).toEqual([]);
    expect(p.observations.map((o) => `${o.weekStart} ${o.metric}[${o.dimensions?.join('|')}]=${o.value}`)).toEqual([
      '2020-03-02 asylum_first[Syrië]=120',
      '2020-03-02 asylum_first[Eritrea]=80',
      '2020-03-09 asylum_first[Syrië]=110',
      '2020-03-09 asylum_first[Eritrea]=70',
    ]);
  });

  it('takes a plain "Land" column for the country of origin (a dimension), never for a filter of rows', () => {
    const p = csv('Periode;Land;Eerste asielaanvragen\n2020-01;Syrië;515\n2020-01;Eritrea;120\n');
    expect(p.columns[1]).toMatchObject({ role: 'dimension' });
    expect(p.skipped).toEqual([]);
    expect(p.periodObservations.map((o) => o.dimensions)).toEqual([['Syrië'], ['Eritrea']]);
  });

  it('recognises a dimension column by its content: text that fills the column and repeats', () => {
    const p = csv('Periode;Doelgroep x;Eerste asielaanvragen\n2020-01;AMV;30\n2020-01;Gezin;50\n2020-02;AMV;25\n2020-02;Gezin;40\n');
    expect(p.columns[1]).toMatchObject({ role: 'dimension', name: 'Doelgroep x' });
    expect(p.periodObservations.map((o) => o.dimensions.join('|'))).toEqual(['AMV', 'Gezin', 'AMV', 'Gezin']);
  });

  it('leaves a weekly export with a notes column as it was', () => {
    const p = csv('Week;Eerste asielaanvragen;Opmerking\n2020-W10;450;\n2020-W11;390;storing systeem\n2020-W12;200;\n');
    expect(p.columns.map((c) => c.role)).toEqual(['week', 'metric', 'ignored']);
    expect(p.columns[0]).toMatchObject({ grains: ['week'] });
    expect(p.observations.every((o) => o.dimensions === undefined)).toBe(true);
  });
});

describe('CBS StatLine CSV', () => {
  it('reads the long layout: title line skipped, dimensions, the year total at its grain, provisional periods, symbols, footer', () => {
    const p = read('83102NED.csv', CBS_LONG);
    expect(p.layout).toBe('statline');
    expect(p.delimiter).toBe(',');
    expect(p.headerLine).toBe(2);
    expect(p.columns.map((c) => c.role)).toEqual(['dimension', 'dimension', 'dimension', 'metric_name', 'week', 'ignored', 'value']);
    const figures = p.periodObservations.map(show);
    expect(figures.slice(0, 2)).toEqual([
      '3 month 2013-01 custom_totaal_asielverzoeken[Mannen|0 tot 5 jaar|Afghaans]=5',
      '4 month 2013-02 custom_totaal_asielverzoeken[Mannen|0 tot 5 jaar|Afghaans]=0',
    ]);
    expect(figures).toContain('15 year 2013 custom_totaal_asielverzoeken[Mannen|0 tot 5 jaar|Afghaans]=45');
    expect(figures).toContain('17 month 2014-02 custom_totaal_asielverzoeken[Mannen|0 tot 5 jaar|Afghaans]=0');
    expect(figures.slice(-4)).toEqual([
      '18 month 2014-09 custom_totaal_asielverzoeken[Mannen|0 tot 5 jaar|Afghaans]=null not_available',
      '19 month 2016-01 custom_totaal_asielverzoeken[Vrouwen|65 jaar of ouder|Syrisch]=null confidential provisional',
      '20 quarter 2017-Q2 custom_totaal_asielverzoeken[Vrouwen|65 jaar of ouder|Syrisch]=0 nil provisional',
      // CBS's first asylum requests are IND's first applications (persons): the catalogue metric, its total series.
      '21 month 2017-08 asylum_first=1890 provisional',
    ]);
    expect(p.customMetrics).toEqual([{ id: 'custom_totaal_asielverzoeken', label: 'Totaal asielverzoeken', unit: 'aantal' }]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([
      [22, { code: 'values_invalid', cells: [{ column: 'Totaal asielverzoeken', text: 'veel', problem: 'not_a_number' }] }],
    ]);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([
      [1, 'before_header'],
      [23, 'note_line'],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('reads the "tabelindeling" layout: ; and BOM, periods across the columns, units row and "Bron: CBS" skipped', () => {
    const p = read('83102NED_tabelindeling.csv', utf8Bom(CBS_TABLE));
    expect(p.encoding).toBe('utf-8-bom');
    expect(p.delimiter).toBe(';');
    expect(p.layout).toBe('statline');
    expect(p.columns.slice(0, 3).map((c) => c.role)).toEqual(['metric_name', 'dimension', 'dimension']);
    expect(p.periodObservations.filter((o) => o.line === 4).map(show)).toEqual([
      '4 month 2019-12 asylum_first=1715',
      '4 year 2019 asylum_first=22535',
      '4 month 2020-01 asylum_first=1970',
      '4 month 2020-02 asylum_first=1515 provisional',
      '4 quarter 2020-Q1 asylum_first=4510 provisional',
    ]);
    expect(p.periodObservations.filter((o) => o.line === 5).map(show)).toEqual([
      '5 month 2019-12 asylum_first[Syrisch|Mannen]=400',
      '5 year 2019 asylum_first[Syrisch|Mannen]=null confidential',
      '5 month 2020-01 asylum_first[Syrisch|Mannen]=0 nil',
      '5 month 2020-02 asylum_first[Syrisch|Mannen]=350 provisional',
      '5 quarter 2020-Q1 asylum_first[Syrisch|Mannen]=null not_available provisional',
    ]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, { code: 'values_invalid', cells: [{ column: '2020 januari', text: 'veel', problem: 'not_a_number' }] }],
    ]);
    expect(p.skipped.map((r) => [r.line, r.reason.code])).toEqual([
      [1, 'before_header'],
      [3, 'note_line'],
      [8, 'note_line'],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });
});

describe('Eurostat TSV', () => {
  it('splits the key column, reads the Netherlands rows with their flags, and skips the other countries by name', () => {
    const p = read('migr_asyappctzm.tsv', EUROSTAT_TSV);
    expect(p.layout).toBe('eurostat_tsv');
    expect(p.delimiter).toBe('\t');
    expect(p.columns.map((c) => [c.header, c.role])).toEqual([
      ['freq', 'ignored'],
      ['unit', 'ignored'],
      ['citizen', 'dimension'],
      ['sex', 'ignored'],
      ['age', 'ignored'],
      ['applicant', 'ignored'],
      ['geo', 'country'],
      ['2020-01', 'week'],
      ['2020-02', 'week'],
      ['2020-03', 'week'],
    ]);
    expect(p.country).toEqual({ chosen: 'NL', found: ['BE', 'NL', 'EU27_2020'] });
    expect(p.periodObservations.map(show)).toEqual([
      '3 month 2020-01 custom_migr_asyappctzm[SY]=515',
      '3 month 2020-02 custom_migr_asyappctzm[SY]=410',
      '3 month 2020-03 custom_migr_asyappctzm[SY]=270 p',
      '4 month 2020-01 custom_migr_asyappctzm=1970',
      '4 month 2020-02 custom_migr_asyappctzm=1515',
      '4 month 2020-03 custom_migr_asyappctzm=1025 p',
      '5 month 2020-01 custom_migr_asyappctzm[AF]=null not_available',
      '5 month 2020-02 custom_migr_asyappctzm[AF]=95 e',
      '5 month 2020-03 custom_migr_asyappctzm[AF]=null confidential c',
    ]);
    expect(p.customMetrics).toEqual([{ id: 'custom_migr_asyappctzm', label: 'migr_asyappctzm', unit: 'PER' }]);
    expect(p.skipped.map((r) => [r.line, r.reason])).toEqual([
      [2, { code: 'other_country', country: 'BE', chosen: 'NL' }],
      [6, { code: 'other_country', country: 'EU27_2020', chosen: 'NL' }],
    ]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('reads another country when the user chooses it', () => {
    const p = read('migr_asyappctzm.tsv', EUROSTAT_TSV, 'BE');
    expect(p.country?.chosen).toBe('BE');
    expect(p.periodObservations.map(show)).toEqual(['2 month 2020-01 custom_migr_asyappctzm[SY]=200', '2 month 2020-02 custom_migr_asyappctzm[SY]=185', '2 month 2020-03 custom_migr_asyappctzm[SY]=null not_available']);
    expect(p.skipped.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });

  it('reads the verbatim API download: years with trailing spaces, flags i, b, e, p', () => {
    const p = read('env_wasmun.tsv', EUROSTAT_TSV_VERBATIM);
    expect(p.periodObservations.map(show).slice(-4)).toEqual(['5 year 2021 custom_env_wasmun=5 p', '5 year 2022 custom_env_wasmun=5 p', '5 year 2023 custom_env_wasmun=5', '5 year 2024 custom_env_wasmun=5']);
    expect(p.periodObservations).toHaveLength(15);
    const at = read('env_wasmun.tsv', EUROSTAT_TSV_VERBATIM, 'AT').periodObservations.map(show);
    expect(at.slice(9, 11)).toEqual(['3 year 2019 custom_env_wasmun=0 i', '3 year 2020 custom_env_wasmun=1 b']);
    expect(accounted(p)).toBe(p.dataLines);
  });
});

describe('Eurostat SDMX-CSV', () => {
  it('reads one observation per row: TIME_PERIOD, OBS_VALUE, OBS_FLAG; a suppressed value as a symbol; other countries skipped', () => {
    const p = read('migr_asyappctzm_sdmx.csv', SDMX_CSV);
    expect(p.layout).toBe('sdmx_csv');
    expect(p.columns.map((c) => [c.header, c.role])).toEqual([
      ['DATAFLOW', 'metric_name'],
      ['LAST UPDATE', 'ignored'],
      ['freq', 'ignored'],
      ['unit', 'ignored'],
      ['citizen', 'dimension'],
      ['sex', 'ignored'],
      ['age', 'ignored'],
      ['asyl_app', 'ignored'],
      ['geo', 'country'],
      ['TIME_PERIOD', 'week'],
      ['OBS_VALUE', 'value'],
      ['OBS_FLAG', 'flag'],
      ['CONF_STATUS', 'ignored'],
    ]);
    expect(p.periodObservations.map(show)).toEqual([
      '2 month 2021-11 custom_estat_migr_asyappctzm_1_0=3175',
      '3 month 2021-12 custom_estat_migr_asyappctzm_1_0=2565 p',
      '4 month 2021-12 custom_estat_migr_asyappctzm_1_0[SY]=null not_available',
    ]);
    expect(p.skipped.map((r) => [r.line, r.reason])).toEqual([[5, { code: 'other_country', country: 'AT', chosen: 'NL' }]]);
    expect(p.rejected.map((r) => [r.line, r.reason])).toEqual([[6, { code: 'week_invalid', text: '2021-13', problem: 'not_a_week' }]]);
    expect(accounted(p)).toBe(p.dataLines);
  });

  it('reads a Eurostat decimal with three places as a decimal, never as thousands', () => {
    const p = read('lfsa_argan.csv', SDMX_CSV_VERBATIM.replace('66.6,d', '12.345,'), 'FR');
    expect(p.periodObservations.map((o) => o.value)).toEqual([66.5, 12.345]);
  });

  it('reads the verbatim fixture for France: yearly decimals with combined flags', () => {
    const p = read('lfsa_argan.csv', SDMX_CSV_VERBATIM, 'FR');
    expect(p.periodObservations.map(show)).toEqual(['2 year 2021 custom_estat_lfsa_argan_1_0=66.5 b(bd)', '3 year 2022 custom_estat_lfsa_argan_1_0=66.6 d']);
  });
});

describe('a weekly export that names CBS as its source', () => {
  it('still reads its weeks written as dates', () => {
    const p = csv('Week;Eerste asielaanvragen\n29-06-2020;412\n06-07-2020;398\nBron: CBS\n');
    expect(p.layout).toBe('statline');
    expect(p.observations.map((o) => `${o.weekStart}=${o.value}`)).toEqual(['2020-06-29=412', '2020-07-06=398']);
    expect(p.rejected).toEqual([]);
  });
});
