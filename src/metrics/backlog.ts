/**
 * The backlog: its stock reconciled with its flows, the wait by Little's law, the age of open
 * cases, and a projection with the decisions per week it takes to reach a target. From weekly
 * exports (open nareis applications with their applications and decisions) or from case-level
 * exports (src/db/caseStore.ts), where the stock is counted case by case.
 */
import { CASE_FILES, CURRENT_CASE_FILES, currentCaseFiles, newestCaseOnly, readCaseGroups } from '../db/caseStore';
import { runNamed, type Database } from '../db/database';
import type { Dataset } from '../domain/dataset';
import { DAY, ISO_WEEK, sqlList, sqlString } from '../db/sql';
import type { BacklogMode, BacklogSource, BacklogSummary, BreakdownBy } from '../domain/backlog';


/** The stock the backlog panel follows in weekly exports, and its flows. */
export const WEEKLY_BACKLOG = { stock: 'nareis_open', inflow: 'nareis_applications', outflow: 'nareis_decisions' } as const;

/** Metric ids of the backlog table: part of the acceptance tests' contract. */
export const BACKLOG_METRICS = [
  'applications',
  'decisions',
  'net_change',
  'open_reported',
  'open_implied',
  'open_difference',
  'wait_weeks_estimate',
  'open_age_0_3',
  'open_age_3_6',
  'open_age_6_9',
  'open_age_9_plus',
  'open_past_term',
  'projection_open',
  'projection_low',
  'projection_high',
] as const;
export type BacklogMetric = (typeof BACKLOG_METRICS)[number];


export interface BacklogQuery {
  dataset: Dataset;
  source: BacklogSource;
  /** Mondays; null for the first or last week with data. */
  range: { first: string | null; last: string | null };
  /** Mondays of the baseline window: its wait is the pre-COVID wait, its last stock the pre-COVID stock. */
  baseline: { first: string; last: string };
  /** Weeks in the trailing means (Little's law, projection rates). */
  trailingWeeks: number;
  /** The legal decision period in months: open cases at least this old are past it. */
  termMonths: number;
}

export interface BacklogWeek {
  week: string;
  weekStart: string;
  applications: number | null;
  decisions: number | null;
  netChange: number | null;
  openReported: number | null;
  openImplied: number | null;
  /** Reported minus implied, where both are there. */
  openDifference: number | null;
  waitWeeksEstimate: number | null;
  openAge0_3: number | null;
  openAge3_6: number | null;
  openAge6_9: number | null;
  openAge9Plus: number | null;
  openPastTerm: number | null;
  /** The week ends after the export date: shown, not counted in the trailing rates. */
  partial: boolean;
}


const whole = (n: number, fallback: number) => (Number.isInteger(n) && n > 0 && n < 1000 ? n : fallback);

/** The weekly flows and stock of the chosen source, one row per week from the first to the last with data. */
function weeklyFlows(source: BacklogSource): string {
  if (source === 'cases') {
    return `
raw AS (
  SELECT g.week_start, coalesce(i.n, 0) AS applications, coalesce(o.n, 0) AS decisions, CAST(NULL AS DOUBLE) AS reported,
         -- The week of the export date is complete only if the export was made on its Sunday or later.
         g.week_start + 6 > (SELECT max(export_date) FROM files WHERE file_id IN (${currentCaseFiles('(SELECT dataset FROM params)')})) AS partial
  FROM (SELECT CAST(unnest(generate_series(min(date_trunc('week', received)), max(greatest(date_trunc('week', received), coalesce(decided_week, date_trunc('week', received)))), INTERVAL 7 DAY)) AS DATE) AS week_start
        FROM case_groups WHERE dataset = (SELECT dataset FROM params)) g
  LEFT JOIN (SELECT CAST(date_trunc('week', received) AS DATE) AS week_start, CAST(sum(cases) AS DOUBLE) AS n FROM case_groups WHERE dataset = (SELECT dataset FROM params) GROUP BY 1) i USING (week_start)
  LEFT JOIN (SELECT decided_week AS week_start, CAST(sum(cases) AS DOUBLE) AS n FROM case_groups WHERE dataset = (SELECT dataset FROM params) AND decided_week IS NOT NULL GROUP BY 1) o USING (week_start)
)`;
  }
  return `
raw AS (
  SELECT week_start,
         max(value) FILTER (WHERE metric = ${sqlString(WEEKLY_BACKLOG.inflow)}) AS applications,
         max(value) FILTER (WHERE metric = ${sqlString(WEEKLY_BACKLOG.outflow)}) AS decisions,
         max(value) FILTER (WHERE metric = ${sqlString(WEEKLY_BACKLOG.stock)}) AS reported,
         bool_or(partial) AS partial
  FROM weekly_series
  WHERE dataset = (SELECT dataset FROM params) AND metric IN (${sqlList(Object.values(WEEKLY_BACKLOG))})
  GROUP BY week_start
)`;
}

