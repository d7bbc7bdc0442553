/**
 * The statements that rebuild weekly_series from current_observations: every loaded week of each
 * dataset for every metric, with the derived totals and shares of src/domain/panels.ts. Run when
 * data changes (src/db/store.ts, inside its transaction), so a dashboard query only does the work
 * its view needs.
 */
import { DERIVED_METRICS } from '../domain/panels';
import { sqlString } from './sql';

const DERIVED_ROWS = DERIVED_METRICS.flatMap((d) => d.components.map((c, i) => `(${sqlString(d.id)}, ${sqlString(d.kind)}, ${sqlString(c)}, ${i})`)).join(', ');

/**
 * A derived figure's components without a value this week, in their order, comma-separated; NULL
 * when none lacks one. Written out per position (a derived figure has a few components), not as an
 * ordered string_agg: its sorting machinery would be DuckDB-WASM's to compile on a first visit, for
 * this alone.
 */
const MISSING_COMPONENTS = `nullif(concat_ws(',', ${Array.from({ length: Math.max(...DERIVED_METRICS.map((d) => d.components.length)) }, (_, i) => `any_value(d.component) FILTER (WHERE d.position = ${i} AND b.value IS NULL)`).join(', ')}), '')`;

export const WEEKLY_SERIES_REFRESH: readonly string[] = [
  'DELETE FROM weekly_series',
  `INSERT INTO weekly_series
   WITH bounds AS (SELECT dataset, min(week_start) AS first_week, max(week_start) AS last_week FROM current_observations GROUP BY dataset),
   weeks AS (SELECT dataset, CAST(unnest(generate_series(first_week, last_week, INTERVAL 7 DAY)) AS DATE) AS week_start FROM bounds),
   present AS (SELECT DISTINCT dataset, metric FROM current_observations),
   base AS (
     SELECT w.dataset, p.metric, w.week_start, o.value, coalesce(o.revised, false) AS revised, o.file_name, o.line, o.export_date, o.sheet,
            -- A week is complete once its Sunday is on or before the export date.
            coalesce(w.week_start + 6 > o.export_date, false) AS partial
     FROM weeks w JOIN present p USING (dataset)
     LEFT JOIN current_observations o ON o.dataset = w.dataset AND o.metric = p.metric AND o.week_start = w.week_start
   ),
   derived (metric, kind, component, position) AS (VALUES ${DERIVED_ROWS}),
   -- A derived figure is in the data when any of its components is; it has a value only in weeks where every component has one.
   derived_present AS (SELECT DISTINCT p.dataset, d.metric FROM present p JOIN derived d ON d.component = p.metric),
   derived_series AS (
     SELECT w.dataset, d.metric, w.week_start,
            CASE WHEN count(b.value) < count(*) THEN NULL
                 WHEN any_value(d.kind) = 'sum' THEN sum(b.value)
                 ELSE 100 * sum(b.value) FILTER (WHERE d.position = 0) / nullif(sum(b.value), 0) END AS value,
            coalesce(bool_or(b.revised), false), NULL::VARCHAR, NULL::INTEGER, NULL::DATE, NULL::VARCHAR,
            coalesce(bool_or(b.partial), false),
            ${MISSING_COMPONENTS},
            CASE WHEN any_value(d.kind) = 'share' AND count(b.value) = count(*) THEN sum(b.value) FILTER (WHERE d.position = 0) END,
            CASE WHEN any_value(d.kind) = 'share' AND count(b.value) = count(*) THEN sum(b.value) END
     FROM weeks w JOIN derived_present dp USING (dataset) JOIN derived d ON d.metric = dp.metric
     LEFT JOIN base b ON b.dataset = w.dataset AND b.week_start = w.week_start AND b.metric = d.component
     GROUP BY w.dataset, w.week_start, d.metric
   )
   SELECT *, NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE FROM base UNION ALL SELECT * FROM derived_series`,
];
