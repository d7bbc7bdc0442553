/**
 * ISO 8601 weeks (Monday to Sunday). Dates are handled as calendar dates ("YYYY-MM-DD")
 * built from local Date objects and never converted through UTC, so no figure moves a day
 * in a time zone west of Greenwich.
 */
import type { DateOrder } from './reasons';
import { addDays, differenceInCalendarWeeks, eachWeekOfInterval, format, getISOWeek, getISOWeekYear, getISOWeeksInYear, isValid, setISOWeek, startOfISOWeek } from 'date-fns';

export interface IsoWeek {
  year: number;
  week: number;
}

export type WeekParse =
  | { ok: true; week: IsoWeek; fromDate?: string }
  | { ok: false; reason: 'week_53_missing' | 'week_out_of_range' | 'invalid_date' | 'not_a_week'; year?: number; week?: number };

/** Memoised (per year, and per week below): a long export asks the same few thousand weeks millions of times. */
const weeksInYear = new Map<number, number>();

export function isoWeeksInYear(year: number): number {
  let weeks = weeksInYear.get(year);
  if (weeks === undefined) weeksInYear.set(year, (weeks = getISOWeeksInYear(new Date(year, 5, 1))));
  return weeks;
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week as "YYYY-MM-DD". */
const mondays = new Map<number, string>();

export function isoWeekMonday({ year, week }: IsoWeek): string {
  const key = year * 100 + week;
  let monday = mondays.get(key);
  if (monday === undefined) mondays.set(key, (monday = format(startOfISOWeek(setISOWeek(new Date(year, 0, 4), week)), 'yyyy-MM-dd')));
  return monday;
}

export function isoWeekOfDate(date: string): IsoWeek {
  const d = localDate(date);
  return { year: getISOWeekYear(d), week: getISOWeek(d) };
}

export function checkedWeek(year: number, week: number): WeekParse {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return { ok: false, reason: 'not_a_week' };
  if (week === 53 && isoWeeksInYear(year) === 52) return { ok: false, reason: 'week_53_missing', year, week };
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) return { ok: false, reason: 'week_out_of_range', year, week };
  return { ok: true, week: { year, week } };
}

/**
 * Parses a calendar date written ISO (2020-06-29) or with the year last: day first (29-06-2020,
 * 29/6/2020) unless the file's dates were found to be month first (decided per file, never per date).
 */
export function parseCalendarDate(text: string, order: DateOrder = 'day_first'): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, mo, d] = m ? [m[1], m[2], m[3]] : (m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t)) ? (order === 'day_first' ? [m[3], m[2], m[1]] : [m[3], m[1], m[2]]) : [];
  if (!y) return null;
  const date = new Date(Number(y), Number(mo) - 1, Number(d));
  if (!isValid(date) || date.getFullYear() !== Number(y) || date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return null;
  return format(date, 'yyyy-MM-dd');
}

const WEEK_PATTERNS: { re: RegExp; year: number; week: number }[] = [
  { re: /^(\d{4})\s*-?\s*w\s*(\d{1,2})$/, year: 1, week: 2 }, // 2020-W27, 2020W27
  { re: /^(\d{4})\s*[-/]\s*(\d{1,2})$/, year: 1, week: 2 }, // 2020-27
  { re: /^(\d{4})\s*,?\s*(?:week|wk)\.?\s*(\d{1,2})$/, year: 1, week: 2 }, // 2020 week 27
  { re: /^(?:week|wk|w)\.?\s*(\d{1,2})\s*[,\-/ ]\s*(\d{4})$/, year: 2, week: 1 }, // wk 27 2020, week 27-2020
];

/** A week number with its dates or year in brackets, as reports label columns: "Week 27 (29-06 t/m 05-07-2020)", "wk 27 (2020)". */
const LABELLED_WEEK = /^(?:week|wk|w)\.?\s*(\d{1,2})\s*\((.+)\)$/;

/** The week a labelled week names: its year from the brackets, and the dates there must lie in that very week. */
function labelledWeek(week: number, inside: string): WeekParse {
  const year = /^\s*(\d{4})\s*$/.exec(inside);
  if (year) return checkedWeek(Number(year[1]), week);
  const dates = inside.match(/\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/g);
  const last = dates ? parseCalendarDate(dates[dates.length - 1]) : null;
  if (!last) return { ok: false, reason: 'not_a_week' };
  const of = isoWeekOfDate(last);
  return of.week === week ? { ok: true, week: of } : { ok: false, reason: 'not_a_week' };
}

/** Parses one cell naming a week in any of the accepted forms, or a date inside the week (in the file's day-month order). */
export function parseWeekCell(text: string, order: DateOrder = 'day_first'): WeekParse {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const labelled = LABELLED_WEEK.exec(t);
  if (labelled) return labelledWeek(Number(labelled[1]), labelled[2]);
  for (const { re, year, week } of WEEK_PATTERNS) {
    const m = re.exec(t);
    if (m) return checkedWeek(Number(m[year]), Number(m[week]));
  }
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(t)) {
    const date = parseCalendarDate(t, order);
    if (!date) return { ok: false, reason: 'invalid_date' };
    return { ok: true, week: isoWeekOfDate(date), fromDate: date };
  }
  return { ok: false, reason: 'not_a_week' };
}

/** Separate year and week columns ("jaar", "week"). */
export function parseYearAndWeek(yearText: string, weekText: string): WeekParse {
  const y = yearText.trim();
  const w = weekText.trim().replace(/^(?:week|wk|w)\s*/i, '');
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(w)) return { ok: false, reason: 'not_a_week' };
  return checkedWeek(Number(y), Number(w));
}

export function isMonday(date: string): boolean {
  return localDate(date).getDay() === 1;
}

function localDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** The ISO week `weeks` weeks after (or before, if negative) the given one. */
export function addIsoWeeks(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOfDate(format(addDays(localDate(isoWeekMonday(week)), weeks * 7), 'yyyy-MM-dd'));
}

/** "2020-W27" → { year: 2020, week: 27 }; null if it is not an existing ISO week. */
export function parseIsoWeekLabel(label: string): IsoWeek | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) return null;
  const checked = checkedWeek(Number(m[1]), Number(m[2]));
  return checked.ok ? checked.week : null;
}

/** ISO weeks start on Monday; date-fns weeks on Sunday unless told. */
const MONDAY = { weekStartsOn: 1 } as const;

/** Every ISO week from the week of `first` to the week of `last` (calendar dates), as labels. */
export function isoWeeksBetween(first: string, last: string): string[] {
  return eachWeekOfInterval({ start: localDate(first), end: localDate(last) }, MONDAY).map((monday) => formatIsoWeek(isoWeekOfDate(format(monday, 'yyyy-MM-dd'))));
}

/** How many weeks the week of `to` is after the week of `from` (calendar dates; negative when before). */
export function weeksBetween(from: string, to: string): number {
  return differenceInCalendarWeeks(localDate(to), localDate(from), MONDAY);
}

/**
 * A period given back to front means the same period: its ends in order. ISO week labels
 * ("2020-W05") and calendar dates sort as text; an open end (null) stays where it is.
 */
export function inOrder<T extends string | null>(a: T, b: T): [T, T] {
  return a !== null && b !== null && a > b ? [b, a] : [a, b];
}
