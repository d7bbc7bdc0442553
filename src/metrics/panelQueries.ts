/**
 * The dashboard's figures in SQL: each week's value (derived totals included), its 4-week mean,
 * the baseline it is set against, % of baseline, running totals, and per metric the summary
 * and status a panel header shows.
 */
import type { Database } from '../db/database';
import type { Dataset } from '../domain/dataset';
import { METRICS } from '../domain/catalogue';
import { DERIVED_METRICS } from '../domain/panels';
import { FLOW_BACK_PCT, STOCK_BACK_PCT, type BaselineMethod, type BaselineSpec } from '../domain/baseline';
import { DAY, ISO_WEEK, sqlList } from '../db/sql';

export interface PanelQuery {
  dataset: Dataset;
  metrics: readonly string[];
  /** Mondays; null for the first or last loaded week. */
  range: { first: string | null; last: string | null };
  baseline: BaselineSpec;
  /** Monday of the week the running totals start in. */
  cumulativeFrom: string;
  cumulativeMetrics: readonly string[];
}

export interface PanelWeek {
  metric: string;
  week: string;
  weekStart: string;
  value: number | null;
  /** Mean of this week and the three before it (weeks with data). */
  mean4: number | null;
  baseline: number | null;
  pct: number | null;
  pct4: number | null;
  /** Running total since the week of `cumulativeFrom`; null for other metrics and earlier weeks. */
  cumulative: number | null;
  revised: boolean;
  /** The week ends after the export date of its value: shown, but left out of every mean, baseline and status. */
  partial: boolean;
  /** A derived figure without a value: the components that have none this week. */
  missing: string[];
  fileName: string | null;
  /** With line, the workbook sheet and its row; null for CSV. */
  sheet: string | null;
  line: number | null;
  exportDate: string | null;
}

export interface MetricSummary {
  metric: string;
  method: BaselineMethod;
  kind: 'flow' | 'stock';
  /** For mean/median: the baseline; for a stock: its level at the end of the window; seasonal: the mean over the latest 4 weeks' reference weeks. */
  baseline: number | null;
  /** 10th and 90th percentile of the baseline weeks (not for seasonal). */
  p10: number | null;
  p90: number | null;
  baselineWeeks: number;
  /** The weeks the baseline should have: the window's, or the reference year's. */
  windowWeeks: number;
  latestWeek: string;
  latestValue: number;
  mean4: number | null;
  /** Of the 4 weeks up to the latest, those with a value (a derived figure needs all its components). */
  weeks4: number;
  /** The newest partial week after the latest week (shown, not counted), if any. */
  partialWeek: string | null;
  pct4: number | null;
  /** First week from which the 4-week mean stays at the pre-COVID level up to the latest week; null if it is not there now. */
  backSince: string | null;
}

const STOCKS = METRICS.filter((m) => m.kind === 'stock').map((m) => m.id);
const SHARES = DERIVED_METRICS.filter((d) => d.kind === 'share').map((d) => d.id);

/** Constants from our own catalogue, written into the SQL as quoted literals. */
export const STOCK_LIST = sqlList(STOCKS);
export const SHARE_LIST = sqlList(SHARES);

/**
 * The common part of every dashboard query, as CTEs: the series, each week's baseline
 * (`with_baseline`), the baseline window's figures (`window_baseline`) and the judged weeks.
 * Parameters by name (pipelineParameters). A partial week (it ends after its export date) keeps
 * its value in `shown_value` only: it is shown, never counted. A share over several weeks is the
 * ratio of the sums of its parts, never a mean of weekly shares.
 */
