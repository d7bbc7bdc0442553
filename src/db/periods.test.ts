/**
 * Monthly, quarterly and yearly figures in DuckDB: stored with their file and line, a later
 * release of a period wins (the earlier is history), each grain its own series (a year total is
 * never added to its months), dimension values their own series, baselines at the series' grain.
 */
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { emptyExport, type Observation, type ParsedExport, type PeriodObservation } from '../domain/parsedExport';
import { periodBaseline, periodFigures, periodHistory, periodMean, periodSeries } from '../metrics/periodQueries';
import { removeFile, storeExport, storeExports } from './store';

function release(name: string, date: string, periods: Partial<PeriodObservation>[], observations: Observation[] = []): ParsedExport {
  const periodObservations = periods.map((p, i) => ({ line: i + 2, metric: 'custom_cbs', dimensions: [], grain: 'month' as const, period: '2020-01', value: 0, ...p }));
  return {
    ...emptyExport(name, 100, { date, source: 'file_name' }),
    contentHash: name,
    dataLines: periodObservations.length + observations.length,
    rowsLoaded: periodObservations.length + observations.length,
    customMetrics: [{ id: 'custom_cbs', label: 'Eerste asielverzoeken (CBS)' }],
    periodObservations,
    observations,
  };
}

const months = (values: Record<string, number>) => Object.entries(values).map(([period, value]) => ({ period, value }));

