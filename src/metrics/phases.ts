/**
 * Phases: named, inclusive ISO-week ranges a letter speaks of ("week 27 up to and including
 * week 37"). Per metric and phase, the weekly mean over the weeks with data, the total, how many
 * weeks had data out of the weeks in the range, the baseline and the mean as % of it, and the
 * exports behind them. The baseline is the dashboard's own (PIPELINE), so the two never differ.
 */
import type { Database } from '../db/database';
import { isoWeekMonday, parseIsoWeekLabel } from '../domain/isoWeek';
import { PIPELINE, pipelineParameters, SHARE_LIST, STOCK_LIST, type PanelQuery } from './panelQueries';
import { DERIVED_METRICS } from '../domain/panels';
import { phaseKey, type Phase, type PhaseFigure } from '../domain/phases';
import { DAY, ISO_WEEK, sqlString } from '../db/sql';

/** Each derived figure with the catalogue metrics it is made of; every other metric stands for itself. */
const COMPONENT_ROWS = DERIVED_METRICS.flatMap((d) => d.components.map((c) => `(${sqlString(d.id)}, ${sqlString(c)})`)).join(', ');
const SOURCE_SEPARATOR = '\u001f';

export async function phaseFigures(db: Database, query: PanelQuery, phases: readonly Phase[]): Promise<PhaseFigure[]> {
  if (query.metrics.length === 0 || phases.length === 0) return [];
  // A range asked for twice (a phase that is also the running total's range) is computed once: twice in the list would count its weeks twice.
  const phaseList = [...new Map(phases.map((p) => [phaseKey(p), p])).values()].map((p) => `${phaseKey(p)};${isoWeekMonday(parseIsoWeekLabel(p.from)!)};${isoWeekMonday(parseIsoWeekLabel(p.to)!)}`).join(',');
  const rows = await db.queryNamed<Omit<PhaseFigure, 'sources' | 'revisedWeeks'> & { sources: string | null; revisedWeeks: string | null }>(
    `${PIPELINE},
     phase_list AS (
       SELECT split_part(x, ';', 1) AS phase, CAST(split_part(x, ';', 2) AS DATE) AS first_week, CAST(split_part(x, ';', 3) AS DATE) AS last_week
       FROM (SELECT unnest(string_split($phases, ',')) AS x)
     ),
     phase_rows AS (
       SELECT m.metric, ph.*, CAST(date_diff('day', ph.first_week, ph.last_week) / 7 + 1 AS INTEGER) AS weeks_in_range
       FROM (SELECT DISTINCT metric FROM series) m CROSS JOIN phase_list ph
     ),
     figures AS (
       SELECT r.metric, r.phase, r.weeks_in_range, count(b.value) AS weeks_with_data,
              count(*) FILTER (WHERE b.partial) AS weeks_partial,
              count(*) FILTER (WHERE b.missing IS NOT NULL AND NOT b.partial) AS weeks_incomplete,
              -- A share over the phase: all of its part over all of its whole, in the weeks that have both.
              CASE WHEN r.metric IN (${SHARE_LIST}) THEN 100 * sum(b.part) / nullif(sum(b.whole), 0)
                   -- A stock over the baseline window is its baseline, the level at the window's end: one number everywhere.
                   WHEN r.metric IN (${STOCK_LIST}) AND any_value(p.method) <> 'seasonal' AND r.first_week = any_value(p.base_first) AND r.last_week = any_value(p.base_last)
                   THEN any_value(c.baseline)
                   ELSE avg(b.value) END AS mean,
              CASE WHEN r.metric NOT IN (${STOCK_LIST}, ${SHARE_LIST}) THEN sum(b.value) END AS total,
              max(b.week_start) FILTER (WHERE b.value IS NOT NULL) AS last_week,
              arg_max(b.value, b.week_start) FILTER (WHERE b.value IS NOT NULL) AS last_value,
              CASE WHEN any_value(p.method) <> 'seasonal' THEN any_value(c.baseline)
                   WHEN r.metric IN (${SHARE_LIST}) THEN 100 * sum(b.base_part) FILTER (WHERE b.value IS NOT NULL) / nullif(sum(b.base_whole) FILTER (WHERE b.value IS NOT NULL), 0)
                   ELSE avg(b.baseline) FILTER (WHERE b.value IS NOT NULL) END AS baseline
       FROM phase_rows r CROSS JOIN params p
       LEFT JOIN with_baseline b ON b.metric = r.metric AND b.week_start BETWEEN r.first_week AND r.last_week
       LEFT JOIN window_baseline c ON c.metric = r.metric
       GROUP BY r.metric, r.phase, r.weeks_in_range, r.first_week, r.last_week
     ),
     components (metric, component) AS (VALUES ${COMPONENT_ROWS}),
     sources AS (
       SELECT r.metric, r.phase,
              string_agg(DISTINCT s.file_name || '${SOURCE_SEPARATOR}' || ${DAY('s.export_date')}, '\n') AS sources,
              string_agg(DISTINCT CASE WHEN s.revised THEN ${ISO_WEEK('s.week_start')} END, ',') AS revised_weeks
       FROM phase_rows r
       JOIN (SELECT metric, component FROM components UNION ALL SELECT DISTINCT metric, metric FROM series) k ON k.metric = r.metric
       JOIN weekly_series s ON s.dataset = $dataset AND s.metric = k.component AND s.week_start BETWEEN r.first_week AND r.last_week AND s.file_name IS NOT NULL
       GROUP BY r.metric, r.phase
     )
     SELECT f.metric, f.phase, f.weeks_in_range AS "weeksInRange", CAST(f.weeks_with_data AS INTEGER) AS "weeksWithData",
            CAST(f.weeks_partial AS INTEGER) AS "weeksPartial", CAST(f.weeks_incomplete AS INTEGER) AS "weeksIncomplete", f.mean, f.total,
            ${ISO_WEEK('f.last_week')} AS "lastWeek", f.last_value AS "lastValue", f.baseline,
            100 * f.mean / nullif(f.baseline, 0) AS pct, s.sources, s.revised_weeks AS "revisedWeeks"
     FROM figures f LEFT JOIN sources s USING (metric, phase)
     ORDER BY f.metric, f.phase`,
    { ...pipelineParameters(query), phases: phaseList },
  );
  return rows.map((row) => ({
    ...row,
    revisedWeeks: (row.revisedWeeks ?? '').split(',').filter(Boolean).sort(),
    sources: (row.sources ?? '')
      .split('\n')
      .filter(Boolean)
      .map((entry) => {
        const [fileName, exportDate] = entry.split(SOURCE_SEPARATOR);
        return { fileName, exportDate };
      })
      .sort((a, b) => b.exportDate.localeCompare(a.exportDate) || a.fileName.localeCompare(b.fileName)),
  }));
}