/**
 * The backlog's CTEs. `complete`: a case-level export lists the cases open at its start and those
 * received since; cases decided before its start are not in it. Before its first week with a
 * decision it does not cover the weeks, and its stock there is a ramp from zero, not the stock:
 * the weeks shown, the latest week and the baseline start at that week (flows and cumulative
 * stock still count every case).
 */
function pipeline(q: BacklogQuery): string {
  const trailing = whole(q.trailingWeeks, 8);
  return `
WITH params AS (
  SELECT CAST($dataset AS VARCHAR) AS dataset, CAST($range_first AS DATE) AS range_first, CAST($range_last AS DATE) AS range_last,
         CAST($base_first AS DATE) AS base_first, CAST($base_last AS DATE) AS base_last
),
${weeklyFlows(q.source)},
flowed AS (
  SELECT *, applications - decisions AS net,
         sum(coalesce(applications - decisions, 0)) OVER upto AS cum,
         -- Weeks with a flow missing, so far: an implied stock may not bridge one.
         sum(CASE WHEN applications IS NULL OR decisions IS NULL THEN 1 ELSE 0 END) OVER upto AS gaps,
         max(CASE WHEN reported IS NOT NULL THEN week_start END) OVER (ORDER BY week_start ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS anchor
  FROM raw WINDOW upto AS (ORDER BY week_start ROWS UNBOUNDED PRECEDING)
),
first_reported AS (SELECT min(week_start) AS week_start FROM raw WHERE reported IS NOT NULL),
implied AS (
  SELECT f.*,
         CASE WHEN ${q.source === 'cases'} THEN f.cum
              -- The first reported stock is where the implied one starts.
              WHEN f.week_start = fr.week_start THEN f.reported
              -- From the last reported stock before this week, plus the flows since.
              WHEN a.week_start IS NOT NULL AND a.gaps = f.gaps THEN a.reported + f.cum - a.cum
              -- Before the first reported stock: back from it.
              WHEN a.week_start IS NULL AND f.week_start < fr.week_start AND r0.gaps = f.gaps THEN r0.reported - (r0.cum - f.cum)
         END AS open_implied
  FROM flowed f
  LEFT JOIN flowed a ON a.week_start = f.anchor
  CROSS JOIN first_reported fr
  LEFT JOIN flowed r0 ON r0.week_start = fr.week_start
),
changed AS (
  SELECT i.*, coalesce(i.reported, i.open_implied) AS open, i.reported - i.open_implied AS difference,
         -- Without flows, the net change is the difference of the reported stock.
         coalesce(i.net, i.reported - lag(i.reported) OVER (ORDER BY i.week_start)) AS net_change
  FROM implied i
),
judged AS (
  -- A partial week's flows are not yet whole: left out of the trailing rates.
  SELECT c.*, avg(CASE WHEN NOT c.partial THEN c.decisions END) OVER recent AS decisions_rate,
         avg(CASE WHEN NOT c.partial THEN c.applications END) OVER recent AS applications_rate,
         stddev_samp(CASE WHEN NOT c.partial THEN c.net_change END) OVER recent AS net_sd
  FROM changed c
  WINDOW recent AS (ORDER BY c.week_start ROWS BETWEEN ${trailing - 1} PRECEDING AND CURRENT ROW)
),
waited AS (SELECT *, open / nullif(decisions_rate, 0) AS wait_weeks FROM judged),
complete AS (
  SELECT coalesce(${q.source === 'cases' ? '(SELECT min(decided_week) FROM case_groups WHERE dataset = (SELECT dataset FROM params))' : 'NULL'}, min(week_start)) AS complete_from FROM raw
),
bounds AS (
  SELECT greatest(coalesce(p.range_first, min(w.week_start)), c.complete_from) AS view_first, coalesce(p.range_last, max(w.week_start)) AS view_last
  FROM waited w CROSS JOIN params p CROSS JOIN complete c GROUP BY p.range_first, p.range_last, c.complete_from
)`;
}

function parameters(q: BacklogQuery): Record<string, unknown> {
  return { dataset: q.dataset, range_first: q.range.first, range_last: q.range.last, base_first: q.baseline.first, base_last: q.baseline.last };
}

