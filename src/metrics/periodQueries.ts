/**
 * Monthly, quarterly and yearly figures as the dashboard reads them: which series a dataset has
 * (one per metric, dimension values and grain), every period of a series from its first to its
 * last (a period without a figure is a gap, never a zero), the baseline at the series' grain and
 * means over phases of periods. Never mixed with weekly figures, and a year total never added to
 * its months: every query reads one grain of one series.
 */
import type { Database } from '../db/database';
import type { Dataset } from '../domain/dataset';
import { MONTHS_PER_PERIOD, PERIOD_BASELINE, periodOfStart, periodsBetween, periodStart, type PeriodGrain } from '../domain/grain';
import type { StatisticalSymbol, ValueFlag } from '../domain/parsedExport';
import { DAY } from '../db/sql';
import { EXPORT_ORDER } from '../db/schema';
import { dataOverview } from './queries';

export interface PeriodSeries {
  series: string;
  metric: string;
  /** The dimension values (nationality, gender, …); [] for the total. */
  dimensions: string[];
  grain: PeriodGrain;
  /** The header or name a custom metric was found under; null for catalogue metrics. */
  customLabel: string | null;
  first: string;
  last: string;
  /** Periods with a figure (a number or a symbol). */
  periods: number;
}

const GRAIN_ORDER = `CASE grain WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 ELSE 3 END`;
/** A grain's length in months, in SQL, from the domain's own table. */
const GRAIN_MONTHS = (grain: string) => `CASE ${grain} ${Object.entries(MONTHS_PER_PERIOD).map(([g, months]) => `WHEN '${g}' THEN ${months}`).join(' ')} END`;

/**
 * A period that ends after the export date of its figure is partial (onvolledig), as a week is
 * (docs/definitions.md): shown, and left out of every mean, baseline and phase.
 */
const PARTIAL = (c: string) => `(${c}.period_start + to_months(${GRAIN_MONTHS(`${c}.grain`)}) > ${c}.export_date + INTERVAL 1 DAY)`;

export async function periodSeries(db: Database, dataset: Dataset): Promise<PeriodSeries[]> {
  // Most datasets hold weeks only: asking first (with what start-up asks anyway) saves planning the grouping, 40 ms.
  if (!(await dataOverview(db)).withPeriods.has(dataset)) return [];
  const rows = await db.query<Omit<PeriodSeries, 'dimensions'> & { dimensions: string }>(
    `SELECT c.series, any_value(c.metric) AS metric, any_value(c.dimensions) AS dimensions, c.grain, any_value(l.label) AS "customLabel",
            arg_min(c.period, c.period_start) AS first, arg_max(c.period, c.period_start) AS last, count(*) AS periods
     FROM current_periods c
     LEFT JOIN (SELECT cm.metric, arg_max(cm.label, cm.file_id) AS label FROM custom_metrics cm
                JOIN files f USING (file_id) WHERE f.dataset = ? GROUP BY cm.metric) l USING (metric)
     WHERE c.dataset = ?
     GROUP BY c.series, c.grain ORDER BY metric, dimensions, ${GRAIN_ORDER}`,
    [dataset, dataset],
  );
  return rows.map((r) => ({ ...r, periods: Number(r.periods), dimensions: r.dimensions === '' ? [] : r.dimensions.split('|') }));
}

export interface PeriodFigure {
  period: string;
  /** null: a gap (no figure for the period) or a statistical symbol (then `symbol` says which). */
  value: number | null;
  symbol: StatisticalSymbol | null;
  flag: ValueFlag | null;
  /** Where the figure was published, when its file says so. */
  source: string | null;
  fileName: string | null;
  line: number | null;
  sheet: string | null;
  exportDate: string | null;
  /** An earlier release gave this period another figure. */
  revised: boolean;
  /** No file has a figure for this period. */
  gap: boolean;
  /** The period ended after its figure's export date: a figure so far, counted in no mean. */
  partial: boolean;
}

/** Every period of one series at one grain, from its first to its last figure, gaps included. */
export async function periodFigures(db: Database, dataset: Dataset, series: string, grain: PeriodGrain): Promise<PeriodFigure[]> {
  return (await datasetPeriodFigures(db, dataset, { series, grain })).map(({ series: _s, grain: _g, ...figure }) => figure);
}

