/**
 * Numbers as Dutch exports write them: "1.234" is one thousand two hundred and thirty-four,
 * "12,5" is twelve and a half. An empty cell is missing, never zero.
 */
import type { ValueProblem } from '../domain/reasons';
import { EMPTY_CELL_MARKERS } from '../domain/caseExport';

export type CountParse =
  | { kind: 'missing' }
  | { kind: 'value'; value: number }
  | { kind: 'error'; reason: ValueProblem; text: string };

/**
 * Cell texts that mean "no figure": Dutch statistical tables (CBS uses "." and "x"), "?" for
 * unknown, and the way
 * SQL and BI exports write an empty cell ("NULL", "(leeg)", "(blank)").
 */
const MISSING_MARKERS = new Set(['', '-', '–', '—', '.', 'x', '?', '??', 'n.v.t.', 'nvt', 'n/a', 'na', 'onbekend', 'null', '(null)', '(leeg)', 'leeg', '(blank)', '(empty)']);

const DIGITS = /^\d+$/;
// A thousands group never starts with a lone zero: "0.125" is a decimal, not 125.
const DOT_GROUPED = /^(?:[1-9]\d{0,2})(?:\.\d{3})+$/;
const SPACE_GROUPED = /^(?:[1-9]\d{0,2})(?: \d{3})+$/;
const ZERO_FRACTION = /^(.*),0+$/;

const NULL_MARKERS = new Set(EMPTY_CELL_MARKERS);

export function isNullMarker(text: string): boolean {
  // Called for every cell of a million-row file: most cells are longer than any marker.
  return text.length <= 9 && NULL_MARKERS.has(text.trim().toLowerCase());
}

export function isMissingCell(text: string): boolean {
  return MISSING_MARKERS.has(normaliseSpaces(text).toLowerCase());
}

/** A count: a non-negative whole number, optionally grouped with dots or spaces. */
export function parseCount(text: string): CountParse {
  const t = normaliseSpaces(text);
  if (MISSING_MARKERS.has(t.toLowerCase())) return { kind: 'missing' };
  const negative = /^[-−]\s*/.test(t);
  const unsigned = t.replace(/^[-−]\s*/, '');
  const whole = ZERO_FRACTION.exec(unsigned)?.[1] ?? unsigned;
  const integer = integerValue(whole);
  if (integer !== null) {
    if (negative && integer !== 0) return { kind: 'error', reason: 'negative', text };
    return { kind: 'value', value: integer };
  }
  if (/^\d{1,3},\d{3}$/.test(unsigned)) return { kind: 'error', reason: 'ambiguous_comma', text };
  if (/^[\d. ]*\d[.,]\d+$/.test(unsigned)) return { kind: 'error', reason: negative ? 'negative' : 'decimal', text };
  return { kind: 'error', reason: 'not_a_number', text };
}

/** Any number, for columns outside the catalogue: Dutch grouping and decimal comma, or a plain decimal point. */
export function parseDecimal(text: string): CountParse {
  const t = normaliseSpaces(text);
  if (MISSING_MARKERS.has(t.toLowerCase())) return { kind: 'missing' };
  const m = /^([-−]?)\s*([\s\S]+)$/.exec(t)!;
  const sign = m[1] ? -1 : 1;
  const body = m[2];
  const integer = integerValue(body);
  if (integer !== null) return { kind: 'value', value: sign * integer };
  const dutch = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/.exec(body);
  if (dutch) return { kind: 'value', value: sign * Number(`${dutch[1].replace(/\./g, '')}.${dutch[2]}`) };
  if (/^\d+\.\d+$/.test(body)) return { kind: 'value', value: sign * Number(body) };
  return { kind: 'error', reason: 'not_a_number', text };
}

/**
 * How a column outside the catalogue writes its decimals, decided from all its cells, never per
 * cell: "comma" (Dutch: 1.234,5), "point" (English: 1,234.5), or "unknown" when no cell tells.
 * "conflict": cells that can only be Dutch and cells that can only be English in one column.
 */
export type DecimalConvention = 'comma' | 'point' | 'unknown' | 'conflict';

/** Spellings only a Dutch writer uses (decimal comma, dot thousands with a comma part, "0,125"). */
const ONLY_COMMA = /^(?:\d+,(?:\d{1,2}|\d{4,})|0,\d+|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})$/;
/** Spellings only an English writer uses (decimal point, comma thousands with a point part, "0.125"). */
const ONLY_POINT = /^(?:\d+\.(?:\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})$/;

/** "27.000": a dot grouping thousands, or a decimal point with three decimals; only the column can tell. */
export function isDotGrouped(text: string): boolean {
  return DOT_GROUPED.test(normaliseSpaces(text).replace(/^[-−]\s*/, ''));
}

export function decimalConvention(cells: readonly string[]): DecimalConvention {
  let comma = false;
  let point = false;
  for (const cell of cells) {
    const body = normaliseSpaces(cell).replace(/^[-−]\s*/, '');
    if (ONLY_COMMA.test(body)) comma = true;
    else if (ONLY_POINT.test(body)) point = true;
    if (comma && point) return 'conflict';
  }
  return comma ? 'comma' : point ? 'point' : 'unknown';
}

/**
 * A number in a column of the given convention. Without evidence ("unknown") "27.000" is read
 * the Dutch way (the report says so); otherwise, and with conflicting evidence, a cell the two
 * conventions read differently ("24,512") is rejected as ambiguous, never guessed.
 */
export function parseInColumn(text: string, convention: DecimalConvention): CountParse {
  const t = normaliseSpaces(text);
  if (MISSING_MARKERS.has(t.toLowerCase())) return { kind: 'missing' };
  const m = /^([-−]?)\s*([\s\S]+)$/.exec(t)!;
  const sign = m[1] ? -1 : 1;
  const body = m[2];
  if (DIGITS.test(body) || SPACE_GROUPED.test(body)) return { kind: 'value', value: sign * Number(body.replace(/ /g, '')) };
  const dutch = readDutch(body);
  const english = readEnglish(body);
  // Without evidence a Dutch file's dot groups thousands ("27.000"), as in counts; the comma stays
  // ambiguous, as Dutch decimals and English thousands both use it.
  const unknownDot = convention === 'unknown' && DOT_GROUPED.test(body);
  const chosen =
    convention === 'comma' || unknownDot ? dutch : convention === 'point' ? english : dutch === english || english === null ? dutch : dutch === null ? english : undefined;
  if (chosen === undefined) return { kind: 'error', reason: 'ambiguous_comma', text };
  if (chosen === null) return { kind: 'error', reason: 'not_a_number', text };
  return { kind: 'value', value: sign * chosen };
}

function readDutch(body: string): number | null {
  if (DOT_GROUPED.test(body)) return Number(body.replace(/\./g, ''));
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/.exec(body);
  return m ? Number(`${m[1].replace(/\./g, '')}.${m[2]}`) : null;
}

function readEnglish(body: string): number | null {
  if (/^[1-9]\d{0,2}(?:,\d{3})+$/.test(body)) return Number(body.replace(/,/g, ''));
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)\.(\d+)$/.exec(body);
  return m ? Number(`${m[1].replace(/,/g, '')}.${m[2]}`) : null;
}

function integerValue(t: string): number | null {
  if (DIGITS.test(t)) return Number(t);
  if (DOT_GROUPED.test(t)) return Number(t.replace(/\./g, ''));
  if (SPACE_GROUPED.test(t)) return Number(t.replace(/ /g, ''));
  return null;
}

function normaliseSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F\u2009]/g, ' ').trim();
}
