/**
 * Derived figures that mean what their label says, against DuckDB: the official asylum inflow,
 * no total or share without every component, shares over weeks as ratios of sums, baselines
 * that say how many weeks they rest on, and partial weeks shown but never counted.
 * Answers worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import type { Database } from '../db/database';
import { parseExport } from '../ingest/parseExport';
import { storeExport } from '../db/store';
import type { Dataset } from '../domain/dataset';
import type { BaselineSpec } from '../domain/baseline';
import { metricSummaries, panelWeeks, type PanelQuery } from './panelQueries';
import { phaseFigures } from './phases';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const load = (dataset: Dataset, name: string, text: string) => storeExport(db, dataset, parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 }));
  // The inflow's three parts and the nareis applications, which are not part of it; W11 has no arrivals.
  await load('user', 'instroom_2020-03-30.csv', 'week;Eerste asielaanvragen;Opvolgende aanvragen;Ingereisde nareizigers;Nareisaanvragen\n2020-W10;100;10;20;50\n2020-W11;200;20;;60\n');
  // Hearings with unequal weekly totals: shares 10%, 50%, 40%, 25%.
  await load('user', 'gehoren_2020-03-30.csv', 'week;Fysieke gehoren;Telehoren\n2020-W08;90;10\n2020-W09;10;10\n2020-W10;60;40\n2020-W11;30;10\n');
  // Exported on Wednesday 25 March 2020: week 13 (23-29 March) is not complete.
  await load('user', 'vertrek_2020-03-25.csv', 'week;Aantoonbaar vertrek\n2020-W10;100\n2020-W11;120\n2020-W12;140\n2020-W13;10\n');
  // Only video hearings: neither a total nor a share of hearings can be given.
  await load('sample', 'tele_2020-03-30.csv', 'week;Telehoren\n2020-W10;40\n2020-W11;30\n');
  // A stock whose mean over the baseline window (2413) differs from its level at the window's end (2339).
  await load('sample', 'nareis_2020-03-30.csv', 'week;Openstaande nareisaanvragen\n2020-W08;2500\n2020-W09;2400\n2020-W10;2339\n2020-W11;2600\n');
}, 30_000);

const spec = (first: string, last: string, method: BaselineSpec['method'] = 'mean'): BaselineSpec => ({ first, last, method, referenceYear: 2019 });
const query = (metrics: string[], baseline: BaselineSpec, dataset: Dataset = 'user'): PanelQuery => ({
  dataset, metrics, range: { first: null, last: null }, baseline, cumulativeFrom: '2020-06-29', cumulativeMetrics: [],
});
const week = (rows: Awaited<ReturnType<typeof panelWeeks>>, metric: string, label: string) => rows.find((r) => r.metric === metric && r.week === label)!;

describe('the asylum inflow', () => {
  it('is first + follow-up applications + family members who arrived, without nareis applications', async () => {
    const rows = await panelWeeks(db, query(['inflow_total'], spec('2020-03-02', '2020-03-09')));
    // W10: 100 + 10 + 20 = 130 (not 180 with the 50 applications).
    expect(week(rows, 'inflow_total', '2020-W10')).toMatchObject({ value: 130, missing: [] });
  });

  it('has no value in a week where a part has none, and says which part', async () => {
    const rows = await panelWeeks(db, query(['inflow_total'], spec('2020-03-02', '2020-03-09')));
    expect(week(rows, 'inflow_total', '2020-W11')).toMatchObject({ value: null, missing: ['nareis_arrivals'] });
  });

  it('gives a baseline over the weeks that have every part, and says how many of the window that is', async () => {
    // Window W01..W11: only W10 has all parts.
    const [summary] = await metricSummaries(db, query(['inflow_total'], spec('2019-12-30', '2020-03-09')));
    expect(summary).toMatchObject({ baseline: 130, baselineWeeks: 1, windowWeeks: 11, latestWeek: '2020-W10', weeks4: 1 });
  });

  it('counts the weeks a phase leaves out for a missing part', async () => {
    const [phase] = await phaseFigures(db, query(['inflow_total'], spec('2020-03-02', '2020-03-02')), [{ from: '2020-W10', to: '2020-W11', name: '' }]);
    expect(phase).toMatchObject({ weeksInRange: 2, weeksWithData: 1, weeksIncomplete: 1, mean: 130, total: 130 });
  });
});

describe('totals and shares need every component', () => {
  it('with only video hearings loaded, gives no share (not 100%) and no total, naming in-person hearings as missing', async () => {
    const rows = await panelWeeks(db, query(['hearings_total', 'hearings_video_share', 'hearings_tele'], spec('2020-03-02', '2020-03-09'), 'sample'));
    expect(week(rows, 'hearings_video_share', '2020-W10')).toMatchObject({ value: null, missing: ['hearings_physical'] });
    expect(week(rows, 'hearings_total', '2020-W10')).toMatchObject({ value: null, missing: ['hearings_physical'] });
    expect(week(rows, 'hearings_tele', '2020-W10')).toMatchObject({ value: 40, missing: [] });
    const summaries = await metricSummaries(db, query(['hearings_video_share'], spec('2020-03-02', '2020-03-09'), 'sample'));
    expect(summaries).toEqual([]);
  });
});

describe('a share over several weeks is the ratio of the sums', () => {
  it('in a phase: all video hearings over all hearings', async () => {
    const [phase] = await phaseFigures(db, query(['hearings_video_share'], spec('2020-02-17', '2020-02-24')), [{ from: '2020-W10', to: '2020-W11', name: '' }]);
    // (40 + 10) / (100 + 40) = 35.714%; the mean of the weekly shares would be 32.5%.
    expect(phase.mean).toBeCloseTo((100 * 50) / 140, 10);
    expect(phase.total).toBeNull();
    // Baseline W08..W09: (10 + 10) / (100 + 20) = 16.667%, not (10 + 50) / 2 = 30%.
    expect(phase.baseline).toBeCloseTo((100 * 20) / 120, 10);
  });

  it('in the baseline and the 4-week figure', async () => {
    const [summary] = await metricSummaries(db, query(['hearings_video_share'], spec('2020-02-17', '2020-02-24')));
    expect(summary.baseline).toBeCloseTo((100 * 20) / 120, 10);
    // W08..W11: (10 + 10 + 40 + 10) / (100 + 20 + 100 + 40) = 26.92%, not the mean of shares 31.25%.
    expect(summary.mean4).toBeCloseTo((100 * 70) / 260, 10);
    const rows = await panelWeeks(db, query(['hearings_video_share'], spec('2020-02-17', '2020-02-24')));
    expect(week(rows, 'hearings_video_share', '2020-W11').mean4).toBeCloseTo((100 * 70) / 260, 10);
  });
});

describe('a stock over the baseline window', () => {
  it('is the level at the end of the window in the phase table too, as in the baseline', async () => {
    const q = query(['nareis_open'], spec('2020-02-17', '2020-03-02'), 'sample');
    const [baselinePhase, later] = await phaseFigures(db, q, [{ from: '2020-W08', to: '2020-W10', name: '' }, { from: '2020-W11', to: '2020-W11', name: '' }]);
    expect(baselinePhase).toMatchObject({ mean: 2339, baseline: 2339, pct: 100 });
    expect(later).toMatchObject({ mean: 2600, baseline: 2339 });
    const [summary] = await metricSummaries(db, q);
    expect(summary.baseline).toBe(2339);
  });
});

describe('a week that ends after the export date', () => {
  it('is shown and marked partial, but left out of the latest week, the 4-week mean and the phases', async () => {
    const rows = await panelWeeks(db, query(['departures_total'], spec('2020-03-02', '2020-03-09')));
    expect(week(rows, 'departures_total', '2020-W13')).toMatchObject({ value: 10, partial: true, mean4: null, pct4: null });
    expect(week(rows, 'departures_total', '2020-W12')).toMatchObject({ value: 140, partial: false, mean4: 120 });
    const [summary] = await metricSummaries(db, query(['departures_total'], spec('2020-03-02', '2020-03-09')));
    // Latest complete week W12; 4-week mean (100 + 120 + 140) / 3 = 120.
    expect(summary).toMatchObject({ latestWeek: '2020-W12', latestValue: 140, mean4: 120, weeks4: 3, partialWeek: '2020-W13' });
    const [phase] = await phaseFigures(db, query(['departures_total'], spec('2020-03-02', '2020-03-09')), [{ from: '2020-W12', to: '2020-W13', name: '' }]);
    expect(phase).toMatchObject({ weeksWithData: 1, weeksPartial: 1, mean: 140, total: 140 });
  });
});