export const PIPELINE = `
WITH
params AS (
  SELECT CAST($range_first AS DATE) AS range_first, CAST($range_last AS DATE) AS range_last,
         CAST($base_first AS DATE) AS base_first, CAST($base_last AS DATE) AS base_last,
         CAST($method AS VARCHAR) AS method, CAST($ref_year AS INTEGER) AS ref_year, CAST($cumulative_from AS DATE) AS cumulative_from
),
wanted AS (SELECT unnest(string_split($metrics, ',')) AS metric),
cumulated AS (SELECT unnest(string_split($cumulative_metrics, ',')) AS metric),
series AS (
  SELECT metric, week_start,
         CASE WHEN partial THEN NULL ELSE value END AS value,
         CASE WHEN partial THEN NULL ELSE part END AS part,
         CASE WHEN partial THEN NULL ELSE whole END AS whole,
         value AS shown_value, partial, missing, metric IN (${SHARE_LIST}) AS is_share,
         revised, file_name, line, export_date, sheet
  FROM weekly_series WHERE dataset = $dataset AND metric IN (SELECT metric FROM wanted)
),
bounds AS (
  SELECT coalesce(min(p.range_first), min(s.week_start)) AS view_first, coalesce(min(p.range_last), max(s.week_start)) AS view_last
  FROM series s CROSS JOIN params p
),
-- Every week of the view range, also weeks outside the loaded data, for every metric the data has.
view_grid AS (
  SELECT m.metric, CAST(unnest(generate_series(b.view_first, b.view_last, INTERVAL 7 DAY)) AS DATE) AS week_start
  FROM bounds b CROSS JOIN (SELECT DISTINCT metric FROM series) m
),
window_baseline AS (
  SELECT s.metric,
         CASE WHEN s.metric IN (${STOCK_LIST}) THEN arg_max(s.value, s.week_start) FILTER (WHERE s.value IS NOT NULL)
              WHEN bool_or(s.is_share) THEN 100 * sum(s.part) / nullif(sum(s.whole), 0)
              WHEN min(p.method) = 'median' THEN median(s.value)
              ELSE avg(s.value) END AS baseline,
         quantile_cont(s.value, 0.1) AS p10, quantile_cont(s.value, 0.9) AS p90, count(s.value) AS baseline_weeks
  FROM series s CROSS JOIN params p
  WHERE s.week_start BETWEEN p.base_first AND p.base_last
  GROUP BY s.metric
),
reference_weeks AS (
  SELECT s.metric, week(s.week_start) AS iso_week, s.value, s.part, s.whole
  FROM series s CROSS JOIN params p WHERE isoyear(s.week_start) = p.ref_year AND s.value IS NOT NULL
),
with_baseline AS (
  SELECT s.*,
         CASE WHEN p.method = 'seasonal' THEN coalesce(r.value, CASE WHEN week(s.week_start) = 53 THEN r52.value END)
              ELSE c.baseline END AS baseline,
         CASE WHEN p.method = 'seasonal' THEN coalesce(r.part, CASE WHEN week(s.week_start) = 53 THEN r52.part END) END AS base_part,
         CASE WHEN p.method = 'seasonal' THEN coalesce(r.whole, CASE WHEN week(s.week_start) = 53 THEN r52.whole END) END AS base_whole
  FROM series s CROSS JOIN params p
  LEFT JOIN window_baseline c ON c.metric = s.metric
  LEFT JOIN reference_weeks r ON r.metric = s.metric AND r.iso_week = week(s.week_start)
  LEFT JOIN reference_weeks r52 ON r52.metric = s.metric AND r52.iso_week = 52
),
rolled AS (
  SELECT b.*,
         CASE WHEN b.is_share THEN 100 * sum(b.part) OVER last4 / nullif(sum(b.whole) OVER last4, 0) ELSE avg(b.value) OVER last4 END AS mean4,
         count(b.value) OVER last4 AS weeks4,
         CASE WHEN b.is_share AND p.method = 'seasonal' THEN 100 * sum(b.base_part) OVER last4 / nullif(sum(b.base_whole) OVER last4, 0)
              ELSE avg(b.baseline) OVER last4 END AS baseline4,
         CASE WHEN b.metric IN (SELECT metric FROM cumulated) AND b.week_start >= p.cumulative_from
              THEN sum(CASE WHEN b.week_start >= p.cumulative_from THEN b.value END) OVER since_start END AS cumulative
  FROM with_baseline b CROSS JOIN params p
  WINDOW last4 AS (PARTITION BY b.metric ORDER BY b.week_start ROWS BETWEEN 3 PRECEDING AND CURRENT ROW),
         since_start AS (PARTITION BY b.metric ORDER BY b.week_start ROWS UNBOUNDED PRECEDING)
),
judged AS (
  SELECT r.*,
         100 * r.value / nullif(r.baseline, 0) AS pct,
         100 * r.mean4 / nullif(r.baseline4, 0) AS pct4,
         CASE WHEN r.metric IN (${STOCK_LIST}) THEN 100 * r.mean4 / nullif(r.baseline4, 0) <= ${STOCK_BACK_PCT}
              ELSE 100 * r.mean4 / nullif(r.baseline4, 0) >= ${FLOW_BACK_PCT} END AS at_level
  FROM rolled r
)`;