describe('period figures in DuckDB', () => {
  it('keep file, line, flag, symbol and source', async () => {
    // A source as the public figures give it: the release where the figure was published.
    const CBS_RELEASE = 'CBS nieuws 2020/18, Minder asielzoekers en nareizigers in maart door corona';
    const db = await openTestDatabase();
    await storeExport(db, 'public', release('cbs_2020-05-01.csv', '2020-05-01', [
      { period: '2020-03', value: 1025, flag: 'provisional', source: CBS_RELEASE },
      { period: '2020-04', value: null, symbol: 'confidential' },
    ]));
    const rows = await db.query('SELECT file_name, line, period, value, symbol, flag, source, grain, series FROM current_periods ORDER BY period');
    expect(rows).toEqual([
      { file_name: 'cbs_2020-05-01.csv', line: 2, period: '2020-03', value: 1025, symbol: null, flag: 'provisional', source: CBS_RELEASE, grain: 'month', series: 'custom_cbs' },
      { file_name: 'cbs_2020-05-01.csv', line: 3, period: '2020-04', value: null, symbol: 'confidential', flag: null, source: null, grain: 'month', series: 'custom_cbs' },
    ]);
  }, 30_000);

  it('take the later release of a month; the earlier is history, whatever the load order', async () => {
    for (const order of [0, 1]) {
      const db = await openTestDatabase();
      const first = release('cbs_2020-04-15.csv', '2020-04-15', [{ period: '2020-03', value: 1030, flag: 'provisional' }]);
      const second = release('cbs_2020-05-15.csv', '2020-05-15', [{ period: '2020-03', value: 1025 }]);
      for (const r of order ? [second, first] : [first, second]) await storeExport(db, 'user', r);
      const [march] = await periodFigures(db, 'user', 'custom_cbs', 'month');
      expect(march).toMatchObject({ period: '2020-03', value: 1025, flag: null, revised: true, fileName: 'cbs_2020-05-15.csv' });
      const history = await periodHistory(db, 'user', 'custom_cbs', 'month', '2020-03');
      expect(history.map((h) => [h.fileName, h.value, h.inForce])).toEqual([
        ['cbs_2020-05-15.csv', 1025, true],
        ['cbs_2020-04-15.csv', 1030, false],
      ]);
    }
  }, 30_000);

  it('removing the later release puts the earlier back in force', async () => {
    const db = await openTestDatabase();
    await storeExport(db, 'user', release('a_2020-04-15.csv', '2020-04-15', [{ period: '2020-03', value: 1030 }]));
    const later = await storeExport(db, 'user', release('a_2020-05-15.csv', '2020-05-15', [{ period: '2020-03', value: 1025 }]));
    await removeFile(db, later);
    expect((await periodFigures(db, 'user', 'custom_cbs', 'month'))[0]).toMatchObject({ value: 1030, revised: false });
  }, 30_000);

  it('stay in force when weekly files are stored, which leave the period ranking alone (and are not ranked again)', async () => {
    const db = await openTestDatabase();
    await storeExport(db, 'user', release('a_2020-04-15.csv', '2020-04-15', [{ period: '2020-03', value: 1030 }]));
    await storeExport(db, 'user', release('a_2020-05-15.csv', '2020-05-15', [{ period: '2020-03', value: 1025 }]));
    // Weekly figures only, one with a later export date and a name that sorts after the period files.
    await storeExports(db, 'user', [
      { parsed: release('b_2020-06-15.csv', '2020-06-15', [], [{ line: 2, weekStart: '2020-03-02', metric: 'asylum_first', value: 40 }]), storeKey: null },
      { parsed: release('a_2020-05-15.csv', '2020-05-15', [], [{ line: 2, weekStart: '2020-03-09', metric: 'asylum_first', value: 41 }]), storeKey: null },
    ]);
    const rebuilt = await db.query('SELECT * EXCLUDE (version_rank) FROM period_versions WHERE version_rank = 1 ORDER BY file_id, line');
    expect(await db.query('SELECT * FROM current_periods ORDER BY file_id, line')).toEqual(rebuilt);
    expect((await periodFigures(db, 'user', 'custom_cbs', 'month'))[0]).toMatchObject({ value: 1025, revised: true, fileName: 'a_2020-05-15.csv' });
    expect(await db.query("SELECT count(*) AS n FROM current_observations WHERE dataset = 'user'")).toEqual([{ n: 2 }]);
  }, 30_000);

  it('never add a year total to its months: each grain is its own series', async () => {
    const db = await openTestDatabase();
    await storeExport(db, 'user', release('cbs_2020-02-01.csv', '2020-02-01', [
      ...months({ '2019-01': 1850, '2019-02': 1660 }),
      { period: '2019', grain: 'year', value: 22540 },
      { period: '2019-Q1', grain: 'quarter', value: 5380 },
    ]));
    const series = await periodSeries(db, 'user');
    expect(series.map((s) => [s.series, s.grain, s.periods])).toEqual([
      ['custom_cbs', 'month', 2],
      ['custom_cbs', 'quarter', 1],
      ['custom_cbs', 'year', 1],
    ]);
    const january = await periodMean(db, 'user', 'custom_cbs', 'month', { from: '2019-01', to: '2019-12' });
    // The months' mean knows nothing of the year total 22540.
    expect(january).toMatchObject({ mean: (1850 + 1660) / 2, periodsWithData: 2, periodsInRange: 12 });
    expect((await periodFigures(db, 'user', 'custom_cbs', 'year')).map((f) => f.value)).toEqual([22540]);
  }, 30_000);

  it('show a month without a figure as a gap, not a zero', async () => {
    const db = await openTestDatabase();
    await storeExport(db, 'user', release('cbs_2020-07-01.csv', '2020-07-01', months({ '2020-04': 275, '2020-06': 655 })));
    const figures = await periodFigures(db, 'user', 'custom_cbs', 'month');
    expect(figures.map((f) => [f.period, f.value, f.gap])).toEqual([
      ['2020-04', 275, false],
      ['2020-05', null, true],
      ['2020-06', 655, false],
    ]);
  }, 30_000);

  it('take the monthly baseline over 2019-03 to 2020-02, the quarterly over 2019', async () => {
    const db = await openTestDatabase();
    const year = months({ '2019-02': 9999, '2019-03': 1200, '2019-04': 1200, '2019-05': 1200, '2019-06': 1200, '2019-07': 1200, '2019-08': 1200,
      '2019-09': 1800, '2019-10': 1800, '2019-11': 1800, '2019-12': 1800, '2020-01': 1800, '2020-02': 1800, '2020-03': 100 });
    await storeExport(db, 'user', release('cbs_2020-04-01.csv', '2020-04-01', [
      ...year,
      ...['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'].map((period, i) => ({ period, grain: 'quarter' as const, value: 1000 * (i + 1) })),
    ]));
    expect(await periodBaseline(db, 'user', 'custom_cbs', 'month')).toMatchObject({ from: '2019-03', to: '2020-02', mean: 1500, periodsWithData: 12, periodsInRange: 12 });
    expect(await periodBaseline(db, 'user', 'custom_cbs', 'quarter')).toMatchObject({ mean: 2500, periodsWithData: 4, periodsInRange: 4 });
  }, 30_000);

  it('keep series split by dimensions apart from the total, for months and weeks', async () => {
    const db = await openTestDatabase();
    await storeExport(db, 'user', release('ind_2020-02-01.csv', '2020-02-01', [
      { period: '2020-01', value: 1970 },
      { period: '2020-01', value: 400, dimensions: ['Syrisch', 'Mannen'] },
    ], [
      { line: 10, weekStart: '2020-01-06', metric: 'asylum_first', value: 450 },
      { line: 11, weekStart: '2020-01-06', metric: 'asylum_first', value: 90, dimensions: ['Syrisch', 'Mannen'] },
    ]));
    const series = await periodSeries(db, 'user');
    // A dataset of weeks alone (the sample here has none at all) has no period series.
    expect(await periodSeries(db, 'sample')).toEqual([]);
    expect(series.map((s) => [s.series, s.dimensions])).toEqual([
      ['custom_cbs', []],
      ['custom_cbs|Syrisch|Mannen', ['Syrisch', 'Mannen']],
    ]);
    const weekly = await db.query('SELECT metric, value FROM weekly_series WHERE dataset = ? ORDER BY metric', ['user']);
    expect(weekly).toEqual([
      { metric: 'asylum_first', value: 450 },
      { metric: 'asylum_first|Syrisch|Mannen', value: 90 },
      // The total inflow adds whole metrics, never a split of one; its other parts are missing here.
      { metric: 'inflow_total', value: null },
    ]);
  }, 30_000);
});

