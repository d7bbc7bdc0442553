/** Phase means, totals and gap counts against DuckDB, on fixtures worked out by hand (in the comments). */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import type { Database } from '../db/database';
import { parseExport } from '../ingest/parseExport';
import { storeExport } from '../db/store';
import type { PanelQuery } from './panelQueries';
import type { BaselineSpec } from '../domain/baseline';
import { phaseFigures } from './phases';
import { type Phase } from '../domain/phases';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const load = (name: string, text: string) => storeExport(db, 'user', parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 }));
  // Departures with forced part; 2020-W52 missing; the phase 2020-W51..2021-W02 spans 2020-W53.
  await load(
    'vertrek_2021-02-01.csv',
    'week;Aantoonbaar vertrek;waarvan gedwongen\n2020-W48;100;50\n2020-W49;120;60\n2020-W50;140;70\n2020-W51;40;20\n2020-W53;20;10\n2021-W01;60;30\n2021-W02;80;40\n',
  );
  // An older export of W51 that the newer one revises; it must show up among the sources.
  await load('vertrek_2021-01-10.csv', 'week;Aantoonbaar vertrek;waarvan gedwongen\n2020-W51;35;15\n');
  // A stock, and two hearing series for a derived total and share.
  await load('nareis_2021-02-01.csv', 'week;Openstaande nareisaanvragen;Fysieke gehoren;Telehoren\n2020-W50;1000;30;10\n2020-W51;1100;20;20\n2020-W53;1300;10;30\n2021-W01;1350;;40\n');
}, 30_000);

const baseline = (first: string, last: string, method: BaselineSpec['method'] = 'mean', referenceYear = 2020): BaselineSpec => ({ first, last, method, referenceYear });
const query = (metrics: string[], spec: BaselineSpec): PanelQuery => ({ dataset: 'user', metrics, range: { first: null, last: null }, baseline: spec, cumulativeFrom: '2020-06-29', cumulativeMetrics: [] });
const crisis: Phase = { from: '2020-W51', to: '2021-W02', name: 'winter' };
const before = baseline('2020-11-23', '2020-12-07'); // 2020-W48..W50

describe('phase figures', () => {
  it('averages over the weeks with data and counts the gap, across week 53', async () => {
    const rows = await phaseFigures(db, query(['departures_total', 'departures_forced'], before), [crisis]);
    const total = rows.find((r) => r.metric === 'departures_total')!;
    // W51 40, W52 missing, W53 20, W01 60, W02 80: 5 weeks in range, 4 with data, total 200, mean 50.
    // Baseline (W48..W50): (100 + 120 + 140) / 3 = 120; 50 / 120 = 41.67%.
    expect(total).toMatchObject({ phase: '2020-W51/2021-W02', weeksInRange: 5, weeksWithData: 4, mean: 50, total: 200, baseline: 120, lastWeek: '2021-W02', lastValue: 80 });
    expect(total.pct).toBeCloseTo(41.6667, 3);
    const forced = rows.find((r) => r.metric === 'departures_forced')!;
    expect(forced).toMatchObject({ mean: 25, total: 100, baseline: 60 });
  });

  it('names the exports behind the figure, newest first, the revised one included', async () => {
    const [total] = await phaseFigures(db, query(['departures_total'], before), [crisis]);
    // Only the newest export is in force for W51, so only it is named.
    expect(total.sources).toEqual([{ fileName: 'vertrek_2021-02-01.csv', exportDate: '2021-02-01' }]);
    // W51 is flagged: the older export gave 35 where the newer gives 40.
    expect(total.revisedWeeks).toEqual(['2020-W51']);
    const [other] = await phaseFigures(db, query(['departures_total'], before), [{ from: '2020-W48', to: '2020-W50', name: '' }]);
    expect(other.revisedWeeks).toEqual([]);
  });

  it('computes a range asked for twice once, without counting its weeks twice', async () => {
    const rows = await phaseFigures(db, query(['departures_total'], before), [crisis, { ...crisis, name: '' }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ weeksWithData: 4, total: 200, mean: 50 });
  });

  it('gives a phase outside the loaded weeks no figures, but its weeks in range', async () => {
    const [row] = await phaseFigures(db, query(['departures_total'], before), [{ from: '2019-W01', to: '2019-W10', name: '' }]);
    expect(row).toMatchObject({ weeksInRange: 10, weeksWithData: 0, mean: null, total: null, lastWeek: null, pct: null, sources: [] });
  });

  it('gives a stock its mean level and level at the end, but no total; its baseline is the level at the end of the window', async () => {
    const [row] = await phaseFigures(db, query(['nareis_open'], baseline('2020-12-07', '2020-12-07')), [crisis]);
    // W51 1100, W53 1300, W01 1350 (W52, W02 missing): mean 1250; baseline: level in W50, 1000.
    expect(row).toMatchObject({ weeksInRange: 5, weeksWithData: 3, mean: 1250, total: null, lastWeek: '2021-W01', lastValue: 1350, baseline: 1000, pct: 125 });
  });

  it('derives totals and shares per week first, and names the components\' exports', async () => {
    const rows = await phaseFigures(db, query(['hearings_total', 'hearings_video_share'], before), [crisis]);
    const total = rows.find((r) => r.metric === 'hearings_total')!;
    // Hearings totals: W51 40, W53 40; W01 has video only, so no total. Mean 40, total 80.
    expect(total).toMatchObject({ weeksWithData: 2, mean: 40, total: 80 });
    expect(total.sources).toEqual([{ fileName: 'nareis_2021-02-01.csv', exportDate: '2021-02-01' }]);
    const share = rows.find((r) => r.metric === 'hearings_video_share')!;
    // Shares 50% and 75%: mean 62.5, never added up.
    expect(share).toMatchObject({ weeksWithData: 2, mean: 62.5, total: null });
  });

  it('compares with the same weeks of the reference year under a seasonal baseline', async () => {
    const seasonal = baseline('2020-11-23', '2020-12-07', 'seasonal', 2020);
    const [row] = await phaseFigures(db, query(['departures_total'], seasonal), [{ from: '2021-W01', to: '2021-W02', name: '' }]);
    // 2021-W01 (60) against 2020-W01 and 2021-W02 (80) against 2020-W02: not in the data, so no baseline.
    expect(row).toMatchObject({ mean: 70, baseline: null, pct: null });
    const [own] = await phaseFigures(db, query(['departures_total'], seasonal), [{ from: '2020-W50', to: '2020-W51', name: '' }]);
    // Against itself (reference year 2020): 100%.
    expect(own).toMatchObject({ mean: 90, baseline: 90, pct: 100 });
  });
});