/** The named parameters PIPELINE expects. */
export function pipelineParameters(q: PanelQuery): Record<string, unknown> {
  const b = q.baseline;
  return {
    range_first: q.range.first,
    range_last: q.range.last,
    base_first: b.first,
    base_last: b.last,
    method: b.method,
    ref_year: b.referenceYear,
    cumulative_from: q.cumulativeFrom,
    metrics: q.metrics.join(','),
    cumulative_metrics: q.cumulativeMetrics.join(','),
    dataset: q.dataset,
  };
}

/** A panel query's weeks and its summaries: what every view with panels shows, asked together. */
export interface PanelFigures {
  weeks: PanelWeek[];
  summaries: MetricSummary[];
}

/** Every week of the view range, per metric (PanelWeek); a CTE of PANEL_FIGURES. */
const WEEK_ROWS = `
week_rows AS (
  SELECT g.metric, ${ISO_WEEK('g.week_start')} AS week, ${DAY('g.week_start')} AS "weekStart", j.shown_value AS value,
         CASE WHEN j.partial THEN NULL ELSE j.mean4 END AS mean4, j.baseline,
         j.pct, CASE WHEN j.partial THEN NULL ELSE j.pct4 END AS pct4, j.cumulative, coalesce(j.revised, false) AS revised,
         coalesce(j.partial, false) AS partial, j.missing,
         j.file_name AS "fileName", j.sheet, j.line, ${DAY('j.export_date')} AS "exportDate"
  FROM view_grid g LEFT JOIN judged j ON j.metric = g.metric AND j.week_start = g.week_start
)`;

/** Per metric: the latest week in the view range against the baseline, and since when it is back at that level (MetricSummary); CTEs of PANEL_FIGURES. */
const SUMMARY_ROWS = `
latest AS (
  SELECT j.metric, max(j.week_start) AS latest_week
  FROM judged j CROSS JOIN bounds b
  WHERE j.value IS NOT NULL AND j.week_start BETWEEN b.view_first AND b.view_last
  GROUP BY j.metric
),
-- Back means: at the level in every week from then up to the latest; looked for after the baseline period.
candidates AS (
  SELECT j.metric, j.week_start, coalesce(j.at_level, false) AS at_level
  FROM judged j JOIN latest l USING (metric) CROSS JOIN params p
  WHERE j.week_start <= l.latest_week
    AND j.week_start > CASE WHEN p.method = 'seasonal' THEN CAST(date_trunc('week', make_date(p.ref_year, 12, 28)) AS DATE) ELSE p.base_last END
),
last_below AS (SELECT metric, max(week_start) FILTER (WHERE NOT at_level) AS week_start FROM candidates GROUP BY metric),
back AS (
  SELECT c.metric, min(c.week_start) AS back_since
  FROM candidates c LEFT JOIN last_below lb USING (metric)
  WHERE c.at_level AND (lb.week_start IS NULL OR c.week_start > lb.week_start)
  GROUP BY c.metric
),
summary_rows AS (
  SELECT l.metric, p.method,
         CASE WHEN l.metric IN (${STOCK_LIST}) THEN 'stock' ELSE 'flow' END AS kind,
         CASE WHEN p.method = 'seasonal' THEN j.baseline4 ELSE c.baseline END AS baseline,
         CASE WHEN p.method = 'seasonal' THEN NULL ELSE c.p10 END AS p10,
         CASE WHEN p.method = 'seasonal' THEN NULL ELSE c.p90 END AS p90,
         CASE WHEN p.method = 'seasonal' THEN (SELECT count(*) FROM reference_weeks r WHERE r.metric = l.metric)
              ELSE coalesce(c.baseline_weeks, 0) END AS "baselineWeeks",
         CASE WHEN p.method = 'seasonal' THEN CAST(week(make_date(p.ref_year, 12, 28)) AS INTEGER)
              ELSE CAST(date_diff('day', p.base_first, p.base_last) / 7 + 1 AS INTEGER) END AS "windowWeeks",
         ${ISO_WEEK('l.latest_week')} AS "latestWeek", j.value AS "latestValue", j.mean4, CAST(j.weeks4 AS INTEGER) AS "weeks4", j.pct4,
         ${ISO_WEEK('bk.back_since')} AS "backSince",
         (SELECT ${ISO_WEEK('max(s.week_start)')} FROM series s WHERE s.metric = l.metric AND s.partial AND s.week_start > l.latest_week) AS "partialWeek"
  FROM latest l
  JOIN judged j ON j.metric = l.metric AND j.week_start = l.latest_week
  CROSS JOIN params p
  LEFT JOIN window_baseline c ON c.metric = l.metric
  LEFT JOIN back bk ON bk.metric = l.metric
)`;

