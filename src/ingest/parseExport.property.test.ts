/**
 * Property: for any CSV a user might drop in (delimiters, quoting, BOM, Windows-1252, UTF-16,
 * junk lines, random cells), parsing never throws and every data line is accounted for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../domain/catalogue';
import { parseExport } from './parseExport';

const CATALOGUE = new Set<string>(METRICS.map((m) => m.id));

const header = fc.constantFrom('Week', 'week', 'Jaar', 'Datum', 'Telehoren', 'Gehoren fysiek', 'Aantoonbaar vertrek', 'waarvan gedwongen', 'metric', 'value', 'Opmerking', 'COA bezetting', '');
const cell = fc.oneof(
  fc.constantFrom('2020-W27', '2020-W53', '2019-W53', '2020 week 5', 'wk 12 2021', '29-06-2020', '31-02-2020', '2020-27', 'Totaal', 'Bron: IND'),
  fc.integer({ min: -50, max: 100_000 }).map(String),
  fc.constantFrom('1.234', '12,5', '1,234', '1 234', '-', 'n.v.t.', '', ' ', '=HYPERLINK("x")', '"', 'één'),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
);
const weekCell = fc.constantFrom('2020-W27', '2020-W53', '2019-W53', '2020 week 5', 'wk 12 2021', '29-06-2020', '2021-W52', '2020-27');
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
const lineBreak = fc.constantFrom('\n', '\r\n');

function serialise(rows: string[][], delimiter: string, quoteAll: boolean, eol: string): string {
  const quote = (c: string) => (quoteAll || /["\r\n]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
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
        lineBreak,
        (head, rows, junk, delimiter, quoteAll, kind, eol) => {
          const lines = [...junk.map((j) => [j]), head, ...rows];
          const bytes = encode(serialise(lines, delimiter, quoteAll, eol), kind);
          const parsed = parseExport({ name: 'export_2022-01-10.csv', bytes, lastModified: 0 });
          if (parsed.rowsLoaded > 0) seen.loaded++;
          if (parsed.rejected.length > 0) seen.rejected++;
          if (parsed.skipped.length > 0) seen.skipped++;
          if (parsed.problem) seen.unusable++;
          expect(parsed.rowsLoaded + parsed.rejected.length + parsed.skipped.length).toBe(parsed.dataLines);
          const reported = [...parsed.rejected, ...parsed.skipped].map((r) => r.line);
          expect(new Set(reported).size).toBe(reported.length);
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
});
