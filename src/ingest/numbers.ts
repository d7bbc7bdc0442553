/**
 * Numbers as Dutch exports write them: "1.234" is one thousand two hundred and thirty-four,
 * "12,5" is twelve and a half. An empty cell is missing, never zero.
 */
import type { ValueProblem } from '../domain/reasons';

export type CountParse =
  | { kind: 'missing' }
  | { kind: 'value'; value: number }
  | { kind: 'error'; reason: ValueProblem; text: string };

/** Cell texts that mean "no figure" in Dutch statistical tables (CBS uses "." and "x"). */
const MISSING_MARKERS = new Set(['', '-', '–', '—', '.', 'x', 'n.v.t.', 'nvt', 'n/a', 'na', 'onbekend']);

const DIGITS = /^\d+$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;
const ZERO_FRACTION = /^(.*),0+$/;

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

function integerValue(t: string): number | null {
  if (DIGITS.test(t)) return Number(t);
  if (DOT_GROUPED.test(t)) return Number(t.replace(/\./g, ''));
  if (SPACE_GROUPED.test(t)) return Number(t.replace(/ /g, ''));
  return null;
}

function normaliseSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F\u2009]/g, ' ').trim();
}