const WEEK_COLUMNS = ['metric', 'week', 'weekStart', 'value', 'mean4', 'baseline', 'pct', 'pct4', 'cumulative', 'revised', 'partial', 'missing', 'fileName', 'sheet', 'line', 'exportDate'] as const;
const SUMMARY_COLUMNS = ['metric', 'method', 'kind', 'baseline', 'p10', 'p90', 'baselineWeeks', 'windowWeeks', 'latestWeek', 'latestValue', 'mean4', 'weeks4', 'pct4', 'backSince', 'partialWeek'] as const;

/**
 * The weeks and the summaries in one statement: each alone planned and ran the whole PIPELINE, and
 * DuckDB-WASM spends more on planning these than on computing them (two statements cost a first
 * visit's confirmation some 100 ms more). The two sets of rows come back as one, told apart by
 * `part`, each with its own columns.
 */
const PANEL_FIGURES = `${PIPELINE},${WEEK_ROWS},${SUMMARY_ROWS}
SELECT 'week' AS part, * FROM week_rows
UNION ALL BY NAME
SELECT 'summary' AS part, * FROM summary_rows
ORDER BY part DESC, metric, "weekStart"`;

export async function panelFigures(db: Database, q: PanelQuery): Promise<PanelFigures> {
  if (q.metrics.length === 0) return { weeks: [], summaries: [] };
  const rows = await db.queryNamed<Record<string, unknown>>(PANEL_FIGURES, pipelineParameters(q));
  const weeks: PanelWeek[] = [];
  const summaries: MetricSummary[] = [];
  for (const row of rows) {
    if (row.part === 'week') {
      const week = pick(row, WEEK_COLUMNS) as unknown as Omit<PanelWeek, 'missing'> & { missing: string | null };
      weeks.push({ ...week, missing: week.missing ? week.missing.split(',') : [] });
    } else summaries.push(pick(row, SUMMARY_COLUMNS) as unknown as MetricSummary);
  }
  return { weeks, summaries };
}

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[column];
  return picked;
}

/** Every week of the view range, per metric. */
export async function panelWeeks(db: Database, q: PanelQuery): Promise<PanelWeek[]> {
  return (await panelFigures(db, q)).weeks;
}

/** Per metric: the latest week in the view range against the baseline, and since when it is back at that level. */
export async function metricSummaries(db: Database, q: PanelQuery): Promise<MetricSummary[]> {
  return (await panelFigures(db, q)).summaries;
}
