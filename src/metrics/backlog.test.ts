/**
 * The backlog against DuckDB on fixtures worked out by hand: reconciliation of a reported stock
 * with its flows (a correction in one week, a missing flow), the wait by Little's law, and from
 * case-level data the open stock and the age of open cases, across 2020-W53.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/support/nodeDuckdb';
import { readCaseExport, sniffCaseLayout } from '../ingest/caseExport';
import { storeCaseExport } from '../db/caseStore';
import type { Database } from '../db/database';
import { parseExport } from '../ingest/parseExport';
import { storeExport } from '../db/store';
import { backlogBreakdown, backlogFiles, backlogSources, backlogSummary, backlogWeeks, type BacklogQuery } from './backlog';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  // Weekly: 2020-W51 .. 2021-W02. Implied(t) = reported(t-1) + applications - decisions.
  // W52: 100 + 10 - 5 = 105 (reported 105); W53: 105 + 12 - 2 = 115, reported 120 (a correction of +5);
  // W01: decisions missing: no implied; W02: 130 + 10 - 10 = 130 (reported 131).
  await storeExport(
    db,
    'user',
    parseExport({
      name: 'nareis_2021-01-18.csv',
      bytes: new TextEncoder().encode(
        'week;Nareisaanvragen;Nareisbesluiten;Openstaande nareisaanvragen\n2020-W51;8;4;100\n2020-W52;10;5;105\n2020-W53;12;2;120\n2021-W01;11;;130\n2021-W02;10;10;131\n',
      ),
      lastModified: 0,
    }),
  );
  // Cases, for the sample dataset (kept apart from the weekly figures above).
  const text = [
    'zaak;ontvangen;besluit;nationaliteit;gehoor',
    // Decided in the week it arrived (W02): the export covers the weeks from 2020-W02 on (its first decision).
    'Z;2020-01-06;2020-01-07;Syrië;video',
    'A;2020-01-31;;Syrië;video', // 1 month old from 2020-02-29; open throughout
    'B;2020-03-15;;Eritrea;fysiek', // 3 months old from 2020-06-15
    'C;2020-03-16;2020-03-22;Syrië;video', // decided in the week it arrived (W12, Sunday 22 March): never open at a week end
    'D;2020-03-16;2020-03-23;Syrië;fysiek', // open at the end of W12, decided in W13
    'E;2020-12-31;2021-01-04;Irak;video', // open at the end of 2020-W53 (Sunday 3 January), decided in 2021-W01
  ].join('\n');
  const bytes = new TextEncoder().encode(`${text}\n`);
  const layout = sniffCaseLayout(bytes)!;
  await storeCaseExport(db, 'sample', readCaseExport({ name: 'zaken_2021-01-31.csv', bytes, lastModified: 0 }, layout), null);
}, 30_000);

const query = (over: Partial<BacklogQuery>): BacklogQuery => ({
  dataset: 'user',
  source: 'weekly',
  range: { first: null, last: null },
  baseline: { first: '2020-12-14', last: '2020-12-21' },
  trailingWeeks: 2,
  termMonths: 6,
  ...over,
});

describe('backlog from weekly exports', () => {
  it('reconciles the reported stock with its flows and shows where they differ', async () => {
    const weeks = await backlogWeeks(db, query({}));
    expect(weeks.map((w) => [w.week, w.openReported, w.openImplied, w.openDifference, w.netChange])).toEqual([
      ['2020-W51', 100, 100, 0, 4],
      ['2020-W52', 105, 105, 0, 5],
      ['2020-W53', 120, 115, 5, 10],
      ['2021-W01', 130, null, null, 10],
      ['2021-W02', 131, 130, 1, 0],
    ]);
    const summary = await backlogSummary(db, query({}));
    expect(summary).toMatchObject({ mode: 'reconciled', latestWeek: '2021-W02', open: 131, weeksDiffering: 2, openBaseline: 105 });
  });

  it('estimates the wait by Little\'s law: open cases over the mean weekly decisions of the trailing weeks', async () => {
    const weeks = await backlogWeeks(db, query({}));
    const wait = Object.fromEntries(weeks.map((w) => [w.week, w.waitWeeksEstimate]));
    // W52: 105 / mean(4, 5) = 23.33; W53: 120 / mean(5, 2) = 34.29; W01: decisions missing, mean of 2 alone: 65; W02: 131 / mean(10) = 13.1.
    expect(wait['2020-W52']).toBeCloseTo(105 / 4.5, 9);
    expect(wait['2020-W53']).toBeCloseTo(120 / 3.5, 9);
    expect(wait['2021-W01']).toBeCloseTo(65, 9);
    expect(wait['2021-W02']).toBeCloseTo(13.1, 9);
    const summary = await backlogSummary(db, query({}));
    // Baseline window W51-W52: mean of 100 / 4 = 25 and 23.33.
    expect(summary.waitBaseline).toBeCloseTo((25 + 105 / 4.5) / 2, 9);
    expect(summary.applicationsRate).toBe(10.5);
  });

  it('derives the stock from the flows and one known stock', async () => {
    await storeExport(db, 'sample', parseExport({ name: 'flows_2021-04-01.csv', bytes: new TextEncoder().encode('week;Nareisaanvragen;Nareisbesluiten;Openstaande nareisaanvragen\n2021-W10;5;1;\n2021-W11;6;2;50\n2021-W12;7;3;\n'), lastModified: 0 }) );
    // Weekly data of the sample dataset: open 50 at W11, the one known stock: W10 = 50 - (6 - 2) = 46, W12 = 50 + (7 - 3) = 54.
    const weeks = await backlogWeeks(db, query({ dataset: 'sample', range: { first: '2021-03-08', last: null } }));
    expect(weeks.map((w) => [w.week, w.openImplied])).toEqual([
      ['2021-W10', 46],
      ['2021-W11', 50],
      ['2021-W12', 54],
    ]);
    expect((await backlogSummary(db, query({ dataset: 'sample' }))).mode).toBe('stock_from_flows');
  });
});

describe('backlog from case-level exports', () => {
  const cases = (over: Partial<BacklogQuery> = {}) => query({ dataset: 'sample', source: 'cases', ...over });

  it('counts a case open at the end of a week until the Sunday of its decision week', async () => {
    const weeks = await backlogWeeks(db, cases({ range: { first: '2020-03-09', last: '2020-03-23' } }));
    // Received: B in W11, C and D in W12. Open at W11's end (15 March): A, B; W12 (22 March): A, B, D (C decided on
    // its Sunday); W13: A, B (D decided on its Monday).
    expect(weeks.map((w) => [w.week, w.applications, w.decisions, w.openImplied, w.openReported])).toEqual([
      ['2020-W11', 1, 0, 2, null],
      ['2020-W12', 2, 1, 3, null],
      ['2020-W13', 0, 1, 2, null],
    ]);
  });

  it('gives the age of open cases in whole calendar months, and those past the term', async () => {
    const at = async (first: string) => (await backlogWeeks(db, cases({ range: { first, last: first }, termMonths: 3 })))[0];
    // Week ending Sunday 1 March 2020: A (31 January) is 1 month old (from 29 February): 0-3.
    expect(await at('2020-02-24')).toMatchObject({ openAge0_3: 1, openAge3_6: 0, openPastTerm: 0 });
    // Week ending Sunday 14 June: A is 4 months, B (15 March) still 2: not yet 3 on 14 June.
    expect(await at('2020-06-08')).toMatchObject({ openAge0_3: 1, openAge3_6: 1, openPastTerm: 1 });
    // Week ending Sunday 21 June: B is 3 months old since 15 June.
    expect(await at('2020-06-15')).toMatchObject({ openAge0_3: 0, openAge3_6: 2, openPastTerm: 2 });
    // 2020-W53 ends Sunday 3 January 2021: A 11 months (9+), B 9 months, E open and 0.
    expect(await at('2020-12-28')).toMatchObject({ week: '2020-W53', openAge0_3: 1, openAge6_9: 0, openAge9Plus: 2, openImplied: 3 });
  });

  it('breaks the open cases down by nationality and hearing type', async () => {
    const rows = await backlogBreakdown(db, 'sample', 'nationality', '2020-03-16', 2);
    // End of W12: Syrië A and D open, C decided; Eritrea B. Received in W11-W12: Syrië C, D; Eritrea B.
    expect(rows).toEqual([
      { group: 'Syrië', open: 2, received: 2, decided: 1 },
      { group: 'Eritrea', open: 1, received: 1, decided: 0 },
    ]);
  });

  it('says which sources a dataset has', async () => {
    expect(await backlogSources(db, 'sample')).toEqual(['cases', 'weekly']);
    expect(await backlogSources(db, 'user')).toEqual(['weekly']);
  });
});

describe('backlog from two case-level exports', () => {
  it('counts each case once, as the newest export has it', async () => {
    const fresh = await openTestDatabase();
    const store = async (name: string, lines: string[]) => {
      const bytes = new TextEncoder().encode(`zaak;ontvangen;besluit;nationaliteit\n${lines.join('\n')}\n`);
      const layout = sniffCaseLayout(bytes)!;
      await storeCaseExport(fresh, 'user', readCaseExport({ name, bytes, lastModified: 0 }, layout), null);
    };
    // The older export has A and B open; the newer one has A decided on Monday 23 March (2020-W13) and B as before.
    // Z, decided the day it arrived, is the exports' first decision: they cover the weeks from 2020-W10.
    await store('zaken_2020-03-20.csv', ['Z;2020-03-02;2020-03-02;Syrië', 'A;2020-03-02;;Syrië', 'B;2020-03-03;;Eritrea']);
    await store('zaken_2020-03-27.csv', ['Z;2020-03-02;2020-03-02;Syrië', 'A;2020-03-02;2020-03-23;Syrië', 'B;2020-03-03;;Eritrea']);
    const weeks = await backlogWeeks(fresh, query({ dataset: 'user', source: 'cases', range: { first: '2020-03-02', last: '2020-03-23' } }));
    expect(weeks.map((w) => [w.week, w.applications, w.decisions, w.openImplied])).toEqual([
      ['2020-W10', 3, 1, 2],
      ['2020-W11', 0, 0, 2],
      ['2020-W12', 0, 0, 2],
      ['2020-W13', 0, 1, 1],
    ]);
    // End of W13 (Sunday 29 March): only B is open; A was decided in it.
    expect(await backlogBreakdown(fresh, 'user', 'nationality', '2020-03-23', 1)).toEqual([
      { group: 'Eritrea', open: 1, received: 0, decided: 0 },
      { group: 'Syrië', open: 0, received: 0, decided: 1 },
    ]);
  }, 30_000);
});

describe('the backlog\'s sources', () => {
  it('name only the files that contribute to it', async () => {
    await storeExport(db, 'user', parseExport({ name: 'gehoren_2021-01-25.csv', bytes: new TextEncoder().encode('week;Telehoren\n2021-W01;40\n'), lastModified: 0 }));
    expect(await backlogFiles(db, 'user', 'weekly')).toEqual([{ name: 'nareis_2021-01-18.csv', exportDate: '2021-01-18' }]);
    expect(await backlogFiles(db, 'sample', 'cases')).toEqual([{ name: 'zaken_2021-01-31.csv', exportDate: '2021-01-31', scope: 'zaken' }]);
  });
});

describe('the first weeks of a case-level export', () => {
  it('are left out until its first decision: before it the export misses the cases decided earlier, and its stock ramps up from zero', async () => {
    const fresh = await openTestDatabase();
    // A backlog received in 2020-W01..W03 (open at the export's start), the first decision in W04.
    const bytes = new TextEncoder().encode('zaak;ontvangen;besluit\nA;2019-12-30;2020-01-20\nB;2020-01-06;\nC;2020-01-13;\nD;2020-01-21;2020-01-28\n');
    await storeCaseExport(fresh, 'user', readCaseExport({ name: 'zaken_regio_zuid_2020-02-09.csv', bytes, lastModified: 0 }, sniffCaseLayout(bytes)!), null);
    const q = query({ dataset: 'user', source: 'cases', trailingWeeks: 2, baseline: { first: '2019-12-30', last: '2020-01-27' } });
    const weeks = await backlogWeeks(fresh, q);
    // W04 (20 January): A decided, D received: B, C, D open, counting the cases received before W04 too.
    expect(weeks.map((w) => [w.week, w.applications, w.decisions, w.openImplied])).toEqual([
      ['2020-W04', 1, 1, 3],
      ['2020-W05', 0, 1, 2],
    ]);
    // Asked for from W01, it still starts at W04: the ramp is not the stock.
    expect((await backlogWeeks(fresh, { ...q, range: { first: '2019-12-30', last: null } }))[0].week).toBe('2020-W04');
    const summary = await backlogSummary(fresh, q);
    // The baseline stock is the last complete week of the window (W05), not a week of the ramp.
    expect(summary).toMatchObject({ completeFrom: '2020-W04', openBaseline: 2 });
    expect(await backlogFiles(fresh, 'user', 'cases')).toEqual([{ name: 'zaken_regio_zuid_2020-02-09.csv', exportDate: '2020-02-09', scope: 'zaken_regio_zuid' }]);
  }, 30_000);

  it('are all there when it decides from its first week on', async () => {
    expect((await backlogSummary(db, query({ dataset: 'sample', source: 'cases' }))).completeFrom).toBeNull();
  });
});

describe('the last week of a case-level export', () => {
  it('is partial when the export was made before its Sunday: shown, but not the latest week nor in the trailing rates', async () => {
    // The sample dataset's case export is of Sunday 31 January 2021: complete. A weekday export is not.
    const fresh = await openTestDatabase();
    const bytes = new TextEncoder().encode('zaak;ontvangen;besluit\nZ;2021-01-04;2021-01-04\nA;2021-01-04;\nB;2021-01-11;2021-01-13\nC;2021-01-19;\nD;2021-01-20;\n');
    const layout = sniffCaseLayout(bytes)!;
    const name = 'zaken_2021-01-20.csv'; // Wednesday of 2021-W03
    await storeCaseExport(fresh, 'user', readCaseExport({ name, bytes, lastModified: 0 }, layout), null);
    const q = query({ dataset: 'user', source: 'cases', trailingWeeks: 2 });
    const weeks = await backlogWeeks(fresh, q);
    expect(weeks.map((w) => [w.week, w.applications, w.partial])).toEqual([
      ['2021-W01', 2, false],
      ['2021-W02', 1, false],
      ['2021-W03', 2, true],
    ]);
    const summary = await backlogSummary(fresh, q);
    // Latest complete week W02: A open (Z and B decided); trailing rates over W01-W02 only: 1.5 applications a week.
    expect(summary).toMatchObject({ latestWeek: '2021-W02', open: 1, applicationsRate: 1.5, decisionsRate: 1, partialWeek: '2021-W03' });
  }, 30_000);
});
