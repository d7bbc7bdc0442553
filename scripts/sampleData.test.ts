import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekMonday } from '../src/domain/isoWeek';
import { parseExport } from '../src/ingest/parseExport';
import { sniffCaseLayout } from '../src/ingest/caseExport';
import { regionCases } from './caseExports';
import { sampleExports } from './sampleExports';
import { ARRIVAL_DELAY_WEEKS, generateSeries, sampleWeeks, STOCK_CORRECTIONS, type SampleSeries } from './sampleSeries';

const series = generateSeries();
const weeks = sampleWeeks().map(formatIsoWeek);

function values(metric: keyof SampleSeries, from: string, to: string): number[] {
  return series[metric].slice(weeks.indexOf(from), weeks.indexOf(to) + 1);
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Weekly arrivals spread over the days of each week and added up per calendar month. */
function arrivalsPerMonth(): Map<string, number> {
  const months = new Map<string, number>();
  sampleWeeks().forEach((w, i) => {
    const monday = Date.parse(`${isoWeekMonday(w)}T00:00:00Z`);
    for (let day = 0; day < 7; day++) {
      const month = new Date(monday + day * 86_400_000).toISOString().slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + series.nareis_arrivals[i] / 7);
    }
  });
  return months;
}

function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  const cov = sum(xs.map((x, i) => (x - mx) * (ys[i] - my)));
  return cov / Math.sqrt(sum(xs.map((x) => (x - mx) ** 2)) * sum(ys.map((y) => (y - my) ** 2)));
}
const mean = (xs: number[]) => sum(xs) / xs.length;
/** Rounded as a letter to Parliament rounds below 1,000: to tens. */
const tens = (x: number) => Math.round(x / 10) * 10;

describe('the sample series reproduce the public figures', () => {
  it('departures: about 140 a week before the crisis, then 40, 20 and 80 in the letter phases', () => {
    expect(tens(mean(values('departures_total', '2019-W12', '2020-W11')))).toBe(140);
    expect(tens(mean(values('departures_total', '2020-W12', '2020-W17')))).toBe(40);
    expect(tens(mean(values('departures_total', '2020-W18', '2020-W26')))).toBe(20);
    expect(tens(mean(values('departures_total', '2020-W27', '2020-W37')))).toBe(80);
  });

  it('hearings in weeks 27-37 of 2020: about 410 in person and 240 by video; no video before May 2020', () => {
    expect(tens(mean(values('hearings_physical', '2020-W27', '2020-W37')))).toBe(410);
    expect(tens(mean(values('hearings_tele', '2020-W27', '2020-W37')))).toBe(240);
    expect(sum(values('hearings_tele', '2019-W01', '2020-W17'))).toBe(0);
  });

  it('Dublin: none from week 13 to 26 of 2020, then about 280 from 1 July to 13 September, half forced', () => {
    expect(sum(values('dublin_transfers', '2020-W13', '2020-W26'))).toBe(0);
    expect(tens(sum(values('dublin_transfers', '2020-W27', '2020-W37')))).toBe(280);
    expect(tens(sum(values('dublin_transfers_forced', '2020-W27', '2020-W37')))).toBe(140);
    expect(Math.abs(sum(values('dublin_transfers', '2019-W27', '2019-W37')) - 480)).toBeLessThan(25);
  });

  it.each([
    ['asylum_first', [22533, 13673, 24686], 0.001],
    ['nareis_applications', [6130, 9300, 13980], 0.001],
    ['nareis_arrivals', [4179, 3863, 10120], 0.001],
    ['departures_total', [7220, 4280, 3730], 0.03],
    ['departures_forced', [2760, 1650, 1630], 0.05],
    ['dublin_transfers', [2370, 1648, 1149], 0.03],
  ] as const)('%s matches the published yearly totals', (metric, totals, tolerance) => {
    totals.forEach((total, i) => {
      const year = 2019 + i;
      const actual = sum(values(metric, `${year}-W01`, `${year}-W${year === 2020 ? 53 : 52}`));
      expect(Math.abs(actual - total) / total).toBeLessThanOrEqual(tolerance);
    });
  });

  it('family members arrive after decisions and stopped travelling in spring 2020, as the IND monthly figures say', () => {
    const monthly = arrivalsPerMonth();
    const near = (month: string, published: number) => expect(Math.abs(monthly.get(month)! - published) / published, month).toBeLessThanOrEqual(0.2);
    near('2020-02', 470);
    near('2020-03', 125);
    near('2020-04', 149);
    near('2020-05', 51);
    near('2020-06', 58);
    for (const month of ['2020-09', '2020-10', '2020-11', '2020-12']) {
      expect(monthly.get(month)!, month).toBeGreaterThanOrEqual(347 * 0.9);
      expect(monthly.get(month)!, month).toBeLessThanOrEqual(637 * 1.05);
    }
    // The arrivals of 2019 follow the decisions of ARRIVAL_DELAY_WEEKS before them, not the applications of the same week.
    const lagged = values('nareis_decisions', '2019-W01', '2019-W42');
    const arrivals = values('nareis_arrivals', `2019-W${String(1 + ARRIVAL_DELAY_WEEKS).padStart(2, '0')}`, `2019-W${42 + ARRIVAL_DELAY_WEEKS}`);
    expect(correlation(lagged, arrivals)).toBeGreaterThan(0.5);
  });

  it('forced parts never exceed their totals, and no count is negative', () => {
    series.departures_forced.forEach((v, i) => expect(v).toBeLessThanOrEqual(series.departures_total[i]));
    series.dublin_transfers_forced.forEach((v, i) => expect(v).toBeLessThanOrEqual(series.dublin_transfers[i]));
    Object.values(series).forEach((xs) => xs.forEach((v) => expect(v).toBeGreaterThanOrEqual(0)));
  });

  it('the nareis backlog rises through 2020 and reconciles with its flows up to the stated corrections', () => {
    const open = (w: string) => values('nareis_open', w, w)[0];
    expect(open('2020-W26')).toBeGreaterThan(open('2020-W11'));
    expect(open('2020-W53')).toBeGreaterThan(open('2020-W26') + 1000);
    for (let i = 1; i < weeks.length; i++) {
      const implied = series.nareis_open[i - 1] + series.nareis_applications[i] - series.nareis_decisions[i];
      expect(series.nareis_open[i] - implied).toBe(STOCK_CORRECTIONS[weeks[i]] ?? 0);
    }
  });
});

