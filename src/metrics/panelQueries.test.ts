/**
 * Baselines, 4-week means, status and running totals against DuckDB, on small fixtures whose
 * answers were worked out by hand (in the comments).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import type { Database } from '../db/database';
import { parseExport } from '../ingest/parseExport';
import { storeExport } from '../db/store';
import { metricSummaries, panelFigures, panelWeeks, type PanelQuery } from './panelQueries';
import { type BaselineSpec } from '../domain/baseline';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const load = (name: string, text: string) => storeExport(db, 'user', parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 }));
  // Departures: a baseline window from 2020-W51 to 2021-W01, across 2020-W53.
  await load(
    'vertrek_2021-03-01.csv',
    'week;Aantoonbaar vertrek\n2020-W51;10\n2020-W52;20\n2020-W53;60\n2021-W01;40\n2021-W02;5\n2021-W03;10\n2021-W04;30\n2021-W05;32\n2021-W06;45\n2021-W07;33\n',
  );
  // Open nareis cases, a stock.
  await load(
    'nareis_2021-03-01.csv',
    'week;Openstaande nareisaanvragen\n2020-W50;100\n2020-W51;110\n2020-W52;120\n2020-W53;130\n2021-W01;150\n2021-W02;140\n2021-W03;135\n2021-W04;130\n2021-W05;125\n',
  );
  // Video hearings for the seasonal baseline: 2019 has no week 53.
  await load('tele_2021-03-01.csv', 'week;Telehoren\n2019-W51;90\n2019-W52;100\n2020-W10;10\n2020-W51;81\n2020-W52;80\n2020-W53;90\n');
  // Dublin transfers, with a missing week, for the running total.
  await load('dublin_2021-03-01.csv', 'week;Dublinoverdrachten\n2020-W26;0\n2020-W27;25\n2020-W28;26\n2020-W30;30\n');
  // Inflow components, one missing in one week.
  await load(
    'instroom_2021-03-01.csv',
    'week;Eerste asielaanvragen;Opvolgende aanvragen;Fysieke gehoren\n2020-W10;100;10;30\n2020-W11;200;;50\n',
  );
}, 30_000);

const window = (first: string, last: string, method: BaselineSpec['method'] = 'mean'): BaselineSpec => ({ first, last, method, referenceYear: 2019 });

function query(metrics: string[], baseline: BaselineSpec, extra: Partial<PanelQuery> = {}): PanelQuery {
  return { dataset: 'user', metrics, range: { first: null, last: null }, baseline, cumulativeFrom: '2020-06-29', cumulativeMetrics: [], ...extra };
}

describe('baseline of a flow', () => {
  // Window 2020-W51..2021-W01: 10, 20, 60, 40. Mean 32.5, median 30.
  const meanWindow = window('2020-12-14', '2021-01-04');

  it('is the mean of the window weeks, with the 10th-90th percentile band', async () => {
    const [summary] = await metricSummaries(db, query(['departures_total'], meanWindow));
    expect(summary).toMatchObject({ metric: 'departures_total', method: 'mean', kind: 'flow', baseline: 32.5, baselineWeeks: 4 });
    // quantile_cont over 10, 20, 40, 60: 10 + 0.3 * 10 = 13; 40 + 0.7 * 20 = 54.
    expect(summary.p10).toBeCloseTo(13, 10);
    expect(summary.p90).toBeCloseTo(54, 10);
  });

  it('gives each week its 4-week mean and % of baseline', async () => {
    const weeks = await panelWeeks(db, query(['departures_total'], meanWindow, { range: { first: '2020-12-14', last: '2021-02-15' } }));
    const w = (week: string) => weeks.find((r) => r.week === week)!;
    // 2021-W03: (60 + 40 + 5 + 10) / 4 = 28.75, 88.46% of 32.5; the week itself 10 / 32.5 = 30.77%.
    expect(w('2021-W03').mean4).toBe(28.75);
    expect(w('2021-W03').pct4).toBeCloseTo(88.4615, 3);
    expect(w('2021-W03').pct).toBeCloseTo(30.7692, 3);
    // The mean of the first week uses only the weeks there are.
    expect(w('2020-W51').mean4).toBe(10);
    expect(weeks.map((r) => r.week)).toEqual(['2020-W51', '2020-W52', '2020-W53', '2021-W01', '2021-W02', '2021-W03', '2021-W04', '2021-W05', '2021-W06', '2021-W07']);
  });

  it('is back at the level from the first week after which the 4-week mean stays at 95% or more', async () => {
    // 4-week means after the window: W02 31.25 (96.2%), W03 28.75, W04 21.25, W05 19.25, W06 29.25 (90.0%), W07 35 (107.7%).
    const [mean] = await metricSummaries(db, query(['departures_total'], meanWindow));
    expect(mean).toMatchObject({ latestWeek: '2021-W07', latestValue: 33, mean4: 35, backSince: '2021-W07' });
    // Against the median (30), W06's 29.25 is 97.5%: back one week earlier.
    const [median] = await metricSummaries(db, query(['departures_total'], window('2020-12-14', '2021-01-04', 'median')));
    expect(median).toMatchObject({ baseline: 30, method: 'median', backSince: '2021-W06' });
  });

  it('is not back when the latest weeks are below, and judges only up to the end of the view range', async () => {
    const [until] = await metricSummaries(db, query(['departures_total'], meanWindow, { range: { first: null, last: '2021-02-01' } }));
    expect(until).toMatchObject({ latestWeek: '2021-W05', mean4: 19.25, backSince: null });
    expect(until.pct4).toBeCloseTo(59.2308, 3);
  });
});

describe('baseline of a stock', () => {
  it('is the level at the end of the window, and back means at or below 105% of it', async () => {
    // Level at 2020-W53: 130. 4-week means: W01 127.5, W02 135 (103.8%), W03 138.75 (106.7%), W04 138.75, W05 132.5 (101.9%).
    const [summary] = await metricSummaries(db, query(['nareis_open'], window('2020-12-07', '2020-12-28')));
    expect(summary).toMatchObject({ kind: 'stock', baseline: 130, latestWeek: '2021-W05', mean4: 132.5, backSince: '2021-W05' });
  });
});

describe('seasonal baseline', () => {
  it('compares each week with the same ISO week of the reference year, and week 53 with week 52 where that year has none', async () => {
    const weeks = await panelWeeks(db, query(['hearings_tele'], window('2019-12-16', '2019-12-23', 'seasonal'), { range: { first: '2020-12-14', last: '2020-12-28' } }));
    expect(weeks.map((w) => [w.week, w.value, w.baseline, w.pct])).toEqual([
      ['2020-W51', 81, 90, 90],
      ['2020-W52', 80, 100, 80],
      ['2020-W53', 90, 100, 90],
    ]);
    const [summary] = await metricSummaries(db, query(['hearings_tele'], window('2019-12-16', '2019-12-23', 'seasonal'), { range: { first: '2020-12-14', last: '2020-12-28' } }));
    // The latest 4 weeks' reference weeks: (90 + 100 + 100) / 3; their own mean (81 + 80 + 90) / 3.
    expect(summary.method).toBe('seasonal');
    expect(summary.baseline).toBeCloseTo(290 / 3, 10);
    expect(summary.pct4).toBeCloseTo((251 / 290) * 100, 10);
    expect(summary.p10).toBeNull();
    expect(summary.baselineWeeks).toBe(2);
  });
});

describe('running totals and derived figures', () => {
  it('adds up from the week of the start date, skipping a missing week', async () => {
    const weeks = await panelWeeks(
      db,
      query(['dublin_transfers'], window('2020-06-22', '2020-06-22'), { cumulativeMetrics: ['dublin_transfers'], range: { first: '2020-06-22', last: '2020-07-20' } }),
    );
    expect(weeks.map((w) => [w.week, w.value, w.cumulative])).toEqual([
      ['2020-W26', 0, null],
      ['2020-W27', 25, 25],
      ['2020-W28', 26, 51],
      ['2020-W29', null, 51],
      ['2020-W30', 30, 81],
    ]);
  });

  it('gives no total in a week where a component is missing, also one absent from the data altogether', async () => {
    const weeks = await panelWeeks(db, query(['inflow_total', 'hearings_video_share'], window('2020-03-02', '2020-03-09'), { range: { first: '2020-03-02', last: '2020-12-14' } }));
    const inflow = weeks.filter((w) => w.metric === 'inflow_total' && w.week <= '2020-W11');
    // Arrived family members are not in the data at all: first + follow-up alone is not the inflow.
    expect(inflow.map((w) => [w.week, w.value, w.missing])).toEqual([
      ['2020-W10', null, ['nareis_arrivals']],
      ['2020-W11', null, ['asylum_followup', 'nareis_arrivals']],
    ]);
    const share = (week: string) => weeks.find((w) => w.metric === 'hearings_video_share' && w.week === week)!.value;
    // 2020-W10: 10 by video, 30 in person: 25%. 2020-W51 has video only, while in-person hearings are in the data: no share.
    expect(share('2020-W10')).toBe(25);
    expect(share('2020-W51')).toBeNull();
  });
});

describe('weeks and summaries together (panelFigures)', () => {
  it('are one statement, each part with its own columns, in the order each asked for alone', async () => {
    const sent: string[] = [];
    const counting = new Proxy(db, {
      get: (target, property, receiver) =>
        property === 'query' ? (sql: string, params?: readonly unknown[]) => (sent.push(sql), target.query(sql, params)) : Reflect.get(target, property, receiver),
    });
    const q = query(['departures_total', 'nareis_open'], window('2020-12-14', '2021-01-04'), { range: { first: '2020-12-14', last: '2021-01-11' } });
    const { weeks, summaries } = await panelFigures(counting, q);
    expect(sent).toHaveLength(1);
    // Weeks by metric, then week; no column of the other part (a summary's `kind`, a week's `line`) leaks in.
    expect(weeks.map((w) => `${w.metric} ${w.week}`)).toEqual(
      ['2020-W51', '2020-W52', '2020-W53', '2021-W01', '2021-W02'].flatMap((week) => [`departures_total ${week}`]).concat(['2020-W51', '2020-W52', '2020-W53', '2021-W01', '2021-W02'].map((week) => `nareis_open ${week}`)),
    );
    expect(Object.keys(weeks[0]).sort()).toEqual(['baseline', 'cumulative', 'exportDate', 'fileName', 'line', 'mean4', 'metric', 'missing', 'partial', 'pct', 'pct4', 'revised', 'sheet', 'value', 'week', 'weekStart']);
    expect(summaries.map((s) => [s.metric, s.kind, s.latestWeek])).toEqual([
      ['departures_total', 'flow', '2021-W02'],
      ['nareis_open', 'stock', '2021-W02'],
    ]);
    expect(Object.keys(summaries[0]).sort()).toEqual(
      ['backSince', 'baseline', 'baselineWeeks', 'kind', 'latestValue', 'latestWeek', 'mean4', 'method', 'metric', 'p10', 'p90', 'partialWeek', 'pct4', 'weeks4', 'windowWeeks'].sort(),
    );
  });
});
