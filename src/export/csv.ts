/**
 * Tables as CSV files for download: for Dutch Excel (";" between cells, decimal comma, a BOM so
 * Excel reads UTF-8) or standard CSV (RFC 4180: "," and a decimal point). A text cell that starts
 * like a formula (=, +, -, @, or a tab or carriage return) gets a leading apostrophe, so opening
 * the file never runs anything; numbers are written as numbers.
 */
import Papa from 'papaparse';

export type CsvDialect = 'excel-nl' | 'standard';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * PapaParse writes the rows (quoting, doubled quotes, separators, line ends). The formula rule is
 * ours rather than its `escapeFormulae`: Dutch Excel needs numbers written as text ("-3,5"), and
 * that option would put an apostrophe before every negative one.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  const excel = dialect === 'excel-nl';
  // Exact figures, no grouping: 12.5 → "12,5" for Dutch Excel.
  const cells = rows.map((row) => row.map((value) => (typeof value === 'number' ? (excel ? String(value).replace('.', ',') : String(value)) : value === null ? null : neutraliseFormula(value))));
  const body = Papa.unparse(cells, { delimiter: excel ? ';' : ',', newline: '\r\n' });
  return excel ? `\uFEFF${body}\r\n` : `${body}\r\n`;
}
