/**
 * Property: for any CSV a user might drop in (delimiters, quoting, BOM, Windows-1252, UTF-16,
 * junk lines, random cells, any mix of line endings, units in headers), parsing never throws and
 * every data line is accounted for; dates are never read in the wrong day-month order; case-level
 * exports keep every line number right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../domain/catalogue';
import { parseExport } from './parseExport';
import { headerUnit } from './headers';
import { readCaseExport, sniffCaseLayout } from './caseExport';
import { isoWeekMonday, isoWeekOfDate } from '../domain/isoWeek';

const CATALOGUE = new Set<string>(METRICS.map((m) => m.id));

const header = fc.constantFrom(
  'Week', 'week', 'Jaar', 'Datum', 'Telehoren', 'Gehoren fysiek', 'Aantoonbaar vertrek', 'waarvan gedwongen', 'metric', 'value', 'Opmerking', 'COA bezetting', '',
  'Eerste asielaanvragen (x 1.000)', 'Telehoren (%)', 'Dublinoverdrachten (cumulatief)', 'Gemiddelde eerste asielaanvragen', 'Id',
);
const cell = fc.oneof(
  fc.constantFrom('2020-W27', '2020-W53', '2019-W53', '2020 week 5', 'wk 12 2021', '29-06-2020', '31-02-2020', '2020-27', 'Totaal', 'Bron: IND'),
  fc.integer({ min: -50, max: 100_000 }).map(String),
  fc.constantFrom('1.234', '12,5', '1,234', '1 234', '-', 'n.v.t.', '', ' ', '=HYPERLINK("x")', '"', 'één'),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
);
const weekCell = fc.constantFrom('2020-W27', '2020-W53', '2019-W53', '2020 week 5', 'wk 12 2021', '29-06-2020', '2021-W52', '2020-27', '06/29/2020', '07/06/2020', '13-07-1920');
const count = fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.constantFrom('1.234', '', '-', '12,5', '-3'));
/** Mostly rows as an export has them (a week, then figures), sometimes anything at all. */
const row = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(weekCell, fc.array(count, { minLength: 1, maxLength: 5 })).map(([w, cs]) => [w, ...cs]) },
  { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: 7 }) },
);
/** Mostly a week column followed by known and unknown figure columns, sometimes any headers. */
const headers = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('Week', 'week', 'Datum', 'Periode'), fc.array(header, { minLength: 1, maxLength: 5 })).map(([w, hs]) => [w, ...hs]) },
  { weight: 1, arbitrary: fc.array(header, { minLength: 1, maxLength: 6 }) },
);
const encoding = fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le');
/**
 * One line ending for the file (LF, CRLF or a lone CR), or LF and CRLF mixed line by line (a CRLF
 * header over LF data). Not a lone CR among LFs: a CR ending an empty line's predecessor and the LF
 * ending that empty line would make one CRLF, which is one line ending.
 */
const lineBreaks = fc.oneof(fc.constantFrom('\n', '\r\n', '\r').map((eol) => () => eol), fc.infiniteStream(fc.constantFrom('\n', '\r\n')).map((s) => () => s.next().value));

