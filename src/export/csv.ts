/**
 * Tables as CSV files for download: for Dutch Excel (";" between cells, decimal comma, a BOM so
 * Excel reads UTF-8) or standard CSV (RFC 4180: "," and a decimal point). A text cell that starts
 * like a formula (=, +, -, @, or a tab or carriage return) gets a leading apostrophe, so opening
 * the file never runs anything; numbers are written as numbers.
 */
export type CsvDialect = 'excel-nl' | 'standard';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell, dialect: CsvDialect): string {
  if (value === null) return '';
  const separator = dialect === 'excel-nl' ? ';' : ',';
  // Exact figures, no grouping: 12.5 → "12,5" for Dutch Excel.
  const text = typeof value === 'number' ? (dialect === 'excel-nl' ? String(value).replace('.', ',') : String(value)) : neutraliseFormula(value);
  return typeof value === 'string' && (text.includes(separator) || /["\r\n]/.test(text)) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  const body = rows.map((row) => row.map((value) => cell(value, dialect)).join(dialect === 'excel-nl' ? ';' : ',')).join('\r\n');
  return dialect === 'excel-nl' ? `\uFEFF${body}\r\n` : `${body}\r\n`;
}