describe('the sample exports', () => {
  const files = sampleExports(series);
  const weekly = files.filter((f) => sniffCaseLayout(f.bytes) === null);

  it('are the files committed in public/data', () => {
    for (const file of files) {
      const committed = readFileSync(path.resolve(import.meta.dirname, '../public/data', file.name));
      expect(Buffer.compare(committed, Buffer.from(file.bytes)), `${file.name} is stale: run npm run sample`).toBe(0);
    }
  });

  it('load without a rejected line, skipping only titles, totals and notes', () => {
    for (const file of weekly) {
      const parsed = parseExport({ name: file.name, bytes: file.bytes, lastModified: 0 });
      expect(parsed.problem, file.name).toBeNull();
      expect(parsed.rejected, file.name).toEqual([]);
      expect(parsed.skipped.map((s) => s.reason.code).every((c) => ['before_header', 'blank_line', 'total_row', 'note_line'].includes(c))).toBe(true);
      expect(parsed.rowsLoaded + parsed.skipped.length).toBe(parsed.dataLines);
    }
  });

  it('cover 2019-W01 to 2021-W52 with every catalogue metric, including 2020-W53', () => {
    const observed = weekly.flatMap((f) => parseExport({ name: f.name, bytes: f.bytes, lastModified: 0 }).observations);
    const metrics = new Set(observed.map((o) => o.metric));
    expect([...metrics].sort()).toEqual(Object.keys(series).sort());
    const mondays = observed.map((o) => o.weekStart).sort();
    expect([mondays[0], mondays[mondays.length - 1]]).toEqual(['2018-12-31', '2021-12-27']);
    expect(mondays).toContain('2020-12-28');
  });

  it('include weeks that the newer export revises', () => {
    const [early, late] = files.map((f) => parseExport({ name: f.name, bytes: f.bytes, lastModified: 0 }));
    const lateValue = new Map(late.observations.map((o) => [`${o.weekStart} ${o.metric}`, o.value]));
    const revised = early.observations.filter((o) => lateValue.get(`${o.weekStart} ${o.metric}`) !== o.value);
    expect(revised.length).toBeGreaterThanOrEqual(6);
    expect(new Set(revised.map((o) => o.weekStart)).has('2020-09-07')).toBe(true);
  });

  it('include one case-level export that agrees with a tenth of the nareis series, with two lines to reject', () => {
    const cases = files.filter((f) => sniffCaseLayout(f.bytes) !== null);
    expect(cases.map((f) => f.name)).toEqual(['IND_nareis_zaken_regio_zuid_2022-01-10.csv']);
    const lines = new TextDecoder().decode(cases[0].bytes).trim().split('\r\n');
    const region = regionCases(series);
    expect(lines.length - 1).toBe(region.length + 2);
    // Received per week: a tenth of the nareis applications (rounded), e.g. in 2020-W27.
    const w27 = region.filter((c) => c.received >= new Date(2020, 5, 29) && c.received < new Date(2020, 6, 6)).length;
    expect(w27).toBe(Math.round(series.nareis_applications[weeks.indexOf('2020-W27')] / 10));
  });
});