/** Every week of the view range with the flows, both stocks, the wait and (cases) the ages. */
export async function backlogWeeks(db: Database, q: BacklogQuery): Promise<BacklogWeek[]> {
  const term = whole(q.termMonths, 6);
  const ages =
    q.source === 'cases'
      ? `,
ages AS (
  SELECT week_start,
         sum(cases) FILTER (WHERE age < 3) AS age_0_3, sum(cases) FILTER (WHERE age >= 3 AND age < 6) AS age_3_6,
         sum(cases) FILTER (WHERE age >= 6 AND age < 9) AS age_6_9, sum(cases) FILTER (WHERE age >= 9) AS age_9_plus,
         sum(cases) FILTER (WHERE age >= ${term}) AS past_term
  FROM (
    -- Open at the end of the week (Sunday): received on or before it, not decided on or before it.
    -- Age in whole calendar months: received 31 January is 1 month old from 28 or 29 February.
    SELECT w.week_start, g.cases,
           date_diff('month', g.received, w.week_start + 6) - CASE WHEN g.received + to_months(date_diff('month', g.received, w.week_start + 6)) > w.week_start + 6 THEN 1 ELSE 0 END AS age
    FROM (SELECT week_start FROM waited, bounds WHERE week_start BETWEEN view_first AND view_last) w
    -- Two plain inequalities (an open case's decision week as far in the future), so DuckDB can
    -- answer with an inequality join instead of trying every group against every week.
    JOIN case_groups g ON g.dataset = (SELECT dataset FROM params) AND g.received <= w.week_start + 6 AND coalesce(g.decided_week, DATE '9999-12-27') > w.week_start
  )
  GROUP BY week_start
)`
      : `,
ages AS (SELECT CAST(NULL AS DATE) AS week_start, NULL::DOUBLE AS age_0_3, NULL::DOUBLE AS age_3_6, NULL::DOUBLE AS age_6_9, NULL::DOUBLE AS age_9_plus, NULL::DOUBLE AS past_term WHERE false)`;
  const zeroWhenCases = (column: string) => (q.source === 'cases' ? `CAST(coalesce(a.${column}, 0) AS DOUBLE)` : `a.${column}`);
  return readCaseGroups(db, q.dataset, (sql) =>
    runNamed<BacklogWeek>(
      sql,
      `${pipeline(q)}${ages}
     SELECT ${ISO_WEEK('w.week_start')} AS week, ${DAY('w.week_start')} AS "weekStart", w.applications, w.decisions, w.net_change AS "netChange",
            w.reported AS "openReported", w.open_implied AS "openImplied", w.difference AS "openDifference", w.wait_weeks AS "waitWeeksEstimate",
            ${zeroWhenCases('age_0_3')} AS "openAge0_3", ${zeroWhenCases('age_3_6')} AS "openAge3_6", ${zeroWhenCases('age_6_9')} AS "openAge6_9",
            ${zeroWhenCases('age_9_plus')} AS "openAge9Plus", ${zeroWhenCases('past_term')} AS "openPastTerm", coalesce(w.partial, false) AS partial
     FROM waited w CROSS JOIN bounds b LEFT JOIN ages a USING (week_start)
     WHERE w.week_start BETWEEN b.view_first AND b.view_last
     ORDER BY w.week_start`,
      parameters(q),
    ),
  );
}

/** The state at the latest week of the view range, the rates behind the projection, and the baselines. */
export async function backlogSummary(db: Database, q: BacklogQuery): Promise<BacklogSummary> {
  const [row] = await readCaseGroups(db, q.dataset, (sql) =>
    runNamed<Omit<BacklogSummary, 'mode'> & { reportedWeeks: number; flowWeeks: number }>(
      sql,
      `${pipeline(q)},
     latest AS (SELECT max(week_start) FILTER (WHERE (open IS NOT NULL OR net_change IS NOT NULL) AND NOT partial) AS week_start FROM waited, bounds WHERE week_start BETWEEN view_first AND view_last)
     SELECT ${ISO_WEEK('l.week_start')} AS "latestWeek", ${DAY('l.week_start')} AS "latestWeekStart", w.open, w.applications_rate AS "applicationsRate",
            w.decisions_rate AS "decisionsRate", w.net_sd AS "netChangeSd", w.wait_weeks AS "waitWeeks",
            (SELECT avg(wait_weeks) FROM waited, params, complete WHERE week_start BETWEEN greatest(base_first, complete_from) AND base_last) AS "waitBaseline",
            (SELECT arg_max(open, week_start) FILTER (WHERE open IS NOT NULL) FROM waited, params, complete WHERE week_start BETWEEN complete_from AND base_last) AS "openBaseline",
            (SELECT ${ISO_WEEK('complete_from')} FROM complete WHERE complete_from > (SELECT min(week_start) FROM raw)) AS "completeFrom",
            CAST((SELECT count(*) FROM waited, bounds WHERE difference <> 0 AND week_start BETWEEN view_first AND view_last) AS INTEGER) AS "weeksDiffering",
            (SELECT ${ISO_WEEK('max(week_start)')} FROM waited, bounds WHERE partial AND week_start BETWEEN view_first AND view_last) AS "partialWeek",
            CAST((SELECT count(reported) FROM raw) AS INTEGER) AS "reportedWeeks",
            CAST((SELECT count(*) FROM raw WHERE applications IS NOT NULL AND decisions IS NOT NULL) AS INTEGER) AS "flowWeeks"
     FROM latest l LEFT JOIN waited w ON w.week_start = l.week_start`,
      parameters(q),
    ),
  );
  const empty: BacklogSummary = { mode: 'none', latestWeek: null, latestWeekStart: null, open: null, applicationsRate: null, decisionsRate: null, netChangeSd: null, waitWeeks: null, waitBaseline: null, openBaseline: null, weeksDiffering: 0, partialWeek: null, completeFrom: null };
  if (!row) return empty;
  const { reportedWeeks, flowWeeks, ...summary } = row;
  const mode: BacklogMode =
    q.source === 'cases'
      ? 'cases'
      : flowWeeks > 0 && reportedWeeks > 1
        ? 'reconciled'
        : flowWeeks > 0 && reportedWeeks === 1
          ? 'stock_from_flows'
          : reportedWeeks > 0
            ? 'flow_from_stock'
            : flowWeeks > 0
              ? 'flows_only'
              : 'none';
  return { ...summary, mode };
}

