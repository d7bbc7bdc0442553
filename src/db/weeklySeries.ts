/**
 * Rebuilds weekly_series from current_observations: every loaded week of each dataset for every
 * metric, with the derived totals and shares of src/domain/panels.ts. Runs when data changes
 * (inside the store's transaction), so a dashboard query only does the work its view needs.
 */
import type { SqlConnection } from './database';
import { DERIVED_METRICS } from '../domain/panels';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const DERIVED_ROWS = DERIVED_METRICS.flatMap((d) => d.components.map((c, i) => `(${literal(d.id)}, ${literal(d.kind)}, ${literal(c)}, ${i})`)).join(', ');

const REFRESH = [
  'DELETE FROM weekly_series',
  `INSERT INTO weekly_series
   WITH bounds AS (SELECT dataset, min(week_start) AS first_week, max(week_start) AS last_week FROM current_observations GROUP BY dataset),
   weeks AS (SELECT dataset, CAST(unnest(generate_series(first_week, last_week, INTERVAL 7 DAY)) AS DATE) AS week_start FROM bounds),
   present AS (SELECT DISTINCT dataset, metric FROM current_observations),
   base AS (
     SELECT w.dataset, p.metric, w.week_start, o.value, coalesce(o.revised, false) AS revised, o.file_name, o.line, o.export_date, o.sheet
     FROM weeks w JOIN present p USING (dataset)
     LEFT JOIN current_observations o ON o.dataset = w.dataset AND o.metric = p.metric AND o.week_start = w.week_start
   ),
   derived (metric, kind, component, position) AS (VALUES ${DERIVED_ROWS}),
   -- A total needs every component the data has that week; a component absent from the data altogether is left out.
   derived_series AS (
     SELECT b.dataset, d.metric, b.week_start,
            CASE WHEN count(b.value) < count(*) THEN NULL
                 WHEN any_value(d.kind) = 'sum' THEN sum(b.value)
                 ELSE 100 * sum(b.value) FILTER (WHERE d.position = 0) / nullif(sum(b.value), 0) END AS value,
            bool_or(b.revised) AS revised, NULL::VARCHAR, NULL::INTEGER, NULL::DATE, NULL::VARCHAR
     FROM derived d JOIN base b ON b.metric = d.component
     GROUP BY b.dataset, b.week_start, d.metric
   )
   SELECT * FROM base UNION ALL SELECT * FROM derived_series`,
];

export async function refreshWeeklySeries(sql: SqlConnection): Promise<void> {
  for (const statement of REFRESH) await sql.run(statement, []);
}