/** Every period of every series of a dataset (or of one series at one grain), gaps included: what the dashboard draws, in one query. */
export async function datasetPeriodFigures(db: Database, dataset: Dataset, only?: { series: string; grain: PeriodGrain }): Promise<(PeriodFigure & { series: string; grain: PeriodGrain })[]> {
  const rows = await db.query<Omit<PeriodFigure, 'period'> & { series: string; grain: PeriodGrain; period: string | null; start: string }>(
    `WITH s AS (SELECT * FROM current_periods WHERE dataset = ? ${only ? 'AND series = ? AND grain = ?' : ''}),
     b AS (SELECT series, grain, min(period_start) AS first, max(period_start) AS last FROM s GROUP BY series, grain),
     grid AS (SELECT series, grain, CAST(unnest(generate_series(first, last, to_months(${GRAIN_MONTHS('grain')}))) AS DATE) AS period_start FROM b)
     SELECT g.series, g.grain, ${DAY('g.period_start')} AS start, s.period, s.value, s.symbol, s.flag, s.source, s.file_name AS "fileName", s.line, s.sheet,
            ${DAY('s.export_date')} AS "exportDate", coalesce(s.revised, false) AS revised, s.period IS NULL AS gap, coalesce(${PARTIAL('s')}, false) AS partial
     FROM grid g LEFT JOIN s USING (series, grain, period_start) ORDER BY g.series, ${GRAIN_ORDER.replace('grain', 'g.grain')}, g.period_start`,
    only ? [dataset, only.series, only.grain] : [dataset],
  );
  return rows.map(({ start, ...r }) => ({ ...r, period: r.period ?? periodOfStart(start, r.grain) }));
}

export interface PeriodMean {
  from: string;
  to: string;
  /** Periods in the range, and those with a number (a symbol other than nil, a gap or a partial period is not counted). */
  periodsInRange: number;
  periodsWithData: number;
  /** Periods with a figure that ended after its export date: left out of the mean. */
  periodsPartial: number;
  /** Mean over the periods with a number; null when none has one. */
  mean: number | null;
  /** Files behind the figure, newest first. */
  sources: string[];
  /** Flags on the figures in the range ('provisional', 'p', …), each once. */
  flags: string[];
}

/** The mean of a series over an inclusive range of periods at its grain; the baseline when the range is the grain's window. */
export async function periodMean(db: Database, dataset: Dataset, series: string, grain: PeriodGrain, range: { from: string; to: string }): Promise<PeriodMean> {
  const first = periodStart(range.from);
  const last = periodStart(range.to);
  if (!first || !last) throw new Error(`${range.from} – ${range.to}: not periods the app writes`);
  const step = MONTHS_PER_PERIOD[grain];
  const [row] = await db.query<{ mean: number | null; with_data: number; partial: number; files: string[] | null; flags: string[] | null; in_range: number }>(
    `WITH s AS (SELECT *, ${PARTIAL('c')} AS partial FROM current_periods c WHERE dataset = ? AND series = ? AND grain = ?
                AND period_start BETWEEN CAST(? AS DATE) AND CAST(? AS DATE))
     SELECT avg(value) FILTER (WHERE NOT partial) AS mean, count(value) FILTER (WHERE NOT partial) AS with_data, count(*) FILTER (WHERE partial) AS partial,
            list(DISTINCT file_name ORDER BY file_name) FILTER (WHERE value IS NOT NULL AND NOT partial) AS files,
            list(DISTINCT flag ORDER BY flag) FILTER (WHERE flag IS NOT NULL AND NOT partial) AS flags,
            (SELECT count(*) FROM generate_series(CAST(? AS DATE), CAST(? AS DATE), INTERVAL ${step} MONTH)) AS in_range
     FROM s`,
    [dataset, series, grain, first, last, first, last],
  );
  // Newest file first, as the weekly phase figures name their exports.
  const files = Array.from(row.files ?? []);
  const ordered = files.length > 1 ? await newestFirst(db, dataset, files) : files;
  return {
    from: range.from,
    to: range.to,
    periodsInRange: Number(row.in_range),
    periodsWithData: Number(row.with_data),
    periodsPartial: Number(row.partial),
    mean: row.mean,
    sources: ordered,
    flags: Array.from(row.flags ?? []),
  };
}

