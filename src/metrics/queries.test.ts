import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import type { Database } from '../db/database';
import { parseExport } from '../ingest/parseExport';
import { removeDataset, removeFile, storeExport } from '../db/store';
import { type Dataset } from '../domain/dataset';
import { panelWeeks } from './panelQueries';
import { fileColumns, fileCount, fileReports, lineReportPage, loadedWeekRange, metricsInData, observationHistory } from './queries';

let db: Database;

async function load(dataset: Dataset, name: string, text: string): Promise<number> {
  return storeExport(db, dataset, parseExport({ name, bytes: new TextEncoder().encode(text), lastModified: 0 }));
}

/** The value in force per week, as the dashboard reads it. */
function weeklyValues(db: Database, dataset: Dataset, metrics: string[], range?: { first: string; last: string }) {
  const baseline = { first: '2020-01-06', last: '2020-01-06', method: 'mean' as const, referenceYear: 2019 };
  return panelWeeks(db, { dataset, metrics, range: range ?? { first: null, last: null }, baseline, cumulativeFrom: '2020-01-06', cumulativeMetrics: [] });
}

const cells = (rows: Awaited<ReturnType<typeof weeklyValues>>) => rows.map((r) => `${r.week} ${r.metric}=${r.value}${r.revised ? ' revised' : ''}`);

beforeAll(async () => {
  db = await openTestDatabase();
  // Loaded newest first on purpose: the export date, not the load order, decides.
  await load('user', 'gehoren_2021-01-11.csv', 'week;Telehoren;Gehoren fysiek\n2020-W52;30;100\n2020-W53;31;101\n2021-W01;33;\n');
  await load('user', 'gehoren_2020-12-31.csv', 'week;Telehoren;Gehoren fysiek\n2020-W51;20;90\n2020-W52;29;100\n2020-W53;bad;1\n');
  await load('sample', 'voorbeeld_2021-01-11.csv', 'week;Telehoren\n2020-W52;999\n');
}, 30_000);

describe('current values', () => {
  it('takes each week from the newest export, marks revisions, and lists weeks without data as missing', async () => {
    const rows = await weeklyValues(db, 'user', ['hearings_tele', 'hearings_physical']);
    expect(cells(rows)).toEqual([
      '2020-W51 hearings_physical=90',
      '2020-W52 hearings_physical=100',
      '2020-W53 hearings_physical=101',
      '2021-W01 hearings_physical=null',
      '2020-W51 hearings_tele=20',
      '2020-W52 hearings_tele=30 revised',
      '2020-W53 hearings_tele=31',
      '2021-W01 hearings_tele=33',
    ]);
    const w52 = rows.find((r) => r.week === '2020-W52' && r.metric === 'hearings_tele')!;
    expect(w52).toMatchObject({ weekStart: '2020-12-21', fileName: 'gehoren_2021-01-11.csv', line: 2, exportDate: '2021-01-11' });
    // Re-reported with the same value: not a revision.
    expect(rows.find((r) => r.week === '2020-W52' && r.metric === 'hearings_physical')).toMatchObject({ revised: false });
  });

  it('never mixes the sample with the user data', async () => {
    expect(cells(await weeklyValues(db, 'sample', ['hearings_tele']))).toEqual(['2020-W52 hearings_tele=999']);
  });

  it('lists every week of a chosen range, across 2020-W53', async () => {
    const rows = await weeklyValues(db, 'user', ['hearings_tele'], { first: '2020-12-21', last: '2021-01-11' });
    expect(rows.map((r) => r.week)).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(await loadedWeekRange(db, 'user')).toEqual({ first: '2020-12-14', last: '2021-01-04' });
  });

  it('keeps the older value as history', async () => {
    expect(await observationHistory(db, 'user', 'hearings_tele', '2020-12-21')).toEqual([
      { value: 30, fileName: 'gehoren_2021-01-11.csv', sheet: null, line: 2, exportDate: '2021-01-11', current: true },
      { value: 29, fileName: 'gehoren_2020-12-31.csv', sheet: null, line: 3, exportDate: '2020-12-31', current: false },
    ]);
  });

  it('summarises the metrics present', async () => {
    expect(await metricsInData(db, 'user')).toEqual([
      { metric: 'hearings_physical', customLabel: null, weeks: 3, first: '2020-W51', last: '2020-W53' },
      { metric: 'hearings_tele', customLabel: null, weeks: 4, first: '2020-W51', last: '2021-W01' },
    ]);
  });
});

describe('file reports', () => {
  it('reports counts, columns, rejected lines and superseded values per file', async () => {
    const reports = await fileReports(db, 'user');
    // The header's count is the list's length, without the list's work; another dataset has none of these.
    expect(await fileCount(db, 'user')).toBe(reports.length);
    expect(await fileCount(db, 'public')).toBe(0);
    expect(reports.map((r) => [r.name, r.exportDate, r.rowsLoaded, r.rowsRejected, r.rowsSkipped, r.valuesSuperseded, r.valuesRevised])).toEqual([
      ['gehoren_2021-01-11.csv', '2021-01-11', 3, 0, 0, 0, 0],
      ['gehoren_2020-12-31.csv', '2020-12-31', 2, 1, 0, 2, 1],
    ]);
    const lines = await lineReportPage(db, reports[1].fileId, 'rejected', 0);
    expect(lines).toEqual([
      {
        fileId: reports[1].fileId,
        sheet: null,
        line: 4,
        raw: '2020-W53;bad;1',
        outcome: 'rejected',
        reason: { code: 'values_invalid', cells: [{ column: 'Telehoren', text: 'bad', problem: 'not_a_number' }] },
      },
    ]);
    const columns = await fileColumns(db, 'user');
    expect(columns.filter((c) => c.fileId === reports[0].fileId).map((c) => [c.header, c.role, c.metric])).toEqual([
      ['week', 'week', null],
      ['Telehoren', 'metric', 'hearings_tele'],
      ['Gehoren fysiek', 'metric', 'hearings_physical'],
    ]);
  });

  it('removes one file and then a whole dataset, leaving the other dataset alone', async () => {
    const [newest] = await fileReports(db, 'user');
    await removeFile(db, newest.fileId);
    expect(cells(await weeklyValues(db, 'user', ['hearings_tele']))).toEqual(['2020-W51 hearings_tele=20', '2020-W52 hearings_tele=29']);
    await removeDataset(db, 'user');
    expect(await fileReports(db, 'user')).toEqual([]);
    expect(await loadedWeekRange(db, 'user')).toBeNull();
    expect(cells(await weeklyValues(db, 'sample', ['hearings_tele']))).toEqual(['2020-W52 hearings_tele=999']);
  });
});