export interface BacklogFile {
  name: string;
  exportDate: string;
  /** A case-level export: the scope it is a snapshot of (a region, a desk), what the backlog's title names. */
  scope?: string;
}

/**
 * The exports the backlog of `source` is computed from, newest first: for weekly data the files
 * whose values of the stock or its flows are in force; for cases, the case-level exports in force.
 */
export async function backlogFiles(db: Database, dataset: Dataset, source: BacklogSource): Promise<BacklogFile[]> {
  const sql =
    source === 'cases'
      ? `SELECT DISTINCT f.name, ${DAY('f.export_date')} AS "exportDate", s.scope FROM files f JOIN case_scopes s USING (file_id) WHERE f.file_id IN (${CURRENT_CASE_FILES})`
      : `SELECT DISTINCT file_name AS name, ${DAY('export_date')} AS "exportDate" FROM current_observations
         WHERE dataset = ? AND metric IN (${sqlList(Object.values(WEEKLY_BACKLOG))})`;
  const rows = await db.query<BacklogFile>(sql, [dataset]);
  return rows.sort((a, b) => b.exportDate.localeCompare(a.exportDate) || a.name.localeCompare(b.name));
}

/** Which sources the dataset has. */
export async function backlogSources(db: Database, dataset: Dataset): Promise<BacklogSource[]> {
  const [row] = (await readCaseGroups(db, dataset, (sql) =>
    sql.run(
      `SELECT CAST((SELECT count(*) FROM case_groups WHERE dataset = ?) AS INTEGER) AS cases,
              CAST((SELECT count(*) FROM current_observations WHERE dataset = ? AND metric IN (${sqlList(Object.values(WEEKLY_BACKLOG))})) AS INTEGER) AS weekly`,
      [dataset, dataset],
    ),
  )) as { cases: number; weekly: number }[];
  return [...(row.cases > 0 ? (['cases'] as const) : []), ...(row.weekly > 0 ? (['weekly'] as const) : [])];
}


export interface BreakdownRow {
  group: string | null;
  open: number;
  received: number;
  decided: number;
}

/**
 * Open cases at the end of `week` per nationality or hearing type, with those received and
 * decided in the trailing weeks up to it. Case-level data only; the newest export of a case wins.
 */
export async function backlogBreakdown(db: Database, dataset: Dataset, by: BreakdownBy, weekStart: string, trailingWeeks: number): Promise<BreakdownRow[]> {
  const trailing = whole(trailingWeeks, 8);
  const [{ files }] = await db.query<{ files: number }>(CASE_FILES, [dataset]);
  return db.query<BreakdownRow>(
    `WITH c AS (
       SELECT c.${by} AS grp, c.received, c.decided FROM cases c JOIN files f USING (file_id) WHERE c.file_id IN (${CURRENT_CASE_FILES})
       ${newestCaseOnly(files)}
     ),
     w AS (SELECT CAST(? AS DATE) + 6 AS sunday, CAST(? AS DATE) - ${(trailing - 1) * 7} AS first_monday)
     SELECT grp AS "group",
            CAST(count(*) FILTER (WHERE received <= sunday AND (decided IS NULL OR decided > sunday)) AS DOUBLE) AS open,
            CAST(count(*) FILTER (WHERE received BETWEEN first_monday AND sunday) AS DOUBLE) AS received,
            CAST(count(*) FILTER (WHERE decided BETWEEN first_monday AND sunday) AS DOUBLE) AS decided
     FROM c CROSS JOIN w GROUP BY grp HAVING count(*) FILTER (WHERE received <= sunday) > 0 ORDER BY open DESC, grp`,
    [dataset, weekStart, weekStart],
  );
}
