/**
 * Series at a grain: a figure per week, month, quarter or year. Each grain is its own series:
 * weekly and monthly figures of one metric are never added together or drawn on one axis, and a
 * year total is never added to its months. A series split by dimensions (nationality, gender, …)
 * is its own series too, named by its metric and its dimension values.
 */
import type { Grain } from './parsedExport';

/** Between a metric and its dimension values in a series id: "asylum_first|Syrisch|Mannen". */
export const DIMENSION_SEPARATOR = '|';

/** The series id of a metric and its dimension values; the metric itself for the total. */
export function seriesId(metric: string, dimensions: readonly string[] | undefined): string {
  return dimensions && dimensions.length > 0 ? [metric, ...dimensions].join(DIMENSION_SEPARATOR) : metric;
}

/** The metric and dimension values of a series id. */
export function splitSeriesId(series: string): { metric: string; dimensions: string[] } {
  const [metric, ...dimensions] = series.split(DIMENSION_SEPARATOR);
  return { metric, dimensions };
}

/** "Eerste asielaanvragen · Syrisch · Mannen": a series' label from its metric's label and its dimension values. */
export function seriesLabel(metricLabel: string, dimensions: readonly string[]): string {
  return [metricLabel, ...dimensions].join(' · ');
}

export type PeriodGrain = Exclude<Grain, 'week'>;

/** The first day of a period "2020-03", "2020-Q1" or "2020" as "YYYY-MM-DD"; null for anything else. */
export function periodStart(period: string): string | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]}-01`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  m = /^(\d{4})$/.exec(period);
  if (m) return `${m[1]}-01-01`;
  return null;
}

/** The grain a period label is written in; null when it is none of "2020-03", "2020-Q1", "2020". */
export function grainOfPeriod(period: string): PeriodGrain | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  return null;
}

/** Months in one period of the grain: the step between periods. */
export const MONTHS_PER_PERIOD: Record<PeriodGrain, number> = { month: 1, quarter: 3, year: 12 };

/** The period label of a first day "YYYY-MM-01" at a grain. */
export function periodOfStart(start: string, grain: PeriodGrain): string {
  const [year, month] = start.split('-').map(Number);
  if (grain === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  if (grain === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return String(year);
}

/** The period `n` periods after `period` (before, when negative). */
export function shiftPeriod(period: string, grain: PeriodGrain, n: number): string {
  const [year, month] = (periodStart(period) ?? '').split('-').map(Number);
  const index = year * 12 + (month - 1) + n * MONTHS_PER_PERIOD[grain];
  return periodOfStart(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`, grain);
}

/** Every period from `from` to `to`, inclusive. */
export function periodsBetween(from: string, to: string, grain: PeriodGrain): string[] {
  const out: string[] = [];
  for (let p = from; (periodStart(p) ?? '') <= (periodStart(to) ?? ''); p = shiftPeriod(p, grain, 1)) out.push(p);
  return out;
}

/**
 * The default baseline window at each grain, before the crisis (March 2020, week 12): the 12
 * months 2019-03 to 2020-02; the four quarters of 2019 (the first quarter of 2020 holds the start
 * of the crisis); the year 2019.
 */
export const PERIOD_BASELINE: Record<PeriodGrain, { from: string; to: string }> = {
  month: { from: '2019-03', to: '2020-02' },
  quarter: { from: '2019-Q1', to: '2019-Q4' },
  year: { from: '2019', to: '2019' },
};

/**
 * The letter's phases in months: the months the weekly phases (week 12-17, 18-26, 27-37 of 2020)
 * mostly cover: March-April, May-June and July-September 2020.
 */
export const MONTH_PHASES: readonly { from: string; to: string }[] = [
  { from: '2020-03', to: '2020-04' },
  { from: '2020-05', to: '2020-06' },
  { from: '2020-07', to: '2020-09' },
];
