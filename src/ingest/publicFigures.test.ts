/** The bundled "Openbare cijfers": every line loaded or skipped with its reason, each figure at its grain with its source. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPublicFigures, publicMetricId, publicLabel } from './publicFigures';

const dir = path.resolve(__dirname, '../../public/data/public');
const name = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
const parsed = readPublicFigures({ name, bytes, lastModified: 0 });

describe('the public figures', () => {
  it('account for every line: loaded + rejected + skipped = data lines', () => {
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\n').length - 1;
    expect(parsed.dataLines).toBe(lines);
    expect(parsed.rowsLoaded + parsed.rejected.length + parsed.skipped.length).toBe(parsed.dataLines);
    expect(parsed.rowsLoaded).toBe(parsed.observations.length + parsed.periodObservations.length);
    expect(parsed.problem).toBeNull();
  });

  it('take the export date from the file name', () => {
    expect(parsed.exportDate).toEqual({ date: '2026-11-30', source: 'file_name' });
  });

  it('keep months, quarters and years apart, each with its source link', () => {
    const cbs = (period: string) => parsed.periodObservations.find((o) => o.metric === 'custom_cbs_first_asylum_requests' && o.period === period);
    expect(cbs('2020-03')).toMatchObject({ grain: 'month', value: 1025, source: expect.stringMatching(/^https:\/\//) });
    // The link is the one on the figure's own line of the file.
    const line = new TextDecoder().decode(bytes).split('\n')[cbs('2020-03')!.line - 1];
    expect(line.split(',')[5]).toBe(cbs('2020-03')!.source);
    expect(cbs('2020-Q1')).toMatchObject({ grain: 'quarter', value: 4470 });
    expect(cbs('2019')).toMatchObject({ grain: 'year', value: 22540 });
    // Gaps stay gaps: May 2020 is not in the file.
    expect(cbs('2020-05')).toBeUndefined();
  });

  it('map only series whose definition is the catalogue metric', () => {
    expect(publicMetricId('ind_first_applications')).toBe('asylum_first');
    expect(publicMetricId('ind_nareizigers_entered')).toBe('nareis_arrivals');
    // CBS counts persons (rounded to 5), Eurostat first + repeat: other series than IND's first applications.
    expect(publicMetricId('cbs_first_asylum_requests')).toBe('custom_cbs_first_asylum_requests');
    expect(publicMetricId('eurostat_asylum_applicants_asy_app')).toBe('custom_eurostat_asylum_applicants_asy_app');
    expect(publicLabel('cbs_first_asylum_requests_provisional')).toBe('Eerste asielverzoeken (CBS), voorlopig');
    expect(publicLabel('ind_first_applications_rev')).toBe('Eerste asielaanvragen (IND), herzien in de volgende publicatie');
    // Every series of the file has a Dutch label, never its id.
    const custom = parsed.customMetrics.map((m) => m.label);
    expect(custom.filter((label) => /^[a-z0-9 ]+$/.test(label))).toEqual([]);
    expect(parsed.customMetrics).toContainEqual({ id: 'custom_cbs_first_asylum_requests', label: 'Eerste asielverzoeken (CBS)' });
  });

  it('mark provisional figures with their flag', () => {
    const q2 = parsed.periodObservations.find((o) => o.metric === 'custom_cbs_first_asylum_requests_provisional' && o.period === '2020-Q2');
    expect(q2).toMatchObject({ value: 1265, flag: 'provisional' });
  });

  it('mark figures the source gives in words ("ruim 38.000") as approximate, never as a count', () => {
    const year = parsed.periodObservations.find((o) => o.metric === 'custom_cbs_first_asylum_requests' && o.period === '2023' && o.value === 38000);
    expect(year).toMatchObject({ grain: 'year', flag: 'approximate' });
    const may = parsed.periodObservations.find((o) => o.metric === 'custom_cbs_nareizigers' && o.period === '2020-05');
    expect(may).toMatchObject({ value: 50, flag: 'approximate' });
    // A figure CBS publishes rounded to 5 is its own count: no flag.
    expect(parsed.periodObservations.find((o) => o.metric === 'custom_cbs_first_asylum_requests' && o.period === '2020-03')?.flag).toBeUndefined();
  });

  it('skip sums over a range and unclear periods with their reason', () => {
    const range = parsed.skipped.find((s) => s.raw.startsWith('2022-01/2022-06,'));
    expect(range?.reason).toEqual({ code: 'period_range', period: '2022-01/2022-06' });
    const unclear = parsed.skipped.find((s) => s.raw.startsWith('2023 (YTD early Sep)'));
    expect(unclear?.reason).toEqual({ code: 'period_unclear', period: '2023 (YTD early Sep)' });
  });

  it('never show a percentage among the counts', () => {
    const share = parsed.skipped.find((s) => s.raw.includes('ind_nareis_share_beyond_6_month_term'));
    expect(share?.reason).toEqual({ code: 'not_a_count', unit: 'percentage' });
    expect(parsed.periodObservations.some((o) => o.metric.includes('share'))).toBe(false);
  });

  it('load single weeks as weekly figures', () => {
    expect(parsed.observations).toContainEqual({ line: expect.any(Number), weekStart: '2023-10-16', metric: 'custom_jenv_weekly_asylum_inflow_rounded', value: 1500 });
  });
});