describe('the dashboard reads every period series of a dataset at once', () => {
  it('with gaps, per grain, and means over the baseline and the phases', async () => {
    const { datasetPeriodFigures, datasetPeriodMeans } = await import('../metrics/periodQueries');
    const db = await openTestDatabase();
    await storeExport(db, 'public', release('cbs_2020-07-01.csv', '2020-07-01', [
      ...months({ '2020-03': 1025, '2020-04': 275, '2020-06': 655 }),
      { period: '2020', grain: 'year', value: 13720 },
    ]));
    const figures = await datasetPeriodFigures(db, 'public');
    expect(figures.map((f) => [f.grain, f.period, f.value])).toEqual([
      ['month', '2020-03', 1025], ['month', '2020-04', 275], ['month', '2020-05', null], ['month', '2020-06', 655], ['year', '2020', 13720],
    ]);
    const means = await datasetPeriodMeans(db, 'public', { month: [{ from: '2020-03', to: '2020-04' }, { from: '2020-05', to: '2020-06' }], year: [{ from: '2019', to: '2019' }] });
    const of = (grain: string, from: string) => means.find((m) => m.grain === grain && m.from === from);
    expect(of('month', '2020-03')).toMatchObject({ mean: 650, periodsWithData: 2, periodsInRange: 2 });
    expect(of('month', '2020-05')).toMatchObject({ mean: 655, periodsWithData: 1, periodsInRange: 2 });
    expect(of('year', '2019')).toMatchObject({ mean: null, periodsWithData: 0, periodsInRange: 1 });
  }, 30_000);
});

describe('a period that had not ended at the export', () => {
  it('is shown as partial and left out of every mean; a month ending on the export date is whole', async () => {
    const { datasetPeriodFigures, datasetPeriodMeans } = await import('../metrics/periodQueries');
    const db = await openTestDatabase();
    // Exported on the last day of February: February is whole, March so far is partial, and so is the year 2020.
    await storeExport(db, 'user', release('ind_2020-02-29.csv', '2020-02-29', [...months({ '2020-01': 1900, '2020-02': 1500 }), { period: '2020', grain: 'year', value: 3400 }]));
    await storeExport(db, 'user', release('ind_2020-03-15.csv', '2020-03-15', months({ '2020-03': 400 })));
    const figures = await datasetPeriodFigures(db, 'user');
    expect(figures.map((f) => [f.grain, f.period, f.value, f.partial])).toEqual([
      ['month', '2020-01', 1900, false], ['month', '2020-02', 1500, false], ['month', '2020-03', 400, true], ['year', '2020', 3400, true],
    ]);
    const quarter = await periodMean(db, 'user', 'custom_cbs', 'month', { from: '2020-01', to: '2020-03' });
    expect(quarter).toMatchObject({ mean: 1700, periodsWithData: 2, periodsPartial: 1, periodsInRange: 3, sources: ['ind_2020-02-29.csv'] });
    const means = await datasetPeriodMeans(db, 'user', { month: [{ from: '2020-03', to: '2020-03' }], year: [{ from: '2020', to: '2020' }] });
    expect(means.map((m) => [m.grain, m.mean, m.periodsWithData, m.periodsPartial])).toEqual(expect.arrayContaining([['month', null, 0, 1], ['year', null, 0, 1]]));
    // A later export after March ended makes it whole.
    await storeExport(db, 'user', release('ind_2020-04-06.csv', '2020-04-06', months({ '2020-03': 1025 })));
    expect((await periodMean(db, 'user', 'custom_cbs', 'month', { from: '2020-01', to: '2020-03' })).mean).toBeCloseTo((1900 + 1500 + 1025) / 3);
  }, 30_000);
});