function serialise(rows: string[][], delimiter: string, quoteAll: boolean, eol: () => string): string {
  const quote = (c: string) => (quoteAll || /["\r\n]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(delimiter) + eol()).join('');
}

function encode(text: string, kind: string): Uint8Array {
  if (kind === 'utf-8') return new TextEncoder().encode(text);
  if (kind === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  if (kind === 'utf-16le') {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    return bytes;
  }
  return Uint8Array.from(text, (c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
}

describe('ingest of arbitrary CSV', () => {
  it('never throws, and loaded + rejected + skipped = data lines', () => {
    // The generator must reach every path, or the property says little.
    const seen = { loaded: 0, rejected: 0, skipped: 0, unusable: 0 };
    fc.assert(
      fc.property(
        headers,
        fc.array(row, { maxLength: 25 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        encoding,
        lineBreaks,
        (head, rows, junk, delimiter, quoteAll, kind, eol) => {
          const lines = [...junk.map((j) => [j]), head, ...rows];
          const text = serialise(lines, delimiter, quoteAll, eol);
          const bytes = encode(text, kind);
          const physical = text.split(/\r\n|\n|\r/).length - 1;
          const parsed = parseExport({ name: 'export_2022-01-10.csv', bytes, lastModified: 0 });
          if (parsed.rowsLoaded > 0) seen.loaded++;
          if (parsed.rejected.length > 0) seen.rejected++;
          if (parsed.skipped.length > 0) seen.skipped++;
          if (parsed.problem) seen.unusable++;
          expect(parsed.rowsLoaded + parsed.rejected.length + parsed.skipped.length).toBe(parsed.dataLines);
          const reported = [...parsed.rejected, ...parsed.skipped].map((r) => r.line);
          expect(new Set(reported).size).toBe(reported.length);
          for (const line of [...reported, ...parsed.observations.map((o) => o.line)]) expect(line).toBeLessThanOrEqual(physical);
          // A share, a rate, an average or a running total is never one of the catalogue's counts.
          for (const c of parsed.columns) if (headerUnit(c.header).kind !== 'count') expect(c.role).not.toBe('metric');
          for (const o of parsed.observations) {
            expect(Number.isFinite(o.value)).toBe(true);
            if (CATALOGUE.has(o.metric)) expect(Number.isInteger(o.value) && o.value >= 0).toBe(true);
            expect(o.weekStart <= '2022-01-10').toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(Object.values(seen).every((n) => n >= 10), JSON.stringify(seen)).toBe(true);
  });

  it('reads every date of a file in its one day-month order, never swapped', () => {
    const day = fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2021, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 20 }), fc.constantFrom('day_first', 'month_first'), fc.constantFrom('/', '-', '.'), lineBreaks, (dates, order, separator, eol) => {
        const written = dates.map((iso) => {
          const [y, m, d] = iso.split('-');
          return order === 'day_first' ? [d, m, y].join(separator) : [m, d, y].join(separator);
        });
        const text = serialise([['Datum', 'Telehoren'], ...written.map((w, i) => [w, String(i)])], ';', false, eol);
        const parsed = parseExport({ name: 'export_2022-01-10.csv', bytes: new TextEncoder().encode(text), lastModified: 0 });
        expect(parsed.rowsLoaded + parsed.rejected.length + parsed.skipped.length).toBe(parsed.dataLines);
        // A month-first file is told by a date whose day is over 12; without one, a Dutch app reads day-first and says so.
        const told = order === 'day_first' || written.some((w) => Number(w.split(separator)[1]) > 12);
        if (!told) {
          const ambiguous = dates.some((d) => Number(d.slice(8)) !== Number(d.slice(5, 7)));
          if (ambiguous) expect(parsed.warnings.map((w) => w.code)).toContain('dates_ambiguous_order');
          return;
        }
        for (const o of parsed.observations) expect(o.weekStart).toBe(isoWeekMonday(isoWeekOfDate(dates[o.value])));
        expect(parsed.rowsLoaded).toBe(new Set(dates.map((d) => isoWeekMonday(isoWeekOfDate(d)))).size);
        if (order === 'month_first') expect(parsed.warnings.map((w) => w.code)).toContain('dates_month_first');
      }),
      { numRuns: 200 },
    );
  });
});

describe('ingest of arbitrary statistics tables and public downloads', () => {
  const period = fc.constantFrom(
    '2020-01', '2020M02', '2020MM03', 'Y2020M04', '2020 mei', '2014  februari', 'jun 2020', 'juli 2020', '2020 augustus*', '2020Q1', '2020KW02', '2020 3e kwartaal*',
    '2020', '2020JJ00', '2019*', '2020-W10', '2020-13', 'Totaal', '', 'Bron: CBS', '© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 15-10-2017',
  );
  const figure = fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.constantFrom('.', 'x', '-', ':', ': c', '1115 p', '0 e', '5 bd', '12,5', '-3', 'veel', '', '5 q'));
  const member = fc.constantFrom('Totaal', 'Totaal nationaliteiten', 'Syrisch', 'Eritrees', 'Mannen', 'Vrouwen', '');
  const country = fc.constantFrom('NL', 'BE', 'DE', 'EU27_2020', 'Netherlands', '');

  /** A statistics table: a period column, zero to two dimension columns, one to three figure columns (CSV). */
  const table = fc.record({
    dimensions: fc.subarray(['Nationaliteit', 'Geslacht']),
    figures: fc.array(fc.constantFrom('Eerste asielaanvragen', 'Nareizigers', 'Totaal asielverzoeken', 'Capaciteit'), { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.tuple(period, fc.array(member, { minLength: 2, maxLength: 2 }), fc.array(figure, { minLength: 3, maxLength: 3 })), { maxLength: 25 }),
    title: fc.boolean(),
  });

  function check(parsed: ReturnType<typeof parseExport>, physical: number): void {
    expect(parsed.rowsLoaded + parsed.rejected.length + parsed.skipped.length).toBe(parsed.dataLines);
    const reported = [...parsed.rejected, ...parsed.skipped].map((r) => r.line);
    expect(new Set(reported).size).toBe(reported.length);
    const keys = parsed.periodObservations.map((o) => `${o.period}|${o.metric}|${o.dimensions.join('|')}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const o of parsed.periodObservations) {
      expect(o.line).toBeLessThanOrEqual(physical);
      expect(o.period).toMatch({ month: /^\d{4}-\d{2}$/, quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ }[o.grain]);
      expect(o.value === null).toBe(o.symbol !== undefined && o.symbol !== 'nil');
      if (o.value !== null) expect(Number.isFinite(o.value)).toBe(true);
      if (o.value !== null && CATALOGUE.has(o.metric)) expect(Number.isInteger(o.value) && o.value >= 0).toBe(true);
      for (const d of o.dimensions) expect(d).not.toMatch(/^totaal/i);
    }
  }

  it('monthly, quarterly and yearly tables with dimensions, symbols and flags: never throws, every line accounted for', () => {
    const seen = { periods: 0, symbols: 0, flags: 0, dimensions: 0, rejected: 0, skipped: 0 };
    fc.assert(
      fc.property(table, fc.constantFrom(';', ','), lineBreaks, ({ dimensions, figures, rows, title }, delimiter, eol) => {
        const head = ['Perioden', ...dimensions, ...figures];
        const lines = [
          ...(title ? [['Asielverzoeken en nareizigers; nationaliteit']] : []),
          head,
          ...rows.map(([p, members, values]) => [p, ...members.slice(0, dimensions.length), ...values.slice(0, figures.length)]),
        ];
        const text = serialise(lines, delimiter, true, eol);
        const parsed = parseExport({ name: 'cbs_2022-01-10.csv', bytes: encode(text, 'utf-8-bom'), lastModified: 0 });
        check(parsed, text.split(/\r\n|\n|\r/).length - 1);
        if (parsed.periodObservations.length > 0) seen.periods++;
        if (parsed.periodObservations.some((o) => o.symbol)) seen.symbols++;
        if (parsed.periodObservations.some((o) => o.flag)) seen.flags++;
        if (parsed.periodObservations.some((o) => o.dimensions.length > 0)) seen.dimensions++;
        if (parsed.rejected.length > 0) seen.rejected++;
        if (parsed.skipped.length > 0) seen.skipped++;
      }),
      { numRuns: 300 },
    );
    expect(Object.values(seen).every((n) => n >= 10), JSON.stringify(seen)).toBe(true);
  });

  it('Eurostat TSV and SDMX-CSV with any countries, values and flags: only the chosen country loaded, every line accounted for', () => {
    const seen = { loaded: 0, otherCountry: 0, rejected: 0 };
    const tsvRow = fc.tuple(fc.constantFrom('SY', 'AF', 'TOTAL'), country, fc.array(figure, { minLength: 3, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(tsvRow, { maxLength: 20 }), fc.boolean(), fc.constantFrom(undefined, 'BE'), (rows, sdmx, chosen) => {
        const text = sdmx
          ? [
              'DATAFLOW,LAST UPDATE,freq,unit,citizen,sex,age,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS',
              ...rows.flatMap(([citizen, geo, values]) => values.map((v, i) => `ESTAT:MIGR_ASYAPPCTZM(1.0),11/11/22 23:00:00,M,PER,${citizen},T,TOTAL,ASY_APP,${geo},2020-0${i + 1},${v.split(' ')[0].replace(',', '.')},${v.split(' ')[1] ?? ''},`)),
            ].join('\n') + '\n'
          : ['freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t2020-01 \t2020-02 \t2020-03 ', ...rows.map(([citizen, geo, values]) => `M,PER,${citizen},T,TOTAL,NASY_APP,${geo}\t${values.map((v) => (/ /.test(v) ? v : `${v} `)).join('\t')}`)].join('\n') + '\n';
        const parsed = parseExport({ name: 'migr_asyappctzm_2022-01-10.csv', bytes: new TextEncoder().encode(text), lastModified: 0, ...(chosen ? { country: chosen } : {}) });
        check(parsed, text.split('\n').length - 1);
        expect(parsed.layout).toBe(rows.length === 0 ? null : sdmx ? 'sdmx_csv' : 'eurostat_tsv');
        const want = chosen ?? 'NL';
        for (const r of parsed.skipped) if (r.reason.code === 'other_country') expect(r.reason.country).not.toBe(want);
        const loadedLines = new Set(parsed.periodObservations.map((o) => o.line));
        const lines = text.split('\n');
        for (const line of loadedLines) expect(lines[line - 1]).toMatch(want === 'NL' ? /[,\t](NL|Netherlands)[,\t]/ : /[,\t]BE[,\t]/);
        if (parsed.rowsLoaded > 0) seen.loaded++;
        if (parsed.skipped.some((r) => r.reason.code === 'other_country')) seen.otherCountry++;
        if (parsed.rejected.length > 0) seen.rejected++;
      }),
      { numRuns: 200 },
    );
    expect(Object.values(seen).every((n) => n >= 10), JSON.stringify(seen)).toBe(true);
  });
});

describe('ingest of arbitrary case-level exports', () => {
  const caseRow = fc.record({
    received: fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2020, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    wait: fc.option(fc.integer({ min: 0, max: 300 })),
    nationality: fc.constantFrom('Syrië', 'Eritrea', 'Irak', 'NULL', '', 'Turkije; oost', 'twee\nregels'),
  });
  const junk = fc.constantFrom('', '"open;quote', 'Z;x;y;z;w;v', ';;;', 'NULL;2020-01-01;');

  it('accounts for every line, and every loaded case keeps its line and dates', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: caseRow }, { weight: 1, arbitrary: junk }), { maxLength: 30 }), lineBreaks, fc.constantFrom('day_first', 'month_first', 'iso'), (rows, eol, order) => {
        const write = (iso: string) => {
          const [y, m, d] = iso.split('-');
          return order === 'iso' ? iso : order === 'day_first' ? `${d}-${m}-${y}` : `${m}/${d}/${y}`;
        };
        const expected = new Map<string, { line: number; received: string; decided: string }>();
        let line = 2;
        let text = `Zaaknummer;Datum ontvangst;Datum besluit;Nationaliteit${eol()}`;
        rows.forEach((row, i) => {
          if (typeof row === 'string') {
            text += row + eol();
            line += 1;
            return;
          }
          const decided = row.wait === null ? '' : new Date(Date.parse(row.received) + row.wait * 86_400_000).toISOString().slice(0, 10);
          const id = `Z${i}`;
          const quoted = /[;\n"]/.test(row.nationality) ? `"${row.nationality}"` : row.nationality;
          text += `${id};${write(row.received)};${decided === '' ? '' : write(decided)};${quoted}${eol()}`;
          expected.set(id, { line, received: row.received, decided: decided > '2021-06-01' ? 'after export' : decided });
          line += 1 + (row.nationality.includes('\n') ? 1 : 0);
        });
        const bytes = new TextEncoder().encode(text);
        const layout = sniffCaseLayout(bytes);
        expect(layout).not.toBeNull();
        // The line-by-line reader's own rows (a plain file is checked by DuckDB: src/db/casePlain.test.ts).
        const read = readCaseExport({ name: 'zaken_2021-06-01.csv', bytes, lastModified: 0 }, layout!, undefined, { lineByLine: true });
        expect(read.rowsLoaded + read.rowsRejected + read.rowsSkipped).toBe(read.dataLines);
        // The clean rows: line, id, received, decided first, unquoted (a nationality may span lines after them).
        const loaded = new TextDecoder().decode(read.rows).split('\n').filter((l) => /^\d+,Z\d+,/.test(l)).map((l) => l.split(','));
        expect(loaded).toHaveLength(read.rowsLoaded);
        // Month-first without a day over 12 is read day-first (and said): only told files must match exactly.
        const told = order !== 'month_first' || [...expected.values()].some((e) => Number(e.received.slice(8)) > 12 || Number(e.decided.slice(8)) > 12);
        if (!told) return;
        for (const [lineText, id, received, decided] of loaded) {
          const want = expected.get(id);
          expect(want, id).toBeDefined();
          expect(Number(lineText)).toBe(want!.line);
          expect([received, decided]).toEqual([want!.received, want!.decided]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