async function newestFirst(db: Database, dataset: Dataset, names: string[]): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT f.name FROM files f WHERE f.dataset = ? AND f.name IN (${names.map(() => '?').join(', ')}) GROUP BY ALL ORDER BY max(f.export_date) DESC, f.name DESC`,
    [dataset, ...names],
  );
  return rows.map((r) => r.name);
}

export type SeriesMean = PeriodMean & { series: string; grain: PeriodGrain };

/**
 * The means of every series of a dataset over ranges of periods at each grain (the baselines, the
 * phases in months), in one query. A series without a figure in a range has mean null.
 */
export async function datasetPeriodMeans(db: Database, dataset: Dataset, ranges: Partial<Record<PeriodGrain, { from: string; to: string }[]>>): Promise<SeriesMean[]> {
  const wanted = (Object.entries(ranges) as [PeriodGrain, { from: string; to: string }[]][]).flatMap(([grain, list]) => list.map((r) => ({ grain, ...r })));
  if (wanted.length === 0) return [];
  const values = wanted.map(() => '(?, ?, ?, CAST(? AS DATE), CAST(? AS DATE))').join(', ');
  const rows = await db.query<{ series: string; grain: PeriodGrain; from: string; to: string; mean: number | null; with_data: number; partial: number; files: string[] | null; flags: string[] | null }>(
    `WITH r(grain, "from", "to", first, last) AS (VALUES ${values}),
     s AS (SELECT DISTINCT series, grain FROM current_periods WHERE dataset = ?),
     c AS (SELECT *, ${PARTIAL('p')} AS partial FROM current_periods p WHERE dataset = ?)
     SELECT s.series, r.grain, r."from", r."to", avg(c.value) FILTER (WHERE NOT c.partial) AS mean, count(c.value) FILTER (WHERE NOT c.partial) AS with_data,
            count(c.period) FILTER (WHERE c.partial) AS partial,
            list(DISTINCT c.file_name ORDER BY c.file_name) FILTER (WHERE c.value IS NOT NULL AND NOT c.partial) AS files,
            list(DISTINCT c.flag ORDER BY c.flag) FILTER (WHERE c.flag IS NOT NULL AND NOT c.partial) AS flags
     FROM s JOIN r USING (grain)
     LEFT JOIN c ON c.series = s.series AND c.grain = r.grain AND c.period_start BETWEEN r.first AND r.last
     GROUP BY s.series, r.grain, r."from", r."to"`,
    [...wanted.flatMap((w) => [w.grain, w.from, w.to, periodStart(w.from), periodStart(w.to)]), dataset, dataset],
  );
  return rows.map((r) => ({
    series: r.series,
    grain: r.grain,
    from: r.from,
    to: r.to,
    periodsInRange: periodsBetween(r.from, r.to, r.grain).length,
    periodsWithData: Number(r.with_data),
    periodsPartial: Number(r.partial),
    mean: r.mean,
    // A list arrives as an Arrow vector in the browser: plain arrays from here on.
    sources: Array.from(r.files ?? []),
    flags: Array.from(r.flags ?? []),
  }));
}

/** The default baseline of a series at its grain (src/domain/grain.ts PERIOD_BASELINE). */
export const periodBaseline = (db: Database, dataset: Dataset, series: string, grain: PeriodGrain) => periodMean(db, dataset, series, grain, PERIOD_BASELINE[grain]);

export interface PeriodVersion {
  fileName: string;
  line: number;
  sheet: string | null;
  exportDate: string;
  value: number | null;
  symbol: string | null;
  flag: string | null;
  inForce: boolean;
}

/** Every release of one period's figure, newest first: the one in force, then its history. */
export async function periodHistory(db: Database, dataset: Dataset, series: string, grain: PeriodGrain, period: string): Promise<PeriodVersion[]> {
  return db.query<PeriodVersion>(
    `SELECT f.name AS "fileName", o.line, o.sheet, ${DAY('f.export_date')} AS "exportDate", o.value, o.symbol, o.flag, row_number() OVER (ORDER BY ${EXPORT_ORDER}) = 1 AS "inForce"
     FROM period_observations o JOIN files f USING (file_id)
     WHERE f.dataset = ? AND o.series = ? AND o.grain = ? AND o.period = ? ORDER BY ${EXPORT_ORDER}`,
    [dataset, series, grain, period],
  );
}
