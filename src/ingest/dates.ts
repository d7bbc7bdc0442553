/**
 * Calendar dates in exports, with the order of day and month decided per file, never per cell:
 * a file with 06/29/2020 in it is month-first throughout, and one that has both 29/06 and 06/29
 * cannot be read either way. ISO dates (2020-06-29) need no decision. SQL and BI exports add a
 * time ("2020-06-29 00:00:00"); it is ignored.
 */
import type { DateOrder } from '../domain/reasons';


const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** What the dates of a file say about their order and its usual years. */
export interface DateOrderEvidence {
  /** First line of a date only day-first can read (29-06-2020), and of one only month-first can (06/29/2020). */
  dayFirstLine: number | null;
  monthFirstLine: number | null;
  /** Dates both orders read, differently (06/01/2020): the first, and how many. */
  ambiguous: { line: number; text: string; count: number } | null;
  /** The file's order, or null when it has dates only one order can read and dates only the other can. */
  order: DateOrder | null;
  /** From the median year of its dates, the years a date of this file is expected in. */
  usualYears: { from: number; to: number } | null;
}

/**
 * Every date-like text in a file, wherever it is: a quick scan that decides the order before the
 * rows are read. Dates in any column count: one export tool writes all its dates alike.
 */
export function dateEvidence(text: string): DateOrderEvidence {
  const pattern = /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/g;
  const seen = new Map<string, { count: number; at: number }>();
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const hit = seen.get(m[0]);
    if (hit) hit.count++;
    else seen.set(m[0], { count: 1, at: m.index });
  }
  return weigh(seen, (at) => lineAt(text, at));
}

/**
 * The years of the date-like texts in `text`, one per occurrence as dateEvidence counts them; null
 * when one of them is not ISO (then the file's day-month order needs deciding).
 */
export function isoDateYears(text: string): number[] | null {
  const years: number[] = [];
  for (const [found] of text.matchAll(/\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/g)) {
    const iso = ISO.exec(found);
    if (iso) years.push(Number(iso[1]));
    else if (NUMERIC.test(found)) return null;
  }
  return years;
}

/** The same, from the cells of one column: each with its line. */
export function dateEvidenceOfCells(cells: { text: string; line: number }[]): DateOrderEvidence {
  const seen = new Map<string, { count: number; at: number }>();
  for (const { text, line } of cells) {
    const date = text.trim();
    const hit = seen.get(date);
    if (hit) hit.count++;
    else seen.set(date, { count: 1, at: line });
  }
  return weigh(seen, (line) => line);
}

/** `at`: where each distinct date first occurs, which `lineOf` turns into its line. */
function weigh(seen: Map<string, { count: number; at: number }>, lineOf: (at: number) => number): DateOrderEvidence {  let [dayFirstAt, monthFirstAt, ambiguousAt] = [Infinity, Infinity, Infinity];
  let ambiguousText = '';
  let ambiguousCount = 0;
  const years = new Map<number, number>();
  for (const [date, { count, at }] of seen) {
    const iso = ISO.exec(date);
    const m = iso ?? NUMERIC.exec(date);
    if (!m) continue;
    const year = Number(iso ? m[1] : m[3]);
    years.set(year, (years.get(year) ?? 0) + count);
    if (iso) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirstAt = Math.min(dayFirstAt, at);
    else if (b > 12 && a <= 12) monthFirstAt = Math.min(monthFirstAt, at);
    else if (a !== b && a >= 1 && b >= 1) {
      if (at < ambiguousAt) [ambiguousAt, ambiguousText] = [at, date];
      ambiguousCount += count;
    }
  }
  const line = (at: number) => (at === Infinity ? null : lineOf(at));
  const dayFirstLine = line(dayFirstAt);
  const monthFirstLine = line(monthFirstAt);
  return {
    dayFirstLine,
    monthFirstLine,
    ambiguous: ambiguousCount > 0 ? { line: line(ambiguousAt)!, text: ambiguousText, count: ambiguousCount } : null,
    order: dayFirstLine !== null && monthFirstLine !== null ? null : monthFirstLine !== null ? 'month_first' : 'day_first',
    usualYears: medianRange(years),
  };
}

export function medianRange(years: Map<number, number>): { from: number; to: number } | null {
  const total = [...years.values()].reduce((a, b) => a + b, 0);
  let seen = 0;
  for (const [year, count] of [...years].sort((x, y) => x[0] - y[0])) {
    seen += count;
    if (seen * 2 >= total) return { from: year - TYPO_YEARS, to: year + TYPO_YEARS };
  }
  return null;
}

/** The 1-based line of character `at`: every CRLF, LF or lone CR before it ends a line. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** A year this far from the file's median year is taken for a typo (1920 for 2020), not a date to chart. */
export const TYPO_YEARS = 25;

/** Dates as a file writes them, read once each: a million rows hold a few thousand distinct dates. */
export class DateReader {
  private readonly cache = new Map<string, string | null>();
  constructor(readonly order: DateOrder) {}

  read(text: string): string | null {
    let date = this.cache.get(text);
    if (date === undefined) {
      date = readDate(text, this.order);
      this.cache.set(text, date);
    }
    return date;
  }
}

/** The ISO date ("2020-06-29") a cell holds in a file of the given order, or null. */
export function readDate(text: string, order: DateOrder): string | null {
  const iso = ISO.exec(text);
  const m = iso ?? NUMERIC.exec(text);
  if (!m) return null;
  const [year, month, day] = iso ? [+m[1], +m[2], +m[3]] : order === 'day_first' ? [+m[3], +m[2], +m[1]] : [+m[3], +m[1], +m[2]];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
